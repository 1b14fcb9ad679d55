<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Було</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Моє</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Їхнє</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Залишити</translation>
    </message>
    <message>
        <source>Keep these values</source>
        <translation>Залишити ці значення</translation>
    </message>
    <message>
        <source>No conflicts. When two people change the same field, both versions wait here for you to choose.</source>
        <translation>Конфліктів немає. Коли двоє людей змінюють те саме поле, обидві версії чекатимуть тут на ваш вибір.</translation>
    </message>
    <message>
        <source>{kind} of {family}</source>
        <translation>{kind}: {family}</translation>
    </message>
    <message>
        <source>This family was given to another caseworker before your change arrived. They and the supervisor see your version; mark it as read here.</source>
        <translation>Цю сімʼю передали іншому фахівцеві раніше, ніж надійшла ваша зміна. Цей фахівець і супервізор бачать вашу версію; тут позначте її як переглянуту.</translation>
    </message>
    <message>
        <source>This record was deleted on the server while you changed it.</source>
        <translation>Цей запис видалили на сервері, поки ви його змінювали.</translation>
    </message>
    <message>
        <source>Someone else changed the same fields. Choose, field by field, which version to keep.</source>
        <translation>Хтось інший змінив ті самі поля. Виберіть для кожного поля, яку версію залишити.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не збережено</translation>
    </message>
    <message>
        <source>{who}, outside this family&apos;s team or caseload, changed it after it was given to its caseworker; the change was not applied. Read it here and mark it as read.</source>
        <translation>Зміну від {who} (поза командою або справами цієї сімʼї) отримано вже після того, як сімʼю передали її фахівцеві; її не застосовано. Прочитайте її тут і позначте як прочитану.</translation>
    </message>
</context>
<context>
    <name>Parcel</name>
    <message>
        <source>This file is not a FieldApp parcel.</source>
        <translation>Цей файл не є пакетом FieldApp.</translation>
    </message>
    <message>
        <source>This parcel is incomplete: it was copied only in part. Copy it again from the stick; nothing was changed.</source>
        <translation>Цей пакет неповний: його скопійовано лише частково. Скопіюйте його з флешки ще раз; нічого не змінено.</translation>
    </message>
    <message>
        <source>This parcel is damaged and cannot be read. Ask for it again; nothing was changed.</source>
        <translation>Цей пакет пошкоджено, його неможливо прочитати. Попросіть надіслати його ще раз; нічого не змінено.</translation>
    </message>
    <message>
        <source>This parcel was written by another version of FieldApp. Update FieldApp; nothing was changed.</source>
        <translation>Цей пакет створено іншою версією FieldApp. Оновіть FieldApp; нічого не змінено.</translation>
    </message>
    <message>
        <source>This parcel was altered after it was written, or it does not come from the organisation&apos;s server. It was refused; nothing was changed.</source>
        <translation>Цей пакет змінено після створення, або він надійшов не з сервера організації. Його відхилено; нічого не змінено.</translation>
    </message>
    <message>
        <source>This parcel was not written for this laptop. Nothing was changed.</source>
        <translation>Цей пакет створено не для цього ноутбука. Нічого не змінено.</translation>
    </message>
    <message>
        <source>This return parcel is for another laptop: carry it to that laptop. Nothing was changed here.</source>
        <translation>Цей зворотний пакет призначено іншому ноутбуку: віднесіть його до того ноутбука. Тут нічого не змінено.</translation>
    </message>
    <message>
        <source>This is the parcel this laptop wrote for the server: carry it to the office. Nothing was changed.</source>
        <translation>Це пакет, який цей ноутбук створив для сервера: віднесіть його в офіс. Нічого не змінено.</translation>
    </message>
    <message>
        <source>This parcel comes from another server than the one this laptop is enrolled with. Nothing was changed.</source>
        <translation>Цей пакет надійшов з іншого сервера, ніж той, до якого підʼєднано цей ноутбук. Нічого не змінено.</translation>
    </message>
    <message>
        <source>This parcel was imported already, or a newer one was. Nothing was changed.</source>
        <translation>Цей пакет уже імпортовано, або вже імпортовано новіший. Нічого не змінено.</translation>
    </message>
    <message>
        <source>This laptop cannot use parcels yet: it was enrolled before parcels existed. Ask IT to enrol it again.</source>
        <translation>Цей ноутбук ще не може користуватися пакетами: його підʼєднано до появи пакетів. Попросіть ІТ підʼєднати його знову.</translation>
    </message>
    <message>
        <source>Parcels carry records to the organisation&apos;s server, and this laptop is not connected to one: its records stay on this laptop. To connect it: Sync → Connect to a server…</source>
        <translation>Пакети переносять записи на сервер організації, а цей ноутбук до сервера не підключено: його записи залишаються на ньому. Щоб підключити його: Синхронізація → Підʼєднатися до сервера…</translation>
    </message>
    <message>
        <source>This parcel is too large to open. Nothing was changed.</source>
        <translation>Цей пакет завеликий, щоб його відкрити. Нічого не змінено.</translation>
    </message>
    <message>
        <source>This parcel is another laptop&apos;s parcel for the server. Carry it to the office, or send it from a supervisor&apos;s laptop.</source>
        <translation>Це пакет іншого ноутбука для сервера. Віднесіть його в офіс або надішліть із ноутбука супервізора.</translation>
    </message>
