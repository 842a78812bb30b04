"""The Linux menu entry: installed into the user's own folders, validated, removed again."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from journal import __version__
from journal.app.autostart import quote_exec_argument
from journal.cli import main
from journal.cli.desktop import (
    DESKTOP_TEMPLATE,
    METAINFO_TEMPLATE,
    PNG_SIZES,
    DesktopFiles,
    desktop_entry_text,
    install_desktop_entry,
    launch_command,
    uninstall_desktop_entry,
)
from journal.core.about import APP_ID
from journal.core.errors import UserError
from journal.core.resources import ICON_FILE

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the menu entry is for Linux")


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_install_writes_entry_icons_and_metainfo_under_xdg_data_home(data_home: Path) -> None:
    command = ["/opt/Pain Journal/pain-journal"]
    written = install_desktop_entry(command=command)

    files = DesktopFiles(data_home)
    assert sorted(written) == sorted(files.all())
    entry = read_entry(files.entry)
    assert entry["Exec"] == '"/opt/Pain Journal/pain-journal"'
    assert entry["Icon"] == APP_ID == files.svg_icon.stem
    assert entry["Name"] == "Pain Journal"
    assert files.svg_icon.read_bytes() == ICON_FILE.read_bytes()
    for size in PNG_SIZES:
        assert png_size(files.png_icon(size)) == (size, size)
    assert files.metainfo.read_bytes() == METAINFO_TEMPLATE.read_bytes()
    assert not list(data_home.rglob("*.partial"))


def test_command_line_installs_an_entry_that_starts_this_copy(data_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--install-desktop-entry"]) == 0

    exec_line = read_entry(DesktopFiles(data_home).entry)["Exec"]
    assert exec_line == " ".join(quote_exec_argument(part) for part in launch_command())
    first = Path(launch_command()[0])
    assert first.is_file() and first.is_absolute()
    assert "applications menu" in capsys.readouterr().out


def test_uninstall_removes_only_what_install_wrote_and_keeps_the_journal(
    data_home: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from journal.storage.paths import data_dir

    install_desktop_entry(command=["pain-journal"])
    other_app = data_home / "applications" / "org.example.Other.desktop"
    other_app.write_text("[Desktop Entry]\n")
    journal_file = data_dir() / "journal.sqlite3"
    journal_file.parent.mkdir(parents=True)
    journal_file.write_bytes(b"my years of days")

    assert main(["--uninstall-desktop-entry"]) == 0

    assert not any(path.exists() for path in DesktopFiles(data_home).all())
    assert other_app.exists()
    assert journal_file.read_bytes() == b"my years of days"
    out = capsys.readouterr().out
    assert "Removed the menu entry" in out and str(data_dir()) in out
    assert uninstall_desktop_entry() == []  # a second time: nothing left, no error


def test_a_failed_install_leaves_no_menu_entry(data_home: Path) -> None:
    data_home.mkdir()
    (data_home / "applications").write_text("a file where the folder should be")

    with pytest.raises(UserError, match="could not install the menu entry"):
        install_desktop_entry(command=["pain-journal"])

    assert (data_home / "applications").is_file()
    assert not list(data_home.rglob("*.desktop"))


def test_other_systems_are_told_the_bundle_is_the_app(data_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    with pytest.raises(UserError, match="macOS and Windows"):
        install_desktop_entry(command=["pain-journal"])
    assert not data_home.exists()


def test_a_bundle_starts_its_own_executable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    executable = tmp_path / "pain-journal" / "pain-journal"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    assert launch_command() == [str(executable)]


@pytest.mark.parametrize(
    ("argument", "quoted"),
    [
        ("/usr/bin/pain-journal", "/usr/bin/pain-journal"),
        ("/home/ann/My Apps/pain-journal", '"/home/ann/My Apps/pain-journal"'),
        ("/tmp/100%/a", "/tmp/100%%/a"),
        ('/odd/"quote"$dollar', '"/odd/\\\\"quote\\\\"\\\\$dollar"'),
    ],
)
def test_exec_arguments_are_quoted_as_the_specification_asks(argument: str, quoted: str) -> None:
    assert quote_exec_argument(argument) == quoted


def test_the_template_without_an_exec_line_is_refused(tmp_path: Path) -> None:
    template = tmp_path / "broken.desktop"
    template.write_text("[Desktop Entry]\nName=Pain Journal\n")
    with pytest.raises(ValueError, match="no Exec line"):
        desktop_entry_text(["pain-journal"], template)


def test_metainfo_names_the_entry_and_this_version() -> None:
    root = ElementTree.parse(METAINFO_TEMPLATE).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP_TEMPLATE.name
    assert root.findtext("project_license") == "MIT"
    releases = [release.get("version") for release in root.iter("release")]
    assert releases[0] == __version__  # the newest release comes first
    assert read_entry(DESKTOP_TEMPLATE)["Exec"] == "pain-journal"  # as a distribution installs it


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate is not installed (Debian/Ubuntu: desktop-file-utils)",
)
def test_desktop_files_pass_desktop_file_validate(data_home: Path) -> None:
    install_desktop_entry(command=["/opt/Pain Journal/pain-journal"])
    for path in (DESKTOP_TEMPLATE, DesktopFiles(data_home).entry):
        result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
        problems = [line for line in result.stdout.splitlines() if re.search(r"\b(error|warning):", line)]
        assert result.returncode == 0 and not problems, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli is not installed (Debian/Ubuntu: appstream)")
def test_metainfo_passes_appstreamcli_validate() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO_TEMPLATE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
