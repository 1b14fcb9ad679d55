"""What goes wrong with a form definition (a bug in the data, not the user's)."""

from __future__ import annotations


class FormDefinitionError(ValueError):
    """A form definition file is missing or malformed (a bug in the data, not the user's)."""


class ExpressionError(FormDefinitionError):
    """A `relevant` expression cannot be read."""
