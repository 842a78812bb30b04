"""What the journal keeps beside the days: acknowledged warnings, treatments, function checks,
sitting sessions and pain-now readings.

:class:`JournalRecords` is a part of :class:`journal.storage.journal.Journal`
(its base class), split off by what it holds; each method is one read session
or one transaction of the journal, as the days' are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from journal.core.errors import UserError, ValidationError
from journal.core.sitting import SittingSummary

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from sqlmodel import Session

    from journal.core.function_check import FunctionCheck
    from journal.core.readings import PainReading, StoredReading
    from journal.core.treatments import Treatment
    from journal.storage import repository
else:  # the table classes are built when a read or write first needs them
    from journal.storage.deferred import repository


class JournalRecords:
    """The records beside the days, read and written through the journal's sessions."""

    if TYPE_CHECKING:

        def session(self) -> AbstractContextManager[Session]: ...

        def transaction(self) -> AbstractContextManager[Session]: ...

    # --- red-flag acknowledgements -----------------------------------------------

    def acknowledge_red_flags(self, date: dt.date, symptoms: Sequence[str]) -> int:
        """Remember that the patient acknowledged these symptoms' warnings for ``date``.

        Matched by name key; a no-op for a date with no entry. Saving the day
        again or importing it with replace keeps them: the day's row stays and
        only its list-valued parts are rewritten. Returns how many were new.
        """
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.transaction() as session:
            return repository.acknowledge_red_flags(session=session, date=date, symptoms=symptoms, at=stamp)

    def red_flag_acks(self, start: dt.date | None = None, end: dt.date | None = None) -> dict[dt.date, frozenset[str]]:
        """Acknowledged red-flag symptom name keys per date in the inclusive range."""
        with self.session() as session:
            return repository.red_flag_acks(session=session, start=start, end=end)

    # --- treatments (schema 8) -----------------------------------------------------

    def treatments(self) -> list[tuple[int, "Treatment"]]:
        """Every treatment with its id, by start date."""
        from journal.storage import treatments

        with self.session() as session:
            return treatments.list_treatments(session=session)

    def add_treatment(self, treatment: "Treatment", *, today: dt.date | None = None) -> int:
        """Validate and keep a treatment; return its id. Bad input raises ValidationError, writing nothing."""
        from journal.core.treatments import validate_treatment
        from journal.storage import treatments

        checked = validate_treatment(treatment, today=today)
        with self.transaction() as session:
            return treatments.add_treatment(session=session, treatment=checked)

    def end_treatment(self, treatment_id: int, end: dt.date | None, *, today: dt.date | None = None) -> None:
        """Set (or with None, clear) a treatment's last day, checked like a new one."""
        from journal.core.treatments import Treatment, validate_treatment
        from journal.storage import treatments

        with self.transaction() as session:
            found = dict(treatments.list_treatments(session=session)).get(treatment_id)
            if found is None:
                raise UserError("That treatment is no longer in the journal.")
            validate_treatment(Treatment(found.name, found.start, end), today=today)
            treatments.set_treatment_end(session=session, treatment_id=treatment_id, end=end)

    def delete_treatment(self, treatment_id: int) -> bool:
        from journal.storage import treatments

        with self.transaction() as session:
            return treatments.delete_treatment(session=session, treatment_id=treatment_id)

    # --- what the person can do (schema 8) ----------------------------------------

    def save_function_check(self, check: "FunctionCheck", *, today: dt.date | None = None) -> "FunctionCheck":
        """Validate and keep a check (replacing one of the same date). Bad input writes nothing."""
        from journal.core.function_check import validate_check
        from journal.storage import function_checks

        checked = validate_check(check, today=today)
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.transaction() as session:
            function_checks.save_check(session=session, check=checked, at=stamp)
        return checked

    def function_checks(self, start: dt.date | None = None, end: dt.date | None = None) -> list["FunctionCheck"]:
        from journal.storage import function_checks

        with self.session() as session:
            return function_checks.list_checks(session=session, start=start, end=end)

    # --- sitting sessions (schema 3) ------------------------------------------------

    def add_sitting_session(self, summary: SittingSummary) -> None:
        """Keep a sitting session the patient chose to add to a day (minutes and breaks)."""
        from journal.core.validation import MINUTES_PER_DAY
        from journal.storage import sitting

        if not (0 <= summary.minutes <= MINUTES_PER_DAY and 0 <= summary.breaks <= MINUTES_PER_DAY):
            raise ValidationError([("activities", "a sitting session must be from 0 to 1440 minutes")])
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.transaction() as session:
            sitting.add_sitting_session(session=session, summary=summary, at=stamp)

    def sitting_per_day(self, start: dt.date | None = None, end: dt.date | None = None) -> dict[dt.date, SittingSummary]:
        """Sitting minutes and breaks per date in the inclusive range."""
        from journal.storage import sitting

        with self.session() as session:
            return sitting.sitting_per_day(session=session, start=start, end=end)

    def sitting_sessions(self, start: dt.date | None = None, end: dt.date | None = None) -> list[SittingSummary]:
        """Each kept sitting session in the inclusive range, by date."""
        from journal.storage import sitting

        with self.session() as session:
            return sitting.sitting_sessions(session=session, start=start, end=end)

    # --- pain-now readings (schema 11) ------------------------------------------------

    def add_readings(self, readings: Sequence["PainReading"], *, today: dt.date | None = None) -> list[int]:
        """Validate and keep readings in one transaction; all or nothing. Return their ids.

        Raises:
            ValidationError: for the first invalid reading; nothing is written.
        """
        from journal.core.validation import validate_reading
        from journal.storage import readings as stored

        clean = [validate_reading(r, today=today) for r in readings]
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.transaction() as session:
            return stored.add_readings(session=session, readings=clean, at=stamp)

    def readings(self, start: dt.date | None = None, end: dt.date | None = None) -> list["StoredReading"]:
        """Readings in the inclusive range, by date and time."""
        from journal.storage import readings as stored

        with self.session() as session:
            return stored.list_readings(session=session, start=start, end=end)

    def delete_reading(self, reading_id: int) -> "PainReading | None":
        """Delete one reading and return what it held (None if it was already gone)."""
        from journal.storage import readings as stored

        with self.transaction() as session:
            return stored.delete_reading(session=session, reading_id=reading_id)
