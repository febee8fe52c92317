"""spaCy training hooks named in newsprism's configs (``spacy train --code training/callbacks.py``).

Importing this file also registers the news tokenizer (``newsprism.NewsTokenizer.v1``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spacy.language import Language
from spacy.util import registry

import newsprism.contextual  # noqa: F401  (registers newsprism.MiniLMEmbed.v1, the accurate configs)
import newsprism.tokenizer  # noqa: F401  (registers the tokenizer named in the configs)


@registry.callbacks("newsprism.init_inner_tok2vec.v1")
def init_inner_tok2vec(path: str | None, component: str) -> Callable[[Language], Language]:
    """After initialisation, load ``spacy pretrain`` weights into a component's own tok2vec.

    spaCy's ``init_tok2vec`` fills a shared tok2vec component; a parser-type component (the
    NER) wraps its tok2vec in a projection, so the weights go to the wrapped layer here.
    """

    def after_init(nlp: Language) -> Language:
        if path:
            inner = nlp.get_pipe(component).model.get_ref("tok2vec").layers[0]  # type: ignore[attr-defined]
            inner.from_bytes(Path(path).read_bytes())
        return nlp

    return after_init
