"""Saving a Trends chart: ask where, then write the figure as PNG or SVG in its light print colours."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def save_chart_as(parent: QWidget, figure: Any, kind: str, period: tuple[dt.date, dt.date]) -> Path | None:
    """Ask where, then save ``figure`` (a ``kind`` of chart over ``period``); the file written, or None.

    A file that cannot be written is said in a message box over ``parent``.
    """
    start, end = period
    suggested = Path.home() / f"pain-journal-{kind}-{start.isoformat()}-to-{end.isoformat()}.png"
    path, chosen_filter = QFileDialog.getSaveFileName(
        parent, "Save chart", str(suggested), "PNG picture (*.png);;SVG drawing (*.svg)"
    )
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() not in (".png", ".svg"):
        target = target.with_suffix(".svg" if "svg" in chosen_filter.lower() else ".png")
    from journal.core.errors import UserError
    from journal.formats.charts import save_figure
    from journal.ui.trends import chart_theme

    try:
        with chart_theme.print_colours(figure):  # a saved picture keeps light print colours
            save_figure(figure, target)
    except UserError as error:
        QMessageBox.warning(parent, "Chart not saved", str(error))
        return None
    return target
