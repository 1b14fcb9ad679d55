<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>QueueBar</name>
    <message>
        <source>Waiting for review</source>
        <translation>Waiting for review</translation>
    </message>
    <message>
        <source>Returned, waiting for a fix</source>
        <translation>Returned, waiting for a fix</translation>
    </message>
    <message>
        <source>Approved, to reopen one</source>
        <translation>Approved, to reopen one</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>All records</translation>
    </message>
    <message>
        <source>Safety concerns only</source>
        <translation>Safety concerns only</translation>
    </message>
    <message>
        <source>Any age</source>
        <translation>Any age</translation>
    </message>
    <message numerus="yes">
        <source>Older than %n day(s)</source>
        <translation>
            <numerusform>Older than %n day</numerusform>
            <numerusform>Older than %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>All caseworkers</source>
        <translation>All caseworkers</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n record(s) shown</source>
        <translation>
            <numerusform>%1 of %n record shown</numerusform>
            <numerusform>%1 of %n records shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Reassign families</source>
        <translation>Reassign families</translation>
    </message>
    <message>
        <source>Families of {name}: choose which move, and to whom.</source>
        <translation>Families of {name}: choose which move, and to whom.</translation>
    </message>
    <message>
        <source>All of this caseworker&apos;s families</source>
        <translation>All of this caseworker&apos;s families</translation>
    </message>
    <message>
        <source>What the new caseworker should know: agreements with the family, what is due, who to call.</source>
        <translation>What the new caseworker should know: agreements with the family, what is due, who to call.</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>Reassign</translation>
    </message>
    <message>
        <source>To caseworker</source>
        <translation>To caseworker</translation>
    </message>
    <message>
        <source>Handover note</source>
        <translation>Handover note</translation>
    </message>
    <message>
        <source>No other caseworker of the team is known yet: sync once while connected, then try again.</source>
        <translation>No other caseworker of the team is known yet: sync once while connected, then try again.</translation>
    </message>
    <message numerus="yes">
        <source>%n family(ies) will move.</source>
        <translation>
            <numerusform>%n family will move.</numerusform>
            <numerusform>%n families will move.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>applications for the status</source>
        <translation>applications for the status</translation>
    </message>
    <message>
        <source>status granted</source>
        <translation>status granted</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Disability</translation>
    </message>
    <message>
        <source>Internally displaced</source>
        <translation>Internally displaced</translation>
    </message>
    <message>
        <source>Hromada</source>
        <translation>Hromada</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Type of visit</source>
        <translation>Type of visit</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Form of exploitation</source>
        <translation>Form of exploitation</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>no outcome yet (planned)</source>
        <translation>no outcome yet (planned)</translation>
    </message>
    <message>
        <source>no outcome yet (sent)</source>
        <translation>no outcome yet (sent)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>none in the period</source>
        <translation>none in the period</translation>
    </message>
    <message>
        <source>counts from 1 to {n} are hidden, and so are other counts wherever a hidden one could be worked out from the totals shown; every hidden count is shown as {mark}</source>
        <translation>counts from 1 to {n} are hidden, and so are other counts wherever a hidden one could be worked out from the totals shown; every hidden count is shown as {mark}</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>Covers</translation>
    </message>
    <message>
        <source>the families on this laptop</source>
        <translation>the families on this laptop</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>Small numbers</source>
        <translation>Small numbers</translation>
    </message>
    <message>
        <source>the whole organisation</source>
        <translation>the whole organisation</translation>
    </message>
    <message>
        <source>the families of the team {team}</source>
        <translation>the families of the team {team}</translation>
    </message>
    <message>
        <source>all shown</source>
        <translation>all shown</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>{children} children from {families} families</source>
        <translation>{children} children from {families} families</translation>
    </message>
    <message>
        <source>Activity report</source>
        <translation>Activity report</translation>
    </message>
    <message>
        <source>Form of violence</source>
        <translation>Form of violence</translation>
    </message>
    <message>
        <source>Level of risk</source>
        <translation>Level of risk</translation>
    </message>
    <message>
        <source>chosen together with the organisation&apos;s and every team&apos;s report of the same period and hromada, so that none can be subtracted from another; reports of overlapping periods are not protected against each other</source>
        <translation>chosen together with the organisation&apos;s and every team&apos;s report of the same period and hromada, so that none can be subtracted from another; reports of overlapping periods are not protected against each other</translation>
    </message>
    <message>
        <source>chosen within this report only: do not publish it beside other reports of the same families (the server&apos;s reports are chosen together)</source>
        <translation>chosen within this report only: do not publish it beside other reports of the same families (the server&apos;s reports are chosen together)</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>All hromadas</source>
        <translation>All hromadas</translation>
    </message>
    <message>
        <source>Counts below this number are shown as “&lt;N”, so that a small number cannot point at a family.</source>
        <translation>Counts below this number are shown as “&lt;N”, so that a small number cannot point at a family.</translation>
    </message>
    <message>
        <source>Include counter-trafficking figures (restricted)</source>
        <translation>Include counter-trafficking figures (restricted)</translation>
    </message>
    <message>
        <source>Make the report</source>
        <translation>Make the report</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>Save as CSV…</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>Save as Excel…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Hromada</source>
        <translation>Hromada</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Hide counts below</source>
        <translation>Hide counts below</translation>
    </message>
    <message>
        <source>Reports carry numbers only: no names, no addresses.</source>
        <translation>Reports carry numbers only: no names, no addresses.</translation>
    </message>
    <message>
        <source>Give both dates of the period.</source>
        <translation>Give both dates of the period.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>The period ends before it starts.</translation>
    </message>
    <message>
        <source>Visits by type</source>
        <translation>Visits by type</translation>
    </message>
    <message>
        <source>Children by age</source>
        <translation>Children by age</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>The report could not be written there ({reason}). Choose another folder or free some space.</source>
        <translation>The report could not be written there ({reason}). Choose another folder or free some space.</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return for correction</source>
        <translation>Return for correction</translation>
    </message>
    <message>
        <source>Reopen an approved record</source>
        <translation>Reopen an approved record</translation>
    </message>
    <message>
        <source>Why is it reopened? What should the caseworker correct?</source>
        <translation>Why is it reopened? What should the caseworker correct?</translation>
    </message>
    <message>
        <source>What should the caseworker correct or add?</source>
        <translation>What should the caseworker correct or add?</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) go back to the caseworker with this comment.</source>
        <translation>
            <numerusform>%n record(s) go back to the caseworker with this comment.</numerusform>
            <numerusform>%n record(s) go back to the caseworker with this comment.</numerusform>
        </translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
