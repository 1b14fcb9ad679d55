<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Theirs</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Keep these values</source>
        <translation>Keep these values</translation>
    </message>
    <message>
        <source>No conflicts. When two people change the same field, both versions wait here for you to choose.</source>
        <translation>No conflicts. When two people change the same field, both versions wait here for you to choose.</translation>
    </message>
    <message>
        <source>{kind} of {family}</source>
        <translation>{kind} of {family}</translation>
    </message>
    <message>
        <source>This family was given to another caseworker before your change arrived. They and the supervisor see your version; mark it as read here.</source>
        <translation>This family was given to another caseworker before your change arrived. They and the supervisor see your version; mark it as read here.</translation>
    </message>
    <message>
        <source>This record was deleted on the server while you changed it.</source>
        <translation>This record was deleted on the server while you changed it.</translation>
    </message>
    <message>
        <source>Someone else changed the same fields. Choose, field by field, which version to keep.</source>
        <translation>Someone else changed the same fields. Choose, field by field, which version to keep.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>{who}, outside this family&apos;s team or caseload, changed it after it was given to its caseworker; the change was not applied. Read it here and mark it as read.</source>
        <translation>{who}, outside this family&apos;s team or caseload, changed it after it was given to its caseworker; the change was not applied. Read it here and mark it as read.</translation>
    </message>
</context>
<context>
    <name>Parcel</name>
    <message>
        <source>This file is not a FieldApp parcel.</source>
        <translation>This file is not a FieldApp parcel.</translation>
    </message>
    <message>
        <source>This parcel is incomplete: it was copied only in part. Copy it again from the stick; nothing was changed.</source>
        <translation>This parcel is incomplete: it was copied only in part. Copy it again from the stick; nothing was changed.</translation>
    </message>
    <message>
        <source>This parcel is damaged and cannot be read. Ask for it again; nothing was changed.</source>
        <translation>This parcel is damaged and cannot be read. Ask for it again; nothing was changed.</translation>
    </message>
    <message>
        <source>This parcel was written by another version of FieldApp. Update FieldApp; nothing was changed.</source>
        <translation>This parcel was written by another version of FieldApp. Update FieldApp; nothing was changed.</translation>
    </message>
    <message>
        <source>This parcel was altered after it was written, or it does not come from the organisation&apos;s server. It was refused; nothing was changed.</source>
        <translation>This parcel was altered after it was written, or it does not come from the organisation&apos;s server. It was refused; nothing was changed.</translation>
    </message>
    <message>
        <source>This parcel was not written for this laptop. Nothing was changed.</source>
        <translation>This parcel was not written for this laptop. Nothing was changed.</translation>
    </message>
    <message>
        <source>This return parcel is for another laptop: carry it to that laptop. Nothing was changed here.</source>
        <translation>This return parcel is for another laptop: carry it to that laptop. Nothing was changed here.</translation>
    </message>
    <message>
        <source>This is the parcel this laptop wrote for the server: carry it to the office. Nothing was changed.</source>
        <translation>This is the parcel this laptop wrote for the server: carry it to the office. Nothing was changed.</translation>
    </message>
    <message>
        <source>This parcel comes from another server than the one this laptop is enrolled with. Nothing was changed.</source>
        <translation>This parcel comes from another server than the one this laptop is enrolled with. Nothing was changed.</translation>
    </message>
    <message>
        <source>This parcel was imported already, or a newer one was. Nothing was changed.</source>
        <translation>This parcel was imported already, or a newer one was. Nothing was changed.</translation>
    </message>
    <message>
        <source>This laptop cannot use parcels yet: it was enrolled before parcels existed. Ask IT to enrol it again.</source>
        <translation>This laptop cannot use parcels yet: it was enrolled before parcels existed. Ask IT to enrol it again.</translation>
    </message>
    <message>
        <source>Parcels carry records to the organisation&apos;s server, and this laptop is not connected to one: its records stay on this laptop. To connect it: Sync → Connect to a server…</source>
        <translation>Parcels carry records to the organisation&apos;s server, and this laptop is not connected to one: its records stay on this laptop. To connect it: Sync → Connect to a server…</translation>
    </message>
    <message>
        <source>This parcel is too large to open. Nothing was changed.</source>
        <translation>This parcel is too large to open. Nothing was changed.</translation>
    </message>
    <message>
        <source>This parcel is another laptop&apos;s parcel for the server. Carry it to the office, or send it from a supervisor&apos;s laptop.</source>
        <translation>This parcel is another laptop&apos;s parcel for the server. Carry it to the office, or send it from a supervisor&apos;s laptop.</translation>
    </message>
