"""Smoke test of a built bundle: ``python packaging/smoke.py dist/pain-journal``.

Runs the bundle's executable the way a patient's computer would, on a
temporary data folder (``PAIN_JOURNAL_HOME``) with Qt offscreen, and checks
each result: the version, a start-up of the window, a CSV import (and a bad
one that must change nothing), ``summary --json``, a PDF with its fonts, a
FHIR file, a chart as PNG and SVG, the menu entry, and that nothing from the
test dependencies is inside. Then it times start-up (``--quit-after-startup``)
of the bundle and of the source checkout, interleaved, and prints the medians.

Exit status 0 when every check passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT_S = 180
# Inside the bundle, these would mean test tools or unused toolkits were packed.
MUST_NOT_CONTAIN = (
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "scipy",
    "fhir",
    "importlinter",
    "tkinter",
    "_tkinter",
    "tcl",
    "tk",
)


class SmokeFailure(AssertionError):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


class Bundle:
    """The bundle's executable, run with a private data folder."""

    def __init__(self, folder: Path, home: Path) -> None:
        name = "pain-journal.exe" if sys.platform == "win32" else "pain-journal"
        self.folder = folder
        self.executable = folder / name
        self.home = home
        self.env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            PAIN_JOURNAL_HOME=str(home / "data"),
            XDG_DATA_HOME=str(home / "xdg-data"),
            XDG_CONFIG_HOME=str(home / "config"),
        )
        self.env.pop("PAIN_JOURNAL_STARTUP_TRACE", None)

    def run(self, *args: str, expect: int = 0) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [str(self.executable), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=self.env,
            timeout=TIMEOUT_S,
            cwd=self.home,
        )
        check(
            result.returncode == expect,
            f"`pain-journal {' '.join(args)}` exited {result.returncode}, not {expect}:\n"
            f"{result.stdout[-1500:]}{result.stderr[-3000:]}",
        )
        return result


def sample_csv(days: list[dt.date]) -> str:
    rows = ["date,back_pain,leg_pain,triggers,activities,notes"]
    for index, day in enumerate(days):
        rows.append(
            f'{day.isoformat()},{4 + index},{2 + index},long sitting,walking:{20 + 10 * index},"Day {index}: Rücken, 腰痛, ça va"'
        )
    return "\n".join(rows) + "\n"


