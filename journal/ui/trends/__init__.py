"""Trends: charts of the journal over a period, and the patterns found in it.

``charts`` and ``heatmap`` draw onto a given matplotlib Figure and never
import Qt, so the command line (and the report) reuse them; ``view`` is the
window's tab. Nothing here is imported at start-up except the installer.
"""
