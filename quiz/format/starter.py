"""The commented starter bank that ``quiz new`` writes."""

SCHEMA_FILE = "orbit-quiz.schema.json"

STARTER_BANK = """\
# yaml-language-server: $schema=./orbit-quiz.schema.json
# (For completion and checks in your editor, save the schema beside this file once:
#  quiz schema > orbit-quiz.schema.json)
#
# A question bank for Orbit Quiz. Check it with: quiz validate {filename}
# See every question as the game asks it: quiz validate --show {filename}
# Play it with: quiz play {filename}    Add a question step by step: quiz add {filename}
# Every key is explained once; delete what you do not need.
#
# When to put text in quotes ("..." or '...'):
#   - it holds ': ' (a colon, then a space):     prompt: "Ratio: 3:1?"
#   - it holds ' #' (a space, then #), which otherwise starts a comment:
#                                                 hint: "Think of C #sharp"
#   - it starts with * & ! % @ ` [ {{ | > ? ' or "  prompt: "*Really?* The Moon shines."
#   - a choice in [ ] holds a comma, else it becomes two choices:
#                                                 choices: [Ottawa, "Washington, D.C."]
# In single quotes an apostrophe is written twice ('the planet''s moons'), or use
# double quotes ("the planet's moons"). Straight quotes only: curly ones are text.
# An answer is the text of a choice, not its number: answer: Mars (not answer: 2).

title: My first quiz                 # required: shown in menus and headers
description: A few questions to show every question type.   # optional
# briefing: A few paragraphs to read before playing (quiz brief). # optional; use | for paragraphs
tags: [sample]                       # optional: every question inherits these

questions:                           # required: at least one question
  # single: pick one of the choices (the default type)
  - id: planet-red                   # required: unique; letters, digits, - and _
    type: single
    prompt: Which planet is known as the red planet?
    choices: [Venus, Mars, Jupiter, Mercury]   # 2 to 10 distinct choices; quote one with a comma
    answer: Mars                     # the text of one of the choices, not its number
    explanation: Iron oxide dust on its surface gives Mars its rusty colour.
    hint: It is the fourth planet from the Sun.   # optional; using it halves the points
    difficulty: easy                 # easy | medium (default) | hard
    tags: [planets]                  # optional
    source: Any astronomy primer     # optional: where the fact comes from

  # multi: pick every right choice
  - id: gas-giants
    type: multi
    prompt: Which of these planets are gas giants?
    choices: [Jupiter, Earth, Saturn, Mars]
    answer: [Jupiter, Saturn]        # a list drawn from the choices
    explanation: Jupiter and Saturn are mostly hydrogen and helium; Earth and Mars are rocky.

  # boolean: true or false (yes/no also work)
  - id: moon-light
    type: boolean
    prompt: The Moon gives off its own light.
    answer: false
    explanation: The Moon only reflects sunlight.

  # text: type the answer; case, accents, punctuation and one small typo are forgiven
  - id: first-human
    type: text
    prompt: Who was the first human in space?
    answer: [Yuri Gagarin, Gagarin]  # one string or a list of accepted answers
    explanation: Yuri Gagarin orbited the Earth in Vostok 1 on 12 April 1961.
    difficulty: medium

  # number: type a number; tolerance is how far off an answer may be (default 0)
  - id: moon-landing-year
    type: number
    prompt: In which year did people first walk on the Moon?
    answer: 1969
    tolerance: 0
    explanation: Apollo 11 landed on the Moon in July 1969.

  # order: put the items in order; list them here in the right order
  - id: planets-from-sun
    type: order
    prompt: Order these planets by distance from the Sun, nearest first.
    items: [Mercury, Venus, Earth, Mars]
    explanation: Mercury is closest, then Venus, Earth and Mars.
    difficulty: hard
    hint: Earth is third.

  # match: pair each left with its right; extra rights are offered but match nothing
  - id: moons-of-planets
    type: match
    prompt: Match each moon with its planet.
    pairs:                           # 2 to 10 pairs; a right may serve several lefts
      - left: Titan
        right: Saturn
      - left: Europa
        right: Jupiter
      - left: Phobos
        right: Mars
    extra: [Venus]                   # optional: rights that match no left
    explanation: Titan orbits Saturn, Europa Jupiter and Phobos Mars; Venus has no moon.
"""
