"""The `econcheck` command line: thin front ends over the engine."""
