"""Bots: they see a player view and return actions, through the same engine as people."""

LEVELS = ("easy", "standard", "hard")  # the AI levels a faction may be played at, weakest first
BASELINES = ("random", "passive")  # measuring sticks for the strength tool, never offered in New game
