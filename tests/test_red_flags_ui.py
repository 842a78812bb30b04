"""Red flags in the window: the urgent dialog comes first, "soon" stays calm, six weeks of severe pain."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from journal.app.guidance import PERSISTENT_PAIN_DISMISSED
from journal.core.dates import day_words
from journal.core.day import DayEntry
from journal.storage.journal import Journal
from journal.ui.guidance.install import GuidanceFeature
from journal.ui.main_window import MainWindow
from tests.gui_helpers import ModalWatcher, RedFlagWatcher, close_window

URGENT = "loss of bladder or bowel control"
SOON = "numbness or tingling in legs"


def _when(sign: str) -> str:
    from journal.core.catalog import default_catalog

    return next(item.when for item in default_catalog() if item.name == sign)


TODAY = dt.date.today()


@pytest.fixture
def modals() -> Iterator[RedFlagWatcher]:
    watcher = RedFlagWatcher()
    yield watcher
    watcher.stop()


def _open(qtbot: QtBot, path: Path, today: dt.date | None = None) -> MainWindow:
    """A window on ``path``, ready and idle; ``today`` pretends it is another date."""
    from journal.ui.app import create_window

    window = create_window(path, welcome=False)  # not qtbot.addWidget: closing would ask "Save?"
    with qtbot.waitSignal(window.session.opened, timeout=20_000):
        window.show()
    qtbot.waitUntil(window.today.isEnabled, timeout=5_000)
    qtbot.waitUntil(lambda: window.findChild(GuidanceFeature) is not None, timeout=5_000)
    if today is not None:
        _feature(window).today = lambda: today
        _feature(window).check_persistent_pain()
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=5_000)
    return window


@pytest.fixture
def opened(qtbot: QtBot) -> Iterator[list[MainWindow]]:
    """Windows opened by a test; all closed without questions at the end."""
    windows: list[MainWindow] = []
    yield windows
    for window in windows:
        close_window(window)
        window.deleteLater()


def _feature(window: MainWindow) -> GuidanceFeature:
    feature = window.findChild(GuidanceFeature, "guidanceFeature")
    assert feature is not None
    return feature


def _fill_pain(qtbot: QtBot, window: MainWindow, value: Qt.Key = Qt.Key.Key_6) -> None:
    window.today.form.back_pain.setFocus()
    qtbot.keyClick(window.today.form.back_pain, value)


def _save(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.today.saved, timeout=5_000):
        qtbot.mouseClick(window.today.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=5_000)


@contextmanager
def _journal(path: Path) -> Iterator[Journal]:
    """A second connection to the test's journal file."""
    journal = Journal.open(path)
    try:
        yield journal
    finally:
        journal.close()


def _prefill(path: Path, entries: list[DayEntry]) -> None:
    with _journal(path) as journal:
        journal.import_days(entries)


# --- urgent: the dialog ----------------------------------------------------------------


def test_checking_an_urgent_symptom_shows_the_dialog_first_and_saving_records_it(
    qtbot: QtBot, db_path: Path, modals: RedFlagWatcher, opened: list[MainWindow]
) -> None:
    window = _open(qtbot, db_path)
    opened.append(window)
    _fill_pain(qtbot, window)
    qtbot.mouseClick(window.today.form.symptoms.chip(URGENT), Qt.MouseButton.LeftButton)
    assert len(modals.red_flags) == 1  # the click returned only after "I understand"
    assert modals.red_flags[0].startswith("Go to an emergency department now")
    assert "Loss of bladder or bowel control" in modals.red_flags[0]
    assert "already checked" not in modals.red_flags[0]  # it is today's
    assert window.today.red_flag_banner.isVisible()
    assert window.today.red_flag_banner.property("urgent") is True

    _save(qtbot, window)
    assert len(modals.red_flags) == 1  # already acknowledged for this day
    with _journal(db_path) as journal:
        assert journal.red_flag_acks() == {TODAY: frozenset({URGENT})}


