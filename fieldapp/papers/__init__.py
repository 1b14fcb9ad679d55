"""Papers for signature on the desktop: rendering with Qt (`render`) and print jobs from the store
(`documents`: who may print what, the print log). The layout itself is `casework.papers`."""
