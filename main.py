"""Start Pain Journal: ``python main.py --help`` lists what it can do."""

import sys

from journal.cli import main

if __name__ == "__main__":
    sys.exit(main())
