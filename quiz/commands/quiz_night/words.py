"""Rejoin words: what a dropped player types to take their seat back.

A word is three common words and two digits (``maple-otter-comet-42``): easy to read
aloud and to type, and one of 256 x 256 x 256 x 100 (about 1.7 billion), so that it
cannot be guessed in a night, all the more as each name allows only REJOIN_TRIES
wrong words (see :class:`quiz.commands.quiz_night.night.Night`).
"""

from __future__ import annotations

import re
import secrets

REJOIN_TRIES = 3  # wrong rejoin words a name allows before its seat is locked
_LIST = """
acorn almond amber anchor apple arrow aspen atlas autumn badger bagel bamboo banjo basil
beacon beaver beetle berry birch bison blossom bobcat bramble breeze brick bronze bubble
bucket butter button cabin cactus camel candle canoe canyon carbon carrot castle cedar cello
cherry chess cider cinder circus clover cobalt cobra cocoa comet cookie copper coral cosmos
cotton cougar coyote crane crater cricket crystal daisy delta denim desert dingo dolphin
donkey dragon drum dune eagle elm ember falcon feather fennel fern fiddle fig finch flint
forest fossil fox frost galaxy garden garlic gecko geyser ginger glacier goose gopher granite
grape gravel guitar hammer hamster harbor harp hazel helmet heron honey hornet igloo indigo
iris island ivory jacket jaguar jasmine jelly jigsaw jungle kayak kettle kiwi koala ladder
lagoon lantern lemon lemur lentil lily linen lizard llama lobster lotus lynx magnet mammoth
mango maple marble marlin meadow melon meteor mint mitten monkey moose mosaic muffin mustang
nebula needle nickel noodle nutmeg oasis ocean olive onion orbit orchid otter owl oyster
paddle panda paper parrot peach pebble pelican penguin pepper piano pickle pigeon pillow pine
planet plum pony poppy pretzel puffin pulsar pumpkin puzzle quail quartz quill rabbit radish
raven reef ribbon river robin rocket ruby saddle salmon sandal sapphire satin scarf shadow
shell silver sorrel sparrow spider spruce squid stone summit sunset swan tango tapir teapot
thistle thunder tiger timber tomato topaz toucan trumpet tuba tulip tundra turnip turtle
umbrella valley valve velvet violet vortex wagon walnut walrus wasp whale willow window winter
wizard wombat yak yogurt zebra zinc
"""
WORDS = tuple(_LIST.split())  # 256 words, short, common and easy to spell
_SEPARATORS = re.compile(r"[^0-9a-z]+")


def make_word() -> str:
    """A new rejoin word, from the system's source of randomness."""
    words = [secrets.choice(WORDS) for _ in range(3)]
    return "-".join([*words, f"{secrets.randbelow(100):02d}"])


def normal_word(typed: str) -> str:
    """A typed word as compared: any case, spaces or other marks between its parts."""
    return "-".join(part for part in _SEPARATORS.split(typed.casefold()) if part)


def same_word(typed: str, word: str) -> bool:
    """Whether ``typed`` is ``word`` (compared in constant time)."""
    return secrets.compare_digest(normal_word(typed).encode(), normal_word(word).encode())
