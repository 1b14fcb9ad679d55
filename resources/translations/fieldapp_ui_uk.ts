<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name>ActionStatusDialog</name>
    <message>
        <source>Progress of the plan action</source>
        <translation>Виконання заходу плану</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Postponed to</source>
        <translation>Відкладено до</translation>
    </message>
    <message>
        <source>What was done, or why it waits (optional)</source>
        <translation>Що зроблено або чому чекає (необовʼязково)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примітка</translation>
    </message>
</context>
<context>
    <name>Age</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дні</numerusform>
            <numerusform>%n днів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n місяць</numerusform>
            <numerusform>%n місяці</numerusform>
            <numerusform>%n місяців</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n рік</numerusform>
            <numerusform>%n роки</numerusform>
            <numerusform>%n років</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <source>Attach a file</source>
        <translation>Додати файл</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
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
        <source>Attach</source>
        <translation>Додати</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <source>Attach a file…</source>
        <translation>Додати файл…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Вилучити</translation>
    </message>
    <message>
        <source>Drop photos and scans (JPEG, PNG, PDF) here, or attach them with the button.</source>
        <translation>Перетягніть сюди фото та скани (JPEG, PNG, PDF) або додайте їх кнопкою.</translation>
    </message>
    <message>
        <source>Approved by the supervisor: attachments can no longer be added or removed.</source>
        <translation>Затверджено супервізором: вкладення більше не можна додавати чи вилучати.</translation>
    </message>
    <message>
        <source>Not downloaded yet</source>
        <translation>Ще не завантажено</translation>
    </message>
    <message numerus="yes">
        <source>PDF, %n page(s)</source>
        <translation>
            <numerusform>PDF, %n сторінка</numerusform>
            <numerusform>PDF, %n сторінки</numerusform>
            <numerusform>PDF, %n сторінок</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot be shown</source>
        <translation>Не вдається показати</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Додати файл</translation>
    </message>
    <message>
        <source>Photos and scans (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>Фото та скани (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <source>Remove the attachment?</source>
        <translation>Вилучити вкладення?</translation>
    </message>
    <message>
        <source>Remove “%1” from the case? It is removed on every laptop at the next sync.</source>
        <translation>Вилучити «%1» зі справи? Під час наступної синхронізації його буде вилучено на всіх ноутбуках.</translation>
    </message>
    <message>
        <source>This file cannot be read. Check that it is still there and not open in another program.</source>
        <translation>Не вдається прочитати цей файл. Перевірте, чи він досі на місці й не відкритий в іншій програмі.</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>Не додано</translation>
    </message>
    <message>
        <source>This file has not reached this laptop yet. It comes with the next sync when the server has it.</source>
        <translation>Цей файл ще не надійшов на цей ноутбук. Він прийде з наступною синхронізацією, щойно буде на сервері.</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>Не завантажено</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>Zoom</source>
        <translation>Масштаб</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>Це зображення не вдається показати.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Сторінка %1 з %2</translation>
    </message>
    <message>
        <source>◀ Previous page</source>
        <translation>◀ Попередня сторінка</translation>
    </message>
    <message>
        <source>Next page ▶</source>
        <translation>Наступна сторінка ▶</translation>
    </message>
    <message>
        <source>This PDF cannot be shown: it is damaged.</source>
        <translation>Цей PDF не вдається показати: файл пошкоджений.</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>This file is larger than {limit} MB, the most a file may be. Scan it at a lower resolution, or split it.</source>
        <translation>Цей файл більший за {limit} МБ — найбільший дозволений розмір. Відскануйте його з меншою роздільністю або розділіть.</translation>
    </message>
    <message>
        <source>FieldApp keeps photos and scans: JPEG, PNG or PDF. This file is none of them.</source>
        <translation>FieldApp зберігає фото та скани: JPEG, PNG або PDF. Цей файл не належить до жодного з них.</translation>
    </message>
    <message>
        <source>This image is damaged and cannot be read. Take the photo or the scan again.</source>
        <translation>Це зображення пошкоджене, його не вдається прочитати. Зробіть фото або скан ще раз.</translation>
    </message>
    <message>
        <source>This PDF is damaged or locked with a password, so it cannot be read. Save or scan it again.</source>
        <translation>Цей PDF пошкоджений або захищений паролем, тому його не вдається прочитати. Збережіть або відскануйте його ще раз.</translation>
    </message>
    <message>
        <source>This file is empty.</source>
        <translation>Цей файл порожній.</translation>
    </message>
</context>
<context>
    <name>AttachmentsButton</name>
    <message>
        <source>Attachments (%1)…</source>
        <translation>Вкладення (%1)…</translation>
    </message>
</context>
<context>
    <name>CaseloadModel</name>
    <message>
        <source>Case number</source>
        <translation>Номер справи</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Сімʼя</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Населений пункт</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Категорії</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Останній візит</translation>
    </message>
    <message>
        <source>Next visit due</source>
        <translation>Наступний візит</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>Відкриті дії</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхронізація</translation>
    </message>
    <message>
        <source>Changes of this family waiting to be sent to the server</source>
        <translation>Зміни щодо цієї сімʼї, які ще не надіслано на сервер</translation>
    </message>
    <message>
        <source>A safety concern was recorded for this family</source>
        <translation>Для цієї сімʼї зафіксовано загрозу безпеці</translation>
    </message>
    <message>
        <source>The visit is overdue</source>
        <translation>Візит прострочено</translation>
    </message>
    <message>
        <source>(closed)</source>
        <translation>(закрито)</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>прострочено</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n очікує</numerusform>
            <numerusform>%n очікують</numerusform>
            <numerusform>%n очікують</numerusform>
        </translation>
    </message>
    <message>
        <source>synced</source>
        <translation>синхронізовано</translation>
    </message>
    <message>
        <source>Children&apos;s ages</source>
        <translation>Вік дітей</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Де знайдено</translation>
    </message>
    <message>
        <source>family</source>
        <translation>сімʼя</translation>
    </message>
    <message>
        <source>member</source>
        <translation>член сімʼї</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>візит</translation>
    </message>
    <message>
        <source>assessment</source>
        <translation>оцінювання</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>план</translation>
    </message>
    <message>
        <source>referral</source>
        <translation>направлення</translation>
    </message>
    <message>
        <source>service</source>
        <translation>послуга</translation>
    </message>
    <message>
        <source>plan action</source>
        <translation>захід плану</translation>
    </message>
    <message>
        <source>this laptop only</source>
        <translation>лише на цьому ноутбуці</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Фахівець</translation>
    </message>
    <message>
        <source>(not assigned)</source>
        <translation>(не призначено)</translation>
    </message>
</context>
<context>
    <name>CaseloadView</name>
    <message>
        <source>Search names, addresses and notes (Ctrl+F)</source>
        <translation>Пошук за іменами, адресами й нотатками (Ctrl+F)</translation>
    </message>
    <message>
        <source>Overdue visits only</source>
        <translation>Лише прострочені візити</translation>
    </message>
    <message>
        <source>New family…</source>
        <translation>Нова сімʼя…</translation>
    </message>
    <message>
        <source>Hromada</source>
        <translation>Громада</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категорія</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>All hromadas</source>
        <translation>Усі громади</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Усі категорії</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активні</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закриті</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Усі</translation>
    </message>
    <message numerus="yes">
        <source>%n families</source>
        <translation>
            <numerusform>%n сімʼя</numerusform>
            <numerusform>%n сімʼї</numerusform>
            <numerusform>%n сімей</numerusform>
        </translation>
    </message>
    <message>
        <source>No families on this laptop yet. Add one with “New family…”, or they arrive with the first sync.</source>
        <translation>На цьому ноутбуці ще немає сімей. Додайте сімʼю кнопкою «Нова сімʼя…» або дочекайтеся першої синхронізації.</translation>
    </message>
    <message>
        <source>No family matches the search and filters.</source>
        <translation>Жодна сімʼя не відповідає пошуку й фільтрам.</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Фахівець</translation>
    </message>
    <message>
        <source>The search is still being prepared after the first sync: some families may be missing from the results until it is ready.</source>
        <translation>Пошук ще готується після першої синхронізації: поки він не готовий, деяких сімей може не бути серед результатів.</translation>
    </message>
    <message>
        <source>All caseworkers</source>
        <translation>Усі фахівці</translation>
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
        <translation>Звʼязуємося із сервером…</translation>
    </message>
    <message>
        <source>Your organisation asks this laptop to check in with its server from time to time before the records open. This takes a moment when the connection is slow.</source>
        <translation>Ваша організація просить цей ноутбук час від часу звʼязуватися з її сервером, перш ніж відкрити записи. Коли звʼязок повільний, це триває трохи довше.</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to the organisation&apos;s server</source>
        <translation>Підʼєднання до сервера організації</translation>
    </message>
    <message>
        <source>IT gives you the server&apos;s address and a one-time enrolment code (or your user name and password). Your passphrase stays as it is.</source>
        <translation>ІТ-фахівець дає вам адресу сервера й одноразовий код підключення (або ваше імʼя користувача й пароль). Ваша парольна фраза не зміниться.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Підʼєднатися</translation>
    </message>
    <message numerus="yes">
        <source>%n family(ies) already recorded on this laptop</source>
        <translation>
            <numerusform>%n сімʼя вже записана на цьому ноутбуці</numerusform>
            <numerusform>%n сімʼї вже записані на цьому ноутбуці</numerusform>
            <numerusform>%n сімей уже записано на цьому ноутбуці</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send them to the server as my families</source>
        <translation>
            <numerusform>Надіслати її на сервер як мою сімʼю</numerusform>
            <numerusform>Надіслати їх на сервер як мої сімʼї</numerusform>
            <numerusform>Надіслати їх на сервер як мої сімʼї</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep them on this laptop only, and connect without them</source>
        <translation>
            <numerusform>Залишити її лише на цьому ноутбуці й підʼєднатися без неї</numerusform>
            <numerusform>Залишити їх лише на цьому ноутбуці й підʼєднатися без них</numerusform>
            <numerusform>Залишити їх лише на цьому ноутбуці й підʼєднатися без них</numerusform>
        </translation>
    </message>
    <message>
        <source>They go to the server at the first sync and your supervisor sees them like any other family. Their case numbers take the code the server gives this laptop; the year and the number stay.</source>
        <translation>Вони надійдуть на сервер під час першої синхронізації, і ваш супервізор бачитиме їх, як будь-яку іншу сімʼю. Їхні номери справ отримають код, який сервер дасть цьому ноутбуку; рік і порядковий номер залишаться.</translation>
    </message>
    <message>
        <source>Nothing of them is sent. They are kept in an encrypted copy in the profile&apos;s backups folder, opened by the same passphrase, and the program then shows the caseload the server sends.</source>
        <translation>Нічого з них не надсилається. Їх буде збережено в зашифрованій копії в теці резервних копій профілю (її відкриває та сама парольна фраза), а програма далі показуватиме справи, які надішле сервер.</translation>
    </message>
    <message>
        <source>This enrolment code has a typo: check it character by character.</source>
        <translation>У цьому коді підключення помилка: перевірте його символ за символом.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Підʼєднання…</translation>
    </message>
    <message>
        <source>Nothing was changed on this laptop.</source>
        <translation>На цьому ноутбуці нічого не змінено.</translation>
    </message>
    <message>
        <source>Connect to a server…</source>
        <translation>Підʼєднатися до сервера…</translation>
    </message>
    <message>
        <source>Connected to the server as %1. The first sync starts now.</source>
        <translation>Підʼєднано до сервера як %1. Перша синхронізація починається зараз.</translation>
    </message>
    <message>
        <source>Start FieldApp again to see the supervisor&apos;s screens.</source>
        <translation>Запустіть FieldApp ще раз, щоб побачити екрани супервізора.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>FieldApp: an error</source>
        <translation>FieldApp: помилка</translation>
    </message>
    <message>
        <source>Sorry: FieldApp ran into an error it did not expect.</source>
        <translation>Вибачте: у FieldApp сталася непередбачена помилка.</translation>
    </message>
    <message>
        <source>What you saved is safe. You can go on working; if something looks wrong, close FieldApp and start it again. Please copy the report below and send it to IT, with a line about what you were doing. The report has no names or other details of families.</source>
        <translation>Усе, що ви зберегли, у безпеці. Можна працювати далі; якщо щось виглядає не так, закрийте FieldApp і запустіть знову. Будь ласка, скопіюйте звіт нижче й надішліть його ІТ-службі, додавши рядок про те, що ви робили. У звіті немає імен чи інших відомостей про сімʼї.</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Копіювати звіт</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Скопійовано</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>ДД.ММ.РРРР</translation>
    </message>
    <message>
        <source>Choose on a calendar (F4)</source>
        <translation>Вибрати в календарі (F4)</translation>
    </message>
    <message>
        <source>Choose on a calendar</source>
        <translation>Вибрати в календарі</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>ГГ:ХХ</translation>
    </message>
</context>
<context>
    <name>DraftsNote</name>
    <message>
        <source>%1, typed %2 — &lt;a href=&quot;%3&quot;&gt;continue&lt;/a&gt;</source>
        <translation>%1, набрано %2 — &lt;a href=&quot;%3&quot;&gt;продовжити&lt;/a&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Not saved as a record yet (a draft on this laptop, not synced):</source>
        <translation>
            <numerusform>Ще не збережено як запис (чернетка на цьому ноутбуці, не синхронізується):</numerusform>
            <numerusform>Ще не збережено як записи (чернетки на цьому ноутбуці, не синхронізуються):</numerusform>
            <numerusform>Ще не збережено як записи (чернетки на цьому ноутбуці, не синхронізуються):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnrolForm</name>
    <message>
        <source>or, without a code:</source>
        <translation>або, без коду:</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Адреса сервера</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Код підключення</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Імʼя користувача</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>The server does not know this enrolment code. Check it, or ask IT for a new one.</source>
        <translation>Сервер не знає цього коду підключення. Перевірте його або попросіть в ІТ новий.</translation>
    </message>
    <message>
        <source>The server did not accept this user name and password. Check them, or ask IT.</source>
        <translation>Сервер не прийняв це імʼя користувача й пароль. Перевірте їх або зверніться до ІТ-фахівця.</translation>
    </message>
    <message>
        <source>FieldApp could not connect because of an error of its own.</source>
        <translation>Не вдалося підʼєднатися через помилку в самій програмі FieldApp.</translation>
    </message>
</context>
<context>
    <name>FamilyFile</name>
    <message>
        <source>Record a visit</source>
        <translation>Записати візит</translation>
    </message>
    <message>
        <source>Start assessment</source>
        <translation>Почати оцінку</translation>
    </message>
    <message>
        <source>Change the family…</source>
        <translation>Змінити дані сімʼї…</translation>
    </message>
    <message>
        <source>Close the case…</source>
        <translation>Закрити випадок…</translation>
    </message>
    <message>
        <source>Nothing recorded yet. Start with “Record a visit”.</source>
        <translation>Ще нічого не записано. Почніть із «Записати візит».</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Члени сімʼї</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронологія</translation>
    </message>
    <message>
        <source>(case closed)</source>
        <translation>(випадок закрито)</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Справа %1</translation>
    </message>
    <message>
        <source>escalated to the supervisor</source>
        <translation>повідомлено супервізору</translation>
    </message>
    <message>
        <source>not yet escalated</source>
        <translation>ще не повідомлено супервізору</translation>
    </message>
    <message>
        <source>Safety concern</source>
        <translation>Загроза безпеці</translation>
    </message>
    <message numerus="yes">
        <source>%n recorded, the latest on %1 (%2):</source>
        <translation>
            <numerusform>%n запис, останній %1 (%2):</numerusform>
            <numerusform>%n записи, останній %1 (%2):</numerusform>
            <numerusform>%n записів, останній %1 (%2):</numerusform>
        </translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>з %1</translation>
    </message>
    <message>
        <source>(withdrawn %1)</source>
        <translation>(відкликано %1)</translation>
    </message>
    <message>
        <source>Certificate %1</source>
        <translation>Довідка %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>з %1</translation>
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
        <source>Identified</source>
        <translation>Виявлено</translation>
    </message>
    <message>
        <source>Displacement (IDP)</source>
        <translation>Переміщення (ВПО)</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Згоди</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Нотатки</translation>
    </message>
    <message>
        <source>The report on the results of support; the case closes when the supervisor approves it.</source>
        <translation>Звіт про результати супроводу; випадок закривається, коли його затвердить супервізор.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Додати…</translation>
    </message>
    <message>
        <source>Plan of social support</source>
        <translation>План соціального супроводу</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Перенаправлення</translation>
    </message>
    <message>
        <source>Service delivered</source>
        <translation>Надана послуга</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Згода</translation>
    </message>
    <message>
        <source>Protected details</source>
        <translation>Захищені відомості</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>План</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Перенаправлення</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Послуги</translation>
    </message>
    <message>
        <source>Protected</source>
        <translation>Захищене</translation>
    </message>
    <message>
        <source>Closure report: awaiting approval</source>
        <translation>Звіт про результати: очікує затвердження</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Agency and reason</source>
        <translation>Установа і причина</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>Перевірити</translation>
    </message>
    <message>
        <source>No referrals yet.</source>
        <translation>Перенаправлень ще немає.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Послуга</translation>
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
        <source>No services recorded yet.</source>
        <translation>Наданих послуг ще не записано.</translation>
    </message>
    <message>
        <source>Purpose and person</source>
        <translation>Мета й особа</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Діє до</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Відкликано</translation>
    </message>
    <message>
        <source>No consents recorded yet.</source>
        <translation>Згод ще не записано.</translation>
    </message>
    <message>
        <source>Person and kind</source>
        <translation>Особа і вид</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Рішення</translation>
    </message>
    <message>
        <source>Lifted</source>
        <translation>Знято</translation>
    </message>
    <message>
        <source>No protected details.</source>
        <translation>Захищених відомостей немає.</translation>
    </message>
    <message>
        <source>New referral…</source>
        <translation>Нове перенаправлення…</translation>
    </message>
    <message>
        <source>Record a service…</source>
        <translation>Записати послугу…</translation>
    </message>
    <message>
        <source>Record a consent…</source>
        <translation>Записати згоду…</translation>
    </message>
    <message>
        <source>Set protected details…</source>
        <translation>Додати захищені відомості…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Відкликати…</translation>
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
        <source>to %1</source>
        <translation>до: %1</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>очікується</translation>
    </message>
    <message>
        <source>status granted</source>
        <translation>статус встановлено</translation>
    </message>
    <message>
        <source>trafficking</source>
        <translation>торгівля людьми</translation>
    </message>
    <message>
        <source>violence</source>
        <translation>насильство</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Вкладення</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Безпека</translation>
    </message>
</context>
<context>
    <name>FamilyFollowUps</name>
    <message>
        <source>Later</source>
        <translation>Пізніше</translation>
    </message>
    <message>
        <source>Make the referral</source>
        <translation>Оформити перенаправлення</translation>
    </message>
    <message>
        <source>Record the services</source>
        <translation>Записати послуги</translation>
    </message>
    <message>
        <source>After the visit</source>
        <translation>Після візиту</translation>
    </message>
    <message>
        <source>The visit is saved. It asks for a referral or lists services delivered: record them now, so they can be followed up?</source>
        <translation>Візит збережено. У ньому зазначено потребу в перенаправленні або надані послуги: записати їх зараз, щоб за ними можна було стежити?</translation>
    </message>
    <message>
        <source>After the assessment</source>
        <translation>Після оцінювання</translation>
    </message>
    <message>
        <source>The assessment is submitted. Draw up the plan of social support now, starting from the needs it found?</source>
        <translation>Оцінювання подано. Скласти план соціального супроводу зараз, на основі виявлених потреб?</translation>
    </message>
    <message>
        <source>Draw up the plan</source>
        <translation>Скласти план</translation>
    </message>
    <message>
        <source>Assess the child&apos;s safety</source>
        <translation>Оцінити безпеку дитини</translation>
    </message>
    <message>
        <source>The visit is saved and records a safety concern: the notices are due within a day. Assess the child&apos;s safety now?</source>
        <translation>Візит збережено, у ньому зафіксовано загрозу безпеці: повідомити слід протягом доби. Оцінити безпеку дитини зараз?</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <source>Fields marked * must be filled in.</source>
        <translation>Поля, позначені *, треба заповнити.</translation>
    </message>
    <message>
        <source>Must be filled in</source>
        <translation>Треба заповнити</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow-up after closure</source>
        <translation>Моніторинг після закриття справи</translation>
    </message>
    <message>
        <source>Follow-up of the %1 family after the case was closed</source>
        <translation>Моніторинг стану сімʼї %1 після закриття справи</translation>
    </message>
    <message>
        <source>Follow-up done on</source>
        <translation>Моніторинг проведено</translation>
    </message>
    <message>
        <source>Record the visit or call itself in the family&apos;s file if there is anything to note.</source>
        <translation>Якщо є що зазначити, запишіть сам візит або дзвінок у справі сімʼї.</translation>
    </message>
    <message>
        <source>Give the date the follow-up was done.</source>
        <translation>Вкажіть дату, коли проведено моніторинг.</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>Change the family</source>
        <translation>Зміна даних сімʼї</translation>
    </message>
    <message>
        <source>New family</source>
        <translation>Нова сімʼя</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Імʼя</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата народження</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Вік</translation>
    </message>
    <message>
        <source>Add a member…</source>
        <translation>Додати члена сімʼї…</translation>
    </message>
    <message>
        <source>Members of the family</source>
        <translation>Члени сімʼї</translation>
    </message>
    <message>
        <source>Add at least one member of the family.</source>
        <translation>Додайте щонайменше одного члена сімʼї.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>The window changes to the new language when the open windows are closed.</source>
        <translation>Вікно перейде на нову мову, щойно ви закриєте відкриті вікна.</translation>
    </message>
</context>
<context>
    <name>LanguageChoice</name>
    <message>
        <source>As the system (Ukrainian on a Ukrainian system)</source>
        <translation>Як у системі (українська в українській системі)</translation>
    </message>
    <message>
        <source>Set by your organisation for this laptop.</source>
        <translation>Встановлено вашою організацією для цього ноутбука.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>FieldApp is locked</source>
        <translation>FieldApp заблоковано</translation>
    </message>
    <message>
        <source>It locked itself after a while without use, to keep the families&apos; records private. Enter your passphrase to continue: everything you were typing is still there.</source>
        <translation>Програма заблокувалася, бо нею деякий час не користувалися: так записи про сімʼї залишаються конфіденційними. Введіть парольну фразу, щоб продовжити: усе, що ви набирали, збережено.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольна фраза</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Розблокувати</translation>
    </message>
    <message>
        <source>You locked FieldApp, to keep the families&apos; records private. Enter your passphrase to continue: everything you were typing is still there.</source>
        <translation>Ви заблокували FieldApp, щоб записи про сімʼї залишалися конфіденційними. Введіть парольну фразу, щоб продовжити: усе, що ви набирали, збережено.</translation>
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
        <translation>Мої сімʼї</translation>
    </message>
    <message>
        <source>Today and this week</source>
        <translation>Сьогодні й цього тижня</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Перевірка</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Звіти</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New family…</source>
        <translation>&amp;Нова сімʼя…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Заблокувати зараз</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Налаштування…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Ви&amp;йти</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вигляд</translation>
    </message>
    <message>
        <source>&amp;Caseload</source>
        <translation>&amp;Мої сімʼї</translation>
    </message>
    <message>
        <source>&amp;Today and this week</source>
        <translation>&amp;Сьогодні й цього тижня</translation>
    </message>
    <message>
        <source>Close the family file</source>
        <translation>Закрити справу сімʼї</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Синхронізація</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Синхронізувати &amp;зараз</translation>
    </message>
    <message>
        <source>Conflicts and refused changes…</source>
        <translation>Конфлікти й неприйняті зміни…</translation>
    </message>
    <message numerus="yes">
        <source>%n changes waiting to sync</source>
        <translation>
            <numerusform>%n зміна очікує синхронізації</numerusform>
            <numerusform>%n зміни очікують синхронізації</numerusform>
            <numerusform>%n змін очікують синхронізації</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waiting to sync</source>
        <translation>Усе синхронізовано</translation>
    </message>
    <message>
        <source>last sync: %1</source>
        <translation>остання синхронізація: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ще не було</translation>
    </message>
    <message>
        <source>Changes made on this laptop are sent to the server at the next sync.</source>
        <translation>Зміни, зроблені на цьому ноутбуці, буде надіслано на сервер під час наступної синхронізації.</translation>
    </message>
    <message numerus="yes">
        <source>Returned (%n)</source>
        <translation>
            <numerusform>Повернуто (%n)</numerusform>
            <numerusform>Повернуто (%n)</numerusform>
            <numerusform>Повернуто (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Синхронізація…</translation>
    </message>
    <message numerus="yes">
        <source>Syncing: %n record(s) sent</source>
        <translation>
            <numerusform>Синхронізація: надіслано %n запис</numerusform>
            <numerusform>Синхронізація: надіслано %n записи</numerusform>
            <numerusform>Синхронізація: надіслано %n записів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing: %n record(s) received</source>
        <translation>
            <numerusform>Синхронізація: отримано %n запис</numerusform>
            <numerusform>Синхронізація: отримано %n записи</numerusform>
            <numerusform>Синхронізація: отримано %n записів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced. %n item(s) need you: see Sync → Conflicts and refused changes.</source>
        <translation>
            <numerusform>Синхронізовано. %n питання потребує вашої уваги: див. Синхронізація → Конфлікти й неприйняті зміни.</numerusform>
            <numerusform>Синхронізовано. %n питання потребують вашої уваги: див. Синхронізація → Конфлікти й неприйняті зміни.</numerusform>
            <numerusform>Синхронізовано. %n питань потребують вашої уваги: див. Синхронізація → Конфлікти й неприйняті зміни.</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced.</source>
        <translation>Синхронізовано.</translation>
    </message>
    <message>
        <source>⚠ %1 families on this laptop (more than %2)</source>
        <translation>⚠ На цьому ноутбуці %1 сімей (більше ніж %2)</translation>
    </message>
    <message>
        <source>A lost laptop should carry as few families as possible. Ask your supervisor whether all of them are still yours; families reassigned or closed leave the laptop at the next sync.</source>
        <translation>Загублений ноутбук має містити якомога менше сімей. Запитайте супервізора, чи всі вони досі ваші; передані іншим або закриті сімʼї зникнуть із ноутбука під час наступної синхронізації.</translation>
    </message>
    <message numerus="yes">
        <source>Conflicts and refused changes (%n)…</source>
        <translation>
            <numerusform>Конфлікти й неприйняті зміни (%n)…</numerusform>
            <numerusform>Конфлікти й неприйняті зміни (%n)…</numerusform>
            <numerusform>Конфлікти й неприйняті зміни (%n)…</numerusform>
        </translation>
    </message>
    <message>
        <source>The organisation revoked this laptop, so the records on it were erased. If this is a mistake, ask IT to enrol the laptop again: what was synced is safe on the server.</source>
        <translation>Організація відкликала цей ноутбук, тому записи на ньому стерто. Якщо це помилка, попросіть ІТ-фахівця підключити ноутбук знову: усе синхронізоване в безпеці на сервері.</translation>
    </message>
    <message>
        <source>The forms are not part of this build yet.</source>
        <translation>Форми ще не входять до цієї збірки.</translation>
    </message>
    <message>
        <source>Unsaved forms</source>
        <translation>Незбережені форми</translation>
    </message>
    <message numerus="yes">
        <source>%n form(s) were not saved when FieldApp last closed. Continue them now?</source>
        <translation>
            <numerusform>%n форму не було збережено, коли FieldApp закрився минулого разу. Продовжити зараз?</numerusform>
            <numerusform>%n форми не було збережено, коли FieldApp закрився минулого разу. Продовжити зараз?</numerusform>
            <numerusform>%n форм не було збережено, коли FieldApp закрився минулого разу. Продовжити зараз?</numerusform>
        </translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Продовжити</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Пізніше</translation>
    </message>
    <message>
        <source>&amp;Export a parcel…</source>
        <translation>&amp;Експортувати пакет…</translation>
    </message>
    <message>
        <source>&amp;Import a parcel…</source>
        <translation>&amp;Імпортувати пакет…</translation>
    </message>
    <message>
        <source>Not connected to a server: the records stay on this laptop</source>
        <translation>Не підключено до сервера: записи зберігаються лише на цьому ноутбуці</translation>
    </message>
    <message>
        <source>Only a laptop enrolled with the organisation&apos;s server syncs.</source>
        <translation>Синхронізується лише ноутбук, зареєстрований на сервері організації.</translation>
    </message>
    <message>
        <source>Nothing to sync: this laptop is not connected to the organisation&apos;s server. To connect it: Sync → Connect to a server…</source>
        <translation>Нічого синхронізувати: цей ноутбук не підключено до сервера організації. Щоб підключити його: Синхронізація → Підʼєднатися до сервера…</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Name</source>
        <translation>Імʼя</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата народження</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Вік</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примітки</translation>
    </message>
    <message>
        <source>disability</source>
        <translation>інвалідність</translation>
    </message>
    <message>
        <source>IDP</source>
        <translation>ВПО</translation>
    </message>
    <message>
        <source>returned from an institution %1</source>
        <translation>повернення з інтернатного закладу %1</translation>
    </message>
</context>
<context>
    <name>PaperMenu</name>
    <message>
        <source>Print</source>
        <translation>Друк</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Зберегти як PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документи PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Paper…</source>
        <translation>Документ…</translation>
    </message>
    <message>
        <source>Print the paper for signature or save it as a PDF</source>
        <translation>Надрукувати документ для підпису або зберегти його як PDF</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Друкувати…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Зберегти як PDF…</translation>
    </message>
    <message>
        <source>Print the family&apos;s paper file…</source>
        <translation>Надрукувати всі документи сімʼї…</translation>
    </message>
    <message>
        <source>Save the family&apos;s paper file as PDF…</source>
        <translation>Зберегти всі документи сімʼї як PDF…</translation>
    </message>
    <message>
        <source>Print a blank visit form…</source>
        <translation>Надрукувати порожній бланк візиту…</translation>
    </message>
    <message>
        <source>Save a blank visit form as PDF…</source>
        <translation>Зберегти порожній бланк візиту як PDF…</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>Не вдається надрукувати</translation>
    </message>
    <message numerus="yes">
        <source>Sent to the printer: %n page(s).</source>
        <translation>
            <numerusform>Надіслано на принтер: %n сторінку.</numerusform>
            <numerusform>Надіслано на принтер: %n сторінки.</numerusform>
            <numerusform>Надіслано на принтер: %n сторінок.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved as PDF: %n page(s).</source>
        <translation>
            <numerusform>Збережено як PDF: %n сторінка.</numerusform>
            <numerusform>Збережено як PDF: %n сторінки.</numerusform>
            <numerusform>Збережено як PDF: %n сторінок.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed: %1</source>
        <translation>Підписано: %1</translation>
    </message>
    <message>
        <source>Signed: %1 of %2</source>
        <translation>Підписано: %1 від %2</translation>
    </message>
    <message>
        <source>Attach the signed scan…</source>
        <translation>Додати скан підписаного акта…</translation>
    </message>
    <message>
        <source>Preparing the papers…</source>
        <translation>Готуємо документи…</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Документи</translation>
    </message>
    <message>
        <source>Attach the signed scan?</source>
        <translation>Додати скан підписаного акта?</translation>
    </message>
    <message>
        <source>Once the act is signed, scan or photograph it and attach it to this record, so the signed paper is in the case. Attach the signed scan now?</source>
        <translation>Коли акт підпишуть, відскануйте або сфотографуйте його й додайте до цього запису, щоб підписаний примірник був у справі. Додати скан зараз?</translation>
    </message>
    <message>
        <source>A scan cannot be attached to this kind of record.</source>
        <translation>До такого запису не можна додати скан.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Change the passphrase</source>
        <translation>Змінити парольну фразу</translation>
    </message>
    <message>
        <source>The records on this laptop and their backups are copied under the new passphrase; the old one opens them until the copy is complete and checked, and never after.</source>
        <translation>Записи на цьому ноутбуці та їхні резервні копії буде скопійовано під нову парольну фразу; стара відкриває їх, доки копію не завершено й не перевірено, і більше ніколи після того.</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Поточна парольна фраза</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Нова парольна фраза</translation>
    </message>
    <message>
        <source>Changing the passphrase: the records are being copied under the new one…</source>
        <translation>Парольна фраза змінюється: записи копіюються під нову…</translation>
    </message>
    <message>
        <source>Type your current passphrase first.</source>
        <translation>Спершу введіть поточну парольну фразу.</translation>
    </message>
    <message>
        <source>The new passphrase is the same as the current one. Choose another.</source>
        <translation>Нова парольна фраза така сама, як поточна. Виберіть іншу.</translation>
    </message>
    <message>
        <source>This is not the current passphrase. Nothing was changed.</source>
        <translation>Це не поточна парольна фраза. Нічого не змінено.</translation>
    </message>
    <message>
        <source>The current passphrase still opens the records.</source>
        <translation>Поточна парольна фраза й далі відкриває записи.</translation>
    </message>
</context>
<context>
    <name>PassphraseForm</name>
    <message>
        <source>A few words you will remember, such as a line of a song, are both strong and easy to type. Write it down and keep it apart from the laptop.</source>
        <translation>Кілька слів, які ви запамʼятаєте (наприклад, рядок пісні), — це і надійно, і легко набрати. Запишіть фразу й зберігайте окремо від ноутбука.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольна фраза</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Повторіть її</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Надійність</translation>
    </message>
    <message>
        <source>too short</source>
        <translation>закоротка</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>слабка</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>посередня</translation>
    </message>
    <message>
        <source>good</source>
        <translation>добра</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>надійна</translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n characters: a few words you remember are best.</source>
        <translation>
            <numerusform>Використайте щонайменше %n символ: найкраще — кілька слів, які ви памʼятаєте.</numerusform>
            <numerusform>Використайте щонайменше %n символи: найкраще — кілька слів, які ви памʼятаєте.</numerusform>
            <numerusform>Використайте щонайменше %n символів: найкраще — кілька слів, які ви памʼятаєте.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation>Дві фрази не збігаються. Наберіть їх ще раз.</translation>
    </message>
</context>
<context>
    <name>PassphraseGroup</name>
    <message>
        <source>Passphrase</source>
        <translation>Парольна фраза</translation>
    </message>
    <message>
        <source>It opens the records on this laptop. Only you know it: IT cannot recover it.</source>
        <translation>Вона відкриває записи на цьому ноутбуці. Її знаєте лише ви: ІТ-фахівець не зможе її відновити.</translation>
    </message>
    <message>
        <source>Change the passphrase…</source>
        <translation>Змінити парольну фразу…</translation>
    </message>
    <message>
        <source>The passphrase was changed. Use the new one from now on.</source>
        <translation>Парольну фразу змінено. Відтепер використовуйте нову.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Family member</source>
        <translation>Член сімʼї</translation>
    </message>
</context>
<context>
    <name>PlacePicker</name>
    <message>
        <source>Type the hromada&apos;s name</source>
        <translation>Почніть вводити назву громади</translation>
    </message>
    <message>
        <source>Type the settlement&apos;s name</source>
        <translation>Почніть вводити назву населеного пункту</translation>
    </message>
    <message>
        <source>Type the place&apos;s name</source>
        <translation>Почніть вводити назву</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <source>Deadline</source>
        <translation>Строк</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Захід</translation>
    </message>
    <message>
        <source>Who is responsible</source>
        <translation>Відповідальний</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>No plan yet. Draw it up after the needs assessment.</source>
        <translation>Плану ще немає. Складіть його після оцінювання потреб.</translation>
    </message>
    <message>
        <source>Set the status…</source>
        <translation>Позначити стан…</translation>
    </message>
    <message>
        <source>Open the plan</source>
        <translation>Відкрити план</translation>
    </message>
    <message>
        <source>Revise the plan…</source>
        <translation>Переглянути план…</translation>
    </message>
    <message>
        <source>Draw up a plan…</source>
        <translation>Скласти план…</translation>
    </message>
    <message>
        <source>submitted for review</source>
        <translation>подано на погодження</translation>
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
        <source>support %1 – %2</source>
        <translation>супровід %1 – %2</translation>
    </message>
    <message>
        <source>Version %1 of %2</source>
        <translation>Версія %1 від %2</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>The plan has no actions.</source>
        <translation>У плані немає заходів.</translation>
    </message>
    <message>
        <source>not submitted</source>
        <translation>не подано</translation>
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
        <translation>Вітаємо у FieldApp</translation>
    </message>
    <message>
        <source>FieldApp keeps the records of the families you support on this laptop, encrypted, and works without a connection. How would you like to start?</source>
        <translation>FieldApp зберігає записи про сімʼї, яких ви супроводжуєте, на цьому ноутбуці в зашифрованому вигляді й працює без звʼязку. З чого почнете?</translation>
    </message>
    <message>
        <source>Connect to my organisation&apos;s server</source>
        <translation>Підʼєднатися до сервера моєї організації</translation>
    </message>
    <message>
        <source>IT gives you the server&apos;s address and an enrolment code (or a user name and password).</source>
        <translation>ІТ-фахівець надає адресу сервера й код підключення (або імʼя користувача й пароль).</translation>
    </message>
    <message>
        <source>Try it offline with demo data</source>
        <translation>Спробувати без мережі з демонстраційними даними</translation>
    </message>
    <message>
        <source>Made-up families to explore the program. Nothing is sent anywhere.</source>
        <translation>Вигадані сімʼї, щоб ознайомитися з програмою. Нічого нікуди не надсилається.</translation>
    </message>
    <message>
        <source>Start without a server</source>
        <translation>Почати без сервера</translation>
    </message>
    <message>
        <source>Record on this laptop now; connect to the server later.</source>
        <translation>Записуйте на цьому ноутбуці зараз, підʼєднайтеся до сервера пізніше.</translation>
    </message>
    <message>
        <source>Connect to the organisation&apos;s server</source>
        <translation>Підʼєднання до сервера організації</translation>
    </message>
    <message>
        <source>IT gives you the server&apos;s address and a one-time enrolment code (or your user name and password). Then you choose a passphrase for this laptop, and your caseload arrives at the first sync.</source>
        <translation>ІТ-фахівець надає адресу сервера й одноразовий код підключення (або ваше імʼя користувача й пароль). Потім ви обираєте парольну фразу для цього ноутбука, а ваші справи надійдуть під час першої синхронізації.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Підʼєднатися</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>This enrolment code has a typo: check it character by character.</source>
        <translation>У цьому коді підключення помилка: перевірте його символ за символом.</translation>
    </message>
    <message>
        <source>Choose a passphrase for this laptop</source>
        <translation>Оберіть парольну фразу для цього ноутбука</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Підключення до сервера…</translation>
    </message>
    <message>
        <source>Your passphrase is set; press Connect to try again.</source>
        <translation>Парольну фразу встановлено; натисніть «Підʼєднатися», щоб спробувати ще раз.</translation>
    </message>
    <message>
        <source>Choose a passphrase for this laptop&apos;s records. It encrypts everything you record; without it nobody, not even IT, can read or recover the records.</source>
        <translation>Оберіть парольну фразу для записів на цьому ноутбуці. Вона шифрує все, що ви записуєте; без неї ніхто, навіть ІТ-фахівець, не зможе прочитати чи відновити записи.</translation>
    </message>
    <message>
        <source>Making up demo families…</source>
        <translation>Створюємо демонстраційні сімʼї…</translation>
    </message>
    <message>
        <source>Enter your passphrase to open the records on this laptop.</source>
        <translation>Введіть парольну фразу, щоб відкрити записи на цьому ноутбуці.</translation>
    </message>
    <message>
        <source>Open without the lost changes</source>
        <translation>Відкрити без втрачених змін</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольна фраза</translation>
    </message>
    <message>
        <source>Try FieldApp with demo data</source>
        <translation>FieldApp із демонстраційними даними</translation>
    </message>
    <message>
        <source>Protecting the records with your passphrase…</source>
        <translation>Захищаємо записи вашою парольною фразою…</translation>
    </message>
    <message>
        <source>Making up demo families… %1 of %2</source>
        <translation>Створюємо демонстраційні сімʼї… %1 з %2</translation>
    </message>
    <message>
        <source>The demo families could not be made: %1</source>
        <translation>Не вдалося створити демонстраційні сімʼї: %1</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Створити</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Розблокувати</translation>
    </message>
</context>
<context>
    <name>RecordAttachments</name>
    <message>
        <source>Attachments of this record</source>
        <translation>Вкладення цього запису</translation>
    </message>
</context>
<context>
    <name>ReferralStatusDialog</name>
    <message>
        <source>Follow up the referral</source>
        <translation>Перевірити виконання направлення</translation>
    </message>
    <message>
        <source>Referral to %1</source>
        <translation>Направлення до: %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>З дати</translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation>Причина відмови</translation>
    </message>
    <message>
        <source>Follow up again on</source>
        <translation>Наступна перевірка</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Your settings could not be read, so FieldApp uses its default settings for now. Nothing else is affected. The unreadable file was kept as %1 for IT to look at.</source>
        <translation>Не вдалося прочитати ваші налаштування, тож FieldApp поки що використовує типові. Більше ніщо не постраждало. Непрочитаний файл збережено як %1, щоб його переглянув ІТ-фахівець.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ніколи</translation>
    </message>
    <message>
        <source>min</source>
        <translation>хв</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation>Блокувати після простою</translation>
    </message>
    <message>
        <source>Your organisation set the greyed-out settings for this laptop.</source>
        <translation>Неактивні налаштування на цьому ноутбуці встановила ваша організація.</translation>
    </message>
    <message>
        <source>The settings could not be saved (%1). Check that the disk is not full, then try again.</source>
        <translation>Не вдалося зберегти налаштування (%1). Перевірте, чи не заповнений диск, і спробуйте ще раз.</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <source>The organisation revoked this laptop, so the records on it were erased. What was synced is safe on the server.</source>
        <translation>Організація відкликала цей ноутбук, тому записи на ньому стерто. Усе синхронізоване в безпеці на сервері.</translation>
    </message>
    <message>
        <source>Your organisation asks this laptop to reach its server at least every %1 days before the records open, and the last contact was %2 days ago. Connect to the internet and start FieldApp again.</source>
        <translation>Ваша організація вимагає, щоб цей ноутбук звʼязувався з її сервером щонайменше раз на %1 дн., перш ніж відкривати записи, а останній звʼязок був %2 дн. тому. Підключіться до інтернету й запустіть FieldApp знову.</translation>
    </message>
    <message>
        <source>The organisation revoked this laptop, so the records on it were erased. What was synced is safe on the server. To work again, ask IT to enrol this laptop.</source>
        <translation>Організація відкликала цей ноутбук, тому записи на ньому стерто. Усе синхронізоване в безпеці на сервері. Щоб працювати далі, попросіть ІТ-фахівця підключити цей ноутбук знову.</translation>
    </message>
</context>
<context>
    <name>TextSizeGroup</name>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Larger text is easier to read; windows and table rows grow with it.</source>
        <translation>Більший текст легше читати; вікна й рядки таблиць збільшуються разом із ним.</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Розмір тексту</translation>
    </message>
    <message>
        <source>Your organisation set the text size for this laptop.</source>
        <translation>Розмір тексту для цього ноутбука встановила ваша організація.</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запис</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Зміст</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Перевірка</translation>
    </message>
    <message>
        <source>Visit: %1</source>
        <translation>Візит: %1</translation>
    </message>
    <message>
        <source>Needs assessment</source>
        <translation>Оцінка потреб</translation>
    </message>
    <message>
        <source>Case plan</source>
        <translation>План надання послуг</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Перенаправлення</translation>
    </message>
    <message>
        <source>SAFETY CONCERN: %1</source>
        <translation>ЗАГРОЗА БЕЗПЕЦІ: %1</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>подано</translation>
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
        <source>Plan action: %1</source>
        <translation>Захід плану: %1</translation>
    </message>
    <message>
        <source>Case plan, version %1</source>
        <translation>План супроводу, версія %1</translation>
    </message>
    <message>
        <source>Service delivered</source>
        <translation>Надана послуга</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Згода</translation>
    </message>
    <message>
        <source>Protected details</source>
        <translation>Захищені відомості</translation>
    </message>
    <message>
        <source>(withdrawn %1)</source>
        <translation>(відкликано %1)</translation>
    </message>
    <message>
        <source>protected: %1</source>
        <translation>захищено: %1</translation>
    </message>
    <message>
        <source>trafficking</source>
        <translation>торгівля людьми</translation>
    </message>
    <message>
        <source>violence</source>
        <translation>насильство</translation>
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
        <source>not submitted</source>
        <translation>не подано</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <source>Due</source>
        <translation>Строк</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Що</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Сімʼя</translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>прострочено на %n день</numerusform>
            <numerusform>прострочено на %n дні</numerusform>
            <numerusform>прострочено на %n днів</numerusform>
        </translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Візит</translation>
    </message>
    <message>
        <source>Plan action: %1</source>
        <translation>Дія плану: %1</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Населений пункт</translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>Прострочено: %1</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Сьогодні, %1</translation>
    </message>
    <message>
        <source>Tomorrow, %1</source>
        <translation>Завтра, %1</translation>
    </message>
    <message>
        <source>First visit</source>
        <translation>Перший візит</translation>
    </message>
    <message>
        <source>Needs assessment (5 working days from receipt)</source>
        <translation>Оцінка потреб (5 робочих днів від надходження звернення)</translation>
    </message>
    <message>
        <source>Referral follow-up: %1</source>
        <translation>Перевірка направлення: %1</translation>
    </message>
    <message>
        <source>Follow-up after closure</source>
        <translation>Моніторинг після закриття справи</translation>
    </message>
    <message>
        <source>%1; children: %2</source>
        <translation>%1; діти: %2</translation>
    </message>
    <message>
        <source>Record the visit</source>
        <translation>Записати візит</translation>
    </message>
    <message>
        <source>Start the assessment</source>
        <translation>Почати оцінку</translation>
    </message>
    <message>
        <source>Mark done…</source>
        <translation>Позначити виконаним…</translation>
    </message>
    <message>
        <source>Follow up…</source>
        <translation>Перевірити…</translation>
    </message>
    <message>
        <source>Record the follow-up…</source>
        <translation>Записати моніторинг…</translation>
    </message>
    <message>
        <source>Postpone…</source>
        <translation>Відкласти…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Відкрити</translation>
    </message>
    <message>
        <source>Safety concern: notices to %1</source>
        <translation>Загроза безпеці: кого повідомити — %1</translation>
    </message>
    <message>
        <source>Record a notice…</source>
        <translation>Записати повідомлення…</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Visits</source>
        <translation>Візити</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Оцінки</translation>
    </message>
    <message>
        <source>Plan actions</source>
        <translation>Дії плану</translation>
    </message>
    <message>
        <source>Nothing is due this week. Well done.</source>
        <translation>Цього тижня нічого не заплановано. Чудова робота.</translation>
    </message>
    <message>
        <source>Looking for what is due…</source>
        <translation>Шукаємо, що заплановано…</translation>
    </message>
    <message>
        <source>What is due could not be read.</source>
        <translation>Не вдалося прочитати, що заплановано.</translation>
    </message>
    <message>
        <source>Due by %1: %2 in all, %3 overdue.</source>
        <translation>До %1: усього %2, прострочено %3.</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Направлення</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Моніторинг після закриття</translation>
    </message>
    <message>
        <source>Safety notices</source>
        <translation>Повідомлення про загрози</translation>
    </message>
</context>
<context>
    <name>TypedGuard</name>
    <message>
        <source>What you typed here is not saved. Close and throw it away?</source>
        <translation>Введене тут не збережено. Закрити й викинути його?</translation>
    </message>
    <message>
        <source>Throw away</source>
        <translation>Викинути</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <source>Withdraw a consent</source>
        <translation>Відкликання згоди</translation>
    </message>
    <message>
        <source>given on %1</source>
        <translation>надано %1</translation>
    </message>
    <message>
        <source>Date withdrawn</source>
        <translation>Дата відкликання</translation>
    </message>
    <message>
        <source>Who withdrew it and how (in writing, by phone…)</source>
        <translation>Хто відкликав і як (письмово, телефоном…)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примітка</translation>
    </message>
</context>
<context>
    <name>_Cover</name>
    <message>
        <source>Locked</source>
        <translation>Заблоковано</translation>
    </message>
</context>
</TS>
