"""Developer tools run with ``python -m journal.tools.<name>``; the app never imports them."""
