"""Features that plug into the main window: tabs, menu items, Today-view extras.

Each installer takes the window and adds what it needs, importing its heavy
modules only when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal.ui.host import WindowHost

INSTALLERS: tuple[str, ...] = (
    "journal.ui.keyboard_help:install_keyboard_help",  # first: its Help items before any feature's
    "journal.ui.trends.view:install",
    "journal.ui.export_dialog:install",
    "journal.ui.treatments:install",
    "journal.ui.function_check:install",
    "journal.ui.guidance.install:install",
    "journal.ui.safety.feature:install",
    "journal.ui.pacing:install",
    "journal.ui.import_other_app:install",
    "journal.ui.about_you_dialog:install",
    "journal.ui.readings:install",
    "journal.ui.reminders:install",  # last: its close filter must see Close before the others
)


def install_features(window: "WindowHost") -> None:
    import importlib

    for spec in INSTALLERS:
        module, _, name = spec.partition(":")
        getattr(importlib.import_module(module), name)(window)
