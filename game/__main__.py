"""`python -m game`: see game/cli.py."""

import sys

from .cli import main

sys.exit(main())
