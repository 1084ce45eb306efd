"""Floor for the commands that only report: read a bank with yaml, print a one-row rich table."""

import sys
from pathlib import Path

import yaml
from rich.console import Console
from rich.table import Table

with Path(sys.argv[1]).open(encoding="utf-8") as file:
    bank = yaml.safe_load(file)
table = Table("Title", "Questions")
table.add_row(bank["title"], str(len(bank["questions"])))
Console().print(table)
