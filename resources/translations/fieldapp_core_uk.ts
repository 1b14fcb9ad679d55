<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name>Field</name>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hromada</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difficult circumstances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IDP certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Territory of origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the family was identified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date identified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role in the family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disability group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internally displaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place of study or work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned from a residential institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration, minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type of visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is the concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated to the supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed next steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification of the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difficult circumstances present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the problems have lasted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date drawn up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next review of the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date referred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given by (adult or legal representative)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status application date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forms of exploitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistance given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields in conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>The local database could not be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase is not right. Check the keyboard layout and Caps Lock, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no FieldApp profile in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A FieldApp profile already exists in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key settings of this profile (key.json) are damaged, so the database cannot be unlocked. Nothing was changed. Ask IT to restore key.json from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile is already open in another FieldApp window. Close that window first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile was saved by a newer version of FieldApp (data version {found}; this program knows up to {known}). Install the newer version. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full, so this was not saved. Free some space, then save again: what you entered is still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local database is damaged and cannot be read. Do not delete anything: ask IT to restore it from the backups folder of this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record no longer exists on this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was approved by the supervisor and is locked. Ask the supervisor to reopen it if it needs a correction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was deleted and cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>This family is not on this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A record cannot move to another family.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose each circumstance from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the date each circumstance was identified as a valid date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose each service from the Classifier of Social Services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity of a service is a whole number, at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who received each service from the family&apos;s members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe each step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give each step&apos;s deadline as a valid date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter text here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this on one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long: at most {max} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number from {min} to {max}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer yes or no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This date is too far in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a value from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose values from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each value may be chosen once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a place from the codifier (KATOTTH).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a phone number in digits, for example +380 67 123 4567.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a record from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose records from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This must be a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A closed case needs the reason and the date of closing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case cannot close before it was identified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A disability group is given: mark the disability.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the date the child returned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The return cannot be before the date of birth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the safety concern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A visit cannot be recorded in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next visit must come after this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A child seen must be among the members present.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An assessment cannot end before it started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outcome cannot come before the referral.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A consent cannot be withdrawn before it was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate cannot expire before it was issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The status lasts at most two years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown kind of record: {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
