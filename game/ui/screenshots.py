"""`python -m game screenshots OUTDIR`: each main screen of a seeded game rendered to PNG, off
screen (the dummy video driver), for the README and for people to look at."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..content.loader import GameContent
from ..session.settings import Settings


def take_screenshots(
    content: GameContent,
    outdir: Path,
    seed: int,
    size: tuple[int, int],
    ui_scale: int = 100,
    inspect: Callable[[str, object], None] | None = None,
) -> list[Path]:
    """Render each screen to outdir/NN_name.png at this window size and UI scale (percent);
    `inspect(name, app)`, if given, looks at each screen just after it is drawn (for tests)."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from ..session.live import Session
    from .app import App
    from .scenes.chronicle import ChronicleOverlay
    from .scenes.country import CountryOverlay
    from .scenes.encyclopedia import EncyclopediaScene
    from .scenes.ending import EndOverlay
    from .scenes.event import EventOverlay
    from .scenes.game import GameScene
    from .scenes.handover import HandoverOverlay
    from .scenes.menu import MenuScene
    from .scenes.modscreen import ModsScene
    from .scenes.newgame import NewGameScene
    from .scenes.pause import PauseOverlay
    from .scenes.settingscreen import SettingsScene
    from .scenes.votereport import VoteOverlay

    outdir.mkdir(parents=True, exist_ok=True)
    app = App(content, Settings(width=size[0], height=size[1], ui_scale=ui_scale), size)
    rs = content.ruleset
    written: list[Path] = []

    def shot(name: str) -> None:
        app.frame(0.016)
        app.frame(0.016)
        path = outdir / f"{name}.png"
        app.screenshot(path)
        written.append(path)
        if inspect is not None:
            inspect(name, app)

    app.push(MenuScene)
    shot("01_menu")
    app.push(NewGameScene)
    shot("02_new_game")
    human = rs.scenarios["succession"].playable[0]
    session = Session.start(rs, "succession", seed, [human])
    from ..core import actions as A

    shown_event = False
    session.run_bots()
    while session.state.phase == "chronicle" and session.human_to_move():
        if not shown_event:
            app.reset_to(GameScene, session)
            app.push(EventOverlay, session, session.human_to_move())
            shot("03_event")
            shown_event = True
        event = rs.events[session.state.event_queue[0]]
        session.submit(A.ChooseOption(session.human_to_move(), event.id, event.choices[0].id))
        session.run_bots()
    game = app.reset_to(GameScene, session)
    game.shown_human = session.human_to_move()
    first_person = session.state.seats["politburo"][0]
    game.select(("person", first_person))
    shot("04_apparatus")
    game.tab = "Hand"
    game.rebuild()
    shot("05_hand")
    game.tab = "Policy"
    game.rebuild()
    shot("06_policy")
    game.tab = "Faction"  # the standing track above the faction's own actions
    game.rebuild()
    shot("06_faction")
    # Play on to the first Politburo session that votes, then show its votes.
    while (
        (session.state.turn == 0 or not any(e[1] == "vote.held" for e in session.state.log))
        and not session.over
        and session.state.turn < 8
    ):
        mover = session.human_to_move()
        if mover:
            if session.state.phase == "chronicle":
                event = rs.events[session.state.event_queue[0]]
                session.submit(A.ChooseOption(mover, event.id, event.choices[0].id))
            else:
                session.submit(A.EndTurn(mover))
        else:
            session.step_bot()
    votes = [e for e in session.state.log if e[1] == "vote.held"]
    votes = [e for e in votes if e[0] == votes[-1][0]] if votes else []
    app.reset_to(GameScene, session)
    app.push(VoteOverlay, session, votes)
    shot("07_votes")
    app.reset_to(GameScene, session)
    app.push(ChronicleOverlay, session, human)
    shot("08_chronicle")
    app.reset_to(GameScene, session)
    app.push(CountryOverlay, session, human)
    shot("09_country")
    app.reset_to(GameScene, session)
    app.push(
        HandoverOverlay,
        session,
        human,
        "Waiting for you: the report of 2 votes and 9 items of news since your last turn.",
    )
    shot("10_handover")
    app.reset_to(GameScene, session)
    app.push(PauseOverlay)
    shot("11_pause")
    app.reset_to(EncyclopediaScene, "People", "bukharin")
    shot("12_encyclopedia")
    app.reset_to(SettingsScene)
    shot("13_settings")
    app.reset_to(ModsScene)
    shot("14_mods")
    from .scenes.classvote import ClassVoteOverlay
    from .scenes.contentnotice import ContentNoticeScene
    from .scenes.teacher import TeacherOverlay

    app.reset_to(GameScene, session)
    app.push(TeacherOverlay, session)
    shot("16_teacher")
    app.reset_to(GameScene, session)
    app.push(
        ClassVoteOverlay,
        session,
        human,
        "a motion",
        "Put the motion to the Politburo? Move to appoint a new General Secretary",
        [("yes", "Yes, put it"), ("no", "No")],
        lambda _choice: None,
    )
    app.scene.counts = [14, 9]
    shot("17_class_vote")
    app.reset_to(MenuScene)
    app.push(ContentNoticeScene, lambda: None)
    shot("18_content_notice")
    finished = Session.start(rs, "scissors", seed, [])
    finished.run_bots()
    app.reset_to(GameScene, finished)
    app.push(EndOverlay, finished)
    shot("15_end")
    _issue10_screens(app, rs, seed, human, shot, finished)
    return written


