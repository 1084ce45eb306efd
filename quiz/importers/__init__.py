"""Importing questions from other formats (GIFT, Aiken, Open Trivia DB JSON), and
exporting banks to others (GIFT, Moodle XML, Aiken, CSV, Anki).

Each import format has a pure parser (:mod:`.gift` with :mod:`.gift_text` and
:mod:`.gift_answers`, :mod:`.aiken`, :mod:`.opentdb`) that turns text into an
:class:`~quiz.importers.common.Imported`: the questions it could convert and a
:class:`~quiz.importers.common.Skip` (line and reason) for each one it could not.
:mod:`.convert` reads a file and picks the parser; :mod:`.bank_writer` writes the bank.
Each exporter (``export_*``, chosen in :mod:`.exports`) is a pure function from a bank
to an :class:`~quiz.importers.exported.Exported`; :mod:`.output` checks and writes the
file that either command makes.
"""

FORMATS = ("gift", "aiken", "opentdb")
