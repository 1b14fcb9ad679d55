<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActionStatusDialog</name>
    <message>
        <source>Progress of the plan action</source>
        <translation>Progress of the plan action</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Postponed to</source>
        <translation>Postponed to</translation>
    </message>
    <message>
        <source>What was done, or why it waits (optional)</source>
        <translation>What was done, or why it waits (optional)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>Age</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <source>Attach a file</source>
        <translation>Attach a file</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Caption</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Attach</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <source>Attach a file…</source>
        <translation>Attach a file…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Drop photos and scans (JPEG, PNG, PDF) here, or attach them with the button.</source>
        <translation>Drop photos and scans (JPEG, PNG, PDF) here, or attach them with the button.</translation>
    </message>
    <message>
        <source>Approved by the supervisor: attachments can no longer be added or removed.</source>
        <translation>Approved by the supervisor: attachments can no longer be added or removed.</translation>
    </message>
    <message>
        <source>Not downloaded yet</source>
        <translation>Not downloaded yet</translation>
    </message>
    <message numerus="yes">
        <source>PDF, %n page(s)</source>
        <translation>
            <numerusform>PDF, %n page</numerusform>
            <numerusform>PDF, %n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot be shown</source>
        <translation>Cannot be shown</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Attach a file</translation>
    </message>
    <message>
        <source>Photos and scans (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>Photos and scans (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <source>Remove the attachment?</source>
        <translation>Remove the attachment?</translation>
    </message>
    <message>
        <source>Remove “%1” from the case? It is removed on every laptop at the next sync.</source>
        <translation>Remove “%1” from the case? It is removed on every laptop at the next sync.</translation>
    </message>
    <message>
        <source>This file cannot be read. Check that it is still there and not open in another program.</source>
        <translation>This file cannot be read. Check that it is still there and not open in another program.</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>Not attached</translation>
    </message>
    <message>
        <source>This file has not reached this laptop yet. It comes with the next sync when the server has it.</source>
        <translation>This file has not reached this laptop yet. It comes with the next sync when the server has it.</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>Not downloaded</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>This image cannot be shown.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>◀ Previous page</source>
        <translation>◀ Previous page</translation>
    </message>
    <message>
        <source>Next page ▶</source>
        <translation>Next page ▶</translation>
    </message>
    <message>
        <source>This PDF cannot be shown: it is damaged.</source>
        <translation>This PDF cannot be shown: it is damaged.</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>This file is larger than {limit} MB, the most a file may be. Scan it at a lower resolution, or split it.</source>
        <translation>This file is larger than {limit} MB, the most a file may be. Scan it at a lower resolution, or split it.</translation>
    </message>
    <message>
        <source>FieldApp keeps photos and scans: JPEG, PNG or PDF. This file is none of them.</source>
        <translation>FieldApp keeps photos and scans: JPEG, PNG or PDF. This file is none of them.</translation>
    </message>
    <message>
        <source>This image is damaged and cannot be read. Take the photo or the scan again.</source>
        <translation>This image is damaged and cannot be read. Take the photo or the scan again.</translation>
    </message>
    <message>
        <source>This PDF is damaged or locked with a password, so it cannot be read. Save or scan it again.</source>
        <translation>This PDF is damaged or locked with a password, so it cannot be read. Save or scan it again.</translation>
    </message>
    <message>
        <source>This file is empty.</source>
        <translation>This file is empty.</translation>
    </message>
</context>
<context>
    <name>AttachmentsButton</name>
    <message>
        <source>Attachments (%1)…</source>
        <translation>Attachments (%1)…</translation>
    </message>
</context>
<context>
    <name>CaseloadModel</name>
    <message>
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>Next visit due</source>
        <translation>Next visit due</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>Open actions</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Changes of this family waiting to be sent to the server</source>
        <translation>Changes of this family waiting to be sent to the server</translation>
    </message>
    <message>
        <source>A safety concern was recorded for this family</source>
        <translation>A safety concern was recorded for this family</translation>
    </message>
    <message>
        <source>The visit is overdue</source>
        <translation>The visit is overdue</translation>
    </message>
    <message>
        <source>(closed)</source>
        <translation>(closed)</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>synced</source>
        <translation>synced</translation>
    </message>
    <message>
        <source>Children&apos;s ages</source>
        <translation>Children&apos;s ages</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Found in</translation>
    </message>
    <message>
        <source>family</source>
        <translation>family</translation>
    </message>
    <message>
        <source>member</source>
        <translation>member</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>visit</translation>
    </message>
    <message>
        <source>assessment</source>
        <translation>assessment</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>plan</translation>
    </message>
    <message>
        <source>referral</source>
        <translation>referral</translation>
    </message>
    <message>
        <source>service</source>
        <translation>service</translation>
    </message>
    <message>
        <source>plan action</source>
        <translation>plan action</translation>
    </message>
    <message>
        <source>this laptop only</source>
        <translation>this laptop only</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <source>(not assigned)</source>
        <translation>(not assigned)</translation>
    </message>
</context>
<context>
    <name>CaseloadView</name>
    <message>
        <source>Search names, addresses and notes (Ctrl+F)</source>
        <translation>Search names, addresses and notes (Ctrl+F)</translation>
    </message>
    <message>
        <source>Overdue visits only</source>
        <translation>Overdue visits only</translation>
    </message>
    <message>
        <source>New family…</source>
        <translation>New family…</translation>
    </message>
    <message>
        <source>Hromada</source>
        <translation>Hromada</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All hromadas</source>
        <translation>All hromadas</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message numerus="yes">
        <source>%n families</source>
        <translation>
            <numerusform>%n family</numerusform>
            <numerusform>%n families</numerusform>
        </translation>
    </message>
    <message>
        <source>No families on this laptop yet. Add one with “New family…”, or they arrive with the first sync.</source>
        <translation>No families on this laptop yet. Add one with “New family…”, or they arrive with the first sync.</translation>
    </message>
    <message>
        <source>No family matches the search and filters.</source>
        <translation>No family matches the search and filters.</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <source>The search is still being prepared after the first sync: some families may be missing from the results until it is ready.</source>
        <translation>The search is still being prepared after the first sync: some families may be missing from the results until it is ready.</translation>
    </message>
    <message>
        <source>All caseworkers</source>
        <translation>All caseworkers</translation>
    </message>
</context>
<context>
    <name>CheckinScreen</name>
    <message>
        <source>FieldApp</source>
        <translation>FieldApp</translation>
    </message>
    <message>
        <source>Checking in with the server…</source>
        <translation>Checking in with the server…</translation>
    </message>
    <message>
        <source>Your organisation asks this laptop to check in with its server from time to time before the records open. This takes a moment when the connection is slow.</source>
        <translation>Your organisation asks this laptop to check in with its server from time to time before the records open. This takes a moment when the connection is slow.</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to the organisation&apos;s server</source>
        <translation>Connect to the organisation&apos;s server</translation>
    </message>
    <message>
        <source>IT gives you the server&apos;s address and a one-time enrolment code (or your user name and password). Your passphrase stays as it is.</source>
        <translation>IT gives you the server&apos;s address and a one-time enrolment code (or your user name and password). Your passphrase stays as it is.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message numerus="yes">
        <source>%n family(ies) already recorded on this laptop</source>
        <translation>
            <numerusform>%n family already recorded on this laptop</numerusform>
            <numerusform>%n families already recorded on this laptop</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send them to the server as my families</source>
        <translation>
            <numerusform>Send it to the server as my family</numerusform>
            <numerusform>Send them to the server as my families</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep them on this laptop only, and connect without them</source>
        <translation>
            <numerusform>Keep it on this laptop only, and connect without it</numerusform>
            <numerusform>Keep them on this laptop only, and connect without them</numerusform>
        </translation>
    </message>
    <message>
        <source>They go to the server at the first sync and your supervisor sees them like any other family. Their case numbers take the code the server gives this laptop; the year and the number stay.</source>
        <translation>They go to the server at the first sync and your supervisor sees them like any other family. Their case numbers take the code the server gives this laptop; the year and the number stay.</translation>
    </message>
    <message>
        <source>Nothing of them is sent. They are kept in an encrypted copy in the profile&apos;s backups folder, opened by the same passphrase, and the program then shows the caseload the server sends.</source>
        <translation>Nothing of them is sent. They are kept in an encrypted copy in the profile&apos;s backups folder, opened by the same passphrase, and the program then shows the caseload the server sends.</translation>
    </message>
    <message>
        <source>This enrolment code has a typo: check it character by character.</source>
        <translation>This enrolment code has a typo: check it character by character.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Nothing was changed on this laptop.</source>
        <translation>Nothing was changed on this laptop.</translation>
    </message>
    <message>
        <source>Connect to a server…</source>
        <translation>Connect to a server…</translation>
    </message>
    <message>
        <source>Connected to the server as %1. The first sync starts now.</source>
        <translation>Connected to the server as %1. The first sync starts now.</translation>
    </message>
    <message>
        <source>Start FieldApp again to see the supervisor&apos;s screens.</source>
        <translation>Start FieldApp again to see the supervisor&apos;s screens.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>FieldApp: an error</source>
        <translation>FieldApp: an error</translation>
    </message>
    <message>
        <source>Sorry: FieldApp ran into an error it did not expect.</source>
        <translation>Sorry: FieldApp ran into an error it did not expect.</translation>
    </message>
    <message>
        <source>What you saved is safe. You can go on working; if something looks wrong, close FieldApp and start it again. Please copy the report below and send it to IT, with a line about what you were doing. The report has no names or other details of families.</source>
        <translation>What you saved is safe. You can go on working; if something looks wrong, close FieldApp and start it again. Please copy the report below and send it to IT, with a line about what you were doing. The report has no names or other details of families.</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copy report</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>DD/MM/YYYY</translation>
    </message>
    <message>
        <source>Choose on a calendar (F4)</source>
        <translation>Choose on a calendar (F4)</translation>
    </message>
    <message>
        <source>Choose on a calendar</source>
        <translation>Choose on a calendar</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
</context>
<context>
    <name>DraftsNote</name>
    <message>
        <source>%1, typed %2 — &lt;a href=&quot;%3&quot;&gt;continue&lt;/a&gt;</source>
        <translation>%1, typed %2 — &lt;a href=&quot;%3&quot;&gt;continue&lt;/a&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Not saved as a record yet (a draft on this laptop, not synced):</source>
        <translation>
            <numerusform>Not saved as a record yet (a draft on this laptop, not synced):</numerusform>
            <numerusform>Not saved as records yet (drafts on this laptop, not synced):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnrolForm</name>
    <message>
        <source>or, without a code:</source>
        <translation>or, without a code:</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>The server does not know this enrolment code. Check it, or ask IT for a new one.</source>
        <translation>The server does not know this enrolment code. Check it, or ask IT for a new one.</translation>
    </message>
    <message>
        <source>The server did not accept this user name and password. Check them, or ask IT.</source>
        <translation>The server did not accept this user name and password. Check them, or ask IT.</translation>
    </message>
    <message>
        <source>FieldApp could not connect because of an error of its own.</source>
        <translation>FieldApp could not connect because of an error of its own.</translation>
    </message>
</context>
<context>
    <name>FamilyFile</name>
    <message>
        <source>Record a visit</source>
        <translation>Record a visit</translation>
    </message>
    <message>
        <source>Start assessment</source>
        <translation>Start assessment</translation>
    </message>
    <message>
        <source>Change the family…</source>
        <translation>Change the family…</translation>
    </message>
    <message>
        <source>Close the case…</source>
        <translation>Close the case…</translation>
    </message>
    <message>
        <source>Nothing recorded yet. Start with “Record a visit”.</source>
        <translation>Nothing recorded yet. Start with “Record a visit”.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>(case closed)</source>
        <translation>(case closed)</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <source>escalated to the supervisor</source>
        <translation>escalated to the supervisor</translation>
    </message>
    <message>
        <source>not yet escalated</source>
        <translation>not yet escalated</translation>
    </message>
    <message>
        <source>Safety concern</source>
        <translation>Safety concern</translation>
    </message>
    <message numerus="yes">
        <source>%n recorded, the latest on %1 (%2):</source>
        <translation>
            <numerusform>%n recorded, on %1 (%2):</numerusform>
            <numerusform>%n recorded, the latest on %1 (%2):</numerusform>
        </translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>since %1</translation>
    </message>
    <message>
        <source>(withdrawn %1)</source>
        <translation>(withdrawn %1)</translation>
    </message>
    <message>
        <source>Certificate %1</source>
        <translation>Certificate %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>Difficult circumstances</source>
        <translation>Difficult circumstances</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>Identified</translation>
    </message>
    <message>
        <source>Displacement (IDP)</source>
        <translation>Displacement (IDP)</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>The report on the results of support; the case closes when the supervisor approves it.</source>
        <translation>The report on the results of support; the case closes when the supervisor approves it.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Plan of social support</source>
        <translation>Plan of social support</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Service delivered</source>
        <translation>Service delivered</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Protected details</source>
        <translation>Protected details</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Protected</source>
        <translation>Protected</translation>
    </message>
    <message>
        <source>Closure report: awaiting approval</source>
        <translation>Closure report: awaiting approval</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Agency and reason</source>
        <translation>Agency and reason</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>Follow up</translation>
    </message>
    <message>
        <source>No referrals yet.</source>
        <translation>No referrals yet.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Who received it</source>
        <translation>Who received it</translation>
    </message>
    <message>
        <source>No services recorded yet.</source>
        <translation>No services recorded yet.</translation>
    </message>
    <message>
        <source>Purpose and person</source>
        <translation>Purpose and person</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>No consents recorded yet.</source>
        <translation>No consents recorded yet.</translation>
    </message>
    <message>
        <source>Person and kind</source>
        <translation>Person and kind</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Lifted</source>
        <translation>Lifted</translation>
    </message>
    <message>
        <source>No protected details.</source>
        <translation>No protected details.</translation>
    </message>
    <message>
        <source>New referral…</source>
        <translation>New referral…</translation>
    </message>
    <message>
        <source>Record a service…</source>
        <translation>Record a service…</translation>
    </message>
    <message>
        <source>Record a consent…</source>
        <translation>Record a consent…</translation>
    </message>
    <message>
        <source>Set protected details…</source>
        <translation>Set protected details…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>to %1</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>status granted</source>
        <translation>status granted</translation>
    </message>
    <message>
        <source>trafficking</source>
        <translation>trafficking</translation>
    </message>
    <message>
        <source>violence</source>
        <translation>violence</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Safety</translation>
    </message>
</context>
<context>
    <name>FamilyFollowUps</name>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Make the referral</source>
        <translation>Make the referral</translation>
    </message>
    <message>
        <source>Record the services</source>
        <translation>Record the services</translation>
    </message>
    <message>
        <source>After the visit</source>
        <translation>After the visit</translation>
    </message>
    <message>
        <source>The visit is saved. It asks for a referral or lists services delivered: record them now, so they can be followed up?</source>
        <translation>The visit is saved. It asks for a referral or lists services delivered: record them now, so they can be followed up?</translation>
    </message>
    <message>
        <source>After the assessment</source>
        <translation>After the assessment</translation>
    </message>
    <message>
        <source>The assessment is submitted. Draw up the plan of social support now, starting from the needs it found?</source>
        <translation>The assessment is submitted. Draw up the plan of social support now, starting from the needs it found?</translation>
    </message>
    <message>
        <source>Draw up the plan</source>
        <translation>Draw up the plan</translation>
    </message>
    <message>
        <source>Assess the child&apos;s safety</source>
        <translation>Assess the child&apos;s safety</translation>
    </message>
    <message>
        <source>The visit is saved and records a safety concern: the notices are due within a day. Assess the child&apos;s safety now?</source>
        <translation>The visit is saved and records a safety concern: the notices are due within a day. Assess the child&apos;s safety now?</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <source>Fields marked * must be filled in.</source>
        <translation>Fields marked * must be filled in.</translation>
    </message>
    <message>
        <source>Must be filled in</source>
        <translation>Must be filled in</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow-up after closure</source>
        <translation>Follow-up after closure</translation>
    </message>
    <message>
        <source>Follow-up of the %1 family after the case was closed</source>
        <translation>Follow-up of the %1 family after the case was closed</translation>
    </message>
    <message>
        <source>Follow-up done on</source>
        <translation>Follow-up done on</translation>
    </message>
    <message>
        <source>Record the visit or call itself in the family&apos;s file if there is anything to note.</source>
        <translation>Record the visit or call itself in the family&apos;s file if there is anything to note.</translation>
    </message>
    <message>
        <source>Give the date the follow-up was done.</source>
        <translation>Give the date the follow-up was done.</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>Change the family</source>
        <translation>Change the family</translation>
    </message>
    <message>
        <source>New family</source>
        <translation>New family</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Add a member…</source>
        <translation>Add a member…</translation>
    </message>
    <message>
        <source>Members of the family</source>
        <translation>Members of the family</translation>
    </message>
    <message>
        <source>Add at least one member of the family.</source>
        <translation>Add at least one member of the family.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>The window changes to the new language when the open windows are closed.</source>
        <translation>The window changes to the new language when the open windows are closed.</translation>
    </message>
</context>
<context>
    <name>LanguageChoice</name>
    <message>
        <source>As the system (Ukrainian on a Ukrainian system)</source>
        <translation>As the system (Ukrainian on a Ukrainian system)</translation>
    </message>
    <message>
        <source>Set by your organisation for this laptop.</source>
        <translation>Set by your organisation for this laptop.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>FieldApp is locked</source>
        <translation>FieldApp is locked</translation>
    </message>
    <message>
        <source>It locked itself after a while without use, to keep the families&apos; records private. Enter your passphrase to continue: everything you were typing is still there.</source>
        <translation>It locked itself after a while without use, to keep the families&apos; records private. Enter your passphrase to continue: everything you were typing is still there.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>You locked FieldApp, to keep the families&apos; records private. Enter your passphrase to continue: everything you were typing is still there.</source>
        <translation>You locked FieldApp, to keep the families&apos; records private. Enter your passphrase to continue: everything you were typing is still there.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>FieldApp</source>
        <translation>FieldApp</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <source>Today and this week</source>
        <translation>Today and this week</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;New family…</source>
        <translation>&amp;New family…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Lock now</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Caseload</source>
        <translation>&amp;Caseload</translation>
    </message>
    <message>
        <source>&amp;Today and this week</source>
        <translation>&amp;Today and this week</translation>
    </message>
    <message>
        <source>Close the family file</source>
        <translation>Close the family file</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Sync</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Sync &amp;now</translation>
    </message>
    <message>
        <source>Conflicts and refused changes…</source>
        <translation>Conflicts and refused changes…</translation>
    </message>
    <message numerus="yes">
        <source>%n changes waiting to sync</source>
        <translation>
            <numerusform>%n change waiting to sync</numerusform>
            <numerusform>%n changes waiting to sync</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waiting to sync</source>
        <translation>Nothing waiting to sync</translation>
    </message>
    <message>
        <source>last sync: %1</source>
        <translation>last sync: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Changes made on this laptop are sent to the server at the next sync.</source>
        <translation>Changes made on this laptop are sent to the server at the next sync.</translation>
    </message>
    <message numerus="yes">
        <source>Returned (%n)</source>
        <translation>
            <numerusform>Returned (%n)</numerusform>
            <numerusform>Returned (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message numerus="yes">
        <source>Syncing: %n record(s) sent</source>
        <translation>
            <numerusform>Syncing: %n record(s) sent</numerusform>
            <numerusform>Syncing: %n record(s) sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing: %n record(s) received</source>
        <translation>
            <numerusform>Syncing: %n record(s) received</numerusform>
            <numerusform>Syncing: %n record(s) received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced. %n item(s) need you: see Sync → Conflicts and refused changes.</source>
        <translation>
            <numerusform>Synced. %n item(s) need you: see Sync → Conflicts and refused changes.</numerusform>
            <numerusform>Synced. %n item(s) need you: see Sync → Conflicts and refused changes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced.</source>
        <translation>Synced.</translation>
    </message>
    <message>
        <source>⚠ %1 families on this laptop (more than %2)</source>
        <translation>⚠ %1 families on this laptop (more than %2)</translation>
    </message>
    <message>
        <source>A lost laptop should carry as few families as possible. Ask your supervisor whether all of them are still yours; families reassigned or closed leave the laptop at the next sync.</source>
        <translation>A lost laptop should carry as few families as possible. Ask your supervisor whether all of them are still yours; families reassigned or closed leave the laptop at the next sync.</translation>
    </message>
    <message numerus="yes">
        <source>Conflicts and refused changes (%n)…</source>
        <translation>
            <numerusform>Conflicts and refused changes (%n)…</numerusform>
            <numerusform>Conflicts and refused changes (%n)…</numerusform>
        </translation>
    </message>
    <message>
        <source>The organisation revoked this laptop, so the records on it were erased. If this is a mistake, ask IT to enrol the laptop again: what was synced is safe on the server.</source>
        <translation>The organisation revoked this laptop, so the records on it were erased. If this is a mistake, ask IT to enrol the laptop again: what was synced is safe on the server.</translation>
    </message>
    <message>
        <source>The forms are not part of this build yet.</source>
        <translation>The forms are not part of this build yet.</translation>
    </message>
    <message>
        <source>Unsaved forms</source>
        <translation>Unsaved forms</translation>
    </message>
    <message numerus="yes">
        <source>%n form(s) were not saved when FieldApp last closed. Continue them now?</source>
        <translation>
            <numerusform>%n form was not saved when FieldApp last closed. Continue it now?</numerusform>
            <numerusform>%n forms were not saved when FieldApp last closed. Continue them now?</numerusform>
        </translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>&amp;Export a parcel…</source>
        <translation>&amp;Export a parcel…</translation>
    </message>
    <message>
        <source>&amp;Import a parcel…</source>
        <translation>&amp;Import a parcel…</translation>
    </message>
    <message>
        <source>Not connected to a server: the records stay on this laptop</source>
        <translation>Not connected to a server: the records stay on this laptop</translation>
    </message>
    <message>
        <source>Only a laptop enrolled with the organisation&apos;s server syncs.</source>
        <translation>Only a laptop enrolled with the organisation&apos;s server syncs.</translation>
    </message>
    <message>
        <source>Nothing to sync: this laptop is not connected to the organisation&apos;s server. To connect it: Sync → Connect to a server…</source>
        <translation>Nothing to sync: this laptop is not connected to the organisation&apos;s server. To connect it: Sync → Connect to a server…</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>disability</source>
        <translation>disability</translation>
    </message>
    <message>
        <source>IDP</source>
        <translation>IDP</translation>
    </message>
    <message>
        <source>returned from an institution %1</source>
        <translation>returned from an institution %1</translation>
    </message>
</context>
<context>
    <name>PaperMenu</name>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Paper…</source>
        <translation>Paper…</translation>
    </message>
    <message>
        <source>Print the paper for signature or save it as a PDF</source>
        <translation>Print the paper for signature or save it as a PDF</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Print the family&apos;s paper file…</source>
        <translation>Print the family&apos;s paper file…</translation>
    </message>
    <message>
        <source>Save the family&apos;s paper file as PDF…</source>
        <translation>Save the family&apos;s paper file as PDF…</translation>
    </message>
    <message>
        <source>Print a blank visit form…</source>
        <translation>Print a blank visit form…</translation>
    </message>
    <message>
        <source>Save a blank visit form as PDF…</source>
        <translation>Save a blank visit form as PDF…</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>Cannot print</translation>
    </message>
    <message numerus="yes">
        <source>Sent to the printer: %n page(s).</source>
        <translation>
            <numerusform>Sent to the printer: %n page.</numerusform>
            <numerusform>Sent to the printer: %n pages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved as PDF: %n page(s).</source>
        <translation>
            <numerusform>Saved as PDF: %n page.</numerusform>
            <numerusform>Saved as PDF: %n pages.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed: %1</source>
        <translation>Signed: %1</translation>
    </message>
    <message>
        <source>Signed: %1 of %2</source>
        <translation>Signed: %1 of %2</translation>
    </message>
    <message>
        <source>Attach the signed scan…</source>
        <translation>Attach the signed scan…</translation>
    </message>
    <message>
        <source>Preparing the papers…</source>
        <translation>Preparing the papers…</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>Attach the signed scan?</source>
        <translation>Attach the signed scan?</translation>
    </message>
    <message>
        <source>Once the act is signed, scan or photograph it and attach it to this record, so the signed paper is in the case. Attach the signed scan now?</source>
        <translation>Once the act is signed, scan or photograph it and attach it to this record, so the signed paper is in the case. Attach the signed scan now?</translation>
    </message>
    <message>
        <source>A scan cannot be attached to this kind of record.</source>
        <translation>A scan cannot be attached to this kind of record.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Change the passphrase</source>
        <translation>Change the passphrase</translation>
    </message>
    <message>
        <source>The records on this laptop and their backups are copied under the new passphrase; the old one opens them until the copy is complete and checked, and never after.</source>
        <translation>The records on this laptop and their backups are copied under the new passphrase; the old one opens them until the copy is complete and checked, and never after.</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>Changing the passphrase: the records are being copied under the new one…</source>
        <translation>Changing the passphrase: the records are being copied under the new one…</translation>
    </message>
    <message>
        <source>Type your current passphrase first.</source>
        <translation>Type your current passphrase first.</translation>
    </message>
    <message>
        <source>The new passphrase is the same as the current one. Choose another.</source>
        <translation>The new passphrase is the same as the current one. Choose another.</translation>
    </message>
    <message>
        <source>This is not the current passphrase. Nothing was changed.</source>
        <translation>This is not the current passphrase. Nothing was changed.</translation>
    </message>
    <message>
        <source>The current passphrase still opens the records.</source>
        <translation>The current passphrase still opens the records.</translation>
    </message>
</context>
<context>
    <name>PassphraseForm</name>
    <message>
        <source>A few words you will remember, such as a line of a song, are both strong and easy to type. Write it down and keep it apart from the laptop.</source>
        <translation>A few words you will remember, such as a line of a song, are both strong and easy to type. Write it down and keep it apart from the laptop.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Repeat it</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Strength</translation>
    </message>
    <message>
        <source>too short</source>
        <translation>too short</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>weak</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>fair</translation>
    </message>
    <message>
        <source>good</source>
        <translation>good</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>strong</translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n characters: a few words you remember are best.</source>
        <translation>
            <numerusform>Use at least %n character: a few words you remember are best.</numerusform>
            <numerusform>Use at least %n characters: a few words you remember are best.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation>The two passphrases differ. Type them again.</translation>
    </message>
</context>
<context>
    <name>PassphraseGroup</name>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>It opens the records on this laptop. Only you know it: IT cannot recover it.</source>
        <translation>It opens the records on this laptop. Only you know it: IT cannot recover it.</translation>
    </message>
    <message>
        <source>Change the passphrase…</source>
        <translation>Change the passphrase…</translation>
    </message>
    <message>
        <source>The passphrase was changed. Use the new one from now on.</source>
        <translation>The passphrase was changed. Use the new one from now on.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Family member</source>
        <translation>Family member</translation>
    </message>
</context>
<context>
    <name>PlacePicker</name>
    <message>
        <source>Type the hromada&apos;s name</source>
        <translation>Type the hromada&apos;s name</translation>
    </message>
    <message>
        <source>Type the settlement&apos;s name</source>
        <translation>Type the settlement&apos;s name</translation>
    </message>
    <message>
        <source>Type the place&apos;s name</source>
        <translation>Type the place&apos;s name</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Who is responsible</source>
        <translation>Who is responsible</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>No plan yet. Draw it up after the needs assessment.</source>
        <translation>No plan yet. Draw it up after the needs assessment.</translation>
    </message>
    <message>
        <source>Set the status…</source>
        <translation>Set the status…</translation>
    </message>
    <message>
        <source>Open the plan</source>
        <translation>Open the plan</translation>
    </message>
    <message>
        <source>Revise the plan…</source>
        <translation>Revise the plan…</translation>
    </message>
    <message>
        <source>Draw up a plan…</source>
        <translation>Draw up a plan…</translation>
    </message>
    <message>
        <source>submitted for review</source>
        <translation>submitted for review</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>returned for correction</source>
        <translation>returned for correction</translation>
    </message>
    <message>
        <source>support %1 – %2</source>
        <translation>support %1 – %2</translation>
    </message>
    <message>
        <source>Version %1 of %2</source>
        <translation>Version %1 of %2</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>The plan has no actions.</source>
        <translation>The plan has no actions.</translation>
    </message>
    <message>
        <source>not submitted</source>
        <translation>not submitted</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>FieldApp</source>
        <translation>FieldApp</translation>
    </message>
    <message>
        <source>Welcome to FieldApp</source>
        <translation>Welcome to FieldApp</translation>
    </message>
    <message>
        <source>FieldApp keeps the records of the families you support on this laptop, encrypted, and works without a connection. How would you like to start?</source>
        <translation>FieldApp keeps the records of the families you support on this laptop, encrypted, and works without a connection. How would you like to start?</translation>
    </message>
    <message>
        <source>Connect to my organisation&apos;s server</source>
        <translation>Connect to my organisation&apos;s server</translation>
    </message>
    <message>
        <source>IT gives you the server&apos;s address and an enrolment code (or a user name and password).</source>
        <translation>IT gives you the server&apos;s address and an enrolment code (or a user name and password).</translation>
    </message>
    <message>
        <source>Try it offline with demo data</source>
        <translation>Try it offline with demo data</translation>
    </message>
    <message>
        <source>Made-up families to explore the program. Nothing is sent anywhere.</source>
        <translation>Made-up families to explore the program. Nothing is sent anywhere.</translation>
    </message>
    <message>
        <source>Start without a server</source>
        <translation>Start without a server</translation>
    </message>
    <message>
        <source>Record on this laptop now; connect to the server later.</source>
        <translation>Record on this laptop now; connect to the server later.</translation>
    </message>
    <message>
        <source>Connect to the organisation&apos;s server</source>
        <translation>Connect to the organisation&apos;s server</translation>
    </message>
    <message>
        <source>IT gives you the server&apos;s address and a one-time enrolment code (or your user name and password). Then you choose a passphrase for this laptop, and your caseload arrives at the first sync.</source>
        <translation>IT gives you the server&apos;s address and a one-time enrolment code (or your user name and password). Then you choose a passphrase for this laptop, and your caseload arrives at the first sync.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>This enrolment code has a typo: check it character by character.</source>
        <translation>This enrolment code has a typo: check it character by character.</translation>
    </message>
    <message>
        <source>Choose a passphrase for this laptop</source>
        <translation>Choose a passphrase for this laptop</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <source>Your passphrase is set; press Connect to try again.</source>
        <translation>Your passphrase is set; press Connect to try again.</translation>
    </message>
    <message>
        <source>Choose a passphrase for this laptop&apos;s records. It encrypts everything you record; without it nobody, not even IT, can read or recover the records.</source>
        <translation>Choose a passphrase for this laptop&apos;s records. It encrypts everything you record; without it nobody, not even IT, can read or recover the records.</translation>
    </message>
    <message>
        <source>Making up demo families…</source>
        <translation>Making up demo families…</translation>
    </message>
    <message>
        <source>Enter your passphrase to open the records on this laptop.</source>
        <translation>Enter your passphrase to open the records on this laptop.</translation>
    </message>
    <message>
        <source>Open without the lost changes</source>
        <translation>Open without the lost changes</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Try FieldApp with demo data</source>
        <translation>Try FieldApp with demo data</translation>
    </message>
    <message>
        <source>Protecting the records with your passphrase…</source>
        <translation>Protecting the records with your passphrase…</translation>
    </message>
    <message>
        <source>Making up demo families… %1 of %2</source>
        <translation>Making up demo families… %1 of %2</translation>
    </message>
    <message>
        <source>The demo families could not be made: %1</source>
        <translation>The demo families could not be made: %1</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>RecordAttachments</name>
    <message>
        <source>Attachments of this record</source>
        <translation>Attachments of this record</translation>
    </message>
</context>
<context>
    <name>ReferralStatusDialog</name>
    <message>
        <source>Follow up the referral</source>
        <translation>Follow up the referral</translation>
    </message>
    <message>
        <source>Referral to %1</source>
        <translation>Referral to %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation>Why it was refused</translation>
    </message>
    <message>
        <source>Follow up again on</source>
        <translation>Follow up again on</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Your settings could not be read, so FieldApp uses its default settings for now. Nothing else is affected. The unreadable file was kept as %1 for IT to look at.</source>
        <translation>Your settings could not be read, so FieldApp uses its default settings for now. Nothing else is affected. The unreadable file was kept as %1 for IT to look at.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation>Lock after idle</translation>
    </message>
    <message>
        <source>Your organisation set the greyed-out settings for this laptop.</source>
        <translation>Your organisation set the greyed-out settings for this laptop.</translation>
    </message>
    <message>
        <source>The settings could not be saved (%1). Check that the disk is not full, then try again.</source>
        <translation>The settings could not be saved (%1). Check that the disk is not full, then try again.</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <source>The organisation revoked this laptop, so the records on it were erased. What was synced is safe on the server.</source>
        <translation>The organisation revoked this laptop, so the records on it were erased. What was synced is safe on the server.</translation>
    </message>
    <message>
        <source>Your organisation asks this laptop to reach its server at least every %1 days before the records open, and the last contact was %2 days ago. Connect to the internet and start FieldApp again.</source>
        <translation>Your organisation asks this laptop to reach its server at least every %1 days before the records open, and the last contact was %2 days ago. Connect to the internet and start FieldApp again.</translation>
    </message>
    <message>
        <source>The organisation revoked this laptop, so the records on it were erased. What was synced is safe on the server. To work again, ask IT to enrol this laptop.</source>
        <translation>The organisation revoked this laptop, so the records on it were erased. What was synced is safe on the server. To work again, ask IT to enrol this laptop.</translation>
    </message>
</context>
<context>
    <name>TextSizeGroup</name>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Larger text is easier to read; windows and table rows grow with it.</source>
        <translation>Larger text is easier to read; windows and table rows grow with it.</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>Your organisation set the text size for this laptop.</source>
        <translation>Your organisation set the text size for this laptop.</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Visit: %1</source>
        <translation>Visit: %1</translation>
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
        <source>SAFETY CONCERN: %1</source>
        <translation>SAFETY CONCERN: %1</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>submitted</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>returned</translation>
    </message>
    <message>
        <source>Plan action: %1</source>
        <translation>Plan action: %1</translation>
    </message>
    <message>
        <source>Case plan, version %1</source>
        <translation>Case plan, version %1</translation>
    </message>
    <message>
        <source>Service delivered</source>
        <translation>Service delivered</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Protected details</source>
        <translation>Protected details</translation>
    </message>
    <message>
        <source>(withdrawn %1)</source>
        <translation>(withdrawn %1)</translation>
    </message>
    <message>
        <source>protected: %1</source>
        <translation>protected: %1</translation>
    </message>
    <message>
        <source>trafficking</source>
        <translation>trafficking</translation>
    </message>
    <message>
        <source>violence</source>
        <translation>violence</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>not submitted</source>
        <translation>not submitted</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>overdue by %n day</numerusform>
            <numerusform>overdue by %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Plan action: %1</source>
        <translation>Plan action: %1</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>Overdue: %1</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Today, %1</translation>
    </message>
    <message>
        <source>Tomorrow, %1</source>
        <translation>Tomorrow, %1</translation>
    </message>
    <message>
        <source>First visit</source>
        <translation>First visit</translation>
    </message>
    <message>
        <source>Needs assessment (5 working days from receipt)</source>
        <translation>Needs assessment (5 working days from receipt)</translation>
    </message>
    <message>
        <source>Referral follow-up: %1</source>
        <translation>Referral follow-up: %1</translation>
    </message>
    <message>
        <source>Follow-up after closure</source>
        <translation>Follow-up after closure</translation>
    </message>
    <message>
        <source>%1; children: %2</source>
        <translation>%1; children: %2</translation>
    </message>
    <message>
        <source>Record the visit</source>
        <translation>Record the visit</translation>
    </message>
    <message>
        <source>Start the assessment</source>
        <translation>Start the assessment</translation>
    </message>
    <message>
        <source>Mark done…</source>
        <translation>Mark done…</translation>
    </message>
    <message>
        <source>Follow up…</source>
        <translation>Follow up…</translation>
    </message>
    <message>
        <source>Record the follow-up…</source>
        <translation>Record the follow-up…</translation>
    </message>
    <message>
        <source>Postpone…</source>
        <translation>Postpone…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Safety concern: notices to %1</source>
        <translation>Safety concern: notices to %1</translation>
    </message>
    <message>
        <source>Record a notice…</source>
        <translation>Record a notice…</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <source>Plan actions</source>
        <translation>Plan actions</translation>
    </message>
    <message>
        <source>Nothing is due this week. Well done.</source>
        <translation>Nothing is due this week. Well done.</translation>
    </message>
    <message>
        <source>Looking for what is due…</source>
        <translation>Looking for what is due…</translation>
    </message>
    <message>
        <source>What is due could not be read.</source>
        <translation>What is due could not be read.</translation>
    </message>
    <message>
        <source>Due by %1: %2 in all, %3 overdue.</source>
        <translation>Due by %1: %2 in all, %3 overdue.</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Safety notices</source>
        <translation>Safety notices</translation>
    </message>
</context>
<context>
    <name>TypedGuard</name>
    <message>
        <source>What you typed here is not saved. Close and throw it away?</source>
        <translation>What you typed here is not saved. Close and throw it away?</translation>
    </message>
    <message>
        <source>Throw away</source>
        <translation>Throw away</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <source>Withdraw a consent</source>
        <translation>Withdraw a consent</translation>
    </message>
    <message>
        <source>given on %1</source>
        <translation>given on %1</translation>
    </message>
    <message>
        <source>Date withdrawn</source>
        <translation>Date withdrawn</translation>
    </message>
    <message>
        <source>Who withdrew it and how (in writing, by phone…)</source>
        <translation>Who withdrew it and how (in writing, by phone…)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>_Cover</name>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
</context>
</TS>
