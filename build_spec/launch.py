"""Entry point of the standalone bundle: the same `cuecraft` command."""

import sys

from cuecraft.cli import main

if __name__ == "__main__":
    sys.exit(main())
