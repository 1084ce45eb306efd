"""Importing questions from other formats: GIFT, Aiken and Open Trivia DB JSON.

Each format has a pure parser (:mod:`.gift`, :mod:`.aiken`, :mod:`.opentdb`) that turns
text into an :class:`~quiz.importers.common.Imported`: the questions it could convert
and a :class:`~quiz.importers.common.Skip` (line and reason) for each one it could not.
:mod:`.convert` reads a file and picks the parser; :mod:`.bank_writer` writes the bank.
"""

FORMATS = ("gift", "aiken", "opentdb")
