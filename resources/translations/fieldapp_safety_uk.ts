<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name>ConcernNotifier</name>
    <message>
        <source>Child safety</source>
        <translation>Безпека дитини</translation>
    </message>
    <message numerus="yes">
        <source>%n concern(s) overdue: the notices were not all given within the day.</source>
        <translation>
            <numerusform>%n загроза прострочена: не всіх поінформовано протягом доби.</numerusform>
            <numerusform>%n загрози прострочені: не всіх поінформовано протягом доби.</numerusform>
            <numerusform>%n загроз прострочено: не всіх поінформовано протягом доби.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new safety concern(s) in the team.</source>
        <translation>
            <numerusform>%n нова загроза безпеці в команді.</numerusform>
            <numerusform>%n нові загрози безпеці в команді.</numerusform>
            <numerusform>%n нових загроз безпеці в команді.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConcernsBox</name>
    <message>
        <source>Family</source>
        <translation>Сімʼя</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>Виявлено</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>Safety concerns: %1 (waiting for notices: %2, overdue: %3)</source>
        <translation>Загрози безпеці: %1 (чекають на повідомлення: %2, прострочено: %3)</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Violence incidents reported, by form of violence</source>
        <translation>Випадки насильства, за формою насильства</translation>
    </message>
    <message>
        <source>Risk assessments of domestic violence, by level</source>
        <translation>Оцінки ризиків домашнього насильства, за рівнем</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дні</numerusform>
            <numerusform>%n днів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n год</numerusform>
            <numerusform>%n год</numerusform>
            <numerusform>%n год</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n хв</numerusform>
            <numerusform>%n хв</numerusform>
            <numerusform>%n хв</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 год %2 хв</translation>
    </message>
    <message>
        <source>overdue by %1</source>
        <translation>прострочено на %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>залишилось %1</translation>
    </message>
    <message>
        <source>All notices given, late: %1</source>
        <translation>Усіх поінформовано, із запізненням: %1</translation>
    </message>
    <message>
        <source>All notices given within the day</source>
        <translation>Усіх поінформовано протягом доби</translation>
    </message>
    <message>
        <source>Notices overdue by %1: %2</source>
        <translation>Повідомлення прострочено на %1: %2</translation>
    </message>
    <message>
        <source>Notices: %1 left: %2</source>
        <translation>Повідомлення: залишилось %1: %2</translation>
    </message>
    <message>
        <source>not assessed yet</source>
        <translation>ще не оцінено</translation>
    </message>
</context>
<context>
    <name>SafetyPanel</name>
    <message>
        <source>Identified</source>
        <translation>Виявлено</translation>
    </message>
    <message>
        <source>Level of safety</source>
        <translation>Рівень безпеки</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>No safety concern recorded.</source>
        <translation>Загроз безпеці не зафіксовано.</translation>
    </message>
    <message>
        <source>Assess the child&apos;s safety…</source>
        <translation>Оцінити безпеку дитини…</translation>
    </message>
    <message>
        <source>Record a notice…</source>
        <translation>Записати повідомлення…</translation>
    </message>
    <message>
        <source>Informed at</source>
        <translation>Коли поінформовано</translation>
    </message>
    <message>
        <source>Who was informed</source>
        <translation>Кого поінформовано</translation>
    </message>
    <message>
        <source>How, by whom</source>
        <translation>Як і хто</translation>
    </message>
    <message>
        <source>The answer</source>
        <translation>Відповідь</translation>
    </message>
    <message>
        <source>No notices recorded.</source>
        <translation>Повідомлень не записано.</translation>
    </message>
    <message>
        <source>Statutory notices</source>
        <translation>Обовʼязкові повідомлення</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запис</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Висновок</translation>
    </message>
    <message>
        <source>No risk assessment or incident recorded.</source>
        <translation>Оцінок ризиків і випадків не записано.</translation>
    </message>
    <message>
        <source>Risk of domestic violence…</source>
        <translation>Ризики домашнього насильства…</translation>
    </message>
    <message>
        <source>Incident data…</source>
        <translation>Дані про випадок…</translation>
    </message>
    <message>
        <source>Protected: violence</source>
        <translation>Захищено: насильство</translation>
    </message>
    <message>
        <source>Risk of domestic violence</source>
        <translation>Ризики домашнього насильства</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Випадок насильства</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The answer cannot come before the notice.</source>
        <translation>Відповідь не може надійти раніше за повідомлення.</translation>
    </message>
    <message>
        <source>The incident cannot be reported before it happened.</source>
        <translation>Про випадок не можна повідомити раніше, ніж він стався.</translation>
    </message>
    <message>
        <source>A service can be accepted only if it was offered.</source>
        <translation>Прийняти можна лише запропоновану послугу.</translation>
    </message>
</context>
</TS>
