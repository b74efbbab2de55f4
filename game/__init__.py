"""Testament: a turn-based strategy game of the Soviet succession struggle, 1924-1941."""

__version__ = "0.1.0"
