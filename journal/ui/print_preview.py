"""Printing the summary: the very PDF the export writes, painted page by page onto the printer.

Pages are rendered with pypdfium2 at the printer's resolution and painted into
a :class:`QPrintPreviewDialog`, so paper and file are the same document.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

from journal.core.errors import UserError

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QWidget

#: Pages are rendered for the printer at its resolution, but never finer than this.
MAX_PRINT_DPI: Final = 300


def paint_pdf(printer: "QPrinter", pdf_path: Path) -> int:
    """Paint every page of the PDF onto ``printer``, each scaled to fill the paper; return pages.

    Pages are rendered at the printer's resolution (at most :data:`MAX_PRINT_DPI`).
    """
    import pypdfium2 as pdfium
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    printer.setFullPage(True)
    dpi = max(72, min(printer.resolution(), MAX_PRINT_DPI))
    document = pdfium.PdfDocument(str(pdf_path))
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise UserError("The printer could not be started.")
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        count = len(document)
        for index in range(count):
            if index:
                printer.newPage()
            page = document[index]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True, prefer_bgrx=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888).copy()
            target = QRectF(painter.viewport())
            scale = min(target.width() / image.width(), target.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            painter.drawImage(
                QRectF(target.x() + (target.width() - width) / 2, target.y() + (target.height() - height) / 2, width, height),
                image,
            )
            page.close()
        return count
    finally:
        if painter.isActive():
            painter.end()
        document.close()


def show_print_preview(parent: "QWidget", pdf_path: Path) -> None:
    """The print preview of ``pdf_path`` on the locale's paper (Letter or A4); returns when it closes."""
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from journal.formats.pdf_report import LETTER, paper_for_locale

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    letter = paper_for_locale() == LETTER
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4))
    printer.setDocName("Pain journal summary")
    preview = QPrintPreviewDialog(printer, parent)
    preview.setWindowTitle("Print the summary")
    preview.paintRequested.connect(lambda target: paint_pdf(target, pdf_path))
    preview.resize(900, 1000)
    preview.exec()
