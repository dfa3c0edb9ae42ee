"""Unit tests for canonical names, coreference, span rules and stacked features."""

from collections import Counter

import pytest

from services.enrich.ner.canon import canonical, clean, corefer, key, strip_first
from services.enrich.ner.lexicon import Lexicon
from services.enrich.ner.rules import bare, is_title, propagate, title_chains, trim
from services.enrich.ner.stack import blocks, doc_votes, stacked
from services.enrich.ner.text import fold


@pytest.fixture()
def lex() -> Lexicon:
    lx = Lexicon()
    lx.add_places(["موسكو", "روسيا", "باريس", "الأردن", "الزاوية", "واشنطن"])
    lx.first_names.update({fold("سيرغي"), fold("خليفة")})
    lx.per_tokens.update({fold("لافروف"), fold("حفتر")})
    lx.name_tokens.update({fold("موسكو"): 5, fold("باريس"): 3, fold("حفتر"): 4})
    lx.nationalities.update({"روسي", "ليبي"})
    return lx


def test_clean_drops_diacritics_and_tatweel():
    assert clean("معمّر") == "معمر"
    assert clean("لـ") == "ل"


def test_strip_first_uses_document_evidence(lex):
    doc = {fold("حفتر"), fold("لحفتر")}
    assert strip_first("لحفتر", doc, lex) == "حفتر"
    assert strip_first("للافروف", {fold("لافروف")}, lex) == "لافروف"


def test_strip_first_keeps_article_and_real_letters(lex):
    assert strip_first("للأمم", set(), lex) == "الأمم"
    assert strip_first("بالزاوية", set(), lex) == "الزاوية"
    assert strip_first("بموسكو", set(), lex) == "موسكو"
    assert strip_first("باريس", set(), lex) == "باريس"
    assert strip_first("واشنطن", set(), lex) == "واشنطن"
    assert strip_first("الأردن", set(), lex) == "الأردن"
    assert strip_first("وإدغار", set(), lex) == "إدغار"  # unknown word: «و» is the conjunction


def test_canonical_joins_tokens(lex):
    assert canonical(["للأمم", "المتحدة"], set(), lex) == "الأمم المتحدة"
    assert canonical([], set(), lex) == ""


def test_key_is_folded():
    assert key("الأمم  المتحدة") == "الامم المتحده"
    assert key("على") != key("علي")


def test_corefer_person_and_org():
    res = corefer([("PER", "خليفة حفتر"), ("PER", "حفتر"), ("PER", "خليفة"), ("PER", "حفتر"),
                   ("ORG", "حكومة الوفاق"), ("ORG", "حكومة الوفاق الوطني"), ("LOC", "ليبيا")])
    assert res[("PER", "حفتر")] == "خليفة حفتر"
    assert res[("PER", "خليفة")] == "خليفة حفتر"
    assert res[("ORG", "حكومة الوفاق")] == "حكومة الوفاق الوطني"
    assert res[("LOC", "ليبيا")] == "ليبيا"


def test_corefer_unifies_spelling_variants():
    res = corefer([("ORG", "الأمم المتحدة"), ("ORG", "الأمم المتحدة"), ("ORG", "الامم المتحدة")])
    assert res[("ORG", "الامم المتحدة")] == "الأمم المتحدة"


def test_corefer_keeps_single_names_without_full_form():
    assert corefer([("PER", "حفتر")]) == {("PER", "حفتر"): "حفتر"}


def test_bare():
    assert bare(fold("لحفتر")) == fold("حفتر")
    assert bare(fold("للامم")) == "الامم"
    assert bare(fold("الزاوية")) == fold("الزاوية")


def test_is_title():
    assert is_title(fold("المشير")) and is_title(fold("والرئيس")) and not is_title(fold("حفتر"))


def _prep(sentence: str) -> tuple[list[str], list[str]]:
    words = sentence.split()
    return words, [fold(w) for w in words]


def test_trim_strips_titles_and_drops_nationality(lex):
    words, folded = _prep("المشير خليفة حفتر و الروسي")
    assert trim([(0, 3, "PER"), (4, 5, "LOC")], folded, words, lex) == [(1, 3, "PER")]


def test_trim_drops_bare_org_head(lex):
    words, folded = _prep("قالت الحكومة")
    assert trim([(1, 2, "ORG")], folded, words, lex) == []


def test_title_chain_adds_person(lex):
    words, folded = _prep("التقى وزير الخارجية الروسي سيرغي لافروف اليوم")
    assert title_chains([], folded, words, lex) == [(4, 6, "PER")]


def test_title_chain_requires_first_name(lex):
    words, folded = _prep("قال وزير الخارجية إن")
    assert title_chains([], folded, words, lex) == []


def test_propagate_tags_repeats_and_votes(lex):
    words, folded = _prep("حفتر قال إن لحفتر و حفتر")
    spans = propagate([(0, 1, "PER"), (5, 6, "PER")], folded, words, lex)
    assert (3, 4, "PER") in spans
    assert all(t in ("PER", "ORG") for _, _, t in spans)


def test_stacked_features_vote_across_sentences():
    folded = [[fold("حفتر"), "قال"], ["التقى", fold("لحفتر")]]
    tags = [["B-PER", "O"], ["O", "O"]]
    assert doc_votes(folded, tags)[fold("حفتر")] == Counter({"PER": 1})
    feats = stacked(folded, tags)
    assert "dv=PER" in feats[1][1] and "p1=O" in feats[1][1]
    assert blocks(32, 15) == [(0, 15), (15, 30), (30, 32)]


def test_looks_like_verb_and_name_like(lex):
    from services.enrich.ner.rules import looks_like_verb, name_like

    assert looks_like_verb(fold("يعولان")) and looks_like_verb(fold("يطلبون"))
    assert not looks_like_verb(fold("لافروف")) and not looks_like_verb(fold("يوسف"))
    assert name_like(fold("لافروف"), "لافروف", lex)
    assert not name_like(fold("في"), "في", lex)
    assert not name_like(fold("الروسي"), "الروسي", lex)
    assert not name_like(fold("لتحرير"), "لتحرير", lex)  # a preposition inside a name chain


def test_in_class_tries_whole_word_first():
    from services.enrich.ner.rules import CONSTRUCT_HEADS, in_class

    assert in_class(fold("وكالة"), CONSTRUCT_HEADS)
    assert in_class(fold("وحكومة"), CONSTRUCT_HEADS)
    assert not in_class(fold("حفتر"), CONSTRUCT_HEADS)


def test_title_chain_with_unknown_first_name_needs_two_words(lex):
    words, folded = _prep("سقوط نظام العقيد معمر القذافي عام")
    assert title_chains([], folded, words, lex) == [(3, 5, "PER")]
    words, folded = _prep("والمشير حفتر يعولان على")
    assert title_chains([], folded, words, lex) == []


def test_org_edges_head_nationality_and_state(lex):
    from services.enrich.ner.rules import org_edges

    words, folded = _prep("أعلنت حكومة الوفاق و البنك المركزي الليبي و الجيش الوطني الليبي")
    spans = org_edges([(2, 3, "ORG"), (4, 6, "ORG")], folded, words, lex)
    assert (1, 3, "ORG") in spans  # head pulled in
    assert (4, 7, "ORG") in spans  # nationality pushed in
    assert (8, 11, "ORG") in spans  # «الجيش الوطني الليبي»


def test_org_heads_construct_names(lex):
    from services.enrich.ner.rules import org_heads

    words, folded = _prep("قالت حكومة الوفاق الوطني اليوم و نقلت وكالة تاس عن قوات الدفاع")
    spans = org_heads([], folded, words, lex)
    assert (1, 4, "ORG") in spans
    assert (7, 9, "ORG") in spans
    assert all(s != 10 for s, _, _ in spans)  # «قوات الدفاع» describes, it does not name


def test_gazetteer_places_after_locatives(lex):
    from services.enrich.ner.rules import gazetteer_places

    words, folded = _prep("وصل إلى موسكو ثم ذهب بباريس و زار الزاوية")
    spans = gazetteer_places([], folded, words, lex)
    assert (2, 3, "LOC") in spans and (5, 6, "LOC") in spans


def test_propagate_multi_and_split_glued(lex):
    from services.enrich.ner.rules import propagate_multi, split_glued

    words, folded = _prep("حكومة الوفاق قالت إن لحكومة الوفاق موقفا")
    assert (4, 6, "ORG") in propagate_multi([(0, 2, "ORG")], folded, words)
    words, folded = _prep("قال حفتر للافروف إن لافروف")
    assert split_glued([(1, 3, "PER")], folded, set(folded)) == [(1, 2, "PER")]


def test_drop_noise_and_directions(lex):
    from services.enrich.ner.rules import drop_noise

    assert drop_noise([(0, 1, "ORG"), (1, 2, "ORG")], ["picture", "REUTERS"]) == [(1, 2, "ORG")]
    words, folded = _prep("في الشرق")
    assert trim([(1, 2, "LOC")], folded, words, lex) == []


def test_corefer_drops_trailing_adjective_variant():
    res = corefer([("ORG", "حكومة الوفاق"), ("ORG", "حكومة الوفاق الليبية"), ("ORG", "حكومة الوفاق الوطني")],
                  lambda f: f == fold("الليبية"))
    assert res[("ORG", "حكومة الوفاق الليبية")] == "حكومة الوفاق الوطني"


def _run(rule, words, spans, lex):
    return rule(spans, [fold(w) for w in words], words, lex)


def test_known_organisation_with_clitic_and_inside_a_crf_piece(lex):
    from services.enrich.ner.rules import known_names

    words = ["قتاله", "ضد", "لداعش", "في", "موقع", "روسيا", "اليوم", "."]
    got = _run(known_names, words, [(5, 6, "LOC")], lex)
    assert (2, 3, "ORG") in got
    assert (5, 7, "ORG") in got and (5, 6, "LOC") not in got


def test_known_name_that_is_an_ordinary_word_needs_a_cue(lex):
    from services.enrich.ner.rules import known_names

    plain = ["هذه", "القاعدة", "لا", "تنطبق", "هنا"]
    assert _run(known_names, plain, [], lex) == []
    cued = ["هاجم", "مسلحي", "القاعدة", "البلدة"]
    assert _run(known_names, cued, [], lex) == [(2, 3, "ORG")]
    listed = ["ميليشيات", "من", "القاعدة", "وجماعة", "الإخوان", "المسلمين"]
    assert (2, 3, "ORG") in _run(known_names, listed, [(3, 6, "ORG")], lex)


def test_known_name_corrects_the_crf_type(lex):
    from services.enrich.ner.rules import known_names

    assert _run(known_names, ["وقال", "الكرملين", "إن"], [(1, 2, "LOC")], lex) == [(1, 2, "ORG")]


def test_place_joined_by_wa_to_a_list_of_places(lex):
    from services.enrich.ner.rules import gazetteer_places

    lex.add_places(["درنة", "بنغازي"])
    words = ["تحرير", "بنغازي", "والمناطق", "النفطية", "ودرنة", "."]
    assert (4, 5, "LOC") in _run(gazetteer_places, words, [(1, 2, "LOC")], lex)
    alone = ["زار", "الوفد", "ودرنة", "."]
    assert (2, 3, "LOC") not in _run(gazetteer_places, alone, [], lex)


