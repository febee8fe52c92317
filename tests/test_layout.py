import json

import pytest

from newsprism import analyze
from newsprism.records import Article
from newsprism.stages.layout import (
    Layout,
    caption_credit,
    cue,
    language,
    photo_credit,
    segments,
    split_byline,
    syndication,
    without_link_widgets,
)

from .conftest import REPO


def test_seed_layout(seed_text):
    a = analyze(seed_text).article
    assert a.title == "Iraqis Split on Parliament’s Call to Expel Foreign Troops"
    assert a.subtitle == "Baghdad locals believe their government is acting under Iran's influence"
    assert a.image_credits == ("AHMAD AL-RUBAYE / Contributor / Getty",)
    assert a.syndicated_from == "FRANCE 24"
    assert a.body.startswith("Following the US killing")
    assert a.body.endswith("still in the desert,” Alrawi said.")
    (tail,) = a.off_topic
    assert tail.text.startswith("Alex Jones reports live from Richmond")
    assert seed_text.strip()[tail.start : tail.end] == tail.text
    assert "Alex Jones" not in a.body and a.language == "en"


@pytest.mark.parametrize(
    "gold", [json.loads(line) for line in (REPO / "eval/gold/layout.jsonl").open(encoding="utf-8")],
    ids=lambda g: g["path"].rsplit("/", 1)[-1],
)  # fmt: skip
def test_gold_articles(gold):
    from newsprism.readers import read

    (article,) = list(read([REPO / gold["path"]]))
    a = Layout().lay_out(article)
    assert a.title == gold["title"]
    assert a.subtitle == gold["subtitle"]
    assert a.byline == gold["byline"]
    assert [c.rstrip(".") for c in a.image_credits] == [
        c.rstrip(".") for c in gold["image_credits"]
    ]
    assert a.syndicated_from == gold["syndicated_from"]
    assert [o.text for o in a.off_topic] == gold["off_topic"]


def test_exact_body_is_kept_as_given():
    text = "WASHINGTON (Reuters) - The senate voted.\n\nSign up for our newsletter today."
    a = analyze(text, title="")
    assert a.article.body == text and a.article.off_topic == ()
    assert a.article.syndicated_from == "Reuters" and a.article.title is None


def test_a_short_generic_closing_stays():
    text = ("Storm Hits Coast\n\nA storm flooded the harbour town of Porthaven on Sunday, officials "
            "said, and hundreds of homes lost power.\n\nThe county fire service rescued two people "
            "from a car on the coast road.\n\nThe council did not respond to a request for comment.")  # fmt: skip
    a = analyze(text).article
    assert a.off_topic == () and a.body.endswith("request for comment.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NAIROBI (Reuters) - Kenya's parliament voted on Tuesday.", "Reuters"),
        ("BULAWAYO, Zimbabwe (AP) — Farmers counted losses.", "AP"),
        ("The road was closed, AFP reports.", "AFP"),
        ("This article originally appeared on The Conversation.", "The Conversation"),
        (
            "Associated Press writer Jane Doe in Madrid contributed to this report.",
            "Associated Press",
        ),
        ("Jane Doe contributed to this report.", None),
        ("Staff contributed to this report.", None),
        ("The video was shared via Twitter.", None),
        ("The New York Times reported.", None),
        ("The bill was first published in the official gazette.", None),
        (" contributed to this report", None),
        ("WASHINGTON (Updated) - nothing here", None),
        ("The minister said the talks had failed.", None),
    ],
)
def test_syndication(text, expected):
    assert syndication([text]) == expected


