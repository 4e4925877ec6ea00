"""``python -m quotegraph`` runs the CLI."""

from quotegraph.cli import main

main()
