"""The numpy decoder must give exactly crfsuite's labels; features must be consistent."""

from pathlib import Path

import pycrfsuite
import pytest

from services.enrich.ner import lexicon
from services.enrich.ner.fast import FastCRF
from services.enrich.ner.features import Featurizer
from services.enrich.ner.recognizer import MODEL_PATH
from services.enrich.ner.text import fold, sentences, tokenize

TEXT = (
    "تبرأ الكرملين من دعم قوات شرق ليبيا بقيادة المشير \"خليفة حفتر\" في زحفها نحو العاصمة طرابلس.\n"
    "وقال المتحدث باسم الكرملين ديمتري بيسكوف للصحفيين إن روسيا لا تقدم المساعدة لقوات حفتر.\n"
    "والتقى وزير الخارجية الروسي سيرغي لافروف نظيره الفرنسي في باريس، وأعلنت الأمم المتحدة دعمها.\n"
    "ومنيت القوات بهزيمة في الزاوية"
)


@pytest.fixture(scope="module")
def featurizer() -> Featurizer:
    return Featurizer(lexicon.load())


def _sentences() -> list[list[str]]:
    toks = tokenize(TEXT)
    words = [t.text for t in toks]
    return [words[a:b] for a, b in sentences(toks, TEXT)]


def test_fast_decoder_matches_crfsuite(featurizer):
    if not Path(MODEL_PATH).exists():
        pytest.skip("no trained model")
    fast = FastCRF(MODEL_PATH, featurizer)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    sents = _sentences()
    extras = [x for s in sents for x in featurizer.sequence_extras([fold(w) for w in s])]
    batch = fast.tag_doc(sents, extras)
    for sent, got in zip(sents, batch, strict=True):
        want = tagger.tag(featurizer.sequence(sent))
        assert got == want
        assert fast.tag(sent, [fold(w) for w in sent]) == want
    assert any(t != "O" for tags in batch for t in tags)


def test_tag_doc_handles_empty_and_single_token_sentences(featurizer):
    fast = FastCRF(MODEL_PATH, featurizer)
    assert fast.tag_doc([], []) == []
    got = fast.tag_doc([[], ["موسكو"]], featurizer.sequence_extras(["موسكو"]))
    assert got[0] == [] and len(got[1]) == 1


def test_sequence_features_combine_word_and_context(featurizer):
    words = ["قال", "الرئيس", "بوتين", "في", "موسكو"]
    feats = featurizer.sequence(words)
    assert len(feats) == len(words)
    assert "BOS" in feats[0] and "EOS" in feats[-1]
    assert "w=" + fold("بوتين") in feats[2]
    assert "-1:g=TTL" in feats[2]  # the title before the name
    assert any(f.startswith("+1:w=") for f in feats[2])
    assert "g=LOC" in feats[4]


def test_flags_use_the_clitic_stripped_stem(featurizer):
    assert "LOC" in featurizer.flags("بموسكو")
    assert "NAT" in featurizer.flags("الروسية")
    assert "TTL" in featurizer.flags("والرئيس")
    assert "ORGH" in featurizer.flags("وزارة")
    assert "STOP" in featurizer.flags("في")


def test_gazetteer_spans_mark_multiword_places(featurizer):
    folded = [fold(w) for w in ["زار", "الولايات", "المتحدة", "أمس"]]
    assert featurizer.gazetteer_spans(folded) == ["", "gz=B", "gz=I", ""]


def test_keep_filters_features(featurizer):
    fz = Featurizer(featurizer.lex, keep=frozenset({"b", "w=" + fold("موسكو")}))
    assert fz.own_features("موسكو") == ["b", "w=" + fold("موسكو")]
    assert fz.sequence_extras([fold("موسكو"), fold("اليوم")]) == [["BOS"], ["EOS"]]


def test_role_features_equal_the_separate_ones(featurizer):
    for word in ("بموسكو", "الرئيس", "لافروف", "،", "2019"):
        roles = featurizer.role_features(word)
        assert roles[0] == featurizer.own_features(word)
        for got, off in zip(roles[1:], (-2, -1, 1, 2), strict=True):
            assert got == featurizer.neighbour_features(off, word)
