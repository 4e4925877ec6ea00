"""``python -m quotegraph`` runs the CLI."""

from quotegraph.cli import main

if __name__ == "__main__":
    main()
