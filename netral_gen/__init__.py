"""Generators of synthetic data for netral: never part of the running application.

- `netral_gen.register`: a synthetic civil-servant register (`netral demo register`, `netral bench register`,
  `netral bench match`).
- `netral_gen.cases`: demo cases walked through the real actions (`netral demo cases`) and bulk case rows
  for the dashboard benchmark (`netral bench dashboard`), both from the same drawn stories.
- `netral_gen.corpus`: the triage training corpus `netral/triage/data/corpus.jsonl`, composed from the
  hand-written fragments in `corpus/data/` (`python -m netral_gen.corpus.build`), and synthetic reports
  for `netral bench triage`.

The runtime package `netral` never imports this package at module level: only the commands that run a
generator import it, inside the function that runs it. Hand-written word and text lists are data files
(`*/data/*.json`, each with an `about` line; see the README.md in each data folder).
"""
