"""Pain Journal: a private daily journal for chronic low back pain.

Layers, from the bottom up:

* ``journal.core``: pure Python. The day model, validation rules, catalogs,
  statistics, guidance linking and the summary model. Never imports Qt or SQL.
* ``journal.storage``: SQLModel tables, sessions, CSV interchange, backups.
* ``journal.ui``: the PySide6 window, which asks core and storage for data.
"""

__version__ = "1.0.0"
