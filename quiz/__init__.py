"""Orbit Quiz: a quiz game for the terminal."""

__version__ = "0.1.0"
