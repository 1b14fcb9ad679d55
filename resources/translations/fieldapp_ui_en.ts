<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>CaseloadModel</source>
        <comment>Family</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CaseloadModel</source>
        <comment>Settlement</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CaseloadModel</source>
        <comment>Status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CaseloadModel</source>
        <comment>Not synced</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CaseloadModel</source>
        <comment>closed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CaseloadModel</source>
        <comment>active</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>FieldApp — caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n families</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changes waiting to sync</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Everything is synced</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>FieldApp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase for this laptop&apos;s records. It encrypts everything you record; without it nobody, not even IT, can read or recover the records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passphrase to open the records on this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n characters: a few words you remember are best.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QCoreApplication</name>
    <message>
        <source>CaseloadModel</source>
        <comment>Case number</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
