"""Storage: SQLModel tables over SQLite, the schema's versions, CSV interchange.

Importing this package itself is cheap; its modules that use SQLModel
(``journal``, ``repository``, ``tables``; a few hundred milliseconds) are
imported by the window on the worker, off the GUI thread.
"""
