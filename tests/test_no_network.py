"""Privacy: a whole session in the window never opens a network connection, and nothing
a person writes about their health reaches the log."""

from __future__ import annotations

import datetime as dt
import json
import logging
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from journal.core.sample_data import sample_days
from journal.storage.journal import Journal
from tests.gui_helpers import close_window, open_date_and_wait, open_window, stored_day

NETWORK_FAMILIES = {socket.AF_INET, socket.AF_INET6}
NOTE = "Quokka-lavender 4417: flare after carrying the shopping"


class NetworkRecorder:
    """Records every attempt to make an internet socket, resolve a name or connect.

    Unix-domain sockets (AF_UNIX) stay on this computer and are not recorded.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[str] = []
        original_init = socket.socket.__init__
        original_connect = socket.socket.connect
        original_connect_ex = socket.socket.connect_ex
        recorder = self

        def init(sock: socket.socket, family: int = -1, type: int = -1, proto: int = -1, fileno: int | None = None) -> None:
            if fileno is None and (family == -1 or family in NETWORK_FAMILIES):
                recorder.calls.append(f"socket(family={family})")
            original_init(sock, family, type, proto, fileno)

        def connect(sock: socket.socket, address: Any) -> None:
            if sock.family in NETWORK_FAMILIES:
                recorder.calls.append(f"connect({address!r})")
            original_connect(sock, address)

        def connect_ex(sock: socket.socket, address: Any) -> int:
            if sock.family in NETWORK_FAMILIES:
                recorder.calls.append(f"connect_ex({address!r})")
            return original_connect_ex(sock, address)

        def create_connection(address: object, *args: object, **kwargs: object) -> socket.socket:
            recorder.calls.append(f"create_connection({address!r})")
            raise OSError("network access is not allowed in this test")

        def getaddrinfo(host: object, *args: object, **kwargs: object) -> list[object]:
            recorder.calls.append(f"getaddrinfo({host!r})")
            raise OSError("network access is not allowed in this test")

        monkeypatch.setattr(socket.socket, "__init__", init)
        monkeypatch.setattr(socket.socket, "connect", connect)
        monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
        monkeypatch.setattr(socket, "create_connection", create_connection)
        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture
def network(monkeypatch: pytest.MonkeyPatch) -> Iterator[NetworkRecorder]:
    yield NetworkRecorder(monkeypatch)


def test_the_recorder_sees_internet_sockets_but_not_local_ones(network: NetworkRecorder) -> None:
    local = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    local.close()
    assert network.calls == []
    internet = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    internet.close()
    with pytest.raises(OSError):
        socket.create_connection(("example.org", 443))
    assert len(network.calls) == 2


@pytest.fixture
def sample_journal(db_path: Path) -> Path:
    journal = Journal.open(db_path)
    journal.import_days(sample_days(end=dt.date.today() - dt.timedelta(days=1)))
    journal.close()
    return db_path


def _save_today_with_note(qtbot: QtBot, window: object) -> None:
    today_view = window.today  # type: ignore[attr-defined]
    form = today_view.form
    assert open_date_and_wait(qtbot, window, dt.date.today())  # type: ignore[arg-type]
    form.back_pain.setFocus()
    qtbot.keyClick(form.back_pain, Qt.Key.Key_5)
    form.notes.clear()
    qtbot.keyClicks(form.notes, NOTE)
    with qtbot.waitSignal(today_view.saved, timeout=10_000):
        qtbot.mouseClick(today_view.save_button, Qt.MouseButton.LeftButton)
    saved = stored_day(qtbot, window, dt.date.today())  # type: ignore[arg-type]
    assert saved is not None and saved.notes == NOTE


@pytest.mark.slow
def test_a_whole_session_opens_no_network_connection(
    qtbot: QtBot, sample_journal: Path, tmp_path: Path, network: NetworkRecorder
) -> None:
    from journal.app.reports import ExportFormat
    from journal.ui.export_dialog import open_export_dialog
    from journal.ui.main_window import LazyTab

    window = open_window(qtbot, sample_journal)
    qtbot.waitUntil(lambda: window.tabs.count() >= 4, timeout=5_000)  # features are installed
    _save_today_with_note(qtbot, window)

    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        tab = window.tabs.widget(index)
        if isinstance(tab, LazyTab):
            content = tab.build()
            if hasattr(content, "chartsReady"):  # Trends: wait for the charts to be drawn
                qtbot.waitUntil(lambda c=content: getattr(c, "chart", None) is not None, timeout=20_000)  # type: ignore[misc]
        qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=20_000)
    titles = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
    assert {"Today", "History", "Trends", "Guidance"} <= set(titles)

    dialog = open_export_dialog(window)
    assert dialog is not None
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=10_000)
    for fmt, name in ((ExportFormat.PDF, "summary.pdf"), (ExportFormat.FHIR, "summary.json")):
        with qtbot.waitSignal(dialog.finished_export, timeout=30_000):
            dialog.export_to(tmp_path / name, fmt)
        assert (tmp_path / name).stat().st_size > 0
    assert json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))["resourceType"] == "Bundle"
    dialog.close()
    close_window(window)

    assert network.calls == []


def test_saving_a_day_logs_nothing_of_what_was_written(
    qtbot: QtBot, sample_journal: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="journal")
    window = open_window(qtbot, sample_journal)
    _save_today_with_note(qtbot, window)
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=10_000)
    close_window(window)
    logged = [record.getMessage() for record in caplog.records]
    logged += [repr(record.args) for record in caplog.records]
    assert not any(NOTE in text or "Quokka" in text for text in logged)
    assert "Quokka" not in caplog.text
