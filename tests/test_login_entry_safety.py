"""The log-in entry by the freedesktop rules, and the files beside it private whatever the umask.

Before: a newline in the journal's path wrote a second ``Exec=`` line; ``%f`` in the
path became a field code; under umask 000 the entry and ``reminders.ini`` were
world-writable; the entry went through a fixed ``.partial`` name and followed a
symlink planted there; an unwritable autostart folder gave a traceback; a
relative ``XDG_CONFIG_HOME`` was used; the bundle's entry ran ``-m journal``.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from journal.app import autostart
from journal.cli import main
from journal.core.errors import UserError

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and links")


@pytest.fixture
def open_umask() -> Iterator[None]:
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def exec_arguments(value: str) -> list[str]:
    """Read an ``Exec`` value back as the Desktop Entry specification says a desktop does."""
    # 1. the string escapes of every key value
    text, i, unescaped = value, 0, []
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            unescaped.append({"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}.get(text[i + 1], "\\" + text[i + 1]))
            i += 2
        else:
            unescaped.append(text[i])
            i += 1
    text = "".join(unescaped)
    # 2. the Exec quoting
    arguments: list[str] = []
    current, quoted, i, started = "", False, 0, False
    while i < len(text):
        char = text[i]
        if quoted:
            if char == "\\" and i + 1 < len(text) and text[i + 1] in '"`$\\':
                current += text[i + 1]
                i += 1
            elif char == '"':
                quoted = False
            else:
                current += char
        elif char == '"':
            quoted, started = True, True
        elif char == " ":
            if started or current:
                arguments.append(current)
            current, started = "", False
        else:
            assert char not in "\t\n'\\><~|&;$*?#()`", f"unquoted reserved character {char!r}"
            current += char
            started = True
        i += 1
    if started or current:
        arguments.append(current)
    # 3. field codes: %% is a literal %, any other % code would be expanded by the desktop
    for argument in arguments:
        assert "%" not in argument.replace("%%", ""), f"a field code in {argument!r}"
    return [argument.replace("%%", "%") for argument in arguments]


def _exec_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("Exec=")]


@pytest.mark.parametrize(
    "journal_path",
    [
        "/home/ann/100% me/journal.sqlite3",
        "/home/ann/%f %u %%/journal.sqlite3",
        '/home/ann/it\'s "mine" $HOME `id` \\ ; & | * ? # ( ) < > ~/journal.sqlite3',
        "/home/ann/tab\there/journal.sqlite3",
    ],
)
def test_the_entry_starts_exactly_the_journal_it_names(private_home: Path, journal_path: str) -> None:
    command = autostart.tray_command(Path(journal_path), platform="linux", python="/usr/bin/python3", frozen=False)
    where = Path(autostart.enable(command, platform="linux"))
    lines = _exec_lines(where)
    assert len(lines) == 1
    assert exec_arguments(lines[0][len("Exec=") :]) == command


@pytest.mark.parametrize("bad", ["/home/ann/a\nExec=rm -rf ~/journal.sqlite3", "/home/ann/a\rb.sqlite3", "/x/\x1b.sqlite3"])
def test_a_path_with_a_line_break_is_refused_and_nothing_is_written(private_home: Path, bad: str) -> None:
    command = autostart.tray_command(Path(bad), platform="linux", python="/usr/bin/python3", frozen=False)
    with pytest.raises(autostart.EntryError, match="line break or another control character"):
        autostart.enable(command, platform="linux")
    assert not (private_home / "config" / "autostart" / "pain-journal.desktop").exists()


@posix_only
def test_the_entry_is_owner_only_in_an_owner_only_folder_under_umask_000(private_home: Path, open_umask: None) -> None:
    where = Path(autostart.enable(["/usr/bin/python3", "-m", "journal", "--tray"], platform="linux"))
    assert _mode(where) == 0o600
    assert _mode(where.parent) == 0o700 and _mode(where.parent.parent) == 0o700


@posix_only
def test_a_link_planted_at_the_old_temporary_name_is_never_followed(private_home: Path, tmp_path: Path) -> None:
    folder = private_home / "config" / "autostart"
    folder.mkdir(parents=True)
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched", encoding="utf-8")
    os.symlink(victim, folder / "pain-journal.desktop.partial")
    autostart.enable(["/usr/bin/python3", "-m", "journal", "--tray"], platform="linux")
    assert victim.read_text(encoding="utf-8") == "untouched"
    assert (folder / "pain-journal.desktop").is_file() and not (folder / "pain-journal.desktop").is_symlink()


@posix_only
def test_an_unwritable_autostart_folder_gets_a_plain_message(private_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = private_home / "config" / "autostart"
    folder.mkdir(parents=True)
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who may write anywhere")
        with pytest.raises(UserError, match="read-only"):
            autostart.enable(["/usr/bin/python3", "-m", "journal", "--tray"], platform="linux")
        assert main(["--start-at-login", "on"]) == 2
        err = capsys.readouterr().err
        assert "log-in entry" in err and "Traceback" not in err
    finally:
        folder.chmod(0o700)


def test_an_autostart_path_that_is_a_file_gets_a_plain_message(private_home: Path) -> None:
    (private_home / "config").mkdir(parents=True)
    (private_home / "config" / "autostart").write_text("", encoding="utf-8")
    with pytest.raises(UserError, match="is a file, not a folder"):
        autostart.enable(["/usr/bin/python3", "-m", "journal", "--tray"], platform="linux")


def test_a_relative_xdg_config_home_is_ignored(tmp_path: Path) -> None:
    path = autostart.entry_path(platform="linux", env={"XDG_CONFIG_HOME": "relative/config"}, home=tmp_path)
    assert path == tmp_path / ".config" / "autostart" / "pain-journal.desktop"


def test_a_bundle_entry_starts_the_bundle_itself() -> None:
    command = autostart.tray_command(Path("/j.sqlite3"), platform="linux", python="/opt/pain-journal/pain-journal", frozen=True)
    assert command == ["/opt/pain-journal/pain-journal", "--tray", "--db", "/j.sqlite3"]


def test_the_command_line_writes_and_removes_the_entry(private_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--start-at-login", "on", "--db", str(private_home / "j.sqlite3")]) == 0
    entry = private_home / "config" / "autostart" / "pain-journal.desktop"
    words = exec_arguments(_exec_lines(entry)[0][len("Exec=") :])
    assert words[-3:] == ["--tray", "--db", str(private_home / "j.sqlite3")]
    assert main(["--start-at-login", "off"]) == 0 and not entry.exists()


@posix_only
def test_reminder_settings_are_owner_only_under_umask_000(private_home: Path, open_umask: None) -> None:
    from PySide6.QtCore import QSettings

    from journal.core.reminders import ReminderSettings
    from journal.ui.reminders import store

    path = private_home / "config" / "pain-journal" / "reminders.ini"
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    store.save(settings, ReminderSettings())
    assert path.is_file()
    assert _mode(path) == 0o600 and _mode(path.parent) == 0o700
