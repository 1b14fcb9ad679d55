<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Display</name>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>draft</translation>
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
        <source>outgoing</source>
        <translation>outgoing</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>incoming</translation>
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
        <source>planned</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>postponed</source>
        <translation>postponed</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>granted</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>not known</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Hromada</source>
        <translation>Hromada</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
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
        <source>IDP certificate</source>
        <translation>IDP certificate</translation>
    </message>
    <message>
        <source>Territory of origin</source>
        <translation>Territory of origin</translation>
    </message>
    <message>
        <source>How the family was identified</source>
        <translation>How the family was identified</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <source>Date identified</source>
        <translation>Date identified</translation>
    </message>
    <message>
        <source>Application or notice received</source>
        <translation>Application or notice received</translation>
    </message>
    <message>
        <source>Specialists responsible</source>
        <translation>Specialists responsible</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason for closing</source>
        <translation>Reason for closing</translation>
    </message>
    <message>
        <source>Date closed</source>
        <translation>Date closed</translation>
    </message>
    <message>
        <source>Result of the support</source>
        <translation>Result of the support</translation>
    </message>
    <message>
        <source>Why the circumstances were not overcome</source>
        <translation>Why the circumstances were not overcome</translation>
    </message>
    <message>
        <source>Follow-up after closure</source>
        <translation>Follow-up after closure</translation>
    </message>
    <message>
        <source>Follow-up done on</source>
        <translation>Follow-up done on</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Role in the family</source>
        <translation>Role in the family</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Given name</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>Patronymic</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Disability</translation>
    </message>
    <message>
        <source>Disability group</source>
        <translation>Disability group</translation>
    </message>
    <message>
        <source>Subgroup A (group I only)</source>
        <translation>Subgroup A (group I only)</translation>
    </message>
    <message>
        <source>Internally displaced</source>
        <translation>Internally displaced</translation>
    </message>
    <message>
        <source>IDP certificate number</source>
        <translation>IDP certificate number</translation>
    </message>
    <message>
        <source>IDP certificate issued on</source>
        <translation>IDP certificate issued on</translation>
    </message>
    <message>
        <source>Child&apos;s legal status</source>
        <translation>Child&apos;s legal status</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>Legal representative (not in the family)</source>
        <translation>Legal representative (not in the family)</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>Identity document</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>Registered address</source>
        <translation>Registered address</translation>
    </message>
    <message>
        <source>Actual address</source>
        <translation>Actual address</translation>
    </message>
    <message>
        <source>Place of study or work</source>
        <translation>Place of study or work</translation>
    </message>
    <message>
        <source>Returned from a residential institution</source>
        <translation>Returned from a residential institution</translation>
    </message>
    <message>
        <source>Date returned</source>
        <translation>Date returned</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Duration, minutes</source>
        <translation>Duration, minutes</translation>
    </message>
    <message>
        <source>Type of visit</source>
        <translation>Type of visit</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Workers present</source>
        <translation>Workers present</translation>
    </message>
    <message>
        <source>Members present</source>
        <translation>Members present</translation>
    </message>
    <message>
        <source>Children seen</source>
        <translation>Children seen</translation>
    </message>
    <message>
        <source>Safety concern</source>
        <translation>Safety concern</translation>
    </message>
    <message>
        <source>What is the concern</source>
        <translation>What is the concern</translation>
    </message>
    <message>
        <source>Escalated to the supervisor</source>
        <translation>Escalated to the supervisor</translation>
    </message>
    <message>
        <source>Services delivered</source>
        <translation>Services delivered</translation>
    </message>
    <message>
        <source>Agreed next steps</source>
        <translation>Agreed next steps</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Form version</source>
        <translation>Form version</translation>
    </message>
    <message>
        <source>Date started</source>
        <translation>Date started</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Date completed</source>
        <translation>Date completed</translation>
    </message>
    <message>
        <source>Classification of the case</source>
        <translation>Classification of the case</translation>
    </message>
    <message>
        <source>Difficult circumstances present</source>
        <translation>Difficult circumstances present</translation>
    </message>
    <message>
        <source>How long the problems have lasted</source>
        <translation>How long the problems have lasted</translation>
    </message>
    <message>
        <source>Services needed</source>
        <translation>Services needed</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <source>Date drawn up</source>
        <translation>Date drawn up</translation>
    </message>
    <message>
        <source>Version of the plan</source>
        <translation>Version of the plan</translation>
    </message>
    <message>
        <source>Revises the plan</source>
        <translation>Revises the plan</translation>
    </message>
    <message>
        <source>Based on the assessment</source>
        <translation>Based on the assessment</translation>
    </message>
    <message>
        <source>Main goals</source>
        <translation>Main goals</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Goals</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Support from</source>
        <translation>Support from</translation>
    </message>
    <message>
        <source>Support until</source>
        <translation>Support until</translation>
    </message>
    <message>
        <source>Extensions of the term</source>
        <translation>Extensions of the term</translation>
    </message>
    <message>
        <source>Next review of the plan</source>
        <translation>Next review of the plan</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Agency (from the list)</source>
        <translation>Agency (from the list)</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Date referred</source>
        <translation>Date referred</translation>
    </message>
    <message>
        <source>Status since</source>
        <translation>Status since</translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation>Why it was refused</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Follow up on</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Date of the outcome</source>
        <translation>Date of the outcome</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
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
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Date delivered</source>
        <translation>Date delivered</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
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
        <source>Plan action</source>
        <translation>Plan action</translation>
    </message>
    <message>
        <source>Whose consent</source>
        <translation>Whose consent</translation>
    </message>
    <message>
        <source>Given by (adult or legal representative)</source>
        <translation>Given by (adult or legal representative)</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Given by (member of the family)</source>
        <translation>Given by (member of the family)</translation>
    </message>
    <message>
        <source>Date given</source>
        <translation>Date given</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>The child&apos;s own assent</source>
        <translation>The child&apos;s own assent</translation>
    </message>
    <message>
        <source>Who the information must be withheld from</source>
        <translation>Who the information must be withheld from</translation>
    </message>
    <message>
        <source>Date withdrawn</source>
        <translation>Date withdrawn</translation>
    </message>
    <message>
        <source>Note on the withdrawal</source>
        <translation>Note on the withdrawal</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Reviewed at</source>
        <translation>Reviewed at</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Why the record is protected</source>
        <translation>Why the record is protected</translation>
    </message>
    <message>
        <source>Status application date</source>
        <translation>Status application date</translation>
    </message>
    <message>
        <source>Date of the decision</source>
        <translation>Date of the decision</translation>
    </message>
    <message>
        <source>Certificate date</source>
        <translation>Certificate date</translation>
    </message>
    <message>
        <source>Certificate valid until</source>
        <translation>Certificate valid until</translation>
    </message>
    <message>
        <source>Forms of exploitation</source>
        <translation>Forms of exploitation</translation>
    </message>
    <message>
        <source>Extensions of the status</source>
        <translation>Extensions of the status</translation>
    </message>
    <message>
        <source>Assistance given</source>
        <translation>Assistance given</translation>
    </message>
    <message>
        <source>Protection lifted on</source>
        <translation>Protection lifted on</translation>
    </message>
    <message>
        <source>Why the protection was lifted</source>
        <translation>Why the protection was lifted</translation>
    </message>
    <message>
        <source>Fields in conflict</source>
        <translation>Fields in conflict</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <source>On the device</source>
        <translation>On the device</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>A deletion</source>
        <translation>A deletion</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>Belongs to</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Kind of file</source>
        <translation>Kind of file</translation>
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
        <source>Width</source>
        <translation>Width</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Height</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>Concern identified at</source>
        <translation>Concern identified at</translation>
    </message>
    <message>
        <source>Date of the assessment</source>
        <translation>Date of the assessment</translation>
    </message>
    <message>
        <source>Level of the child&apos;s safety</source>
        <translation>Level of the child&apos;s safety</translation>
    </message>
    <message>
        <source>Immediate measures taken</source>
        <translation>Immediate measures taken</translation>
    </message>
    <message>
        <source>Decision and work to be done</source>
        <translation>Decision and work to be done</translation>
    </message>
    <message>
        <source>Concern</source>
        <translation>Concern</translation>
    </message>
    <message>
        <source>Who was informed</source>
        <translation>Who was informed</translation>
    </message>
    <message>
        <source>Informed at</source>
        <translation>Informed at</translation>
    </message>
    <message>
        <source>How</source>
        <translation>How</translation>
    </message>
    <message>
        <source>Informed by</source>
        <translation>Informed by</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Registration number</translation>
    </message>
    <message>
        <source>The answer</source>
        <translation>The answer</translation>
    </message>
    <message>
        <source>Answered at</source>
        <translation>Answered at</translation>
    </message>
    <message>
        <source>The person at risk</source>
        <translation>The person at risk</translation>
    </message>
    <message>
        <source>Level of risk</source>
        <translation>Level of risk</translation>
    </message>
    <message>
        <source>Assessed by</source>
        <translation>Assessed by</translation>
    </message>
    <message>
        <source>Survivor</source>
        <translation>Survivor</translation>
    </message>
    <message>
        <source>Form of violence</source>
        <translation>Form of violence</translation>
    </message>
    <message>
        <source>Date of the incident</source>
        <translation>Date of the incident</translation>
    </message>
    <message>
        <source>Date first reported</source>
        <translation>Date first reported</translation>
    </message>
    <message>
        <source>Perpetrator&apos;s relationship</source>
        <translation>Perpetrator&apos;s relationship</translation>
    </message>
    <message>
        <source>Perpetrator&apos;s sex</source>
        <translation>Perpetrator&apos;s sex</translation>
    </message>
    <message>
        <source>Perpetrator&apos;s age group</source>
        <translation>Perpetrator&apos;s age group</translation>
    </message>
    <message>
        <source>Previous incidents</source>
        <translation>Previous incidents</translation>
    </message>
    <message>
        <source>Protection order</source>
        <translation>Protection order</translation>
    </message>
    <message>
        <source>Services offered</source>
        <translation>Services offered</translation>
    </message>
    <message>
        <source>Services accepted</source>
        <translation>Services accepted</translation>
    </message>
    <message>
        <source>Consent to share the data</source>
        <translation>Consent to share the data</translation>
    </message>
