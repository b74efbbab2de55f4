"""View-models: what a screen or a network page shows, from a faction's player view - options with
their costs, previews and odds, whips, the inbox, relations, the standing track. Pure: no pygame,
so the window (game/ui) and the network pages (game/net) share them."""
