<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name>QueueBar</name>
    <message>
        <source>Waiting for review</source>
        <translation>Очікують перевірки</translation>
    </message>
    <message>
        <source>Returned, waiting for a fix</source>
        <translation>Повернуті, очікують виправлення</translation>
    </message>
    <message>
        <source>Approved, to reopen one</source>
        <translation>Затверджені (щоб відкрити знову)</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>Усі записи</translation>
    </message>
    <message>
        <source>Safety concerns only</source>
        <translation>Лише з ризиком для безпеки</translation>
    </message>
    <message>
        <source>Any age</source>
        <translation>Будь-якої давності</translation>
    </message>
    <message numerus="yes">
        <source>Older than %n day(s)</source>
        <translation>
            <numerusform>Давніші за %n день</numerusform>
            <numerusform>Давніші за %n дні</numerusform>
            <numerusform>Давніші за %n днів</numerusform>
        </translation>
    </message>
    <message>
        <source>All caseworkers</source>
        <translation>Усі фахівці</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n запис</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n record(s) shown</source>
        <translation>
            <numerusform>Показано %1 з %n запису</numerusform>
            <numerusform>Показано %1 з %n записів</numerusform>
            <numerusform>Показано %1 з %n записів</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Reassign families</source>
        <translation>Передати сімʼї</translation>
    </message>
    <message>
        <source>Families of {name}: choose which move, and to whom.</source>
        <translation>Сімʼї фахівця {name}: виберіть, які з них передати і кому.</translation>
    </message>
    <message>
        <source>All of this caseworker&apos;s families</source>
        <translation>Усі сімʼї цього фахівця</translation>
    </message>
    <message>
        <source>What the new caseworker should know: agreements with the family, what is due, who to call.</source>
        <translation>Що має знати новий фахівець: домовленості з сімʼєю, що треба зробити найближчим часом, кому телефонувати.</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>Передати</translation>
    </message>
    <message>
        <source>To caseworker</source>
        <translation>Фахівцеві</translation>
    </message>
    <message>
        <source>Handover note</source>
        <translation>Примітка для передачі</translation>
    </message>
    <message>
        <source>No other caseworker of the team is known yet: sync once while connected, then try again.</source>
        <translation>Інші фахівці команди ще невідомі: синхронізуйтеся один раз із підключенням до мережі й спробуйте знову.</translation>
    </message>
    <message numerus="yes">
        <source>%n family(ies) will move.</source>
        <translation>
            <numerusform>Буде передано %n сімʼю.</numerusform>
            <numerusform>Буде передано %n сімʼї.</numerusform>
            <numerusform>Буде передано %n сімей.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не збережено</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>yes</source>
        <translation>так</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ні</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>не зазначено</translation>
    </message>
    <message>
        <source>applications for the status</source>
        <translation>заяви про встановлення статусу</translation>
    </message>
    <message>
        <source>status granted</source>
        <translation>статус встановлено</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Стать</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Вік</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Інвалідність</translation>
    </message>
    <message>
        <source>Internally displaced</source>
        <translation>Внутрішньо переміщені</translation>
    </message>
    <message>
        <source>Hromada</source>
        <translation>Громада</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Type of visit</source>
        <translation>Тип візиту</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Послуга</translation>
    </message>
    <message>
        <source>Form of exploitation</source>
        <translation>Форма експлуатації</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Етап</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категорія</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>no outcome yet (planned)</source>
        <translation>результату ще немає (заплановано)</translation>
    </message>
    <message>
        <source>no outcome yet (sent)</source>
        <translation>результату ще немає (надіслано)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Кількість</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Усього</translation>
    </message>
    <message>
        <source>none in the period</source>
        <translation>за період немає</translation>
    </message>
    <message>
        <source>counts from 1 to {n} are hidden, and so are other counts wherever a hidden one could be worked out from the totals shown; every hidden count is shown as {mark}</source>
        <translation>числа від 1 до {n} приховано, а також інші числа там, де приховане можна було б обчислити з показаних підсумків; кожне приховане число позначено {mark}</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Організація</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>Охоплює</translation>
    </message>
    <message>
        <source>the families on this laptop</source>
        <translation>сімʼї на цьому ноутбуці</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Період</translation>
    </message>
    <message>
        <source>all</source>
        <translation>усі</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Складено</translation>
    </message>
    <message>
        <source>Small numbers</source>
        <translation>Малі числа</translation>
    </message>
    <message>
        <source>the whole organisation</source>
        <translation>усю організацію</translation>
    </message>
    <message>
        <source>the families of the team {team}</source>
        <translation>сімʼї команди «{team}»</translation>
    </message>
    <message>
        <source>all shown</source>
        <translation>показано всі</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Проєкт</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Підсумок</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Показник</translation>
    </message>
    <message>
        <source>{children} children from {families} families</source>
        <translation>Дітей: {children}, із сімей: {families}</translation>
    </message>
    <message>
        <source>Activity report</source>
        <translation>Звіт про діяльність</translation>
    </message>
    <message>
        <source>Form of violence</source>
        <translation>Форма насильства</translation>
    </message>
    <message>
        <source>Level of risk</source>
        <translation>Рівень ризику</translation>
    </message>
    <message>
        <source>chosen together with the organisation&apos;s and every team&apos;s report of the same period and hromada, so that none can be subtracted from another; reports of overlapping periods are not protected against each other</source>
        <translation>приховані числа дібрано разом зі звітами організації та кожної команди за той самий період і громаду, тож жодне не можна вирахувати відніманням одного звіту від іншого; звіти за періоди, що перекриваються, одне від одного не захищені</translation>
    </message>
    <message>
        <source>chosen within this report only: do not publish it beside other reports of the same families (the server&apos;s reports are chosen together)</source>
        <translation>приховані числа дібрано лише в межах цього звіту: не публікуйте його поряд з іншими звітами про ті самі сімʼї (звіти сервера дібрано спільно)</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>All hromadas</source>
        <translation>Усі громади</translation>
    </message>
    <message>
        <source>Counts below this number are shown as “&lt;N”, so that a small number cannot point at a family.</source>
        <translation>Числа, менші за це, показано як «&lt;N», щоб мале число не вказувало на конкретну сімʼю.</translation>
    </message>
    <message>
        <source>Include counter-trafficking figures (restricted)</source>
        <translation>Додати показники протидії торгівлі людьми (обмежений доступ)</translation>
    </message>
    <message>
        <source>Make the report</source>
        <translation>Скласти звіт</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>Зберегти як CSV…</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>Зберегти як Excel…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Зберегти як PDF…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Період</translation>
    </message>
    <message>
        <source>Hromada</source>
        <translation>Громада</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Організація</translation>
    </message>
    <message>
        <source>Hide counts below</source>
        <translation>Приховувати числа, менші за</translation>
    </message>
    <message>
        <source>Reports carry numbers only: no names, no addresses.</source>
        <translation>Звіти містять лише числа: жодних імен, жодних адрес.</translation>
    </message>
    <message>
        <source>Give both dates of the period.</source>
        <translation>Вкажіть обидві дати періоду.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Період закінчується раніше, ніж починається.</translation>
    </message>
    <message>
        <source>Visits by type</source>
        <translation>Візити за типами</translation>
    </message>
    <message>
        <source>Children by age</source>
        <translation>Діти за віком</translation>
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
        <translation>Зберегти звіт</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не збережено</translation>
    </message>
    <message>
        <source>The report could not be written there ({reason}). Choose another folder or free some space.</source>
        <translation>Не вдалося записати звіт туди ({reason}). Виберіть іншу теку або звільніть місце.</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return for correction</source>
        <translation>Повернути на доопрацювання</translation>
    </message>
    <message>
        <source>Reopen an approved record</source>
        <translation>Відкрити знову затверджений запис</translation>
    </message>
    <message>
        <source>Why is it reopened? What should the caseworker correct?</source>
        <translation>Чому запис відкрито знову? Що фахівцеві слід виправити?</translation>
    </message>
    <message>
        <source>What should the caseworker correct or add?</source>
        <translation>Що фахівцеві слід виправити або додати?</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) go back to the caseworker with this comment.</source>
        <translation>
            <numerusform>%n запис повернеться до фахівця з цим коментарем.</numerusform>
            <numerusform>%n записи повернуться до фахівця з цим коментарем.</numerusform>
            <numerusform>%n записів повернуться до фахівця з цим коментарем.</numerusform>
        </translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Повернути</translation>
    </message>
