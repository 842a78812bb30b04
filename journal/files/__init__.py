"""Files the app writes, below both the journal file (:mod:`journal.storage`) and the renderers
(:mod:`journal.formats`): the one owner-only, all-or-nothing writer and the words for why a
write failed. Standard library and :mod:`journal.core` only; no SQL, no Qt.
"""
