"""Reports for donors and managers: the figures (`indicators`), labelled tables
with small counts hidden (`tables`), and the CSV, XLSX and JSON files (`files`).

Nothing here ever sees a name or an address: the report holds only counts
and codes (of places, services, categories). The PDF, drawn with Qt, lives in
`fieldapp.reporting.pdf`.
"""