</context>
<context>
    <name>ParcelActions</name>
    <message>
        <source>Export a parcel for the server</source>
        <translation>Експорт пакета для сервера</translation>
    </message>
    <message numerus="yes">
        <source>The parcel is written (%n change(s)). Carry the file to the office. The changes stay on this laptop until the return parcel from the server is imported.</source>
        <translation>
            <numerusform>Пакет створено (%n зміна). Віднесіть файл в офіс. Зміни залишаються на цьому ноутбуці, доки не буде імпортовано зворотний пакет із сервера.</numerusform>
            <numerusform>Пакет створено (%n зміни). Віднесіть файл в офіс. Зміни залишаються на цьому ноутбуці, доки не буде імпортовано зворотний пакет із сервера.</numerusform>
            <numerusform>Пакет створено (%n змін). Віднесіть файл в офіс. Зміни залишаються на цьому ноутбуці, доки не буде імпортовано зворотний пакет із сервера.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import a parcel</source>
        <translation>Імпорт пакета</translation>
    </message>
    <message>
        <source>FieldApp parcel (*.parcel)</source>
        <translation>Пакет FieldApp (*.parcel)</translation>
    </message>
    <message>
        <source>Writing the parcel…</source>
        <translation>Пакет записується…</translation>
    </message>
    <message>
        <source>Importing the parcel…</source>
        <translation>Пакет імпортується…</translation>
    </message>
    <message numerus="yes">
        <source>The return parcel is imported: %n change(s) settled.</source>
        <translation>
            <numerusform>Зворотний пакет імпортовано: підтверджено %n зміну.</numerusform>
            <numerusform>Зворотний пакет імпортовано: підтверджено %n зміни.</numerusform>
            <numerusform>Зворотний пакет імпортовано: підтверджено %n змін.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) received.</source>
        <translation>
            <numerusform>Отримано %n запис.</numerusform>
            <numerusform>Отримано %n записи.</numerusform>
            <numerusform>Отримано %n записів.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) need you: see Sync → Conflicts and refused changes.</source>
        <translation>
            <numerusform>%n пункт потребує вашої уваги: див. Синхронізація → Конфлікти й неприйняті зміни.</numerusform>
            <numerusform>%n пункти потребують вашої уваги: див. Синхронізація → Конфлікти й неприйняті зміни.</numerusform>
            <numerusform>%n пунктів потребують вашої уваги: див. Синхронізація → Конфлікти й неприйняті зміни.</numerusform>
        </translation>
    </message>
    <message>
        <source>The laptop had newer records from the network already.</source>
        <translation>Ноутбук уже мав новіші записи, отримані через мережу.</translation>
    </message>
    <message>
        <source>This is a parcel of another laptop of your team, for the server. Hand it in now over the network? Its return parcel is saved in the same folder, for you to carry back. You can read neither.</source>
        <translation>Це пакет іншого ноутбука вашої команди для сервера. Передати його зараз через мережу? Зворотний пакет буде збережено в тій самій теці, щоб ви віднесли його назад. Прочитати жоден із них ви не можете.</translation>
    </message>
    <message>
        <source>Handing in the parcel…</source>
        <translation>Пакет передається…</translation>
    </message>
    <message>
        <source>Handed in. The return parcel is saved as %1: carry it back to that laptop.</source>
        <translation>Передано. Зворотний пакет збережено як %1: віднесіть його назад до того ноутбука.</translation>
    </message>
    <message>
        <source>The file could not be read or written there (%1). Check the stick, or choose another folder; nothing was changed.</source>
        <translation>Не вдалося прочитати або записати файл там (%1). Перевірте флешку або виберіть іншу теку; нічого не змінено.</translation>
    </message>
    <message>
        <source>A sync is under way. Try again when it has finished.</source>
        <translation>Триває синхронізація. Спробуйте ще раз, коли вона завершиться.</translation>
    </message>
    <message>
        <source>Hand in a parcel</source>
        <translation>Передати пакет</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Пакети</translation>
    </message>
