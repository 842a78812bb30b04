"""Light, dark and high contrast: readable text in every theme, the desktop followed live, the choice kept."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journal.ui import appearance, theme
from journal.ui.palettes import (
    COLOURS,
    DARK,
    HIGH_CONTRAST,
    HIGH_IS_BETTER,
    HIGH_IS_WORSE,
    LIGHT,
    Theme,
    ThemeChoice,
    contrast_ratio,
    text_pairs,
)
from journal.ui.style import style_sheet

UI = Path(__file__).resolve().parents[1] / "journal" / "ui"
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")


@pytest.mark.parametrize("which", list(Theme))
def test_every_text_colour_reaches_wcag_aa_on_its_background(which: Theme) -> None:
    too_faint = [
        f"{what}: {fg} on {bg} is {contrast_ratio(fg, bg):.2f}:1"
        for what, fg, bg in text_pairs(COLOURS[which])
        if contrast_ratio(fg, bg) < 4.5
    ]
    assert too_faint == []


def test_contrast_ratio_matches_the_wcag_definition() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic just-too-light grey
    assert contrast_ratio("#ffffff", "#b36b00") < 4.5  # the old "soon" chip: white on it was too faint


@pytest.mark.parametrize("which", list(Theme))
def test_every_style_rule_with_a_background_sets_its_text_colour(which: Theme) -> None:
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", style_sheet(COLOURS[which], 5))
    assert len(rules) > 20
    lonely = [selector.strip() for selector, body in rules if re.search(r"\bbackground:", body) and "color:" not in body]
    assert lonely == []


@pytest.mark.parametrize("which", list(Theme))
def test_every_colour_pair_written_in_the_style_sheet_is_readable(which: Theme) -> None:
    """Read from the style sheet itself: a rule's text on its own background, or on the window
    and group boxes when it sets only the text colour. Disabled controls are exempt (WCAG 1.4.3)."""
    colours = COLOURS[which]
    checked, faint = 0, []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", style_sheet(colours, 5)):
        text = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", body)
        if text is None or ":disabled" in selector:
            continue
        background = re.search(r"background:\s*(#[0-9a-fA-F]{6})", body)
        grounds = [background.group(1)] if background else [colours.window, colours.surface]
        for ground in grounds:
            checked += 1
            if contrast_ratio(text.group(1), ground) < 4.5:
                faint.append(f"{selector.strip()}: {text.group(1)} on {ground}")
    assert checked > 25
    assert faint == []


def test_no_colour_is_written_into_the_window_code_outside_the_palettes() -> None:
    """Colours live in palettes.py with their text colour; an icon draws both its own."""
    allowed = {UI / "palettes.py", UI / "reminders" / "prompts.py"}
    found = [
        f"{path.relative_to(UI)}:{number}: {line.strip()}"
        for path in sorted(UI.rglob("*.py"))
        if path not in allowed
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if HEX_COLOUR.search(line)
    ]
    assert found == []


def test_sleep_quality_reads_the_other_way_round_from_pain() -> None:
    assert tuple(reversed(HIGH_IS_WORSE)) == HIGH_IS_BETTER
    good_sleep = QColor(HIGH_IS_BETTER[8])
    assert good_sleep.blue() > good_sleep.red()  # calm blue, not warning orange
    strong_pain = QColor(HIGH_IS_WORSE[8])
    assert strong_pain.red() > strong_pain.blue()


@pytest.mark.parametrize(
    ("choice", "dark", "high", "expected"),
    [
        (ThemeChoice.SYSTEM, False, False, Theme.LIGHT),
        (ThemeChoice.SYSTEM, True, False, Theme.DARK),
        (ThemeChoice.SYSTEM, False, True, Theme.HIGH_CONTRAST),
        (ThemeChoice.LIGHT, True, False, Theme.LIGHT),
        (ThemeChoice.DARK, False, False, Theme.DARK),
        (ThemeChoice.HIGH_CONTRAST, True, False, Theme.HIGH_CONTRAST),
    ],
)
def test_the_choice_overrides_the_desktop(choice: ThemeChoice, dark: bool, high: bool, expected: Theme) -> None:
    assert appearance.resolve_theme(choice, system_dark=dark, system_high_contrast=high) is expected


@pytest.fixture
def themed_app(qapp: QApplication) -> Iterator[theme.ThemeManager]:
    """The app drawn through the theme manager; afterwards back to plain light, as other tests expect."""
    manager = theme.install_theme(qapp)
    yield manager
    manager.set_choice(ThemeChoice.LIGHT)  # the native style again
    manager.set_choice(ThemeChoice.SYSTEM)
    qapp.setStyleSheet("")
    qapp.setPalette(QPalette())
    appearance.open_settings().clear()


def test_follows_the_desktop_scheme_live(themed_app: theme.ThemeManager, monkeypatch: pytest.MonkeyPatch) -> None:
    themed_app.set_choice(ThemeChoice.SYSTEM)
    assert themed_app.theme is Theme.LIGHT
    monkeypatch.setattr(theme, "system_prefers_dark", lambda: True)
    switched: list[Theme] = []
    themed_app.changed.connect(switched.append)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the desktop turned dark
    now: Theme = themed_app.theme  # changed by the signal, behind the checker's back
    assert now is Theme.DARK and switched == [Theme.DARK]
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == DARK.window
    assert f"background: {DARK.window}" in QApplication.instance().styleSheet()

    themed_app.set_choice(ThemeChoice.LIGHT)  # the patient's choice wins over the desktop
    assert themed_app.theme is Theme.LIGHT


def test_the_view_menu_choice_is_kept_for_next_time(qtbot: QtBot, db_path: Path, themed_app: theme.ThemeManager) -> None:
    from tests.gui_helpers import close_window, open_window

    window = open_window(qtbot, db_path)
    actions = {a.text(): a for a in window.colours_menu.actions()}
    assert set(actions) == {"As the &system", "&Light", "&Dark", "&High contrast"}
    actions["&High contrast"].trigger()
    assert themed_app.theme is Theme.HIGH_CONTRAST
    assert appearance.open_settings().value(appearance.SETTINGS_KEY) == "high-contrast"
    assert theme.ThemeManager(QApplication.instance()).choice is ThemeChoice.HIGH_CONTRAST  # type: ignore[arg-type]

    # The scales paint in the theme too: an unchosen box on the theme's field colour.
    scale = window.today.form.back_pain
    image = scale.grab().toImage()
    centre = scale.box_rect(2).center()
    assert image.pixelColor(QPoint(centre.x() + 6, centre.y() + 6)).name() == HIGH_CONTRAST.base
    close_window(window)


def test_charts_on_screen_follow_the_theme_and_saved_pictures_stay_light(tmp_path: Path) -> None:
    import datetime as dt

    from matplotlib.text import Text

    from journal.core.day import DayEntry
    from journal.core.trend_series import trend_series
    from journal.formats.charts import draw_trend_chart, new_figure, save_figure
    from journal.ui.trends.chart_theme import print_colours, theme_figure

    end = dt.date(2026, 3, 31)
    days = [DayEntry(date=end - dt.timedelta(days=i), back_pain=i % 9, leg_pain=2) for i in range(40)]
    figure = new_figure()
    draw_trend_chart(figure, trend_series(days, end - dt.timedelta(days=89), end))
    figure.canvas.draw()
    theme_figure(figure, DARK)
    figure.canvas.draw()
    assert QColor(_hex(figure.get_facecolor())).name() == DARK.window
    texts = [t for t in figure.findobj(Text) if t.get_text() and t.get_visible()]
    faint = [
        t.get_text()
        for t in texts
        if t.axes is None or t.get_transform() != t.axes.transData
        if contrast_ratio(_hex(t.get_color()), DARK.window) < 4.5
    ]
    assert faint == []

    with print_colours(figure):
        assert QColor(_hex(figure.get_facecolor())).name() == "#ffffff"
        save_figure(figure, tmp_path / "chart.png")
    from PySide6.QtGui import QImage

    assert QImage(str(tmp_path / "chart.png")).pixelColor(3, 3).name() == "#ffffff"  # the picture is for printing
    assert QColor(_hex(figure.get_facecolor())).name() == DARK.window
    theme_figure(figure, LIGHT)
    assert QColor(_hex(figure.get_facecolor())).name() == "#ffffff"


def _hex(colour: object) -> str:
    from matplotlib.colors import to_hex

    return to_hex(colour)  # type: ignore[arg-type]


def test_the_day_form_paints_good_sleep_calm_and_strong_pain_orange(qtbot: QtBot) -> None:
    from journal.ui.today.form import DayForm

    form = DayForm()
    qtbot.addWidget(form)
    form.resize(1000, 1400)
    form.sleep_quality.setValue(8)
    form.back_pain.setValue(8)
    for scale, expected in ((form.sleep_quality, HIGH_IS_BETTER[8]), (form.back_pain, HIGH_IS_WORSE[8])):
        image = scale.grab().toImage()
        assert image.pixelColor(scale.box_rect(8).center() + QPoint(0, 8)).name() == expected


def test_follows_the_desktops_high_contrast_request_live(themed_app: theme.ThemeManager, monkeypatch: pytest.MonkeyPatch) -> None:
    themed_app.set_choice(ThemeChoice.SYSTEM)
    accessibility = themed_app._accessibility
    if accessibility is None:
        pytest.skip("this Qt does not report the desktop's contrast preference")
    monkeypatch.setattr(theme, "system_prefers_high_contrast", lambda: True)
    accessibility.contrastPreferenceChanged.emit(Qt.ContrastPreference.HighContrast)
    assert themed_app.theme is Theme.HIGH_CONTRAST
    assert QApplication.palette().color(QPalette.ColorRole.WindowText).name() == HIGH_CONTRAST.text


def test_the_calendars_days_not_logged_match_their_key_in_dark() -> None:
    import datetime as dt

    from matplotlib.colors import to_hex
    from matplotlib.patches import Patch

    from journal.core.day import DayEntry
    from journal.formats.charts import new_figure
    from journal.formats.heatmap import HeatmapChart
    from journal.ui.trends.chart_theme import theme_figure

    end = dt.date(2026, 3, 31)
    days = [DayEntry(date=end - dt.timedelta(days=i), back_pain=i % 9) for i in range(0, 40, 3)]  # gaps between
    figure = new_figure(layout=None)
    chart = HeatmapChart(figure)
    chart.update(days, end - dt.timedelta(days=59), end)
    theme_figure(figure, DARK)
    cells = to_hex(tuple(chart.image.get_cmap().get_bad()))
    assert cells != "#cfd4da"  # no longer the light print grey on a dark page
    legend = chart.cax.get_legend()
    key = next(h for h, t in zip(legend.legend_handles, legend.texts) if t.get_text() == "Not logged")
    assert isinstance(key, Patch) and to_hex(key.get_facecolor()) == cells
    theme_figure(figure, LIGHT)
    assert to_hex(tuple(chart.image.get_cmap().get_bad())) == "#cfd4da"


@pytest.mark.parametrize("choice", [ThemeChoice.DARK, ThemeChoice.HIGH_CONTRAST])
def test_a_ticked_box_shows_its_tick_in_dark_and_high_contrast(
    qtbot: QtBot, themed_app: theme.ThemeManager, choice: ThemeChoice
) -> None:
    from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton

    themed_app.set_choice(choice)
    box = QCheckBox("Start Pain Journal in the tray when I log in")
    qtbot.addWidget(box)
    box.setChecked(True)
    box.show()
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    image = box.grab().toImage()
    ratio = image.devicePixelRatio()
    centre = indicator.center()
    colours = {
        image.pixelColor(int((centre.x() + dx) * ratio), int((centre.y() + dy) * ratio)).lightness()
        for dx in range(-4, 5)
        for dy in range(-4, 5)
    }
    accent = QColor(themed_app.colours.accent).lightness()
    assert min(colours) < accent - 100, "no dark tick drawn on the ticked box"


@pytest.mark.parametrize("which", list(Theme))
def test_a_disabled_save_button_does_not_look_pressable(qtbot: QtBot, which: Theme) -> None:
    """The first frame (and a save under way) shows Save disabled: not in the accent colour of an enabled Save."""
    from PySide6.QtWidgets import QPushButton

    colours = COLOURS[which]
    button = QPushButton("Save day")
    button.setObjectName("saveButton")
    button.setStyleSheet(style_sheet(colours, 5))
    qtbot.addWidget(button)
    button.resize(160, 48)
    button.setEnabled(False)
    disabled = button.grab().toImage().pixelColor(QPoint(20, 24)).name()
    button.setEnabled(True)
    enabled = button.grab().toImage().pixelColor(QPoint(20, 24)).name()
    assert enabled == colours.accent
    assert disabled != colours.accent
