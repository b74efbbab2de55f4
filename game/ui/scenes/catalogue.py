"""Every screen and dialog by the name the others open it with (`app.push("pause")`). The app
registers this table with its scene stack; only the app imports it, so no screen imports another
to open it and the screens stay free of cycles."""

from __future__ import annotations

from .chronicle import ChronicleOverlay
from .classvote import ClassVoteOverlay
from .contentnotice import ContentNoticeScene
from .country import CountryOverlay
from .crash import CrashScene
from .encyclopedia import EncyclopediaScene
from .ending import EndOverlay, LessonEndOverlay
from .event import EventOverlay
from .game import GameScene
from .handover import HandoverOverlay
from .inbox import InboxOverlay
from .loadscreen import LoadScene
from .menu import MenuScene
from .modscreen import ModsScene
from .newgame import NewGameScene
from .pause import PauseOverlay
from .relations import RelationsOverlay
from .settingscreen import SettingsScene
from .setupscreen import SetupScene
from .teacher import TeacherOverlay
from .votereport import VoteOverlay

SCENES = {
    # screens
    "menu": MenuScene,
    "new_game": NewGameScene,
    "load": LoadScene,
    "setup": SetupScene,
    "encyclopedia": EncyclopediaScene,
    "settings": SettingsScene,
    "mods": ModsScene,
    "content_notice": ContentNoticeScene,
    "game": GameScene,
    "crash": CrashScene,
    # dialogs over the game
    "pause": PauseOverlay,
    "event": EventOverlay,
    "handover": HandoverOverlay,
    "votes": VoteOverlay,
    "chronicle": ChronicleOverlay,
    "country": CountryOverlay,
    "relations": RelationsOverlay,
    "inbox": InboxOverlay,
    "class_vote": ClassVoteOverlay,
    "teacher": TeacherOverlay,
    "lesson_end": LessonEndOverlay,
    "end": EndOverlay,
}
