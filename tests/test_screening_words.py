"""The "Did you mean?" question quotes the patient's words with one full stop, not two."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from journal.ui.today.screening import ask_did_you_mean


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("my legs went numb.", "You wrote: “my legs went numb.”\n"), ("legs numb", "You wrote: “legs numb”.\n")],
)
def test_a_quoted_note_ends_with_one_full_stop(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, typed: str, shown: str) -> None:
    seen: list[str] = []

    def answer(box: QMessageBox) -> int:
        seen.append(box.informativeText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    parent = QWidget()
    qtbot.addWidget(parent)
    ask_did_you_mean(parent, "numbness or tingling in legs", typed)
    assert seen and seen[0].startswith(shown)
