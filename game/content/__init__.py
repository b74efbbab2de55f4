"""Content: YAML files -> a validated, frozen Ruleset (discovery, checking, building, hashing)."""
