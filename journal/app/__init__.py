"""The use cases, once: what the command line and the window both do.

Each function here takes an open :class:`journal.storage.journal.Journal` (or a
path) and plain values, does one job (load a period, export, import, summarise,
draw a chart) and returns its result as data. Nothing here imports Qt or
prints; the front-ends (``journal.cli``, ``journal.ui``) word the result for
their user. The window runs these calls on its worker thread.
"""
