"""Layout: title, subtitle, byline, image credits, clean body, syndication and off-topic text.

How a segment is judged off-topic, in order (each a reason a user can read):

1. A cue: a short segment that is a newsletter pitch, a "Read more"/"Related" list, a share
   or follow prompt, an advertisement marker. These are boilerplate wherever they stand.
2. Position plus evidence: the last segments of an article are where republishing sites
   append promos. A trailing segment whose rare words mostly do not occur anywhere else in
   the article (IDF-weighted overlap below a threshold) and which brings enough new, specific
   vocabulary is about something else. A short generic closing ("He declined to comment.")
   carries too little new vocabulary to be judged and stays.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..records import Analysis, Article, OffTopic
from ..topicwords import content_words, idf

# -- header lines -------------------------------------------------------------------------

_CREDIT = re.compile(
    r"^\s*\(?(?:(?:image|photo|picture|top image|main image|header image)s?\s*(?:credits?)?|credits?"
    r"|photograph|photo by|photos by)\s*[:|/-]?\s*(?:by\s+)?(?P<credit>.+?)\)?\s*\.?\s*$",
    re.I,
)
_CREDIT_LABEL = re.compile(
    r"^\s*\(?(?:image|photo|picture|top image|main image|header image|credit|photograph)s?\b", re.I
)
# A photo credit standing alone, as pages and feeds leave them in the text: "Drew Angerer/Getty
# Images", "Enlarge this image toggle caption Eric Gay/AP Eric Gay/AP" (NPR: the credit twice),
# "(Photo: New York Daily News via Getty Images)", "Photographer: Nicholas Kamm/AFP"; and a
# caption that ends in one: "The Supreme Court building, March 18 (Tom Brenner/Reuters)".
_PHOTO_AGENCY = (
    r"(?:Getty Images|AP(?: Photo)?|AFP|Reuters|REUTERS|EPA(?:-EFE)?|Landov|Shutterstock|Bloomberg"
    r"|Alamy|Sipa USA|Sipa|ZUMA Press|ZUMA Wire|NurPhoto|Pool|POOL|Corbis|Redux|Polaris|Xinhua"
    r"|TASS|Anadolu Agency|SOPA Images|LightRocket|UPI|CQ Roll Call|Tribune News Service|TNS|MCT"
    r"|Newscom|iStock|iStockphoto|Flickr|Wikimedia Commons|AP Images|Associated Press|NPR|FilmMagic"
    r"|WireImage|Bettmann(?: Archive)?)"
)
_IMAGE_LIBRARY = (  # credited alone, they are photo credits all the same: "(Getty Images)"
    r"(?:Getty Images|Shutterstock|Alamy|iStock|iStockphoto|AP Images|FilmMagic|WireImage"
    r"|Bettmann(?: Archive)?)"
)
_CREDIT_NAME = (  # a photographer or a source: "Jean-Paul Pelissier", "Florida Department of Law"
    r"[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|of|the|and|&|de|van|von|der|la|le|da|di|du|al|el"
    r"|bin)){0,6}?"
)
_CREDIT_BODY = (
    rf"(?:{_CREDIT_NAME}(?:\s*/\s*{_CREDIT_NAME})*(?:\s*/\s*|\s+via\s+|\s+for\s+){_PHOTO_AGENCY}"
    rf"|{_IMAGE_LIBRARY}|(?:REUTERS|Reuters|AP Photo|AFP)\s*/\s*{_CREDIT_NAME})"  # "REUTERS/Joshua Roberts"
    r"(?:\s*/\s*[A-Z][\w.'’&-]*)*(?:,\s*file)?"
)
_PHOTO_CREDIT = re.compile(rf"^(?P<credit>{_CREDIT_BODY})\.?$")
# NPR's photo widget: whatever follows its labels is the credit ("toggle caption Gene Demby/NPR")
_NPR_WIDGET = re.compile(r"^\s*(?:enlarge this image|toggle caption)\b", re.I)
_PHOTO_LABELS = re.compile(
    r"(?:\b(?:enlarge this image|toggle caption|hide caption)\b|\b(?:photo|photograph|photographer"
    r"|image|credit|photo credit):)",
    re.I,
)
MAX_CREDIT_CHARS = 400  # NPR's doubled credit with its labels fits well within this
_CAPTION_CREDIT = re.compile(
    r"(?:\((?:photo:\s*)?(?P<paren>[^()]{3,100})\)|\[(?:(?i:file):\s*)?(?P<bracket>[^\[\]]{3,100})\]"
    rf"|(?:[.!?]\s+|\s\|\s+|\bPhotograph:\s*)(?P<tail>{_CREDIT_BODY}))\s*$"
)


# The Hill's inline reading list, run into the text after a name: "Senate Majority Leader Mitch
# McConnell Addison (Mitch) Mitchell McConnellGOP senators balk at ... MORE (R-Ky.) said"
WIDGET_CHARS = 600
_RUN_ON = re.compile(r"(?<=[a-z])(?=[A-Z](?:[a-z]|[A-Z]{1,5}[ a-z]))")  # "McConnellGOP senators"
# the widget's other opening: the name as the text gives it, then the person's full name
# ("Speaker Paul Ryan Paul Davis Ryan Retirees should ...", "Joe Biden Joe Biden Parnas: ...")
_NAME_AGAIN = re.compile(
    r"(?P<shown>(?P<first>[A-Z][\w'’-]+) (?P<last>[A-Z][\w'’-]+)) (?P=first) "
    r"(?:[A-Z(][\w.()'’-]* ){0,3}(?P=last)"
)


def without_link_widgets(text: str) -> str:
    """The text with inline reading lists cut out: from after the name as the text gives it to
    the widget's "MORE" ("... Mitch McConnell (R-Ky.) said")."""
    if " MORE" not in text:
        return text
    out, at = [], 0
    for more in re.finditer(r" MORE\b", text):
        # the widget opens at most WIDGET_CHARS before its "MORE", where a name runs into it
        window = max(at, more.start() - WIDGET_CHARS)
        for m in _RUN_ON.finditer(text, window, more.start()):
            near = max(0, m.start() - 40)  # a surname is short: look no further back
            word_start = max(text.rfind(" ", near, m.start()), text.rfind("(", near, m.start())) + 1
            surname = text[word_start : m.start()]
            shown = text.rfind(f"{surname} ", max(0, word_start - 80), word_start)
            if (word_start > 0 or near == 0) and len(surname) >= 2 and shown >= 0:
                out.append(text[at : shown + len(surname)])
                at = more.end()
                break
        else:  # no run-on: the name as shown, then its full form ("Paul Ryan Paul Davis Ryan")
            name = _NAME_AGAIN.search(text, window, more.start())
            if name:
                out.append(text[at : name.end("shown")])
                at = more.end()
    return "".join(out) + text[at:] if out else text


