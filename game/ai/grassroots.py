"""Where the standard AI spends influence outside the Politburo: campaigns among constituencies,
organising in the regions, placing regional secretaries, publishing a platform, and at a congress
speeches and a co-report. Each candidate's influence is priced by how scarce it is (`thrift`): near
the cap, spending it costs nothing.
"""

from __future__ import annotations

from typing import Any

from ..core import actions as A
from ..core.state import GameState
from . import thrift


def grassroots(bot: Any, view: GameState):  # bot: the StandardBot (standard.py imports this module)
    """Candidates (value, action) from the grassroots, scored with the bot's weights."""
    rs, c = bot.rs, bot._ctx
    if c.influence < 2:
        return
    amount = int(rs.rules["max_spend"]) if c.rich else 2
    standing, fi = view.standing.tolist(), rs.fi[bot.faction]  # plain ints: no numpy call per base
    for base_id in rs.bases:
        row = standing[rs.bi[base_id]]
        mine = row[fi]
        top = max(row)
        if mine >= 90:
            continue
        near_top = 1.0 if mine + 8 >= top else 0.4
        value = rs.bases[base_id].income * near_top * 0.9 - amount * c.price
        yield value * bot.weight("campaign"), A.Campaign(bot.faction, base_id, amount)
    if rs.factions[bot.faction].party:
        heat_cost = c.heat_cost(rs.rules["organise_heat"])
        soon = 1.5 if c.congress_soon else 0.6
        open_share = 1.0 - view.grip / 100.0
        for region, rd in rs.regions.items():
            shares = view.sentiment[region]
            mine = shares.get(bot.faction, 0) / max(1, sum(shares.values()))
            value = open_share * rd.membership / 35.0 * (1.0 - mine) * soon - heat_cost - amount * c.price
            yield value * bot.weight("organise"), A.Organise(bot.faction, region, amount)
        holder = view.offices.get(rs.rules["appointing_office"])
        if holder is not None and c.owner(holder) == bot.faction and c.influence >= 1:
            for region, rd in rs.regions.items():
                sec = view.secretaries.get(region)
                if sec == bot.faction:
                    continue
                value = rd.membership / 25.0 * (1.3 if sec is not None else 1.0)
                yield value * bot.weight("appoint"), A.AppointSecretary(bot.faction, region)
    if c.influence >= 4:
        value = 2.0 - c.heat_cost(rs.rules["platform_heat"])
        yield value * bot.weight("platform"), A.Platform(bot.faction)


def congress(bot: Any, view: GameState):
    """Speeches to sway the uncommitted delegates; a co-report only if the hall would carry it."""
    rs, c = bot.rs, bot._ctx
    if c.influence >= 3:
        most = int(rs.rules["max_spend"]) if c.rich else 4
        yield 2.5 * bot.weight("speech"), A.Speech(bot.faction, min(most, c.influence))
    standing = not view.factions[bot.faction].co_report and c.strength[bot.faction] > 3
    if standing and thrift.co_report_holds(rs, view, bot.faction):
        value = 1.5 - c.heat_cost(rs.rules["co_report_stand_heat"])
        yield value * bot.weight("co_report"), A.CoReport(bot.faction)
