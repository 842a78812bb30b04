"""Storage: SQLModel tables over SQLite, the schema's versions, CSV interchange.

Importing this package imports SQLModel (about a second); the window imports
it off the GUI thread after first paint.
"""