def photo_credit(line: str) -> str | None:
    """The credit, when the whole line is a photo credit ("Drew Angerer/Getty Images")."""
    if len(line) > MAX_CREDIT_CHARS:  # credits are short; the checks below are not linear
        return None
    text = line.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    widget = bool(_NPR_WIDGET.match(text))
    text = " ".join(_PHOTO_LABELS.sub(" ", text).split())
    half = re.fullmatch(r"(.+?)\s+\1", text)  # NPR gives the credit twice
    text = half.group(1) if half else text
    if widget and 0 < len(text) <= 150:
        return text
    m = _PHOTO_CREDIT.match(text) if len(text) <= 120 else None
    return m.group("credit") if m else None


# CNN's photo galleries, each caption a paragraph of its own, however long, ending "Hide Caption
# 2 of 6 Photos: <gallery title>" (in 102 of 8,000 AllSides articles)
_GALLERY = re.compile(r"\bHide Caption \d+ of \d+\b")
# a wire photo's caption without its credit: "Reed Hastings attends the red carpet ... on April 4,
# 2019 in Madrid, Spain." (the agency's template: a date, then "in" the place, no comma between)
_DATED_CAPTION = re.compile(
    r"\bon (?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December) \d{1,2}, \d{4} in [A-Z][\w.'’ -]{1,40}(?:, [A-Z][\w.'’ -]{1,30})?\.$"
)


def dated_caption(line: str) -> bool:
    """Whether a paragraph is a photo caption in the wire agencies' dated form."""
    return len(line) <= 400 and not re.search(r"[\"“”]", line) and bool(_DATED_CAPTION.search(line))


def caption_credit(line: str) -> str | None:
    """The credit of a photo caption that ends in one: "... March 18, 2020 (Tom Brenner/Reuters)"."""
    m = _CAPTION_CREDIT.search(line) if len(line) <= 300 else None
    return photo_credit(m.group("paren") or m.group("bracket") or m.group("tail")) if m else None