def test_given_name_then_surname_is_a_person_without_a_title(lex):
    from services.enrich.ner.rules import first_name_pairs

    lex.first_names.update({fold("معمر"), fold("عمر")})
    words = ["لنظام", "معمّر", "القذافي", "جهودها"]
    assert _run(first_name_pairs, words, [], lex) == [(1, 3, "PER")]
    # «عمر» is also "age" («عن عمر يناهز»): modern usage gives it the article, so no person
    assert _run(first_name_pairs, ["عن", "عمر", "يناهز", "التسعين"], [], lex) == []


def test_strip_first_drops_a_clitic_before_a_known_place(lex):
    lex.add_places(["مصر", "وهران", "لبنان"])
    assert strip_first("ومصر", set(), lex) == "مصر"
    assert strip_first("وهران", set(), lex) == "وهران"  # the city, not «و» + «هران»


def test_known_places_joins_pieces_of_a_multi_word_place(lex):
    from services.enrich.ner.rules import known_places

    lex.add_places(["خان يونس", "مكة", "مكة المكرمة", "أفريقيا", "جنوب أفريقيا", "لبنان", "جنوب لبنان"])
    words, folded = _prep("قصفت الطائرات بخان يونس")
    assert known_places([(2, 3, "LOC"), (3, 4, "LOC")], folded, words, lex) == [(2, 4, "LOC")]
    words, folded = _prep("سافر إلى جنوب أفريقيا")  # a state named with a direction
    assert known_places([(3, 4, "LOC")], folded, words, lex) == [(2, 4, "LOC")]
    words, folded = _prep("في جنوب لبنان")  # a region: the place is «لبنان»
    assert known_places([(2, 3, "LOC")], folded, words, lex) == [(2, 3, "LOC")]
    words, folded = _prep("في مكة المكرمة")  # a known place with an epithet stays
    assert known_places([(1, 2, "LOC")], folded, words, lex) == [(1, 2, "LOC")]
    words, folded = _prep("أعلن مجلس خان يونس")  # never over an organisation
    assert known_places([(1, 4, "ORG")], folded, words, lex) == [(1, 4, "ORG")]


def test_definite_form_of_an_article_less_place_is_another_word(lex):
    lex.add_places(["بوتان", "العراق"])
    words, folded = _prep("دعم أسعار غاز البوتان في العراق")
    assert trim([(3, 4, "LOC"), (5, 6, "LOC")], folded, words, lex) == [(5, 6, "LOC")]


def test_a_tied_vote_goes_to_the_known_place(lex):
    lex.add_places(["كييف"])
    words, folded = _prep("كييف ( رويترز ) وصل إلى العاصمة كييف")
    spans = propagate([(0, 1, "ORG"), (7, 8, "LOC")], folded, words, lex)
    assert [t for s, _, t in spans if s in (0, 7)] == ["LOC", "LOC"]


def test_title_chain_runs_through_the_office_holders_organisation(lex):
    lex.nationalities.add("اوكراني")
    words, folded = _prep("التقى الأمين العام لحلف شمال الأطلسي ( الناتو ) ينس ستولتنبرغ في كييف")
    spans = title_chains([(3, 6, "ORG"), (7, 8, "ORG")], folded, words, lex)
    assert (9, 11, "PER") in spans


def test_in_the_name_of_continues_a_title_but_not_a_body(lex):
    lex.first_names.update({fold("باسم"), fold("نعيم"), fold("محمد")})
    lex.common.add(fold("باسم"))
    words, folded = _prep("وقال القيادي في حركة حماس باسم نعيم إن")  # Basem, not «in the name of»
    assert title_chains([(3, 5, "ORG")], folded, words, lex) == [(3, 5, "ORG")]
    words, folded = _prep("وقال المتحدث باسم الحكومة محمد الحسن إن")
    assert title_chains([], folded, words, lex) == [(4, 6, "PER")]


def test_title_with_a_possessive_suffix_and_a_three_part_foreign_name(lex):
    assert is_title(fold("مديرها")) and is_title(fold("رئيسه")) and not is_title(fold("مدير"[:3]))
    words, folded = _prep("ودعا مديرها العام تيدروس أدهانوم غيبريسوس الحكومات")
    assert title_chains([], folded, words, lex) == [(3, 6, "PER")]


def test_a_surname_the_crf_read_as_a_place_after_a_title_and_given_name(lex):
    lex.add_places(["ايدن"])
    words, folded = _prep("إدارة الرئيس جون بايدن ستعلن")
    assert title_chains([(3, 4, "LOC")], folded, words, lex) == [(2, 4, "PER")]
    words, folded = _prep("زار الرئيس جون موسكو")  # a place in its own right stays one
    assert title_chains([(3, 4, "LOC")], folded, words, lex) == [(3, 4, "LOC")]


def test_a_nationality_after_a_one_word_company_describes_it(lex):
    from services.enrich.ner.rules import org_edges

    lex.nationalities.add("الماني")
    words, folded = _prep("مع بيونتيك الألمانية و وزارة الدفاع الألمانية")
    spans = org_edges([(1, 2, "ORG"), (4, 6, "ORG")], folded, words, lex)
    assert (1, 2, "ORG") in spans and (4, 7, "ORG") in spans


def test_nationality_after_a_name_introduced_with_one_is_a_family_name(lex):
    from services.enrich.ner.rules import nisba_surnames

    lex.nationalities.update({"عراقي", "سوداني"})
    words, folded = _prep("بحث رئيس الوزراء العراقي محمد شياع السوداني ، الاثنين")
    assert nisba_surnames([(4, 6, "PER")], folded, words, lex) == [(4, 7, "PER")]
    words, folded = _prep("التقى محمد شياع السوداني")  # no chain before the name: left alone
    assert nisba_surnames([(1, 3, "PER")], folded, words, lex) == [(1, 3, "PER")]


def test_role_words_and_office_complements_lead_to_a_name(lex):
    lex.nationalities.add("امريكي")
    words, folded = _prep("استقبل السفيرة الأمريكية لدى العراق ألينا رومانوسكي ، وبحثا")
    assert (5, 7, "PER") in title_chains([(4, 5, "LOC")], folded, words, lex)
    words, folded = _prep("وقال المتحدث العسكري باسم الجماعة يحيى سريع إن")
    assert (5, 7, "PER") in title_chains([], folded, words, lex)
    assert is_title(fold("والناشط")) and is_title(fold("القيادي"))


def test_a_small_towns_name_that_is_mostly_another_word_is_no_place():
    from services.enrich.ner.build_lexicons import mostly_another_word
    from services.enrich.ner.wordfreq_table import FreqTable

    freq = FreqTable.from_rows({fold("كان"): 66, fold("كورونا"): 39, fold("جنيف"): 43, fold("درنة"): 30,
                                fold("صور"): 55, fold("بيساو"): 35})
    assert mostly_another_word(fold("كان"), "FR", 74_545, False, freq)  # Cannes: "was"
    assert mostly_another_word(fold("كورونا"), "US", 164_226, False, freq)  # Corona, CA
    assert mostly_another_word(fold("صور"), "LB", 135_204, False, freq)  # Tyre: "pictures"
    assert not mostly_another_word(fold("درنة"), "LY", 100_000, False, freq)
    assert not mostly_another_word(fold("بيساو"), "GW", 388_028, True, freq)  # a capital stays
    assert not mostly_another_word(fold("باريس"), "FR", 2_138_551, False, freq)  # large cities stay


def test_villages_of_the_arab_world_are_places_unless_their_name_is_an_everyday_word():
    from services.enrich.ner.build_lexicons import arabic_city_names, arabic_town_names

    towns = {fold(t) for t in arabic_town_names()}
    # a Palestinian village, an Iraqi district, a Yemeni one, a Lebanese town, all under 15k people
    assert {fold("بيتونيا"), fold("الطارمية"), fold("قعطبة"), fold("بحمدون")} <= towns
    assert not {fold("الجديدة"), fold("الحكومة"), fold("الجمعة"), fold("السوق")} & towns  # villages too
    assert fold("بيتونيا") not in {fold(c) for c in arabic_city_names()}  # not in the list of cities


def test_disease_names_are_not_entities_and_keep_their_first_letter(lex):
    from services.enrich.ner.rules import drop_noise, org_edges

    words, _ = _prep("إصابة بفيروس كورونا و بكورونا")
    assert drop_noise([(2, 3, "LOC"), (4, 5, "LOC")], words) == []
    lex.add_places(["ورونا"])
    assert strip_first("كورونا", set(), lex) == "كورونا"
    words, folded = _prep("مصرف الراجحي والبنك الأهلي")
    spans = org_edges([(0, 2, "ORG"), (2, 3, "ORG"), (3, 4, "ORG")], folded, words, lex)
    assert spans == [(0, 2, "ORG"), (2, 4, "ORG")]


def test_a_site_noun_introduces_an_unambiguous_known_place(lex):
    from services.enrich.ner.rules import gazetteer_places

    lex.add_places(["الحديدة", "المدينة"])
    lex.common.add(fold("المدينة"))
    words, folded = _prep("وصلت إلى ميناء الحديدة و مخيم المدينة")
    assert gazetteer_places([], folded, words, lex) == [(3, 4, "LOC")]


def test_org_grows_over_the_adjective_of_its_genitive_and_a_head_joins_a_known_name(lex):
    from services.enrich.ner.rules import known_names, org_edges

    words, folded = _prep("باسم المنظمة العالمية للأرصاد الجوية كلير")
    assert org_edges([(1, 4, "ORG")], folded, words, lex) == [(1, 5, "ORG")]
    words, folded = _prep("أعلنت شركة أرامكو السعودية أرباحا")
    assert known_names([(1, 3, "ORG")], folded, words, lex) == [(1, 4, "ORG")]


def test_a_person_span_that_opens_with_a_known_organisation(lex):
    from services.enrich.ner.rules import known_names

    words, folded = _prep("الرئيس التنفيذي لإنفيديا جنسن هوانغ خلال")
    assert known_names([(2, 5, "PER")], folded, words, lex) == [(2, 3, "ORG"), (3, 5, "PER")]
    # a definite word after it: the club's full name (an everyday word, taken in a sports report)
    words, folded = _prep("وفاز الوداد البيضاوي في مباراة الدوري")
    assert known_names([(1, 3, "PER")], folded, words, lex) == [(1, 3, "ORG")]


def test_a_royal_federation_and_its_purpose(lex):
    from services.enrich.ner.rules import org_heads

    lex.nationalities.add("مغربي")
    words, folded = _prep("وقال رئيس الجامعة الملكية المغربية لألعاب القوى إن")
    assert org_heads([], folded, words, lex) == [(2, 7, "ORG")]


