"""Relation rules, one module per kind of fact.

Majorities (`majorities.py`), shortlists (`shortlists.py`), events (`events.py`) and roles
(`roles.py`) are read from a dependency parse of each sentence that may hold one
(`parse.py`), with the lexical classes of `data/lexicon.json`. The other rules are still
regular expressions over sentence templates (see `mentions.py`) or small functions
around them. Every fact names the rule that made it in its `rule` field. `extract.py` runs
the modules in order, because later ones use what earlier ones learnt about seats and
roles.
"""
