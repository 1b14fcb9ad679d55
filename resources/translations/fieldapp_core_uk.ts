<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name>Display</name>
    <message>
        <source>yes</source>
        <translation>так</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ні</translation>
    </message>
    <message>
        <source>active</source>
        <translation>активний</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>закритий</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>чернетка</translation>
    </message>
    <message>
        <source>submitted for review</source>
        <translation>подано на перевірку</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>затверджено</translation>
    </message>
    <message>
        <source>returned for correction</source>
        <translation>повернуто на доопрацювання</translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation>вихідне</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>вхідне</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>надіслано</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>прийнято</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>відмовлено</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>виконано</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>заплановано</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>виконується</translation>
    </message>
    <message>
        <source>done</source>
        <translation>виконано</translation>
    </message>
    <message>
        <source>postponed</source>
        <translation>відкладено</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>скасовано</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>очікується</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>надано</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>невідомо</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Case number</source>
        <translation>Номер випадку</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Сімʼя</translation>
    </message>
    <message>
        <source>Hromada</source>
        <translation>Громада</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Населений пункт</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адреса</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Категорії</translation>
    </message>
    <message>
        <source>Difficult circumstances</source>
        <translation>Складні життєві обставини</translation>
    </message>
    <message>
        <source>IDP certificate</source>
        <translation>Довідка ВПО</translation>
    </message>
    <message>
        <source>Territory of origin</source>
        <translation>Звідки переміщені</translation>
    </message>
    <message>
        <source>How the family was identified</source>
        <translation>Як виявлено сімʼю</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Хто повідомив</translation>
    </message>
    <message>
        <source>Date identified</source>
        <translation>Дата виявлення</translation>
    </message>
    <message>
        <source>Application or notice received</source>
        <translation>Заяву чи повідомлення отримано</translation>
    </message>
    <message>
        <source>Specialists responsible</source>
        <translation>Відповідальні фахівці</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Фахівець</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Reason for closing</source>
        <translation>Причина закриття</translation>
    </message>
    <message>
        <source>Date closed</source>
        <translation>Дата закриття</translation>
    </message>
    <message>
        <source>Result of the support</source>
        <translation>Результат супроводу</translation>
    </message>
    <message>
        <source>Why the circumstances were not overcome</source>
        <translation>Чому обставини не подолано</translation>
    </message>
    <message>
        <source>Follow-up after closure</source>
        <translation>Катамнез після закриття</translation>
    </message>
    <message>
        <source>Follow-up done on</source>
        <translation>Катамнез проведено</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Перевірка</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Нотатки</translation>
    </message>
    <message>
        <source>Role in the family</source>
        <translation>Роль у сімʼї</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Прізвище</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Імʼя</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>По батькові</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата народження</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Стать</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Інвалідність</translation>
    </message>
    <message>
        <source>Disability group</source>
        <translation>Група інвалідності</translation>
    </message>
    <message>
        <source>Subgroup A (group I only)</source>
        <translation>Підгрупа А (лише для I групи)</translation>
    </message>
    <message>
        <source>Internally displaced</source>
        <translation>Внутрішньо переміщена особа</translation>
    </message>
    <message>
        <source>IDP certificate number</source>
        <translation>Номер довідки ВПО</translation>
    </message>
    <message>
        <source>IDP certificate issued on</source>
        <translation>Дата видачі довідки ВПО</translation>
    </message>
    <message>
        <source>Child&apos;s legal status</source>
        <translation>Правовий статус дитини</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>Законний представник</translation>
    </message>
    <message>
        <source>Legal representative (not in the family)</source>
        <translation>Законний представник (не член сімʼї)</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>Документ, що посвідчує особу</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Номер документа</translation>
    </message>
    <message>
        <source>Registered address</source>
        <translation>Зареєстроване місце проживання</translation>
    </message>
    <message>
        <source>Actual address</source>
        <translation>Фактичне місце проживання</translation>
    </message>
    <message>
        <source>Place of study or work</source>
        <translation>Місце навчання або роботи</translation>
    </message>
    <message>
        <source>Returned from a residential institution</source>
        <translation>Повернення з інтернатного закладу</translation>
    </message>
    <message>
        <source>Date returned</source>
        <translation>Дата повернення</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Дата і час</translation>
    </message>
    <message>
        <source>Duration, minutes</source>
        <translation>Тривалість, хвилин</translation>
    </message>
    <message>
        <source>Type of visit</source>
        <translation>Тип візиту</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>Workers present</source>
        <translation>Присутні працівники</translation>
    </message>
    <message>
        <source>Members present</source>
        <translation>Присутні члени сімʼї</translation>
    </message>
    <message>
        <source>Children seen</source>
        <translation>Бачили дітей</translation>
    </message>
    <message>
        <source>Safety concern</source>
        <translation>Загроза безпеці</translation>
    </message>
    <message>
        <source>What is the concern</source>
        <translation>У чому загроза</translation>
    </message>
    <message>
        <source>Escalated to the supervisor</source>
        <translation>Повідомлено супервізору</translation>
    </message>
    <message>
        <source>Services delivered</source>
        <translation>Надані послуги</translation>
    </message>
    <message>
        <source>Agreed next steps</source>
        <translation>Домовлені наступні кроки</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>Наступний візит</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Form version</source>
        <translation>Версія форми</translation>
    </message>
    <message>
        <source>Date started</source>
        <translation>Дата початку</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Термін</translation>
    </message>
    <message>
        <source>Date completed</source>
        <translation>Дата завершення</translation>
    </message>
    <message>
        <source>Classification of the case</source>
        <translation>Класифікація випадку</translation>
    </message>
    <message>
        <source>Difficult circumstances present</source>
        <translation>Наявні складні життєві обставини</translation>
    </message>
    <message>
        <source>How long the problems have lasted</source>
        <translation>Як довго тривають проблеми</translation>
    </message>
    <message>
        <source>Services needed</source>
        <translation>Потрібні послуги</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>Висновок</translation>
    </message>
    <message>
        <source>Date drawn up</source>
        <translation>Дата складення</translation>
    </message>
    <message>
        <source>Version of the plan</source>
        <translation>Версія плану</translation>
    </message>
    <message>
        <source>Revises the plan</source>
        <translation>Переглядає план</translation>
    </message>
    <message>
        <source>Based on the assessment</source>
        <translation>На підставі оцінки</translation>
    </message>
    <message>
        <source>Main goals</source>
        <translation>Основні цілі</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Цілі</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Заходи</translation>
    </message>
    <message>
        <source>Support from</source>
        <translation>Супровід з</translation>
    </message>
    <message>
        <source>Support until</source>
        <translation>Супровід до</translation>
    </message>
    <message>
        <source>Extensions of the term</source>
        <translation>Продовження строку</translation>
    </message>
    <message>
        <source>Next review of the plan</source>
        <translation>Наступний перегляд плану</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Особа</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Візит</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Напрям</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Установа</translation>
    </message>
    <message>
        <source>Agency (from the list)</source>
        <translation>Установа (зі списку)</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Контактна особа</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Послуга</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Date referred</source>
        <translation>Дата перенаправлення</translation>
    </message>
    <message>
        <source>Status since</source>
        <translation>Статус із</translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation>Причина відмови</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Перевірити виконання</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Date of the outcome</source>
        <translation>Дата результату</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>План</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Захід</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Postponed to</source>
        <translation>Перенесено на</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примітка</translation>
    </message>
    <message>
        <source>Date delivered</source>
        <translation>Дата надання</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Надавач</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Кількість</translation>
    </message>
    <message>
        <source>Who received it</source>
        <translation>Хто отримав</translation>
    </message>
    <message>
        <source>Plan action</source>
        <translation>Захід плану</translation>
    </message>
    <message>
        <source>Whose consent</source>
        <translation>Чия згода</translation>
    </message>
    <message>
        <source>Given by (adult or legal representative)</source>
        <translation>Хто надав (повнолітня особа або законний представник)</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Мета</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Обсяг</translation>
    </message>
    <message>
        <source>Given by (member of the family)</source>
        <translation>Хто дав (член сімʼї)</translation>
    </message>
    <message>
        <source>Date given</source>
        <translation>Дата надання</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Чинна до</translation>
    </message>
    <message>
        <source>The child&apos;s own assent</source>
        <translation>Згода самої дитини</translation>
    </message>
    <message>
        <source>Who the information must be withheld from</source>
        <translation>Від кого інформацію треба приховати</translation>
    </message>
    <message>
        <source>Date withdrawn</source>
        <translation>Дата відкликання</translation>
    </message>
    <message>
        <source>Note on the withdrawal</source>
        <translation>Примітка щодо відкликання</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запис</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Рішення</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Коментар</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Хто перевірив</translation>
    </message>
    <message>
        <source>Reviewed at</source>
        <translation>Коли перевірено</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Why the record is protected</source>
        <translation>Чому запис захищено</translation>
    </message>
    <message>
        <source>Status application date</source>
        <translation>Дата заяви про встановлення статусу</translation>
    </message>
    <message>
        <source>Date of the decision</source>
        <translation>Дата рішення</translation>
    </message>
    <message>
        <source>Certificate date</source>
        <translation>Дата довідки</translation>
    </message>
    <message>
        <source>Certificate valid until</source>
        <translation>Довідка дійсна до</translation>
    </message>
    <message>
        <source>Forms of exploitation</source>
        <translation>Форми експлуатації</translation>
    </message>
    <message>
        <source>Extensions of the status</source>
        <translation>Продовження статусу</translation>
    </message>
    <message>
        <source>Assistance given</source>
        <translation>Надана допомога</translation>
    </message>
    <message>
        <source>Protection lifted on</source>
        <translation>Захист знято</translation>
    </message>
    <message>
        <source>Why the protection was lifted</source>
        <translation>Чому захист знято</translation>
    </message>
    <message>
        <source>Fields in conflict</source>
        <translation>Поля в конфлікті</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Чому</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Хто змінив</translation>
    </message>
    <message>
        <source>On the device</source>
        <translation>На пристрої</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Зміна</translation>
    </message>
    <message>
        <source>A deletion</source>
        <translation>Видалення</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Розвʼязано</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Рішення конфлікту</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>Належить до</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Вміст</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Розмір</translation>
    </message>
    <message>
        <source>Kind of file</source>
        <translation>Вид файлу</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Тип документа</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Підпис</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Ширина</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Висота</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Сторінки</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Дитина</translation>
    </message>
    <message>
        <source>Concern identified at</source>
        <translation>Коли виявлено загрозу</translation>
    </message>
    <message>
        <source>Date of the assessment</source>
        <translation>Дата оцінки</translation>
    </message>
    <message>
        <source>Level of the child&apos;s safety</source>
        <translation>Рівень безпеки дитини</translation>
    </message>
    <message>
        <source>Immediate measures taken</source>
        <translation>Вжиті негайні заходи</translation>
    </message>
    <message>
        <source>Decision and work to be done</source>
        <translation>Рішення і робота, яку необхідно провести</translation>
    </message>
    <message>
        <source>Concern</source>
        <translation>Загроза</translation>
    </message>
    <message>
        <source>Who was informed</source>
        <translation>Кого поінформовано</translation>
    </message>
    <message>
        <source>Informed at</source>
        <translation>Коли поінформовано</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Як</translation>
    </message>
    <message>
        <source>Informed by</source>
        <translation>Хто повідомив</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Хто прийняв повідомлення</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Реєстраційний номер</translation>
    </message>
    <message>
        <source>The answer</source>
        <translation>Відповідь</translation>
    </message>
    <message>
        <source>Answered at</source>
        <translation>Коли відповіли</translation>
    </message>
    <message>
        <source>The person at risk</source>
        <translation>Постраждала особа</translation>
    </message>
    <message>
        <source>Level of risk</source>
        <translation>Рівень ризику</translation>
    </message>
    <message>
        <source>Assessed by</source>
        <translation>Хто провів оцінку</translation>
    </message>
    <message>
        <source>Survivor</source>
        <translation>Постраждала особа</translation>
    </message>
    <message>
        <source>Form of violence</source>
        <translation>Форма насильства</translation>
    </message>
    <message>
        <source>Date of the incident</source>
        <translation>Дата випадку</translation>
    </message>
    <message>
        <source>Date first reported</source>
        <translation>Дата першого звернення</translation>
    </message>
    <message>
        <source>Perpetrator&apos;s relationship</source>
        <translation>Ким доводиться кривдник</translation>
    </message>
    <message>
        <source>Perpetrator&apos;s sex</source>
        <translation>Стать кривдника</translation>
    </message>
    <message>
        <source>Perpetrator&apos;s age group</source>
        <translation>Вікова група кривдника</translation>
    </message>
    <message>
        <source>Previous incidents</source>
        <translation>Попередні випадки</translation>
    </message>
    <message>
        <source>Protection order</source>
        <translation>Припис</translation>
    </message>
    <message>
        <source>Services offered</source>
        <translation>Запропоновані послуги</translation>
    </message>
    <message>
        <source>Services accepted</source>
        <translation>Прийняті послуги</translation>
    </message>
    <message>
        <source>Consent to share the data</source>
        <translation>Згода на передачу даних</translation>
    </message>
