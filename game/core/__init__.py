"""The rules of Testament: pure, deterministic, no pygame, no YAML, no files, no clock.

Everything here is a function of the ruleset (frozen definitions built from content), the game
state (which carries its own seeded generator) and the actions the factions submit.
"""
