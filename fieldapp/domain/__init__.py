"""The records a field social worker keeps, their enumerations and their rules.

Pure Python: no Qt, no SQL, no HTTP. Everything else in FieldApp depends on
this package; it depends on nothing of ours.
"""
