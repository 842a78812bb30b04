"""Developer tools run with ``python -m journal.ui.tools.<name>``; the app never imports them."""
