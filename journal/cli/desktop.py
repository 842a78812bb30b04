"""The Linux menu entry: ``--install-desktop-entry`` and ``--uninstall-desktop-entry``.

Installs into the user's own folders under ``$XDG_DATA_HOME`` (default
``~/.local/share``), never system-wide:

* ``applications/<APP_ID>.desktop``, whose ``Exec`` starts this copy of the
  app (the bundle's executable, or this Python with main.py);
* ``icons/hicolor/scalable/apps/<APP_ID>.svg`` and PNG sizes drawn from it;
* ``metainfo/<APP_ID>.metainfo.xml`` (AppStream, for software centres).

The templates in resources/desktop/ are what a distribution package installs
as they are (``Exec=pain-journal``). Uninstalling removes exactly these files;
the journal and its backups stay where they are.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from journal.app.autostart import quote_exec_argument
from journal.core.about import APP_ID
from journal.core.errors import UserError
from journal.core.resources import ICON_FILE, RESOURCES_DIR

DESKTOP_TEMPLATE = RESOURCES_DIR / "desktop" / f"{APP_ID}.desktop"
METAINFO_TEMPLATE = RESOURCES_DIR / "desktop" / f"{APP_ID}.metainfo.xml"
#: PNG sizes for icon themes and menus that do not draw SVG (48 is the hicolor minimum).
PNG_SIZES: tuple[int, ...] = (48, 64, 128, 256)


@dataclass(frozen=True)
class DesktopFiles:
    """Where each installed file goes under one data folder."""

    data_home: Path

    @property
    def entry(self) -> Path:
        return self.data_home / "applications" / f"{APP_ID}.desktop"

    @property
    def metainfo(self) -> Path:
        return self.data_home / "metainfo" / f"{APP_ID}.metainfo.xml"

    @property
    def svg_icon(self) -> Path:
        return self.data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"

    def png_icon(self, size: int) -> Path:
        return self.data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"

    def all(self) -> list[Path]:
        return [self.entry, self.metainfo, self.svg_icon, *(self.png_icon(size) for size in PNG_SIZES)]


def data_home() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset or not absolute (as the spec says)."""
    configured = os.environ.get("XDG_DATA_HOME", "")
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path.home() / ".local" / "share"


def launch_command() -> list[str]:
    """The command that starts this copy of the app.

    A bundle's own executable; else the ``pain-journal`` script that
    ``pip install`` put beside this Python; else this Python with main.py.
    """
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.executable).parent / "pain-journal"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script.absolute())]
    main_py = Path(__file__).resolve().parents[2] / "main.py"
    return [str(Path(sys.executable).absolute()), str(main_py)]


def desktop_entry_text(command: list[str], template: Path = DESKTOP_TEMPLATE) -> str:
    """The template with its ``Exec`` line starting ``command``."""
    exec_line = "Exec=" + " ".join(quote_exec_argument(part) for part in command)
    lines = template.read_text(encoding="utf-8").splitlines()
    if not any(line.startswith("Exec=") for line in lines):
        raise ValueError(f"{template} has no Exec line")
    return "\n".join(exec_line if line.startswith("Exec=") else line for line in lines) + "\n"


def _require_linux() -> None:
    if not sys.platform.startswith("linux"):
        raise UserError(
            "the menu entry is for Linux desktops; on macOS and Windows "
            "the app bundle itself is the app (see the README, Installing)"
        )


def install_desktop_entry(home: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the menu entry, icons and metainfo under ``home`` (default :func:`data_home`).

    Returns the files written. Each is written to a temporary name first and then
    renamed, so a failure leaves no half-written entry behind.

    Raises:
        UserError: not Linux, or a file cannot be written.
    """
    _require_linux()
    files = DesktopFiles(home or data_home())
    command = command or launch_command()
    written: list[Path] = []
    try:
        _write(files.svg_icon, ICON_FILE.read_bytes())
        written.append(files.svg_icon)
        for size, png in _png_icons().items():
            _write(files.png_icon(size), png)
            written.append(files.png_icon(size))
        _write(files.metainfo, METAINFO_TEMPLATE.read_bytes())
        written.append(files.metainfo)
        # The entry last: the menu shows it only once its icon is in place.
        _write(files.entry, desktop_entry_text(command).encode("utf-8"))
        written.append(files.entry)
    except OSError as error:
        raise UserError(f"could not install the menu entry: {error}") from error
    return written


def uninstall_desktop_entry(home: Path | None = None) -> list[Path]:
    """Remove what :func:`install_desktop_entry` wrote; return the files removed (none is fine)."""
    _require_linux()
    removed = []
    for path in DesktopFiles(home or data_home()).all():
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise UserError(f"could not remove {path}: {error}") from error
        removed.append(path)
    return removed


def _png_icons() -> dict[int, bytes]:
    """The icon drawn at :data:`PNG_SIZES` (empty when Qt's SVG support is missing)."""
    try:
        from journal.ui.icon import icon_pngs
    except ImportError:
        return {}
    return icon_pngs(PNG_SIZES)


def _write(path: Path, content: bytes) -> None:
    """Write a menu file whole, through a new temporary file (never a planted name or link).

    Menu entries and icons are read by the desktop, not private: 0644.
    """
    from journal.files.atomic import write_bytes_atomically

    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomically(path, content)
    path.chmod(0o644)


def run_install(_args: object = None) -> int:
    written = install_desktop_entry()
    entry = written[-1]
    print(f"Installed Pain Journal in your applications menu ({entry}).")
    print(f"It starts: {' '.join(launch_command())}")
    return 0


def run_start_at_login(on: bool, args: object) -> int:
    """Write (or remove) the log-in entry that starts this copy in the tray."""
    from journal.app import autostart

    if not on:
        removed = autostart.disable()
        print("Pain Journal will no longer start when you log in." if removed else "There was no log-in entry.")
        return 0
    database = getattr(args, "db", None)
    command = autostart.tray_command(Path(database).expanduser().absolute() if database else None)
    where = autostart.enable(command)
    print(f"Pain Journal will start in the tray when you log in ({where}).")
    return 0


def run_uninstall(_args: object = None) -> int:
    from journal.app.places import data_dir

    removed = uninstall_desktop_entry()
    if removed:
        print(f"Removed the menu entry and its icons ({len(removed)} files).")
    else:
        print("There was no menu entry to remove.")
    print(f"Your journal and its backups are kept in {data_dir()}; delete that folder to remove them.")
    return 0
