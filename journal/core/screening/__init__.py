"""Screening typed text for words that may point to a warning sign.

A custom symptom or a note can describe a warning sign in the patient's own
words ("can't wee properly", "numb down there"). :func:`suggested_signs`
finds the catalog's warning signs such words may mean, so the window can ask
once, gently, "Did you mean: …?". It never flags anything by itself.

The words are data (``resources/warning_words.toml``); this package holds the
rules, which follow how clinical text is screened (NegEx, Chapman et al.
2001):

* Text is case-folded, apostrophes are dropped ("can't" → "cant"), "&" reads
  as "and" ("pins & needles"), and it is
  split into words of letters and digits (any script) and the punctuation
  that ends a sentence (``. ! ? ; :`` and a new line) or a clause (``,``).
  Dialect and text-speak are respelled from a table ("couldnae" → "couldnt").
* A question answered after its question mark is read as the answer says
  ("Catheter? No." → "no catheter"; "could I feel it? no" → "I couldnt feel it").
* A pattern is a word ("wee"), a word prefix ("urin*"), or a phrase of
  those, where "*" stands for any one word and "*?" for one word or none.
  A word of five letters or more also matches a word one edit away
  (a letter added, dropped, changed or two swapped: "incontinance",
  "sadle"), unless the typed word is itself a known word; a word of seven
  letters or more, two edits from a sign's word or sounding like it
  ("genitles", "sensashun").
* A sign's word groups must all be found in one sentence, or in a sentence
  and the next one where that one carries it on ("Now I can barely breathe",
  "Third night.").
* Words a negation comes before ("no", "never", "without", …) or a
  resolution comes after ("fine", "gone", "settled", …) within the same
  clause do not count, nor words a question or a check is about ("asked
  if I'd had a fall"), nor the one word right after someone else's
  ("Mum's incontinence"), nor a clause whose subject is another person the
  patient is not in ("my mate Dave has numbness in both legs"). "but",
  "still", "otherwise" and the like end a clause.

The work is linear in the length of the text: each distinct word is looked
up once (and remembered), each pattern is tried only where its first word
occurs, and a negation is looked for only a few words either side. Each
sentence is worked out once: it is remembered by its text and by its shape
(the words no list knows, such as names and places, only hold a place), and
one whose key words cannot make up any sign is passed over.

The package, by what each module holds:

* ``text``: normalising, respelling, sentences, answered questions, edits and sounds;
* ``words``: the word lists read from the data file and checked;
* ``matcher``: the compiled lists, each word's patterns remembered;
* ``scope``: one sentence's known words and the reach of negations and questions;
* ``suggest``: the rules that turn those into suggested signs.
"""

from __future__ import annotations

from journal.core.screening.matcher import _MATCHERS, _matcher
from journal.core.screening.suggest import _pieces, _signs_in_sentence, days_to_check, joined, suggested_signs
from journal.core.screening.text import (
    _SENTENCE_END,
    _TOKEN,
    WORDS_FILE,
    _normal,
    one_edit_apart,
    words_of,
    words_of_pattern,
)
from journal.core.screening.words import Negation, Screening, SignWords, build_screening, default_screening

__all__ = [
    "WORDS_FILE",
    "Negation",
    "Screening",
    "SignWords",
    "_MATCHERS",
    "_SENTENCE_END",
    "_TOKEN",
    "_matcher",
    "_normal",
    "_pieces",
    "_signs_in_sentence",
    "build_screening",
    "days_to_check",
    "default_screening",
    "joined",
    "one_edit_apart",
    "suggested_signs",
    "words_of",
    "words_of_pattern",
]
