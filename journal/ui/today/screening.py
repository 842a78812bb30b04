"""Asking, once and gently, whether typed words mean a warning sign.

When a typed symptom or a note holds words that may point to a warning sign
(:mod:`journal.core.screening`), Today asks "Did you mean: …?", with the
sign's reason. Only "Yes, mark it", chosen on purpose (there is no default
button), marks the sign; nothing is ever flagged silently. Each question is
asked at most once per day and text, and a sign the patient said "No" to is
not asked about again for that day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from journal.core.catalog import name_key
from journal.core.screening import suggested_signs

#: Asks the patient; True means "Yes, mark it". Tests replace it.
Asker = Callable[[QWidget, str, str], bool]


def did_you_mean_box(parent: QWidget, sign: str, text: str) -> tuple[QMessageBox, QPushButton]:
    """The question, not yet shown: "Did you mean: <sign>?", the sign's reason, [Yes, mark it] [No].

    Neither button is the default, so Enter alone answers nothing: marking a
    warning sign takes a deliberate click, or Tab to it and Space. Escape is "No".
    """
    from journal.app.screening import why_of

    box = QMessageBox(parent)
    box.setObjectName("didYouMean")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("A question about what you wrote")
    box.setText(f"Did you mean: {sign}?")
    quoted = " ".join(text.split())
    if len(quoted) > 120:
        quoted = quoted[:117] + "…"
    why = why_of(sign)
    reason = f"Why it matters: {why}\n\n" if why else ""
    stop = "" if quoted.endswith((".", "!", "?", "…")) else "."  # no second full stop after the quote's own
    box.setInformativeText(
        f"You wrote: “{quoted}”{stop}\n\n{reason}"
        "If you mark it, your journal records it for this day and tells you what to do about it."
    )
    yes = box.addButton("Yes, mark it", QMessageBox.ButtonRole.YesRole)
    no = box.addButton("No", QMessageBox.ButtonRole.NoRole)
    for button in (yes, no):
        button.setAutoDefault(False)
        button.setDefault(False)
    box.setEscapeButton(no)
    return box, yes


def ask_did_you_mean(parent: QWidget, sign: str, text: str) -> bool:
    """Ask the question (see :func:`did_you_mean_box`); True only for "Yes, mark it"."""
    box, yes = did_you_mean_box(parent, sign, text)
    box.exec()
    return box.clickedButton() is yes


class WordScreen:
    """Remembers what was asked, per day, so nothing is asked twice."""

    def __init__(self, ask: Asker = ask_did_you_mean) -> None:
        self.ask = ask
        self._asked: set[tuple[dt.date, str, str]] = set()  # (date, text, sign)
        self._declined: set[tuple[dt.date, str]] = set()  # (date, sign key)

    def signs_to_mark(self, parent: QWidget, date: dt.date, text: str, already: set[str]) -> list[str]:
        """Ask about each sign ``text`` may mean; return those the patient said yes to.

        ``already`` holds name keys of symptoms already marked for ``date``:
        they are not asked about.
        """
        tidy = " ".join(text.split()).casefold()
        chosen = []
        for sign in suggested_signs(text):
            key = name_key(sign)
            if key in already or (date, key) in self._declined or (date, tidy, key) in self._asked:
                continue
            self._asked.add((date, tidy, key))
            if self.ask(parent, sign, text):
                chosen.append(sign)
            else:
                self._declined.add((date, key))
        return chosen

    def forget(self) -> None:
        """Another journal was opened."""
        self._asked.clear()
        self._declined.clear()
