"""Keeping the journal safe from the window: backups, restores, one writer, open problems.

``feature`` plugs the File-menu items and the automatic backups into the
window; ``restore_dialog`` lists backups; ``open_problems`` explains a journal
that could not be opened; ``wording`` says what a backup holds in plain words.
"""
