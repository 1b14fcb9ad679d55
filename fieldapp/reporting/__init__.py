"""Reports leave FieldApp here: labelled tables of aggregates, as CSV, XLSX, JSON or PDF.

`fieldapp.domain.reports` computes the figures (shared with the server);
this package labels them in a language, hides small counts, and writes files.
Nothing here ever sees a name or an address: the report holds only counts
and codes (of places, services, categories).
"""
