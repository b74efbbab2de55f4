"""The mod hash a save records reads only regular files inside the mod folder, each under a size
limit, and gives the same hash as before for an ordinary mod (saves made earlier still load)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from game.content.loader import load_game
from game.content.modfiles import ModFilesError, mod_files, mod_hash

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "mods" / "example_workers_opposition"


def old_hash(folder: Path) -> str:
    """How the hash was taken before it was hardened (rglob, follow everything)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()


def test_the_hash_of_an_ordinary_mod_is_unchanged():
    assert mod_hash(EXAMPLE) == old_hash(EXAMPLE)


def test_the_hash_is_taken_once_when_the_content_loads(monkeypatch):
    content = load_game(ROOT / "data", ["example_workers_opposition"], [ROOT / "mods"])
    monkeypatch.setattr("game.content.modfiles.mod_hash", lambda folder: pytest.fail("hashed again at save time"))
    assert content.mod_records()[0]["hash"] == old_hash(EXAMPLE)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_links_inside_the_folder_are_fine_and_links_out_are_refused(tmp_path):
    folder = tmp_path / "m"
    (folder / "events").mkdir(parents=True)
    (folder / "mod.yaml").write_text("id: m\nname: M\nversion: 1.0.0\n")
    os.symlink(folder / "mod.yaml", folder / "events" / "again.yaml")
    assert [p.name for p in mod_files(folder)] == ["again.yaml", "mod.yaml"]
    os.symlink(tmp_path, folder / "up")
    with pytest.raises(ModFilesError, match="up points outside its mod folder"):
        mod_files(folder)
