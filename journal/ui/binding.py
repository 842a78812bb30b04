"""Loading the Qt binding without the import hook it installs.

When PySide6 is imported it replaces ``builtins.__import__`` with its own
function, so that a module can opt in to ``from __feature__ import
snake_case``. After every later import, that hook reads the new module's whole
source (``inspect.getsource``) to see whether it mentions PySide6.

Pain Journal uses no such feature, and the hook is costly here:

* the storage layer (SQLModel, SQLAlchemy, pydantic: about 400 modules) is
  imported after Qt, and the hook made that import about a third slower;
* reading a source looks for ``__wrapped__`` on the module, which runs a lazy
  module ``__getattr__`` (pydantic has one) in the middle of an import: once in
  about 50 traced start-ups, importing the storage layer on the worker failed
  with an ImportError from pydantic, so the journal could not have opened.

So Python's own importer is put back as soon as PySide6 is loaded:
``journal.ui.app``, where the window starts, imports this module first.
"""

from __future__ import annotations

import builtins
import importlib

_importer_before_qt = builtins.__import__

import PySide6.QtCore  # noqa: E402,F401 - loading it installs the hook

_HOOK_NAME = "__feature_import__"


def python_importer_restored() -> bool:
    """True when ``builtins.__import__`` is not PySide6's hook."""
    return getattr(builtins.__import__, "__name__", "") != _HOOK_NAME


def restore_python_importer() -> None:
    """Put back the importer PySide6 replaced (idempotent).

    If PySide6 was already loaded before this module (a test runner's Qt plugin
    does that), the original is gone; importlib's importer, the reference
    implementation of the same function, takes its place.
    """
    if python_importer_restored():
        return
    before_qt = _importer_before_qt
    if getattr(before_qt, "__name__", "") == _HOOK_NAME:
        before_qt = importlib.__import__
    builtins.__import__ = before_qt


restore_python_importer()
