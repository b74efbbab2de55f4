"""Bots: they see a player view and return actions, through the same engine as people."""
