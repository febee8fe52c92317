"""Words that name nationalities, religious and political groups (newsprism's GROUP label).

Used to map CoNLL/wikigold MISC spans to GROUP when every token of the span is such a word
("Iraqi", "Bosnian Serb", "Shi'ite Moslems"), and to mark these words as *unannotated* (not O)
in corpora whose guidelines ignore them (UNER, BTC, WNUT17), so that the model is not taught
that "Iraqi" is not an entity. Demonyms for countries and major regions; plural forms are
derived by rule. Lower-case comparisons.
"""

from __future__ import annotations

_DEMONYMS = ["afghan", "albanian", "algerian", "american", "andorran", "angolan", "argentine", "argentinian", "armenian", "australian", "austrian", "azerbaijani", "azeri", "bahraini", "bangladeshi", "barbadian", "belarusian", "belarussian", "belgian", "belizean", "beninese", "bhutanese", "bolivian", "bosnian", "botswanan", "brazilian", "british", "briton", "bruneian", "bulgarian", "burkinabe", "burmese", "burundian", "cambodian", "cameroonian", "canadian", "chadian", "chilean", "chinese", "colombian", "congolese", "costa", "rican", "croatian", "croat", "cuban", "cypriot", "czech", "danish", "dane", "djiboutian", "dominican", "dutch", "ecuadorean", "ecuadorian", "egyptian", "emirati", "english", "eritrean", "estonian", "ethiopian", "fijian", "filipino", "finnish", "finn", "french", "gabonese", "gambian", "georgian", "german", "ghanaian", "greek", "grenadian", "guatemalan", "guinean", "guyanese", "haitian", "honduran", "hungarian", "icelandic", "indian", "indonesian", "iranian", "iraqi", "irish", "israeli", "italian", "ivorian", "jamaican", "japanese", "jordanian", "kazakh", "kazakhstani", "kenyan", "korean", "kosovar", "kosovan", "kuwaiti", "kyrgyz", "laotian", "latvian", "lebanese", "liberian", "libyan", "lithuanian", "luxembourgish", "macedonian", "malagasy", "malawian", "malaysian", "maldivian", "malian", "maltese", "mauritanian", "mauritian", "mexican", "moldovan", "monegasque", "mongolian", "montenegrin", "moroccan", "mozambican", "namibian", "nepalese", "nepali", "nicaraguan", "nigerian", "nigerien", "norwegian", "omani", "pakistani", "palestinian", "panamanian", "paraguayan", "peruvian", "polish", "pole", "portuguese", "qatari", "romanian", "russian", "rwandan", "salvadoran", "samoan", "saudi", "scottish", "scot", "senegalese", "serbian", "serb", "sierra", "leonean", "singaporean", "slovak", "slovakian", "slovenian", "slovene", "somali", "south", "african", "spanish", "spaniard", "sri", "lankan", "sudanese", "surinamese", "swazi", "swedish", "swede", "swiss", "syrian", "taiwanese", "tajik", "tanzanian", "thai", "togolese", "tongan", "trinidadian", "tunisian", "turkish", "turk", "turkmen", "ugandan", "ukrainian", "uruguayan", "uzbek", "venezuelan", "vietnamese", "welsh", "yemeni", "yugoslav", "zambian", "zimbabwean", "african", "asian", "european", "arab", "arabian", "latin", "latino", "latina", "hispanic", "caribbean", "scandinavian", "balkan", "nordic", "baltic", "slavic", "slav", "kurdish", "kurd", "pashtun", "tamil", "sikh", "basque", "catalan", "corsican", "flemish", "walloon", "chechen", "tatar", "uighur", "uyghur", "tibetan", "berber", "bedouin", "maori", "aboriginal", "inuit", "cherokee", "navajo", "soviet", "ottoman", "byzantine", "roman", "persian", "mesopotamian", "anglo", "anglo-saxon", "northern", "southern", "eastern", "western", "north", "south", "east", "west", "central", "bosnian-serb", "muslim", "moslem", "islamic", "islamist", "christian", "catholic", "protestant", "orthodox", "jewish", "jew", "hindu", "buddhist", "sikh", "sunni", "sunnite", "shiite", "shi'ite", "shia", "shi'a", "alawite", "druze", "evangelical", "mormon", "anglican", "lutheran", "methodist", "baptist", "presbyterian", "episcopalian", "coptic", "copt", "maronite", "wahhabi", "salafi", "salafist", "jihadist", "zionist", "atheist", "pentecostal", "quaker", "amish", "hasidic", "republican", "democrat", "democratic", "communist", "socialist", "marxist", "leninist", "maoist", "fascist", "nazi", "neo-nazi", "conservative", "liberal", "progressive", "libertarian", "labour", "tory", "tories", "whig", "green", "nationalist", "separatist", "loyalist", "unionist", "sandinista", "zapatista", "bolshevik", "peronist", "gaullist", "baathist", "ba'athist", "taliban", "taleban", "frenchman", "englishman", "dutchman", "irishman", "scotsman", "welshman"]

# Direction words only count inside a multi-word span ("North Korean"), never alone.
_ONLY_IN_SPANS = {"northern", "southern", "eastern", "western", "north", "south", "east", "west",
                  "central", "anglo", "latin", "costa", "sierra", "sri", "rican", "leonean",
                  "lankan", "african"}

GROUP_WORDS: frozenset[str] = frozenset(_DEMONYMS)


def _singular(word: str) -> str:
    w = word.lower()
    for plural, single in (("men", "man"), ("ies", "y"), ("es", "e"), ("s", "")):
        if w.endswith(plural) and w[: -len(plural)] + single in GROUP_WORDS:
            return w[: -len(plural)] + single
    if w.endswith("es") and w[:-2] in GROUP_WORDS:
        return w[:-2]
    return w


def is_group_word(word: str) -> bool:
    """True if ``word`` alone names a nationality, religion or political group."""
    w = _singular(word)
    return (w in GROUP_WORDS and w not in _ONLY_IN_SPANS) or w == "african"


def is_group_span(words: list[str]) -> bool:
    """True if every word of a (MISC) span is a group word ("Bosnian Serb", "Shi'ite Moslems")."""
    if not words:
        return False
    if not all(_singular(w) in GROUP_WORDS or w == "-" for w in words):
        return False
    return len(words) > 1 or is_group_word(words[0])