def test_a_definite_body_a_candidacy_and_a_un_envoy_in_title_chains(lex):
    lex.first_names.add(fold("فاروق"))
    words, folded = _prep("وقال رئيس الهيئة فاروق بوعسكر إن")
    assert title_chains([], folded, words, lex) == [(3, 5, "PER")]
    words, folded = _prep("وقال المرشح فاروق بوعسكر إن")
    assert title_chains([], folded, words, lex) == [(2, 4, "PER")]
    words, folded = _prep("ورحبت المبعوثة الأممية هانا تيتيه بالخطوة")
    assert title_chains([], folded, words, lex) == [(3, 5, "PER")]


def test_the_second_of_two_towns_even_where_the_crf_saw_a_person(lex):
    from services.enrich.ner.rules import gazetteer_places

    lex.add_places(["الفاشر"])
    words, folded = _prep("إلى مدينتي الفاشر وكادقلي المحاصرتين ،")
    assert gazetteer_places([(3, 5, "PER")], folded, words, lex) == [(2, 3, "LOC"), (3, 4, "LOC")]


def test_a_describing_participle_ends_no_company_name(lex):
    words, folded = _prep("أطلق شركة هيوماين المتخصصة في الذكاء")
    assert trim([(1, 4, "ORG")], folded, words, lex) == [(1, 3, "ORG")]
    words, folded = _prep("وزارة الدفاع الروسية في بيان")  # an adjective of origin stays
    assert trim([(0, 3, "ORG")], folded, words, lex) == [(0, 3, "ORG")]


def test_a_stadium_keeps_its_princes_title_but_not_its_city(lex):
    from services.enrich.ner.rules import places_not_persons

    lex.add_places(["الرباط"])
    words, folded = _prep("على ملعب الأمير مولاي عبد الله بالرباط ،")
    spans = places_not_persons([(4, 7, "PER")], folded, lex)
    assert spans == [(1, 6, "LOC"), (6, 7, "LOC")]
    assert trim(spans, folded, words, lex) == [(1, 6, "LOC"), (6, 7, "LOC")]


def test_a_title_chain_through_a_region_or_delegation_named_before(lex):
    words, folded = _prep("ودان رئيس الإقليم نيجيرفان بارزاني الهجوم")
    assert title_chains([], folded, words, lex) == [(3, 5, "PER")]
    lex.first_names.add(fold("يحيى"))
    words, folded = _prep("وقال رئيس الوفد الحكومي يحيى كزمان إن")
    assert title_chains([], folded, words, lex) == [(4, 6, "PER")]


def test_a_new_town_keeps_its_adjective(lex):
    from services.enrich.ner.rules import gazetteer_places

    lex.add_places(["العلمين"])
    words, folded = _prep("في مؤتمر بمدينة العلمين الجديدة أن")
    assert gazetteer_places([(3, 4, "LOC")], folded, words, lex) == [(3, 5, "LOC")]
    words, folded = _prep("في العلمين الجديدة")  # without «مدينة» the adjective may describe
    assert gazetteer_places([(1, 2, "LOC")], folded, words, lex) == [(1, 2, "LOC")]


def test_national_offices_and_a_second_purposes_adjective(lex):
    from services.enrich.ner.rules import org_heads

    lex.nationalities.add("تونسي")
    words, folded = _prep("وقال رئيس الهيئة القومية للأنفاق إن")
    assert org_heads([], folded, words, lex) == [(2, 5, "ORG")]
    words, folded = _prep("توقع الديوان الوطني للزيت في تونس")
    assert org_heads([], folded, words, lex) == [(1, 4, "ORG")]
    lex.common.add(fold("البحري"))  # a nisba adjective, even an everyday one, ends the purpose
    words, folded = _prep("دعا الاتحاد التونسي للفلاحة والصيد البحري الحكومة")
    assert org_heads([], folded, words, lex) == [(1, 6, "ORG")]


def test_a_companys_business_but_not_whom_it_serves(lex):
    from services.enrich.ner.rules import company_suffixes, org_heads

    words, folded = _prep("نفذته شركة أوراسكوم للإنشاءات بالتعاون")
    assert company_suffixes([(1, 3, "ORG")], folded, lex) == [(1, 4, "ORG")]
    words, folded = _prep("وقدمت شركة أرامكو للحكومة تقريرا")
    assert company_suffixes([(1, 3, "ORG")], folded, lex) == [(1, 3, "ORG")]
    assert org_heads([], folded, words, lex) == [(1, 3, "ORG")]
    words, folded = _prep("بالتعاون مع شركة فينشي الفرنسية")  # a foreign name that opens with «ف»
    assert org_heads([(3, 4, "PER")], folded, words, lex) == [(2, 4, "ORG")]


def test_waters_islands_and_districts_are_no_persons(lex):
    from services.enrich.ner.rules import places_not_persons

    words, folded = _prep("الملاحة في خور عبد الله بين جزيرتي بوبيان ووربة")
    assert places_not_persons([(2, 5, "PER"), (6, 8, "PER")], folded, lex) == [(2, 5, "LOC"), (7, 8, "LOC")]
    words, folded = _prep("مرورا بحي الزمالك وميدان")
    assert places_not_persons([(2, 3, "ORG")], folded, lex) == [(2, 3, "LOC")]


def test_a_countrys_high_court(lex):
    from services.enrich.ner.rules import courts_of_places

    words, folded = _prep("قرار المحكمة الاتحادية العليا في العراق")
    assert courts_of_places([(5, 6, "LOC")], folded, words, lex) == [(1, 4, "ORG"), (5, 6, "LOC")]
    words, folded = _prep("قرار المحكمة العليا في العراق")  # the rank alone names no court here
    assert courts_of_places([(4, 5, "LOC")], folded, words, lex) == [(4, 5, "LOC")]


def test_a_place_of_its_own_wins_over_the_place_in_its_name(lex):
    from services.enrich.ner.rules import known_places

    lex.add_places(["الصومال", "أرض الصومال", "قطاع غزة", "غزة", "مكة", "مكة المكرمة", "دارفور", "شمال دارفور",
                    "فرنسا", "شمال فرنسا"])
    words, folded = _prep("انتخابات في أرض الصومال أمس")
    assert known_places([(3, 4, "LOC")], folded, words, lex) == [(2, 4, "LOC")]
    words, folded = _prep("القصف في قطاع غزة أمس")  # the strip is not the city
    assert known_places([(3, 4, "LOC")], folded, words, lex) == [(2, 4, "LOC")]
    words, folded = _prep("الحجاج في مكة المكرمة أمس")  # Mecca is Mecca
    assert known_places([(2, 3, "LOC")], folded, words, lex) == [(2, 3, "LOC")]
    words, folded = _prep("النازحين في شمال دارفور و شمال فرنسا")  # a state, a part of a country
    assert known_places([(3, 4, "LOC"), (6, 7, "LOC")], folded, words, lex) == [(2, 4, "LOC"), (6, 7, "LOC")]


def test_a_described_body_the_crf_found_takes_its_purpose(lex):
    from services.enrich.ner.rules import org_edges

    words, folded = _prep("والبنك الأفريقي للتنمية والصندوق")
    assert org_edges([(0, 2, "ORG")], folded, words, lex) == [(0, 3, "ORG")]
    words, folded = _prep("وقال المدير العام للمكتب الوطني للسكك الحديدية إن")
    assert org_edges([(3, 5, "ORG")], folded, words, lex) == [(3, 7, "ORG")]
    words, folded = _prep("وقع مع الاتحاد الأوروبي للفترة المقبلة")  # «for the period»: when, not what for
    assert org_edges([(2, 4, "ORG")], folded, words, lex) == [(2, 4, "ORG")]


def test_a_hamza_alef_opens_no_article_in_a_company_name(lex):
    from services.enrich.ner.rules import org_heads

    lex.nationalities.add("فرنسي")
    words, folded = _prep("بينما تتولى شركة ألستوم الفرنسية توريد")
    assert org_heads([], folded, words, lex) == [(2, 4, "ORG")]


def test_a_foreign_surname_in_waw_and_a_patronymic_before_the_crfs_person(lex):
    from services.enrich.ner.rules import coordination, first_name_pairs

    words, folded = _prep("المبعوث الخاص ستيف ويتكوف ، وقال")  # «Witkoff», not «و» + «يتكوف»
    assert coordination([(2, 4, "PER")], folded, words, lex) == [(2, 4, "PER")]
    lex.first_names.add(fold("جهاد"))
    words, folded = _prep("المرشحان سليمان فرنجية وجهاد أزعور")
    assert coordination([(1, 5, "PER")], folded, words, lex) == [(1, 3, "PER"), (3, 5, "PER")]
    words, folded = _prep("للانتخابات الداه ولد عبد الجليل إن")
    assert first_name_pairs([(3, 5, "PER")], folded, words, lex) == [(1, 5, "PER")]
    words, folded = _prep("وقد ولد عبد الله في القاهرة")  # «was born»: no name before it
    assert first_name_pairs([(2, 4, "PER")], folded, words, lex) == [(2, 4, "PER")]


def test_a_bank_named_by_one_rare_word(lex):
    from services.enrich.ner.rules import org_heads

    words, folded = _prep("وكان بنك بوبيان قد انسحب")
    assert org_heads([], folded, words, lex) == [(1, 3, "ORG")]
    words, folded = _prep("أسس بنك كبير في المدينة")  # an everyday adjective
    lex.common.add(fold("كبير"))
    assert org_heads([], folded, words, lex) == []


def test_an_indefinite_nisba_after_a_name_is_a_surname(lex):
    lex.nationalities.add("كنعاني")
    lex.first_names.add(fold("ناصر"))
    words, folded = _prep("المتحدث ناصر كنعاني إن")
    assert trim([(1, 3, "PER")], folded, words, lex) == [(1, 3, "PER")]
    words, folded = _prep("المتحدث ناصر كنعاني الكنعاني")  # definite after the name: an adjective, trimmed
    assert trim([(1, 4, "PER")], folded, words, lex) == [(1, 3, "PER")]


def test_a_definite_nationality_after_a_lone_given_name_is_the_family_name(lex):
    lex.nationalities.update({"عربي", "تركي"})
    lex.first_names.update({fold("مصطفى"), fold("جيهان")})
    words, folded = _prep("وأكد اللاعب مصطفى العربي أن")
    assert trim([(2, 4, "PER")], folded, words, lex) == [(2, 4, "PER")]
    words, folded = _prep("عبر ميناء جيهان التركي")  # after a place noun: the port of a country
    assert trim([(2, 4, "PER")], folded, words, lex) == [(2, 3, "PER")]


def test_a_definite_head_cannot_open_a_construct_name(lex):
    from services.enrich.ner.rules import detach_heads

    words, folded = _prep("المدير العام للوكالة رافائيل غروسي إن")
    assert detach_heads([(2, 5, "ORG")], folded, words, lex) == [(3, 5, "PER")]
    words, folded = _prep("أعلن البنك الدولي")
    assert detach_heads([(1, 3, "ORG")], folded, words, lex) == [(1, 3, "ORG")]