def _issue10_screens(app, rs, seed: int, human: str, shot, finished) -> None:
    """The whip panel, a vote report with its three odds and causes, Relations and the inbox."""
    from ..core import actions as A
    from ..core.state import Pact
    from ..session.live import Session
    from .scenes.game import GameScene
    from .scenes.inbox import InboxOverlay
    from .scenes.relations import RelationsOverlay
    from .scenes.votereport import VoteOverlay

    session = Session.start(rs, "succession", seed, [human])
    marks = [0, 0]  # the human's chronicle at the start of each of its last two turns (for the inbox)
    for _ in range(20000):  # on to a Politburo session with motions to whip, after the second turn
        mover = session.human_to_move()
        if session.over or (mover and session.state.phase == "session" and session.state.turn >= 2):
            break
        if mover is None:
            session.step_bot()
        elif session.state.phase == "chronicle":
            event = rs.events[session.state.event_queue[0]]
            session.submit(A.ChooseOption(mover, event.id, event.choices[0].id))
        else:
            if session.state.phase == "intrigue":
                marks = [marks[1], len(session.view(mover).log)]
            session.submit(A.EndTurn(mover))
    game = app.reset_to(GameScene, session)
    game.shown_human, game.seen_log = human, len(session.state.log)  # the votes so far were reported
    shot("19_whips")
    votes = [e for e in finished.state.log if e[1] == "vote.held"]

    def telling_of(e) -> float:  # the vote that says most: moved odds, defections, varied reasons
        reasons = {k.split(":")[0] for row in e[2].get("why", []) for k, _ in row[3]}
        return (
            sum(abs(c[3]) for c in e[2].get("changes", []))
            + 0.05 * len(reasons)
            + 0.02 * len(e[2].get("could_move", []))
        )

    telling = max(votes, key=telling_of, default=None)
    if telling is None or telling_of(telling) < 0.5:  # play an all-AI game on to a vote whose odds moved
        bots, seen = Session.start(rs, "succession", seed, []), 0
        while not bots.over and (telling is None or telling_of(telling) < 0.5):
            bots.step_bot()
            telling = max(
                [e for e in bots.state.log[seen:] if e[1] == "vote.held"] + ([telling] if telling else []),
                key=telling_of,
                default=None,
            )
            seen = len(bots.state.log)
    app.reset_to(GameScene, finished)
    app.push(VoteOverlay, finished, [telling] if telling else [])
    shot("20_vote_report")
    others = [f for f in rs.faction_ids if f != human and rs.factions[f].party]
    state = session.state  # a standing offer to show (this throwaway game is not played on)
    state.pacts.append(Pact(others[0], human, "alliance", state.turn + 2, False, 2, None, state.turn))
    game = app.reset_to(GameScene, session)
    game.shown_human, game.seen_log = human, len(session.state.log)
    app.push(RelationsOverlay, session, human)
    shot("21_relations")
    app.reset_to(GameScene, session)
    app.push(InboxOverlay, session, human, session.view(human).log[marks[0] :])
    shot("22_inbox")
