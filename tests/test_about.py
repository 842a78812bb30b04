"""Version, Help → About, the app icon, and finding resources from a bundle."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from journal import __version__
from journal.cli import main
from journal.core import resources
from journal.core.about import APP_ID, guidance_sources
from journal.core.guidance import SOURCE_FILES
from tests.gui_helpers import close_window, open_window

ROOT = Path(__file__).resolve().parents[1]


def test_version_is_printed_and_matches_the_package(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert capsys.readouterr().out.strip() == f"pain-journal {declared}"
    assert __version__ == declared


def test_guidance_sources_name_the_four_documents_with_readable_titles() -> None:
    sources = guidance_sources()
    assert len(sources) == len(SOURCE_FILES) == 4
    for source in sources:
        assert source and ".txt" not in source
    assert any(s.startswith("Why does lumbar disc herniation get worse despite treatment?") for s in sources)


def test_resources_are_found_inside_a_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert resources._resources_dir() == ROOT / "resources"
    assert resources.ICON_FILE.is_file()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources._resources_dir() == tmp_path / "resources"


def test_the_icon_draws_at_small_and_large_sizes(qtbot: QtBot) -> None:
    from PySide6.QtGui import QColor

    from journal.ui.icon import render_icon

    for size in (16, 256):
        image = render_icon(size)
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(0, 0).alpha() == 0  # transparent corner (rounded square)
        centre = image.pixelColor(size // 2, size // 2)
        assert centre.alpha() == 255 and centre != QColor(0, 0, 0)


def test_the_icon_that_cannot_be_read_is_an_error(tmp_path: Path) -> None:
    from journal.ui.icon import render_icon

    bad = tmp_path / "bad.svg"
    bad.write_text("not an svg")
    with pytest.raises(OSError, match="cannot read the icon"):
        render_icon(32, bad)


def test_windows_get_the_icon_and_the_desktop_entry_name(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    from journal.ui.icon import set_identity

    app = QApplication.instance()
    set_identity(app)  # type: ignore[arg-type]
    assert not app.windowIcon().isNull()
    assert not app.windowIcon().pixmap(32, 32).isNull()
    assert app.desktopFileName() == APP_ID


def test_about_shows_version_location_licence_and_sources(qtbot: QtBot, db_path: Path) -> None:
    from journal.ui.about import AboutDialog

    window = open_window(qtbot, db_path)
    try:
        dialog = AboutDialog(window.session, window)
        qtbot.addWidget(dialog)
        text = "\n".join(label.text() for label in dialog.findChildren(type(dialog.location)))
        assert f"Version {__version__}" in text
        assert dialog.location.text() == str(db_path)
        assert "MIT licence" in dialog.licence.text()
        for source in guidance_sources():
            assert source in dialog.sources.text()
        assert "Backups:" in text
    finally:
        close_window(window)


def test_about_on_sample_data_says_it_is_not_saved(qtbot: QtBot) -> None:
    from journal.ui.about import AboutDialog

    window = open_window(qtbot, None, demo=True)
    try:
        dialog = AboutDialog(window.session, window)
        qtbot.addWidget(dialog)
        assert "sample data, which is not saved" in dialog.location.text()
    finally:
        close_window(window)


def test_help_menu_opens_about(qtbot: QtBot, db_path: Path) -> None:
    from journal.ui.about import AboutDialog

    window = open_window(qtbot, db_path)
    try:
        about = next(action for action in window.help_menu.actions() if "About" in action.text())
        about.trigger()
        qtbot.waitUntil(lambda: any(isinstance(w, AboutDialog) and w.isVisible() for w in window.children()))
        dialog = next(w for w in window.children() if isinstance(w, AboutDialog))
        assert str(db_path) in dialog.location.text()
        dialog.reject()
    finally:
        close_window(window)
