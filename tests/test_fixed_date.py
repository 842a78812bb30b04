"""The screenshots' fixed date: today and now answer one moment, and dates still compare and check as dates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHECK = """
import datetime as dt
real = dt.date(2024, 5, 6)
real_moment = dt.datetime(2024, 5, 6, 7, 8)
from journal.ui.tools.fixed_date import freeze
freeze(dt.datetime(2026, 3, 18, 19, 30))
today = dt.date.today()
assert (today.year, today.month, today.day) == (2026, 3, 18), today
assert dt.datetime.now() == dt.datetime(2026, 3, 18, 19, 30)
assert isinstance(real, dt.date) and isinstance(today, dt.date) and not isinstance(real, dt.datetime)
assert isinstance(real_moment, dt.datetime) and isinstance(real_moment, dt.date)
assert today - real == dt.timedelta(days=681) and today > real and today == dt.date(2026, 3, 18)
assert {today: 1}[dt.date.fromisoformat("2026-03-18")] == 1
assert (today + dt.timedelta(days=1)).isoformat() == "2026-03-19"
import journal.ui.session  # the journal's own calls see the fixed day
from journal.core.sample_data import sample_days
assert sample_days()[-1].date == today
print("ok")
"""


def test_freeze_fixes_today_and_now_for_the_whole_process() -> None:
    done = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
