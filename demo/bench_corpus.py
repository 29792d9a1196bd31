"""Prose for the benchmark's reviews with the word frequencies of real prose (Zipf's law), not a few dozen words
repeated: a handful of words ("the", "film", "camera") in most reviews, and a long tail of words in a few.

The head is English as critics write it, most frequent first; the tail is made-up words from syllables, so a
search for a rare word finds a few reviews, as it would in a real archive.
"""

import itertools
import random

HEAD = """the of and a to in is it that with as his her on for this but by its an be are at from has
one not their all who which more when so than into what out like he she they film series there about
been was or only can up time even most some over story much every while make through scene scenes camera
first character characters director year life way two show season episode never also world work
performance cast light own back still love long moments screen end where before feels little family years
last new something real city home night house after script between quietly comedy drama plot score
dialogue pacing ending music writing shot shots frame frames colour sound editing tone mood tension
humour grief memory silence landscape voice face faces hands eyes window road sea river winter summer
morning evening kitchen table letter secret truth lie friendship marriage mother father daughter son
sister brother stranger town village studio stage theatre ballet dance song fire water rain snow dust
glass paper stone wood iron gold ghost dream fear hope anger joy wit patience restraint warmth cruelty
detective lawyer doctor teacher soldier priest chef thief spy singer painter writer actor actress
documentary thriller western noir romance satire horror animation fantasy mystery musical biography
debut sequel remake adaptation finale pilot premiere festival award lead supporting ensemble turn
gesture glance pause beat cut close wide slow fast quiet loud bright dark cold warm sharp soft strange
familiar tender brutal funny sad bold careful generous uneven patient restless lovely moving""".split()  # noqa: SIM905
SYLLABLES = ["ba", "ke", "lo", "mi", "nu", "ra", "se", "ti", "vo", "za", "dre", "pla", "sko", "tru", "gha",
             "bri", "fen", "mor", "lis", "qua", "zel", "dor", "vin", "tas", "hul", "pex", "wan", "cor", "jet", "nym"]
TAIL_SIZE = 30_000
EXPONENT = 1.07  # the slope of English word frequencies


def vocabulary() -> list[str]:
    made = ("".join(parts) for length in (2, 3, 4) for parts in itertools.product(SYLLABLES, repeat=length))
    head = set(HEAD)
    tail = [word for word in made if word not in head]
    random.Random(7).shuffle(tail)
    return HEAD + tail[:TAIL_SIZE]


class Prose:
    """Words drawn by rank with Zipf's weights: ``prose.words(60)``, ``prose.sentence(20)``."""

    def __init__(self, rng: random.Random):
        self.rng, self.words_by_rank = rng, vocabulary()
        self.cumulative = list(itertools.accumulate(1 / rank ** EXPONENT
                                                    for rank in range(1, len(self.words_by_rank) + 1)))

    def words(self, count: int) -> list[str]:
        return self.rng.choices(self.words_by_rank, cum_weights=self.cumulative, k=count)

    def sentence(self, count: int) -> str:
        return " ".join(self.words(count)).capitalize() + "."