_BYLINE = re.compile(r"^\s*(?:by|written by|words by)\s+(?P<names>[A-Z][^\n]{1,120})$", re.I)
# a byline block over the body: "John Bacon" and, on its own line, "USA TODAY" (556 AllSides
# articles open so): a person's name, then the outlet's name alone in capitals or a wire's name
_NAME_LINE = re.compile(
    r"^[A-Z][a-z]+(?:[-'’][A-Za-z]+)?(?:\s+(?:[A-Z][a-z]+(?:[-'’][A-Za-z]+)?|[A-Z]\.|Mc[A-Z][a-z]+"
    r"|van|von|de|der|den|da|di|al|bin|la|le)){1,4}$"
)
_OUTLET_LINE = re.compile(r"^[A-Z0-9][A-Z0-9&.'’ ]{1,40}$")
_DATE_LINE = re.compile(r"^\s*(?:published|updated|posted|first published)\b[^\n]{0,80}$", re.I)

# -- syndication --------------------------------------------------------------------------

# Wire services and syndicators that republished copy credits; a list is domain knowledge,
# and the patterns below also catch names that are not on it.
AGENCIES = {
    "reuters": "Reuters", "ap": "AP", "associated press": "Associated Press",
    "the associated press": "Associated Press", "afp": "AFP",
    "agence france-presse": "AFP", "agence france presse": "AFP", "bloomberg": "Bloomberg",
    "dpa": "dpa", "efe": "EFE", "ansa": "ANSA", "xinhua": "Xinhua", "kyodo": "Kyodo",
    "upi": "UPI", "pa": "PA", "pa media": "PA Media", "press association": "PA",
    "cnn": "CNN", "tass": "TASS", "anadolu": "Anadolu", "yonhap": "Yonhap",
}  # fmt: skip
_NAME = r"(?:[A-Z][\w&'’.-]*|\d+)(?:\s+(?:[A-Z][\w&'’.-]*|\d+|of|the|de|la)){0,5}"
_SYNDICATION = [
    # NAIROBI (Reuters) - ...   /   (AP) — ...   at the start of a paragraph
    (
        "dateline",
        re.compile(r"^[A-Z][A-Za-z .,'’/-]{0,60}?\s*\((?P<name>[A-Z][\w .&'’-]{0,40}?)\)\s*[-—–:]"),
    ),
    ("dateline", re.compile(r"^\((?P<name>[A-Z][\w .&'’-]{0,40}?)\)\s*[-—–:]")),
    # "This article originally appeared on The Conversation." (keywords in any case, the name
    # capitalised: "first published in print" names no outlet)
    (
        "republished",
        re.compile(
            r"(?i:originally|first)\s+(?i:appeared|published|ran)\s+(?i:on|in|at|by)\s+"
            r"(?P<name>" + _NAME + r")|(?i:republished\s+(?:from|with permission (?:of|from)))\s+"
            r"(?P<name2>" + _NAME + ")"
        ),
    ),
    # "FRANCE 24 reports." as a sentence of its own, or closing one: "..., AFP reports."
    # ("The Times reported." is a citation of another outlet's reporting, not a credit.)
    (
        "reports",
        re.compile(r"(?:^|(?<=[.!?”\"]\s)|(?<=,\s))(?P<name>" + _NAME + r")\s+reports\s*\."),
    ),
    # "Associated Press writer Jane Doe in Madrid contributed to this report."
    (
        "contributed",
        re.compile(
            r"(?P<name>[^.]{0,160}?)\s+contributed\s+(?:reporting\s+)?(?:to\s+)?"
            r"(?:this\s+)?(?:report|story|article)"
        ),
    ),
]
_HINTS = {
    "republished": re.compile(r"originally|first|republished", re.I),
    "reports": re.compile(r"\breports\s*\."),
    "contributed": re.compile(r"contributed"),
}
# Closing credit lines: boilerplate about the article, never "off-topic" content.
_CREDIT_NOTE = re.compile(
    r"contributed\s+(?:reporting\s+)?to\s+this|originally\s+(?:appeared|published)"
    r"|\b(?:reporting|editing|writing)\s+by\b",
    re.I,
)

# -- off-topic cues -----------------------------------------------------------------------

