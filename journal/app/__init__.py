"""The use cases, once, and the only door to the journal: what the command line and the window both do.

Each function here takes an open journal (:class:`journal.app.journal_file.Journal`)
or a path, and plain values, does one job (open, save a day, back up, restore,
load a period, export, import, summarise) and returns its result as data; an
operation that changes what the window shows returns
:class:`journal.app.changes.Changed`. Nothing here imports Qt or prints; the
front-ends (``journal.cli``, ``journal.ui``) word the result for their user and
never import :mod:`journal.storage` themselves (an import contract enforces it).
The window runs these functions through ``journal.ui.operations.JournalOp``, on
its worker thread.
"""