def test_split_byline():
    assert split_byline("Ana Ribeiro, Reuters") == ("Ana Ribeiro", "Reuters")
    assert split_byline("Megan Doyle, Chris Albright") == ("Megan Doyle, Chris Albright", None)
    assert split_byline(None) == (None, None)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Sign up for our morning newsletter to get the news in your inbox.", "newsletter pitch"),
        (  # 1,272 AllSides paragraphs, mid-article
            "Get the Monitor Stories you care about delivered to your inbox. "
            "By signing up, you agree to our Privacy Policy",
            "newsletter pitch",
        ),
        ("Read more:", "read-more list"),
        (  # The Guardian's links inside the body: 688 AllSides paragraphs
            "Putin says Russian role in election hacking 'theoretically possible' Read more",
            "read-more list",
        ),
        ("ADVERTISEMENT", "advertisement"),
        ("Follow us on Twitter @example.", "share or follow prompt"),
        ("Copyright © 2019 The Example Times, LLC.", "rights notice"),
        ("Story Continued Below", "page furniture"),  # 2,296 of 37,554 AllSides articles
        ("Advertisement Continue reading the main story", "page furniture"),
        ("6 years ago", "page furniture"),  # a page's time stamp, not a date in the story
        ("Updated at 3:15 p.m. ET", "page furniture"),
        ("CLOSE Donald Trump blamed protesters for violence at his rallies. VPC", "video player"),
        ("This article is more than 2 years old", "editorial note"),
        ("- Follow the Ticker on Twitter: @PoliticalTicker", "share or follow prompt"),
        ("Visit Business Insider's homepage for more stories.", "share or follow prompt"),
        ("Get all the news delivered daily to your inbox. Sign up here.", "newsletter pitch"),
        (  # The Nation's pitches opening 26 AllSides articles
            "Travel With The Nation Be the first to hear about Nation Travels destinations, and "
            "explore the world with kindred spirits.",
            "newsletter pitch",
        ),
        (
            "Sign up for our Wine Club today. Did you know you can support The Nation by drinking "
            "wine?",
            "newsletter pitch",
        ),  # fmt: skip
        ("( Also on POLITICO: Perry: W.H. must address beheading)", "read-more list"),  # 2,387
        ("( PHOTOS: 25 unforgettable Obamacare quotes)", "read-more list"),
        ("CLICK TO GET THE FOX NEWS APP", "share or follow prompt"),
        ("Follow CNN Opinion Join us on Twitter and Facebook", "share or follow prompt"),
        ("This story has been updated.", "editorial note"),
        ("Send letters to letters@suntimes.com.", "newsletter pitch"),
        ("Get news from the BBC in your inbox, each weekday morning", "newsletter pitch"),
        (
            "Follow The New York Times Opinion section on Facebook, Twitter (@NYTopinion) and "
            "Instagram.",
            "share or follow prompt",
        ),  # fmt: skip
        ("Story continues", "page furniture"),
        ("We’re committed to keeping our readers informed.", "newsletter pitch"),
        (
            "We’ve removed our paywall from essential coronavirus news stories. Become a "
            "subscriber to support our journalists. Subscribe now.",
            "newsletter pitch",
        ),  # fmt: skip
        ("The union said it was committed to keeping members informed.", None),
        ("Full Coverage: Virus Outbreak", "read-more list"),
        ("Opinion contributor", "page furniture"),
        (
            "The Memo is a reported column by Niall Stanage, primarily focused on Donald Trump’s "
            "presidency.",
            "editorial note",
        ),  # fmt: skip
        ("Full coverage of the hearings begins at 9 a.m.", None),
        # a colleague's credit stays in the body, as the team's gold articles keep it
        ("The Associated Press contributed to this report.", None),
        ("The senators said they would read more reports before voting.", None),
        ("Photographs of the scene were shown to the jury.", None),
        ("Close to 300 people were evacuated.", None),
    ],
)
def test_cues(text, reason):
    assert cue(text) == reason


def test_segments_keep_offsets_and_join_wrapped_lines():
    text = "Title\n\nA wrapped paragraph that goes on and on and on and on and on and on and on and on and\n" \
           "on to the next line of the same paragraph which is long enough to be prose, really.\n\nEnd."  # fmt: skip
    segs = segments(text)
    assert [s.text[:5] for s in segs] == ["Title", "A wra", "End."]
    assert all(text[s.start : s.end].split() == s.text.split() for s in segs)


def test_language():
    assert language("The minister said that the vote was held in the capital on Tuesday.") == "en"
    assert (
        language("Le ministre a dit que le vote est prévu dans la capitale pour les élections.")
        == "fr"
    )
    assert language("42") is None


def test_layout_of_a_separated_article_drops_a_repeated_headline():
    art = Article(id="1", text="Big News\n\nThe body.", title="Big News", layout="separated")
    assert Layout().lay_out(art).body == "The body."


def test_a_players_poster_and_the_headline_with_its_standfirst_leave_the_body():
    poster = (
        'poster="http://v.politico.com/images/1155968404/201609/3008/1155968404_5-vs.jpg?pubId=1"'
    )
    text = (
        f"{poster} 2016 Trump slips back into old ways The nominee’s attack shows his "
        f"discipline is not rock solid.\n\nDonald Trump’s restraint showed some cracks.\n\n"
        f"{poster}\n\nUSA TODAY\n\nThe campaign did not respond."
    )
    art = Article(id="p", text=text, title="Trump slips back into old ways", source="USA Today",
                  layout="separated")  # fmt: skip
    a = Layout().lay_out(art)
    assert a.subtitle == "The nominee’s attack shows his discipline is not rock solid."
    assert a.body == "Donald Trump’s restraint showed some cracks.\n\nThe campaign did not respond."
    assert [o.reason for o in a.off_topic] == ["cue: outlet line"]


