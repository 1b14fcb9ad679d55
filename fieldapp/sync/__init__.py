"""The laptop's side of sync: enrolment, the sync round, check-in and the wipe.

It talks to the server through `sync.client` (HTTP) and to the local records
only through the store's API (`fieldapp.store`), never with SQL of its own.
"""
