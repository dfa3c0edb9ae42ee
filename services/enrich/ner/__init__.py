"""Offline Arabic named-entity recognition for the enrich stage.

``text`` (tokens, normalisation, clitics) → ``features`` (CRF features, lexicons from
``lexicon``) → ``fast`` (Viterbi over the crfsuite model) → ``rules`` (news rules) →
``canon`` (canonical names, coreference), assembled by ``recognizer``. ``train``,
``build_lexicons`` and ``evaluate`` rebuild and measure the model; see MODEL_CARD.md.
"""
