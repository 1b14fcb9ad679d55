"""What both ends of FieldApp know: the records, their enumerations and rules,
validation, the field merge, forms as data, and the report's figures.

Pure Python: no Qt, no SQL, no HTTP. The desktop app (`fieldapp`) and the
server (`sync.server`) depend on it; it depends on nothing of theirs.
"""