</context>
<context>
    <name>FormCheck</name>
    <message>
        <source>Choose a member of the family.</source>
        <translation>Виберіть члена сімʼї.</translation>
    </message>
    <message>
        <source>These rows could not be read.</source>
        <translation>Ці рядки не вдалося прочитати.</translation>
    </message>
    <message>
        <source>Fill this in for each row.</source>
        <translation>Заповніть це в кожному рядку.</translation>
    </message>
</context>
<context>
    <name>Headless</name>
    <message>
        <source>Expected the passphrase on standard input (one line).</source>
        <translation>Очікувалася парольна фраза на стандартному вводі (один рядок).</translation>
    </message>
    <message>
        <source>Expected the passphrase a second time on standard input (the next line).</source>
        <translation>Очікувалася повторна парольна фраза на стандартному вводі (наступний рядок).</translation>
    </message>
    <message>
        <source>Expected the password on standard input (the next line).</source>
        <translation>Очікувався пароль на стандартному вводі (наступний рядок).</translation>
    </message>
    <message>
        <source>Expected the enrolment code on standard input (the next line).</source>
        <translation>Очікувався код підключення на стандартному вводі (наступний рядок).</translation>
    </message>
    <message>
        <source>The passphrase is empty.</source>
        <translation>Парольна фраза порожня.</translation>
    </message>
    <message>
        <source>The two passphrases differ: nothing was created.</source>
        <translation>Дві парольні фрази не збігаються: нічого не створено.</translation>
    </message>
    <message>
        <source>Created an empty encrypted profile in {folder}.</source>
        <translation>Створено порожній зашифрований профіль у {folder}.</translation>
    </message>
    <message>
        <source>Enrolled as {user} ({role}), device {device}, server {server}</source>
        <translation>Ноутбук підʼєднано: користувач {user} ({role}), пристрій {device}, сервер {server}</translation>
    </message>
    <message>
        <source>Synced: pushed {pushed} (applied {applied}, merged {merged}, conflicts {conflicts}, rejected {rejected}); pulled {pulled}, evicted {evicted}; cursor {cursor}</source>
        <translation>Синхронізовано: надіслано {pushed} (прийнято {applied}, обʼєднано {merged}, конфліктів {conflicts}, відхилено {rejected}); отримано {pulled}, прибрано з ноутбука {evicted}; курсор {cursor}</translation>
    </message>
    <message>
        <source>There is no profile in {folder}. Create it first with: fieldapp init --profile {folder} (or add --create to this command).</source>
        <translation>У {folder} немає профілю. Спершу створіть його: fieldapp init --profile {folder} (або додайте до цієї команди --create).</translation>
    </message>
    <message>
        <source>The server at {server} cannot be reached: check the address and the port, and that the server runs. Nothing was enrolled.</source>
        <translation>Сервер за адресою {server} недоступний: перевірте адресу й порт і чи працює сервер. Ноутбук не підключено.</translation>
    </message>
    <message>
        <source>The server refused to enrol this laptop: {detail}</source>
        <translation>Сервер відмовився підключити цей ноутбук: {detail}</translation>
    </message>
    <message>
        <source>Synced, but not everything went through (refused: {rejected}; conflicts: {conflicts}). Open FieldApp: Sync → Conflicts and refused changes.</source>
        <translation>Синхронізовано, але не все пройшло (відхилено: {rejected}; конфліктів: {conflicts}). Відкрийте FieldApp: Синхронізація → Конфлікти й неприйняті зміни.</translation>
    </message>
    <message>
        <source>This profile is enrolled with a server: demo families would never sync, and a later edit of them would be refused. Use a new folder for demo data.</source>
        <translation>Цей профіль підключено до сервера: демонстраційні сімʼї ніколи не синхронізуються, а пізніші зміни в них буде відхилено. Для демонстраційних даних візьміть нову папку.</translation>
    </message>
    <message>
        <source>This profile already holds families. Use a new folder for demo data, or --add to grow a demo profile.</source>
        <translation>У цьому профілі вже є сімʼї. Для демонстраційних даних візьміть нову папку або додайте --add, щоб поповнити демонстраційний профіль.</translation>
    </message>
    <message>
        <source>FieldApp cannot open its window: this session has no display (neither DISPLAY nor WAYLAND_DISPLAY is set). Start it from the desktop, or use the headless commands (fieldapp --help).</source>
        <translation>FieldApp не може відкрити вікно: у цьому сеансі немає дисплея (не задано ні DISPLAY, ні WAYLAND_DISPLAY). Запустіть програму з робочого столу або скористайтеся командами без вікна (fieldapp --help).</translation>
    </message>
    <message>
        <source>This profile holds families recorded without a server ({families}). Say what becomes of them: --send-existing sends them to the server as your families; --keep-local keeps them on this laptop only (in an encrypted backup) and connects the profile without them. Nothing was enrolled.</source>
        <translation>У цьому профілі є сімʼї, записані без сервера ({families}). Скажіть, що з ними зробити: --send-existing надсилає їх на сервер як ваші сімʼї; --keep-local залишає їх лише на цьому ноутбуці (у зашифрованій резервній копії) і підключає профіль без них. Ноутбук не підключено.</translation>
    </message>
    <message>
        <source>This profile holds families recorded without a server ({families}). Send them to the server as your families (s), keep them on this laptop only (k), or stop (q)? </source>
        <translation>У цьому профілі є сімʼї, записані без сервера ({families}). Надіслати їх на сервер як ваші сімʼї (s), залишити лише на цьому ноутбуці (k) чи зупинитися (q)? </translation>
    </message>
    <message>
        <source>Stopped: nothing was enrolled.</source>
        <translation>Зупинено: ноутбук не підключено.</translation>
    </message>
    <message>
        <source>The families recorded before ({families}; records in all: {records}) go to the server at the first sync: fieldapp sync --profile {folder}</source>
        <translation>Сімʼї, записані раніше ({families}; усього записів: {records}), надійдуть на сервер під час першої синхронізації: fieldapp sync --profile {folder}</translation>
    </message>
    <message>
        <source>The families recorded before ({families}) stay on this laptop only, in the encrypted backup {backup}; the connected profile starts without them.</source>
        <translation>Сімʼї, записані раніше ({families}), залишаються лише на цьому ноутбуці, у зашифрованій резервній копії {backup}; підключений профіль починає роботу без них.</translation>
    </message>
    <message>
        <source>The server did not accept the user name or the password. Check them with IT; nothing was enrolled.</source>
        <translation>Сервер не прийняв імʼя користувача або пароль. Перевірте їх разом з ІТ; ноутбук не підключено.</translation>
    </message>
    <message>
        <source>The server does not know this enrolment code. Check it, or ask IT for a new one; nothing was enrolled.</source>
        <translation>Сервер не знає цього коду підключення. Перевірте його або попросіть в ІТ новий; ноутбук не підключено.</translation>
    </message>
    <message>
        <source>This account is disabled: ask IT. Nothing was enrolled.</source>
        <translation>Цей обліковий запис вимкнено: зверніться до ІТ. Ноутбук не підключено.</translation>
    </message>
    <message>
        <source>This enrolment code was used already: each code enrols one laptop once. Ask IT for a new one; nothing was enrolled.</source>
        <translation>Цей код підключення вже використано: кожен код підключає один ноутбук один раз. Попросіть в ІТ новий; ноутбук не підключено.</translation>
    </message>
    <message>
        <source>This enrolment code has expired. Ask IT for a new one; nothing was enrolled.</source>
        <translation>Строк дії цього коду підключення минув. Попросіть в ІТ новий; ноутбук не підключено.</translation>
    </message>
    <message>
        <source>Cannot read {file}: {reason}</source>
        <translation>Не вдається прочитати {file}: {reason}</translation>
    </message>
    <message>
        <source>Cannot write {file}: {reason}</source>
        <translation>Не вдається записати {file}: {reason}</translation>
    </message>
    <message>
        <source>Parcel {seq} with {changes} changes: {file}</source>
        <translation>Пакет {seq}, змін у ньому: {changes}: {file}</translation>
    </message>
    <message>
        <source>Return parcel {seq}: {summary}</source>
        <translation>Зворотний пакет {seq}: {summary}</translation>
    </message>
    <message>
        <source>Return parcel {seq}: {summary} (the laptop had newer records from the network already)</source>
        <translation>Зворотний пакет {seq}: {summary} (ноутбук уже мав новіші записи, отримані через мережу)</translation>
    </message>
    <message>
        <source>Handed in; the return parcel for that laptop: {file}</source>
        <translation>Передано; зворотний пакет для того ноутбука: {file}</translation>
    </message>
    <message>
        <source>Give --record ID, --family CASE-NUMBER or --blank FORM.</source>
        <translation>Вкажіть --record ID, --family НОМЕР-СПРАВИ або --blank ФОРМА.</translation>
    </message>
    <message>
        <source>Give --out FILE.pdf (a PDF is not written to a terminal).</source>
        <translation>Вкажіть --out ФАЙЛ.pdf (PDF не виводиться в термінал).</translation>
    </message>
    <message>
        <source>--out names a folder; give a file name.</source>
        <translation>--out вказує на теку; вкажіть назву файлу.</translation>
    </message>
    <message>
        <source>There is no family with this case number on this laptop.</source>
        <translation>На цьому ноутбуці немає сімʼї з таким номером справи.</translation>
    </message>
    <message>
        <source>There is no record with this id on this laptop.</source>
        <translation>На цьому ноутбуці немає запису з таким ідентифікатором.</translation>
    </message>
    <message>
        <source>Printed {papers} paper(s), {pages} page(s) to {where}</source>
        <translation>Надруковано документів: {papers}, сторінок: {pages}, куди: {where}</translation>
    </message>
    <message>
        <source>standard output</source>
        <translation>стандартний вивід</translation>
    </message>
    <message>
        <source>The passphrase needs at least {count} characters (a few words are easiest): nothing was created.</source>
        <translation>Парольна фраза має містити щонайменше {count} символів (найпростіше — кілька слів): нічого не створено.</translation>
    </message>
