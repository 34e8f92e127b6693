"""Relation rules, one module per kind of fact.

Every rule is a regular expression over sentence templates (see `mentions.py`) or a small
function around one, named in the `rule` field of the facts it makes. `extract.py` runs
the modules in order, because later ones use what earlier ones learnt about seats and
roles.
"""
