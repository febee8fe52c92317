"""Time expressions in English news: found with regular expressions, normalised to TimeML.

Rules in the spirit of HeidelTime, written for speed (one pass of compiled patterns, no
parser). Values resolve against two anchors, as a careful reader does:

- deictic expressions ("yesterday", "last week", "three years ago", "on Tuesday") against
  the publication date, the moment the article speaks from;
- anaphoric ones ("two days earlier", "the next day", "a year later", "that month") against
  the date the text is currently talking about: the last explicit date before them.

Without a publication date the unknown parts of a value stay as X ("XXXX-01-05").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from .records import DateRef

# -- vocabulary ----------------------------------------------------------------------------

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "half a": 0.5, "a half": 0.5, "a couple of": 2, "couple of": 2,
}  # fmt: skip
VAGUE = {"several", "a few", "few", "some", "many", "the past few", "dozens of", "hundreds of",
         "a number of"}  # fmt: skip
UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "weekend": "WE", "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
    "century": "CE", "centurie": "CE",
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}

_NUM_WORD = (
    r"(?:(?<![\d.,$])\d+(?:\.\d+)?|"  # not the tail of "1.2" or "$3"
    + "|".join(sorted((re.escape(k) for k in NUMBERS), key=len, reverse=True))
    + r")"
)
# the second word of "twenty-four", "two hundred": never "a" ("seven a year ago")
_NUM_TAIL = "|".join(
    sorted(
        (re.escape(k) for k in NUMBERS if "a" not in k.split() and "couple" not in k),
        key=len,
        reverse=True,
    )
)
_NUM = (
    rf"(?:{_NUM_WORD}(?:[- ](?:{_NUM_TAIL}))?(?:\s+and\s+a\s+half|\s+1/2|½)?|"
    rf"{'|'.join(sorted(VAGUE, key=len, reverse=True))})"
)
_UNIT = r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|centur(?:y|ie))s?"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_FULL_MONTH = (
    r"(?:January|February|March|April|June|July|August|September|October|November|December)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_PART = r"(?:morning|afternoon|evening|night)"
_FUTURE = re.compile(r"\b(?:will|won[’']t|'ll|shall|going to|plans? to|planning to|scheduled|expected to|set to|is to|are to|(?:is|are) due to|"
                     r"upcoming)\b", re.I)  # fmt: skip


# a day named right after a past verb, or right before one, lies behind, whatever else its
# sentence says: "Since the decision was announced Wednesday, they have said they will appeal"
_BEHIND = re.compile(r"\b(?:(?:was|were|had been|has been|have been)\s+\w+(?:ed|en|wn)|said|told|"
                     r"announced|reported|confirmed|declared|added)\s+(?:on\s+)?\Z", re.I)  # fmt: skip

_NOT = re.compile(r"\b(?:not|never)\b|n[’']t\b", re.I)
_PAST = re.compile(r"\b(?:did|was|were|had|\w+ed)\b", re.I)
_MAYBE = re.compile(r"\b(?:would|could|might|may)\b", re.I)

_PAST_NEXT = re.compile(r"\s+(?:said|told|\w+ed)\b(?!\s+(?:to|by|for)\b)", re.I)

# a date named right after these words lies ahead ("payable Jan. 2", "loans through January")
# (not a phrasal verb's "through": "the bill fell through on Friday")
_AHEAD = re.compile(r"\b(?:payable|effective|(?<!fell )(?<!went )(?<!came )(?<!got )through|"
                    r"until|till|by|starting|beginning|due|"
                    # "until polls close on Nov. 8" (not "until police arrived on ...")
                    r"until\s+(?:(?![a-z]+ed\b)[a-z]+\s+){1,3}on)\s+(?:on\s+|in\s+)?\Z", re.I)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Anchor:
    """A point in time at some granularity: the publication date or the current reference."""

    day: date | None  # None: unknown
    grain: str = "day"  # day | month | quarter | year


@dataclass
class Context:
    text: str
    dct: date | None
    ref: Anchor  # the date the text is currently talking about

    def future(self, start: int, end: int) -> bool:
        """Whether the sentence around a span speaks of the future."""
        left = max(self.text.rfind(".", 0, start), self.text.rfind("\n", 0, start), start - 80) + 1
        right = self.text.find(".", end, end + 40)
        return bool(_FUTURE.search(self.text[left : right if right > 0 else end + 40]))

    def ahead(self, start: int, end: int) -> bool:
        """Whether a month named here lies ahead: a future sentence or "payable Jan. 2" (not a
        sentence's opening "By Tuesday afternoon, the police reported ...": how things stood)."""
        cue = _AHEAD.search(self.text, max(0, start - 30), start)
        if cue and cue[0].lower().startswith("until") and self._waited(start):
            return self.future(start, end)
        return bool(cue and not cue[0].startswith("By ")) or self.future(start, end)

    def _waited(self, start: int) -> bool:
        """A past sentence that says what did not happen until then: "He angered Schumer by
        not sharing the text until Monday evening" (that Monday is behind)."""
        left = max(self.text.rfind(".", 0, start), self.text.rfind("\n", 0, start)) + 1
        before = self.text[left:start]
        return bool(_NOT.search(before) and _PAST.search(before) and not _MAYBE.search(before))


Result = tuple[str, str] | None  # (type, value), or None to drop the match
Rule = tuple[re.Pattern[str], Callable[[re.Match[str], Context], Result]]

# -- value helpers ---------------------------------------------------------------------------


def number(text: str) -> float | None:
    """'two' -> 2, 'twenty-four' -> 24, '3' -> 3, 'several' -> None (vague)."""
    text = text.lower().strip()
    half = re.search(r"\s+and\s+a\s+half$|\s+1/2$|½$", text)
    if half:  # "two and a half", "2 1/2"
        whole = number(text[: half.start()])
        return whole + 0.5 if whole is not None else None
    if text in VAGUE:
        return None
    if text in NUMBERS:
        return NUMBERS[text]
    try:
        return float(text)
    except ValueError:
        pass
    parts = re.split(r"[- ]", text)
    if len(parts) == 2 and all(p in NUMBERS for p in parts):
        a, b = NUMBERS[parts[0]], NUMBERS[parts[1]]
        return a * b if b == 100 else a + b
    return None


def _n(value: float | None) -> str:
    if value is None:
        return "X"
    return str(int(value)) if value == int(value) else str(value)


_SMALLER = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "M"),
            "M_": (60, "S")}  # fmt: skip


