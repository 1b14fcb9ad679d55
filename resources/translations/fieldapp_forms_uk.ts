<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name>FormDialog</name>
    <message>
        <source>Restored from the draft kept at {time}: check it, then save or submit.</source>
        <translation>Відновлено з чернетки, збереженої {time}: перевірте, потім збережіть або подайте.</translation>
    </message>
    <message>
        <source>Approved by the supervisor: this record is read only.</source>
        <translation>Затверджено супервізором: цей запис доступний лише для читання.</translation>
    </message>
    <message>
        <source>* needed to submit</source>
        <translation>* потрібно для подання</translation>
    </message>
    <message>
        <source>* needed to save</source>
        <translation>* потрібно для збереження</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Save, submit later</source>
        <translation>Зберегти, подати пізніше</translation>
    </message>
    <message>
        <source>Finish later</source>
        <translation>Завершити пізніше</translation>
    </message>
    <message>
        <source>Write your own…</source>
        <translation>Додати власний запис…</translation>
    </message>
    <message>
        <source>A new record of yours for this family; this one stays as its author wrote it.</source>
        <translation>Новий запис від вас для цієї сімʼї; цей лишиться таким, як його записав автор.</translation>
    </message>
    <message>
        <source>Record of specialist {name}: only its author or a supervisor can change it.</source>
        <translation>Запис фахівця {name} — змінити може лише автор або супервізор.</translation>
    </message>
    <message>
        <source>Another specialist&apos;s record: only its author or a supervisor can change it.</source>
        <translation>Запис іншого фахівця — змінити може лише автор або супервізор.</translation>
    </message>
    <message numerus="yes">
        <source>Not saved as a record: %n answer(s) need attention; see the messages next to them.</source>
        <translation>
            <numerusform>Запис не збережено: %n відповідь потребує уваги; дивіться повідомлення біля неї.</numerusform>
            <numerusform>Запис не збережено: %n відповіді потребують уваги; дивіться повідомлення біля них.</numerusform>
            <numerusform>Запис не збережено: %n відповідей потребують уваги; дивіться повідомлення біля них.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not saved as a record: %n answer(s) cannot be read; see the messages next to them.</source>
        <translation>
            <numerusform>Запис не збережено: %n відповідь не вдається прочитати; дивіться повідомлення біля неї.</numerusform>
            <numerusform>Запис не збережено: %n відповіді не вдається прочитати; дивіться повідомлення біля них.</numerusform>
            <numerusform>Запис не збережено: %n відповідей не вдається прочитати; дивіться повідомлення біля них.</numerusform>
        </translation>
    </message>
    <message>
        <source>What you typed is kept as a draft on this laptop.</source>
        <translation>Введене збережено як чернетку на цьому ноутбуці.</translation>
    </message>
    <message>
        <source>What you typed is kept on this laptop as a draft, but it is not saved as a record yet. Keep the draft to finish it later from the family file, or throw it away?</source>
        <translation>Введене збережено на цьому ноутбуці як чернетку, але ще не як запис. Залишити чернетку, щоб завершити її пізніше з картки сімʼї, чи видалити її?</translation>
    </message>
    <message>
        <source>Keep the draft</source>
        <translation>Залишити чернетку</translation>
    </message>
    <message>
        <source>Throw away</source>
        <translation>Видалити чернетку</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>Повернутися до форми</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Подати</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Зберегти</translation>
    </message>
    <message>
        <source>Keep what is typed, gaps and all, and finish it later.</source>
        <translation>Зберегти введене, навіть із пропусками, і завершити пізніше.</translation>
    </message>
    <message>
        <source>What you typed could not be kept as a draft.</source>
        <translation>Введене не вдалося зберегти як чернетку.</translation>
    </message>
    <message>
        <source>Draft kept at {time}.</source>
        <translation>Чернетку збережено о {time}.</translation>
    </message>
    <message>
        <source>Revise the plan…</source>
        <translation>Переглянути план…</translation>
    </message>
    <message>
        <source>Make a new version of the plan; this approved one is kept as it was.</source>
        <translation>Скласти нову версію плану; цей затверджений план залишиться без змін.</translation>
    </message>
</context>
<context>
    <name>FormEditors</name>
    <message>
        <source>at</source>
        <translation>о</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— виберіть —</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Так</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ні</translation>
    </message>
    <message>
        <source>No children are recorded in the family file yet.</source>
        <translation>У картці сімʼї ще немає дітей.</translation>
    </message>
    <message>
        <source>No members are recorded in the family file yet.</source>
        <translation>У картці сімʼї ще немає членів сімʼї.</translation>
    </message>
    <message>
        <source>Nothing added yet.</source>
        <translation>Ще нічого не додано.</translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation>Додати рядок</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Вилучити</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Підтверджено</translation>
    </message>
    <message>
        <source>(not filled in yet)</source>
        <translation>(ще не заповнено)</translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation>Згорнути</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Змінити</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <source>Provisional version of this form: some questions and lists are still being checked against the official form and may change.</source>
        <translation>Тимчасова версія форми: деякі питання та переліки ще звіряються з офіційною формою і можуть змінитися.</translation>
    </message>
    <message>
        <source>There is nobody in the family file for this section.</source>
        <translation>У картці сімʼї немає нікого для цього розділу.</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>без відповіді</translation>
    </message>
    <message>
        <source>Taken from the family card: check it, and change it if it is not right.</source>
        <translation>Взято з картки сімʼї: перевірте й виправте, якщо щось не так.</translation>
    </message>
</context>
</TS>
