"""Words for the game: chronicle sentences, vote and pact texts, refusal reasons, narration and the epilogue."""
