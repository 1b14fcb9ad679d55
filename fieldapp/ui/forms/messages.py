"""The form engine's messages (casework/forms.py), marked here for lupdate.

The domain module cannot use lupdate's marker without putting its strings in
the core area's .ts; these lines put them in the forms area. A test keeps
this list equal to `forms.ALL_MESSAGES`.
"""

from casework.i18n import QT_TRANSLATE_NOOP

MESSAGES = (
    QT_TRANSLATE_NOOP("FormCheck", "Answer this question."),
    QT_TRANSLATE_NOOP("FormCheck", "Fill this in for each row."),
    QT_TRANSLATE_NOOP("FormCheck", "Enter text here."),
    QT_TRANSLATE_NOOP("FormCheck", "Keep this on one line."),
    QT_TRANSLATE_NOOP("FormCheck", "Too long: at most {max} characters."),
    QT_TRANSLATE_NOOP("FormCheck", "Enter a whole number, in digits."),
    QT_TRANSLATE_NOOP("FormCheck", "Enter a number of at least {min}."),
    QT_TRANSLATE_NOOP("FormCheck", "Enter a number of at most {max}."),
    QT_TRANSLATE_NOOP("FormCheck", "Enter a date as DD.MM.YYYY."),
    QT_TRANSLATE_NOOP("FormCheck", "This date looks wrong: check the year."),
    QT_TRANSLATE_NOOP("FormCheck", "Enter a time as HH:MM, for example 14:30."),
    QT_TRANSLATE_NOOP("FormCheck", "Enter both the date and the time."),
    QT_TRANSLATE_NOOP("FormCheck", "Choose one of the options."),
    QT_TRANSLATE_NOOP("FormCheck", "Choose among the options."),
    QT_TRANSLATE_NOOP("FormCheck", "Choose a member of the family."),
    QT_TRANSLATE_NOOP("FormCheck", "Answer yes or no."),
    QT_TRANSLATE_NOOP("FormCheck", "These rows could not be read."),
    QT_TRANSLATE_NOOP("FormCheck", "This does not look right."),
)