</context>
<context>
    <name>RejectedPage</name>
    <message>
        <source>Send again</source>
        <translation>Надіслати ще раз</translation>
    </message>
    <message>
        <source>Discard my change…</source>
        <translation>Відкинути мою зміну…</translation>
    </message>
    <message>
        <source>The server accepted every change from this laptop.</source>
        <translation>Сервер прийняв усі зміни з цього ноутбука.</translation>
    </message>
    <message>
        <source>{kind} of {family}</source>
        <translation>{kind}: {family}</translation>
    </message>
    <message>
        <source>Your account may not make this change.</source>
        <translation>Ваш обліковий запис не може вносити цю зміну.</translation>
    </message>
    <message>
        <source>The server found a problem in the record: {detail}</source>
        <translation>Сервер знайшов проблему в записі: {detail}</translation>
    </message>
    <message>
        <source>The server did not accept this change ({code}).</source>
        <translation>Сервер не прийняв цю зміну ({code}).</translation>
    </message>
    <message>
        <source>What you entered:</source>
        <translation>Що ви ввели:</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Не надіслано</translation>
    </message>
    <message>
        <source>Discard your change?</source>
        <translation>Відкинути вашу зміну?</translation>
    </message>
    <message>
        <source>What you entered in this change will be gone from this laptop for good. Discard it?</source>
        <translation>Те, що ви ввели в цій зміні, назавжди зникне з цього ноутбука. Відкинути?</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Sync stopped because of an error in FieldApp. Your records are safe; FieldApp will try again later.</source>
        <translation>Синхронізацію зупинила помилка у FieldApp. Ваші записи в безпеці; FieldApp спробує ще раз пізніше.</translation>
    </message>
