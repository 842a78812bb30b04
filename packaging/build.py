"""Build the one-folder bundle: ``python packaging/build.py`` → ``dist/pain-journal/``.

Steps:

1. A build environment of its own, ``build/venv``, with exactly the build
   lock (packaging/requirements.txt: the runtime versions of requirements.lock
   and PyInstaller, every file checked against its hash), so nothing from the
   test dependencies can end up in the bundle. It is reused while the lock is
   unchanged.
2. The icon's PNG sizes, drawn from resources/icons/pain-journal.svg by Qt
   into ``build/icons/`` (Windows and macOS executables take their icon from
   them).
3. PyInstaller with packaging/pain-journal.spec.

PyInstaller builds for the system it runs on: run this on Linux for a Linux
bundle, on Windows for Windows, on macOS for macOS.

Exit status: 0 built; 1 the build failed; 3 this machine cannot build (no
package index to install PyInstaller from, a Python without its shared
library, no binutils on Linux), with the reason on standard error. CI treats 3 as "skipped".
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
VENV = BUILD / "venv"
ICONS = BUILD / "icons"
DIST = ROOT / "dist"
SPEC = ROOT / "packaging" / "pain-journal.spec"
LOCKS = (ROOT / "packaging" / "requirements.txt",)
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

EXIT_FAILED = 1
EXIT_CANNOT_BUILD = 3


class CannotBuild(Exception):
    """This machine lacks something the build needs (not a fault in the app)."""


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def locks_digest() -> str:
    digest = hashlib.sha256()
    for lock in LOCKS:
        digest.update(lock.read_bytes())
    return digest.hexdigest()


def check_machine() -> None:
    """What PyInstaller needs from the machine: Python's shared library; on Linux, ldd and objdump."""
    if (
        sys.platform != "win32"
        and not sysconfig.get_config_var("Py_ENABLE_SHARED")
        and not sysconfig.get_config_var("PYTHONFRAMEWORK")
    ):
        raise CannotBuild(
            f"{sys.executable} was built without its shared library "
            "(PyInstaller needs libpython; pyenv: PYTHON_CONFIGURE_OPTS=--enable-shared)"
        )
    if sys.platform.startswith("linux"):
        missing = [tool for tool in ("ldd", "objdump") if shutil.which(tool) is None]
        if missing:
            raise CannotBuild(f"{' and '.join(missing)} not found (Debian/Ubuntu: apt install binutils)")


def make_build_environment(fresh: bool) -> None:
    """Create or reuse build/venv with the build lock (the runtime lock and PyInstaller)."""
    stamp = VENV / "locks.sha256"
    if fresh and VENV.exists():
        shutil.rmtree(VENV)
    if stamp.exists() and stamp.read_text() == locks_digest() and venv_python().exists():
        return
    if VENV.exists():
        shutil.rmtree(VENV)
    base = getattr(sys, "_base_executable", sys.executable)
    run([base, "-m", "venv", str(VENV)], "creating build/venv")
    pip = [str(venv_python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    # Every pin carries hashes, so pip checks each download (hash-checking mode).
    for lock in LOCKS:
        try:
            subprocess.run([*pip, "-r", str(lock)], check=True, cwd=ROOT)
        except subprocess.CalledProcessError as error:
            raise CannotBuild(
                f"could not install {lock.name} into build/venv (pip exited {error.returncode}; is the package index reachable?)"
            ) from None
    stamp.write_text(locks_digest())


ICON_SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
app = QGuiApplication(sys.argv[:1])
renderer = QSvgRenderer(sys.argv[1])
if not renderer.isValid():
    sys.exit(f"cannot read {sys.argv[1]}")
for size in map(int, sys.argv[3:]):
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    image.save(str(Path(sys.argv[2]) / f"pain-journal-{size}.png"))
"""


def render_icons() -> None:
    """PNG sizes of the SVG icon, drawn by Qt offscreen, into build/icons/."""
    ICONS.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run(
        [
            str(venv_python()),
            "-c",
            ICON_SCRIPT,
            str(ROOT / "resources" / "icons" / "pain-journal.svg"),
            str(ICONS),
            *map(str, ICON_SIZES),
        ],
        check=True,
        env=env,
        cwd=ROOT,
    )


def run(command: list[str], what: str) -> None:
    try:
        subprocess.run(command, check=True, cwd=ROOT)
    except (OSError, subprocess.CalledProcessError) as error:
        raise CannotBuild(f"{what} failed: {error}") from None


def remove_dangling_links(folder: Path) -> None:
    """Drop links PyInstaller made to libraries the spec left out (DROP_BINARY_PARTS)."""
    for path in folder.rglob("*"):
        if path.is_symlink() and not path.exists():
            path.unlink()


def strip_python_libraries(folder: Path) -> None:
    """Linux: take the debugging symbols out of Python's own library and extension modules.

    A Python built from source (pyenv) keeps them: libpython shrinks from 23 to
    6 MB. Only Python's own files: the wheels' libraries (numpy.libs, ...) were
    rewritten by auditwheel, and stripping those breaks them (numpy's OpenBLAS
    then fails to load). macOS is left alone (code signatures), Windows has
    nothing to strip.
    """
    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or strip is None:
        return
    internal = folder / "_internal"
    targets = [*internal.glob("libpython3*.so*"), *internal.glob("python3*/lib-dynload/*.so")]
    targets = [path for path in targets if path.is_file() and not path.is_symlink()]
    if targets:
        subprocess.run([strip, "--strip-debug", *map(str, targets)], check=True)


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fresh", action="store_true", help="rebuild build/venv from scratch")
    parser.add_argument(
        "--untrimmed", action="store_true", help="only to measure what trimming saves: build without it, into build/untrimmed/"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        check_machine()
        make_build_environment(args.fresh)
    except CannotBuild as reason:
        print(f"build.py: cannot build the bundle on this machine: {reason}", file=sys.stderr)
        return EXIT_CANNOT_BUILD
    environment_ready = time.monotonic()
    try:
        render_icons()
        dist = BUILD / "untrimmed" if args.untrimmed else DIST
        env = dict(os.environ, PAIN_JOURNAL_UNTRIMMED="1" if args.untrimmed else "0")
        subprocess.run(
            [
                str(venv_python()),
                "-m",
                "PyInstaller",
                str(SPEC),
                "--noconfirm",
                "--clean",
                "--log-level",
                "WARN",
                "--distpath",
                str(dist),
                "--workpath",
                str(BUILD / "pyinstaller"),
            ],
            check=True,
            cwd=ROOT,
            env=env,
        )
    except subprocess.CalledProcessError as error:
        print(f"build.py: the build failed ({error.cmd[1:3]} exited {error.returncode})", file=sys.stderr)
        return EXIT_FAILED
    bundle = dist / "pain-journal"
    remove_dangling_links(bundle)
    if not args.untrimmed:
        strip_python_libraries(bundle)
    size_mb = folder_size(bundle) / 1e6
    print(
        f"built {bundle} ({size_mb:.0f} MB) in {time.monotonic() - started:.0f} s "
        f"(build environment {environment_ready - started:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
