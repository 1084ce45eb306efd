"""The terminal edge: rich renderables, prompts and consoles."""
