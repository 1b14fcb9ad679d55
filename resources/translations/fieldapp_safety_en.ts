<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ConcernNotifier</name>
    <message>
        <source>Child safety</source>
        <translation>Child safety</translation>
    </message>
    <message numerus="yes">
        <source>%n concern(s) overdue: the notices were not all given within the day.</source>
        <translation>
            <numerusform>%n concern overdue: the notices were not all given within the day.</numerusform>
            <numerusform>%n concerns overdue: the notices were not all given within the day.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new safety concern(s) in the team.</source>
        <translation>
            <numerusform>%n new safety concern in the team.</numerusform>
            <numerusform>%n new safety concerns in the team.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConcernsBox</name>
    <message>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>Identified</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Notices</translation>
    </message>
    <message>
        <source>Safety concerns: %1 (waiting for notices: %2, overdue: %3)</source>
        <translation>Safety concerns: %1 (waiting for notices: %2, overdue: %3)</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Violence incidents reported, by form of violence</source>
        <translation>Violence incidents reported, by form of violence</translation>
    </message>
    <message>
        <source>Risk assessments of domestic violence, by level</source>
        <translation>Risk assessments of domestic violence, by level</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>overdue by %1</source>
        <translation>overdue by %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <source>All notices given, late: %1</source>
        <translation>All notices given, late: %1</translation>
    </message>
    <message>
        <source>All notices given within the day</source>
        <translation>All notices given within the day</translation>
    </message>
    <message>
        <source>Notices overdue by %1: %2</source>
        <translation>Notices overdue by %1: %2</translation>
    </message>
    <message>
        <source>Notices: %1 left: %2</source>
        <translation>Notices: %1 left: %2</translation>
    </message>
    <message>
        <source>not assessed yet</source>
        <translation>not assessed yet</translation>
    </message>
</context>
<context>
    <name>SafetyPanel</name>
    <message>
        <source>Identified</source>
        <translation>Identified</translation>
    </message>
    <message>
        <source>Level of safety</source>
        <translation>Level of safety</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Notices</translation>
    </message>
    <message>
        <source>No safety concern recorded.</source>
        <translation>No safety concern recorded.</translation>
    </message>
    <message>
        <source>Assess the child&apos;s safety…</source>
        <translation>Assess the child&apos;s safety…</translation>
    </message>
    <message>
        <source>Record a notice…</source>
        <translation>Record a notice…</translation>
    </message>
    <message>
        <source>Informed at</source>
        <translation>Informed at</translation>
    </message>
    <message>
        <source>Who was informed</source>
        <translation>Who was informed</translation>
    </message>
    <message>
        <source>How, by whom</source>
        <translation>How, by whom</translation>
    </message>
    <message>
        <source>The answer</source>
        <translation>The answer</translation>
    </message>
    <message>
        <source>No notices recorded.</source>
        <translation>No notices recorded.</translation>
    </message>
    <message>
        <source>Statutory notices</source>
        <translation>Statutory notices</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>No risk assessment or incident recorded.</source>
        <translation>No risk assessment or incident recorded.</translation>
    </message>
    <message>
        <source>Risk of domestic violence…</source>
        <translation>Risk of domestic violence…</translation>
    </message>
    <message>
        <source>Incident data…</source>
        <translation>Incident data…</translation>
    </message>
    <message>
        <source>Protected: violence</source>
        <translation>Protected: violence</translation>
    </message>
    <message>
        <source>Risk of domestic violence</source>
        <translation>Risk of domestic violence</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The answer cannot come before the notice.</source>
        <translation>The answer cannot come before the notice.</translation>
    </message>
    <message>
        <source>The incident cannot be reported before it happened.</source>
        <translation>The incident cannot be reported before it happened.</translation>
    </message>
    <message>
        <source>A service can be accepted only if it was offered.</source>
        <translation>A service can be accepted only if it was offered.</translation>
    </message>
</context>
</TS>
