"""Trends: charts of the journal over a period, and the patterns found in it.

The drawing itself lives in :mod:`journal.formats.charts` and
:mod:`journal.formats.heatmap` (no Qt, shared with the command line and the
report); ``view`` is the window's tab. Nothing here is imported at start-up except the installer.
"""
