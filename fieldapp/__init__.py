"""FieldApp: offline case records for social workers who visit families."""

__version__ = "0.1.0"