def duration(n: float | None, unit: str) -> str:
    """TimeML duration: (2, 'day') -> P2D; (3, 'hour') -> PT3H; (None, 'year') -> PXY;
    fractions go to the next smaller unit: (2.5, 'year') -> P2Y6M, (1.5, 'minute') -> PT1M30S."""
    code = UNITS[unit.lower().rstrip("s") if unit.lower() != "centuries" else "centurie"]
    if n is not None and n != int(n) and code in ("Y", "M", "W", "D", "H"):
        time = unit.lower().startswith(("second", "minute", "hour"))
        factor, small = _SMALLER[code + "_" if time and code == "M" else code]
        whole, rest = int(n), round((n - int(n)) * factor)
        if code == "D":  # a day and a half: P1DT12H
            return f"P{whole}DT{rest}H" if whole else f"PT{rest}H"
        head = f"{whole}{code}" if whole else ""
        return ("PT" if time else "P") + head + f"{rest}{small}"
    if code == "WE":
        return f"P{_n(n * 2 if n else None)}D"
    if unit.lower().startswith("fortnight"):
        return f"P{_n(n * 2 if n else None)}W"
    if code == "Q":
        return f"P{_n(n * 3 if n else None)}M"
    if code in ("DE", "CE"):
        return f"P{_n(n * (10 if code == 'DE' else 100) if n else None)}Y"
    if unit.lower().startswith(("second", "minute", "hour")):
        return f"PT{_n(n)}{code}"
    return f"P{_n(n)}{code}"


def _shift(day: date, n: int, unit: str) -> date:
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit] * n
    y, m = divmod(day.month - 1 + months, 12)
    return date(day.year + y, m + 1, min(day.day, 28))


def show(day: date | None, grain: str) -> str:
    """A date at a granularity, as a TimeML value."""
    if day is None:
        return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX",
                "year": "XXXX", "decade": "XXX", "century": "XX"}[grain]  # fmt: skip
    if grain == "day":
        return day.isoformat()
    if grain == "week":
        y, w, _ = day.isocalendar()
        return f"{y}-W{w:02d}"
    if grain == "month":
        return f"{day.year}-{day.month:02d}"
    if grain == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if grain == "year":
        return str(day.year)
    if grain == "decade":
        return str(day.year)[:3]
    return str(day.year)[:2]


def _unit(word: str) -> str:
    w = word.lower().rstrip("s")
    return {"centurie": "century", "night": "day", "fortnight": "week"}.get(w, w)


_GRAINS = ["day", "week", "month", "quarter", "year", "decade", "century"]


def _year_of(month: int, ctx: Context, direction: int = 0, future: bool = False) -> int | None:
    """The year of a month named without one, as a reader takes it: "last November" in
    December 1999 is 1999-11, "next March" next year's; a plain "December" in a February
    story told in the past tense is last December, in the future tense this one."""
    if ctx.dct is None:
        return None
    y, now = ctx.dct.year, ctx.dct.month
    if direction < 0:
        return y - 1 if month >= now else y
    if direction > 0:
        return y + 1 if month <= now else y
    if future:
        return y + 1 if month < now - 2 else y
    return y - 1 if month > now + 2 else y


def _fix_year(y: str) -> int:
    n = int(y)
    return n + (1900 if n >= 30 else 2000) if len(y) == 2 else n


# -- rules -----------------------------------------------------------------------------------


def _full_date(m: re.Match[str], ctx: Context) -> Result:
    month = MONTHS[m["month"].lower().rstrip(".")]
    day = int(re.match(r"\d+", m["day"]).group())  # type: ignore[union-attr]
    year = (
        _fix_year(m["year"])
        if m["year"]
        else _year_of(month, ctx, 0, ctx.ahead(m.start(), m.end()))
    )
    try:
        d = date(year, month, day) if year else None
    except ValueError:
        return None
    if d is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    ctx.ref = Anchor(d, "day")
    return "DATE", d.isoformat()