def test_a_known_multi_word_place_is_no_person_and_heads_are_no_names(lex):
    from services.enrich.ner.rules import name_like, places_not_persons

    lex.add_places(["بوركينا فاسو"])
    words, folded = _prep("أعلنت مالي وبوركينا فاسو")
    assert places_not_persons([(2, 4, "PER")], folded, lex) == [(2, 4, "LOC")]
    assert not name_like(fold("حزب"), "حزب", lex) and not name_like(fold("وحكومة"), "وحكومة", lex)


def test_a_person_listed_after_a_person(lex):
    from services.enrich.ner.rules import listed_persons

    words, folded = _prep("المرشحان سليمان فرنجية وجهاد أزعور عن")
    assert listed_persons([(1, 3, "PER")], folded, words, lex) == [(1, 3, "PER"), (3, 5, "PER")]
    words, folded = _prep("التقى سليمان فرنجية وموسكو")  # one word: not a name
    assert listed_persons([(1, 3, "PER")], folded, words, lex) == [(1, 3, "PER")]


def test_a_nationality_before_a_person_stays_out_of_the_organisation(lex):
    from services.enrich.ner.rules import org_edges

    lex.nationalities.add("فرنسي")
    words, folded = _prep("سجل للاتحاد الفرنسي كريم بنزيمة")
    assert org_edges([(1, 2, "ORG"), (3, 5, "PER")], folded, words, lex) == [(1, 2, "ORG"), (3, 5, "PER")]


def test_an_ambiguous_club_name_is_an_organisation_in_a_sports_report(lex):
    from services.enrich.ner.rules import known_names

    words, folded = _prep("قاد رونالدو النصر إلى الفوز على الاتحاد في مباراة الدوري")
    assert known_names([], folded, words, lex) == [(2, 3, "ORG"), (6, 7, "ORG")]
    words, folded = _prep("حقق الجيش النصر على الاتحاد")  # no sports report: victory, union
    assert known_names([], folded, words, lex) == []


def test_friday_morning_is_no_person_and_a_strait_after_a_preposition_is_a_place(lex):
    from services.enrich.ner.rules import gazetteer_places

    words, folded = _prep("قررت اللجنة صباح الجمعة رفع الأسعار")
    assert trim([(2, 3, "PER")], folded, words, lex) == []
    lex.add_places(["مضيق هرمز", "العالم العربي"])
    words, folded = _prep("مناورات في مضيق هرمز و في العالم العربي")
    assert gazetteer_places([], folded, words, lex) == [(2, 4, "LOC")]


def test_a_states_central_institution(lex):
    from services.enrich.ner.rules import org_heads

    lex.nationalities.add("مصري")
    words, folded = _prep("أن البنك المركزي المصري يعمل و البنك الدولي")
    assert org_heads([], folded, words, lex) == [(1, 4, "ORG")]


def test_a_ruling_familys_name_ends_a_persons_name(lex):
    from services.enrich.ner.rules import nisba_surnames

    words, folded = _prep("أصدر الشيخ مشعل الأحمد الجابر الصباح مرسوما")
    assert nisba_surnames([(2, 5, "PER")], folded, words, lex) == [(2, 6, "PER")]
    # propagation may already have tagged the family name alone
    assert nisba_surnames([(2, 5, "PER"), (5, 6, "PER")], folded, words, lex) == [(2, 6, "PER")]
    words, folded = _prep("استقبل محمد بن راشد آل مكتوم الوفد")
    assert nisba_surnames([(1, 4, "PER")], folded, words, lex) == [(1, 6, "PER")]


def test_a_national_federation_and_its_club_namesake(lex):
    from services.enrich.ner.rules import known_names, name_like, org_heads

    lex.nationalities.add("تونسي")
    words, folded = _prep("وقال الاتحاد التونسي للتنس إن المباراة في الدوري")
    assert org_heads([], folded, words, lex) == [(1, 4, "ORG")]
    assert known_names([], folded, words, lex) == []  # not the club «الاتحاد»
    assert not name_like(fold("جهاز"), "جهاز", lex)


def test_bodies_named_by_their_purpose(lex):
    from services.enrich.ner.rules import org_heads

    lex.nationalities.update({"مغربي", "روسي"})
    words, folded = _prep("رحبت الجمعية المغربية لحقوق الإنسان بالقرار")
    assert org_heads([], folded, words, lex) == [(1, 5, "ORG")]
    words, folded = _prep("أعلنت المفوضية الوطنية العليا للانتخابات النتائج")
    assert org_heads([], folded, words, lex) == [(1, 5, "ORG")]
    words, folded = _prep("رئيس مجموعة الاتصال الروسية للتسوية الليبية قال")
    assert org_heads([], folded, words, lex) == [(1, 6, "ORG")]
    # a government acting for a purpose is not a body named by it
    words, folded = _prep("أطلقت الحكومة المغربية لتعزيز البنية")
    assert org_heads([], folded, words, lex) == []


def test_a_bank_named_after_its_country(lex):
    from services.enrich.ner.rules import org_heads

    lex.add_places(["لبنان"])
    words, folded = _prep("قال حاكم مصرف لبنان إن")
    assert org_heads([(3, 4, "LOC")], folded, words, lex) == [(2, 4, "ORG")]


def test_a_dual_head_names_two_bodies(lex):
    from services.enrich.ner.rules import dual_heads

    words, folded = _prep("من بينها حركتا فتح وحماس في بكين")
    assert dual_heads([(2, 5, "ORG")], folded, words, lex) == [(3, 4, "ORG"), (4, 5, "ORG")]


def test_a_title_chain_runs_through_the_offices_place_and_an_acting_mark(lex):
    lex.first_names.add(fold("وسيم"))
    words, folded = _prep("قال حاكم مصرف لبنان بالإنابة وسيم منصوري إن")
    assert title_chains([(2, 4, "ORG")], folded, words, lex) == [(2, 4, "ORG"), (5, 7, "PER")]
    words, folded = _prep("وقال محافظ موسكو سيرغي سوبيانين إن")
    assert title_chains([(2, 3, "LOC")], folded, words, lex) == [(2, 3, "LOC"), (3, 5, "PER")]


def test_a_title_chain_passes_the_offices_body_and_province(lex):
    lex.add_places(["كردستان", "ذي قار"])
    lex.first_names.add(fold("مسرور"))
    words, folded = _prep("استقبل رئيس حكومة إقليم كردستان مسرور بارزاني السفيرة")
    assert title_chains([(4, 5, "LOC")], folded, words, lex) == [(4, 5, "LOC"), (5, 7, "PER")]
    # an untagged province after a title is the governor's province, not his name
    words, folded = _prep("وقال محافظ ذي قار مرتضى الإبراهيمي إن")
    assert title_chains([], folded, words, lex)[0] == (2, 4, "LOC")


def test_a_title_chain_passes_a_council_of_state(lex):
    words, folded = _prep("وقال رئيس مجلس النواب عقيلة صالح في كلمة")
    assert title_chains([(5, 6, "PER")], folded, words, lex) == [(4, 6, "PER")]
    lex.first_names.add(fold("رشاد"))
    words, folded = _prep("وقال رئيس مجلس القيادة الرئاسي رشاد العليمي إن")
    assert title_chains([], folded, words, lex) == [(5, 7, "PER")]
    words, folded = _prep("وقال رئيس مجلس إدارة الشركة سمير")  # a board is no council of state
    assert title_chains([], folded, words, lex) == []


def test_a_name_closed_by_a_comma_or_a_coordinated_title_keeps_an_everyday_surname(lex):
    lex.first_names.add(fold("عباس"))
    lex.common.update({fold("كامل"), fold("درس")})
    words, folded = _prep("رئيس المخابرات عباس كامل ومدير الوكالة")
    assert trim([(2, 4, "PER")], folded, words, lex) == [(2, 4, "PER")]
    words, folded = _prep("رئيس المخابرات عباس كامل ، والوفد")
    assert trim([(2, 4, "PER")], folded, words, lex) == [(2, 4, "PER")]
    words, folded = _prep("وكان عباس درس في القاهرة")  # the clause goes on: a verb
    assert trim([(1, 3, "PER")], folded, words, lex) == [(1, 2, "PER")]


def test_a_place_span_holds_no_title(lex):
    words, folded = _prep("التقى في الرياض السفير الأمريكي لدى اليمن")
    assert trim([(2, 5, "LOC")], folded, words, lex) == [(2, 3, "LOC")]


def test_an_earthquake_is_named_after_its_place(lex):
    from services.enrich.ner.rules import gazetteer_places

    lex.add_places(["الحوز"])
    words, folded = _prep("تداعيات زلزال الحوز وموجة الجفاف")
    assert gazetteer_places([], folded, words, lex) == [(2, 3, "LOC")]


def test_an_everyday_word_names_a_body_when_its_nationality_follows(lex):
    from services.enrich.ner.rules import org_heads

    lex.nationalities.add("فرنسي")
    lex.add_places(["السعودية"])
    words, folded = _prep("نقلت وكالة الأنباء الفرنسية عن مصدر")
    assert org_heads([], folded, words, lex) == [(1, 4, "ORG")]
    # «السعودية» after a definite noun is the adjective, not the country
    words, folded = _prep("أعلنت شركة الاتصالات السعودية توقيع اتفاقية")
    assert org_heads([(3, 4, "LOC")], folded, words, lex) == [(1, 4, "ORG")]
    # with an everyday word, ministries and councils are left out, as ANERcorp and the seed
    # gold leave them
    lex.common.add(fold("الصحة"))
    words, folded = _prep("قالت وزارة الصحة الفرنسية إن")
    assert org_heads([], folded, words, lex) == []


def test_an_organisation_span_that_is_a_known_place_is_the_place(lex):
    from services.enrich.ner.rules import org_edges

    lex.add_places(["قناة السويس"])
    words, folded = _prep("مرور سفنها عبر قناة السويس .")
    assert org_edges([(4, 5, "ORG")], folded, words, lex) == [(3, 5, "LOC")]


def test_a_counterpart_opens_a_title_chain_and_a_rare_surname_keeps_its_first_letter(lex):
    lex.nationalities.add("تركي")
    words, folded = _prep("وبحث الملف مع نظيره التركي هاكان فيدان في أنقرة")
    assert (5, 7, "PER") in title_chains([], folded, words, lex)  # not «ف» + «يدان»


def test_a_high_commissioners_rank_is_no_part_of_his_name(lex):
    words, folded = _prep("وأوضح المفوض السامي فيليبو غراندي أن")
    assert trim([(2, 5, "PER")], folded, words, lex) == [(3, 5, "PER")]


def test_a_ministrys_domain_continues_the_chain_and_joins_the_name_the_crf_began(lex):
    lex.first_names.add(fold("رائد"))
    words, folded = _prep("وقال وزير المياه والري رائد أبو السعود إن")
    assert title_chains([(5, 7, "PER")], folded, words, lex) == [(4, 7, "PER")]
    # an honorific before a royal's name stays out of it, as in ANERcorp
    words, folded = _prep("استقبل الأمير مولاي رشيد الوفد")
    assert title_chains([(3, 4, "PER")], folded, words, lex) == [(3, 4, "PER")]


