"""One module per mechanic: control, votes, congress, discipline, cards, country, health, scoring."""