_CUES = [
    (
        "newsletter pitch",
        re.compile(
            r"\b(?:sign(?:ing)? up|subscribe|subscription)\b.{0,80}\b(?:newsletter|email|inbox|updates|"
            r"digest|briefing)|\bnewsletter\b.{0,60}\b(?:sign up|subscribe|delivered|inbox)"
            r"|\bdelivered (?:\w+ ){0,2}to your inbox\b|\bby signing up,? you agree\b"
            r"|^subscribe now\b|\bmeet your inbox\b|^support \S+ (?:explanatory )?journalism\b"
            r"|\bsign up (?:here|to receive)\b|^newsletter sign-?up$|^got a tip\b|^contact us at\b"
            r"|^please include a contact number\b"
            r"|^thank you for signing up\b|\bcheck out our latest issue\b|^fight back!$"  # The Nation
            r"|\bbe the first to (?:hear|know) about\b|^sign up for our [\w ]{3,30} (?:today|now)\b"
            r"|\bin your inbox\b|^get breaking news alerts\b|^send letters to\b|^got a question\?"
            r"|^subscribe to\b.{0,40}\bpodcast\b|\bon our weekly (?:\w+ ){0,2}podcast\b"
            r"|^let us know what you.re thinking at\b|^listen to today, explained$"
            r"|\bsign up for\b.{0,60}\bwe.ll send you\b"
            r"|^we.re committed to keeping our readers informed\.?$"  # Mother Jones, 2020
            r"|\bremoved our paywall\b|\bbecome a (?:subscriber|member) to support\b",
            re.I,
        ),
    ),
    (
        "read-more list",
        re.compile(
            r"^\(\s*(?:photos|video|poll|also on politico)\s*:.{3,150}\)$|"  # Politico's "( PHOTOS: ...)"
            r"^full coverage: .{3,60}$|^policing the usa: a look at race, justice, media$|"
            r"^[^.!?]{10,200}\sread more$|"  # The Guardian's "<headline> Read more" link
            r"^\s*(?:read (?:more|also|next)|related(?: (?:stories|articles|coverage|reading))?|"
            r"more on this|recommended|you may also like|also read|see also|most read|trending)\b\s*[:|›»-]?",
            re.I,
        ),
    ),
    (
        "share or follow prompt",
        re.compile(
            r"^\s*(?:follow us|like us on|share (?:this|on)|click (?:here|for more)|download (?:our|the) "
            r"app|join (?:us|our) on|listen to (?:this )?article|visit (?:\S+ ){1,3}homepage)\b"
            r"|\bas an interest to stay up to date\b"  # ABC: "Add X as an ..."
            r"|^\W{0,2}follow (?:@\w+|(?:\w+ ){1,6}on (?:twitter|facebook|instagram))"  # "- Follow @x"
            r"|^\W{0,2}check out the cnn electoral map\b|^join the conversation$"
            r"|^(?:click to )?get the [\w ]{2,20} app$|^subscribe to our (?:youtube|podcast)\b"
            r"|^read \S+ new flipboard magazine\b|\bjoin us on twitter and facebook\b",
            re.I,
        ),
    ),
    (  # CNN's embedded players: "JUST WATCHED <title> Replay More Videos ... MUST WATCH <title> 01:29"
        "video player",
        re.compile(
            r"\bJUST WATCHED\b|\bMUST WATCH\b|\bReplay More Videos\b"
            r"|^Media playback is unsupported on your device"  # and the BBC's, USA Today's ("CLOSE
            r"|^CLOSE\b|^Watch the latest video at"  # <blurb> VPC")
        ),
    ),
    (  # labels left where a page had an image, a player, an ad or a button
        "page furniture",
        re.compile(
            r"^(?:Story Continued Below|Continue Reading Below|Story continues|Loading\.\.\.|Video|Photo|YouTube"
            r"|Don.t see the graphic above\? Click here\."
            r"|Opinion (?:contributor|columnist)|Special for USA TODAY|USA TODAY Network"
            r"|Columnists In-depth political coverage, sports analysis, .{0,80}"
            r"|Email|WhatsApp|More:|WATCH:|\[pullquote\]|(?:ANALYSIS/)?OPINION:|Slideshow \(\d+ Images?\)"
            r"|(?:next|prev) Image \d+ of \d+|\d+ (?:year|month|day|hour|minute)s? ago"
            r"|Updated(?: at)? \d{1,2}:\d\d [ap]\.m\.(?: ET)?"
            r"|Advertisement(?: Advertisement| Continue reading the main story))$"
        ),
    ),
    (
        "editorial note",
        re.compile(
            r"^This article is more than \d+ (?:year|month|day)s? old$"
            r"|^The opinions expressed by (?:columnists|the author) are their own\b"
            r"|^This is a rush transcript\b|^.{0,3}The 360.{0,3} shows you diverse perspectives\b"
            r"|\bThe (?:opinions|views) expressed in this commentary (?:are|belong)\b"  # CNN
            r"|^this (?:story|article) has been updated\.?$"
            r"|^editor.s note: as a public service,? (?:all )?our coronavirus coverage\b"
            r"|^the memo is a reported column by\b",
            re.I,
        ),
    ),
    ("advertisement", re.compile(r"^\s*(?:advertisement|sponsored|promoted|ad)\s*:?\s*$", re.I)),
    (
        "rights notice",
        re.compile(r"^\s*(?:copyright|©|\(c\))\s.{0,120}$|all rights reserved\.?\s*$", re.I),
    ),
]
MAX_CUE_CHARS = 400  # a cue inside a long paragraph is part of the story, not a pitch


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    start: int  # offsets into Article.text
    end: int