def test_a_place_that_is_a_given_name_after_a_title_chain_is_the_given_name(lex):
    lex.add_places(["جورجيا", "الجزائر"])
    lex.nationalities.add("ايطالي")
    words, folded = _prep("زيارة رئيسة الوزراء الإيطالية جورجيا ميلوني إلى الجزائر")
    assert title_chains([(4, 5, "LOC"), (7, 8, "LOC")], folded, words, lex) == [(4, 6, "PER"), (7, 8, "LOC")]


def test_a_conjunction_before_a_known_multi_word_place_is_no_part_of_its_name(lex):
    lex.add_places(["ريف دمشق"])
    assert canonical(["وريف", "دمشق"], set(), lex) == "ريف دمشق"


def test_a_definite_body_behind_a_clitic_and_with_two_purposes_is_named(lex):
    from services.enrich.ner.rules import org_heads

    lex.nationalities.add("موريتاني")
    words, folded = _prep("وقال مدير للشركة الموريتانية للمحروقات إن")
    assert org_heads([], folded, words, lex) == [(2, 5, "ORG")]
    words, folded = _prep("أظهرت بيانات المركز الوطني للإحصاء والمعلومات أن")
    assert org_heads([], folded, words, lex) == [(2, 6, "ORG")]


def test_a_companys_quoted_or_foreign_name_is_the_company(lex):
    from services.enrich.ner.rules import org_heads

    lex.nationalities.update(fold(w) for w in ("كندي", "إيطالي", "جزائري"))
    words, folded = _prep('وقعت الحكومة اتفاقا مع شركة " كينروس غولد " الكندية')
    assert org_heads([(6, 8, "PER")], folded, words, lex) == [(6, 8, "ORG")]
    words, folded = _prep("وقعت سوناطراك عقدا مع شركة إيني الإيطالية")
    assert org_heads([(5, 6, "PER")], folded, words, lex) == [(4, 6, "ORG")]
    # a group's one-word name needs its nationality after it: «مجموعة صفقات» is a set of deals
    words, folded = _prep("وقعت مجموعة سوناطراك الجزائرية عقدا")
    assert org_heads([], folded, words, lex) == [(1, 3, "ORG")]  # the nationality describes a proper name
    words, folded = _prep("أبرم مجموعة صفقات مع الشركات")
    assert org_heads([], folded, words, lex) == []


def test_a_known_place_opening_a_line_before_a_dash_is_the_dateline(lex):
    from services.enrich.ner.rules import dateline_places

    lex.add_places(["مسقط", "ريف دمشق"])
    lex.common.add(fold("مسقط"))  # «مسقط رأسه»: also an everyday word
    words, folded = _prep("مسقط - أظهرت بيانات المركز أن مسقط رأسه")
    assert dateline_places([], folded, words, lex, [0]) == [(0, 1, "LOC")]
    words, folded = _prep("ريف دمشق - قالت مصادر")
    assert dateline_places([], folded, words, lex, [0]) == [(0, 2, "LOC")]
    words, folded = _prep("أعلنت الوزارة - في بيان")  # no place before the dash
    assert dateline_places([], folded, words, lex, [0]) == []


def test_a_currency_after_an_amount_is_no_name():
    from services.enrich.ner.rules import drop_noise

    words, _ = _prep("أرباحا بلغت 6.1 مليار ريال وكلفة 53 مليار درهم بينما فاز ريال مدريد")
    spans = [(4, 5, "ORG"), (8, 9, "LOC"), (11, 13, "ORG")]
    assert drop_noise(spans, words) == [(11, 13, "ORG")]
    words, _ = _prep("وتبلغ قيمة الجائزة 11 مليون كرونة سويدية")
    assert drop_noise([(5, 6, "ORG")], words) == []


def test_nationality_after_a_name_after_an_office_domain_is_a_family_name(lex):
    from services.enrich.ner.rules import nisba_surnames

    lex.nationalities.add("سوداني")
    words, folded = _prep("رحب رئيس الوزراء محمد شياع السوداني بالتصويت")
    assert nisba_surnames([(3, 5, "PER")], folded, words, lex) == [(3, 6, "PER")]


def test_a_crf_span_running_from_a_known_organisation_into_a_name_is_split(lex):
    from services.enrich.ner.rules import known_names

    words = ["أفاد", "المدير", "العام", "لمنظمة", "الصحة", "العالمية", "تيدروس", "أدهانوم", "غيبريسوس", "بأن"]
    got = _run(known_names, words, [(3, 9, "ORG")], lex)
    assert (3, 6, "ORG") in got and (3, 9, "ORG") not in got
    # a definite word or a purpose goes on with the name
    words = ["أعلن", "البنك", "الدولي", "للإنشاء", "والتعمير"]
    assert _run(known_names, words, [(1, 5, "ORG")], lex) == [(1, 5, "ORG")]


def test_a_name_like_word_between_a_speaker_and_what_they_said_ends_the_name(lex):
    from services.enrich.ner.rules import speaker_surnames

    lex.first_names.update({fold("محمد"), fold("نضال")})
    words, folded = _prep("وقال وزير الاقتصاد محمد نضال الشعار إن الحكومة")
    assert speaker_surnames([(3, 5, "PER")], folded, words, lex) == [(3, 6, "PER")]
    words, folded = _prep("وقال الوزير محمد نضال صباح اليوم إن الحكومة")  # a time of day
    assert speaker_surnames([(2, 4, "PER")], folded, words, lex) == [(2, 4, "PER")]
    words, folded = _prep("وقال محمد نضال الشعار إن الحكومة")  # no title chain before the name
    assert speaker_surnames([(1, 3, "PER")], folded, words, lex) == [(1, 3, "PER")]


def test_dual_and_plural_place_nouns_open_a_list_of_places(lex):
    from services.enrich.ner.rules import gazetteer_places

    lex.add_places(["معان", "الطفيلة", "البصرة", "ذي قار", "رفح"])
    words, folded = _prep("عبر محافظتي معان وكذلك")
    assert gazetteer_places([], folded, words, lex) == [(2, 3, "LOC")]
    words, folded = _prep("في محافظات البصرة وذي قار")
    assert gazetteer_places([(2, 3, "LOC")], folded, words, lex) == [(2, 3, "LOC"), (3, 5, "LOC")]
    # a three-letter place that is also an everyday word needs a site or place noun, not just a preposition
    lex.add_places(["صور"])
    lex.common.add(fold("صور"))
    words, folded = _prep("لا يزال معبر رفح مغلقا")
    assert gazetteer_places([], folded, words, lex) == [(3, 4, "LOC")]
    words, folded = _prep("وصل إلى رفح")
    assert gazetteer_places([], folded, words, lex) == [(2, 3, "LOC")]
    words, folded = _prep("نشر في صور الأقمار")
    assert gazetteer_places([], folded, words, lex) == []
    words, folded = _prep("وصل إلى مدينة صور")
    assert gazetteer_places([], folded, words, lex) == [(3, 4, "LOC")]


def test_a_place_name_with_a_title_word_in_it_is_kept_whole(lex):
    lex.add_places(["شرم الشيخ"])
    words, folded = _prep("في اوسلو وشرم الشيخ في")
    assert trim([(2, 4, "LOC")], folded, words, lex) == [(2, 4, "LOC")]
    words, folded = _prep("في الزاوية الشيخ محمد")
    assert trim([(1, 3, "LOC")], folded, words, lex) == [(1, 2, "LOC")]


def test_rule_nationalities_beyond_the_lexicon(lex):
    from services.enrich.ner.rules import is_nationality

    assert is_nationality(fold("السعودي"), lex) and is_nationality(fold("السعوديين"), lex)
    assert not is_nationality(fold("السعودية"), lex)  # the country
    assert not is_nationality(fold("جيبوتي"), lex)  # without the article: the country too
    assert is_nationality(fold("الروسي"), lex)


def test_organisation_names_in_a_construct_chain(lex):
    from services.enrich.ner.rules import org_heads

    lex.nationalities.add("عراقي")
    words, folded = _prep("تسليم النفط إلى شركة تسويق النفط العراقية ( سومو )")
    assert (3, 7, "ORG") in org_heads([], folded, words, lex)
    words, folded = _prep("طالب نواب من ائتلاف دولة القانون برئاسة")
    assert (3, 6, "ORG") in org_heads([], folded, words, lex)
    for sentence in ("ناقش مجلس إدارة الشركة الخطة", "رصد حركة دوران القمر", "يسعى لتنظيم عروض الأزياء",
                     "تأسس حزب إسلامي التوجه"):
        words, folded = _prep(sentence)
        assert org_heads([], folded, words, lex) == [], sentence


def test_a_body_named_by_its_country_and_purpose(lex):
    from services.enrich.ner.rules import org_heads

    lex.add_places(["قطر"])
    lex.nationalities.add("سعودي")
    words, folded = _prep("ممثلون عن صندوق قطر للتنمية والصندوق السعودي للتنمية ،")
    assert org_heads([(3, 4, "LOC")], folded, words, lex) == [(2, 5, "ORG"), (5, 8, "ORG")]
    # a region is no purpose: the bank is the bank
    words, folded = _prep("مدير البنك الدولي لمنطقة المشرق جان")
    assert all(e <= 3 for _, e, _ in org_heads([], folded, words, lex))


def test_a_crossing_or_port_read_as_a_person_is_a_place(lex):
    from services.enrich.ner.rules import places_not_persons

    words, folded = _prep("عند معبر كرم أبو سالم قبل")
    assert places_not_persons([(2, 5, "PER")], folded, lex) == [(2, 5, "LOC")]
    # airports bear persons' names: the venue is named from the airport noun on, as stadiums are
    words, folded = _prep("عند مطار الملك خالد")
    assert places_not_persons([(2, 4, "PER")], folded, lex) == [(1, 4, "LOC")]


def test_a_title_chain_goes_past_an_organisations_acronym(lex):
    words, folded = _prep("قال قائد قوات سوريا الديمقراطية ( قسد ) مظلوم عبدي إن")
    spans = title_chains([(2, 5, "ORG"), (6, 7, "ORG"), (9, 10, "PER")], folded, words, lex)
    assert (8, 10, "PER") in spans


def test_definite_bodies_named_by_a_purpose_with_lil(lex):
    from services.enrich.ner.rules import org_heads

    words, folded = _prep("أعلنت السلطة الوطنية المستقلة للانتخابات النتائج")
    assert org_heads([], folded, words, lex) == [(1, 5, "ORG")]
    # «to stop the attacks» is what the authority is asked to do, not what it is for
    lex.nationalities.add("فلسطيني")
    words, folded = _prep("دعا السلطة الفلسطينية لوقف الاعتداءات")
    assert org_heads([], folded, words, lex) == []
    # «general» after another description, and a purpose with its adjective
    lex.nationalities.add("مصري")
    words, folded = _prep("في مقر الهيئة المصرية العامة للتنشيط السياحي ،")
    assert org_heads([], folded, words, lex) == [(2, 7, "ORG")]
    words, folded = _prep("أمام الجمعية العامة لإصدار القرارات")
    assert org_heads([], folded, words, lex) == []


