"""File → Manage lists: rename, hide or merge the patient's own list entries.

The dialog shows one list at a time (triggers, symptoms, activities,
medications). Every change runs on the worker through
:meth:`JournalSession.change_lists` and :mod:`journal.app.lists`; the rules
(built-in names kept, warning signs always offered and never merged away)
come from :mod:`journal.core.lists`, and buttons that a rule forbids are off
with the reason as their tooltip. The questions it asks (a new name, what to
merge into, "are you sure") are attributes tests can replace.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.core.errors import UserError, ValidationError
from journal.core.lists import (
    LIST_WORDS,
    MOVES,
    ListEntry,
    ListKind,
    why_not_hide,
    why_not_merge,
    why_not_merge_away,
    why_not_move,
    why_not_rename,
)
from journal.core.words import plural
from journal.ui.lists.model import ListEntriesModel
from journal.ui.session import JournalSession
from journal.ui.widgets.screen_fit import fit_to_screen

INTRO = (
    "Tidy the names you pick from when you log a day. Hiding an entry keeps every past day as it is; "
    "it is only no longer offered. Merging puts the days of one entry under another; "
    "a backup of your journal is made first."
)


class ManageListsDialog(QDialog):
    """Rename, hide or merge entries; ``changed`` fires after each change is saved."""

    changed = Signal()

    def __init__(self, session: JournalSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # never larger than its content or the screen; scrolls inside if it must
        self.session = session
        self.setWindowTitle("Manage lists")
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        layout.addWidget(intro)

        chooser = QHBoxLayout()
        self.kind_box = QComboBox(self)
        for kind in ListKind:
            self.kind_box.addItem(LIST_WORDS[kind][1], kind.value)
        self.kind_box.setAccessibleName("List to manage")
        label = QLabel("&List:", self)
        label.setBuddy(self.kind_box)
        chooser.addWidget(label)
        chooser.addWidget(self.kind_box)
        chooser.addStretch(1)
        layout.addLayout(chooser)

        self.model = ListEntriesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName("Entries of the list")
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.rename_button = QPushButton("Re&name…", self)
        self.hide_button = QPushButton("&Hide", self)
        self.merge_button = QPushButton("&Merge into…", self)
        #: Between "made it worse" (triggers) and "what I did for it" (relief); shown for those two lists.
        self.move_button = QPushButton("Mo&ve to what I did for it", self)
        for button in (self.rename_button, self.hide_button, self.merge_button, self.move_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes names as typed
        layout.addWidget(self.result_label)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

        #: Questions the dialog asks; tests replace them.
        self.ask_name: Callable[[ListEntry], str | None] = self._ask_name
        self.ask_target: Callable[[ListEntry, list[ListEntry]], ListEntry | None] = self._ask_target
        self.confirm_merge: Callable[[ListEntry, ListEntry], bool] = self._confirm_merge
        self.tell: Callable[[str, str], object] = lambda title, text: QMessageBox.warning(self, title, text)

        self.kind_box.currentIndexChanged.connect(lambda _: self.reload())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.rename_button.clicked.connect(self.rename_selected)
        self.hide_button.clicked.connect(self.toggle_hidden_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.move_button.clicked.connect(self.move_selected)
        self._update_buttons()
        self.reload()

    # --- reading ------------------------------------------------------------------------

    @property
    def kind(self) -> ListKind:
        return ListKind(self.kind_box.currentData())

    def show_list(self, kind: ListKind) -> None:
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind.value))

    def reload(self, select: str | None = None) -> None:
        """Read the list on the worker; select ``select`` (a name) when it arrives."""
        if not self.session.ready:
            return
        from journal.app.lists import list_entries

        kind = self.kind
        self.session.op(lambda journal: list_entries(journal, kind)).success(
            lambda entries: self._show(kind, entries, select)
        ).failure(self._failed).run_in_background()

    def _show(self, kind: ListKind, entries: list[ListEntry], select: str | None) -> None:
        if kind is not self.kind:
            return  # another list was chosen meanwhile; its own reading follows
        self.model.set_entries(entries)
        row = self.model.row_named(select) if select is not None else None
        if row is not None:
            self.table.selectionModel().select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(self.model.index(row, 0))
        self._update_buttons()

    def selected(self) -> ListEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    def select_name(self, name: str) -> None:
        row = self.model.row_named(name)
        if row is None:
            raise LookupError(name)
        self.table.selectRow(row)

    def _update_buttons(self) -> None:
        entry = self.selected()
        writable = self.session.ready and not self.session.read_only
        none = "Choose an entry in the list first." if entry is None else None
        rename_reason = hide_reason = merge_reason = move_reason = none
        if entry is not None:
            move_reason = why_not_move(entry)
            rename_reason = why_not_rename(entry)
            hide_reason = None if entry.hidden else why_not_hide(entry)
            merge_reason = why_not_merge_away(entry)
            if merge_reason is None and not any(why_not_merge(entry, e) is None for e in self.model.entries()):
                merge_reason = "There is no other entry in this list to merge into."
        if not writable:
            rename_reason = hide_reason = merge_reason = move_reason = "This journal is read-only."
        self.move_button.setVisible(self.kind in MOVES)
        self.move_button.setText(
            "Mo&ve to made it worse (triggers)" if self.kind is ListKind.RELIEF else "Mo&ve to what I did for it"
        )
        self.hide_button.setText("Sh&ow again" if entry is not None and entry.hidden else "&Hide")
        for button, reason, tip in (
            (self.rename_button, rename_reason, "Correct the name on every day that records it"),
            (self.hide_button, hide_reason, "Stop offering it when you log a day (past days keep it)"),
            (self.merge_button, merge_reason, "Put its days under another entry, then remove it"),
            (
                self.move_button,
                move_reason,
                "Something you do for the pain (like rest) is not a trigger: moved, it stays on its days "
                "and leaves the trigger comparisons",
            ),
        ):
            button.setEnabled(reason is None)
            button.setToolTip(reason or tip)

    # --- changing -------------------------------------------------------------------------

    def rename_selected(self) -> None:
        entry = self.selected()
        if entry is None or why_not_rename(entry):
            return
        new = self.ask_name(entry)
        if new is None:
            return
        if not new.strip():
            self.tell("Not renamed", "Type a name, or press Cancel to keep the old one.")
            return
        from journal.app.lists import rename

        kind, old = entry.kind, entry.name
        self._change(
            lambda journal: rename(journal, kind, old, new),
            lambda change: f"Renamed “{old}” to “{new.strip()}” on {plural(len(change.dates), 'day')}.",
            "Not renamed",
            select=" ".join(new.split()),
        )

    def toggle_hidden_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        hide = not entry.hidden
        if hide and why_not_hide(entry):
            return
        from journal.app.lists import set_hidden

        kind, name = entry.kind, entry.name
        done = (
            f"“{name}” is no longer offered when you log a day. Past days keep it."
            if hide
            else f"“{name}” is offered again when you log a day."
        )
        self._change(lambda journal: set_hidden(journal, kind, name, hide), lambda _change: done, "Not changed", select=name)

    def merge_selected(self) -> None:
        source = self.selected()
        if source is None:
            return
        targets = [e for e in self.model.entries() if why_not_merge(source, e) is None]
        if not targets:
            return
        target = self.ask_target(source, targets)
        if target is None or not self.confirm_merge(source, target):
            return
        from journal.app.lists import merge

        kind, old, new = source.kind, source.name, target.name
        self._change(
            lambda journal: merge(journal, kind, old, new),
            lambda change: (
                f"Merged “{old}” into “{new}”: {plural(len(change.dates), 'day')} rewritten. "
                f"A backup was made first ({change.backup.name})."
            ),
            "Not merged",
            select=new,
        )

    def move_selected(self) -> None:
        entry = self.selected()
        if entry is None or why_not_move(entry):
            return
        from journal.app.lists import move

        kind, name = entry.kind, entry.name
        where = "what you did for the pain" if kind is ListKind.TRIGGER else "what made it worse (triggers)"
        self._change(
            lambda journal: move(journal, kind, name),
            lambda change: f"Moved “{name}” to {where}, with its {plural(len(change.dates), 'day')}.",
            "Not moved",
            select="",
        )

    def _change(self, work: Callable[..., object], describe: Callable[..., str], failure_title: str, *, select: str) -> None:
        self._set_busy(True)

        def done(change: object) -> None:
            self._set_busy(False)
            self.result_label.setText(describe(change))
            self.changed.emit()
            self.reload(select)

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            self._failed(error, failure_title)

        self.session.change_lists(work, done, failed)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.rename_button, self.hide_button, self.merge_button, self.move_button):
            button.setEnabled(not busy)
        if not busy:
            self._update_buttons()

    def _failed(self, error: BaseException, title: str = "Your lists could not be read") -> None:
        if isinstance(error, ValidationError):
            message = error.problems[0][1]
            text = f"The new {message}." if message.startswith("name") else f"The new name {message}."
        elif isinstance(error, UserError):
            text = str(error)
        else:
            raise error  # a bug: the window's error hook reports it without the patient's words
        self.tell(title, text + "\n\nNothing was changed.")

    # --- the questions ------------------------------------------------------------------------

    def _ask_name(self, entry: ListEntry) -> str | None:
        text, ok = QInputDialog.getText(self, "Rename", f"New name for “{entry.name}”:", text=entry.name)
        return text if ok else None

    def _ask_target(self, source: ListEntry, targets: list[ListEntry]) -> ListEntry | None:
        names = [e.name for e in targets]
        chosen, ok = QInputDialog.getItem(self, "Merge", f"Put the days of “{source.name}” under:", names, 0, False)
        return targets[names.index(chosen)] if ok and chosen in names else None

    def _confirm_merge(self, source: ListEntry, target: ListEntry) -> bool:
        answer = QMessageBox.question(
            self,
            "Merge",
            f"Every day that records “{source.name}” ({plural(source.days, 'day')}) will record "
            f"“{target.name}” instead, and “{source.name}” leaves the list.\n\n"
            "A backup of your journal is made first. Merge now?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes


def show_manage_lists(session: JournalSession, parent: QWidget | None = None) -> ManageListsDialog:
    """Open the dialog (modal); returns it once closed."""
    dialog = ManageListsDialog(session, parent)
    dialog.exec()
    return dialog
