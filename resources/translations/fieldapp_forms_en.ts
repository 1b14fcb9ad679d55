<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>FormDialog</name>
    <message>
        <source>Restored from the draft kept at {time}: check it, then save or submit.</source>
        <translation>Restored from the draft kept at {time}: check it, then save or submit.</translation>
    </message>
    <message>
        <source>Approved by the supervisor: this record is read only.</source>
        <translation>Approved by the supervisor: this record is read only.</translation>
    </message>
    <message>
        <source>* needed to submit</source>
        <translation>* needed to submit</translation>
    </message>
    <message>
        <source>* needed to save</source>
        <translation>* needed to save</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Save, submit later</source>
        <translation>Save, submit later</translation>
    </message>
    <message>
        <source>Finish later</source>
        <translation>Finish later</translation>
    </message>
    <message>
        <source>Write your own…</source>
        <translation>Write your own…</translation>
    </message>
    <message>
        <source>A new record of yours for this family; this one stays as its author wrote it.</source>
        <translation>A new record of yours for this family; this one stays as its author wrote it.</translation>
    </message>
    <message>
        <source>Record of specialist {name}: only its author or a supervisor can change it.</source>
        <translation>Record of specialist {name}: only its author or a supervisor can change it.</translation>
    </message>
    <message>
        <source>Another specialist&apos;s record: only its author or a supervisor can change it.</source>
        <translation>Another specialist&apos;s record: only its author or a supervisor can change it.</translation>
    </message>
    <message numerus="yes">
        <source>Not saved as a record: %n answer(s) need attention; see the messages next to them.</source>
        <translation>
            <numerusform>Not saved as a record: %n answer needs attention; see the message next to it.</numerusform>
            <numerusform>Not saved as a record: %n answers need attention; see the messages next to them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not saved as a record: %n answer(s) cannot be read; see the messages next to them.</source>
        <translation>
            <numerusform>Not saved as a record: %n answer cannot be read; see the message next to it.</numerusform>
            <numerusform>Not saved as a record: %n answers cannot be read; see the messages next to them.</numerusform>
        </translation>
    </message>
    <message>
        <source>What you typed is kept as a draft on this laptop.</source>
        <translation>What you typed is kept as a draft on this laptop.</translation>
    </message>
    <message>
        <source>What you typed is kept on this laptop as a draft, but it is not saved as a record yet. Keep the draft to finish it later from the family file, or throw it away?</source>
        <translation>What you typed is kept on this laptop as a draft, but it is not saved as a record yet. Keep the draft to finish it later from the family file, or throw it away?</translation>
    </message>
    <message>
        <source>Keep the draft</source>
        <translation>Keep the draft</translation>
    </message>
    <message>
        <source>Throw away</source>
        <translation>Throw away</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>Back to the form</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Keep what is typed, gaps and all, and finish it later.</source>
        <translation>Keep what is typed, gaps and all, and finish it later.</translation>
    </message>
    <message>
        <source>What you typed could not be kept as a draft.</source>
        <translation>What you typed could not be kept as a draft.</translation>
    </message>
    <message>
        <source>Draft kept at {time}.</source>
        <translation>Draft kept at {time}.</translation>
    </message>
    <message>
        <source>Revise the plan…</source>
        <translation>Revise the plan…</translation>
    </message>
    <message>
        <source>Make a new version of the plan; this approved one is kept as it was.</source>
        <translation>Make a new version of the plan; this approved one is kept as it was.</translation>
    </message>
</context>
<context>
    <name>FormEditors</name>
    <message>
        <source>at</source>
        <translation>at</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>No children are recorded in the family file yet.</source>
        <translation>No children are recorded in the family file yet.</translation>
    </message>
    <message>
        <source>No members are recorded in the family file yet.</source>
        <translation>No members are recorded in the family file yet.</translation>
    </message>
    <message>
        <source>Nothing added yet.</source>
        <translation>Nothing added yet.</translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation>Add a row</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>(not filled in yet)</source>
        <translation>(not filled in yet)</translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation>Collapse</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <source>Provisional version of this form: some questions and lists are still being checked against the official form and may change.</source>
        <translation>Provisional version of this form: some questions and lists are still being checked against the official form and may change.</translation>
    </message>
    <message>
        <source>There is nobody in the family file for this section.</source>
        <translation>There is nobody in the family file for this section.</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>not answered</translation>
    </message>
    <message>
        <source>Taken from the family card: check it, and change it if it is not right.</source>
        <translation>Taken from the family card: check it, and change it if it is not right.</translation>
    </message>
</context>
</TS>
