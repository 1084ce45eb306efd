"""The game: order of play (:mod:`.engine`), judging answers (:mod:`.judging`) and
scoring (:mod:`.scoring`). Pure: an asker, a ``random.Random`` and a clock come in."""
