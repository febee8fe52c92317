"""A spaCy tokenizer tuned for English news text.

Starts from spaCy's English defaults and changes what news needs:

1. Intra-word hyphens stay inside the token ("al-Kanani", "Iran-backed", "U.S.-led"), as in
   CoNLL-2003 and most news NER data; em dashes, en dashes and double hyphens always split, so
   "explicitly—they" and "1990–2000" come apart.
2. Curly and straight quotes split off words on either side (spaCy's defaults already do this
   for prefixes and suffixes; we add the curly forms as infixes after closing punctuation).
3. Abbreviations common in bylines, datelines and titles ("U.S.", "U.N.", "Lt.", "Sgt.", "Col.")
   stay one token so they do not end a sentence.

The tokenizer is registered as ``newsprism.NewsTokenizer.v1`` so that a pipeline whose config
names it loads with ``spacy.load`` once this module has been imported (``newsprism.models.load``
does that import for you).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.lang.char_classes import (
    ALPHA,
    ALPHA_LOWER,
    ALPHA_UPPER,
    CONCAT_QUOTES,
    LIST_ELLIPSES,
    LIST_ICONS,
)
from spacy.language import Language
from spacy.symbols import NORM, ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, registry

__all__ = ["NEWS_ABBREVIATIONS", "create_news_tokenizer", "customize_tokenizer", "news_infixes"]

# Abbreviations seen in news bylines, datelines and titles that spaCy's English exceptions lack.
NEWS_ABBREVIATIONS: tuple[str, ...] = (
    "U.S.",
    "U.S.A.",
    "U.K.",
    "U.N.",
    "E.U.",
    "D.C.",
    "L.A.",
    "N.Y.",
    "Lt.",
    "Col.",
    "Sgt.",
    "Maj.",
    "Capt.",
    "Cpl.",
    "Pvt.",
    "Adm.",
    "Brig.",
    "Cmdr.",
    "Supt.",
    "Det.",
    "Insp.",
    "Prof.",
    "Sens.",
    "Reps.",
    "Atty.",
    "Amb.",
    "Rev.",
    "Hon.",
    "Pres.",
    "Gens.",
    "Messrs.",
)

_DASHES = r"(?:---|--|—|–|―)"


def news_infixes() -> list[str]:
    """Infix patterns: spaCy's English infixes with the plain hyphen rule removed."""
    return [
        *LIST_ELLIPSES,
        *LIST_ICONS,
        r"(?<=[0-9])[+\*^](?=[0-9-])",
        rf"(?<=[{ALPHA_LOWER}{CONCAT_QUOTES}])\.(?=[{ALPHA_UPPER}{CONCAT_QUOTES}])",
        rf"(?<=[{ALPHA}]),(?=[{ALPHA}])",
        # Dashes always split; a single "-" between letters does not (al-Kanani, Iran-backed).
        _DASHES,
        rf"(?<=[{ALPHA}0-9])[:<>=/](?=[{ALPHA}])",
        # A closing curly quote glued to the next word: ”The / ’s handled by suffixes.
        rf"(?<=[{ALPHA}0-9.,!?])[“”](?=[{ALPHA}])",
    ]


def party_tags() -> list[str]:
    """A US party member's tag with a state's abbreviation, one word: "R-Ga.", "D-Mass."."""
    from .geo import US_ABBREVIATIONS

    return [f"{party}-{state}" for party in "DRI" for state in US_ABBREVIATIONS]


def add_special_cases(tokenizer: Tokenizer) -> None:
    """The abbreviations above and the party tags, each kept one token (not "R-Ga" + "."); also
    run on a loaded pipeline, whose saved tokenizer rules replace those of its factory."""
    for abbr in (*NEWS_ABBREVIATIONS, *party_tags()):
        tokenizer.add_special_case(abbr, [{ORTH: abbr, NORM: abbr}])


def customize_tokenizer(nlp: Language) -> Tokenizer:
    """Turn ``nlp``'s default English tokenizer into the news tokenizer, in place."""
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer), "a spaCy Tokenizer, not a custom callable"
    tokenizer.infix_finditer = compile_infix_regex(news_infixes()).finditer
    add_special_cases(tokenizer)
    return tokenizer


@registry.tokenizers("newsprism.NewsTokenizer.v1")
def create_news_tokenizer() -> Callable[[Language], Tokenizer]:
    """Registry entry for configs: ``[nlp.tokenizer] @tokenizers = "newsprism.NewsTokenizer.v1"``."""

    def make_tokenizer(nlp: Language) -> Tokenizer:
        # Build spaCy's default tokenizer for the language first, then customise it.
        default = registry.tokenizers.get("spacy.Tokenizer.v1")()
        nlp.tokenizer = default(nlp)
        return customize_tokenizer(nlp)

    return make_tokenizer
