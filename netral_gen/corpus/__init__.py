"""The triage training corpus (`netral/triage/data/corpus.jsonl`), composed from hand-written fragments.

`fragments` loads the data files (`data/`, described in data/README.md), `compose` writes one text in
one of four styles, `build` makes the corpus (`python -m netral_gen.corpus.build`). See
netral/triage/data/CARD.md.
"""