def test_an_acknowledged_day_does_not_repeat_the_dialog_after_a_restart(
    qtbot: QtBot, db_path: Path, modals: RedFlagWatcher, opened: list[MainWindow]
) -> None:
    earlier = TODAY - dt.timedelta(days=20)
    _prefill(db_path, [DayEntry(date=earlier, back_pain=6, symptoms=(URGENT,))])
    with _journal(db_path) as journal:
        journal.acknowledge_red_flags(earlier, [URGENT])

    window = _open(qtbot, db_path)
    opened.append(window)
    assert _feature(window).acknowledged(earlier) == {URGENT}
    with qtbot.waitSignal(window.today.dayShown, timeout=5_000):
        window.open_day(earlier)
    assert window.today.red_flag_banner.isVisible()  # the flag stays visible on the day
    qtbot.keyClicks(window.today.form.notes, "Seen by the GP the same day.")
    _save(qtbot, window)
    assert modals.red_flags == []
    with _journal(db_path) as journal:  # saving replaced the row; the acknowledgement was kept
        assert journal.red_flag_acks() == {earlier: frozenset({URGENT})}


def test_saving_a_day_with_an_urgent_symptom_shows_the_dialog(
    qtbot: QtBot, db_path: Path, modals: RedFlagWatcher, opened: list[MainWindow]
) -> None:
    window = _open(qtbot, db_path)
    opened.append(window)
    _fill_pain(qtbot, window)
    chip = window.today.form.symptoms.chip(URGENT)
    assert chip is not None
    chip.setChecked(True)  # set without a click: only the save path can warn
    assert modals.red_flags == []
    _save(qtbot, window)
    assert len(modals.red_flags) == 1
    assert "Loss of bladder or bowel control" in modals.red_flags[0]


def test_importing_days_with_an_urgent_symptom_shows_the_dialog(
    qtbot: QtBot, db_path: Path, tmp_path: Path, modals: RedFlagWatcher, opened: list[MainWindow]
) -> None:
    from journal.ui.import_csv import import_csv_interactively

    window = _open(qtbot, db_path)
    opened.append(window)
    day = TODAY - dt.timedelta(days=3)
    csv_file = tmp_path / "days.csv"
    csv_file.write_text(
        "date,back_pain,symptoms\n"
        f"{day.isoformat()},7,{URGENT}\n"
        f"{(day - dt.timedelta(days=1)).isoformat()},5,stiffness; numb groin\n",
        encoding="utf-8",
    )
    import_csv_interactively(window, csv_file)
    qtbot.waitUntil(lambda: len(modals.red_flags) == 1, timeout=10_000)
    assert any("Imported 2 days" in text for text in modals.messages)
    finished = next(text for text in modals.messages if "Imported 2 days" in text)
    earlier = day_words(day - dt.timedelta(days=1))
    assert f"Please open them in Today to check: {earlier} (numbness in the saddle area)." in finished
    message = modals.red_flags[0]
    assert message.startswith("Go to an emergency department now")
    assert f"Loss of bladder or bowel control, on {day_words(day)}." in message
    assert message.rstrip().endswith("If a doctor has already checked this, you can close this message.")


# --- soon: the calm banner -------------------------------------------------------------------


def test_a_soon_symptom_shows_the_calm_banner_and_no_dialog(
    qtbot: QtBot, db_path: Path, modals: RedFlagWatcher, opened: list[MainWindow]
) -> None:
    window = _open(qtbot, db_path)
    opened.append(window)
    feature = _feature(window)
    _fill_pain(qtbot, window)
    assert not feature.soon_notice.isVisible()
    qtbot.mouseClick(window.today.form.symptoms.chip(SOON), Qt.MouseButton.LeftButton)
    assert window.today.red_flag_banner.isVisible()
    assert window.today.red_flag_banner.property("urgent") is False
    assert "See your doctor soon" in window.today.red_flag_banner.text()
    assert feature.soon_notice.isVisible()
    assert "Please contact your doctor soon" in feature.soon_notice.message.text()
    assert "When to See a Doctor" in feature.soon_notice.source.text()
    assert ".txt" not in feature.soon_notice.source.text()

    _save(qtbot, window)
    assert modals.red_flags == []
    qtbot.waitUntil(lambda: bool(feature.cards.cards), timeout=5_000)
    assert feature.cards.cards[0].item_id == "when-to-see-a-doctor"

    qtbot.mouseClick(feature.soon_notice.read_button, Qt.MouseButton.LeftButton)
    assert feature.library_view.current is not None
    assert feature.library_view.current.id == "when-to-see-a-doctor"

    window.tabs.setCurrentWidget(window.today)
    qtbot.mouseClick(window.today.form.symptoms.chip(SOON), Qt.MouseButton.LeftButton)
    assert not feature.soon_notice.isVisible()


