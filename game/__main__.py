"""`python -m game`: see game/cli.py. (Absolute import so PyInstaller can run it as a script.)"""

import sys

from game.cli import main

sys.exit(main())
