"""The storage modules that define table classes, imported the first time they are used.

:class:`journal.storage.journal.Journal` calls :mod:`journal.storage.repository` for
every read and write, and the repository's SQLModel table classes cost about 40 ms
to build. Opening a journal and the first screen's reads do not need them
(:mod:`journal.storage.first_screen`), so the journal module reaches the repository
through :data:`repository`, which imports it on the first call. The import runs on
whichever thread first calls (the worker, in the window); Python's import lock makes
that safe from any thread.
"""

from __future__ import annotations

from typing import Any


class _OnFirstUse:
    def __getattr__(self, name: str) -> Any:
        from journal.storage import repository as module

        return getattr(module, name)


#: Stands in for :mod:`journal.storage.repository` (type checkers see the module itself).
repository: Any = _OnFirstUse()
