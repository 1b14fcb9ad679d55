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
        <source>Safety assessment</source>
        <translation>Safety assessment</translation>
    </message>
    <message>
        <source>Notice of a concern</source>
        <translation>Notice of a concern</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>a family no longer on this laptop</source>
        <translation>a family no longer on this laptop</translation>
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