</context>
<context>
    <name>SyncFailure</name>
    <message>
        <source>The server cannot be reached. Everything is saved on this laptop and will be sent when the connection returns.</source>
        <translation>Сервер недоступний. Усе збережено на цьому ноутбуці й буде надіслано, щойно зʼявиться звʼязок.</translation>
    </message>
    <message>
        <source>The server had a problem and could not take the changes. They are kept on this laptop; FieldApp will try again.</source>
        <translation>На сервері сталася проблема, і він не прийняв зміни. Вони зберігаються на цьому ноутбуці; FieldApp спробує ще раз.</translation>
    </message>
    <message>
        <source>The server answered something FieldApp does not understand. Check the server address, or tell IT. Nothing was lost.</source>
        <translation>Сервер відповів незрозуміло для FieldApp. Перевірте адресу сервера або повідомте ІТ-фахівця. Нічого не втрачено.</translation>
    </message>
    <message>
        <source>The server address must start with https:// (or http:// on this computer only).</source>
        <translation>Адреса сервера має починатися з https:// (або http:// лише на цьому компʼютері).</translation>
    </message>
    <message>
        <source>This server address uses plain http://, so passwords and records would cross the network unencrypted. Use the server&apos;s address that starts with https://. Plain http:// is only for a server on this computer.</source>
        <translation>Ця адреса сервера використовує незахищений http://, тож паролі й записи передавалися б мережею без шифрування. Вкажіть адресу сервера, що починається з https://. Незахищений http:// можна використовувати лише для сервера на цьому компʼютері.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate cannot be trusted. Tell IT: the connection was stopped to keep the records safe.</source>
        <translation>Сертифікату сервера не можна довіряти. Повідомте ІТ-фахівця: зʼєднання зупинено, щоб захистити записи.</translation>
    </message>
    <message>
        <source>The server did not accept this laptop&apos;s sign-in. Ask IT to enrol the laptop again; nothing was lost.</source>
        <translation>Сервер не прийняв вхід цього ноутбука. Попросіть ІТ-фахівця підключити ноутбук знову; нічого не втрачено.</translation>
    </message>
    <message>
        <source>The server refused: your account may not do this.</source>
        <translation>Сервер відмовив: ваш обліковий запис не може цього робити.</translation>
    </message>
    <message>
        <source>This version of FieldApp is too old for the server. Ask IT to update FieldApp; your records are safe on this laptop.</source>
        <translation>Ця версія FieldApp застара для сервера. Попросіть ІТ-фахівця оновити FieldApp; ваші записи в безпеці на цьому ноутбуці.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a few minutes, then try again.</source>
        <translation>Забагато спроб. Зачекайте кілька хвилин і спробуйте ще раз.</translation>
    </message>
    <message>
        <source>The server refused the request as malformed. Tell IT; nothing was lost.</source>
        <translation>Сервер відхилив запит як неправильний. Повідомте ІТ-фахівця; нічого не втрачено.</translation>
    </message>
    <message>
        <source>The server refused a batch as too large. Tell IT; nothing was lost.</source>
        <translation>Сервер відхилив завеликий пакет змін. Повідомте ІТ-фахівця; нічого не втрачено.</translation>
    </message>
    <message>
        <source>This laptop was revoked by the organisation, so its records were removed from it.</source>
        <translation>Організація відкликала цей ноутбук, тому записи з нього видалено.</translation>
    </message>
    <message>
        <source>FieldApp must fetch your caseload again; this happens by itself.</source>
        <translation>FieldApp має заново отримати ваші справи; це відбудеться автоматично.</translation>
    </message>
    <message>
        <source>This laptop is not connected to the organisation&apos;s server yet.</source>
        <translation>Цей ноутбук ще не підключено до сервера організації.</translation>
    </message>
    <message>
        <source>A demo profile never syncs. Create a new profile to connect to the server.</source>
        <translation>Демонстраційний профіль не синхронізується. Щоб підключитися до сервера, створіть новий профіль.</translation>
    </message>
    <message>
        <source>This enrolment code has a typo: check it character by character.</source>
        <translation>У цьому коді підключення помилка: перевірте його символ за символом.</translation>
    </message>
    <message>
        <source>The server has no room for an attachment. It stays on this laptop and is sent when IT makes room.</source>
        <translation>На сервері немає місця для вкладення. Воно залишається на цьому ноутбуці й буде надіслане, коли ІТ звільнить місце.</translation>
    </message>
    <message>
        <source>Part of an attachment was damaged on the way and was not kept. FieldApp sends it again.</source>
        <translation>Частину вкладення пошкоджено під час передавання, її не збережено. FieldApp надішле її ще раз.</translation>
    </message>
    <message>
        <source>This attachment has not reached the server yet from the laptop that made it. Try again later.</source>
        <translation>Це вкладення ще не надійшло на сервер із ноутбука, на якому його додали. Спробуйте пізніше.</translation>
    </message>
    <message>
        <source>This attachment is not on the server, or it is not yours to open.</source>
        <translation>Цього вкладення немає на сервері, або ви не маєте права його відкрити.</translation>
    </message>
    <message>
        <source>This account is disabled: ask IT. Everything recorded stays on this laptop.</source>
        <translation>Цей обліковий запис вимкнено: зверніться до ІТ. Усе записане залишається на цьому ноутбуці.</translation>
    </message>
    <message>
        <source>This enrolment code was used already: each code enrols one laptop once. Ask IT for a new one.</source>
        <translation>Цей код підключення вже використано: кожен код підключає один ноутбук один раз. Попросіть в ІТ новий.</translation>
    </message>
    <message>
        <source>This enrolment code has expired. Ask IT for a new one.</source>
        <translation>Строк дії цього коду підключення минув. Попросіть в ІТ новий.</translation>
    </message>
</context>
<context>
    <name>SyncIssues</name>
    <message>
        <source>Family file</source>
        <translation>Справа сімʼї</translation>
    </message>
    <message>
        <source>Family member</source>
        <translation>Член сімʼї</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Візит</translation>
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
        <source>Consent</source>
        <translation>Згода</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Перевірка</translation>
    </message>
    <message>
        <source>Protected record</source>
        <translation>Захищений запис</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Конфлікт</translation>
    </message>
    <message>
        <source>a family no longer on this laptop</source>
        <translation>сімʼя, якої вже немає на цьому ноутбуці</translation>
    </message>
    <message>
        <source>Safety assessment</source>
        <translation>Оцінка безпеки дитини</translation>
    </message>
    <message>
        <source>Notice of a concern</source>
        <translation>Повідомлення про загрозу</translation>
    </message>
</context>
<context>
    <name>SyncIssuesDialog</name>
    <message>
        <source>Sync: what needs you</source>
        <translation>Синхронізація: що потребує вашої уваги</translation>
    </message>
    <message numerus="yes">
        <source>Conflicts (%n)</source>
        <translation>
            <numerusform>Конфлікти (%n)</numerusform>
            <numerusform>Конфлікти (%n)</numerusform>
            <numerusform>Конфлікти (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not accepted (%n)</source>
        <translation>
            <numerusform>Не прийнято (%n)</numerusform>
            <numerusform>Не прийнято (%n)</numerusform>
            <numerusform>Не прийнято (%n)</numerusform>
        </translation>
    </message>
</context>
</TS>
