"""`python -m game`: see game/cli/main.py. (Absolute import so PyInstaller can run it as a script.)"""

import sys

from game.cli.main import main

sys.exit(main())