@dataclass(frozen=True, slots=True)
class LayoutOptions:
    # Chosen on AllSides dev with spliced tails (eval/layout.py) to keep removals of real
    # closing paragraphs rare (about 4%) at the cost of recall; see eval/results/layout.json.
    max_overlap: float = 0.10  # IDF-weighted share of a tail's words found elsewhere
    min_novelty: float = 25.0  # IDF mass of the tail's words found nowhere else
    tail_segments: int = 3  # how many trailing segments may be judged by evidence


def segments(text: str) -> list[Segment]:
    """Paragraphs with their offsets; hard-wrapped lines are joined, list-like lines split."""
    out: list[Segment] = []
    for block in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text):
        lines = [m for m in re.finditer(r"[^\n]+", block.group()) if m.group().strip()]
        # a list, a header block or a credit under a headline: short lines, none continuing
        # the one before; hard-wrapped prose has lines that start in lower case
        listing = all(len(m.group()) <= 160 for m in lines) and not any(
            m.group().lstrip()[:1].islower() for m in lines[1:]
        )
        if len(lines) > 1 and listing:
            for m in lines:
                s = block.start() + m.start()
                out.append(Segment(m.group().strip(), s, s + len(m.group().rstrip())))
        else:
            joined = " ".join(m.group().strip() for m in lines)
            out.append(Segment(joined, block.start(), block.start() + len(block.group().rstrip())))
    return out


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith((".", "!", "?", "”", '"', ":", ";"))


def _looks_like_body(seg: str) -> bool:
    return (
        len(seg) > 300
        or seg.startswith(("“", '"', "‘", "'"))
        or bool(_SYNDICATION[0][1].match(seg))
    )


@dataclass(slots=True)
class Header:
    """What the first lines of a plain-text article hold."""

    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    credits: list[str] = field(default_factory=list)


# Politico's video player, left as its poster attribute, before the headline or on its own
_POSTER = re.compile(r'^poster="https?://[^"\s]*"\s*(?:(?:19|20)\d\d\b)?')


def _after_title(line: str, title: str) -> str | None:
    """What follows the headline when a paragraph opens with it (the standfirst), else None."""
    line, title = " ".join(line.split()), " ".join(title.split())
    if line == title:
        return ""
    if line.startswith(title + " ") and not _looks_like_body(line):
        return line[len(title) + 1 :]
    return None


_CREDIT_END = re.compile(r"/|^(?:AP|Photos?|Images|REUTERS|Reuters|Getty|AFP|POLITICO|EPA)$")


def _captioned_title(line: str, title: str) -> tuple[str, str, str] | None:
    """(caption, credit, standfirst) of a first paragraph that runs a photo's caption and credit
    into the headline (389 AllSides articles, Politico's: "Sen. Bill Cassidy cited ... | Alex
    Wong/Getty Images Cassidy says he's close to ..."), else None. A section label may stand
    between credit and headline ("... /Getty Images foreign policy <headline>")."""
    caption, bar, rest = line.partition(" | ")
    at = rest.find(title) if bar and title else -1
    if at <= 0:
        return None
    words = rest[:at].split()
    credit = next((c for k in range(len(words), 0, -1)
                   if (c := photo_credit(" ".join(words[:k])))), None)  # fmt: skip
    if credit is None and len(words) <= 8:  # "AP Photo", "M.Scott Mahaskey/POLITICO"
        ends = [k for k, w in enumerate(words, 1) if _CREDIT_END.search(w)]
        credit = " ".join(words[: ends[-1]]) if ends else None
    if credit is None:
        return None
    return caption.strip(), credit, rest[at + len(title) :].strip()


