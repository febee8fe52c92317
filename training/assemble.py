"""Combine the trained core and NER pipelines into the shipped ``news`` pipeline.

Usage: python training/assemble.py [--core DIR] [--ner DIR] [--out DIR] [--name NAME]
Takes tok2vec/tagger/morphologizer/parser from the core model-best, adds a lookup lemmatizer
whose tables are copied from spacy-lookups-data into the model (so loading needs no network and
not even that package), and sources the NER (which has its own tok2vec) from the NER model-best.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))
import callbacks  # noqa: E402,F401  (registers the tokenizer and the hooks the configs name)

from newsprism import contextual  # noqa: E402

WORK = ROOT / "training" / "work"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--core", type=Path, default=WORK / "core" / "model-best")
    ap.add_argument("--ner", type=Path, default=WORK / "ner" / "model-best")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "newsprism" / "models" / "news")
    ap.add_argument("--name", default="news")
    ap.add_argument("--version", default="0.1.0")
    args = ap.parse_args()

    nlp = spacy.load(args.core)
    ner_nlp = spacy.load(args.ner)
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"}, after="morphologizer")
    lemmatizer.initialize()  # copies the English lookup table from spacy-lookups-data
    nlp.add_pipe("ner", source=ner_nlp)
    if "newsprism.MiniLMEmbed" in nlp.config.to_str():  # news-accurate: drop MiniLM's states
        nlp.add_pipe(contextual.RELEASE, last=True)
    nlp.meta.update(
        {
            "name": args.name,
            "version": args.version,
            "description": f"newsprism {args.name} pipeline: tokenizer, tagger, morphologizer, "
            "parser, lookup lemmatizer, NER (PERSON, ORG, PLACE, GROUP). See MODEL_CARD.md.",
            "license": "CC BY-SA 4.0 (UD/UNER EWT derived); see MODEL_CARD.md",
            "author": "newsprism",
            "sources": [
                {"name": "UD English EWT", "license": "CC BY-SA 4.0"},
                {"name": "UNER English EWT", "license": "CC BY-SA 4.0"},
                {"name": "CoNLL-2003 (Reuters RCV1)", "license": "research use"},
                {"name": "wikigold, WNUT17, Broad Twitter Corpus", "license": "CC BY 4.0"},
                {"name": "AllSides corpus (floret vectors)", "license": "publishers' copyright"},
            ],
        }
    )
    card = args.out / "MODEL_CARD.md"
    saved_card = card.read_text(encoding="utf8") if card.exists() else None
    if args.out.exists():
        shutil.rmtree(args.out)
    nlp.to_disk(args.out)
    if saved_card is not None:
        card.write_text(saved_card, encoding="utf8")
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"wrote {args.out} ({size / 1e6:.1f} MB), pipeline={nlp.pipe_names}")


if __name__ == "__main__":
    main()