def _numeric_date(m: re.Match[str], ctx: Context) -> Result:
    try:
        if m["iso"]:
            d = date.fromisoformat(m["iso"])
        else:
            d = date(_fix_year(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    ctx.ref = Anchor(d, "day")
    return "DATE", d.isoformat()


def _month_year(m: re.Match[str], ctx: Context) -> Result:
    month = MONTHS[m["month"].lower().rstrip(".")]
    year = int(m["year"])
    ctx.ref = Anchor(date(year, month, 1), "month")
    return "DATE", f"{year}-{month:02d}"


def _month(m: re.Match[str], ctx: Context) -> Result:
    month = MONTHS[m["month"].lower().rstrip(".")]
    rel = (m["rel"] or "").lower()
    direction = -1 if rel in ("last", "this past") else 1 if rel in ("next", "this coming") else 0
    year = _year_of(month, ctx, direction, ctx.ahead(m.start(), m.end()))
    if year is not None and rel == "this":
        year = ctx.dct.year  # type: ignore[union-attr]
    if year is not None and m["yrel"]:
        year = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]  # type: ignore[union-attr]
    if year is None:
        return "DATE", f"XXXX-{month:02d}"
    ctx.ref = Anchor(date(year, month, 1), "month")
    return "DATE", f"{year}-{month:02d}"


def _year(m: re.Match[str], ctx: Context) -> Result:
    year = int(m["year"])
    if ctx.dct and year > ctx.dct.year + 30:
        return None  # a quantity, not a year
    ctx.ref = Anchor(date(year, 1, 1), "year")
    return "DATE", str(year)


def _decade(m: re.Match[str], ctx: Context) -> Result:
    if m["decade"]:
        return "DATE", m["decade"][:3]
    digits = m["d2"]  # the '90s
    return "DATE", ("19" if int(digits) >= 30 else "20") + digits[0]


def _relative_day(m: re.Match[str], ctx: Context) -> Result:
    if m["word"] == "TODAY" and ctx.text[max(0, m.start() - 4) : m.start()] == "USA ":
        return None  # the newspaper USA TODAY
    word = m["word"].lower()
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
              "this": 0}.get(word.split()[0] if word.startswith("this") else word, 0)  # fmt: skip
    part = m["part"] or m["pre"] or next((p for p in PARTS if p in word), None)
    part = part.lower() if part else None
    if ctx.dct is None:
        return "DATE", "XXXX-XX-XX" + (f"T{PARTS[part]}" if part else "")
    d = ctx.dct + timedelta(days=offset)
    if part:
        return "TIME", f"{d.isoformat()}T{PARTS[part]}"
    return "DATE", d.isoformat()


def _weekday(m: re.Match[str], ctx: Context) -> Result:
    target = WEEKDAYS[m["weekday"].lower()]
    rel = (m["rel"] or "").lower()
    part = m["part"].lower() if m["part"] else None
    if ctx.dct is None:
        return "DATE", f"XXXX-WXX-{target + 1}"
    base = ctx.dct
    if rel in ("the previous", "the following") and ctx.ref.day is not None:
        base, rel = ctx.ref.day, "last" if rel == "the previous" else "next"  # the story's day
    delta = target - base.weekday()
    # News names yesterday by its weekday ("said Monday" in a Tuesday story) but the day after
    # publication is the coming one: "the vote is on Wednesday" in a Tuesday story.
    behind = bool(_BEHIND.search(ctx.text, max(0, m.start() - 40), m.start())) or bool(
        _PAST_NEXT.match(ctx.text, m.end())  # "The ministry on Wednesday unveiled plans to ..."
    )
    future = rel in ("next", "this coming") or (
        rel not in ("last", "this past")
        and not behind
        and (delta % 7 == 1 or ctx.ahead(m.start(), m.end()))
    )
    # the nearest such day in the direction the sentence looks (today counts)
    delta = delta % 7 if future else -((-delta) % 7)
    if delta == 0 and rel in ("last", "next"):
        delta = -7 if rel == "last" else 7
    d = base + timedelta(days=delta)
    ctx.ref = Anchor(d, "day")
    if part:
        return "TIME", f"{d.isoformat()}T{PARTS[part]}"
    return "DATE", d.isoformat()


def _this_unit(m: re.Match[str], ctx: Context) -> Result:
    """this/last/next/the coming week|month|year|quarter|weekend|season, 'earlier this month'."""
    rel = m["rel"].lower()
    unit = m["unit"].lower()
    step = {"this": 0, "the current": 0, "current": 0, "last": -1, "the last": -1, "past": -1,
            "the past": -1, "the previous": -1, "previous": -1, "next": 1, "the next": 1,
            "the coming": 1, "coming": 1, "the following": 1}[rel]  # fmt: skip
    if unit in SEASONS:
        if ctx.dct is None:
            return "DATE", f"XXXX-{SEASONS[unit]}"
        return "DATE", f"{ctx.dct.year + step}-{SEASONS[unit]}"
    anchor = ctx.ref if rel in ("the following", "the previous") else Anchor(ctx.dct)
    if anchor.day is None:
        return "DATE", show(None, "week" if unit == "weekend" else unit)
    if unit == "weekend":
        d = _shift(anchor.day, step, "week")
        y, w, _ = d.isocalendar()
        return "DATE", f"{y}-W{w:02d}-WE"
    return "DATE", show(_shift(anchor.day, step, _unit(unit)), _unit(unit))


def _part_of_this(m: re.Match[str], ctx: Context) -> Result:
    """'before the end of the month': the month (year, week) the article is published in."""
    unit = m["unit"].lower()
    return "DATE", show(ctx.dct, unit)


