"""Help → About: the version, where the journal is kept, the licence and the guidance's sources."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from journal import __version__
from journal.core.about import APP_NAME, LICENCE, guidance_sources
from journal.ui.icon import app_icon
from journal.ui.session import JournalSession
from journal.ui.widgets.screen_fit import fit_to_screen


def journal_location(session: JournalSession) -> str:
    """Where the journal on screen is kept, in words (the sample data is kept nowhere)."""
    own = session.own_journal_path()
    if session.is_demo:
        if session.user_path is not None:
            return f"You are looking at sample data, which is not saved. Your own journal is at:\n{session.user_path}"
        return "You are looking at sample data, which is not saved anywhere."
    if own is None:
        return "No journal is open."
    return str(own)


def _plain_label(text: str, parent: QWidget, *, selectable: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # paths and titles are never markup
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AboutDialog(QDialog):
    """A small window of plain facts; nothing in it changes the journal."""

    def __init__(self, session: JournalSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # never larger than its content or the screen; scrolls inside if it must
        self.setWindowTitle(f"About {APP_NAME}")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)

        header = QHBoxLayout()
        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(64, 64))
        header.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        title = _plain_label(f"{APP_NAME}\nVersion {__version__}", self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        header.addWidget(title, 1)
        layout.addLayout(header)

        layout.addWidget(
            _plain_label(
                "A private journal for chronic low back pain. Everything stays on this computer: "
                "the app makes no network connections.",
                self,
            )
        )

        self.location = _plain_label(journal_location(session), self, selectable=True)
        self.location.setAccessibleName("Where your journal is kept")
        place = [self.location]
        backups = session.backup_folder() if not session.is_demo else None
        if backups is not None:
            place.append(_plain_label(f"Backups: {backups}", self, selectable=True))
        layout.addWidget(_group("Your journal", self, *place))

        self.licence = _plain_label(
            f"{LICENCE} licence: you may use, copy, change and share this program freely. It comes with no warranty.", self
        )
        layout.addWidget(_group("Licence", self, self.licence))

        sources = guidance_sources()
        self.sources = _plain_label("\n".join(f"• {source}" for source in sources), self)
        self.sources.setAccessibleName("Sources of the guidance")
        layout.addWidget(_group("The guidance is drawn from", self, self.sources))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def _group(title: str, parent: QWidget, *contents: QWidget) -> QGroupBox:
    box = QGroupBox(title, parent)
    inner = QVBoxLayout(box)
    for content in contents:
        inner.addWidget(content)
    return box


def show_about(session: JournalSession, parent: QWidget) -> AboutDialog:
    """Open the About window over ``parent`` (window-modal, without blocking) and return it."""
    dialog = AboutDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
