"""The after-action report: a printable, self-contained HTML page about a saved game."""
