"""``python -m journal``: the same as ``python main.py`` (the login entry starts the tray this way)."""

import sys

from journal.cli import main

if __name__ == "__main__":
    sys.exit(main())