</context>
<context>
    <name>FormCheck</name>
    <message>
        <source>Choose a member of the family.</source>
        <translation>Choose a member of the family.</translation>
    </message>
    <message>
        <source>These rows could not be read.</source>
        <translation>These rows could not be read.</translation>
    </message>
    <message>
        <source>Fill this in for each row.</source>
        <translation>Fill this in for each row.</translation>
    </message>
</context>
<context>
    <name>Headless</name>
    <message>
        <source>Expected the passphrase on standard input (one line).</source>
        <translation>Expected the passphrase on standard input (one line).</translation>
    </message>
    <message>
        <source>Expected the passphrase a second time on standard input (the next line).</source>
        <translation>Expected the passphrase a second time on standard input (the next line).</translation>
    </message>
    <message>
        <source>Expected the password on standard input (the next line).</source>
        <translation>Expected the password on standard input (the next line).</translation>
    </message>
    <message>
        <source>Expected the enrolment code on standard input (the next line).</source>
        <translation>Expected the enrolment code on standard input (the next line).</translation>
    </message>
    <message>
        <source>The passphrase is empty.</source>
        <translation>The passphrase is empty.</translation>
    </message>
    <message>
        <source>The two passphrases differ: nothing was created.</source>
        <translation>The two passphrases differ: nothing was created.</translation>
    </message>
    <message>
        <source>Created an empty encrypted profile in {folder}.</source>
        <translation>Created an empty encrypted profile in {folder}.</translation>
    </message>
    <message>
        <source>Enrolled as {user} ({role}), device {device}, server {server}</source>
        <translation>Enrolled as {user} ({role}), device {device}, server {server}</translation>
    </message>
    <message>
        <source>Synced: pushed {pushed} (applied {applied}, merged {merged}, conflicts {conflicts}, rejected {rejected}); pulled {pulled}, evicted {evicted}; cursor {cursor}</source>
        <translation>Synced: pushed {pushed} (applied {applied}, merged {merged}, conflicts {conflicts}, rejected {rejected}); pulled {pulled}, evicted {evicted}; cursor {cursor}</translation>
    </message>
    <message>
        <source>There is no profile in {folder}. Create it first with: fieldapp init --profile {folder} (or add --create to this command).</source>
        <translation>There is no profile in {folder}. Create it first with: fieldapp init --profile {folder} (or add --create to this command).</translation>
    </message>
    <message>
        <source>The server at {server} cannot be reached: check the address and the port, and that the server runs. Nothing was enrolled.</source>
        <translation>The server at {server} cannot be reached: check the address and the port, and that the server runs. Nothing was enrolled.</translation>
    </message>
    <message>
        <source>The server refused to enrol this laptop: {detail}</source>
        <translation>The server refused to enrol this laptop: {detail}</translation>
    </message>
    <message>
        <source>Synced, but not everything went through (refused: {rejected}; conflicts: {conflicts}). Open FieldApp: Sync → Conflicts and refused changes.</source>
        <translation>Synced, but not everything went through (refused: {rejected}; conflicts: {conflicts}). Open FieldApp: Sync → Conflicts and refused changes.</translation>
    </message>
    <message>
        <source>This profile is enrolled with a server: demo families would never sync, and a later edit of them would be refused. Use a new folder for demo data.</source>
        <translation>This profile is enrolled with a server: demo families would never sync, and a later edit of them would be refused. Use a new folder for demo data.</translation>
    </message>
    <message>
        <source>This profile already holds families. Use a new folder for demo data, or --add to grow a demo profile.</source>
        <translation>This profile already holds families. Use a new folder for demo data, or --add to grow a demo profile.</translation>
    </message>
    <message>
        <source>FieldApp cannot open its window: this session has no display (neither DISPLAY nor WAYLAND_DISPLAY is set). Start it from the desktop, or use the headless commands (fieldapp --help).</source>
        <translation>FieldApp cannot open its window: this session has no display (neither DISPLAY nor WAYLAND_DISPLAY is set). Start it from the desktop, or use the headless commands (fieldapp --help).</translation>
    </message>
    <message>
        <source>This profile holds families recorded without a server ({families}). Say what becomes of them: --send-existing sends them to the server as your families; --keep-local keeps them on this laptop only (in an encrypted backup) and connects the profile without them. Nothing was enrolled.</source>
        <translation>This profile holds families recorded without a server ({families}). Say what becomes of them: --send-existing sends them to the server as your families; --keep-local keeps them on this laptop only (in an encrypted backup) and connects the profile without them. Nothing was enrolled.</translation>
    </message>
    <message>
        <source>This profile holds families recorded without a server ({families}). Send them to the server as your families (s), keep them on this laptop only (k), or stop (q)? </source>
        <translation>This profile holds families recorded without a server ({families}). Send them to the server as your families (s), keep them on this laptop only (k), or stop (q)? </translation>
    </message>
    <message>
        <source>Stopped: nothing was enrolled.</source>
        <translation>Stopped: nothing was enrolled.</translation>
    </message>
    <message>
        <source>The families recorded before ({families}; records in all: {records}) go to the server at the first sync: fieldapp sync --profile {folder}</source>
        <translation>The families recorded before ({families}; records in all: {records}) go to the server at the first sync: fieldapp sync --profile {folder}</translation>
    </message>
    <message>
        <source>The families recorded before ({families}) stay on this laptop only, in the encrypted backup {backup}; the connected profile starts without them.</source>
        <translation>The families recorded before ({families}) stay on this laptop only, in the encrypted backup {backup}; the connected profile starts without them.</translation>
    </message>
    <message>
        <source>The server did not accept the user name or the password. Check them with IT; nothing was enrolled.</source>
        <translation>The server did not accept the user name or the password. Check them with IT; nothing was enrolled.</translation>
    </message>
    <message>
        <source>The server does not know this enrolment code. Check it, or ask IT for a new one; nothing was enrolled.</source>
        <translation>The server does not know this enrolment code. Check it, or ask IT for a new one; nothing was enrolled.</translation>
    </message>
    <message>
        <source>This account is disabled: ask IT. Nothing was enrolled.</source>
        <translation>This account is disabled: ask IT. Nothing was enrolled.</translation>
    </message>
    <message>
        <source>This enrolment code was used already: each code enrols one laptop once. Ask IT for a new one; nothing was enrolled.</source>
        <translation>This enrolment code was used already: each code enrols one laptop once. Ask IT for a new one; nothing was enrolled.</translation>
    </message>
    <message>
        <source>This enrolment code has expired. Ask IT for a new one; nothing was enrolled.</source>
        <translation>This enrolment code has expired. Ask IT for a new one; nothing was enrolled.</translation>
    </message>
    <message>
        <source>Cannot read {file}: {reason}</source>
        <translation>Cannot read {file}: {reason}</translation>
    </message>
    <message>
        <source>Cannot write {file}: {reason}</source>
        <translation>Cannot write {file}: {reason}</translation>
    </message>
    <message>
        <source>Parcel {seq} with {changes} changes: {file}</source>
        <translation>Parcel {seq} with {changes} changes: {file}</translation>
    </message>
    <message>
        <source>Return parcel {seq}: {summary}</source>
        <translation>Return parcel {seq}: {summary}</translation>
    </message>
    <message>
        <source>Return parcel {seq}: {summary} (the laptop had newer records from the network already)</source>
        <translation>Return parcel {seq}: {summary} (the laptop had newer records from the network already)</translation>
    </message>
    <message>
        <source>Handed in; the return parcel for that laptop: {file}</source>
        <translation>Handed in; the return parcel for that laptop: {file}</translation>
    </message>
    <message>
        <source>Give --record ID, --family CASE-NUMBER or --blank FORM.</source>
        <translation>Give --record ID, --family CASE-NUMBER or --blank FORM.</translation>
    </message>
    <message>
        <source>Give --out FILE.pdf (a PDF is not written to a terminal).</source>
        <translation>Give --out FILE.pdf (a PDF is not written to a terminal).</translation>
    </message>
    <message>
        <source>--out names a folder; give a file name.</source>
        <translation>--out names a folder; give a file name.</translation>
    </message>
    <message>
        <source>There is no family with this case number on this laptop.</source>
        <translation>There is no family with this case number on this laptop.</translation>
    </message>
    <message>
        <source>There is no record with this id on this laptop.</source>
        <translation>There is no record with this id on this laptop.</translation>
    </message>
    <message>
        <source>Printed {papers} paper(s), {pages} page(s) to {where}</source>
        <translation>Printed {papers} paper(s), {pages} page(s) to {where}</translation>
    </message>
    <message>
        <source>standard output</source>
        <translation>standard output</translation>
    </message>
    <message>
        <source>The passphrase needs at least {count} characters (a few words are easiest): nothing was created.</source>
        <translation>The passphrase needs at least {count} characters (a few words are easiest): nothing was created.</translation>
    </message>