def split_header(segs: list[Segment]) -> tuple[Header, list[Segment]]:
    """Title, subtitle, byline and credits from the first lines; the rest is the body."""
    h = Header()
    i = 0
    while i < len(segs) and i < 8:
        line = segs[i].text
        if _CREDIT_LABEL.match(line) and (m := _CREDIT.match(line)) and len(line) < 300:
            h.credits.append(m.group("credit").strip().rstrip("."))
        elif credit := photo_credit(line):
            h.credits.append(credit)
        elif h.byline is None and (by := _by_line(line)):
            h.byline = by
        elif _DATE_LINE.match(line):
            pass
        elif h.byline is None and i + 1 < len(segs) and _byline_block(line, segs[i + 1].text):
            h.byline = line
            i += 1  # the outlet's line too
        elif h.title is None and i == 0 and len(line) <= 250 and len(segs) > 1:
            h.title = line
        elif (
            h.title is not None
            and h.subtitle is None
            and h.byline is None
            and not h.credits
            and len(line) <= 300
            and not _looks_like_body(line)
            and (not _ends_sentence(line) or _header_follows(segs, i))
        ):
            h.subtitle = line
        else:
            break
        i += 1
    return h, segs[i:]


_HIGHLIGHTS = re.compile(r"^Story highlights\s+")
MAX_HIGHLIGHT = 160  # characters: CNN's highlights are a line each


def story_highlights(segs: list[Segment]) -> tuple[list[Segment], list[Segment]]:
    """CNN's "Story highlights" (1,085 AllSides articles): the labelled line and the short
    lines after it, four at most, which sum the story up before it starts; and the rest."""
    at = next((i for i, s in enumerate(segs[:8]) if _HIGHLIGHTS.match(s.text)), None)
    if at is None:
        return [], segs
    end = at + 1
    while end < len(segs) - 1 and end - at < 4 and _highlight(segs[end].text):
        end += 1
    return segs[at:end], segs[:at] + segs[end:]


def _highlight(line: str) -> bool:
    """A line of CNN's highlights: short, four words or more, no full stop or question mark at
    its end (the story's first paragraph has one), no credit or caption."""
    return (
        len(line) <= MAX_HIGHLIGHT
        and len(line.split()) >= 4
        and not line.rstrip().endswith((".", "?"))
        and not (photo_credit(line) or caption_credit(line) or _CREDIT_LABEL.match(line))
    )


def _byline_block(line: str, nxt: str) -> bool:
    """A name alone on its line, then the outlet's: "John Bacon" / "USA TODAY"."""
    return bool(_NAME_LINE.match(line)) and (
        bool(_OUTLET_LINE.match(nxt)) or nxt.strip().lower() in AGENCIES
    )


def leading_byline(segs: list[Segment]) -> tuple[str | None, list[Segment]]:
    """A byline over the body of an article whose title came apart from its text (JSONL,
    feeds): "By Jane Doe", or a name and the outlet's line; the lines leave the body."""
    if len(segs) > 1 and (by := _by_line(segs[0].text)):
        return by, segs[1:]
    if len(segs) > 2 and _byline_block(segs[0].text, segs[1].text):
        return segs[0].text, segs[2:]
    return None, segs


def _by_line(line: str) -> str | None:
    """The names of a "By ..." line, when what follows "By" is names."""
    m = _BYLINE.match(line)
    return m.group("names").strip().rstrip(".") if m and _names(m.group("names")) else None


_NAME_JOINERS = frozenset("and of the for in de van von la le al bin".split())


def _names(text: str) -> bool:
    """Names, not a sentence: "Jane Doe and John Roe, Reuters", not "Monday, the storm had
    passed." (a first paragraph that starts with "By")."""
    words = text.replace(",", " ").replace("|", " ").split()
    return (
        0 < len(words) <= 10
        and all(w[0].isupper() or w.lower() in _NAME_JOINERS for w in words)
        and not text.rstrip().endswith(("!", "?"))
    )


def _header_follows(segs: list[Segment], i: int) -> bool:
    """A one-sentence standfirst ends with a period; a credit or byline after it tells."""
    nxt = segs[i + 1].text if i + 1 < len(segs) else ""
    return bool(_CREDIT_LABEL.match(nxt) or _BYLINE.match(nxt))


def _headline_like(text: str) -> bool:
    return len(text) <= 120 and not _ends_sentence(text) or text.endswith("?") and len(text) <= 120


def cue(text: str) -> str | None:
    """The boilerplate cue a short segment carries, if any."""
    if len(text) > MAX_CUE_CHARS:
        return None
    for reason, pattern in _CUES:
        if pattern.search(text):
            return reason
    return None