def smoke(bundle: Bundle, work: Path) -> list[str]:
    """Every check in turn; returns what passed (raises SmokeFailure at the first failure)."""
    passed: list[str] = []

    def step(name: str, action: Callable[[], None]) -> None:
        action()
        passed.append(name)
        print(f"  ok  {name}", flush=True)

    today = dt.date.today()
    days = [today - dt.timedelta(days=offset) for offset in (3, 2, 1)]
    start, end = days[0].isoformat(), days[-1].isoformat()
    csv_file = work / "days.csv"
    csv_file.write_text(sample_csv(days), encoding="utf-8")
    journal_file = Path(bundle.env["PAIN_JOURNAL_HOME"]) / "journal.sqlite3"

    def version() -> None:
        from_source = _source_version()
        out = bundle.run("--version").stdout.strip()
        check(out == f"pain-journal {from_source}", f"--version printed {out!r}, expected {from_source}")

    def window_starts() -> None:
        bundle.run("--quit-after-startup")
        check(journal_file.is_file(), f"the window did not create {journal_file}")

    def import_csv() -> None:
        out = bundle.run("import", str(csv_file)).stdout
        check("Imported 3 days" in out, f"import said: {out!r}")

    def bad_import_changes_nothing() -> None:
        bad = work / "bad.csv"
        bad.write_text(f"date,back_pain\n{(today - dt.timedelta(days=9)).isoformat()},11\n", encoding="utf-8")
        before = journal_file.read_bytes()
        err = bundle.run("import", str(bad), expect=2).stderr
        check("line 2, column back_pain" in err, f"the bad import's message: {err!r}")
        check(journal_file.read_bytes() == before, "a failed import changed the journal file")

    def summary_json() -> None:
        out = bundle.run("summary", "--json", "--from", start, "--to", end).stdout
        summary = json.loads(out)
        check(summary["days_logged"] == 3, f"summary counts {summary['days_logged']} days, not 3")
        check(summary["back_pain"]["mean"] == 5.0, f"back pain mean {summary['back_pain']['mean']}, not 5.0")
        check(summary["back_pain"]["max"] == 6, "back pain max is not 6")
        notes = [note["text"] for note in summary["notes"]]
        check("Day 2: Rücken, 腰痛, ça va" in notes, f"notes came back as {notes}")

    def export_pdf() -> None:
        target = work / "summary.pdf"
        bundle.run("export", str(target), "--from", start, "--to", end, "--name", "Ann Smoke")
        data = target.read_bytes()
        check(data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), "the PDF is not a whole PDF")
        check(b"DejaVuSans" in data, "the PDF does not embed DejaVu Sans (its fonts were not bundled)")
        if shutil.which("pdftotext"):
            text = subprocess.run(
                ["pdftotext", str(target), "-"], capture_output=True, text=True, encoding="utf-8", timeout=60
            ).stdout
            check("Ann Smoke" in text and "Rücken" in text, "the PDF's text lacks the name or a note")

    def export_fhir() -> None:
        target = work / "journal.json"
        bundle.run("export", str(target), "--from", start, "--to", end)
        bundle_json = json.loads(target.read_text(encoding="utf-8"))
        check(
            bundle_json.get("resourceType") == "Bundle" and bundle_json.get("type") == "collection",
            "the FHIR file is not a collection Bundle",
        )
        observations = [entry["resource"] for entry in bundle_json["entry"] if entry["resource"]["resourceType"] == "Observation"]
        pain = [obs for obs in observations if any(code.get("code") == "72514-3" for code in obs["code"].get("coding", []))]
        check(len(pain) == 6, f"{len(pain)} pain observations, expected 6 (back and leg on 3 days)")

    def charts() -> None:
        for suffix, signature in ((".png", b"\x89PNG"), (".svg", b"<?xml")):
            target = work / f"chart{suffix}"
            bundle.run("chart", str(target), "--from", start, "--to", end)
            check(target.read_bytes().startswith(signature), f"the {suffix} chart is not a {suffix} file")
        cache = Path(bundle.env["PAIN_JOURNAL_HOME"]) / "cache" / "matplotlib"
        check(bool(list(cache.glob("fontlist*.json"))), f"matplotlib's font list was not kept in {cache}")

    def menu_entry() -> None:
        if not sys.platform.startswith("linux"):
            return
        bundle.run("--install-desktop-entry")
        entries = list((Path(bundle.env["XDG_DATA_HOME"]) / "applications").glob("*.desktop"))
        check(len(entries) == 1, f"expected one menu entry, found {entries}")
        exec_lines = [line for line in entries[0].read_text().splitlines() if line.startswith("Exec=")]
        expected = str(bundle.executable.resolve())
        check(len(exec_lines) == 1 and expected in exec_lines[0], f"the menu entry starts {exec_lines}, not {expected}")
        bundle.run("--uninstall-desktop-entry")
        check(not entries[0].exists(), "--uninstall-desktop-entry left the menu entry")

    def login_entry() -> None:
        if not sys.platform.startswith("linux"):
            return
        bundle.run("--start-at-login", "on")
        entry = Path(bundle.env["XDG_CONFIG_HOME"]) / "autostart" / "pain-journal.desktop"
        exec_lines = [line for line in entry.read_text(encoding="utf-8").splitlines() if line.startswith("Exec=")]
        words = shlex.split(exec_lines[0][len("Exec=") :]) if len(exec_lines) == 1 else []
        check(
            words == [str(bundle.executable.resolve()), "--tray"],
            f"the log-in entry starts {exec_lines}, not the bundle with --tray",
        )
        bundle.run("--start-at-login", "off")
        check(not entry.exists(), "--start-at-login off left the log-in entry")

    def no_test_dependencies() -> None:
        inside = bundle.folder / "_internal"
        names = {path.name.lower() for path in inside.iterdir()} if inside.is_dir() else set()
        found = sorted(name for name in names if name.split(".")[0] in MUST_NOT_CONTAIN)
        check(not found, f"the bundle carries {found}")

    for name, action in (
        ("--version", version),
        ("window starts offscreen", window_starts),
        ("import CSV", import_csv),
        ("a bad CSV changes nothing", bad_import_changes_nothing),
        ("the log-in entry starts the bundle", login_entry),
        ("summary --json", summary_json),
        ("export PDF", export_pdf),
        ("export FHIR", export_fhir),
        ("chart PNG and SVG", charts),
        ("menu entry installs and uninstalls", menu_entry),
        ("no test dependencies inside", no_test_dependencies),
    ):
        step(name, action)
    return passed