</context>
<context>
    <name>OsReason</name>
    <message>
        <source>there is no such file or folder</source>
        <translation>there is no such file or folder</translation>
    </message>
    <message>
        <source>this account is not allowed to use it</source>
        <translation>this account is not allowed to use it</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>the disk can only be read (a locked or read-only stick?)</source>
        <translation>the disk can only be read (a locked or read-only stick?)</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>it is a folder, not a file</translation>
    </message>
    <message>
        <source>a part of the path is a file, not a folder</source>
        <translation>a part of the path is a file, not a folder</translation>
    </message>
    <message>
        <source>the disk could not be read or written (a damaged or removed stick?)</source>
        <translation>the disk could not be read or written (a damaged or removed stick?)</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>the name is too long</translation>
    </message>
    <message>
        <source>the system refused it ({detail})</source>
        <translation>the system refused it ({detail})</translation>
    </message>
</context>
<context>
    <name>Papers</name>
    <message>
        <source>This family is not on this laptop.</source>
        <translation>This family is not on this laptop.</translation>
    </message>
    <message>
        <source>This record is protected: only a user with protected access may print it.</source>
        <translation>This record is protected: only a user with protected access may print it.</translation>
    </message>
    <message>
        <source>This record is not on this laptop.</source>
        <translation>This record is not on this laptop.</translation>
    </message>
    <message>
        <source>This record has no paper form to print.</source>
        <translation>This record has no paper form to print.</translation>
    </message>
    <message>
        <source>Nothing recorded for this family has a paper form yet.</source>
        <translation>Nothing recorded for this family has a paper form yet.</translation>
    </message>
    <message>
        <source>There is no such paper form.</source>
        <translation>There is no such paper form.</translation>
    </message>
    <message>
        <source>The PDF could not be written there: %1</source>
        <translation>The PDF could not be written there: %1</translation>
    </message>
    <message>
        <source>The printer could not be reached.</source>
        <translation>The printer could not be reached.</translation>
    </message>
    <message>
        <source>The printer refused the papers; check it in the system&apos;s printer settings.</source>
        <translation>The printer refused the papers; check it in the system&apos;s printer settings.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Families monitored</source>
        <translation>Families monitored</translation>
    </message>
    <message>
        <source>Children involved</source>
        <translation>Children involved</translation>
    </message>
    <message>
        <source>Families of those children</source>
        <translation>Families of those children</translation>
    </message>
    <message>
        <source>Persons in the families monitored</source>
        <translation>Persons in the families monitored</translation>
    </message>
    <message>
        <source>Cases opened</source>
        <translation>Cases opened</translation>
    </message>
    <message>
        <source>Cases active at the end of the period</source>
        <translation>Cases active at the end of the period</translation>
    </message>
    <message>
        <source>Cases closed</source>
        <translation>Cases closed</translation>
    </message>
    <message>
        <source>Needs assessments due</source>
        <translation>Needs assessments due</translation>
    </message>
    <message>
        <source>Needs assessments done within 5 working days</source>
        <translation>Needs assessments done within 5 working days</translation>
    </message>
    <message>
        <source>Active cases with a plan</source>
        <translation>Active cases with a plan</translation>
    </message>
    <message>
        <source>Referrals made</source>
        <translation>Referrals made</translation>
    </message>
    <message>
        <source>Referrals completed</source>
        <translation>Referrals completed</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Safety concerns raised</source>
        <translation>Safety concerns raised</translation>
    </message>
    <message>
        <source>Median hours until a safety concern was reviewed</source>
        <translation>Median hours until a safety concern was reviewed</translation>
    </message>
    <message>
        <source>Persons by sex and age</source>
        <translation>Persons by sex and age</translation>
    </message>
    <message>
        <source>Persons by disability</source>
        <translation>Persons by disability</translation>
    </message>
    <message>
        <source>Persons by IDP status</source>
        <translation>Persons by IDP status</translation>
    </message>
    <message>
        <source>Persons by hromada</source>
        <translation>Persons by hromada</translation>
    </message>
    <message>
        <source>Children by sex and age</source>
        <translation>Children by sex and age</translation>
    </message>
    <message>
        <source>Cases closed, by reason</source>
        <translation>Cases closed, by reason</translation>
    </message>
    <message>
        <source>Visits by type</source>
        <translation>Visits by type</translation>
    </message>
    <message>
        <source>Service events by service</source>
        <translation>Service events by service</translation>
    </message>
    <message>
        <source>Distinct recipients by service</source>
        <translation>Distinct recipients by service</translation>
    </message>
    <message>
        <source>Persons identified as affected by trafficking, by sex and age</source>
        <translation>Persons identified as affected by trafficking, by sex and age</translation>
    </message>
    <message>
        <source>Forms of exploitation</source>
        <translation>Forms of exploitation</translation>
    </message>
    <message>
        <source>Victim status: applications and grants</source>
        <translation>Victim status: applications and grants</translation>
    </message>
    <message>
        <source>Plan actions done</source>
        <translation>Plan actions done</translation>
    </message>
    <message>
        <source>Visits due in the period (the date the previous visit set)</source>
        <translation>Visits due in the period (the date the previous visit set)</translation>
    </message>
    <message>
        <source>Visits due in the period and made by that date</source>
        <translation>Visits due in the period and made by that date</translation>
    </message>
    <message>
        <source>Families monitored by category (a family counts under each of its categories)</source>
        <translation>Families monitored by category (a family counts under each of its categories)</translation>
    </message>
    <message>
        <source>Children by disability</source>
        <translation>Children by disability</translation>
    </message>
    <message>
        <source>Families monitored by hromada</source>
        <translation>Families monitored by hromada</translation>
    </message>
    <message>
        <source>Children by hromada</source>
        <translation>Children by hromada</translation>
    </message>
    <message>
        <source>Referrals by service</source>
        <translation>Referrals by service</translation>
    </message>
    <message>
        <source>Referrals by outcome</source>
        <translation>Referrals by outcome</translation>
    </message>
    <message>
        <source>Child-safety concerns identified</source>
        <translation>Child-safety concerns identified</translation>
    </message>
    <message>
        <source>Concerns with every statutory notice within a day</source>
        <translation>Concerns with every statutory notice within a day</translation>
    </message>
    <message>
        <source>Median hours from identification to the last notice</source>
        <translation>Median hours from identification to the last notice</translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>The local database could not be used.</source>
        <translation>The local database could not be used.</translation>
    </message>
    <message>
        <source>The passphrase is not right. Check the keyboard layout and Caps Lock, then try again.</source>
        <translation>The passphrase is not right. Check the keyboard layout and Caps Lock, then try again.</translation>
    </message>
    <message>
        <source>There is no FieldApp profile in {folder}.</source>
        <translation>There is no FieldApp profile in {folder}.</translation>
    </message>
    <message>
        <source>A FieldApp profile already exists in {folder}.</source>
        <translation>A FieldApp profile already exists in {folder}.</translation>
    </message>
    <message>
        <source>The key settings of this profile (key.json) are damaged, so the database cannot be unlocked. Nothing was changed. Ask IT to restore key.json from a backup.</source>
        <translation>The key settings of this profile (key.json) are damaged, so the database cannot be unlocked. Nothing was changed. Ask IT to restore key.json from a backup.</translation>
    </message>
    <message>
        <source>The key settings of this profile (key.json) are missing, so the database cannot be unlocked. Nothing was changed. Do not make a new profile: ask IT to put key.json back from a backup of this laptop.</source>
        <translation>The key settings of this profile (key.json) are missing, so the database cannot be unlocked. Nothing was changed. Do not make a new profile: ask IT to put key.json back from a backup of this laptop.</translation>
    </message>
    <message>
        <source>The key settings of this profile (key.json) use a method this version of FieldApp does not know. Nothing was changed. If a newer FieldApp made this profile, install it; otherwise ask IT to restore key.json from a backup.</source>
        <translation>The key settings of this profile (key.json) use a method this version of FieldApp does not know. Nothing was changed. If a newer FieldApp made this profile, install it; otherwise ask IT to restore key.json from a backup.</translation>
    </message>
    <message>
        <source>The passphrase is right, but the database does not belong to these key settings: its beginning is damaged, or the database or key.json was replaced by another profile&apos;s file. Nothing was changed. Ask IT to put back the matching pair from a backup.</source>
        <translation>The passphrase is right, but the database does not belong to these key settings: its beginning is damaged, or the database or key.json was replaced by another profile&apos;s file. Nothing was changed. Ask IT to put back the matching pair from a backup.</translation>
    </message>
    <message>
        <source>This profile is already open in another FieldApp window. Close that window first.</source>
        <translation>This profile is already open in another FieldApp window. Close that window first.</translation>
    </message>
    <message>
        <source>This profile was saved by a newer version of FieldApp (data version {found}; this program knows up to {known}). Install the newer version. Nothing was changed.</source>
        <translation>This profile was saved by a newer version of FieldApp (data version {found}; this program knows up to {known}). Install the newer version. Nothing was changed.</translation>
    </message>
    <message>
        <source>The disk is full, so this was not saved. Free some space, then save again: what you entered is still here.</source>
        <translation>The disk is full, so this was not saved. Free some space, then save again: what you entered is still here.</translation>
    </message>
    <message>
        <source>There is not enough free disk space to update this profile for the new version of FieldApp: a backup copy is made first and needs about {size} MB. Nothing was changed and no partial copy was left. Free some space, then start FieldApp again.</source>
        <translation>There is not enough free disk space to update this profile for the new version of FieldApp: a backup copy is made first and needs about {size} MB. Nothing was changed and no partial copy was left. Free some space, then start FieldApp again.</translation>
    </message>
    <message>
        <source>The local database is busy: another program is using it. Nothing was lost. Wait a moment, then try again; if this keeps happening, restart the laptop.</source>
        <translation>The local database is busy: another program is using it. Nothing was lost. Wait a moment, then try again; if this keeps happening, restart the laptop.</translation>
    </message>
    <message>
        <source>The local database cannot be written: its folder is read-only. What you entered is still here. Ask IT to check the permissions of the profile folder.</source>
        <translation>The local database cannot be written: its folder is read-only. What you entered is still here. Ask IT to check the permissions of the profile folder.</translation>
    </message>
    <message>
        <source>The disk could not be read or written, so this was not saved. What you entered is still here. Check that the disk or USB drive is connected, then save again.</source>
        <translation>The disk could not be read or written, so this was not saved. What you entered is still here. Check that the disk or USB drive is connected, then save again.</translation>
    </message>
    <message>
        <source>The local database is damaged and cannot be read. Do not delete anything: ask IT to restore it from the backups folder of this profile.</source>
        <translation>The local database is damaged and cannot be read. Do not delete anything: ask IT to restore it from the backups folder of this profile.</translation>
    </message>
    <message>
        <source>The database file of this profile is empty (0 bytes): the records are not in it. FieldApp will not make a new database over it. Do not delete anything: ask IT to restore the profile from a backup.</source>
        <translation>The database file of this profile is empty (0 bytes): the records are not in it. FieldApp will not make a new database over it. Do not delete anything: ask IT to restore the profile from a backup.</translation>
    </message>
    <message>
        <source>The database file of this profile (fieldapp.db) is missing, although its key settings are there. FieldApp will not make a new database in its place. Ask IT to put the file back from a backup.</source>
        <translation>The database file of this profile (fieldapp.db) is missing, although its key settings are there. FieldApp will not make a new database in its place. Ask IT to put the file back from a backup.</translation>
    </message>
    <message>
        <source>The database file is incomplete: it ends in the middle of a page, as when a copy is cut short. Nothing was changed. Do not delete anything: ask IT to restore it from a backup.</source>
        <translation>The database file is incomplete: it ends in the middle of a page, as when a copy is cut short. Nothing was changed. Do not delete anything: ask IT to restore it from a backup.</translation>
    </message>
    <message>
        <source>Part of the local database is damaged ({pages} of its {total} pages cannot be read), so FieldApp did not open it. Nothing was changed. Do not delete anything: ask IT to restore it from a backup.</source>
        <translation>Part of the local database is damaged ({pages} of its {total} pages cannot be read), so FieldApp did not open it. Nothing was changed. Do not delete anything: ask IT to restore it from a backup.</translation>
    </message>
    <message>
        <source>The database file is not encrypted, so it is not this profile&apos;s database: it was replaced by another file. FieldApp did not open it. Ask IT to put back the profile&apos;s own file from a backup.</source>
        <translation>The database file is not encrypted, so it is not this profile&apos;s database: it was replaced by another file. FieldApp did not open it. Ask IT to put back the profile&apos;s own file from a backup.</translation>
    </message>
    <message>
        <source>FieldApp did not close properly last time, and the journal of the database (fieldapp.db-wal) is now missing: the changes saved in that session may be lost. If the file was moved, put it back beside fieldapp.db and try again. Otherwise ask IT; open the records without it only if IT says so.</source>
        <translation>FieldApp did not close properly last time, and the journal of the database (fieldapp.db-wal) is now missing: the changes saved in that session may be lost. If the file was moved, put it back beside fieldapp.db and try again. Otherwise ask IT; open the records without it only if IT says so.</translation>
    </message>
    <message>
        <source>FieldApp did not close properly last time, and the journal of the database (fieldapp.db-wal) is damaged: changes saved in that session would be lost if the records were opened now. Nothing was changed. Ask IT to copy the profile folder before anything else; open the records without those changes only if IT says so.</source>
        <translation>FieldApp did not close properly last time, and the journal of the database (fieldapp.db-wal) is damaged: changes saved in that session would be lost if the records were opened now. Nothing was changed. Ask IT to copy the profile folder before anything else; open the records without those changes only if IT says so.</translation>
    </message>
    <message>
        <source>This record no longer exists on this laptop.</source>
        <translation>This record no longer exists on this laptop.</translation>
    </message>
    <message>
        <source>The supervisor approved this record, so it is locked. Ask them to reopen it if it needs a change.</source>
        <translation>The supervisor approved this record, so it is locked. Ask them to reopen it if it needs a change.</translation>
    </message>
    <message>
        <source>Another specialist wrote this record: only its author or a supervisor can change it. Write a record of your own instead.</source>
        <translation>Another specialist wrote this record: only its author or a supervisor can change it. Write a record of your own instead.</translation>
    </message>
    <message>
        <source>This record was deleted and cannot be changed.</source>
        <translation>This record was deleted and cannot be changed.</translation>
    </message>
    <message>
        <source>This record cannot be reviewed that way now: only submitted records are approved or returned, and only approved ones are reopened. Refresh the list: someone may have reviewed it already.</source>
        <translation>This record cannot be reviewed that way now: only submitted records are approved or returned, and only approved ones are reopened. Refresh the list: someone may have reviewed it already.</translation>
    </message>
    <message>
        <source>There is not enough free space on the disk to change the passphrase safely (about {needed_mb} MB more is needed). Nothing was changed: your current passphrase still opens the records. Free some space, then try again.</source>
        <translation>There is not enough free space on the disk to change the passphrase safely (about {needed_mb} MB more is needed). Nothing was changed: your current passphrase still opens the records. Free some space, then try again.</translation>
    </message>
    <message>
        <source>You wrote this record, so you cannot approve it yourself: another supervisor of the team approves it.</source>
        <translation>You wrote this record, so you cannot approve it yourself: another supervisor of the team approves it.</translation>
    </message>
    <message>
        <source>The disk is full, so an attachment could not be downloaded. Free some space: the download continues where it stopped at the next sync, or when you open the file again.</source>
        <translation>The disk is full, so an attachment could not be downloaded. Free some space: the download continues where it stopped at the next sync, or when you open the file again.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>This family is not on this laptop.</source>
        <translation>This family is not on this laptop.</translation>
    </message>
    <message>
        <source>Say what needs correcting, so the caseworker knows.</source>
        <translation>Say what needs correcting, so the caseworker knows.</translation>
    </message>
    <message>
        <source>A record cannot move to another family.</source>
        <translation>A record cannot move to another family.</translation>
    </message>
    <message>
        <source>Choose each circumstance from the list.</source>
        <translation>Choose each circumstance from the list.</translation>
    </message>
    <message>
        <source>Give the date each circumstance was identified as a valid date.</source>
        <translation>Give the date each circumstance was identified as a valid date.</translation>
    </message>
    <message>
        <source>Choose each service from the Classifier of Social Services.</source>
        <translation>Choose each service from the Classifier of Social Services.</translation>
    </message>
    <message>
        <source>The quantity of a service is a whole number, at least 1.</source>
        <translation>The quantity of a service is a whole number, at least 1.</translation>
    </message>
    <message>
        <source>Choose who received each service from the family&apos;s members.</source>
        <translation>Choose who received each service from the family&apos;s members.</translation>
    </message>
    <message>
        <source>Describe each action.</source>
        <translation>Describe each action.</translation>
    </message>
    <message>
        <source>Each action needs its identifier.</source>
        <translation>Each action needs its identifier.</translation>
    </message>
    <message>
        <source>Give each action&apos;s deadline as a valid date.</source>
        <translation>Give each action&apos;s deadline as a valid date.</translation>
    </message>
    <message>
        <source>Name each specialist responsible for the case.</source>
        <translation>Name each specialist responsible for the case.</translation>
    </message>
    <message>
        <source>Give the dates each specialist was responsible as valid dates.</source>
        <translation>Give the dates each specialist was responsible as valid dates.</translation>
    </message>
    <message>
        <source>A specialist&apos;s responsibility cannot end before it began.</source>
        <translation>A specialist&apos;s responsibility cannot end before it began.</translation>
    </message>
    <message>
        <source>Give the date of each extension and the date it runs until.</source>
        <translation>Give the date of each extension and the date it runs until.</translation>
    </message>
    <message>
        <source>Describe each step.</source>
        <translation>Describe each step.</translation>
    </message>
    <message>
        <source>Give each step&apos;s deadline as a valid date.</source>
        <translation>Give each step&apos;s deadline as a valid date.</translation>
    </message>
    <message>
        <source>Enter text here.</source>
        <translation>Enter text here.</translation>
    </message>
    <message>
        <source>Keep this on one line.</source>
        <translation>Keep this on one line.</translation>
    </message>
    <message>
        <source>Too long: at most {max} characters.</source>
        <translation>Too long: at most {max} characters.</translation>
    </message>
    <message>
        <source>This does not look right.</source>
        <translation>This does not look right.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Enter a whole number.</translation>
    </message>
    <message>
        <source>Enter a number from {min} to {max}.</source>
        <translation>Enter a number from {min} to {max}.</translation>
    </message>
    <message>
        <source>Enter a number of at least {min}.</source>
        <translation>Enter a number of at least {min}.</translation>
    </message>
    <message>
        <source>Enter a number of at most {max}.</source>
        <translation>Enter a number of at most {max}.</translation>
    </message>
    <message>
        <source>Answer yes or no.</source>
        <translation>Answer yes or no.</translation>
    </message>
    <message>
        <source>This date looks wrong: check the year.</source>
        <translation>This date looks wrong: check the year.</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>This date is in the future.</translation>
    </message>
    <message>
        <source>Choose a value from the list.</source>
        <translation>Choose a value from the list.</translation>
    </message>
    <message>
        <source>Choose values from the list.</source>
        <translation>Choose values from the list.</translation>
    </message>
    <message>
        <source>Each value may be chosen once.</source>
        <translation>Each value may be chosen once.</translation>
    </message>
    <message>
        <source>Choose a place from the codifier (KATOTTH).</source>
        <translation>Choose a place from the codifier (KATOTTH).</translation>
    </message>
    <message>
        <source>Enter a phone number in digits, for example +380 67 123 4567.</source>
        <translation>Enter a phone number in digits, for example +380 67 123 4567.</translation>
    </message>
    <message>
        <source>Choose a record from the list.</source>
        <translation>Choose a record from the list.</translation>
    </message>
    <message>
        <source>Choose records from the list.</source>
        <translation>Choose records from the list.</translation>
    </message>
    <message>
        <source>This must be a list.</source>
        <translation>This must be a list.</translation>
    </message>
    <message>
        <source>A closed case needs the reason and the date of closing.</source>
        <translation>A closed case needs the reason and the date of closing.</translation>
    </message>
    <message>
        <source>A case cannot close before it was identified.</source>
        <translation>A case cannot close before it was identified.</translation>
    </message>
    <message>
        <source>A disability group is given: mark the disability.</source>
        <translation>A disability group is given: mark the disability.</translation>
    </message>
    <message>
        <source>Give the date the child returned.</source>
        <translation>Give the date the child returned.</translation>
    </message>
    <message>
        <source>The return cannot be before the date of birth.</source>
        <translation>The return cannot be before the date of birth.</translation>
    </message>
    <message>
        <source>Describe the safety concern.</source>
        <translation>Describe the safety concern.</translation>
    </message>
    <message>
        <source>A visit cannot be recorded in the future.</source>
        <translation>A visit cannot be recorded in the future.</translation>
    </message>
    <message>
        <source>The next visit must come after this one.</source>
        <translation>The next visit must come after this one.</translation>
    </message>
    <message>
        <source>A child seen must be among the members present.</source>
        <translation>A child seen must be among the members present.</translation>
    </message>
    <message>
        <source>An assessment cannot end before it started.</source>
        <translation>An assessment cannot end before it started.</translation>
    </message>
    <message>
        <source>A case closes when the supervisor approves the report on the results.</source>
        <translation>A case closes when the supervisor approves the report on the results.</translation>
    </message>
    <message>
        <source>Say why the circumstances were not overcome.</source>
        <translation>Say why the circumstances were not overcome.</translation>
    </message>
    <message>
        <source>A follow-up comes after the closure.</source>
        <translation>A follow-up comes after the closure.</translation>
    </message>
    <message>
        <source>Subgroup A exists only in disability group I.</source>
        <translation>Subgroup A exists only in disability group I.</translation>
    </message>
    <message>
        <source>A person cannot be their own legal representative.</source>
        <translation>A person cannot be their own legal representative.</translation>
    </message>
    <message>
        <source>The support cannot end before it begins.</source>
        <translation>The support cannot end before it begins.</translation>
    </message>
    <message>
        <source>Two actions have the same identifier.</source>
        <translation>Two actions have the same identifier.</translation>
    </message>
    <message>
        <source>Give the date the action is postponed to.</source>
        <translation>Give the date the action is postponed to.</translation>
    </message>
    <message>
        <source>An action is postponed to a later date.</source>
        <translation>An action is postponed to a later date.</translation>
    </message>
    <message>
        <source>The outcome cannot come before the referral.</source>
        <translation>The outcome cannot come before the referral.</translation>
    </message>
    <message>
        <source>The status cannot change before the referral.</source>
        <translation>The status cannot change before the referral.</translation>
    </message>
    <message>
        <source>Give the reason the referral was refused.</source>
        <translation>Give the reason the referral was refused.</translation>
    </message>
    <message>
        <source>A consent cannot be withdrawn before it was given.</source>
        <translation>A consent cannot be withdrawn before it was given.</translation>
    </message>
    <message>
        <source>A consent cannot expire before it was given.</source>
        <translation>A consent cannot expire before it was given.</translation>
    </message>
    <message>
        <source>The certificate cannot expire before it was issued.</source>
        <translation>The certificate cannot expire before it was issued.</translation>
    </message>
    <message>
        <source>The status lasts at most two years.</source>
        <translation>The status lasts at most two years.</translation>
    </message>
    <message>
        <source>The decision cannot come before the application.</source>
        <translation>The decision cannot come before the application.</translation>
    </message>
    <message>
        <source>Say why the protection is lifted.</source>
        <translation>Say why the protection is lifted.</translation>
    </message>
    <message>
        <source>Unknown kind of record: {name}.</source>
        <translation>Unknown kind of record: {name}.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>This field is required.</translation>
    </message>
    <message>
        <source>Unknown field.</source>
        <translation>Unknown field.</translation>
    </message>
    <message>
        <source>Enter a date as DD.MM.YYYY.</source>
        <translation>Enter a date as DD/MM/YYYY.</translation>
    </message>
    <message>
        <source>Enter a time as HH:MM, for example 14:30.</source>
        <translation>Enter a time as HH:MM, for example 14:30.</translation>
    </message>
    <message>
        <source>Enter both the date and the time.</source>
        <translation>Enter both the date and the time.</translation>
    </message>
    <message>
        <source>Write the year in full, with four digits (1990, not 90).</source>
        <translation>Write the year in full, with four digits (1990, not 90).</translation>
    </message>
    <message>
        <source>There is no month {month}: months go from 1 to 12.</source>
        <translation>There is no month {month}: months go from 1 to 12.</translation>
    </message>
    <message>
        <source>There is no day {day} in any month: days go from 1 to 31.</source>
        <translation>There is no day {day} in any month: days go from 1 to 31.</translation>
    </message>
    <message>
        <source>February {year} has 28 days.</source>
        <translation>February {year} has 28 days.</translation>
    </message>
    <message>
        <source>February {year} has 29 days.</source>
        <translation>February {year} has 29 days.</translation>
    </message>
    <message>
        <source>April has 30 days.</source>
        <translation>April has 30 days.</translation>
    </message>
    <message>
        <source>June has 30 days.</source>
        <translation>June has 30 days.</translation>
    </message>
    <message>
        <source>September has 30 days.</source>
        <translation>September has 30 days.</translation>
    </message>
    <message>
        <source>November has 30 days.</source>
        <translation>November has 30 days.</translation>
    </message>
    <message>
        <source>An approved closure closes the case: a supervisor reopens it by returning the report.</source>
        <translation>An approved closure closes the case: a supervisor reopens it by returning the report.</translation>
    </message>
    <message>
        <source>The file&apos;s content address is not a SHA-256.</source>
        <translation>The file&apos;s content address is not a SHA-256.</translation>
    </message>
    <message>
        <source>The codifier (KATOTTH) has no hromada with the code {code}: choose the hromada from the list.</source>
        <translation>The codifier (KATOTTH) has no hromada with the code {code}: choose the hromada from the list.</translation>
    </message>
    <message>
        <source>{place} is not a hromada: choose the hromada it belongs to.</source>
        <translation>{place} is not a hromada: choose the hromada it belongs to.</translation>
    </message>
    <message>
        <source>The codifier (KATOTTH) has no settlement with the code {code}: choose the settlement from the list.</source>
        <translation>The codifier (KATOTTH) has no settlement with the code {code}: choose the settlement from the list.</translation>
    </message>
    <message>
        <source>{place} is not a settlement: choose a city, town or village.</source>
        <translation>{place} is not a settlement: choose a city, town or village.</translation>
    </message>
    <message>
        <source>{place} is not in the hromada chosen ({hromada}): choose a settlement of that hromada.</source>
        <translation>{place} is not in the hromada chosen ({hromada}): choose a settlement of that hromada.</translation>
    </message>
    <message>
        <source>The codifier (KATOTTH) has no place with the code {code}: choose the territory of origin from the list.</source>
        <translation>The codifier (KATOTTH) has no place with the code {code}: choose the territory of origin from the list.</translation>
    </message>
    <message>
        <source>The codifier (KATOTTH) has no place with the code {code}: choose the place from the list.</source>
        <translation>The codifier (KATOTTH) has no place with the code {code}: choose the place from the list.</translation>
    </message>
</context>
</TS>
