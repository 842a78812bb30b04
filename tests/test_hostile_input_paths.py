"""Hostile input: paths and clocks as they are on real machines.

``~`` in ``--db`` is the home folder even where the shell did not expand it
(``--db=~/j.sqlite3``, quoted paths); a ``PAIN_JOURNAL_HOME`` that is a file
gets a plain message; and a day that is today where the patient is is never
"in the future", whatever the time zone.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from journal.cli import EXIT_USER_ERROR, main

ZONES = ("Pacific/Kiritimati", "Pacific/Pago_Pago", "Etc/GMT-14", "Etc/GMT+12", "Asia/Kolkata")


def test_tilde_in_db_is_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    monkeypatch.chdir(tmp_path)  # where a literal "~" folder would appear
    source = tmp_path / "in.csv"
    source.write_text(f"date,back_pain\n{dt.date.today() - dt.timedelta(days=1)},4\n", encoding="utf-8")
    assert main(["import", str(source), "--db=~/mine.sqlite3"]) == 0
    assert (tmp_path / "home" / "mine.sqlite3").is_file()
    assert not (tmp_path / "~").exists()
    assert main(["summary", "--db", "~/mine.sqlite3"]) == 0


def test_pain_journal_home_that_is_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    home.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PAIN_JOURNAL_HOME", str(home))
    assert main(["summary"]) == EXIT_USER_ERROR
    error = capsys.readouterr().err
    assert "PAIN_JOURNAL_HOME" in error and "is a file, not a folder" in error and "Traceback" not in error
    assert main(["--quit-after-startup"]) == EXIT_USER_ERROR
    assert "is a file, not a folder" in capsys.readouterr().err
    assert home.read_text(encoding="utf-8") == "not a folder"


SAVE_TODAY = (
    "import datetime as dt, sys, time\n"
    "from journal.cli import main\n"
    "from journal.core.day import DayEntry\n"
    "from journal.storage.journal import Journal\n"
    "local = dt.date.fromtimestamp(time.time())\n"
    "assert dt.date.today() == local\n"
    "journal = Journal.open(sys.argv[1])\n"
    "journal.save_day(DayEntry(local, 4))\n"
    "journal.close()\n"
    "open(sys.argv[2], 'w').write(f'date,back_pain\\n{local - dt.timedelta(days=1)},5\\n')\n"
    "assert main(['import', sys.argv[2], '--db', sys.argv[1]]) == 0\n"
    "assert main(['summary', '--db', sys.argv[1], '--to', local.isoformat()]) == 0\n"
    "print(local.isoformat())\n"
)


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="time zones are set per process only on POSIX")
@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.slow
def test_today_where_the_patient_is_is_never_the_future(zone: str, tmp_path: Path) -> None:
    env = {**os.environ, "TZ": zone}
    done = subprocess.run(
        [sys.executable, "-c", SAVE_TODAY, str(tmp_path / "j.sqlite3"), str(tmp_path / "d.csv")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    local_there = dt.datetime.now(dt.UTC).astimezone(_zone(zone)).date()
    assert done.stdout.strip().splitlines()[-1] == local_there.isoformat()


def _zone(name: str) -> dt.tzinfo:
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


SAVE_TODAY_IN_WINDOW = (
    "import datetime as dt, os, sys, time\n"
    "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
    "from PySide6.QtWidgets import QApplication\n"
    "from journal.ui.session import JournalSession\n"
    "from journal.ui.tasks import TaskRunner\n"
    "from journal.ui.today.view import TodayView\n"
    "app = QApplication([])\n"
    "session = JournalSession(TaskRunner())\n"
    "session.open(sys.argv[1])\n"
    "end = time.time() + 60\n"
    "while not session.ready and time.time() < end:\n"
    "    app.processEvents(); time.sleep(0.01)\n"
    "view = TodayView(session)\n"
    "local = dt.date.fromtimestamp(time.time())\n"
    "view.open_date(local)\n"
    "assert view.date == local, (view.date, local)\n"
    "view.form.back_pain.setValue(6)\n"
    "outcome = []\n"
    "view.save(outcome.append)\n"
    "while not outcome and time.time() < end:\n"
    "    app.processEvents(); time.sleep(0.01)\n"
    "assert outcome == [True], 'not saved'\n"
    "session.tasks.wait()\n"
    "assert session.journal.day(local).back_pain == 6\n"
    "session.close()\n"
    "print(local.isoformat())\n"
)


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="time zones are set per process only on POSIX")
@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Etc/GMT+12"])
@pytest.mark.slow
def test_the_window_saves_today_in_any_time_zone(zone: str, tmp_path: Path) -> None:
    from journal.storage.journal import Journal

    Journal.open(tmp_path / "j.sqlite3").close()
    env = {**os.environ, "TZ": zone}
    done = subprocess.run(
        [sys.executable, "-c", SAVE_TODAY_IN_WINDOW, str(tmp_path / "j.sqlite3")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    local_there = dt.datetime.now(dt.UTC).astimezone(_zone(zone)).date()
    assert done.stdout.strip().splitlines()[-1] == local_there.isoformat()