def _ago(m: re.Match[str], ctx: Context) -> Result:
    """'three years ago' from the publication date; 'two days earlier' from the reference."""
    n = number(m["num"])
    unit = _unit(m["unit"])
    word = m["dir"].lower()
    anaphoric = word in ("earlier", "later", "before", "after", "afterwards", "afterward")
    anchor = ctx.ref if anaphoric else Anchor(ctx.dct)
    sign = 1 if word in ("later", "after", "afterwards", "afterward", "from now", "hence") else -1
    if unit in ("hour", "minute", "second"):
        return "DURATION", duration(n, m["unit"])
    if n is None and unit in ("year", "decade") and anchor.day is not None and sign < 0:
        return "DATE", str(anchor.day.year)[:3] + "X"  # "a few years ago"
    if n is None or anchor.day is None:
        return "DATE", show(
            None, unit
        ) if n is not None else "PAST_REF" if sign < 0 else "FUTURE_REF"
    if n != int(n):
        return "DURATION", duration(n, m["unit"])
    grain = unit
    day = anchor.day
    if anaphoric and anchor == Anchor(ctx.dct):
        pass  # no date named yet: "a year earlier" reads as "a year ago"
    elif anaphoric and _GRAINS.index(anchor.grain) < _GRAINS.index(unit):
        grain = anchor.grain  # "a week later" than a day is a day
    elif unit == "year" and ctx.ref.grain == "quarter" and ctx.ref.day is not None:
        day, grain = ctx.ref.day, "quarter"  # "a year ago" in a quarterly report
    return "DATE", show(_shift(day, int(sign * n), unit), grain)


def _the_next_day(m: re.Match[str], ctx: Context) -> Result:
    """'the next day', 'the following week', 'the day before', 'that day', 'the same day'."""
    unit = _unit(m["unit"])
    word = (m["which"] or m["after"] or "").lower()
    step = (
        1 if word in ("next", "following", "after") else -1 if word in ("previous", "before") else 0
    )
    anchor = ctx.ref
    if anchor.day is None or _GRAINS.index(anchor.grain) > _GRAINS.index(unit):
        return "DATE", show(None, unit)  # "since 2001 ... That day": which day, 2001 does not say
    return "DATE", show(_shift(anchor.day, step, unit), unit)


_GRAINS = ["day", "week", "month", "quarter", "year", "decade", "century"]


def _quarter(m: re.Match[str], ctx: Context) -> Result:
    which = (m["which"] or "").lower()
    year = int(m["year"] or m["year2"]) if m["year"] or m["year2"] else None
    if re.search(r"year[- ](?:ago|earlier)", m.group(), re.I):  # "the year-ago quarter"
        base = _reported(ctx)
        return "DATE", show(_shift(base, -1, "year") if base else None, "quarter")
    if which in ORDINALS:
        q = ORDINALS[which]
        if year is None and ctx.dct is not None:
            year = ctx.dct.year if q <= (ctx.dct.month - 1) // 3 + 1 else ctx.dct.year - 1
    else:  # "the quarter", "the latest quarter": the one last reported
        if ctx.ref.grain == "quarter" and ctx.ref.day is not None:
            return "DATE", show(ctx.ref.day, "quarter")
        if ctx.dct is None:
            return "DATE", "XXXX-QX"
        d = _shift(ctx.dct, -1, "quarter")
        q, year = (d.month - 1) // 3 + 1, d.year
    if year is None:
        return "DATE", f"XXXX-Q{q}"
    ctx.ref = Anchor(date(year, 3 * q - 2, 1), "quarter")
    return "DATE", f"{year}-Q{q}"


def _year_quarter(m: re.Match[str], ctx: Context) -> Result:
    """'this year's third quarter', 'last year's quarter' (the reported quarter, a year back),
    'the quarter a year ago', 'the corresponding period last year'."""
    if ctx.dct is None:
        return "DATE", "XXXX-QX"
    reported = _reported(ctx) or ctx.dct
    q = ORDINALS[m["which"].lower()] if m["which"] else (reported.month - 1) // 3 + 1
    if m["back"]:
        return "DATE", f"{reported.year - 1}-Q{q}"
    step = {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
    return "DATE", f"{ctx.dct.year + step}-Q{q}"


def _reported(ctx: Context) -> date | None:
    """The quarter a report is about: the one the text last named, unless that one had not
    begun by publication (a forecast), else the one before publication."""
    if ctx.ref.grain == "quarter" and ctx.ref.day and (ctx.dct is None or ctx.ref.day <= ctx.dct):
        return ctx.ref.day
    return _shift(ctx.dct, -1, "quarter") if ctx.dct else None


def _q(ctx: Context) -> str:
    """The number of the quarter a report is about (``_reported``), or X."""
    day = _reported(ctx)
    return str((day.month - 1) // 3 + 1) if day else "X"


def _holiday(m: re.Match[str], ctx: Context) -> Result:
    # "New Year's Eve", "New Years Eve" and "Valentines Day" alike
    name = re.sub(r"\s+day$", "", re.sub(r"(year|valentine)[’']?s\b", r"\1", m["name"].lower()))
    year = int(m["year"]) if m["year"] else (ctx.dct.year if ctx.dct else None)
    if year is None:
        return "DATE", "XXXX-" + HOLIDAYS[name](2001).strftime("%m-%d")
    d = HOLIDAYS[name](year)
    if not m["year"] and ctx.dct and (d - ctx.dct).days > 180:
        d = HOLIDAYS[name](year - 1)
    ctx.ref = Anchor(d, "day")
    return "DATE", d.isoformat()


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th weekday of a month (n = -1: the last)."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = _shift(date(year, month, 1), 1, "month") - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas": lambda y: date(y, 12, 25), "christmas eve": lambda y: date(y, 12, 24),
    "new year": lambda y: date(y, 1, 1), "new year eve": lambda y: date(y, 12, 31),
    "independence": lambda y: date(y, 7, 4), "fourth of july": lambda y: date(y, 7, 4),
    "halloween": lambda y: date(y, 10, 31), "valentine": lambda y: date(y, 2, 14),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4), "labor": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial": lambda y: _nth_weekday(y, 5, 0, -1), "veterans": lambda y: date(y, 11, 11),
}  # fmt: skip


