"""Help → User guide: one Markdown file, written for a patient, shown in the app and linked from the README."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from journal.core.catalog import CatalogKind, Urgency, default_catalog
from journal.ui.user_guide import USER_GUIDE_FILE, UserGuideDialog, user_guide_markdown
from tests.gui_helpers import close_window, open_window

ROOT = Path(__file__).resolve().parents[1]
#: The sections issue 13 asks for, each as words its heading must hold.
SECTIONS = {
    "logging": ("logging",),
    "the body map": ("body map",),
    "what Trends shows": ("trends", "shows"),
    "what Trends cannot": ("trends", "cannot"),
    "warning signs": ("warning signs",),
    "the doctor's summary": ("summary", "doctor"),
    "backups": ("backups",),
    "moving to another computer": ("moving", "another computer"),
}


def headings(markdown: str) -> list[str]:
    return [line.lstrip("#").strip() for line in markdown.splitlines() if line.startswith("## ")]


def section(markdown: str, words: tuple[str, ...]) -> str:
    """The text under the heading holding ``words``."""
    parts = re.split(r"^## ", markdown, flags=re.MULTILINE)
    return next(part for part in parts if all(word in part.splitlines()[0].lower() for word in words))


def test_every_section_the_issue_names_is_there() -> None:
    found = [heading.lower() for heading in headings(user_guide_markdown())]
    for name, words in SECTIONS.items():
        assert any(all(word in heading for word in words) for heading in found), f"no section on {name}: {found}"


def test_the_guide_is_in_plain_words_and_short_sentences() -> None:
    text = re.sub(r"`[^`]*`", "path", user_guide_markdown())
    sentences = [s for s in re.split(r"(?<=[.!?:])\s+|\n", text) if len(s.split()) > 2]
    lengths = [len(s.split()) for s in sentences]
    assert sum(lengths) / len(lengths) <= 14, "sentences average at most 14 words"
    assert max(lengths) <= 30, max(zip(lengths, sentences))
    for jargon in ("regression", "autocorrelat", "Benjamini", "confidence interval", "SQLite", "AR(1)"):
        assert jargon.lower() not in text.lower()


def test_warning_signs_name_every_urgent_sign_and_put_emergency_care_first() -> None:
    warning = section(user_guide_markdown(), ("warning signs",))
    for item in default_catalog():
        if item.kind is CatalogKind.SYMPTOM and item.urgency is Urgency.URGENT:
            assert item.name in warning, item.name
    assert "NICE" in warning  # the guideline the signs come from, named
    assert warning.index("emergency") < warning.index("message you must read")
    assert "does **not** make a diagnosis" in warning


def test_trends_section_says_association_not_cause_and_needs_enough_days() -> None:
    cannot = section(user_guide_markdown(), ("trends", "cannot"))
    assert "does not show what **causes**" in cannot and "**together**" in cannot
    assert "enough days" in cannot and "three months" in cannot


def test_moving_agrees_with_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    moving = section(user_guide_markdown(), ("moving",))
    for row in re.findall(r"^\| (Linux|macOS|Windows) +\| `([^`]+)`", readme, flags=re.MULTILINE):
        assert row[1] in moving, row
    assert "Moving to another computer" in readme
    for must in ("Close", "journal.sqlite3", "-wal", "-shm", "Restore from backup"):
        assert must in moving, must


def test_the_readme_links_the_same_file() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"({USER_GUIDE_FILE.relative_to(ROOT).as_posix()})" in readme
    assert USER_GUIDE_FILE.is_relative_to(ROOT / "resources")  # resources/ ships in the wheel (pyproject.toml, force-include)


def test_dialog_shows_the_guide_with_its_headings(qtbot: QtBot) -> None:
    dialog = UserGuideDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    shown = dialog.headings()
    assert shown[0] == "Pain Journal: a short guide"
    assert shown[1:] == headings(user_guide_markdown())
    assert "**" not in dialog.browser.toPlainText()  # rendered, not shown as raw Markdown
    assert dialog.browser.font().pointSizeF() > dialog.font().pointSizeF()  # larger type


def test_help_menu_opens_the_guide(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    texts = [action.text() for action in window.help_menu.actions()]
    assert "&User guide" in texts
    window.user_guide_action.trigger()
    dialog = window.findChild(UserGuideDialog)
    assert dialog is not None and dialog.isVisible()
    assert "Warning signs" in dialog.headings()
    window.user_guide_action.trigger()  # asked again: the same window comes forward
    assert window.findChildren(UserGuideDialog) == [dialog]
    dialog.close()
    close_window(window)


NEW_SECTIONS = {
    "Same as yesterday and undo": ("same as yesterday", "undo"),
    "Manage lists": ("lists",),
    "reminders": ("reminders",),
    "the sitting timer": ("sitting timer",),
    "the pacing plan": ("pacing plan",),
    "colours": ("colours",),
}


def test_the_guide_covers_every_feature_a_patient_can_use() -> None:
    found = [h.lower() for h in headings(user_guide_markdown())]
    for name, words in NEW_SECTIONS.items():
        assert any(all(word in heading for word in words) for heading in found), f"no section on {name}: {found}"
    text = user_guide_markdown()
    for menu in ("File → Settings", "View → Pacing plan", "View → Colours", "File → Manage lists", "Edit → Undo"):
        assert menu in text, menu


def test_f1_opens_the_guide_at_the_section_in_focus(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    assert window.user_guide_action.shortcut() == QKeySequence("F1")
    window.today.form.body_map.setFocus()
    window.user_guide_action.trigger()
    guide = window.findChild(UserGuideDialog)
    assert guide is not None
    qtbot.waitUntil(lambda: guide.current_heading() == "The body map", timeout=5_000)
    window.today.form.back_pain.setFocus()
    window.user_guide_action.trigger()
    qtbot.waitUntil(lambda: guide.current_heading() == "Logging a day", timeout=5_000)
    guide.close()
    close_window(window)


def test_the_guide_shows_its_screenshots_from_beside_it(qtbot: QtBot) -> None:
    """Each picture the guide names is a small PNG shipped under resources/help, and the viewer draws it."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QPixmap, QTextDocument

    names = re.findall(r"!\[[^\]]+\]\((images/[a-z0-9-]+\.png)\)", user_guide_markdown())
    assert len(names) >= 5
    dialog = UserGuideDialog()
    qtbot.addWidget(dialog)
    for name in names:
        path = USER_GUIDE_FILE.parent / name
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
        assert path.stat().st_size < 200_000, name
        image = dialog.browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert isinstance(image, QImage | QPixmap) and not image.isNull() and image.width() <= 560, name
