"""Saves: the versioned JSON codec, atomic files, format migrations, and replay."""