</context>
<context>
    <name>OsReason</name>
    <message>
        <source>there is no such file or folder</source>
        <translation>такого файлу чи теки немає</translation>
    </message>
    <message>
        <source>this account is not allowed to use it</source>
        <translation>цьому обліковому запису не дозволено ним користуватися</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>диск заповнено</translation>
    </message>
    <message>
        <source>the disk can only be read (a locked or read-only stick?)</source>
        <translation>на диск можна лише читати (флешка заблокована чи лише для читання?)</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>це тека, а не файл</translation>
    </message>
    <message>
        <source>a part of the path is a file, not a folder</source>
        <translation>частина шляху — файл, а не тека</translation>
    </message>
    <message>
        <source>the disk could not be read or written (a damaged or removed stick?)</source>
        <translation>диск не вдалося прочитати чи записати (флешку пошкоджено чи вийнято?)</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>назва задовга</translation>
    </message>
    <message>
        <source>the system refused it ({detail})</source>
        <translation>система відмовила ({detail})</translation>
    </message>
</context>
<context>
    <name>Papers</name>
    <message>
        <source>This family is not on this laptop.</source>
        <translation>Цієї сімʼї немає на цьому ноутбуці.</translation>
    </message>
    <message>
        <source>This record is protected: only a user with protected access may print it.</source>
        <translation>Цей запис захищено: друкувати його може лише користувач із доступом до захищених даних.</translation>
    </message>
    <message>
        <source>This record is not on this laptop.</source>
        <translation>Цього запису немає на цьому ноутбуці.</translation>
    </message>
    <message>
        <source>This record has no paper form to print.</source>
        <translation>Для цього запису немає паперової форми.</translation>
    </message>
    <message>
        <source>Nothing recorded for this family has a paper form yet.</source>
        <translation>Для жодного запису цієї сімʼї ще немає паперової форми.</translation>
    </message>
    <message>
        <source>There is no such paper form.</source>
        <translation>Такої паперової форми немає.</translation>
    </message>
    <message>
        <source>The PDF could not be written there: %1</source>
        <translation>Не вдалося записати PDF у це місце: %1</translation>
    </message>
    <message>
        <source>The printer could not be reached.</source>
        <translation>Не вдалося звʼязатися з принтером.</translation>
    </message>
    <message>
        <source>The printer refused the papers; check it in the system&apos;s printer settings.</source>
        <translation>Принтер не прийняв документи; перевірте його в системних налаштуваннях принтерів.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Families monitored</source>
        <translation>Сімей під супроводом</translation>
    </message>
    <message>
        <source>Children involved</source>
        <translation>Дітей охоплено</translation>
    </message>
    <message>
        <source>Families of those children</source>
        <translation>Сімей, з яких ці діти</translation>
    </message>
    <message>
        <source>Persons in the families monitored</source>
        <translation>Осіб у сімʼях під супроводом</translation>
    </message>
    <message>
        <source>Cases opened</source>
        <translation>Відкрито випадків</translation>
    </message>
    <message>
        <source>Cases active at the end of the period</source>
        <translation>Активних випадків на кінець періоду</translation>
    </message>
    <message>
        <source>Cases closed</source>
        <translation>Закрито випадків</translation>
    </message>
    <message>
        <source>Needs assessments due</source>
        <translation>Оцінок потреб мало бути проведено</translation>
    </message>
    <message>
        <source>Needs assessments done within 5 working days</source>
        <translation>Оцінок потреб проведено протягом 5 робочих днів</translation>
    </message>
    <message>
        <source>Active cases with a plan</source>
        <translation>Активних випадків із планом</translation>
    </message>
    <message>
        <source>Referrals made</source>
        <translation>Перенаправлень</translation>
    </message>
    <message>
        <source>Referrals completed</source>
        <translation>Перенаправлень завершено</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Візитів</translation>
    </message>
    <message>
        <source>Safety concerns raised</source>
        <translation>Зафіксовано загроз безпеці</translation>
    </message>
    <message>
        <source>Median hours until a safety concern was reviewed</source>
        <translation>Медіана годин до перевірки загрози безпеці</translation>
    </message>
    <message>
        <source>Persons by sex and age</source>
        <translation>Особи за статтю та віком</translation>
    </message>
    <message>
        <source>Persons by disability</source>
        <translation>Особи за інвалідністю</translation>
    </message>
    <message>
        <source>Persons by IDP status</source>
        <translation>Особи за статусом ВПО</translation>
    </message>
    <message>
        <source>Persons by hromada</source>
        <translation>Особи за громадами</translation>
    </message>
    <message>
        <source>Children by sex and age</source>
        <translation>Діти за статтю та віком</translation>
    </message>
    <message>
        <source>Cases closed, by reason</source>
        <translation>Закриті випадки за причинами</translation>
    </message>
    <message>
        <source>Visits by type</source>
        <translation>Візити за типами</translation>
    </message>
    <message>
        <source>Service events by service</source>
        <translation>Надання послуг за видами</translation>
    </message>
    <message>
        <source>Distinct recipients by service</source>
        <translation>Отримувачі за видами послуг</translation>
    </message>
    <message>
        <source>Persons identified as affected by trafficking, by sex and age</source>
        <translation>Особи, які постраждали від торгівлі людьми, за статтю та віком</translation>
    </message>
    <message>
        <source>Forms of exploitation</source>
        <translation>Форми експлуатації</translation>
    </message>
    <message>
        <source>Victim status: applications and grants</source>
        <translation>Статус постраждалої особи: заяви та встановлення</translation>
    </message>
    <message>
        <source>Plan actions done</source>
        <translation>Виконані заходи плану</translation>
    </message>
    <message>
        <source>Visits due in the period (the date the previous visit set)</source>
        <translation>Візити, заплановані на період (дата, визначена попереднім візитом)</translation>
    </message>
    <message>
        <source>Visits due in the period and made by that date</source>
        <translation>Візити, заплановані на період і здійснені до цієї дати</translation>
    </message>
    <message>
        <source>Families monitored by category (a family counts under each of its categories)</source>
        <translation>Сімʼї під супроводом за категоріями (сімʼя враховується в кожній своїй категорії)</translation>
    </message>
    <message>
        <source>Children by disability</source>
        <translation>Діти за інвалідністю</translation>
    </message>
    <message>
        <source>Families monitored by hromada</source>
        <translation>Сімʼї під супроводом за громадами</translation>
    </message>
    <message>
        <source>Children by hromada</source>
        <translation>Діти за громадами</translation>
    </message>
    <message>
        <source>Referrals by service</source>
        <translation>Направлення за послугами</translation>
    </message>
    <message>
        <source>Referrals by outcome</source>
        <translation>Направлення за результатом</translation>
    </message>
    <message>
        <source>Child-safety concerns identified</source>
        <translation>Виявлено загроз безпеці дитини</translation>
    </message>
    <message>
        <source>Concerns with every statutory notice within a day</source>
        <translation>Загрози, про які всіх поінформовано протягом доби</translation>
    </message>
    <message>
        <source>Median hours from identification to the last notice</source>
        <translation>Медіана годин від виявлення до останнього повідомлення</translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>The local database could not be used.</source>
        <translation>Не вдалося скористатися локальною базою даних.</translation>
    </message>
    <message>
        <source>The passphrase is not right. Check the keyboard layout and Caps Lock, then try again.</source>
        <translation>Парольна фраза неправильна. Перевірте розкладку клавіатури та Caps Lock і спробуйте ще раз.</translation>
    </message>
    <message>
        <source>There is no FieldApp profile in {folder}.</source>
        <translation>У теці {folder} немає профілю FieldApp.</translation>
    </message>
    <message>
        <source>A FieldApp profile already exists in {folder}.</source>
        <translation>У теці {folder} вже є профіль FieldApp.</translation>
    </message>
    <message>
        <source>The key settings of this profile (key.json) are damaged, so the database cannot be unlocked. Nothing was changed. Ask IT to restore key.json from a backup.</source>
        <translation>Налаштування ключа цього профілю (key.json) пошкоджено, тому базу даних не можна відкрити. Нічого не змінено. Попросіть ІТ-фахівця відновити key.json з резервної копії.</translation>
    </message>
    <message>
        <source>The key settings of this profile (key.json) are missing, so the database cannot be unlocked. Nothing was changed. Do not make a new profile: ask IT to put key.json back from a backup of this laptop.</source>
        <translation>Налаштувань ключа цього профілю (key.json) немає, тому базу даних не можна відкрити. Нічого не змінено. Не створюйте новий профіль: попросіть ІТ-фахівця повернути key.json з резервної копії цього ноутбука.</translation>
    </message>
    <message>
        <source>The key settings of this profile (key.json) use a method this version of FieldApp does not know. Nothing was changed. If a newer FieldApp made this profile, install it; otherwise ask IT to restore key.json from a backup.</source>
        <translation>Налаштування ключа цього профілю (key.json) використовують спосіб, якого ця версія FieldApp не знає. Нічого не змінено. Якщо профіль створила новіша версія FieldApp, установіть її; інакше попросіть ІТ-фахівця відновити key.json з резервної копії.</translation>
    </message>
    <message>
        <source>The passphrase is right, but the database does not belong to these key settings: its beginning is damaged, or the database or key.json was replaced by another profile&apos;s file. Nothing was changed. Ask IT to put back the matching pair from a backup.</source>
        <translation>Парольна фраза правильна, але база даних не відповідає цим налаштуванням ключа: її початок пошкоджено або базу даних чи key.json замінено файлом іншого профілю. Нічого не змінено. Попросіть ІТ-фахівця повернути з резервної копії пару файлів, що відповідають одне одному.</translation>
    </message>
    <message>
        <source>This profile is already open in another FieldApp window. Close that window first.</source>
        <translation>Цей профіль уже відкрито в іншому вікні FieldApp. Спершу закрийте те вікно.</translation>
    </message>
    <message>
        <source>This profile was saved by a newer version of FieldApp (data version {found}; this program knows up to {known}). Install the newer version. Nothing was changed.</source>
        <translation>Цей профіль збережено новішою версією FieldApp (версія даних {found}; ця програма знає до {known}). Установіть новішу версію. Нічого не змінено.</translation>
    </message>
    <message>
        <source>The disk is full, so this was not saved. Free some space, then save again: what you entered is still here.</source>
        <translation>Диск заповнений, тому це не збережено. Звільніть місце й збережіть ще раз: усе, що ви ввели, нікуди не зникло.</translation>
    </message>
    <message>
        <source>There is not enough free disk space to update this profile for the new version of FieldApp: a backup copy is made first and needs about {size} MB. Nothing was changed and no partial copy was left. Free some space, then start FieldApp again.</source>
        <translation>На диску замало вільного місця, щоб оновити цей профіль для нової версії FieldApp: спершу робиться резервна копія, і їй потрібно близько {size} МБ. Нічого не змінено, недороблених копій не залишилося. Звільніть місце й запустіть FieldApp ще раз.</translation>
    </message>
    <message>
        <source>The local database is busy: another program is using it. Nothing was lost. Wait a moment, then try again; if this keeps happening, restart the laptop.</source>
        <translation>Локальна база даних зайнята: її використовує інша програма. Нічого не втрачено. Зачекайте хвилинку й спробуйте ще раз; якщо це повторюється, перезапустіть ноутбук.</translation>
    </message>
    <message>
        <source>The local database cannot be written: its folder is read-only. What you entered is still here. Ask IT to check the permissions of the profile folder.</source>
        <translation>У локальну базу даних не можна записувати: її теку відкрито лише для читання. Усе, що ви ввели, нікуди не зникло. Попросіть ІТ-фахівця перевірити права доступу до теки профілю.</translation>
    </message>
    <message>
        <source>The disk could not be read or written, so this was not saved. What you entered is still here. Check that the disk or USB drive is connected, then save again.</source>
        <translation>Не вдалося прочитати диск або записати на нього, тому це не збережено. Усе, що ви ввели, нікуди не зникло. Перевірте, чи підключено диск або USB-накопичувач, і збережіть ще раз.</translation>
    </message>
    <message>
        <source>The local database is damaged and cannot be read. Do not delete anything: ask IT to restore it from the backups folder of this profile.</source>
        <translation>Локальну базу даних пошкоджено, її не можна прочитати. Нічого не видаляйте: попросіть ІТ-фахівця відновити її з теки backups цього профілю.</translation>
    </message>
    <message>
        <source>The database file of this profile is empty (0 bytes): the records are not in it. FieldApp will not make a new database over it. Do not delete anything: ask IT to restore the profile from a backup.</source>
        <translation>Файл бази даних цього профілю порожній (0 байтів): записів у ньому немає. FieldApp не створюватиме нову базу даних замість нього. Нічого не видаляйте: попросіть ІТ-фахівця відновити профіль з резервної копії.</translation>
    </message>
    <message>
        <source>The database file of this profile (fieldapp.db) is missing, although its key settings are there. FieldApp will not make a new database in its place. Ask IT to put the file back from a backup.</source>
        <translation>Файлу бази даних цього профілю (fieldapp.db) немає, хоча налаштування ключа є. FieldApp не створюватиме нову базу даних на його місці. Попросіть ІТ-фахівця повернути файл з резервної копії.</translation>
    </message>
    <message>
        <source>The database file is incomplete: it ends in the middle of a page, as when a copy is cut short. Nothing was changed. Do not delete anything: ask IT to restore it from a backup.</source>
        <translation>Файл бази даних неповний: він уривається посеред сторінки, як буває, коли копіювання перервалося. Нічого не змінено. Нічого не видаляйте: попросіть ІТ-фахівця відновити його з резервної копії.</translation>
    </message>
    <message>
        <source>Part of the local database is damaged ({pages} of its {total} pages cannot be read), so FieldApp did not open it. Nothing was changed. Do not delete anything: ask IT to restore it from a backup.</source>
        <translation>Частину локальної бази даних пошкоджено (не читаються сторінки: {pages} з {total}), тому FieldApp її не відкрив. Нічого не змінено. Нічого не видаляйте: попросіть ІТ-фахівця відновити її з резервної копії.</translation>
    </message>
    <message>
        <source>The database file is not encrypted, so it is not this profile&apos;s database: it was replaced by another file. FieldApp did not open it. Ask IT to put back the profile&apos;s own file from a backup.</source>
        <translation>Файл бази даних не зашифровано, отже, це не база даних цього профілю: її замінено іншим файлом. FieldApp його не відкрив. Попросіть ІТ-фахівця повернути власний файл профілю з резервної копії.</translation>
    </message>
    <message>
        <source>FieldApp did not close properly last time, and the journal of the database (fieldapp.db-wal) is now missing: the changes saved in that session may be lost. If the file was moved, put it back beside fieldapp.db and try again. Otherwise ask IT; open the records without it only if IT says so.</source>
        <translation>Минулого разу FieldApp закрився неправильно, а журналу бази даних (fieldapp.db-wal) тепер немає: зміни, збережені під час того сеансу, можуть бути втрачені. Якщо файл перемістили, поверніть його поруч із fieldapp.db і спробуйте ще раз. Інакше зверніться до ІТ-фахівця; відкривайте записи без журналу, лише якщо він так скаже.</translation>
    </message>
    <message>
        <source>FieldApp did not close properly last time, and the journal of the database (fieldapp.db-wal) is damaged: changes saved in that session would be lost if the records were opened now. Nothing was changed. Ask IT to copy the profile folder before anything else; open the records without those changes only if IT says so.</source>
        <translation>Минулого разу FieldApp закрився неправильно, а журнал бази даних (fieldapp.db-wal) пошкоджено: якщо відкрити записи зараз, зміни, збережені під час того сеансу, буде втрачено. Нічого не змінено. Попросіть ІТ-фахівця насамперед скопіювати теку профілю; відкривайте записи без цих змін, лише якщо він так скаже.</translation>
    </message>
    <message>
        <source>This record no longer exists on this laptop.</source>
        <translation>Цього запису вже немає на цьому ноутбуці.</translation>
    </message>
    <message>
        <source>The supervisor approved this record, so it is locked. Ask them to reopen it if it needs a change.</source>
        <translation>Супервізор затвердив цей запис, тому його заблоковано. Якщо його треба змінити, попросіть супервізора відкрити його знову.</translation>
    </message>
    <message>
        <source>Another specialist wrote this record: only its author or a supervisor can change it. Write a record of your own instead.</source>
        <translation>Цей запис зробив інший фахівець — змінити його може лише автор або супервізор. Натомість додайте власний запис.</translation>
    </message>
    <message>
        <source>This record was deleted and cannot be changed.</source>
        <translation>Цей запис видалено, його не можна змінити.</translation>
    </message>
    <message>
        <source>This record cannot be reviewed that way now: only submitted records are approved or returned, and only approved ones are reopened. Refresh the list: someone may have reviewed it already.</source>
        <translation>Цей запис зараз не можна так перевірити: затверджують або повертають лише подані записи, а знову відкривають лише затверджені. Оновіть список: можливо, хтось уже його перевірив.</translation>
    </message>
    <message>
        <source>There is not enough free space on the disk to change the passphrase safely (about {needed_mb} MB more is needed). Nothing was changed: your current passphrase still opens the records. Free some space, then try again.</source>
        <translation>На диску недостатньо вільного місця, щоб безпечно змінити парольну фразу (потрібно ще приблизно {needed_mb} МБ). Нічого не змінено: ваша теперішня парольна фраза й далі відкриває записи. Звільніть місце й спробуйте ще раз.</translation>
    </message>
    <message>
        <source>You wrote this record, so you cannot approve it yourself: another supervisor of the team approves it.</source>
        <translation>Ви склали цей запис, тож не можете затвердити його самі: його затверджує інший супервізор команди.</translation>
    </message>
    <message>
        <source>The disk is full, so an attachment could not be downloaded. Free some space: the download continues where it stopped at the next sync, or when you open the file again.</source>
        <translation>Диск заповнений, тому вкладення не вдалося завантажити. Звільніть місце: завантаження продовжиться з того місця, де зупинилося, під час наступної синхронізації або коли ви знову відкриєте файл.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>This family is not on this laptop.</source>
        <translation>Цієї сімʼї немає на цьому ноутбуці.</translation>
    </message>
    <message>
        <source>Say what needs correcting, so the caseworker knows.</source>
        <translation>Напишіть, що треба виправити, щоб фахівець знав.</translation>
    </message>
    <message>
        <source>A record cannot move to another family.</source>
        <translation>Запис не можна перенести до іншої сімʼї.</translation>
    </message>
    <message>
        <source>Choose each circumstance from the list.</source>
        <translation>Виберіть кожну обставину зі списку.</translation>
    </message>
    <message>
        <source>Give the date each circumstance was identified as a valid date.</source>
        <translation>Вкажіть правильну дату виявлення кожної обставини.</translation>
    </message>
    <message>
        <source>Choose each service from the Classifier of Social Services.</source>
        <translation>Виберіть кожну послугу з Класифікатора соціальних послуг.</translation>
    </message>
    <message>
        <source>The quantity of a service is a whole number, at least 1.</source>
        <translation>Кількість послуги — ціле число, не менше 1.</translation>
    </message>
    <message>
        <source>Choose who received each service from the family&apos;s members.</source>
        <translation>Виберіть, хто з членів сімʼї отримав кожну послугу.</translation>
    </message>
    <message>
        <source>Describe each action.</source>
        <translation>Опишіть кожен захід.</translation>
    </message>
    <message>
        <source>Each action needs its identifier.</source>
        <translation>Кожен захід має мати свій ідентифікатор.</translation>
    </message>
    <message>
        <source>Give each action&apos;s deadline as a valid date.</source>
        <translation>Вкажіть строк кожного заходу правильною датою.</translation>
    </message>
    <message>
        <source>Name each specialist responsible for the case.</source>
        <translation>Назвіть кожного фахівця, відповідального за випадок.</translation>
    </message>
    <message>
        <source>Give the dates each specialist was responsible as valid dates.</source>
        <translation>Вкажіть правильними датами, коли кожен фахівець відповідав за випадок.</translation>
    </message>
    <message>
        <source>A specialist&apos;s responsibility cannot end before it began.</source>
        <translation>Відповідальність фахівця не може закінчитися раніше, ніж почалася.</translation>
    </message>
    <message>
        <source>Give the date of each extension and the date it runs until.</source>
        <translation>Вкажіть дату кожного продовження і дату, до якої воно діє.</translation>
    </message>
    <message>
        <source>Describe each step.</source>
        <translation>Опишіть кожен крок.</translation>
    </message>
    <message>
        <source>Give each step&apos;s deadline as a valid date.</source>
        <translation>Вкажіть правильну дату терміну кожного кроку.</translation>
    </message>
    <message>
        <source>Enter text here.</source>
        <translation>Введіть тут текст.</translation>
    </message>
    <message>
        <source>Keep this on one line.</source>
        <translation>Напишіть це в один рядок.</translation>
    </message>
    <message>
        <source>Too long: at most {max} characters.</source>
        <translation>Задовго: не більше {max} символів.</translation>
    </message>
    <message>
        <source>This does not look right.</source>
        <translation>Схоже, тут помилка.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Введіть ціле число.</translation>
    </message>
    <message>
        <source>Enter a number from {min} to {max}.</source>
        <translation>Введіть число від {min} до {max}.</translation>
    </message>
    <message>
        <source>Enter a number of at least {min}.</source>
        <translation>Введіть число, не менше ніж {min}.</translation>
    </message>
    <message>
        <source>Enter a number of at most {max}.</source>
        <translation>Введіть число, не більше ніж {max}.</translation>
    </message>
    <message>
        <source>Answer yes or no.</source>
        <translation>Дайте відповідь «так» або «ні».</translation>
    </message>
    <message>
        <source>This date looks wrong: check the year.</source>
        <translation>Дата схожа на помилкову: перевірте рік.</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>Ця дата ще не настала.</translation>
    </message>
    <message>
        <source>Choose a value from the list.</source>
        <translation>Виберіть значення зі списку.</translation>
    </message>
    <message>
        <source>Choose values from the list.</source>
        <translation>Виберіть значення зі списку.</translation>
    </message>
    <message>
        <source>Each value may be chosen once.</source>
        <translation>Кожне значення можна вибрати лише раз.</translation>
    </message>
    <message>
        <source>Choose a place from the codifier (KATOTTH).</source>
        <translation>Виберіть місце з кодифікатора (КАТОТТГ).</translation>
    </message>
    <message>
        <source>Enter a phone number in digits, for example +380 67 123 4567.</source>
        <translation>Введіть номер телефону цифрами, наприклад +380 67 123 4567.</translation>
    </message>
    <message>
        <source>Choose a record from the list.</source>
        <translation>Виберіть запис зі списку.</translation>
    </message>
    <message>
        <source>Choose records from the list.</source>
        <translation>Виберіть записи зі списку.</translation>
    </message>
    <message>
        <source>This must be a list.</source>
        <translation>Тут має бути список.</translation>
    </message>
    <message>
        <source>A closed case needs the reason and the date of closing.</source>
        <translation>Для закритого випадку потрібні причина і дата закриття.</translation>
    </message>
    <message>
        <source>A case cannot close before it was identified.</source>
        <translation>Випадок не можна закрити раніше, ніж його виявлено.</translation>
    </message>
    <message>
        <source>A disability group is given: mark the disability.</source>
        <translation>Вказано групу інвалідності: позначте інвалідність.</translation>
    </message>
    <message>
        <source>Give the date the child returned.</source>
        <translation>Вкажіть дату повернення дитини.</translation>
    </message>
    <message>
        <source>The return cannot be before the date of birth.</source>
        <translation>Повернення не може бути раніше за дату народження.</translation>
    </message>
    <message>
        <source>Describe the safety concern.</source>
        <translation>Опишіть загрозу безпеці.</translation>
    </message>
    <message>
        <source>A visit cannot be recorded in the future.</source>
        <translation>Не можна записати візит, який ще не відбувся.</translation>
    </message>
    <message>
        <source>The next visit must come after this one.</source>
        <translation>Наступний візит має бути після цього.</translation>
    </message>
    <message>
        <source>A child seen must be among the members present.</source>
        <translation>Дитина, яку бачили, має бути серед присутніх членів сімʼї.</translation>
    </message>
    <message>
        <source>An assessment cannot end before it started.</source>
        <translation>Оцінювання не може завершитися раніше, ніж почалося.</translation>
    </message>
    <message>
        <source>A case closes when the supervisor approves the report on the results.</source>
        <translation>Випадок закривається, коли супервізор затверджує звіт про результати.</translation>
    </message>
    <message>
        <source>Say why the circumstances were not overcome.</source>
        <translation>Вкажіть, чому обставини не подолано.</translation>
    </message>
    <message>
        <source>A follow-up comes after the closure.</source>
        <translation>Катамнез проводять після закриття випадку.</translation>
    </message>
    <message>
        <source>Subgroup A exists only in disability group I.</source>
        <translation>Підгрупа А буває лише в I групі інвалідності.</translation>
    </message>
    <message>
        <source>A person cannot be their own legal representative.</source>
        <translation>Особа не може бути власним законним представником.</translation>
    </message>
    <message>
        <source>The support cannot end before it begins.</source>
        <translation>Супровід не може закінчитися раніше, ніж почнеться.</translation>
    </message>
    <message>
        <source>Two actions have the same identifier.</source>
        <translation>Два заходи мають однаковий ідентифікатор.</translation>
    </message>
    <message>
        <source>Give the date the action is postponed to.</source>
        <translation>Вкажіть дату, на яку перенесено захід.</translation>
    </message>
    <message>
        <source>An action is postponed to a later date.</source>
        <translation>Захід переносять на пізнішу дату.</translation>
    </message>
    <message>
        <source>The outcome cannot come before the referral.</source>
        <translation>Результат не може бути раніше за перенаправлення.</translation>
    </message>
    <message>
        <source>The status cannot change before the referral.</source>
        <translation>Статус не може змінитися раніше за дату направлення.</translation>
    </message>
    <message>
        <source>Give the reason the referral was refused.</source>
        <translation>Вкажіть причину відмови в направленні.</translation>
    </message>
    <message>
        <source>A consent cannot be withdrawn before it was given.</source>
        <translation>Згоду не можна відкликати раніше, ніж її надано.</translation>
    </message>
    <message>
        <source>A consent cannot expire before it was given.</source>
        <translation>Згода не може втратити чинність раніше, ніж її надано.</translation>
    </message>
    <message>
        <source>The certificate cannot expire before it was issued.</source>
        <translation>Довідка не може втратити чинність раніше, ніж її видано.</translation>
    </message>
    <message>
        <source>The status lasts at most two years.</source>
        <translation>Статус діє не більше двох років.</translation>
    </message>
    <message>
        <source>The decision cannot come before the application.</source>
        <translation>Рішення не може бути ухвалено раніше за заяву.</translation>
    </message>
    <message>
        <source>Say why the protection is lifted.</source>
        <translation>Вкажіть, чому захист знято.</translation>
    </message>
    <message>
        <source>Unknown kind of record: {name}.</source>
        <translation>Невідомий вид запису: {name}.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>Це поле обовʼязкове.</translation>
    </message>
    <message>
        <source>Unknown field.</source>
        <translation>Невідоме поле.</translation>
    </message>
    <message>
        <source>Enter a date as DD.MM.YYYY.</source>
        <translation>Введіть дату у форматі ДД.ММ.РРРР.</translation>
    </message>
    <message>
        <source>Enter a time as HH:MM, for example 14:30.</source>
        <translation>Введіть час у форматі ГГ:ХХ, наприклад 14:30.</translation>
    </message>
    <message>
        <source>Enter both the date and the time.</source>
        <translation>Введіть і дату, і час.</translation>
    </message>
    <message>
        <source>Write the year in full, with four digits (1990, not 90).</source>
        <translation>Напишіть рік повністю, чотирма цифрами (1990, а не 90).</translation>
    </message>
    <message>
        <source>There is no month {month}: months go from 1 to 12.</source>
        <translation>Місяця {month} не існує: місяці мають номери від 1 до 12.</translation>
    </message>
    <message>
        <source>There is no day {day} in any month: days go from 1 to 31.</source>
        <translation>Дня {day} немає в жодному місяці: дні мають номери від 1 до 31.</translation>
    </message>
    <message>
        <source>February {year} has 28 days.</source>
        <translation>У лютому {year} року 28 днів.</translation>
    </message>
    <message>
        <source>February {year} has 29 days.</source>
        <translation>У лютому {year} року 29 днів.</translation>
    </message>
    <message>
        <source>April has 30 days.</source>
        <translation>У квітні 30 днів.</translation>
    </message>
    <message>
        <source>June has 30 days.</source>
        <translation>У червні 30 днів.</translation>
    </message>
    <message>
        <source>September has 30 days.</source>
        <translation>У вересні 30 днів.</translation>
    </message>
    <message>
        <source>November has 30 days.</source>
        <translation>У листопаді 30 днів.</translation>
    </message>
    <message>
        <source>An approved closure closes the case: a supervisor reopens it by returning the report.</source>
        <translation>Затверджене закриття закриває випадок: супервізор відкриває його знову, повернувши звіт.</translation>
    </message>
    <message>
        <source>The file&apos;s content address is not a SHA-256.</source>
        <translation>Адреса вмісту файлу не є хешем SHA-256.</translation>
    </message>
    <message>
        <source>The codifier (KATOTTH) has no hromada with the code {code}: choose the hromada from the list.</source>
        <translation>У кодифікаторі (КАТОТТГ) немає громади з кодом {code}: виберіть громаду зі списку.</translation>
    </message>
    <message>
        <source>{place} is not a hromada: choose the hromada it belongs to.</source>
        <translation>{place} — не громада: виберіть громаду, до якої належить це місце.</translation>
    </message>
    <message>
        <source>The codifier (KATOTTH) has no settlement with the code {code}: choose the settlement from the list.</source>
        <translation>У кодифікаторі (КАТОТТГ) немає населеного пункту з кодом {code}: виберіть населений пункт зі списку.</translation>
    </message>
    <message>
        <source>{place} is not a settlement: choose a city, town or village.</source>
        <translation>{place} — не населений пункт: виберіть місто, селище чи село.</translation>
    </message>
    <message>
        <source>{place} is not in the hromada chosen ({hromada}): choose a settlement of that hromada.</source>
        <translation>{place} не належить до вибраної громади ({hromada}): виберіть населений пункт цієї громади.</translation>
    </message>
    <message>
        <source>The codifier (KATOTTH) has no place with the code {code}: choose the territory of origin from the list.</source>
        <translation>У кодифікаторі (КАТОТТГ) немає місця з кодом {code}: виберіть територію походження зі списку.</translation>
    </message>
    <message>
        <source>The codifier (KATOTTH) has no place with the code {code}: choose the place from the list.</source>
        <translation>У кодифікаторі (КАТОТТГ) немає місця з кодом {code}: виберіть місце зі списку.</translation>
    </message>
</context>
</TS>