def _spelled_year(m: re.Match[str], ctx: Context) -> Result:
    """'nineteen ninety-six', 'the year two thousand' (broadcast transcripts)."""
    if m["thousand"]:
        rest = number(m["rest"]) if m["rest"] else 0
        return "DATE", str(2000 + int(rest or 0))
    hi, lo = number(m["hi"]), number(m["lo"])
    if hi is None or lo is None:
        return None
    return "DATE", str(int(hi) * 100 + int(lo))


def _period(m: re.Match[str], ctx: Context) -> Result:
    """'the 1988 period' / 'the year-ago period': the quarter the report is about."""
    if m["latest"]:  # "the latest period": the quarter being reported
        return "DATE", show(_reported(ctx), "quarter")
    return ("DATE", f"{m['year2']}-Q{_q(ctx)}") if m["year2"] else _year_ago(m, ctx)


def _fiscal_year(m: re.Match[str], ctx: Context) -> Result:
    step = {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
    return "DATE", str(ctx.dct.year + step) if ctx.dct else "XXXX"


def _recent(m: re.Match[str], ctx: Context) -> Result:
    """'in recent years': a stretch of unknown length."""
    return "DURATION", duration(None, m["unit"])


def _half(m: re.Match[str], ctx: Context) -> Result:
    h = 1 if m["which"].lower() == "first" else 2  # second, last
    year = int(m["year"]) if m["year"] else (ctx.dct.year if ctx.dct else None)
    return "DATE", f"{year if year else 'XXXX'}-H{h}"


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}  # winter spans two years


def _season(m: re.Match[str], ctx: Context) -> Result:
    """'the summer of 1998'; a bare 'in the spring' is the nearest one in the sentence's
    direction: next year's in a November sentence that looks ahead, last year's in a March
    one that looks back at the autumn, else the publication year's."""
    code = SEASONS[m["season"].lower()]
    if m.groupdict().get("year") or ctx.dct is None:
        return "DATE", f"{m.groupdict().get('year') or 'XXXX'}-{code}"
    year = ctx.dct.year
    first, last = _SEASON_MONTHS.get(code, (12, 12))
    if ctx.future(m.start(), m.end()) or re.match(r"(?:until|by)\b", m[0], _I):
        year += 1 if ctx.dct.month > last else 0  # "won't decide until the spring" (November)
    else:
        year -= 1 if ctx.dct.month < first else 0
    return "DATE", f"{year}-{code}"


_ORDINAL_SECOND = re.compile(
    r"\s+(?!(?:and|or|of|to|in|for|before|after|later|ago|earlier|longer|"
    r"too|more|now|then|is|was|that)\b)[A-Za-z]"
)


def _duration(m: re.Match[str], ctx: Context) -> Result:
    if m["unit"].lower() == "second" and _ORDINAL_SECOND.match(ctx.text, m.end()):
        return None  # "a second term", "the second round": which one, not how long
    n = number(m["num"])
    if n is not None and n >= 1000:
        return None  # "the 1988 second quarter": a year, not a count
    if m["num"].lower() in ("a", "an") and m["unit"].lower().endswith("s"):
        n = None  # "a decades-long fight"
    if m["half"] and n is not None:
        n += 0.5  # "a year and a half"
    return "DURATION", duration(n, m["unit"])


def _set(m: re.Match[str], ctx: Context) -> Result:
    if m["weekday"]:
        return "SET", f"XXXX-WXX-{WEEKDAYS[m['weekday'].lower()] + 1}"
    word = m.group().lower()
    for key, value in (("hour", "PT1H"), ("day", "P1D"), ("dai", "P1D"), ("night", "P1D"),
                       ("week", "P1W"), ("month", "P1M"), ("quarter", "P1Q"), ("year", "P1Y"),
                       ("annual", "P1Y")):  # fmt: skip
        if key in word:
            return "SET", value
    if m["weekday"]:
        return "SET", f"XXXX-WXX-{WEEKDAYS[m['weekday'].lower()] + 1}"
    return None


def _clock(m: re.Match[str], ctx: Context) -> Result:
    hour = int(m["h"]) if m["h"] else 12
    minute = int(m["min"]) if m["min"] else 0
    ampm = (m["ampm"] or "").lower().replace(".", "")
    if m["word"]:
        hour, minute = (12, 0) if m["word"].lower() == "noon" else (24, 0)
    elif ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    day = ctx.ref.day if ctx.ref.grain == "day" and ctx.ref.day else ctx.dct
    if m["when"]:  # "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST Nov. 9"
        inner = tag(m["when"], ctx.dct)
        if inner and re.match(r"\d{4}-\d{2}-\d{2}", inner[0].value):
            day = date.fromisoformat(inner[0].value[:10])
    return "TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}T{hour:02d}:{minute:02d}"