# --- six weeks of severe pain ------------------------------------------------------------


def _severe_days(count: int, end: dt.date, pain: int = 8) -> list[DayEntry]:
    return [DayEntry(date=end - dt.timedelta(days=i), back_pain=pain) for i in range(count)]


def test_six_weeks_of_severe_pain_suggests_an_appointment_until_hidden_for_the_day(
    qtbot: QtBot, db_path: Path, opened: list[MainWindow]
) -> None:
    _prefill(db_path, _severe_days(45, TODAY - dt.timedelta(days=1)))
    window = _open(qtbot, db_path)
    opened.append(window)
    notice = _feature(window).pain_notice
    qtbot.waitUntil(notice.isVisible, timeout=5_000)
    assert "book an appointment" in notice.message.text()
    assert "Your back pain has been severe for 6 weeks and 4 days" in notice.message.text()
    assert notice.source.text() == "From: Lumbar disc calcification (patient article), When to See a Doctor"

    assert notice.dismiss_button is not None
    qtbot.mouseClick(notice.dismiss_button, Qt.MouseButton.LeftButton)
    assert not notice.isVisible()
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=5_000)
    with _journal(db_path) as journal:
        assert journal.setting(PERSISTENT_PAIN_DISMISSED) == TODAY.isoformat()

    _fill_pain(qtbot, window, Qt.Key.Key_8)  # saving today does not bring it back today
    _save(qtbot, window)
    assert not notice.isVisible()
    close_window(window)

    again = _open(qtbot, db_path)
    opened.append(again)
    assert not _feature(again).pain_notice.isVisible()
    close_window(again)  # one window per journal: the next one opens it after this one closed

    tomorrow = _open(qtbot, db_path, today=TODAY + dt.timedelta(days=1))
    opened.append(tomorrow)
    qtbot.waitUntil(_feature(tomorrow).pain_notice.isVisible, timeout=5_000)


