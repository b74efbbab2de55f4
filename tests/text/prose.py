"""What no text shown to a player may contain: a raw id of the ruleset, "s's" (a possessive
doubled on a plural), doubled quotation marks, "-0.0", or a capitalised article mid-sentence
("carried The Right's motion"). Shared by the describer's test and the traced game's."""

from __future__ import annotations

import re

SNAKE = re.compile(r"(?<![\w./-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w/-])")
WORD = re.compile(r"(?<![\w./-])[a-z][a-z0-9]+(?![\w/-])")
DOUBLED = ('""', "''", "'\"", "\"'", '\u201c"', '"\u201d', "\u201c\u201c", "\u201d\u201d", "\u2018'")
MID_ARTICLE = re.compile(
    r"[a-z,;] The (?!Politburo|Party|Central|Control|Secretariat|Orgburo|Prince)[A-Z]"
)  # titles (The Prince) are fine
# Singular nouns in -s that English writes with 's ("the apparatus's alarm", "R. W. Davies's history"),
# in the authors' texts; a name the game builds never ends so (plural names take the apostrophe alone).
SINGULAR_S = {"apparatus's", "Davies's", "Axis's"}
THE_PERSONS = re.compile(
    r"\b[Tt]he (?!People's )[A-Z][a-z]+'s [A-Z]"
)  # "the Bukharin's Right" (not "the People's Commissar")
NEGATIVE_ZERO = re.compile(r"[-\u2212]0(?:\.0+)?(?![\d.])")


def known_ids(rs) -> tuple[set[str], set[str]]:
    """(every id of the ruleset, the ids that are names and so never appear in lower case)."""
    ids: set[str] = set()
    for kind in ("factions", "characters", "offices", "bodies", "regions", "bases", "axes", "indicators"):
        ids |= set(getattr(rs, kind))
    ids |= set(rs.cards) | set(rs.events) | set(rs.traits) | set(rs.scenarios) | set(rs.glossary)
    ids |= {p.id for axis in rs.axes.values() for p in axis.positions}
    ids |= {c.id for e in rs.events.values() for c in e.choices}
    ids |= {s.id for f in rs.factions.values() for s in f.specials}
    ids |= {power for o in rs.offices.values() for power in o.powers}
    names = set(rs.factions) | set(rs.characters)
    return ids, names


def problems(text: str, ids: set[str], names: set[str]) -> list[str]:
    """Everything wrong with one text, as short notes ('' when it is empty)."""
    if not text.strip():
        return ["an empty text"]
    found = [f"raw id {t!r}" for t in SNAKE.findall(text) if t in ids]
    found += [f"raw id {t!r}" for t in WORD.findall(text) if t in names]
    found += [f"'s's' in {m!r}" for m in re.findall(r"\w+s's\b", text) if m not in SINGULAR_S]
    found += [f"doubled quotes {q!r}" for q in DOUBLED if q in text]
    found += [f"'-0' in {m.group(0)!r}" for m in NEGATIVE_ZERO.finditer(text)]
    found += [f"a capitalised article mid-sentence: {m.group(0)!r}" for m in MID_ARTICLE.finditer(text)]
    found += [f"an article before a person's name: {m.group(0)!r}" for m in THE_PERSONS.finditer(text)]
    return found