</context>
<context>
    <name>ReturnedView</name>
    <message>
        <source>Your supervisor returned these for correction. Open one, correct it and submit it again.</source>
        <translation>Супервізор повернув ці записи на доопрацювання. Відкрийте запис, виправте його й подайте знову.</translation>
    </message>
    <message>
        <source>Nothing was returned to you.</source>
        <translation>Вам нічого не повернули.</translation>
    </message>
    <message>
        <source>(no comment)</source>
        <translation>(без коментаря)</translation>
    </message>
    <message>
        <source>Families handed to you, with the note from the handover</source>
        <translation>Сімʼї, передані вам, із приміткою до передачі</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <source>Safety</source>
        <translation>Безпека</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запис</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Сімʼя</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Фахівець</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>A safety concern was recorded in this visit.</source>
        <translation>Під час цього візиту зафіксовано загрозу безпеці.</translation>
    </message>
    <message>
        <source>⚠ concern</source>
        <translation>⚠ загроза</translation>
    </message>
    <message>
        <source>(not assigned)</source>
        <translation>(не призначено)</translation>
    </message>
</context>
<context>
    <name>ReviewQueueView</name>
    <message>
        <source>Nothing waits for review. Records your team submits appear here.</source>
        <translation>Нічого не чекає на перевірку. Тут зʼявляються записи, які подає ваша команда.</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Затвердити</translation>
    </message>
    <message>
        <source>Approve the selected records (Alt+A)</source>
        <translation>Затвердити вибрані записи (Alt+З)</translation>
    </message>
    <message>
        <source>&amp;Return with a comment…</source>
        <translation>&amp;Повернути з коментарем…</translation>
    </message>
    <message>
        <source>Return the selected records with a comment (Alt+R)</source>
        <translation>Повернути вибрані записи з коментарем (Alt+П)</translation>
    </message>
    <message>
        <source>Keys: ↑ ↓ next and previous, Alt+A approve, Alt+R return.</source>
        <translation>Клавіші: ↑ ↓ — наступний і попередній запис, Alt+З — затвердити, Alt+П — повернути.</translation>
    </message>
    <message>
        <source>&amp;Reopen with a reason…</source>
        <translation>&amp;Відкрити знову з причиною…</translation>
    </message>
    <message>
        <source>The record you were reading is no longer in this list: it was decided or changed elsewhere.</source>
        <translation>Запису, який ви читали, у цьому списку вже немає: щодо нього вже ухвалено рішення або його змінено.</translation>
    </message>
    <message>
        <source>Changed while you were reading</source>
        <translation>Змінено, поки ви читали</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) changed while you were deciding (a sync brought a new version). Nothing was decided: read the new version and decide again.</source>
        <translation>
            <numerusform>%n запис змінився, поки ви ухвалювали рішення (синхронізація принесла нову версію). Рішення не збережено: прочитайте нову версію й вирішіть ще раз.</numerusform>
            <numerusform>%n записи змінилися, поки ви ухвалювали рішення (синхронізація принесла нову версію). Рішення не збережено: прочитайте нові версії й вирішіть ще раз.</numerusform>
            <numerusform>%n записів змінилися, поки ви ухвалювали рішення (синхронізація принесла нову версію). Рішення не збережено: прочитайте нові версії й вирішіть ще раз.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Approve %n</source>
        <translation>
            <numerusform>&amp;Затвердити %n</numerusform>
            <numerusform>&amp;Затвердити %n</numerusform>
            <numerusform>&amp;Затвердити %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records selected.</source>
        <translation>
            <numerusform>Вибрано %n запис.</numerusform>
            <numerusform>Вибрано %n записи.</numerusform>
            <numerusform>Вибрано %n записів.</numerusform>
        </translation>
    </message>
    <message>
        <source>Safety concern</source>
        <translation>Загроза безпеці</translation>
    </message>
    <message>
        <source>This record changed while you were reading it: this is the new version.</source>
        <translation>Цей запис змінився, поки ви його читали: перед вами нова версія.</translation>
    </message>
    <message>
        <source>Review history</source>
        <translation>Історія перевірок</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>затверджено</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>повернуто</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не збережено</translation>
    </message>
