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
#: F1 opens the guide at the section about the part of the window in focus: the
#: first of these found from the focused widget outwards (by the part's class name).
SECTIONS: Final[dict[str, str]] = {
    "BodyMapWidget": "The body map",
    "ReadingsPanel": "Pain now",
    "PainNowDialog": "Pain now",
    "PacingPanel": "Your pacing plan",
    "TrendsView": "What Trends shows",
    "HistoryView": "Logging a day",
    "TodayView": "Logging a day",
}
#: Where a symptom chip is focused (its help names the warning signs).
WARNING_SECTION: Final = "Warning signs"


def section_for(widget: QWidget | None) -> str | None:
    """The guide's section about ``widget`` (or the nearest enclosing part that has one)."""
    while widget is not None:
        if "warning signs" in widget.whatsThis():
            return WARNING_SECTION
        section = SECTIONS.get(type(widget).__name__)
        if section is not None:
            return section
        widget = widget.parentWidget()
    return None


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
        # The guide's pictures (resources/help/images) are found beside it, never fetched.
        self.browser.setSearchPaths([str(USER_GUIDE_FILE.parent)])
        self.browser.setMarkdown(user_guide_markdown())
        self.browser.setAccessibleName("User guide")
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_section(self, heading: str) -> bool:
        """Scroll the guide so the section ``heading`` is at the top; False when there is none."""
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0 and block.text() == heading:
                bar = self.browser.verticalScrollBar()
                self.browser.document().documentLayout()  # laid out before asking where the block is
                bar.setValue(bar.maximum())  # from the end, so the heading lands at the top
                cursor = self.browser.textCursor()
                cursor.setPosition(block.position())
                self.browser.setTextCursor(cursor)
                self.browser.ensureCursorVisible()
                return True
            block = block.next()
        return False

    def current_heading(self) -> str:
        """The heading of the section at the top of the view."""
        top = self.browser.cursorForPosition(self.browser.viewport().rect().topLeft()).block()
        while top.isValid() and top.blockFormat().headingLevel() == 0:
            top = top.previous()
        return top.text() if top.isValid() else ""

    def headings(self) -> list[str]:
        """The section headings as shown, in order."""
        block = self.browser.document().begin()
        found: list[str] = []
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                found.append(block.text())
            block = block.next()
        return found


def show_user_guide(parent: QWidget, section: str | None = None) -> UserGuideDialog:
    """Open the guide beside the window (not modal: the patient can read and log at once),
    at ``section`` when given.

    A guide already open is brought to the front rather than opened twice.
    """
    existing = parent.findChild(UserGuideDialog)
    if existing is not None and existing.isVisible():
        dialog = existing
        dialog.raise_()
        dialog.activateWindow()
    else:
        dialog = UserGuideDialog(parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.show()
    if section is not None:
        dialog.show_section(section)
    return dialog
