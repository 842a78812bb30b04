"""The word lists (resources/warning_words.toml), read and checked into plain tables."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any, Final

from journal.core.resources import load_toml
from journal.core.screening.text import WORDS_FILE, _is_wildcard, _pattern_parts

Span = tuple[int, int]
Groups = tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class SignWords:
    """The words that may point to one warning sign (see warning_words.toml)."""

    name: str  # the catalog's exact name
    all: Groups  # every group needs one matching pattern, in one sentence
    unless: tuple[str, ...] = ()
    also: tuple[Groups, ...] = ()  # other sets of groups that will do instead of ``all``

    @property
    def alternatives(self) -> tuple[Groups, ...]:
        return (self.all, *self.also)


@dataclass(frozen=True, slots=True)
class Negation:
    """What takes a sign's words out of the count (see warning_words.toml)."""

    before: tuple[str, ...] = ()  # "no", "never": the words after it in the clause
    after: tuple[str, ...] = ()  # "fine", "gone": the words before it in the clause
    hypothetical: tuple[str, ...] = ()  # "asked if": a question, not a symptom
    # "went through the list": a question or a check that reaches the end of its sentence,
    # over a list ("bladder, bowels, numb bits"), not over a clause with its own subject.
    questions: tuple[str, ...] = ()
    others: tuple[str, ...] = ()  # "mums": someone else's; the word right after it, or the clause (below)
    pseudo: tuple[str, ...] = ()  # look like a negation but are not ("no better")
    breaks: tuple[str, ...] = ()  # words that end a clause ("but", "still")
    fillers: tuple[str, ...] = ()  # may follow an "after" word ("fine now")
    window: int = 6  # words either side a negation reaches
    # "my mate Dave has numbness": after an ``others`` word, the rest of the clause is
    # theirs, unless the patient is in it (``own``: "I", "me") or it reports on the
    # patient (``reported``: "says", "noticed"). Single words.
    people: tuple[str, ...] = ()  # "mate", "neighbour": another person, for the clause rule only
    own: tuple[str, ...] = ()
    reported: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Screening:
    signs: tuple[SignWords, ...]
    ignore: tuple[str, ...] = ()
    negation: Negation = field(default_factory=Negation)
    fuzzy_letters: int = 5  # 0 turns one-edit matching off
    not_misspellings: tuple[str, ...] = ()
    # Words of this many letters or more also match a list word two edits away
    # or one that sounds the same (see text.sound_key); 0 turns it off.
    far_letters: int = 0
    # Dialect and text-speak read as the lists' spelling ("masel" -> "myself"), word by word.
    spellings: tuple[tuple[str, str], ...] = ()
    # A sentence that starts with one of these ("now", "and", "cant") carries on the one before:
    # a sign's words may be completed in it.
    continuing: tuple[str, ...] = ()
    # Words that show a text is written for someone else ("Grandma asked me to type this"):
    # there, "she" and "her legs" are the patient's, and no sign is taken for someone else's.
    proxy: tuple[str, ...] = ()

    def for_the_person_named(self) -> Screening:
        """These rules without the someone-else rules, for a text written on another's behalf."""
        return replace(self, negation=replace(self.negation, people=(), others=()), proxy=())


Concepts = Mapping[str, tuple[str, ...]]


#: Contractions the lists write, and the same words written out ("couldnt feel": "could not feel").
_WRITTEN_OUT: Final = {
    "cant": ("cannot", "can not"),
    "couldnt": ("could not",),
    "dont": ("do not",),
    "didnt": ("did not",),
    "doesnt": ("does not",),
    "wont": ("will not",),
    "wouldnt": ("would not",),
    "isnt": ("is not",),
    "wasnt": ("was not",),
    "arent": ("are not",),
    "werent": ("were not",),
    "havent": ("have not",),
    "hasnt": ("has not",),
    "hadnt": ("had not",),
    "shouldnt": ("should not",),
}


def written_out(pattern: str) -> list[str]:
    """``pattern`` and, where it holds a contraction, the same words written out.

    People who write formally or in a second language write "I could not
    feel" and "it did not come"; the lists write "couldnt feel", and each
    such pattern also stands for its written-out forms.
    """
    forms = [""]
    for part in _pattern_parts(pattern):
        choices = (part, *_WRITTEN_OUT.get(part, ()))
        forms = [f"{form} {choice}".strip() for form in forms for choice in choices]
    return forms if len(forms) > 1 else [pattern]


def _patterns(value: Any, where: str, concepts: Concepts | None = None, long_forms: bool = True) -> tuple[str, ...]:
    """A list of patterns; ``@name`` stands for every pattern of the concept ``name``.

    With ``long_forms``, a pattern with a contraction also stands for it written out (see :func:`written_out`).
    """
    if not (isinstance(value, list) and all(isinstance(p, str) and p.strip() for p in value)):
        raise ValueError(f"{WORDS_FILE} {where}: must be a list of patterns")
    found: list[str] = []
    for pattern in value:
        if pattern.startswith("@"):
            listed = None if concepts is None else concepts.get(pattern[1:])
            if listed is None:
                raise ValueError(f"{WORDS_FILE} {where}: {pattern!r} is not a concept of [concept]")
            found.extend(listed)
            continue
        if _is_wildcard(_pattern_parts(pattern)[0]):
            raise ValueError(f"{WORDS_FILE} {where}: {pattern!r} must start with a word, not a wildcard")
        found.extend(written_out(pattern) if long_forms else [pattern])
    return tuple(dict.fromkeys(found))


