"""The command line: the window launcher, simulate, validate, mods, bench, history, report and replay."""
