"""Help → User guide: the patient's guide, shown from the one Markdown file the README links to."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from journal.core.resources import RESOURCES_DIR
from journal.ui.widgets.screen_fit import fit_to_screen

#: The guide's one source: the app reads it, the README links to it, the wheel carries it.
USER_GUIDE_FILE: Final[Path] = RESOURCES_DIR / "help" / "user-guide.md"
#: The guide's text is this much larger than the app's, for tired eyes.
TEXT_SCALE: Final = 1.2


def user_guide_markdown() -> str:
    """The guide's Markdown text (UTF-8)."""
    return USER_GUIDE_FILE.read_text(encoding="utf-8")


class UserGuideDialog(QDialog):
    """A window of plain reading; it changes nothing and opens no links outside the app."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # never larger than its content or the screen; scrolls inside if it must
        self.setWindowTitle("Pain Journal user guide")
        self.resize(760, 680)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # the guide has no links to follow; never a network request
        font = self.browser.font()
        font.setPointSizeF(font.pointSizeF() * TEXT_SCALE)
        self.browser.setFont(font)
        self.browser.document().setDocumentMargin(16)
        self.browser.setMarkdown(user_guide_markdown())
        self.browser.setAccessibleName("User guide")
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def headings(self) -> list[str]:
        """The section headings as shown, in order."""
        block = self.browser.document().begin()
        found: list[str] = []
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                found.append(block.text())
            block = block.next()
        return found


def show_user_guide(parent: QWidget) -> UserGuideDialog:
    """Open the guide beside the window (not modal: the patient can read and log at once).

    A guide already open is brought to the front rather than opened twice.
    """
    existing = parent.findChild(UserGuideDialog)
    if existing is not None and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return existing
    dialog = UserGuideDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    return dialog
