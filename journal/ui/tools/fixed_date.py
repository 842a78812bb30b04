"""Make ``datetime.date.today()`` and ``datetime.datetime.now()`` answer a fixed moment, process-wide.

For tools that must produce the same output on any day (the screenshots). The
journal calls ``dt.date.today()`` through the ``datetime`` module, so replacing
the module's ``date`` and ``datetime`` classes with subclasses that answer a
fixed moment reaches every caller. ``isinstance`` keeps working both ways: a
real date is an instance of the replacement (see :class:`_RealInstances`).

Call :func:`freeze` only after the SQLModel tables are imported: their field
types are read once, from the real classes.
"""

from __future__ import annotations

import datetime
from typing import Any

_REAL_DATE = datetime.date
_REAL_DATETIME = datetime.datetime


class _RealInstances(type):
    """A metaclass under which real dates and datetimes count as instances of the replacement."""

    _real: type

    def __instancecheck__(cls, instance: Any) -> bool:
        return isinstance(instance, cls._real)

    def __subclasscheck__(cls, subclass: type) -> bool:
        return issubclass(subclass, cls._real)


def freeze(moment: datetime.datetime) -> None:
    """From now on, in this process, today is ``moment.date()`` and now is ``moment`` (naive, local)."""

    class FixedDate(_REAL_DATE, metaclass=_RealInstances):
        _real = _REAL_DATE

        @classmethod
        def today(cls) -> "FixedDate":
            return cls(moment.year, moment.month, moment.day)

    class FixedDateTime(_REAL_DATETIME, metaclass=_RealInstances):
        _real = _REAL_DATETIME

        @classmethod
        def now(cls, tz: datetime.tzinfo | None = None) -> "FixedDateTime":
            local = cls.combine(moment.date(), moment.time())
            return local if tz is None else local.astimezone(tz)

        @classmethod
        def today(cls) -> "FixedDateTime":
            return cls.now()

    datetime.date = FixedDate  # type: ignore[misc]  # the point of this module
    datetime.datetime = FixedDateTime  # type: ignore[misc]
