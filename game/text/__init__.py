"""Words for the game: chronicle sentences, vote and pact texts, narration and the epilogue."""