@pytest.mark.parametrize(
    "entries",
    [
        # Easing: from 9 down to 5 over 45 days.
        [DayEntry(date=TODAY - dt.timedelta(days=i), back_pain=5 + min(4, i // 10)) for i in range(1, 46)],
        # Severe, but it ended three weeks ago.
        _severe_days(45, TODAY - dt.timedelta(days=21)),
        # Severe, but only four weeks of it.
        _severe_days(28, TODAY - dt.timedelta(days=1)),
    ],
    ids=["improving", "ended-weeks-ago", "four-weeks"],
)
def test_no_suggestion_when_pain_is_easing_old_or_short(
    qtbot: QtBot, db_path: Path, opened: list[MainWindow], entries: list[DayEntry]
) -> None:
    _prefill(db_path, entries)
    window = _open(qtbot, db_path)
    opened.append(window)
    assert _feature(window).persistent_pain is None
    assert not _feature(window).pain_notice.isVisible()


# --- typed words that may mean a warning sign ----------------------------------------------

URINE = "trouble passing or controlling urine"


class Asked:
    """Stands in for the "Did you mean" question: records it and answers as told."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.questions: list[tuple[str, str]] = []

    def __call__(self, _parent: object, sign: str, text: str) -> bool:
        self.questions.append((sign, text))
        return self.answer


def test_a_typed_symptom_that_means_a_warning_sign_is_asked_about_and_yes_marks_it(
    qtbot: QtBot,
    db_path: Path,
    modals: RedFlagWatcher,
    opened: list[MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QInputDialog

    window = _open(qtbot, db_path)
    opened.append(window)
    asked = Asked(answer=True)
    window.today.words.ask = asked
    _fill_pain(qtbot, window)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("cannot pass urine", True))
    with qtbot.waitSignal(window.session.changed, timeout=5_000):  # "Add…" asks the name
        qtbot.mouseClick(window.today.form.symptoms.add_button, Qt.MouseButton.LeftButton)
    assert asked.questions == [(URINE, "cannot pass urine")]
    checked = window.today.form.symptoms.checked()
    assert "cannot pass urine" in checked and URINE in checked
    assert len(modals.red_flags) == 1 and URINE[1:] in modals.red_flags[0]
    assert window.today.red_flag_banner.property("urgent") is True
    _save(qtbot, window)
    assert window.today.form.entry().symptoms  # saved with the sign
    with _journal(db_path) as journal:
        assert URINE in journal.day(TODAY).symptoms


def test_a_note_is_asked_about_once_and_no_marks_nothing(
    qtbot: QtBot, db_path: Path, modals: RedFlagWatcher, opened: list[MainWindow]
) -> None:
    window = _open(qtbot, db_path)
    opened.append(window)
    asked = Asked(answer=False)
    window.today.words.ask = asked
    _fill_pain(qtbot, window)
    qtbot.keyClicks(window.today.form.notes, "Numb around the genitals since lunch")
    _save(qtbot, window)
    assert asked.questions == [("numbness in the saddle area", "Numb around the genitals since lunch")]
    assert modals.red_flags == []
    assert "numbness in the saddle area" not in window.today.form.symptoms.checked()
    # Saving again, or adding words, does not ask about the same sign that day.
    qtbot.keyClicks(window.today.form.notes, ", still numb")
    _save(qtbot, window)
    assert len(asked.questions) == 1
    with _journal(db_path) as journal:
        assert journal.day(TODAY).symptoms == ()


def test_the_question_itself_offers_yes_mark_it_and_no(qtbot: QtBot) -> None:

    from journal.ui.today.screening import ask_did_you_mean

    parent = QWidget()
    qtbot.addWidget(parent)
    watcher = ModalWatcher("Yes, mark it")
    try:
        assert ask_did_you_mean(parent, URINE, "cannot pass urine") is True
    finally:
        watcher.stop()
    assert watcher.boxes[0].text == f"Did you mean: {URINE}?"
    assert sorted(watcher.boxes[0].buttons) == ["No", "Yes, mark it"]


def test_the_banner_never_puts_a_soon_sign_under_seek_care_now(
    qtbot: QtBot, db_path: Path, modals: RedFlagWatcher, opened: list[MainWindow]
) -> None:
    window = _open(qtbot, db_path)
    opened.append(window)
    _fill_pain(qtbot, window)
    window.today.form.symptoms.set_checked([URGENT, SOON])
    window.today.form.edited.emit()
    lines = window.today.red_flag_banner.text().splitlines()
    assert lines[0] == (
        "⚠  Seek medical care now: you logged loss of bladder or bowel control. "
        "Go to an emergency department, or call your local emergency number."
    )
    assert lines[1] == f"Also see your doctor soon about {SOON} ({_when(SOON)})."


def test_an_urgent_day_shows_only_care_cards_under_get_care_first(
    qtbot: QtBot, db_path: Path, modals: RedFlagWatcher, opened: list[MainWindow]
) -> None:
    window = _open(qtbot, db_path)
    opened.append(window)
    feature = _feature(window)
    _fill_pain(qtbot, window, Qt.Key.Key_9)
    window.today.form.symptoms.set_checked([URGENT, "stiffness"])
    _save(qtbot, window)
    qtbot.waitUntil(lambda: bool(feature.cards.cards), timeout=5_000)
    assert [card.item_id for card in feature.cards.cards] == ["urgent-warning-signs", "when-to-see-a-doctor"]
    assert "Please get medical care first" in feature.cards.heading.text()


def test_yes_to_a_note_marks_the_sign_before_the_day_is_saved(
    qtbot: QtBot, db_path: Path, modals: RedFlagWatcher, opened: list[MainWindow]
) -> None:
    window = _open(qtbot, db_path)
    opened.append(window)
    asked = Asked(answer=True)
    window.today.words.ask = asked
    _fill_pain(qtbot, window)
    qtbot.keyClicks(window.today.form.notes, "Can't feel when my bladder is full")
    _save(qtbot, window)
    sign = "not feeling when the bladder or bowel is full"
    assert [q[0] for q in asked.questions] == [sign]
    assert len(modals.red_flags) == 1 and modals.red_flags[0].startswith("Go to an emergency department now")
    with _journal(db_path) as journal:
        assert journal.day(TODAY).symptoms == (sign,)
        assert journal.red_flag_acks() == {TODAY: frozenset({sign})}