def _midday(m: re.Match[str], ctx: Context) -> Result:
    day = ctx.ref.day if ctx.ref.grain == "day" and ctx.ref.day else ctx.dct
    return "TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}T12:00"


def _ref(m: re.Match[str], ctx: Context) -> Result:
    word = m.group().lower()
    if any(
        w in word
        for w in ("now", "current", "present", "today's", "nowaday", "moment", "these days")
    ):
        return "DATE", "PRESENT_REF"
    if any(w in word for w in ("future", "soon", "coming")):
        return "DATE", "FUTURE_REF"
    return "DATE", "PAST_REF"


def _year_ago(m: re.Match[str], ctx: Context) -> Result:
    """The adjective 'year-earlier': the reported quarter (or the year) a year back."""
    if ctx.ref.grain == "quarter" and ctx.ref.day:
        return "DATE", show(_shift(_reported(ctx) or ctx.ref.day, -1, "year"), "quarter")
    return "DATE", str(ctx.dct.year - 1) if ctx.dct else "XXXX"


def _century(m: re.Match[str], ctx: Context) -> Result:
    """'the 20th century' -> 19 (TimeML names a century by its first two digits)."""
    return "DATE", f"{int(m['nth']) - 1:02d}"


def _spelled_decade(m: re.Match[str], ctx: Context) -> Result:
    """'the nineties' -> 199: the decade of the century the text lives in."""
    tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
            "nineties"].index(m["tens"].lower()) + 2  # fmt: skip
    century = 19 if ctx.dct is None or ctx.dct.year < 2000 + tens * 10 else 20
    return "DATE", f"{century}{tens}"


def _the_year(m: re.Match[str], ctx: Context) -> Result:
    """'the year': the year being talked about; 'the year ended March 31' is a stretch of one."""
    if m["ended"]:
        return "DURATION", "P1Y"
    day = ctx.ref.day if ctx.ref.grain in ("year", "quarter", "month") and ctx.ref.day else ctx.dct
    return "DATE", show(day, "year")


def _the_weekend(m: re.Match[str], ctx: Context) -> Result:
    """'the weekend': the one just gone (the coming one when the sentence looks ahead)."""
    if ctx.dct is None:
        return "DATE", "XXXX-WXX-WE"
    d = ctx.dct
    if ctx.future(m.start(), m.end()):
        d += timedelta(days=(5 - d.weekday()) % 7)  # the coming Saturday
    elif d.weekday() < 5:
        d -= timedelta(days=d.weekday() + 1)  # the Sunday just gone
    y, w, _ = d.isocalendar()
    return "DATE", f"{y}-W{w:02d}-WE"


def _vague_duration(m: re.Match[str], ctx: Context) -> Result:
    """'for years', 'coming weeks', 'the weeks ahead', 'decades-long': a stretch of unknown
    length; 'day-long' is one day."""
    unit = next(u for u in (m.groupdict().get(g) for g in ("unit", "unit2", "unit3")) if u)
    return "DURATION", duration(None if unit.lower().endswith("s") else 1, unit)


def _fiscal(m: re.Match[str], ctx: Context) -> Result:
    return "DATE", str(_fix_year(m["year"]))


