#!/usr/bin/env python
"""Django's command-line utility; `netral` (netral/cli.py) is the preferred entry point."""

import sys

from netral.cli import main

if __name__ == "__main__":
    sys.exit(main())
