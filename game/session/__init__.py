"""The live game above the rules: a session and its bots, headless play, set-up files, settings,
the user's folders, and loading and saving a session."""