</context>
<context>
    <name>ParcelActions</name>
    <message>
        <source>Export a parcel for the server</source>
        <translation>Export a parcel for the server</translation>
    </message>
    <message numerus="yes">
        <source>The parcel is written (%n change(s)). Carry the file to the office. The changes stay on this laptop until the return parcel from the server is imported.</source>
        <translation>
            <numerusform>The parcel is written (%n change). Carry the file to the office. The change stays on this laptop until the return parcel from the server is imported.</numerusform>
            <numerusform>The parcel is written (%n changes). Carry the file to the office. The changes stay on this laptop until the return parcel from the server is imported.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import a parcel</source>
        <translation>Import a parcel</translation>
    </message>
    <message>
        <source>FieldApp parcel (*.parcel)</source>
        <translation>FieldApp parcel (*.parcel)</translation>
    </message>
    <message>
        <source>Writing the parcel…</source>
        <translation>Writing the parcel…</translation>
    </message>
    <message>
        <source>Importing the parcel…</source>
        <translation>Importing the parcel…</translation>
    </message>
    <message numerus="yes">
        <source>The return parcel is imported: %n change(s) settled.</source>
        <translation>
            <numerusform>The return parcel is imported: %n change settled.</numerusform>
            <numerusform>The return parcel is imported: %n changes settled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) received.</source>
        <translation>
            <numerusform>%n record received.</numerusform>
            <numerusform>%n records received.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) need you: see Sync → Conflicts and refused changes.</source>
        <translation>
            <numerusform>%n item needs you: see Sync → Conflicts and refused changes.</numerusform>
            <numerusform>%n items need you: see Sync → Conflicts and refused changes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The laptop had newer records from the network already.</source>
        <translation>The laptop had newer records from the network already.</translation>
    </message>
    <message>
        <source>This is a parcel of another laptop of your team, for the server. Hand it in now over the network? Its return parcel is saved in the same folder, for you to carry back. You can read neither.</source>
        <translation>This is a parcel of another laptop of your team, for the server. Hand it in now over the network? Its return parcel is saved in the same folder, for you to carry back. You can read neither.</translation>
    </message>
    <message>
        <source>Handing in the parcel…</source>
        <translation>Handing in the parcel…</translation>
    </message>
    <message>
        <source>Handed in. The return parcel is saved as %1: carry it back to that laptop.</source>
        <translation>Handed in. The return parcel is saved as %1: carry it back to that laptop.</translation>
    </message>
    <message>
        <source>The file could not be read or written there (%1). Check the stick, or choose another folder; nothing was changed.</source>
        <translation>The file could not be read or written there (%1). Check the stick, or choose another folder; nothing was changed.</translation>
    </message>
    <message>
        <source>A sync is under way. Try again when it has finished.</source>
        <translation>A sync is under way. Try again when it has finished.</translation>
    </message>
    <message>
        <source>Hand in a parcel</source>
        <translation>Hand in a parcel</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
</context>
<context>
    <name>RejectedPage</name>
    <message>
        <source>Send again</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>Discard my change…</source>
        <translation>Discard my change…</translation>
    </message>
    <message>
        <source>The server accepted every change from this laptop.</source>
        <translation>The server accepted every change from this laptop.</translation>
    </message>
    <message>
        <source>{kind} of {family}</source>
        <translation>{kind} of {family}</translation>
    </message>
    <message>
        <source>Your account may not make this change.</source>
        <translation>Your account may not make this change.</translation>
    </message>
    <message>
        <source>The server found a problem in the record: {detail}</source>
        <translation>The server found a problem in the record: {detail}</translation>
    </message>
    <message>
        <source>The server did not accept this change ({code}).</source>
        <translation>The server did not accept this change ({code}).</translation>
    </message>
    <message>
        <source>What you entered:</source>
        <translation>What you entered:</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>Discard your change?</source>
        <translation>Discard your change?</translation>
    </message>
    <message>
        <source>What you entered in this change will be gone from this laptop for good. Discard it?</source>
        <translation>What you entered in this change will be gone from this laptop for good. Discard it?</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Sync stopped because of an error in FieldApp. Your records are safe; FieldApp will try again later.</source>
        <translation>Sync stopped because of an error in FieldApp. Your records are safe; FieldApp will try again later.</translation>
    </message>
