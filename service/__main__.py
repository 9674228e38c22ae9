"""`python -m service` is the `econcheck` command."""

from service.cli.main import run

run()
