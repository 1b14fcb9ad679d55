"""Reports as PDF, drawn with Qt; the figures, tables and other file formats are
in `casework.reports`, shared with the server.
"""
