"""Pacing plans in the window: Today's plan hints, the plan dialog, Trends' pacing tab, guidance links."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal.ui.host import WindowHost


def install(window: "WindowHost") -> None:
    from journal.ui.pacing.feature import PacingFeature

    PacingFeature(window)
