"""Importing questions from other formats (GIFT, Aiken, Open Trivia DB JSON), and
exporting banks to others (GIFT, Moodle XML, Aiken, CSV, Anki).

Each import format has a pure parser (:mod:`.gift` with :mod:`.gift_text`,
:mod:`.gift_answers` and :mod:`.gift_notes`, :mod:`.aiken`, :mod:`.opentdb`) that turns
text into an :class:`~quiz.importers.common.Imported`: the questions it could convert, a
:class:`~quiz.importers.common.Skip` (line and reason) for each one it could not, and
a :class:`~quiz.importers.common.Note` for what the author should hear about.
:mod:`.convert` reads a file and picks the parser; :mod:`.bank_writer` writes the bank.
Each exporter (``export_*``, chosen in :mod:`.exports`) is a pure function from a bank
to an :class:`~quiz.importers.exported.Exported`; :mod:`.output` checks and writes the
file that either command makes.
"""

FORMATS = ("gift", "aiken", "opentdb")
