"""Forms as data: versioned definitions, skip logic, validation, answers <-> record fields.

The package, by job:

- `definitions` — the shape of a definition and reading one (`parse_definition`);
- `loading` — where definitions live, by id and version (`load_form`, `form_for_record`);
- `expressions` — the skip-logic language (``relevant``), never `eval`;
- `pages` — a form for one household: pages, question keys, relevance;
- `validation` — checking answers (each by its question's `values.Rule`);
- `mapping` — answers to record fields and back.

Everything public is importable from `casework.forms` itself.
"""

from casework.dates import parse_date, parse_datetime, parse_time
from casework.forms.definitions import (
    COLLECTIONS,
    KINDS,
    LAYOUT_TYPES,
    REPEAT_FIELD_TYPES,
    VALUE_TYPES,
    Choice,
    FormDefinition,
    Item,
    Section,
    parse_definition,
)
from casework.forms.errors import ExpressionError, FormDefinitionError
from casework.forms.expressions import (
    check_expression,
    evaluate,
    expression_fields,
    format_expression,
    parse_expression,
)
from casework.forms.loading import available_forms, form_for_record, forms_dir, load_form
from casework.forms.mapping import (
    ROW_ID,
    add_months,
    answers_from_record,
    default_answers,
    initial_answers,
    record_problems,
    to_record_fields,
)
from casework.forms.pages import (
    ADULT_AGE,
    Field,
    Member,
    Page,
    fields,
    is_relevant,
    lookup_in,
    members_of,
    page_has_questions,
    pages,
    relevant_keys,
)
from casework.forms.prefill import card_answers
from casework.forms.validation import REQUIRED, check_value, form_text, validate_answers
from casework.i18n import LANGUAGES
from casework.values import is_empty

__all__ = [
    "ADULT_AGE", "COLLECTIONS", "ROW_ID", "KINDS", "LANGUAGES", "LAYOUT_TYPES", "REPEAT_FIELD_TYPES", "REQUIRED", "VALUE_TYPES",
    "Choice", "ExpressionError", "Field", "FormDefinition", "FormDefinitionError", "Item", "Member", "Page",
    "Section", "add_months", "answers_from_record", "available_forms", "card_answers", "check_expression", "check_value", "default_answers",
    "evaluate", "expression_fields", "fields", "form_for_record", "form_text", "format_expression", "forms_dir",
    "initial_answers", "is_empty", "is_relevant", "load_form", "lookup_in", "members_of", "page_has_questions",
    "pages", "parse_date", "parse_datetime", "parse_definition", "parse_expression", "parse_time",
    "record_problems", "relevant_keys", "to_record_fields", "validate_answers",
]