def off_topic(
    body: list[Segment], context: str, options: LayoutOptions
) -> tuple[list[Segment], list[OffTopic]]:
    """Split body segments into kept ones and off-topic ones with their reasons."""
    flagged: dict[int, str] = {}
    for i, seg in enumerate(body):
        if reason := cue(seg.text):
            flagged[i] = f"cue: {reason}"
            if reason == "read-more list" and len(seg.text) < 40:  # a bare "Read more:" label
                for j in range(i + 1, len(body)):  # heads the headline-like lines after it
                    if not _headline_like(body[j].text) or j in flagged:
                        break
                    flagged[j] = "cue: read-more list"
    # Trailing segments judged by evidence, from the end, stopping at the first on-topic one.
    last = len(body) - 1
    while last >= 0 and last in flagged:
        last -= 1
    first = max(last - options.tail_segments, 0)  # the lead is never judged
    words = [content_words(s.text) for s in body] if last > 0 else []
    before = content_words(context).union(
        *(w for j, w in enumerate(words[: first + 1]) if j not in flagged)
    )
    for i in range(last, first, -1):
        if _CREDIT_NOTE.search(body[i].text):
            break
        known = before.union(*(words[j] for j in range(first + 1, i) if j not in flagged))
        overlap, novelty = topic_overlap(words[i], known)
        if overlap < options.max_overlap and novelty >= options.min_novelty:
            flagged[i] = f"off-topic tail: {overlap:.0%} of its rare words occur in the article"
        else:
            break
    kept = [s for i, s in enumerate(body) if i not in flagged]
    moved = [
        OffTopic(s.text, s.start, s.end, flagged[i]) for i, s in enumerate(body) if i in flagged
    ]
    return kept, moved


def topic_overlap(words: set[str], known: set[str]) -> tuple[float, float]:
    """IDF-weighted share of a segment's words found in the rest, and the IDF mass not found."""
    if not words:
        return 1.0, 0.0
    shared = sum(idf(w) for w in words if w in known)
    new = sum(idf(w) for w in words if w not in known)
    return shared / (shared + new), new


def split_byline(byline: str | None) -> tuple[str | None, str | None]:
    """The names of a byline, and the agency it credits: "Ana Ribeiro, Reuters" -> both."""
    if not byline:
        return None, None
    byline = re.sub(r"^Opinion(?: by)?\s+(?=[A-Z])", "", byline)  # CNN: "Opinion Bernie Sanders"
    *names, last = re.split(r"\s*[,|/]\s*", byline)
    agency = _agency_in(last) if names and len(last) < 40 else None
    return (", ".join(names), agency) if agency else (byline, None)


def syndication(paragraphs: list[str]) -> str | None:
    """The agency or outlet the article was taken from, if the text says so."""
    for kind, pattern in _SYNDICATION:
        hint = _HINTS.get(kind)
        for para in paragraphs:
            if hint and not hint.search(para):  # a cheap test first: these patterns are costly
                continue
            m = pattern.search(para) if kind != "dateline" else pattern.match(para)
            if not m:
                continue
            names = [v.strip(" .,") for k, v in m.groupdict().items() if v and k.startswith("name")]
            name = next((n for n in names if n), None)
            if name is None:
                continue
            if kind == "dateline" and name.lower() not in AGENCIES and not name.isupper():
                continue  # "(Updated)" or a parenthesised place, not a credit
            if kind == "contributed":
                agency = _agency_in(name)
                if not agency:
                    continue  # "Jane Doe contributed to this report": a colleague, not a source
                return agency
            return AGENCIES.get(name.lower(), name)
    return None


def _agency_in(text: str) -> str | None:
    """A known agency named in the text; short names ("AP", "AFP") only in capitals."""
    for key in sorted(AGENCIES, key=len, reverse=True):
        flags = 0 if len(key) <= 3 else re.I
        if re.search(rf"\b{re.escape(key if flags else key.upper())}\b", text, flags):
            return AGENCIES[key]
    return None


_LANG_WORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "was", "with", "said"},
    "fr": {"le", "la", "les", "et", "des", "est", "une", "dans", "pour", "que", "du"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "mit", "ein", "auf", "für", "den"},
    "es": {"el", "la", "los", "y", "que", "en", "las", "por", "una", "del", "con"},
    "it": {"il", "di", "che", "e", "la", "per", "un", "non", "della", "sono", "gli"},
    "pt": {"o", "de", "que", "e", "do", "da", "em", "um", "para", "não", "os"},
    "nl": {"de", "het", "een", "en", "van", "is", "dat", "op", "niet", "met", "voor"},
}


