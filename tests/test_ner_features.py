"""Features for unseen names: affixes, corpus-frequency classes, apposition."""

import pytest

from services.enrich.ner import lexicon
from services.enrich.ner.features import Featurizer
from services.enrich.ner.text import fold


@pytest.fixture(scope="module")
def featurizer() -> Featurizer:
    return Featurizer(lexicon.load())


def _feats(fz: Featurizer, sentence: str) -> list[list[str]]:
    return fz.sequence(sentence.split())


def test_foreign_name_ending_and_stem_suffixes(featurizer):
    feats = featurizer.own_features("ودينغوف")
    assert "fe" in feats
    assert "ss2=وف" in feats and "ss3=غوف" in feats
    assert "s4=نغوف" in feats
    assert "fe" not in featurizer.own_features("الحكومة")


def test_frequency_classes(featurizer):
    # a frequent word used outside names vs a word the corpus has not seen
    assert "CM" in featurizer.flags("قال")
    assert "UNK" in featurizer.flags("مالاتشنكو")
    assert "UNK" not in featurizer.flags("قال")


def test_comma_apposition_and_quotes(featurizer):
    feats = _feats(featurizer, 'رئيس المجموعة ، ليف دينغوف ، اليوم')
    assert "app=B2" in feats[3] and "app=I2" in feats[4]
    one = _feats(featurizer, 'أعلن المتحدث ، بيسكوف ، أن')
    assert "app=1" in one[3]
    quoted = _feats(featurizer, 'تنظيم " داعش " الإرهابي')
    assert "inq" in quoted[2]


def test_sequence_extras_respect_keep(featurizer):
    words = ["قال", "،", "مالاتشنكو", "،"]
    fz = Featurizer(featurizer.lex, keep=frozenset({"BOS"}))
    out = fz.sequence_extras([fold(w) for w in words])
    assert "BOS" in out[0]
    assert not any(f.startswith("bg") for fs in out for f in fs)
    assert "app=1" in featurizer.sequence_extras([fold(w) for w in words])[2]
