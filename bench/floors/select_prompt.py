"""Floor for the first question: import rich and questionary, show one select prompt."""

import questionary
from rich.console import Console

Console().print("Which planet is known as the red planet?")
questionary.select("Your answer", choices=["Venus", "Mars", "Jupiter", "Mercury"]).unsafe_ask()
