"""`report` and `replay`: commands that read a saved game."""

from __future__ import annotations

import sys

from .loading import load_content


def saved_game(args):
    """(save data, content) for a save given on the command line; prints the problem and returns None."""
    from ..persistence.codec import SaveError, read_save
    from ..session.saving import check_content

    try:
        data = read_save(args.save)
    except SaveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None
    mods = [m["id"] for m in data.header.get("mods", []) if isinstance(m, dict) and isinstance(m.get("id"), str)]
    content = load_content(args.data, mods)
    if content is None:
        return None
    try:
        check_content(data, content, args.save.name)
    except SaveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None
    return data, content


def run_report(args) -> int:
    from ..content.tags import TAGS
    from ..persistence.atomic import write_atomic
    from ..report.html import build_report

    tags = [t.strip() for t in args.summarise.split(",") if t.strip()]
    unknown = [t for t in tags if t not in TAGS]
    if unknown:
        print(
            f"error: --summarise: unknown content tag '{unknown[0]}' (the tags are {', '.join(TAGS)})", file=sys.stderr
        )
        return 2
    loaded = saved_game(args)
    if loaded is None:
        return 1
    data, content = loaded
    if args.out is not None and args.out.is_dir():
        print(
            f"error: --out {args.out}: it is a folder; give a file name, like {args.out / 'report.html'}",
            file=sys.stderr,
        )
        return 1
    out = args.out or args.save.with_name(
        args.save.name.replace(".testament.json", "").replace(".json", "") + "-report.html"
    )

    write_atomic(out, build_report(content.ruleset, data, summarise=tags))
    print(out)
    return 0


def run_replay(args) -> int:
    """Exit 0 if every turn's hash matches, 1 naming the first turn that diverges or the problem."""
    from ..persistence.replay import replay
    from ..text.reasons import reason_text

    loaded = saved_game(args)
    if loaded is None:
        return 1
    data, content = loaded
    result = replay(content.ruleset, data)
    words = f": {reason_text(content.ruleset, result.refusal)}" if result.refusal else ""
    print(("ok: " if result.ok else "error: ") + result.message + words, file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1