def language(text: str) -> str | None:
    """The language whose common words are most frequent; None when too little text."""
    words = re.findall(r"[^\W\d_]+", text[:5000].lower())
    if len(words) < 5:
        return None
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in common) for lang, common in _LANG_WORDS.items()}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= max(2, len(words) // 50) else None


class Layout:
    """Lay out an article: header fields, clean body, syndication source, off-topic segments."""

    name: str = "layout"
    version: int = 1
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = (
        "article.body",
        "article.title",
        "article.off_topic",
        "article.syndicated_from",
    )

    def __init__(self, options: LayoutOptions | None = None) -> None:
        self.options = options or LayoutOptions()

    def __call__(self, analysis: Analysis) -> Analysis:
        return replace(analysis, article=self.lay_out(analysis.article))

    def lay_out(self, a: Article) -> Article:
        if a.layout == "exact":
            paragraphs = a.body.split("\n\n")
            return replace(a, syndicated_from=a.syndicated_from or syndication(paragraphs),
                           language=a.language or language(a.body))  # fmt: skip
        segs = segments(a.text)
        h = Header(a.title, a.subtitle, a.byline, list(a.image_credits))
        highlights, segs = story_highlights(segs)
        lead_caption: OffTopic | None = None
        if highlights and h.subtitle is None:
            h.subtitle = _HIGHLIGHTS.sub("", highlights[0].text)
        if a.layout == "raw":
            found, segs = split_header(segs)
            h = Header(
                h.title or found.title,
                h.subtitle or found.subtitle,
                h.byline or found.byline,
                h.credits + found.credits,
            )
        else:
            segs = [replace(s, text=t) for s in segs if (t := _POSTER.sub("", s.text).strip())]
            rest = _after_title(segs[0].text, a.title) if segs and a.title else None
            lead = _captioned_title(segs[0].text, a.title) if segs and a.title else None
            if rest is not None:  # pages and exports often repeat the headline as the first line
                segs = segs[1:]  # (Politico's, after its player, with the standfirst)
                if rest and h.subtitle is None and len(rest) <= 300:
                    h.subtitle = rest
            elif lead is not None:  # Politico's "<caption> | <credit> <section> <headline> ..."
                caption, lead_credit, rest = lead
                lead_caption = OffTopic(caption, segs[0].start, segs[0].start + len(caption),
                                        "cue: photo caption")  # fmt: skip
                h.credits.append(lead_credit)
                segs = segs[1:]
                if rest and h.subtitle is None and len(rest) <= 300:
                    h.subtitle = rest
            byline, segs = leading_byline(segs)
            h.byline = h.byline or byline
        # credit lines standing alone in the body ("Photo: Jane Doe/AP") are credits too
        # and so are photo credits, and captions that end in one (moved out of the body)
        body_segs = []
        captions = [OffTopic(s.text, s.start, s.end, "cue: story highlights") for s in highlights
                    if _HIGHLIGHTS.sub("", s.text) != h.subtitle]  # fmt: skip
        if lead_caption is not None:
            captions.append(lead_caption)
        segs = [replace(s, text=without_link_widgets(s.text)) for s in segs]
        for s in segs:
            if _GALLERY.search(s.text):  # before the credits: "Photos: <title>" is no credit
                captions.append(OffTopic(s.text, s.start, s.end, "cue: photo gallery"))
            elif _CREDIT_LABEL.match(s.text) and (m := _CREDIT.match(s.text)) and len(s.text) < 200:
                h.credits.append(m.group("credit").strip().rstrip("."))
            elif credit := photo_credit(s.text):
                h.credits.append(credit)
            elif credit := caption_credit(s.text):
                h.credits.append(credit)
                captions.append(OffTopic(s.text, s.start, s.end, "cue: photo caption"))
            elif dated_caption(s.text):
                captions.append(OffTopic(s.text, s.start, s.end, "cue: photo caption"))
            elif a.source and s.text.casefold() == a.source.casefold():  # under a byline
                captions.append(OffTopic(s.text, s.start, s.end, "cue: outlet line"))
            else:
                body_segs.append(s)
        kept, moved = off_topic(body_segs, f"{h.title or ''} {h.subtitle or ''}", self.options)
        moved = sorted([*moved, *captions], key=lambda o: o.start)
        paragraphs = [s.text for s in kept]
        byline, agency = split_byline(h.byline)
        return replace(
            a,
            title=h.title,
            subtitle=h.subtitle,
            byline=byline,
            image_credits=tuple(dict.fromkeys(h.credits)),
            body="\n\n".join(paragraphs),
            off_topic=tuple(moved),
            syndicated_from=a.syndicated_from or syndication(paragraphs) or agency,
            language=a.language or language("\n".join(paragraphs)),
        )
