"""Relation rules, one module per kind of fact.

Every module reads the dependency parse of the sentences that may hold its relation
(`wanted`; parsed in one request by `extract.parse_wanted`) through the shared reader in
`syntax.py`, with the lexical classes of `data/lexicon.json`. Layout that is not prose
(table rows, transcripts, signed letters) is read without a parse. Every fact names the
rule that made it in its `rule` field. `extract.py` runs the modules in order, because
later ones use what earlier ones learnt about seats and roles.
"""
