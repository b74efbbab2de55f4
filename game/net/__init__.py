"""The classroom on the network: a host that owns the live session and serves each team's page
(its own player view only) and the public board over HTTP and WebSockets (docs/NETWORK.md)."""