def _groups(value: Any, where: str, concepts: Concepts | None = None) -> Groups:
    if not (isinstance(value, list) and value and all(isinstance(g, list) and g for g in value)):
        raise ValueError(f"{WORDS_FILE} {where}: 'all' must be non-empty lists of patterns")
    return tuple(_patterns(group, where, concepts) for group in value)


def _concepts(value: Any) -> dict[str, tuple[str, ...]]:
    """The ``[concept]`` table: named lists of patterns (a concept may not name another)."""
    if not isinstance(value, Mapping):
        raise ValueError(f"{WORDS_FILE} [concept] must be a table of pattern lists")
    return {str(name): _patterns(listed, f"concept {name!r}") for name, listed in value.items()}


def build_screening(data: Mapping[str, Any]) -> Screening:
    """Check parsed warning_words data; :class:`ValueError` names the first problem.

    A sign's groups and ``unless`` words may name a concept (``"@bladder_bowel"``):
    a list of words for one idea, shared by the signs that need it, so that a
    sign is found where any word for one idea meets any word for another in a
    sentence, not only in the phrases someone thought to list.
    """
    concepts = _concepts(data.get("concept", {}))
    signs = []
    for index, raw in enumerate(data.get("sign", []), start=1):
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{WORDS_FILE} sign {index}: 'name' must be the catalog name")
        where = f"sign {name!r}"
        groups = _groups(raw.get("all"), where, concepts)
        unless = _patterns(raw.get("unless", []), f"{where} 'unless'", concepts)
        also = raw.get("also", [])
        if not isinstance(also, list):
            raise ValueError(f"{WORDS_FILE} {where}: 'also' must be a list of 'all' lists")
        signs.append(SignWords(name, groups, unless, tuple(_groups(g, f"{where} 'also'", concepts) for g in also)))
    raw_negation = data.get("negation", {})
    if not isinstance(raw_negation, Mapping):
        raise ValueError(f"{WORDS_FILE} [negation] must be a table")
    lists = {
        key: _patterns(raw_negation.get(key, []), f"negation.{key}", long_forms=key not in ("own", "reported"))
        for key in (
            "before",
            "after",
            "hypothetical",
            "questions",
            "others",
            "pseudo",
            "breaks",
            "fillers",
            "people",
            "own",
            "reported",
        )
    }
    for key in ("own", "reported"):
        if any(len(_pattern_parts(p)) != 1 or _is_wildcard(p) for p in lists[key]):
            raise ValueError(f"{WORDS_FILE} negation.{key}: single words only")
    window = raw_negation.get("window", 6)
    if not (isinstance(window, int) and 1 <= window <= 20):
        raise ValueError(f"{WORDS_FILE} negation.window must be a whole number from 1 to 20")
    raw_fuzzy = data.get("fuzzy", {})
    letters = raw_fuzzy.get("letters", 5)
    if not (isinstance(letters, int) and (letters == 0 or letters >= 3)):
        raise ValueError(f"{WORDS_FILE} fuzzy.letters must be 0 (off) or a whole number of 3 or more")
    far = raw_fuzzy.get("far_letters", 0)
    if not (isinstance(far, int) and (far == 0 or far >= 6)):
        raise ValueError(f"{WORDS_FILE} fuzzy.far_letters must be 0 (off) or a whole number of 6 or more")
    spellings = _spellings(data.get("spelling", {}))
    screening = Screening(
        tuple(signs),
        _patterns(data.get("ignore", []), "ignore"),
        Negation(window=window, **lists),
        letters,
        _patterns(raw_fuzzy.get("not_misspellings", []), "fuzzy.not_misspellings", long_forms=False),
        far,
        spellings,
        _patterns(data.get("continuing", []), "continuing"),
        _patterns(data.get("proxy", []), "proxy", long_forms=False),
    )
    _check_spelled(screening)
    return screening


def _spellings(value: Any) -> tuple[tuple[str, str], ...]:
    """The ``[spelling]`` table: a word as typed, and the words the lists use for it."""
    if not isinstance(value, Mapping):
        raise ValueError(f"{WORDS_FILE} [spelling] must be a table of words")
    found = []
    for typed, read in value.items():
        if not (isinstance(read, str) and read.strip()) or len(_pattern_parts(str(typed))) != 1:
            raise ValueError(f"{WORDS_FILE} [spelling] {typed!r}: one typed word, read as one or more words")
        found.append((_pattern_parts(str(typed))[0], " ".join(_pattern_parts(read))))
    return tuple(found)


def _check_spelled(screening: Screening) -> None:
    """A list word the spelling table reads as another word could never match: refuse it."""
    typed = {word for word, _ in screening.spellings}
    if not typed:
        return
    negation = screening.negation
    lists = [screening.ignore, screening.continuing, negation.before, negation.after, negation.hypothetical, negation.questions]
    lists += [negation.others, negation.people, negation.pseudo, negation.breaks, negation.fillers]
    lists += [negation.own, negation.reported]
    for sign in screening.signs:
        lists.append(sign.unless)
        lists.extend(group for groups in sign.alternatives for group in groups)
    for listed in lists:
        for pattern in listed:
            clash = typed.intersection(_pattern_parts(pattern))
            if clash:
                raise ValueError(f"{WORDS_FILE} {pattern!r}: [spelling] reads {sorted(clash)[0]!r} as another word")


@cache
def default_screening() -> Screening:
    """The shipped words (resources/warning_words.toml), checked once."""
    return build_screening(load_toml(WORDS_FILE))