def test_an_agencys_foreign_name_its_purpose_and_its_place(lex):
    from services.enrich.ner.rules import org_heads

    words, folded = _prep("وكانت وكالة فيتش للتصنيف الائتماني قد رفعت")
    assert org_heads([], folded, words, lex) == [(1, 5, "ORG")]
    lex.add_places(["قفصة"])
    words, folded = _prep("أعلنت شركة فسفاط قفصة ، الثلاثاء")
    assert org_heads([(3, 4, "LOC")], folded, words, lex) == [(1, 4, "ORG")]
    words, folded = _prep("وقعت شركة بينما كانت")  # a frequent word is no foreign name
    assert org_heads([], folded, words, lex) == []


def test_a_title_chain_runs_through_the_body_an_office_belongs_to(lex):
    words, folded = _prep("وقال القيادي في حركة حماس محمود قماطي إن")
    lex.first_names.add(fold("محمود"))
    assert (5, 7, "PER") in title_chains([(3, 5, "ORG")], folded, words, lex)
    words, folded = _prep("ورحبت رئيسة بعثة الأمم المتحدة للدعم في ليبيا بالإنابة ستيفاني خوري بالخطوة")
    assert (9, 11, "PER") in title_chains([(2, 8, "ORG")], folded, words, lex)


def test_sheikh_after_a_name_and_before_no_other_is_the_family_name(lex):
    from services.enrich.ner.rules import nisba_surnames

    lex.first_names.update({fold("حسين"), fold("تميم")})
    words, folded = _prep("مرسوما بتعيين حسين الشيخ نائبا لرئيس")
    assert nisba_surnames([(2, 3, "PER")], folded, words, lex) == [(2, 4, "PER")]
    words, folded = _prep("التقى حسين الشيخ تميم")  # «الشيخ» is the next person's title
    assert nisba_surnames([(1, 2, "PER")], folded, words, lex) == [(1, 2, "PER")]


def test_a_name_ends_before_an_object_and_keeps_a_word_after_a_link(lex):
    words, folded = _prep("أصدر الرئيس محمود عباس مرسوما بتعيين")
    assert trim([(2, 5, "PER")], folded, words, lex) == [(2, 4, "PER")]
    lex.common.add(fold("العظيم"))
    words, folded = _prep("قدم حجاج عبد العظيم برنامجا")
    assert trim([(1, 4, "PER")], folded, words, lex) == [(1, 4, "PER")]
    words, folded = _prep("قال باراك أوباما إن")  # a name ending in «ا» is no object
    assert trim([(1, 3, "PER")], folded, words, lex) == [(1, 3, "PER")]


def test_the_end_of_a_compound_name_is_no_surname(lex):
    words = ["قال", "عبد", "الوحيد", "إن", "الحل", "الوحيد", "هو"]
    folded = [fold(w) for w in words]
    assert propagate([(1, 3, "PER")], folded, words, lex) == [(1, 3, "PER")]


def test_an_unknown_town_after_a_town_noun(lex):
    from services.enrich.ner.rules import gazetteer_places

    words, folded = _prep("أرسلت فرقا إلى مدينتي كوستي والدويم ، بدعم")
    assert gazetteer_places([], folded, words, lex) == [(4, 5, "LOC"), (5, 6, "LOC")]
    words, folded = _prep("استئناف الإنتاج في حقل الشرارة جنوب")
    assert gazetteer_places([], folded, words, lex) == [(4, 5, "LOC")]
    words, folded = _prep("دعم الجيش في ولايتي هيرشبيلي وجلمدغ ، فيما")  # the dual of a state noun names two
    assert gazetteer_places([], folded, words, lex) == [(4, 5, "LOC"), (5, 6, "LOC")]
    # adjectives, verbs and other town nouns are no names
    for sentence in ("تحولت إلى مدينة مزدهرة", "يضم حقل نفطي كبير", "زار مدن وبلدات الشمال", "في مدينة يقطنها"):
        words, folded = _prep(sentence)
        assert gazetteer_places([], folded, words, lex) == [], sentence


def test_waw_before_a_known_place_that_opens_with_a_clitic_letter(lex):
    lex.add_places(["بابل"])
    assert strip_first("وبابل", set(), lex) == "بابل"


def test_coordination_splits_lists_and_joins_split_names(lex):
    from services.enrich.ner.rules import coordination

    lex.add_places(["الدار البيضاء"])
    words, folded = _prep("مراكز في الدار البيضاء وبنجرير .")
    assert coordination([(2, 5, "LOC")], folded, words, lex) == [(2, 4, "LOC"), (4, 5, "LOC")]
    words, folded = _prep("بينها مايكروسوفت وأوراكل وهواوي ،")
    assert coordination([(1, 2, "ORG"), (2, 4, "PER")], folded, words, lex) == [
        (1, 2, "ORG"), (2, 3, "ORG"), (3, 4, "ORG")]
    lex.per_tokens.add(fold("لولا"))  # as ANERcorp's names have it
    words, folded = _prep("قال الرئيس لويس إيناسيو لولا دا سيلفا إن")
    assert coordination([(2, 4, "PER"), (4, 7, "PER")], folded, words, lex) == [(2, 7, "PER")]
    words, folded = _prep("رئيسة المفوضية أورسولا فون دير لاين أن")
    assert coordination([(2, 5, "PER")], folded, words, lex) == [(2, 6, "PER")]
    # the company, then its chief; a name, then «to» another
    words, folded = _prep("الرئيس التنفيذي لإيني كلاوديو ديسكالزي")
    assert coordination([(2, 3, "PER"), (3, 5, "PER")], folded, words, lex) == [(2, 3, "PER"), (3, 5, "PER")]
    words, folded = _prep("اعتداء ماتيراتزي لزيدان")
    assert coordination([(1, 2, "PER"), (2, 3, "PER")], folded, words, lex) == [(1, 2, "PER"), (2, 3, "PER")]


def test_a_rare_nisba_after_ibn_is_the_family_name(lex):
    from services.enrich.ner.rules import nisba_surnames

    words, folded = _prep("بحضور رئيس الاتحاد ناصر بن غانم الخليفي .")
    assert nisba_surnames([(3, 6, "PER")], folded, words, lex) == [(3, 7, "PER")]
    lex.nationalities.update({"بلوشي", "تونسي"})
    words, folded = _prep("وقالت عائشة بنت علي البلوشية إن")  # a daughter's family name agrees with her
    assert nisba_surnames([(1, 4, "PER")], folded, words, lex) == [(1, 5, "PER")]
    words, folded = _prep("وقال ناصر بن غانم البلوشية إن")
    assert nisba_surnames([(1, 4, "PER")], folded, words, lex) == [(1, 4, "PER")]


def test_a_definite_family_name_between_a_verb_of_saying_and_inna(lex):
    from services.enrich.ner.rules import speech_subjects

    words, folded = _prep("وقالت السغروشني إن الحكومة وقعت")
    assert speech_subjects([], folded, words, lex) == [(1, 2, "PER")]
    for sentence in ("وقالت الوزارة إن الحكومة", "وقال الدبلوماسيون إن الاتفاق", "وقالت السغروشني في بيان"):
        words, folded = _prep(sentence)
        assert speech_subjects([], folded, words, lex) == [], sentence


def test_more_organisation_names(lex):
    from services.enrich.ner.rules import org_heads

    words, folded = _prep("بالتنسيق مع جامعة محمد السادس متعددة التخصصات")
    assert org_heads([(3, 5, "PER")], folded, words, lex) == [(2, 5, "ORG")]
    lex.nationalities.update({"كويتي", "بريطاني"})
    words, folded = _prep("بالتعاون مع شركة البترول الوطنية الكويتية .")
    assert org_heads([], folded, words, lex) == [(2, 6, "ORG")]
    words, folded = _prep("وأعلن الاتحاد القطري للتنس والاسكواش والريشة الطائرة بيع التذاكر")
    lex.nationalities.add("قطري")
    assert org_heads([], folded, words, lex) == [(1, 7, "ORG")]
    words, folded = _prep("في حين قالت هيئة عمليات التجارة البحرية البريطانية إن")
    assert org_heads([], folded, words, lex) == [(3, 8, "ORG")]


def test_a_river_noun_opens_a_list_of_places(lex):
    from services.enrich.ner.rules import gazetteer_places

    lex.add_places(["دجلة", "الفرات"])
    words, folded = _prep("لإدارة مياه نهري دجلة والفرات ،")
    assert gazetteer_places([], folded, words, lex) == [(3, 4, "LOC"), (4, 5, "LOC")]


def test_a_three_letter_place_right_after_a_place_in_a_list(lex):
    from services.enrich.ner.rules import gazetteer_places

    lex.add_places(["إدلب", "حلب"])
    words, folded = _prep("في محافظتي إدلب وحلب يعيش النازحون")
    assert gazetteer_places([], folded, words, lex) == [(2, 3, "LOC"), (3, 4, "LOC")]
    words, folded = _prep("في إدلب ثم وحلب")  # not right after the place: short words collide
    assert gazetteer_places([], folded, words, lex) == [(1, 2, "LOC")]


def test_a_local_court_is_named_with_its_seat(lex):
    from services.enrich.ner.rules import courts_of_places

    lex.add_places(["صفاقس", "الرباط"])
    words, folded = _prep("باسم المحكمة الابتدائية بصفاقس فوزي المصمودي")
    assert courts_of_places([(3, 4, "LOC"), (4, 6, "PER")], folded, words, lex) == [(1, 4, "ORG"), (4, 6, "PER")]
    words, folded = _prep("وقضت محكمة الاستئناف بالرباط بسجنه")  # an organisation span over the kind is taken in
    assert courts_of_places([(1, 3, "ORG")], folded, words, lex) == [(1, 4, "ORG")]
    words, folded = _prep("وقالت المحكمة العليا بإسرائيل")  # one per country: «ب» is not its seat
    assert courts_of_places([(3, 4, "LOC")], folded, words, lex) == [(3, 4, "LOC")]
    words, folded = _prep("وقضت المحكمة الإدارية ببطلان القرار")  # no place after «ب»
    assert courts_of_places([], folded, words, lex) == []


def test_a_parliamentary_bloc_and_its_cause_but_not_a_partys_bloc(lex):
    from services.enrich.ner.rules import org_edges, org_heads

    words, folded = _prep("وأعلنت كتلة الوفاء للمقاومة أنها صوتت")
    assert org_heads([], folded, words, lex) == [(1, 4, "ORG")]
    words, folded = _prep("وقال نواب كتلة تيار المستقبل إن")  # the party's bloc: the name is the party's
    assert org_edges([(3, 5, "ORG")], folded, words, lex) == [(3, 5, "ORG")]