</context>
<context>
    <name>ReturnedView</name>
    <message>
        <source>Your supervisor returned these for correction. Open one, correct it and submit it again.</source>
        <translation>Your supervisor returned these for correction. Open one, correct it and submit it again.</translation>
    </message>
    <message>
        <source>Nothing was returned to you.</source>
        <translation>Nothing was returned to you.</translation>
    </message>
    <message>
        <source>(no comment)</source>
        <translation>(no comment)</translation>
    </message>
    <message>
        <source>Families handed to you, with the note from the handover</source>
        <translation>Families handed to you, with the note from the handover</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <source>Safety</source>
        <translation>Safety</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>A safety concern was recorded in this visit.</source>
        <translation>A safety concern was recorded in this visit.</translation>
    </message>
    <message>
        <source>⚠ concern</source>
        <translation>⚠ concern</translation>
    </message>
    <message>
        <source>(not assigned)</source>
        <translation>(not assigned)</translation>
    </message>
</context>
<context>
    <name>ReviewQueueView</name>
    <message>
        <source>Nothing waits for review. Records your team submits appear here.</source>
        <translation>Nothing waits for review. Records your team submits appear here.</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <source>Approve the selected records (Alt+A)</source>
        <translation>Approve the selected records (Alt+A)</translation>
    </message>
    <message>
        <source>&amp;Return with a comment…</source>
        <translation>&amp;Return with a comment…</translation>
    </message>
    <message>
        <source>Return the selected records with a comment (Alt+R)</source>
        <translation>Return the selected records with a comment (Alt+R)</translation>
    </message>
    <message>
        <source>Keys: ↑ ↓ next and previous, Alt+A approve, Alt+R return.</source>
        <translation>Keys: ↑ ↓ next and previous, Alt+A approve, Alt+R return.</translation>
    </message>
    <message>
        <source>&amp;Reopen with a reason…</source>
        <translation>&amp;Reopen with a reason…</translation>
    </message>
    <message>
        <source>The record you were reading is no longer in this list: it was decided or changed elsewhere.</source>
        <translation>The record you were reading is no longer in this list: it was decided or changed elsewhere.</translation>
    </message>
    <message>
        <source>Changed while you were reading</source>
        <translation>Changed while you were reading</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) changed while you were deciding (a sync brought a new version). Nothing was decided: read the new version and decide again.</source>
        <translation>
            <numerusform>%n record changed while you were deciding (a sync brought a new version). Nothing was decided: read the new version and decide again.</numerusform>
            <numerusform>%n records changed while you were deciding (a sync brought a new version). Nothing was decided: read the new versions and decide again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Approve %n</source>
        <translation>
            <numerusform>&amp;Approve %n</numerusform>
            <numerusform>&amp;Approve %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records selected.</source>
        <translation>
            <numerusform>%n records selected.</numerusform>
            <numerusform>%n records selected.</numerusform>
        </translation>
    </message>
    <message>
        <source>Safety concern</source>
        <translation>Safety concern</translation>
    </message>
    <message>
        <source>This record changed while you were reading it: this is the new version.</source>
        <translation>This record changed while you were reading it: this is the new version.</translation>
    </message>
    <message>
        <source>Review history</source>
        <translation>Review history</translation>
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
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>TeamView</name>
    <message>
        <source>Caseworker</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <source>Families</source>
        <translation>Families</translation>
    </message>
    <message>
        <source>Visits this month</source>
        <translation>Visits this month</translation>
    </message>
    <message>
        <source>Overdue visits</source>
        <translation>Overdue visits</translation>
    </message>
    <message>
        <source>Assessments past 5 working days</source>
        <translation>Assessments past 5 working days</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Open conflicts</translation>
    </message>
    <message>
        <source>Laptops: last sync</source>
        <translation>Laptops: last sync</translation>
    </message>
    <message>
        <source>Double-click a number to see the families behind it.</source>
        <translation>Double-click a number to see the families behind it.</translation>
    </message>
    <message>
        <source>Reassign families…</source>
        <translation>Reassign families…</translation>
    </message>
    <message>
        <source>Move one, several or all families of the selected caseworker to another, with a handover note</source>
        <translation>Move one, several or all families of the selected caseworker to another, with a handover note</translation>
    </message>
    <message>
        <source>Changes from outside the team</source>
        <translation>Changes from outside the team</translation>
    </message>
    <message>
        <source>(not assigned)</source>
        <translation>(not assigned)</translation>
    </message>
    <message>
        <source>not known offline</source>
        <translation>not known offline</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>no laptop</source>
        <translation>no laptop</translation>
    </message>
</context>
</TS>
