"""Where banks come from (:mod:`.sources`), and loading them (:mod:`.loading`)
through the cache of checked files (:mod:`.cache`)."""
