"""Names as prose: a faction with its article and possessive as its record gives them ("the Right",
"the Right's", "the Left SRs'", "Zinoviev–Kamenev's"), capitalised only where a sentence or a label
begins; the independents; card and event titles in quotation marks that never double up; signed
numbers that never read "-0.0". Every text module builds names here, so no raw id is ever shown.
"""

from __future__ import annotations

from ..core.ruleset import Ruleset

MINUS = "\u2212"
QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
INDEPENDENTS = ("independent", "independents")
POWERS = {
    "appoint": "appoints to the party's posts",
    "agenda": "sets the Politburo's agenda",
    "chair": "chairs the government",
    "command_police": "commands the political police",
    "command_army": "commands the Red Army",
    "prosecute": "brings cases before the Control Commission",
    "press": "runs the party press",
}


def office_name(rs: Ruleset, office: str, when: int | None = None) -> str:
    """An office's name as it was at a date (an absolute half-year, `core.calendar.now`): the
    Chairman of the OGPU is the People's Commissar for Internal Affairs from 1934. Without a date,
    its first name. Every place that names an office names it through here."""
    d = rs.offices.get(office)
    if d is None:
        return office.replace("_", " ")
    name = d.name
    if when is not None:
        for since, later in d.renamed:
            if when >= since:
                name = later
    return name


def possessive_of(noun: str) -> str:
    """'Right' -> "Right's"; a noun ending in s takes the apostrophe alone ("Left SRs'")."""
    return noun + ("'" if noun.endswith(("s", "S")) else "'s")


def capitalise(text: str) -> str:
    """The first letter upper case (a sentence or a label that begins with a name)."""
    return text[:1].upper() + text[1:]


def faction(rs: Ruleset, fid: str | None, start: bool = False) -> str:
    """A faction in running prose: 'the Right' mid-sentence, 'The Right' when `start`s a sentence."""
    d = rs.factions.get(fid or "")
    if d is None:
        words = "the independents" if fid is None or fid in INDEPENDENTS else str(fid).replace("_", " ")
    else:
        words = f"the {d.short}" if d.the else d.short
    return capitalise(words) if start else words


def possessive(rs: Ruleset, fid: str | None, start: bool = False) -> str:
    """ "the Right's", "the Left SRs'", "the independents'" ("The Right's" when `start`)."""
    d = rs.factions.get(fid or "")
    if d is None:
        return possessive_of(faction(rs, fid, start))
    own = d.possessive or possessive_of(d.short)
    words = f"the {own}" if d.the else own
    return capitalise(words) if start else words


def label(rs: Ruleset, fid: str | None) -> str:
    """A faction as a heading or a button names it: 'The Right', 'Left SRs'... ('Independents')."""
    return faction(rs, fid, start=True)


def quoted(title: str) -> str:
    """A card's or an event's title in quotation marks, unless the whole title is already quoted
    ('"Enrich yourselves!"'); quotation marks inside it become single ones: “The ‘Lessons of October’”."""
    title = title.strip()
    if title[:1] in QUOTES and title[-1:] in QUOTES and title[1:-1].count('"') == 0:
        return title
    inner = title.split('"')
    title = "".join(part + ("\u2018" if i % 2 == 0 else "\u2019") for i, part in enumerate(inner[:-1])) + inner[-1]
    return f"\u201c{title}\u201d"


def number(value: float, digits: int = 1) -> str:
    """A magnitude without a sign: whole numbers as such, at most `digits` decimals, never '-0'."""
    v = round(abs(float(value)), digits)
    return f"{v:,.{digits}f}".rstrip("0").rstrip(".") if v != int(v) else f"{int(v):,}"


def signed(value: float, digits: int = 1) -> str:
    """'+8', '−6' (a true minus sign), '±0' for nothing at all - never '-0.0'."""
    v = round(float(value), digits)
    if v == 0:
        return "\u00b10"
    return ("+" if v > 0 else MINUS) + number(v, digits)


def powers(rs: Ruleset, office: str) -> str:
    """An office's powers in words ('commands the political police'), never their codes."""
    return "; ".join(POWERS.get(p, p.replace("_", " ")) for p in rs.offices[office].powers) or "none"