def test_a_body_named_after_its_place(lex):
    from services.enrich.ner.rules import org_heads

    lex.add_places(["القاهرة"])
    words, folded = _prep("قال رئيس هيئة قناة السويس إن")
    assert org_heads([(3, 5, "LOC")], folded, words, lex) == [(2, 5, "ORG")]
    words, folded = _prep("أستاذ في جامعة القاهرة منذ")
    assert org_heads([(3, 4, "LOC")], folded, words, lex) == [(2, 4, "ORG")]


def test_a_company_name_ends_with_its_english_suffix(lex):
    from services.enrich.ner.rules import company_suffixes

    words, folded = _prep("لشركة توتال إنرجيز باتريك بويانيه ،")
    assert company_suffixes([(0, 2, "ORG"), (2, 5, "PER")], folded, lex) == [(0, 3, "ORG"), (3, 5, "PER")]
    words, folded = _prep("مع كوسموس إنرجي الأمريكية")
    assert company_suffixes([(1, 2, "ORG")], folded, lex) == [(1, 3, "ORG")]
    words, folded = _prep("رئيس شركة بريتيش بتروليوم إن")
    assert company_suffixes([(1, 3, "ORG"), (3, 4, "ORG")], folded, lex) == [(1, 4, "ORG")]


def test_a_given_name_the_crf_tagged_alone_takes_its_surname(lex):
    from services.enrich.ner.rules import first_name_pairs

    lex.first_names.update({fold("إبراهيم"), fold("موسى")})
    words, folded = _prep("وسجل إبراهيم دياز الهدف الأول")
    assert first_name_pairs([(1, 2, "PER")], folded, words, lex) == [(1, 3, "PER")]
    words, folded = _prep("يقدم موسى نموذجا للقيادة")  # an object, not a surname
    assert first_name_pairs([(1, 2, "PER")], folded, words, lex) == [(1, 2, "PER")]


def test_a_compound_given_name_the_crf_tagged_alone_takes_its_surname(lex):
    from services.enrich.ner.rules import first_name_pairs

    lex.common.add(fold("ضيفته"))
    words, folded = _prep("واستقبل الرئيس عبد المجيد تبون ضيفته في القصر")
    assert first_name_pairs([(2, 4, "PER")], folded, words, lex) == [(2, 5, "PER")]
    words, folded = _prep("واستقبل الرئيس عبد المجيد ضيفته في القصر")  # an everyday word is no surname
    assert first_name_pairs([(2, 4, "PER")], folded, words, lex) == [(2, 4, "PER")]
    # an article-led family name is taken («عبد الفتاح البرهان»), an ordinal or a nationality is not
    words, folded = _prep("بقيادة عبد الفتاح البرهان وقوات")
    assert first_name_pairs([(1, 3, "PER")], folded, words, lex) == [(1, 4, "PER")]
    lex.ambiguous.add(fold("الثاني"))
    words, folded = _prep("قال الشيخ عبد الله الثاني إن")
    assert first_name_pairs([(2, 4, "PER")], folded, words, lex) == [(2, 4, "PER")]
    words, folded = _prep("قال المسؤول عبد الله الروسي إن")
    assert first_name_pairs([(2, 4, "PER")], folded, words, lex) == [(2, 4, "PER")]


def test_places_named_by_their_noun_and_stadiums_by_a_person(lex):
    from services.enrich.ner.rules import known_names, places_not_persons

    words, folded = _prep("يعيشون في منطقة الزمالك منذ عقود")
    assert places_not_persons([(3, 4, "ORG")], folded, lex) == [(3, 4, "LOC")]
    assert _run(known_names, words, [(3, 4, "LOC")], lex) == [(3, 4, "LOC")]  # not the club
    words, folded = _prep("على ملعب الأمير مولاي عبد الله بالرباط")
    assert places_not_persons([(4, 6, "PER")], folded, lex) == [(1, 6, "LOC")]


def test_a_direction_after_a_state_noun_is_the_states_name(lex):
    from services.enrich.ner.rules import gazetteer_places

    lex.add_places(["دارفور"])
    words, folded = _prep("عاصمة ولاية شمال دارفور خلال")
    assert gazetteer_places([(3, 4, "LOC")], folded, words, lex) == [(2, 4, "LOC")]


def test_a_party_named_by_two_words_joined_by_waw(lex):
    from services.enrich.ner.rules import org_heads

    words, folded = _prep("بدعوة من حزب الشراكة والإنقاذ .")
    assert org_heads([], folded, words, lex) == [(2, 5, "ORG")]


def test_an_organisation_span_run_on_into_its_chiefs_name_is_cut(lex):
    from services.enrich.ner.rules import coordination

    lex.first_names.update({fold("فهد"), fold("علي")})
    words, folded = _prep("وقال المدير العام لصندوق قطر للتنمية فهد السليطي إن")
    assert coordination([(3, 8, "ORG")], folded, words, lex) == [(3, 6, "ORG"), (6, 8, "PER")]
    words, folded = _prep("قال الرئيس التنفيذي لشركة تسويق النفط علي نزار")
    assert coordination([(3, 8, "ORG")], folded, words, lex) == [(3, 6, "ORG"), (6, 8, "PER")]


def test_ports_camps_islands_and_border_crossings(lex):
    from services.enrich.ner.rules import gazetteer_places

    words, folded = _prep("افتتح توسعة ميناء الدقم على بحر العرب")
    assert gazetteer_places([], folded, words, lex) == [(3, 4, "LOC")]
    lex.add_places(["صقلية"])
    lex.nationalities.add("صقلي")
    words, folded = _prep("في محطات الضغط بجزيرة صقلية .")
    got = gazetteer_places([], folded, words, lex)
    assert got == [(4, 5, "LOC")] and trim(got, folded, words, lex) == [(4, 5, "LOC")]
    words, folded = _prep("عبر معبر جابر الحدودي ،")
    assert trim([(2, 4, "LOC")], folded, words, lex) == [(2, 3, "LOC")]


def test_a_listed_given_name_joins_the_person_the_crf_began(lex):
    from services.enrich.ner.rules import listed_persons

    lex.first_names.add(fold("وسام"))
    words, folded = _prep("كل من حسين الشحات ووسام أبو علي ،")
    assert listed_persons([(2, 4, "PER"), (5, 7, "PER")], folded, words, lex) == [(2, 4, "PER"), (4, 7, "PER")]


def test_a_person_ending_in_a_name_link_takes_the_rest_of_the_name(lex):
    from services.enrich.ner.rules import first_name_pairs

    words, folded = _prep("رحب حاكم المصرف عبد القادر الحصرية ، معتبرا")
    assert first_name_pairs([(3, 4, "PER")], folded, words, lex) == [(3, 6, "PER")]
    lex.common.add(fold("الأربعاء"))  # an everyday word after the compound is no surname
    words, folded = _prep("وقال عبد الله الأربعاء إن")
    assert first_name_pairs([(1, 2, "PER")], folded, words, lex) == [(1, 3, "PER")]


def test_short_places_after_a_preposition_and_towns_named_by_a_construct(lex):
    from services.enrich.ner.rules import gazetteer_places

    lex.add_places(["حمص", "دير الزور", "بيت لحم"])
    words, folded = _prep("محطات في حمص ودير الزور ،")
    assert gazetteer_places([], folded, words, lex) == [(2, 3, "LOC"), (3, 5, "LOC")]
    lex.common.add(fold("بيت"))  # an everyday noun that opens a town's name
    words, folded = _prep("وصل إلى بيت لحم أمس")
    assert gazetteer_places([], folded, words, lex) == [(2, 4, "LOC")]
    lex.common.add(fold("حمص"))  # a short place that is an everyday word needs a place noun
    words, folded = _prep("طبق من حمص بالطحينة")
    assert gazetteer_places([], folded, words, lex) == []


def test_a_body_of_international_scope_and_a_company_named_after_a_place(lex):
    from services.enrich.ner.rules import org_heads

    lex.common.update({fold("التمويل"), fold("الملاحة")})
    words, folded = _prep("ممثلين عن مؤسسة التمويل الدولية في")
    assert org_heads([], folded, words, lex) == [(2, 5, "ORG")]
    words, folded = _prep("وتوقفت حركة الملاحة الدولية في")  # a movement of shipping, no body
    assert org_heads([], folded, words, lex) == []
    lex.add_places(["أبوظبي"])
    words, folded = _prep("مع شركة موانئ أبوظبي لتطوير الميناء")
    assert org_heads([(3, 4, "LOC")], folded, words, lex) == [(1, 4, "ORG")]


def test_a_person_cut_before_the_family_name_is_joined(lex):
    from services.enrich.ner.rules import adjacent_persons

    words, folded = _prep("الأمير خالد بن سلطان العبدالله الفيصل إن")
    assert adjacent_persons([(1, 4, "PER"), (4, 6, "PER")], folded, words, lex) == [(1, 6, "PER")]
    words, folded = _prep("نطح ماتيراتزي لزيدان في")  # a complement, not a family name
    assert adjacent_persons([(1, 2, "PER"), (2, 3, "PER")], folded, words, lex) == [(1, 2, "PER"), (2, 3, "PER")]


def test_a_one_word_body_after_a_title_run_on_into_its_chiefs_name_is_cut(lex):
    from services.enrich.ner.rules import coordination

    lex.first_names.add(fold("جان"))
    words, folded = _prep("عرضه المدير الإقليمي للبنك جان كريستوف كاريه خلال")
    assert coordination([(3, 7, "ORG")], folded, words, lex) == [(3, 4, "ORG"), (4, 7, "PER")]
    words, folded = _prep("وقالت المديرة العامة للصندوق كريستالينا غورغييفا إن")  # rare foreign words
    assert coordination([(3, 6, "ORG")], folded, words, lex) == [(3, 4, "ORG"), (4, 6, "PER")]
    words, folded = _prep("وقال وزير الخارجية للمملكة المتحدة إن")  # no name after the body
    assert coordination([(3, 5, "ORG")], folded, words, lex) == [(3, 5, "ORG")]


def test_a_name_ends_before_for_the(lex):
    words, folded = _prep("يعادل الصربي ألكسندر ميتروفيتش للهلال ، ثم")
    assert trim([(2, 5, "PER")], folded, words, lex) == [(2, 4, "PER")]


def test_a_family_name_that_is_an_everyday_word_after_a_long_title_chain(lex):
    from services.enrich.ner.rules import speaker_surnames

    lex.common.update({fold("العلماء"), fold("الماضي")})
    words, folded = _prep("وقال وزير الدولة للذكاء الاصطناعي والاقتصاد الرقمي عمر سلطان العلماء إن")
    assert speaker_surnames([(7, 9, "PER")], folded, words, lex) == [(7, 10, "PER")]
    words, folded = _prep("وقال الوزير سامي عمر الماضي إن")  # a time word is when it was said
    assert speaker_surnames([(2, 4, "PER")], folded, words, lex) == [(2, 4, "PER")]