_I = re.I
_MOD = r"(?:(?:early|mid|late|earlier|later)[- ](?:in )?)?"
RULES: list[Rule] = [
    (
        re.compile(
            rf"\b{_MOD}(?P<month>{_MONTH})\s+(?P<day>{_DAY})\b(?:,?\s+(?P<year>{_YEAR})\b)?"
        ),
        _full_date,
    ),
    (
        re.compile(
            rf"\b(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?\b"
        ),
        _full_date,
    ),
    (
        re.compile(
            r"\b(?:(?P<iso>\d{4}-\d{2}-\d{2})|(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/"
            r"(?P<y>\d{4}|\d{2}))\b"
        ),
        _numeric_date,
    ),  # fmt: skip
    (re.compile(rf"\b{_MOD}(?P<month>{_MONTH}),?\s+(?:of\s+)?(?P<year>{_YEAR})\b"), _month_year),
    (
        re.compile(
            rf"(?:\b(?P<rel>last|next|this past|this coming|this|(?:early|mid|late|earlier|later)"
            rf"(?: in)?)[- ]|(?:the\s+)?(?:middle|end|beginning|start)\s+of\s+)?\b(?P<month>{_FULL_MONTH}"
            r"|(?:(?<=\bin )|(?<=\bby )|(?<=\bof )|(?<=since )|(?<=until )|(?<=last )|(?<=next )|(?<=this )"
            r"|(?<=early )|(?<=\bmid-)|(?<=late ))May(?!\s+(?:be|have|not)\b))"
            r"(?!\s+\d)(?:\s+(?P<yrel>last|this|next)\s+year)?"
        ),
        _month,
    ),  # fmt: skip
    (
        re.compile(
            rf"\b(?:(?:early|mid|late)[- ])?(?:the\s+(?=(?:fiscal|calendar)\s))?(?:(?P<fy>fiscal|calendar)\s+)?(?P<year>{_YEAR})\b"
            r"(?!\s*(?:%|percent|people|points?|cars?|troops?|dollars?|shares?|acres?|feet|"
            r"miles?|votes?|jobs?|members?|units?|[mbr]illion\b))"
        ),
        _year,
    ),  # fmt: skip
    (
        re.compile(
            r"\b(?:the\s+)?(?:(?:early|mid|late)[- ])?(?:(?P<decade>1[6-9]\d0|20\d0)s|'(?P<d2>\d0)s)\b"
        ),
        _decade,
    ),
    (
        re.compile(
            rf"\b(?:(?:later|earlier|early|late|mid-?)\s*)?(?:(?P<pre>morning|afternoon|evening|night)\s+)?"
            rf"(?P<word>today|tonight|yesterday|tomorrow|last night|this (?:morning|afternoon|evening))"
            rf"(?:\s+(?P<part>{_PART}))?\b",
            _I,
        ),
        _relative_day,
    ),  # fmt: skip
    (
        re.compile(
            rf"\b(?:(?P<rel>last|next|this|on|this past|this coming|the previous|the following)\s+)?"
            rf"(?P<weekday>{_WEEKDAY})"
            rf"(?:\s+(?P<part>{_PART}))?\b(?!,?\s+{_MONTH}\s+\d)"
        ),
        _weekday,
    ),  # fmt: skip
    (
        re.compile(
            rf"\b{_WEEKDAY},?\s+(?P<month>{_MONTH})\s+(?P<day>{_DAY})\b(?:,?\s+(?P<year>{_YEAR})\b)?"
        ),
        _full_date,
    ),
    (
        re.compile(
            r"\b(?:(?:early|earlier|late|later|mid)[- ](?:in\s+)?)?(?P<rel>this|last|next|the past|"
            r"past|the last|the next|the coming|the current|the previous|the following|coming|current|previous)"
            r"\s+(?P<unit>week|month|year|quarter|decade|century|weekend|spring|summer|fall|autumn|winter)\b",
            _I,
        ),
        _this_unit,
    ),  # fmt: skip
    (
        re.compile(
            rf"\b(?:(?:almost|nearly|about|some|more than|less than|over|just|only)\s+)?"
            rf"(?P<num>{_NUM})[- ](?P<unit>{_UNIT})\s+(?P<dir>ago|earlier|later|afterwards?|from now|"
            rf"hence|(?:before|after)(?=\s*(?:[.,;:!?)'\"`]|$)))\b",
            _I,
        ),
        _ago,
    ),  # fmt: skip
    (
        re.compile(
            r"\b(?:the\s+(?P<which>next|following|previous|same)|that)\s+(?P<unit>day|week|month|year)\b"
            r"(?:\s+(?P<after>before|after))?",
            _I,
        ),
        _the_next_day,
    ),  # fmt: skip
    (
        re.compile(
            rf"\b(?:the\s+)?(?:(?:fiscal|latest|current|recent|most recent|final|last|year-earlier|"
            rf"year-ago|year-earlier)\s+)?(?:(?P<year2>{_YEAR})\s+)?(?:(?P<which>first|second|third|fourth|1st|2nd|3rd|4th)[- ])?"
            rf"(?:fiscal[- ])?quarter\b(?:\s+of\s+(?P<year>{_YEAR}))?",
            _I,
        ),
        _quarter,
    ),
    (
        re.compile(
            r"\b(?P<rel>this|last|next)\s+year[’']s\s+(?:(?P<which>first|second|third|fourth)[- ])?"
            r"(?:fiscal[- ])?quarter\b|\bthe\s+(?:(?:corresponding|comparable|same)\s+)?(?:quarter|period)\s+"
            r"(?P<back>a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year|the\s+year\s+before)\b",
            _I,
        ),
        _year_quarter,
    ),  # fmt: skip
    (
        re.compile(
            rf"\b(?:the\s+)?(?:(?P<year2>{_YEAR})|year[- ](?:earlier|ago)|(?P<latest>latest|current))\s+"
            r"(?:quarter|period)\b",
            _I,
        ),
        _period,
    ),  # fmt: skip
    (
        re.compile(
            rf"\b(?:the\s+)?(?P<which>first|second|last)\s+half(?:\s+of\s+(?P<year>{_YEAR}))?\b", _I
        ),
        _half,
    ),
    (
        re.compile(
            rf"\b(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)\s+of\s+(?P<year>{_YEAR})\b",
            _I,
        ),
        _season,
    ),  # fmt: skip
    (
        re.compile(
            rf"\b(?:(?:the|a|an|about|almost|nearly|more than|less than|some|just|at least|the "
            rf"(?:past|last|next|first|previous|coming|final))\s+)*(?P<num>{_NUM})[- ](?P<unit>{_UNIT})"
            r"(?:-long|(?P<half>\s+and\s+a\s+half))?\b(?![- ]old)",
            _I,
        ),
        _duration,
    ),  # fmt: skip
    (
        re.compile(
            rf"\b(?:(?:every|each|per|a)\s+(?:(?P<weekday>{_WEEKDAY})|day|week|month|year|quarter|night|"
            r"hour)|daily|weekly|monthly|annually|yearly|nightly|hourly)\b",
            _I,
        ),
        _set,
    ),  # fmt: skip
    (
        re.compile(
            r"\b(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)|"
            r"(?P<word>noon|midnight))(?:\s+(?:[A-Z]{2,4}T|GMT|UTC)\b)?,?(?:\s+(?:on\s+)?"
            rf"(?P<when>{_WEEKDAY}|(?:{_MONTH})\s+{_DAY}(?:,?\s+{_YEAR})?|today|yesterday|tomorrow))?",
            _I,
        ),
        _clock,
    ),  # fmt: skip
    (
        re.compile(
            r"\b(?:now|currently|nowadays|at present|these days|the present|recently|lately|"
            r"at (?:the|this) moment|"
            r"(?:in\s+)?(?P<x>the\s+(?:near\s+|distant\s+)?(?:past|future)))\b",
            _I,
        ),
        _ref,
    ),
    (re.compile(r"\b(?:in\s+)?recent\s+(?P<unit>years|months|weeks|days|decades)\b", _I), _recent),
    (re.compile(rf"\bfiscal\s+(?P<year>{_YEAR}|'\d\d)\b", _I), _fiscal),
    (
        re.compile(
            r"\b(?:the\s+)?(?:(?P<rel>current|latest|last|next|this|full)\s+)?(?:fiscal|calendar)\s+year\b",
            _I,
        ),
        _fiscal_year,
    ),
    (
        re.compile(
            rf"\b(?P<name>Christmas(?: Eve| Day)?|New Year[’']?s(?: Eve| Day)?|Independence Day|"
            rf"Fourth of July|Halloween|Valentine[’']?s Day|Thanksgiving(?: Day)?|Labor Day|Memorial Day|"
            rf"Veterans Day)(?:,?\s+(?P<year>{_YEAR}))?"
        ),
        _holiday,
    ),  # fmt: skip
    (
        re.compile(
            r"\b(?:the\s+year\s+)?(?:(?P<hi>nineteen|eighteen)\s+(?P<lo>(?:twenty|thirty|forty|fifty|sixty|"
            r"seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|"
            r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?P<thousand>two "
            r"thousand)(?:\s+(?:and\s+)?(?P<rest>one|two|three|four|five|six|seven|eight|nine|ten))?)\b"
            r"(?![- ](?:years?|days?|people|miles?|dollars?|troops?|men|soldiers)\b)",  # a count
            _I,
        ),
        _spelled_year,
    ),  # fmt: skip
    (re.compile(r"\b(?:the\s+)?year[- ](?:earlier|ago)\b", _I), _year_ago),
    (
        re.compile(
            r"\b(?:the\s+)?(?:(?:early|mid|late)[- ])?(?P<nth>\d{1,2})(?:st|nd|rd|th)[- ]century\b",
            _I,
        ),
        _century,
    ),
    (
        re.compile(
            r"\b(?:the\s+)?(?:(?:early|mid|late)[- ])?(?P<tens>twenties|thirties|forties|fifties|sixties"
            r"|seventies|eighties|nineties)\b",
            _I,
        ),
        _spelled_decade,
    ),  # fmt: skip
    (re.compile(r"\b(?:[Cc]urrent|[Pp]resent-day)\b"), _ref),
    (
        re.compile(
            r"\b(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the|this)\s+"
            r"(?P<unit>month|year|week)\b",
            _I,
        ),
        _part_of_this,
    ),
    (
        re.compile(
            r"\b(?:(?:earlier|later)\s+in\s+)?the\s+year\b(?P<ended>\s+end(?:ed|ing))?"
            r"(?![- ](?:before|after|earlier|ago)\b)",
            _I,
        ),
        _the_year,
    ),
    (re.compile(r"\b(?:over\s+)?the\s+weekend\b", _I), _the_weekend),
    (
        re.compile(
            r"\b(?:for|within)\s+(?P<x>(?P<unit>years|months|weeks|decades)(?:\s+or\s+"
            r"(?:years|months|weeks|decades))?)\b|\b(?P<x2>(?:the\s+)?(?:coming|next\s+few|past\s+few)"
            r"\s+(?P<unit2>years|months|weeks|days)|the\s+(?P<unit3>years|months|weeks|days)\s+ahead)\b",
            _I,
        ),
        _vague_duration,
    ),  # fmt: skip
    (re.compile(r"\bmidday\b", _I), _midday),
    (
        re.compile(
            r"(?<![\w-])(?P<unit>(?:year|month|week|day|hour|decade)s?)-long\b",
            _I,
        ),
        _vague_duration,
    ),
    (
        re.compile(
            r"\b(?:in|by|until|since|during|over|through)\s+(?P<x>the\s+(?:(?:early|late)\s+)?"
            r"(?P<season>spring|summer|fall|autumn|winter))\b(?!\s+of\b)",
            _I,
        ),
        _season,
    ),
]


def tag(text: str, dct: date | None) -> list[DateRef]:
    """Every time expression in ``text``, with its TimeML type and value."""
    found: list[tuple[int, int, int, Rule, re.Match[str]]] = []
    for i, rule in enumerate(RULES):
        pattern, _ = rule
        for m in pattern.finditer(text):
            # a group named "x", where a rule has one, is the expression; the rest is context
            start, end = m.span("x") if "x" in pattern.groupindex and m["x"] else m.span()
            if end > start:
                found.append((start, end, i, rule, m))
    # Longest match wins; ties go to the earlier rule. Then values resolve in text order,
    # so the reference time follows the story.
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2]))
    taken: list[tuple[int, int, Rule, re.Match[str]]] = []
    for start, end, _, rule, m in found:
        if all(end <= s or start >= e for s, e, _, _ in taken):
            taken.append((start, end, rule, m))
    taken.sort(key=lambda t: t[0])
    ctx = Context(text, dct, Anchor(dct))
    out = []
    for start, end, (_, normalise), m in taken:
        result = normalise(m, ctx)
        if result is None:
            continue
        kind, value = result
        surface = text[start:end].rstrip(" .,")
        out.append(DateRef(surface, start, start + len(surface), kind, value))
    return out