BODY = (
    "WASHINGTON — More than 350 of the 588 soldiers the Army has disqualified had committed "
    "offenses, according to Army data.\n\nThe Army has moved to discharge 79 of them."
)


def _fielded(top: str) -> Article:
    """Laid out as the JSONL, feed and HTML readers give articles: the title in its own field."""
    art = Article(id="f", title="Soldiers", text=f"{top}\n\n{BODY}", layout="separated")
    return Layout().lay_out(art)


def _raw(top: str) -> Article:
    return Layout().lay_out(
        Article(id="r", text=f"Soldiers had abuse histories\n\n{top}\n\n{BODY}")
    )


def test_a_name_over_the_outlet_is_the_byline():
    # 556 AllSides articles open so: the title in its own field, the byline block in the text
    for a in (_fielded("Tom Vanden Brook\n\nUSA TODAY"), _raw("Tom Vanden Brook\n\nUSA TODAY")):
        assert (a.byline, a.subtitle) == ("Tom Vanden Brook", None)
        assert a.body.startswith("WASHINGTON — More than 350")


def test_a_short_standfirst_is_not_a_byline():
    assert (_raw("A Long Shadow").subtitle, _raw("A Long Shadow").byline) == ("A Long Shadow", None)


def test_a_first_paragraph_that_starts_with_by_stays_in_the_body():
    a = _fielded("By Monday, the storm had passed.")
    assert a.byline is None and a.body.startswith("By Monday, the storm")
    b = _fielded("By Jane Doe and John Roe, Reuters")
    assert (b.byline, b.syndicated_from) == ("Jane Doe and John Roe", "Reuters")


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Drew Angerer/Getty Images", "Drew Angerer/Getty Images"),
        ("Enlarge this image toggle caption Eric Gay/AP Eric Gay/AP", "Eric Gay/AP"),
        ("toggle caption Mike Belleme for NPR", "Mike Belleme for NPR"),
        ("(Photo: New York Daily News via Getty Images)", "New York Daily News via Getty Images"),
        ("Photographer: Nicholas Kamm/AFP Photographer: Nicholas Kamm/AFP", "Nicholas Kamm/AFP"),
        ("Getty Images", "Getty Images"),
        ("REUTERS/Joshua Roberts", "REUTERS/Joshua Roberts"),
        ("Reuters", None),  # a wire's name alone is not a photo credit
        ("He left the company in 2019 for AP", None),
        ("The senator spoke to NPR.", None),
    ],
)
def test_photo_credit_lines(line, credit):
    assert photo_credit(line) == credit


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Michael Flynn leaves a court in Washington, Dec. 1, 2017. (Jonathan Ernst/Reuters)",
         "Jonathan Ernst/Reuters"),
        ("Leaders meet in Osaka [File: Jorge Silva/Reuters]", "Jorge Silva/Reuters"),
        ("Voters wait in Atlanta, Ga. | Elijah Nouvelage/Getty Images", "Elijah Nouvelage/Getty Images"),
        ("Medics at a hospital on April 6, 2020 in Brooklyn, N.Y. Spencer Platt/Getty Images",
         "Spencer Platt/Getty Images"),
        ("The president said he would veto the bill. (Reuters)", None),  # a wire's sign-off
        ("The plan, he said, would cost $4 billion (about 3.6 billion euros).", None),
    ],
)  # fmt: skip
def test_photo_caption_lines(line, credit):
    assert caption_credit(line) == credit


def test_photo_credits_captions_and_players_leave_the_body():
    text = (
        "Senate Passes Budget Deal\n\nEnlarge this image toggle caption Eric Gay/AP Eric Gay/AP"
        "\n\nThe Senate passed the budget deal on Thursday.\n\nDrew Angerer/Getty Images\n\n"
        "Senators leave the chamber on Thursday. (Tom Brenner/Reuters)\n\nJUST WATCHED Budget "
        "deal explained Replay More Videos ... MUST WATCH Budget deal explained 01:29\n\n"
        "The vote was 60 to 40."
    )
    a = Layout().lay_out(Article(id="x", text=text, format="text"))
    assert a.title == "Senate Passes Budget Deal" and a.subtitle is None
    assert a.image_credits == ("Eric Gay/AP", "Drew Angerer/Getty Images", "Tom Brenner/Reuters")
    assert a.body == "The Senate passed the budget deal on Thursday.\n\nThe vote was 60 to 40."
    assert [o.reason for o in a.off_topic] == ["cue: photo caption", "cue: video player"]


