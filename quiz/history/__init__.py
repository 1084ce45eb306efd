"""What the player did: the SQLite store, spaced review, statistics, results files."""
