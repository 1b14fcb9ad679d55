"""Attachments on screen: the import pipeline (`prepare`), the family file's and a record's strip of
thumbnails with its file dialog and drag and drop (`panel`), and the viewer (`viewer`)."""