def _source_version() -> str:
    for line in (ROOT / "journal" / "__init__.py").read_text().splitlines():
        if line.startswith("__version__"):
            return line.split("=")[1].strip().strip('"')
    raise SmokeFailure("no __version__ in journal/__init__.py")


def startup_marks(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from launching ``command`` to its first_paint and ready marks."""
    env = dict(env, PAIN_JOURNAL_STARTUP_TRACE="1")
    launched = time.time()
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=TIMEOUT_S)
    if result.returncode != 0:
        raise SmokeFailure(f"start-up run failed ({result.returncode}): {result.stderr[-2000:]}")
    found = {}
    for line in result.stderr.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in ("first_paint", "ready"):
            found[parts[0]] = float(parts[1]) - launched
    return found


def time_startup(bundle: Bundle, source_python: Path, runs: int) -> dict[str, dict[str, float]]:
    """Medians (ms) of first paint and ready for the bundle and the source, runs interleaved."""
    import compileall

    compileall.compile_dir(str(ROOT / "journal"), quiet=1)  # as an installed copy would have
    commands = {
        "bundle": [str(bundle.executable), "--quit-after-startup"],
        "source": [str(source_python), str(ROOT / "main.py"), "--quit-after-startup"],
    }
    samples: dict[str, dict[str, list[float]]] = {name: {} for name in commands}
    for command in commands.values():  # one warm-up each: the first run reads from disk
        startup_marks(command, bundle.env)
    for _ in range(runs):
        for name, command in commands.items():
            for mark, seconds in startup_marks(command, bundle.env).items():
                samples[name].setdefault(mark, []).append(seconds)
    return {
        name: {mark: round(statistics.median(values) * 1000) for mark, values in marks.items()} for name, marks in samples.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", type=Path, help="the bundle folder, e.g. dist/pain-journal")
    parser.add_argument(
        "--startup-runs", type=int, default=7, help="start-up timings of the bundle and the source, interleaved (0: none)"
    )
    default_python = ROOT / ".venv" / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    parser.add_argument(
        "--source-python",
        type=Path,
        default=default_python if default_python.exists() else Path(sys.executable),
        help="the Python that runs main.py for the source timing",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pain-journal-smoke-") as temporary:
        work = Path(temporary)
        bundle = Bundle(args.bundle.resolve(), work)
        if not bundle.executable.is_file():
            print(f"smoke: no executable at {bundle.executable}", file=sys.stderr)
            return 1
        print(f"smoke test of {bundle.executable}")
        try:
            smoke(bundle, work)
            if args.startup_runs > 0:
                medians = time_startup(bundle, args.source_python, args.startup_runs)
                print(f"start-up, median of {args.startup_runs} interleaved runs (ms):")
                for name, marks in medians.items():
                    print(f"  {name:7} first paint {marks.get('first_paint')}  ready {marks.get('ready')}")
                (ROOT / "build").mkdir(exist_ok=True)
                (ROOT / "build" / "smoke-startup.json").write_text(
                    json.dumps({"runs": args.startup_runs, "median_ms": medians, "date": dt.date.today().isoformat()}, indent=2)
                )
        except (SmokeFailure, subprocess.TimeoutExpired, json.JSONDecodeError, KeyError, OSError) as failure:
            print(f"smoke: FAILED: {failure}", file=sys.stderr)
            return 1
    print("smoke: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
