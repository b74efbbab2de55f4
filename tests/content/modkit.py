"""Build small mods on disk for tests, and load them on top of the base content."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from game.content.build import ContentError, load_content
from game.content.mods import discover, resolve

DATA = Path(__file__).resolve().parents[2] / "data"


def write_mod(root: Path, mod_id: str, files: dict[str, str], manifest: str | None = None) -> Path:
    """Write mods/<mod_id>/ under root with a mod.yaml and the given files (relative path -> YAML)."""
    folder = root / "mods" / mod_id
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mod.yaml").write_text(
        manifest if manifest is not None else f"id: {mod_id}\nname: Test\nversion: 1.0.0\n"
    )
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"))
    return folder


def problems_with(root: Path, *mod_ids: str) -> list[str]:
    """Every problem (as printed) of loading the base with these mods; [] if it loads cleanly."""
    found = resolve(discover([root / "mods"]), list(mod_ids))
    out = [str(p) for p in found.problems]
    try:
        loaded = load_content(DATA, found.order)
        out += [str(p) for p in loaded.problems]
    except ContentError as exc:
        out += [str(p) for p in exc.problems]
    return out


def load_with(root: Path, *mod_ids: str):
    found = resolve(discover([root / "mods"]), list(mod_ids))
    assert not found.problems, found.problems
    return load_content(DATA, found.order)


def errors_after_edit(tmp_path: Path, relative: str, old: str, new: str) -> tuple[list, str]:
    """Copy the base data, replace `old` by `new` once in one of its files, load it: the errors the
    load stopped on, and the edited text (`old` must be in the file)."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    edited = text.replace(old, new, 1)
    path.write_text(edited, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_content(data)
    return [p for p in info.value.problems if p.severity == "error"], edited
