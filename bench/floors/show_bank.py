"""Floor for the commands that only report: read a bank with yaml, print a one-row rich table."""

import sys

import yaml
from rich.console import Console
from rich.table import Table

with open(sys.argv[1], encoding="utf-8") as file:
    bank = yaml.safe_load(file)
table = Table("Title", "Questions")
table.add_row(bank["title"], str(len(bank["questions"])))
Console().print(table)