def test_a_photo_gallery_leaves_the_body():
    text = (
        "Bush Defends Common Core\n\nJeb Bush, the former Florida governor, defended the "
        "Common Core standards on Saturday in Tennessee, where lawmakers are moving to replace "
        "them.\n\nBush said states should choose.\n\nPhotos: "
        "Who's running? Ted Cruz and Hillary Clinton, Hide Caption 1 of 2 Photos: Who's running?"
        "\n\n“We are going to make our country great again,” Trump told the crowd at his "
        "announcement. Hide Caption 2 of 2\n\nBush spoke to reporters in Tennessee."
    )
    a = Layout().lay_out(Article(id="x", text=text, format="text"))
    assert "Hide Caption" not in a.body and "Trump" not in a.body and not a.image_credits
    assert [o.reason for o in a.off_topic] == ["cue: photo gallery"] * 2


def test_a_dated_wire_caption_leaves_the_body():
    text = (
        "Netflix Paints a Happy Face\n\nCEO Of Netflix, Reed Hastings, attends the red carpet "
        "during the Netflix presentation party on April 4, 2019 in Madrid, Spain.\n\nNetflix "
        "downplayed concerns about competition on April 4, 2019 in its report.\n\nThe "
        "meeting was held on April 4, 2019 in Madrid, Spain, officials said on Friday."
    )
    a = Layout().lay_out(Article(id="x", text=text, format="text"))
    assert a.body.startswith("Netflix downplayed") and a.body.endswith("on Friday.")
    assert [o.reason for o in a.off_topic] == ["cue: photo caption"]


def test_inline_reading_lists_are_cut_out():
    text = (
        "Senate Majority Leader Mitch McConnell Addison (Mitch) Mitchell McConnellGOP senators "
        "balk at lengthy impeachment trial Graham says Schiff should be a witness MORE (R-Ky.) "
        "and President Trump Donald John TrumpWarren goes local in race to build 2020 movement "
        "MORE met on Monday."
    )
    assert without_link_widgets(text) == (
        "Senate Majority Leader Mitch McConnell (R-Ky.) and President Trump met on Monday."
    )
    plain = "McDonald's said MORE people came, and iPhone sales rose."
    assert without_link_widgets(plain) == plain
    # no run-on: the name as shown, then the full name, opens the list
    spaced = (
        "one House Republican who is close to Speaker Paul Ryan Paul Davis Ryan Retirees should "
        "say 'no thanks' to Romney's Social Security plan MORE (R-Wis.) and his team."
    )
    assert without_link_widgets(spaced) == (
        "one House Republican who is close to Speaker Paul Ryan (R-Wis.) and his team."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Media playback is unsupported on your device Media caption What the sanctions mean",
        "Interested in Donald Trump? Add Donald Trump as an interest to stay up to date on the "
        "latest Donald Trump news, video, and analysis from ABC News. Add Interest",
    ],
)
def test_page_widgets_are_cues(text):
    assert cue(text) is not None


@pytest.mark.parametrize("lay_out", [_fielded, _raw])
def test_cnns_story_highlights_give_the_subtitle_and_leave_the_body(lay_out):
    top = (
        "Story highlights The Army has disqualified 588 soldiers\n\n"
        "Many had committed offenses, Army data show\n\n"
        "The Army has moved to discharge 79 of them"
    )
    a = lay_out(top)
    assert a.subtitle == "The Army has disqualified 588 soldiers"
    assert a.body == BODY
    assert [o.reason for o in a.off_topic] == ["cue: story highlights"] * 2


def test_cnns_commentary_note_leaves_the_body_and_opinion_leaves_the_byline():
    text = (
        "Andre Spicer is a professor at Cass Business School. The opinions expressed in this "
        "commentary are solely those of the author.\n\nThe economy is slowing, and workers "
        "are worried about their jobs this winter."
    )
    art = Article(id="c", title="Work", text=text, byline="Opinion Andre Spicer",
                  layout="separated")  # fmt: skip
    a = Layout().lay_out(art)
    assert a.body.startswith("The economy is slowing")
    assert [o.reason for o in a.off_topic] == ["cue: editorial note"]
    assert a.byline == "Andre Spicer"


def test_a_caption_and_credit_run_into_the_headline_leave_the_body():
    title = "Cassidy says he's close to having the votes to pass Obamacare repeal"
    text = (
        "Sen. Bill Cassidy cited a closed-door Republican lunch as a turning point. | Alex "
        f"Wong/Getty Images {title} The Louisiana senator is counting votes.\n\nSen. Bill "
        "Cassidy on Friday sought to rally support for the repeal bill."
    )
    a = Layout().lay_out(Article(id="p", title=title, text=text, layout="separated"))
    assert a.body == "Sen. Bill Cassidy on Friday sought to rally support for the repeal bill."
    assert a.image_credits == ("Alex Wong/Getty Images",)
    assert a.subtitle == "The Louisiana senator is counting votes."
    assert [o.reason for o in a.off_topic] == ["cue: photo caption"]