</context>
<context>
    <name>SyncFailure</name>
    <message>
        <source>The server cannot be reached. Everything is saved on this laptop and will be sent when the connection returns.</source>
        <translation>The server cannot be reached. Everything is saved on this laptop and will be sent when the connection returns.</translation>
    </message>
    <message>
        <source>The server had a problem and could not take the changes. They are kept on this laptop; FieldApp will try again.</source>
        <translation>The server had a problem and could not take the changes. They are kept on this laptop; FieldApp will try again.</translation>
    </message>
    <message>
        <source>The server answered something FieldApp does not understand. Check the server address, or tell IT. Nothing was lost.</source>
        <translation>The server answered something FieldApp does not understand. Check the server address, or tell IT. Nothing was lost.</translation>
    </message>
    <message>
        <source>The server address must start with https:// (or http:// on this computer only).</source>
        <translation>The server address must start with https:// (or http:// on this computer only).</translation>
    </message>
    <message>
        <source>This server address uses plain http://, so passwords and records would cross the network unencrypted. Use the server&apos;s address that starts with https://. Plain http:// is only for a server on this computer.</source>
        <translation>This server address uses plain http://, so passwords and records would cross the network unencrypted. Use the server&apos;s address that starts with https://. Plain http:// is only for a server on this computer.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate cannot be trusted. Tell IT: the connection was stopped to keep the records safe.</source>
        <translation>The server&apos;s certificate cannot be trusted. Tell IT: the connection was stopped to keep the records safe.</translation>
    </message>
    <message>
        <source>The server did not accept this laptop&apos;s sign-in. Ask IT to enrol the laptop again; nothing was lost.</source>
        <translation>The server did not accept this laptop&apos;s sign-in. Ask IT to enrol the laptop again; nothing was lost.</translation>
    </message>
    <message>
        <source>The server refused: your account may not do this.</source>
        <translation>The server refused: your account may not do this.</translation>
    </message>
    <message>
        <source>This version of FieldApp is too old for the server. Ask IT to update FieldApp; your records are safe on this laptop.</source>
        <translation>This version of FieldApp is too old for the server. Ask IT to update FieldApp; your records are safe on this laptop.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a few minutes, then try again.</source>
        <translation>Too many attempts. Wait a few minutes, then try again.</translation>
    </message>
    <message>
        <source>The server refused the request as malformed. Tell IT; nothing was lost.</source>
        <translation>The server refused the request as malformed. Tell IT; nothing was lost.</translation>
    </message>
    <message>
        <source>The server refused a batch as too large. Tell IT; nothing was lost.</source>
        <translation>The server refused a batch as too large. Tell IT; nothing was lost.</translation>
    </message>
    <message>
        <source>This laptop was revoked by the organisation, so its records were removed from it.</source>
        <translation>This laptop was revoked by the organisation, so its records were removed from it.</translation>
    </message>
    <message>
        <source>FieldApp must fetch your caseload again; this happens by itself.</source>
        <translation>FieldApp must fetch your caseload again; this happens by itself.</translation>
    </message>
    <message>
        <source>This laptop is not connected to the organisation&apos;s server yet.</source>
        <translation>This laptop is not connected to the organisation&apos;s server yet.</translation>
    </message>
    <message>
        <source>A demo profile never syncs. Create a new profile to connect to the server.</source>
        <translation>A demo profile never syncs. Create a new profile to connect to the server.</translation>
    </message>
    <message>
        <source>This enrolment code has a typo: check it character by character.</source>
        <translation>This enrolment code has a typo: check it character by character.</translation>
    </message>
    <message>
        <source>The server has no room for an attachment. It stays on this laptop and is sent when IT makes room.</source>
        <translation>The server has no room for an attachment. It stays on this laptop and is sent when IT makes room.</translation>
    </message>
    <message>
        <source>Part of an attachment was damaged on the way and was not kept. FieldApp sends it again.</source>
        <translation>Part of an attachment was damaged on the way and was not kept. FieldApp sends it again.</translation>
    </message>
    <message>
        <source>This attachment has not reached the server yet from the laptop that made it. Try again later.</source>
        <translation>This attachment has not reached the server yet from the laptop that made it. Try again later.</translation>
    </message>
    <message>
        <source>This attachment is not on the server, or it is not yours to open.</source>
        <translation>This attachment is not on the server, or it is not yours to open.</translation>
    </message>
    <message>
        <source>This account is disabled: ask IT. Everything recorded stays on this laptop.</source>
        <translation>This account is disabled: ask IT. Everything recorded stays on this laptop.</translation>
    </message>
    <message>
        <source>This enrolment code was used already: each code enrols one laptop once. Ask IT for a new one.</source>
        <translation>This enrolment code was used already: each code enrols one laptop once. Ask IT for a new one.</translation>
    </message>
    <message>
        <source>This enrolment code has expired. Ask IT for a new one.</source>
        <translation>This enrolment code has expired. Ask IT for a new one.</translation>
    </message>
</context>
<context>
    <name>SyncIssues</name>
    <message>
        <source>Family file</source>
        <translation>Family file</translation>
    </message>
    <message>
        <source>Family member</source>
        <translation>Family member</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Needs assessment</source>
        <translation>Needs assessment</translation>
    </message>
    <message>
        <source>Case plan</source>
        <translation>Case plan</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Protected record</source>
        <translation>Protected record</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>a family no longer on this laptop</source>
        <translation>a family no longer on this laptop</translation>
    </message>
    <message>
        <source>Safety assessment</source>
        <translation>Safety assessment</translation>
    </message>
    <message>
        <source>Notice of a concern</source>
        <translation>Notice of a concern</translation>
    </message>
</context>
<context>
    <name>SyncIssuesDialog</name>
    <message>
        <source>Sync: what needs you</source>
        <translation>Sync: what needs you</translation>
    </message>
    <message numerus="yes">
        <source>Conflicts (%n)</source>
        <translation>
            <numerusform>Conflicts (%n)</numerusform>
            <numerusform>Conflicts (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not accepted (%n)</source>
        <translation>
            <numerusform>Not accepted (%n)</numerusform>
            <numerusform>Not accepted (%n)</numerusform>
        </translation>
    </message>
</context>
</TS>