def test_traffic_is_no_movement_and_an_island_takes_its_rare_name(lex):
    from services.enrich.ner.rules import gazetteer_places, org_heads

    words, folded = _prep("يعرض الاقتصاد وحركة الملاحة الدولية للخطر")
    assert org_heads([], folded, words, lex) == []
    words, folded = _prep("وعززت حركة النهضة الإسلامية حضورها")
    assert org_heads([], folded, words, lex) == [(1, 4, "ORG")]
    words, folded = _prep("الوافدين إلى جزيرة لامبيدوزا تراجع")
    assert gazetteer_places([], folded, words, lex) == [(3, 4, "LOC")]


def test_a_multi_word_place_of_rare_words_needs_no_locative(lex):
    from services.enrich.ner.rules import gazetteer_places

    lex.add_places(["أديس أبابا", "الشرق الأوسط"])
    words, folded = _prep("الخلاف بين أديس أبابا وإقليم")
    assert gazetteer_places([], folded, words, lex) == [(2, 4, "LOC")]
    words, folded = _prep("أمن الشرق الأوسط مهدد")  # everyday words: only after a locative
    assert gazetteer_places([], folded, words, lex) == []


def test_institutions_named_after_a_ruler_and_stock_exchanges(lex):
    from services.enrich.ner.rules import org_heads

    words, folded = _prep("وخصص مركز الملك سلمان للإغاثة 10 ملايين")
    assert org_heads([(3, 4, "PER")], folded, words, lex) == [(1, 5, "ORG")]
    words, folded = _prep("في مركز الملك الحسين بن طلال للمؤتمرات في")
    assert org_heads([(3, 4, "PER")], folded, words, lex) == [(1, 7, "ORG")]
    lex.add_places(["الكويت"])
    words, folded = _prep("أغلقت بورصة الكويت على ارتفاع")
    assert org_heads([(2, 3, "LOC")], folded, words, lex) == [(1, 3, "ORG")]


def test_a_body_named_by_its_countrys_adjective_and_purpose(lex):
    from services.enrich.ner.rules import org_heads

    lex.add_places(["السعودية"])
    words, folded = _prep("سهم الشركة السعودية للصناعات الأساسية في")
    assert org_heads([(2, 3, "LOC")], folded, words, lex) == [(1, 5, "ORG")]


def test_a_chiefs_given_name_ending_an_organisation_span_and_a_city_named_after_a_ruler(lex):
    from services.enrich.ner.rules import coordination, places_not_persons

    lex.first_names.add(fold("بندر"))
    words, folded = _prep("أمين مجلس الأمن القومي بندر بن سلطان")
    assert coordination([(1, 5, "ORG"), (5, 7, "PER")], folded, words, lex) == [(1, 4, "ORG"), (4, 7, "PER")]
    words, folded = _prep("في مدينة صباح الأحمد البحرية")
    assert places_not_persons([(2, 4, "PER")], folded, lex) == [(2, 4, "LOC")]


def test_title_chains_through_a_body_after_a_complement_and_a_place_run_into_a_name(lex):
    words, folded = _prep("وقال الرئيس التنفيذي للمجلس فهد المديفع إن")
    lex.first_names.add(fold("فهد"))
    assert title_chains([], folded, words, lex) == [(4, 6, "PER")]
    lex.add_places(["طولكرم"])
    words, folded = _prep("وقال محافظ طولكرم عبد الله كميل إن")
    assert title_chains([(2, 6, "PER")], folded, words, lex) == [(2, 3, "LOC"), (3, 6, "PER")]


def test_a_quoted_acronym_after_an_organisation_is_one_too(lex):
    from services.enrich.ner.rules import quoted_aliases

    words, folded = _prep('للشركة الوطنية للصناعة والمناجم " اسنيم " محمد')
    assert quoted_aliases([(0, 4, "ORG"), (5, 6, "PER")], folded, words, lex) == [(0, 4, "ORG"), (5, 6, "ORG")]
    lex.per_tokens.add(fold("بيسكوف"))  # a person some sites quote
    words, folded = _prep('باسم الكرملين " بيسكوف " للصحفيين')
    assert quoted_aliases([(1, 2, "ORG"), (3, 4, "PER")], folded, words, lex) == [(1, 2, "ORG"), (3, 4, "PER")]
    words, folded = _prep('وقالت الوزارة " إن " الوضع')  # a quotation
    assert quoted_aliases([(1, 2, "ORG")], folded, words, lex) == [(1, 2, "ORG")]


def test_lam_lam_is_lam_and_the_article(lex):
    assert strip_first("للشركة", {fold("شركة")}, lex) == "الشركة"
    assert strip_first("للبنان", {fold("لبنان")}, lex) == "لبنان"


def test_a_person_opening_with_an_organisation_named_in_the_document(lex):
    from services.enrich.ner.rules import org_led_persons

    words, folded = _prep("أعلنت شركة هيوماين . وقال الرئيس التنفيذي لهيوماين طارق أمين")
    spans = [(1, 3, "ORG"), (7, 9, "PER")]
    assert org_led_persons(spans, folded) == [(1, 3, "ORG"), (7, 8, "ORG"), (8, 9, "PER")]
    assert org_led_persons([(7, 9, "PER")], folded) == [(7, 9, "PER")]  # no such organisation


def test_two_dams_named_after_their_towns(lex):
    from services.enrich.ner.rules import gazetteer_places

    lex.add_places(["الموصل"])
    words, folded = _prep("انخفض مخزون سدي الموصل وحديثة إلى")
    assert gazetteer_places([], folded, words, lex) == [(3, 4, "LOC")]


def test_a_known_place_opening_like_kaf_and_the_article_keeps_its_kaf(lex):
    lex.add_places(["كاليفورنيا", "اليفورنيا"])  # (the second: a corpus tokenisation artefact)
    assert strip_first("كاليفورنيا", set(), lex) == "كاليفورنيا"
    assert strip_first("كالمدينة", set(), lex) == "المدينة"  # «like the city»


def test_months_written_as_dates_and_counted_nouns_are_no_names():
    from services.enrich.ner.rules import drop_noise

    words = ["في", "نيسان", "/", "أبريل", "2022", "وقيمة", "أكبر", "14", "بنكا", "في", "لبنان"]
    spans = [(1, 2, "ORG"), (8, 9, "LOC"), (10, 11, "LOC")]
    assert drop_noise(spans, words) == [(10, 11, "LOC")]


def test_two_bodies_joined_by_wa_are_two(lex):
    from services.enrich.ner.rules import coordination

    words, folded = _prep("بينها شركة ظفار للطاقة وبنك الخليج للتنمية .")
    assert coordination([(1, 8, "ORG")], folded, words, lex) == [(1, 4, "ORG"), (4, 8, "ORG")]


def test_venues_named_after_a_king_a_seat_before_an_envoy_and_a_state_title(lex):
    from services.enrich.ner.rules import places_not_persons

    lex.add_places(["الجزائر", "عمان"])
    words, folded = _prep("قرب مطار الملك خالد الدولي")
    assert places_not_persons([(3, 5, "PER")], folded, lex) == [(1, 5, "LOC")]
    words, folded = _prep("سفير إيطاليا بالجزائر ألبرتو كوراتي")
    assert places_not_persons([(2, 5, "PER")], folded, lex) == [(2, 3, "LOC"), (3, 5, "PER")]
    words, folded = _prep("في الإمارات وسلطنة عمان")
    assert places_not_persons([(2, 3, "LOC"), (3, 4, "LOC")], folded, lex) == [(3, 4, "LOC")]


def test_organisations_take_the_adjectives_that_end_their_names(lex):
    from services.enrich.ner.rules import adjective_tails

    lex.nationalities.update({"تركي", "فرنسي"})
    cases = [  # (sentence, span found, span after the rule)
        ("أعلنت الوكالة المغربية للطاقة المستدامة عن خطة", (1, 4), (1, 5)),
        ("أعلنت هيئة الطاقة الجديدة والمتجددة عن خطة", (1, 4), (1, 5)),
        # a description after an adjective is none of the name, nor a time word
        ("وقال الجيش الليبي الموالي لحفتر", (1, 3), (1, 3)),
        ("وقالت الحكومة المؤقتة الحالية إن", (1, 3), (1, 3)),
        # a nationality after an Arabic word is part of the name, after a foreign company's name it is not
        ("وأوضح الهلال الأحمر التركي أن", (1, 3), (1, 4)),
        ("مع شركة توتال إنرجيز الفرنسية", (1, 4), (1, 4)),
    ]
    for sentence, found, expected in cases:
        _, folded = _prep(sentence)
        assert adjective_tails([(*found, "ORG")], folded, lex) == [(*expected, "ORG")], sentence


def test_bare_reads_wa_before_a_word_that_opens_with_a_clitic_letter():
    # «و» + «برنامج» is commoner than «وب» + «رنامج»; «ولحفتر» is still «و» + «ل» + «حفتر»
    assert bare(fold("وبرنامج")) == fold("برنامج")
    assert bare(fold("وبغداد")) == fold("بغداد")
    assert bare(fold("ولحفتر")) == fold("حفتر")
    assert bare(fold("بموسكو")) == fold("موسكو")


# (sentence, the tagger's span, the name in it): where the sentence goes on after a name
_SENTENCE_TAILS = (
    ("يتوجه حفتر إلينا دائما", (1, 3, "PER"), (1, 2, "PER")),  # a preposition with its pronoun
    ("حيث مقر حكومة الوفاق الوطني المناوئة له", (2, 6, "ORG"), (2, 5, "ORG")),  # an adjective with one
    ("أطلقها الجيش الليبي لتحرير العاصمة من ميليشيات مسلحة", (1, 7, "ORG"), (1, 3, "ORG")),  # «من»
    ("زيارة قائد الجيش الوطني الليبي لموسكو", (2, 6, "ORG"), (2, 5, "ORG")),  # where it went
    ("وقال إن المحكمة الدستورية ألغت النتائج", (2, 5, "ORG"), (2, 4, "ORG")),  # what it did
    ("وكان حلفاء حفتر قد أقاموا علاقات", (1, 3, "PER"), (2, 3, "PER")),  # his allies
    ("اتفاق بين القيادة العامة للجيش الليبي والدولة الروسية", (2, 8, "ORG"), (2, 6, "ORG")),  # two parties
    ("وأعلن التحالف الحرب لداعش في سوريا", (1, 4, "ORG"), (3, 4, "ORG")),  # whom the war is on
    # names of bodies that do hold «من» or a pronoun
    ("أعلنت الجمعية الأردنية للوقاية من حوادث الطرق", (1, 7, "ORG"), (1, 7, "ORG")),
    ("قالت المراكز الأفريقية لمكافحة الأمراض والوقاية منها", (1, 7, "ORG"), (1, 7, "ORG")),
    ("أفاد حزب الاتحاد من أجل الجمهورية", (1, 6, "ORG"), (1, 6, "ORG")),
)


def test_a_name_the_tagger_ran_into_its_sentence_ends_where_the_sentence_goes_on(lex):
    from services.enrich.ner.rules import sentence_tails

    lex.loc.add(fold("موسكو"))
    lex.nationalities.add(fold("ليبي"))
    for text, span, name in _SENTENCE_TAILS:
        words, folded = _prep(text)
        assert sentence_tails([span], folded, words, lex) == [name], text
