"""The window's own measures are explained in the encyclopedia: the words the top bar, the Faction
tab and the vote report use ("credibility", "the political report") have a glossary entry."""

from __future__ import annotations


def test_credibility_and_the_political_report_are_in_the_encyclopedias_terms(app):
    from game.ui.scenes.encyclopedia import EncyclopediaScene

    for term, words in (("credibility", "recant"), ("political_report", "co-report")):
        page = app.push(EncyclopediaScene, "Terms", term)
        app.frame()
        assert term in [key for _title, key in page.entries()]
        shown = page.render(term)
        assert shown.startswith(f"<b>{app.rs.glossary[term].term}</b>") and words in shown
        app.pop()
