"""The encyclopedia: people, bodies, terms and every event's and card's history note."""

from __future__ import annotations

import html

import pygame
import pygame_gui

from ...content.tags import note, shown_text, summarised_tags
from ...text.cards import event_words
from ...text.effects import option_lines
from ..scene import Scene
from ..summaries import tags_for
from ..widgets.common import closes, page
from ..widgets.portrait import portrait

TABS = ("People", "Bodies", "Terms", "Events", "Cards")


class EncyclopediaScene(Scene):
    def __init__(self, app, tab: str = "People", entry: str | None = None) -> None:
        self.tab = tab
        self.entry = entry
        self.full = False  # show the full text of entries the content settings summarise
        super().__init__(app)

    def build(self) -> None:
        w, h = self.app.size
        x = self.s(30)
        self.tabs = {}
        for tab in TABS:
            b = self.button(pygame.Rect(x, self.s(70), self.s(120), self.s(34)), tab, f"#tab_{tab.lower()}")
            self.tabs[b] = tab
            x += self.s(126)
        self.back = self.button(pygame.Rect(w - self.s(150), self.s(20), self.s(120), self.s(36)), "Back", "#back")
        self.show_full = self.button(
            pygame.Rect(w - self.s(380), self.s(20), self.s(220), self.s(36)),
            "",
            "#show_full",
            "Entries the content settings summarise: show their full text and history (key F)",
        )
        top = self.s(120)
        self.items = self.entries()
        self.list = pygame_gui.elements.UISelectionList(
            pygame.Rect(self.s(30), top, int(w * 0.28), h - top - self.s(30)),
            [label for label, _ in self.items],
            self.manager,
            object_id="#entries",
        )
        left = int(w * 0.28) + self.s(50)
        self.face_size = self.s(150) if self.tab == "People" else 0
        self.face_pos = (w - self.s(30) - self.face_size, top)
        width = w - left - self.s(30) - (self.face_size + self.s(12) if self.face_size else 0)
        self.body = pygame_gui.elements.UITextBox(
            "",
            pygame.Rect(left, top, width, h - top - self.s(30)),
            self.manager,
            object_id="#entry_text",
        )
        self.show_entry()

    def entries(self) -> list[tuple[str, str]]:
        rs = self.app.rs
        if self.tab == "People":
            return sorted(((c.name, cid) for cid, c in rs.characters.items()), key=lambda t: t[0].split()[-1])
        if self.tab == "Bodies":
            return [(b.name, bid) for bid, b in rs.bodies.items()]
        if self.tab == "Terms":
            return sorted((g.term, gid) for gid, g in rs.glossary.items())
        if self.tab == "Events":
            return [(e.title, eid) for eid, e in sorted(rs.events.items(), key=lambda kv: kv[1].first_turn)]
        return [(c.title, cid) for cid, c in sorted(rs.cards.items(), key=lambda kv: (kv[1].era, kv[1].title))]

    def render(self, key: str | None) -> str:
        rs = self.app.rs
        e = html.escape
        if key is None:
            return f"<b>{self.tab}</b><br><br>Choose an entry on the left."
        if self.tab == "People" and key in rs.characters:
            c = rs.characters[key]
            fate = f"{c.died_cause.replace('_', ' ')}, {c.died_turn // 2}" if c.died_turn else "unknown"
            alt = "<br><i>Alternate history: this person's party survives in the game.</i>" if c.alternate else ""
            return (
                f"<b>{e(c.name)}</b> ({e(c.native)}), born {c.born}{alt}<br><br>{e(c.bio)}<br><br>"
                f"<b>What really happened</b> (died: {e(fate)})<br>{e(c.history)}<br><br><i>Sources: {e('; '.join(c.sources))}</i>"
            )
        if self.tab == "Bodies" and key in rs.bodies:
            b = rs.bodies[key]
            offices = [o.name for o in rs.offices.values() if o.body == key]
            extra = f"<br><br><b>Offices:</b> {e(', '.join(offices))}" if offices else ""
            seats = f" — {b.seats} seats" if b.seats else ""
            return f"<b>{e(b.name)}</b>{seats}<br><br>{e(b.description)}{extra}"
        if self.tab == "Terms" and key in rs.glossary:
            g = rs.glossary[key]
            native = f" ({e(g.native)})" if g.native else ""
            return f"<b>{e(g.term)}</b>{native}<br><br>{e(g.text)}<br><br><i>Sources: {e('; '.join(g.sources))}</i>"
        if self.tab == "Events" and key in rs.events:
            ev = rs.events[key]
            qs = "".join(f"<br>• {e(q)}" for q in ev.discussion_questions)
            qs = f"<br><br><b>For discussion</b>{qs}" if qs else ""
            does = "".join(f"<br>• {e(line)}" for line in option_lines(rs, key))  # each option in words
            return f"<b>{e(ev.title)}</b><br><br>{self.story(ev)}<br><br><b>The choices</b>{does}<br><br><i>Sources: {e('; '.join(ev.sources))}</i>{qs}"
        if self.tab == "Cards" and key in rs.cards:
            c = rs.cards[key]
            owner = rs.factions[c.faction].name if c.faction in rs.factions else "neutral"
            return (
                f"<b>{e(c.title)}</b> — era {c.era}, value {c.value}, {e(owner)}<br><br>"
                f"<b>Event:</b> {e(event_words(rs, key))}<br><br>{self.story(c)}"
                f"<br><br><i>Sources: {e('; '.join(c.sources))}</i>"
            )
        return "Not found."

    def story(self, record) -> str:
        """The text and what really happened, or the summary when the content settings say so
        (the "Show full text" button, key F, shows everything, so a teacher can still read it)."""
        e = html.escape
        hidden = summarised_tags(record, tags_for(self.app))
        if hidden and not self.full:
            text, _ = shown_text(record, hidden)
            return f"{e(text)}<br><br><i>{e(note(hidden))}. Show full text (F) shows the full text and history.</i>"
        shown = (
            f"<i>Full text shown (the content settings summarise {e(', '.join(hidden))}).</i><br><br>" if hidden else ""
        )
        return f"{shown}{e(record.text)}<br><br><b>What really happened</b><br>{e(record.history)}"

    def summarised(self, record) -> bool:
        return bool(summarised_tags(record, tags_for(self.app)))

    def current(self):
        rs = self.app.rs
        return (
            rs.events.get(self.entry)
            if self.tab == "Events"
            else rs.cards.get(self.entry)
            if self.tab == "Cards"
            else None
        )

    def show_entry(self) -> None:
        """The entry's page, and the full-text button (only of use on a summarised entry)."""
        self.body.set_text(self.render(self.entry))
        record = self.current() if self.entry else None
        self.show_full.set_text("Show summary (F)" if self.full else "Show full text (F)")
        if record is not None and self.summarised(record):
            self.show_full.show()
        else:
            self.show_full.hide()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT):
            self.key(event.key)
        elif closes(event, self.back):
            self.app.pop()
        elif closes(event, self.show_full, (pygame.K_f,)):
            self.full = not self.full
            self.show_entry()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element in self.tabs:
                self.tab, self.entry = self.tabs[event.ui_element], None
                self.rebuild()
        elif event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION and event.ui_element is self.list:
            label = event.text
            self.entry = next((k for t, k in self.items if t == label), None)
            self.show_entry()

    def key(self, k: int) -> None:
        """Up/Down walk the entries, Left/Right the tabs."""
        if k in (pygame.K_LEFT, pygame.K_RIGHT):
            i = TABS.index(self.tab)
            self.tab, self.entry = TABS[(i + (1 if k == pygame.K_RIGHT else -1)) % len(TABS)], None
            self.rebuild()
            return
        keys = [key for _, key in self.items]
        if not keys:
            return
        i = keys.index(self.entry) if self.entry in keys else -1
        self.entry = keys[(i + (1 if k == pygame.K_DOWN else -1)) % len(keys)]
        self.show_entry()

    def draw(self, surface: pygame.Surface) -> None:
        page(surface, "Encyclopedia", self.s)
        if self.face_size and self.entry in self.app.rs.characters:
            surface.blit(portrait(self.app.rs, self.entry, self.face_size), self.face_pos)