</context>
<context>
    <name>TeamView</name>
    <message>
        <source>Caseworker</source>
        <translation>Фахівець</translation>
    </message>
    <message>
        <source>Families</source>
        <translation>Сімʼї</translation>
    </message>
    <message>
        <source>Visits this month</source>
        <translation>Візити цього місяця</translation>
    </message>
    <message>
        <source>Overdue visits</source>
        <translation>Прострочені візити</translation>
    </message>
    <message>
        <source>Assessments past 5 working days</source>
        <translation>Оцінки понад 5 робочих днів</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Відкриті конфлікти</translation>
    </message>
    <message>
        <source>Laptops: last sync</source>
        <translation>Ноутбуки: остання синхронізація</translation>
    </message>
    <message>
        <source>Double-click a number to see the families behind it.</source>
        <translation>Двічі клацніть число, щоб побачити сімʼї за ним.</translation>
    </message>
    <message>
        <source>Reassign families…</source>
        <translation>Передати сімʼї…</translation>
    </message>
    <message>
        <source>Move one, several or all families of the selected caseworker to another, with a handover note</source>
        <translation>Передати одну, кілька або всі сімʼї вибраного фахівця іншому, з приміткою до передачі</translation>
    </message>
    <message>
        <source>Changes from outside the team</source>
        <translation>Зміни від людей поза командою</translation>
    </message>
    <message>
        <source>(not assigned)</source>
        <translation>(не призначено)</translation>
    </message>
    <message>
        <source>not known offline</source>
        <translation>невідомо без звʼязку</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ніколи</translation>
    </message>
    <message>
        <source>no laptop</source>
        <translation>немає ноутбука</translation>
    </message>
</context>
</TS>
