"""One module per command: ``register`` adds its parser, ``run`` carries it out."""
