"""Behaviour of ``find_entities`` on news-like Arabic text (uses the committed model)."""

import os

import pytest

from services.enrich.entities import find_entities, ner_model_name
from services.shared.schema import Entity


def _lexicon():
    """The shipped lexicon, as the recogniser loads it (for the rules tested on their own)."""
    from services.enrich.ner.recognizer import CrfRecognizer
    return CrfRecognizer.get().lex


def names(ents: list[Entity], typ: str) -> set[str]:
    return {e.name for e in ents if e.type == typ}


def test_offsets_index_into_text_exactly():
    text = 'قال المتحدث باسم الكرملين "ديمتري بيسكوف" إن روسيا لا تدعم لـ"حفتر" أي تحرك في طرابلس.'
    ents = find_entities(text)
    assert ents
    for e in ents:
        assert text[e.start:e.end] == e.text
        assert e.key


def test_empty_and_non_arabic_text():
    assert find_entities("") == []
    assert find_entities("   \n ") == []
    assert find_entities("news-picture 2 0 0") == []


def test_places_strip_clitics_but_keep_their_article():
    text = "وصل الوفد بموسكو قادما من مدينة الزاوية، ثم توجه إلى الأردن وروسيا بدعوة من الأمم المتحدة."
    ents = find_entities(text)
    locs = names(ents, "LOC")
    assert {"موسكو", "الزاوية", "الأردن", "روسيا"} <= locs
    assert "بموسكو" not in locs and "وروسيا" not in locs
    assert "الأمم المتحدة" in names(ents, "ORG")


def test_un_behind_preposition_keeps_article():
    text = "قال الأمين العام للأمم المتحدة أنطونيو غوتيريش إنه سيتوجه إلى ليبيا."
    ents = find_entities(text)
    assert "الأمم المتحدة" in names(ents, "ORG")
    assert "أنطونيو غوتيريش" in names(ents, "PER")
    un = next(e for e in ents if e.name == "الأمم المتحدة")
    assert un.text == "للأمم المتحدة"


def test_person_coreference_to_full_name():
    text = ("وقال المشير خليفة حفتر إن قواته تتقدم نحو طرابلس. "
            "وأكد حفتر أن الهجوم مستمر. ودعت موسكو لحفتر بالتهدئة. "
            "وأضاف أن المشير خليفة درس الخيار العسكري.")
    ents = find_entities(text)
    hafter = [e for e in ents if e.type == "PER" and "حفتر" in e.text]
    assert len(hafter) >= 3
    assert {e.name for e in hafter} == {"خليفة حفتر"}
    assert all(not e.text.startswith("المشير") for e in hafter)


def test_glued_clitic_and_quotes():
    text = ('تتقدم قوات المشير "خليفة حفتر" نحو طرابلس. وقال بيسكوف إن موسكو لا تقدم الدعم لـ"حفتر" '
            'ولا تعترض على الاجتماع بـ"حفتر".')
    ents = find_entities(text)
    per = [e for e in ents if e.type == "PER" and e.name == "خليفة حفتر"]
    assert len(per) == 3
    assert [e.text for e in per] == ["خليفة حفتر", "حفتر", "حفتر"]  # quotes and glued clitics stay outside


def test_title_chain_gives_the_name_without_the_title():
    text = "التقى القائد العسكري خليفة حفتر وزير الخارجية الروسي سيرغي لافروف اليوم الثلاثاء في موسكو."
    ents = find_entities(text)
    per = names(ents, "PER")
    assert "سيرغي لافروف" in per
    assert not any(n.startswith(("وزير", "الروسي")) for n in per)


def test_hashtag_is_unwrapped():
    text = "التقى حفتر وزير الخارجية الروسي سيرغي #لافروف وطلب مساعدة #موسكو في قتاله ضد #داعش."
    ents = find_entities(text)
    assert "موسكو" in names(ents, "LOC")
    assert any(e.name.endswith("لافروف") for e in ents if e.type == "PER")
    assert all("#" not in e.name for e in ents)


def test_nationality_adjectives_are_not_places():
    text = "وأعلن الجيش الروسي أن الحكومة الليبية والبرلمان الليبي يتفاوضان مع الوفد الروسي في القاهرة."
    ents = find_entities(text)
    for e in ents:
        assert e.name not in {"الروسي", "الليبية", "الليبي", "روسي"}
    assert "القاهرة" in names(ents, "LOC")


def test_ala_preposition_is_not_the_name_ali():
    text = "وافق علي عبد الله صالح على الاتفاق، وحصل على دعم من الرياض."
    ents = find_entities(text)
    assert all(e.name != "على" and e.text != "على" for e in ents)
    assert any(e.name.startswith("علي") for e in ents if e.type == "PER")


def test_no_titles_or_function_words_as_entities():
    text = "وقال الرئيس إن الحكومة في ذلك الوقت كانت تدرس الأمر مع الوزير."
    ents = find_entities(text)
    assert all(e.name not in {"الرئيس", "الحكومة", "الوزير", "في"} for e in ents)


def test_model_name_is_versioned():
    assert ner_model_name().startswith("crf-")


def test_camel_backend_switch(monkeypatch):
    """NABA_NER=camel uses camel-tools' BERT, or fails loudly when it is not installed."""
    from services.enrich.ner.camel_backend import CamelUnavailable, load_camel_ner
    from services.shared.settings import get_settings

    try:
        load_camel_ner()
    except CamelUnavailable as exc:
        monkeypatch.setenv("NABA_NER", "camel")
        get_settings.cache_clear()
        try:
            with pytest.raises(CamelUnavailable):
                find_entities("قال حفتر")
        finally:
            get_settings.cache_clear()
        pytest.skip(f"camel-tools NER model not installed: {exc}")
    monkeypatch.setenv("NABA_NER", "camel")
    get_settings.cache_clear()
    try:
        ents = find_entities("وقال المشير خليفة حفتر إن قواته دخلت طرابلس.")
        assert "طرابلس" in names(ents, "LOC")
    finally:
        get_settings.cache_clear()
        os.environ.pop("NABA_NER", None)


def test_known_organisation_with_a_clitic_gets_its_own_name():
    from services.enrich.entities import find_entities

    got = [(e.text, e.name, e.type) for e in find_entities("وأعلن التحالف الحرب لداعش في سوريا.")]
    assert ("لداعش", "داعش", "ORG") in got


def test_exchanges_banks_with_their_purpose_and_bracketed_acronyms():
    ents = find_entities(
        "وارتفع المؤشر العام لسوق دبي المالي 1.8% وسوق أبوظبي للأوراق المالية 0.5%، وبورصة الكويت 0.3% "
        "وبورصة قطر 0.2%. وقال بنك قطر للتنمية إنه سيمول المشروع، بحسب بعثة الأمم المتحدة لمساعدة العراق "
        "(يونامي). ويلتقي إنتر ميلان (إيطاليا) فريق بايرن ميونيخ."
    )
    orgs = names(ents, "ORG")
    assert {"سوق دبي المالي", "سوق أبوظبي للأوراق المالية", "بورصة الكويت", "بورصة قطر", "بنك قطر للتنمية"} <= orgs
    assert "يونامي" in orgs  # an acronym in brackets after the body
    assert "قطر" not in names(ents, "LOC") and "إيطاليا" not in orgs  # (a club's country in brackets is a place)


def test_a_compound_given_name_takes_a_definite_family_name():
    ents = find_entities("وتشهد البلاد حربا بين الجيش بقيادة عبد الفتاح البرهان وقوات الدعم السريع.")
    assert "عبد الفتاح البرهان" in names(ents, "PER")
    ents = find_entities("وقال وزير الخارجية الأردني عبد الإله الخطيب إن")
    assert "عبد الإله الخطيب" in names(ents, "PER")


def test_title_chains_through_a_ministry_and_a_spokesman_adjective():
    ents = find_entities("وقال الناطق الإعلامي باسم الوزارة باسل العدوان إن المخزون لا يتجاوز 22 بالمئة.")
    assert names(ents, "PER") == {"باسل العدوان"}
    ents = find_entities("وأوضح المتحدث باسم وزارة الصحة السودانية عمر الطيب النور أن موسم الأمطار يزيد المخاطر.")
    assert "عمر الطيب النور" in names(ents, "PER")


def test_fathers_names_after_links_and_a_rare_family_nisba():
    ents = find_entities("وأوضحت عميدة الكلية الدكتورة عائشة بنت علي البلوشية أن الجامعة أجرت مسحاً.")
    assert "عائشة بنت علي" in " ".join(names(ents, "PER"))
    ents = find_entities("بحسب ما أعلنه رئيس الدائرة أحمد جمعة الكعبي خلال الملتقى.")
    assert "أحمد جمعة الكعبي" in names(ents, "PER")


def test_an_organisation_ended_inside_its_purpose_takes_the_rest_and_princesses_name_bodies():
    ents = find_entities("بالشراكة مع جامعة الملك عبدالله للعلوم والتقنية في الرياض.")
    assert "جامعة الملك عبدالله للعلوم والتقنية" in names(ents, "ORG")
    ents = find_entities("بحضور رئيسة جامعة الأميرة سمية للتكنولوجيا في عمّان.")
    assert "جامعة الأميرة سمية للتكنولوجيا" in names(ents, "ORG") and not names(ents, "PER")


# what the CRF trained on ANERcorp and the news sets gets wrong that the one trained on ANERcorp alone got right
# (or its rules did): kept as the wanted behaviour, strictly expected to fail until fixed
KNOWN_REGRESSION = "a known regression of the news-trained tagger (services/enrich/ner/MODEL_CARD.md)"


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("وصوت مجلس النواب على الموازنة بعد أن أقرها مجلس الوزراء.", {"مجلس النواب", "مجلس الوزراء"}),
        ("وأعلن مجلس الأمة الكويتي أن المحكمة الدستورية ألغت النتائج.", {"مجلس الأمة الكويتي", "المحكمة الدستورية"}),
        ("وقضت المحكمة الاتحادية العليا بعدم دستورية القانون.", {"المحكمة الاتحادية العليا"}),
        pytest.param("وأقر مجلس نواب الشعب الميزانية.", {"مجلس نواب الشعب"},
                     marks=pytest.mark.xfail(strict=True, reason=KNOWN_REGRESSION + ": the object read into the name")),
        ("وقالت المحكمة العليا الإسرائيلية إن وزارة الخارجية الأميركية لم ترد.",
         {"المحكمة العليا الإسرائيلية", "وزارة الخارجية الأميركية"}),
        pytest.param("ورحبت وزارة الخارجية وشؤون المغتربين الأردنية بالقرار.",
                     {"وزارة الخارجية وشؤون المغتربين الأردنية"},
                     marks=pytest.mark.xfail(strict=True, reason=KNOWN_REGRESSION + ": the second domain cut off")),
        ("ورحبت وزارة الخارجية السعودية بالقرار.", {"وزارة الخارجية السعودية"}),
    ],
)
def test_parliaments_high_courts_and_ministries_with_their_country(text, org):
    ents = find_entities(text)
    assert names(ents, "ORG") == org
    assert not names(ents, "LOC")  # «السعودية» after a ministry is its adjective, not the country


def test_a_ministry_without_its_country_and_an_office_in_a_council_stay_as_they_were():
    ents = find_entities("وقالت مصادر في وزارة الصحة إن الحصيلة ارتفعت.")
    # the tagger may read the ministry as a body (ANERcorp does; the news gold calls it optional), never with a country
    assert names(ents, "ORG") <= {"وزارة الصحة"} and not names(ents, "LOC")
    ents = find_entities("وقال رئيس مجلس النواب الليبي عقيلة صالح إن المجلس سيجتمع.")
    # the chamber with its country may be read as a body (the news gold lists «مجلس النواب الليبي»), no more
    assert names(ents, "PER") == {"عقيلة صالح"} and names(ents, "ORG") <= {"مجلس النواب الليبي"}


def test_a_place_listed_after_another_behind_wa_and_names_after_abd_and_a_given_name_read_as_a_nationality():
    ents = find_entities("كما شهدت مدن أوروبية مثل باريس وبروكسل احتفالات صاخبة.")
    assert names(ents, "LOC") == {"باريس", "بروكسل"}  # «و» + «بروكسل», not «وب» + «روكسل»
    ents = find_entities("وهو ما ردت عليه وزيرة الثقافة الفرنسية ريما عبد الملك معربة عن ذهولها.")
    assert names(ents, "PER") == {"ريما عبد الملك"}  # «الملك» after «عبد» is no king
    ents = find_entities("في المقابل، رفض وزير الجيش الإسرائيلي بيني غانتس نتائج التحقيق.")
    assert names(ents, "PER") == {"بيني غانتس"}


def test_the_kurdistan_region_national_teams_and_a_second_nationality_that_describes_the_coach():
    ents = find_entities("ويشمل القرار صادرات إقليم كردستان، بحسب الوزارة.")
    assert names(ents, "LOC") == {"إقليم كردستان"}  # a place of its own, as «قطاع غزة»
    ents = find_entities("وفاز المنتخب الوطني المغربي على المنتخب البرتغالي بهدف نظيف.")
    assert names(ents, "ORG") == {"المنتخب الوطني المغربي", "المنتخب البرتغالي"}
    ents = find_entities("وقال مدرب المنتخب العراقي الأسترالي غراهام أرنولد إن فريقه استحق الفوز.")
    assert names(ents, "ORG") == {"المنتخب العراقي"} and names(ents, "PER") == {"غراهام أرنولد"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وأوضح مدير المشروع عمران شرف أن الفريق عمل على عشرات السيناريوهات.", "عمران شرف"),
        ("وقال وزير الصحة الاتحادي عثمان الطيب بشير، خلال تدشين الحملة.", "عثمان الطيب بشير"),
        ("وقال وزير الأوقاف والإرشاد اليمني محمد عيضة شبيبة، في تصريح للصحفيين.", "محمد عيضة شبيبة"),
        ("وقال الرئيس محمد مجددا إن الحوار مستمر.", "محمد"),  # an adverb is no family name
        ("وأكد الوزير أحمد زيارته، وقال إن الوفد وصل.", "أحمد"),  # nor a possessed noun
    ],
)
def test_a_given_name_after_a_title_takes_the_word_before_what_they_said_or_a_comma(text, person):
    assert names(find_entities(text), "PER") == {person}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وقالت المندوبة الأميركية ليندا توماس-غرينفيلد إن بلادها تدعم القرار.", "ليندا توماس-غرينفيلد"),
        ("وأكدت جينين هينيس-بلاسخارت أن الانتخابات جرت بهدوء.", "جينين هينيس-بلاسخارت"),
        ("وقال جان-إيف لودريان إن فرنسا قلقة.", "جان-إيف لودريان"),
        ("وقال محمد - وهو مهندس - إن المشروع تأخر.", "محمد"),  # a spaced dash opens an aside
    ],
)
def test_a_hyphen_between_two_words_joins_a_name(text, person):
    ents = find_entities(text)
    assert names(ents, "PER") == {person}
    (ent,) = [e for e in ents if e.type == "PER"]
    assert text[ent.start:ent.end] == person  # offsets cover the whole name as written


def test_the_darfur_region_is_a_place_of_its_own():
    ents = find_entities("وتتفاقم الأزمة في إقليم دارفور غربي السودان.")
    assert names(ents, "LOC") == {"إقليم دارفور", "السودان"}


def test_myanmar_the_congos_plural_place_nouns_and_long_agency_names():
    assert names(find_entities("وفي ميانمار، نزح أكثر من مليون شخص داخل البلاد."), "LOC") == {"ميانمار"}
    ents = find_entities("وسجلت جمهورية الكونغو الديمقراطية أغلب الإصابات، تلتها بوروندي.")
    assert names(ents, "LOC") == {"جمهورية الكونغو الديمقراطية", "بوروندي"}  # not the other Congo
    ents = find_entities("واقتحم محتجون مقرات لحركة النهضة في عدد من الولايات، فيما رحبت الولايات المتحدة بالحوار.")
    assert names(ents, "LOC") == {"الولايات المتحدة"}
    ents = find_entities("وقالت مفوضية الأمم المتحدة السامية لشؤون اللاجئين إن عدد النازحين ارتفع.")
    assert names(ents, "ORG") == {"مفوضية الأمم المتحدة السامية لشؤون اللاجئين"}


def test_cldr_names_in_brackets_are_two_names_of_one_country():
    from services.enrich.ner.build_lexicons import cldr_countries

    countries = cldr_countries()
    assert {"ميانمار", "بورما"} <= set(countries) and "ميانمار (بورما)" not in countries


def test_a_police_force_with_its_nationality_and_the_human_rights_council():
    ents = find_entities("وطالب مجلس حقوق الإنسان بتحقيق، فيما قالت الشرطة الإسرائيلية إن التحقيق مستمر.")
    assert names(ents, "ORG") == {"مجلس حقوق الإنسان", "الشرطة الإسرائيلية"}


def test_maghrebi_clubs_named_with_their_sporting_adjective():
    ents = find_entities("وفاز الرجاء الرياضي على الجيش الملكي في الدوري.")
    assert names(ents, "ORG") == {"الرجاء الرياضي", "الجيش الملكي"}


def test_a_virus_named_after_its_head_is_no_entity_and_a_company_of_two_foreign_words():
    assert not find_entities("وسط أزمة اقتصادية وتفشي جائحة فيروس كورونا، قرر الرئيس تعليق الدراسة.")
    ents = find_entities("وأعلنت شركة بافاريان نورديك الدنماركية أنها ستزيد الإنتاج.")
    assert names(ents, "ORG") == {"شركة بافاريان نورديك"} and not names(ents, "PER")


def test_capitals_named_by_their_rank_and_the_un_development_programme():
    ents = find_entities("وزار الوفد جنوب لبنان.")
    assert names(ents, "LOC") == {"لبنان"}  # a direction before a place is not part of it
    ents = find_entities("ووصل الوفد إلى تونس العاصمة ثم إلى الجزائر العاصمة.")
    assert names(ents, "LOC") == {"تونس العاصمة", "الجزائر العاصمة"}
    ents = find_entities("وقال برنامج الأمم المتحدة الإنمائي إن البطالة ارتفعت.")
    assert names(ents, "ORG") == {"برنامج الأمم المتحدة الإنمائي"}


def test_whom_something_was_said_to_and_a_regional_department_are_no_purpose():
    ents = find_entities("وقال حاكم مصرف لبنان للصحفيين إن الخطة جاهزة.")
    assert names(ents, "ORG") == {"مصرف لبنان"}
    ents = find_entities("وقال المدير الإقليمي في البنك الدولي لدائرة المشرق إن التمويل جاهز.")
    assert names(ents, "ORG") == {"البنك الدولي"}


def test_a_country_before_a_given_name_is_the_office_s_seat_and_a_future_verb_opens_no_name():
    ents = find_entities("انتخب القادة الأفارقة وزير خارجية جيبوتي محمود علي يوسف رئيسا للمفوضية.")
    assert names(ents, "PER") == {"محمود علي يوسف"} and names(ents, "LOC") == {"جيبوتي"}
    ents = find_entities("وانسحب أودينغا من السباق. وسيخلف يوسف، الذي يتحدث العربية، التشادي موسى فكي محمد.")
    assert "يوسف" in names(ents, "PER") and not any(n.startswith("سي") for n in names(ents, "PER"))


def test_two_towns_after_a_dual_place_noun():
    ents = find_entities("حيث سيطرت الحركة المدعومة من رواندا خلال الأسابيع الماضية على مدينتي غوما وبوكافو.")
    assert names(ents, "LOC") == {"رواندا", "غوما", "بوكافو"} and not names(ents, "PER")


def test_a_title_chain_through_words_that_describe_the_office():
    ents = find_entities("وتضم المهمة رائدة الفضاء الأمريكية المخضرمة بيغي ويتسون قائدة للمهمة.")
    assert names(ents, "PER") == {"بيغي ويتسون"}  # «بيغي» opens with no clitic: «يغي» is no word
    ents = find_entities("وقال رئيس وفدها المفاوض خليل الحية في كلمة متلفزة إن الاتفاق ثمرة صمود.")
    assert names(ents, "PER") == {"خليل الحية"}
    # an everyday word after the describing words is the sentence going on
    ents = find_entities("وتنتظر رئيس المجلس الجديد ملفات خلافية أبرزها مشروع قانون العفو العام.")
    assert not names(ents, "PER")
    # «إلينا» has no article and «عقيلة» no possessive: they open the names
    ents = find_entities("واستقبل الوزير السفيرة الأمريكية لدى العراق ألينا رومانوسكي في بغداد.")
    assert "ألينا رومانوسكي" in names(ents, "PER")
    ents = find_entities("في المقابل، قال رئيس مجلس النواب عقيلة صالح في كلمة من مدينة القبة إن الحكومة مستقيلة.")
    assert "عقيلة صالح" in names(ents, "PER")


def test_a_city_s_court_and_an_armed_forces_branch_with_its_country():
    ents = find_entities("قضت محكمة الدار البيضاء بالعاصمة الجزائرية الخميس بسجن الكاتب خمس سنوات.")
    assert names(ents, "ORG") == {"محكمة الدار البيضاء"} and not names(ents, "LOC") - {"الجزائرية"}
    ents = find_entities("وعمل القرني طيارا مقاتلا في القوات الجوية الملكية السعودية قبل انضمامه إلى البرنامج.")
    assert names(ents, "ORG") == {"القوات الجوية الملكية السعودية"} and not names(ents, "LOC")
    ents = find_entities("وقالت القوات الجوية إن الطلعات مستمرة.")
    assert not names(ents, "ORG")  # a branch without its country is any air force


@pytest.mark.xfail(strict=True, reason=KNOWN_REGRESSION + ": the tagger reads «الفائز» as the family name")
def test_an_everyday_definite_word_before_a_comma_is_no_family_name_of_a_two_word_name():
    ents = find_entities("وهنأ الرئيس الكيني وليام روتو الفائز، وقال في منشور إن كينيا تحترم إرادة القارة.")
    assert names(ents, "PER") == {"وليام روتو"}


def test_ali_written_for_the_preposition_and_a_board_of_directors():
    ents = find_entities("ويستقطب المؤتمر الذي يقتصر حضوره علي المدعوين فقط عددا من كبار المديرين.")
    assert not names(ents, "PER")  # «علي» is «على» in Egyptian spelling
    ents = find_entities("وقال الدكتور علي جمعة مفتي الديار المصرية إن الفتوى واضحة.")
    assert names(ents, "PER") == {"علي جمعة"}
    ents = find_entities("وأوصى مجلس الإدارة بتوزيع الأرباح، فيما قال رئيس مجلس إدارة شركة أرامكو إن النتائج قوية.")
    assert names(ents, "ORG") == {"شركة أرامكو"}


def test_state_bodies_named_by_their_domain_and_their_country_s_adjective():
    ents = find_entities("وأعلن جهاز الاستثمار العماني الصفقة، فيما قالت هيئة الاستثمار السعودية إن العمل بدأ.")
    assert names(ents, "ORG") == {"جهاز الاستثمار العماني", "هيئة الاستثمار السعودية"}
    ents = find_entities("وقالت هيئة الاستثمار إن العمل بدأ.")
    assert names(ents, "ORG") <= {"هيئة الاستثمار"}  # without its country the body is generic: no country is added


@pytest.mark.xfail(strict=True, reason=KNOWN_REGRESSION + ": «وزارة الأوقاف والشؤون الإسلامية» is not found")
def test_a_ministry_joins_its_domains_with_wa():
    ents = find_entities("وقالت وزارة الطاقة والمعادن العمانية إن الإنتاج ارتفع، "
                         "وأعلنت وزارة الأوقاف والشؤون الإسلامية برنامجها.")
    assert names(ents, "ORG") == {"وزارة الطاقة والمعادن العمانية", "وزارة الأوقاف والشؤون الإسلامية"}


def test_a_given_name_the_tagger_left_before_a_person_opens_it():
    ents = find_entities("وقال المتحدث باسم الوزارة، علي حسين الجبوري، إن الرواتب ستصرف الأسبوع المقبل.")
    assert names(ents, "PER") == {"علي حسين الجبوري"}


def test_a_known_city_after_a_verb_of_hosting():
    ents = find_entities("وطرحت الفكرة خلال منتدى استضافته مسقط عام 2019، فيما تستضيفها مدينة جوهانسبرغ هذا العام.")
    assert "مسقط" in names(ents, "LOC") and "مدينة" not in names(ents, "LOC")


def test_a_given_name_before_a_place_name_is_a_person():
    ents = find_entities("وأعلنت مديرة إدارة الشرق الأوسط في الوزارة، كاثرين ويلز، أن بلادها ستخصص 45 مليون جنيه.")
    assert "كاثرين ويلز" in names(ents, "PER") and "كاثرين ويلز" not in names(ents, "LOC")


def test_muscat_is_a_place_except_as_a_birthplace():
    ents = find_entities("وجرت المحادثات في قصر البركة بمسقط، ووصل الوفد إلى مسقط أمس، وعاد الكاتب إلى مسقط رأسه.")
    assert [e.text for e in ents if e.type == "LOC"] == ["بمسقط", "مسقط"]


def test_opec_plus_and_a_body_in_construct_with_its_purpose():
    ents = find_entities("اتفق تحالف أوبك+ الذي يضم منظمة البلدان المصدرة للبترول (أوبك) وحلفاء على خفض الإنتاج.")
    assert names(ents, "ORG") == {"أوبك+", "منظمة البلدان المصدرة للبترول", "أوبك"}
    assert [e.text for e in ents if e.name == "أوبك+"] == ["أوبك+"]


def test_a_family_name_before_the_office_and_a_title_word_as_a_family_name():
    ents = find_entities("وانتخب مجلس النواب مازن القاضي رئيسا له، فيما اختار مجلس الأعيان فيصل الفايز رئيسا.")
    assert names(ents, "PER") == {"مازن القاضي", "فيصل الفايز"}
    ents = find_entities("أطلقت شركة هيوماين منصتها. "
                         "وقال الرئيس التنفيذي لهيوماين طارق أمين، خلال المنتدى، إن العمل بدأ.")
    assert "طارق أمين" in names(ents, "PER")


def test_oil_majors_banks_and_rating_agencies_are_known_companies():
    ents = find_entities("ووقعت قطر للطاقة اتفاقات مع إكسون موبيل وتوتال إنرجيز، "
                         "فيما قال محللون في غولدمان ساكس إن الطلب قوي.")
    assert {"إكسون موبيل", "غولدمان ساكس"} <= names(ents, "ORG") and not names(ents, "PER")



@pytest.mark.xfail(strict=True, reason=KNOWN_REGRESSION + ": the verb «وشلّ» read as Shell")
def test_shell_alone_is_the_verb():
    assert not find_entities("وشل الإضراب حركة النقل في المدينة.")  # «شل» alone is the verb «شلّ»


def test_occupations_introduce_names_and_a_minister_of_two_domains():
    ents = find_entities("وعزفت الفرقة بقيادة المايسترو حافظ مقني.")
    assert {"حافظ مقني"} <= names(ents, "PER")
    ents = find_entities("وكانت وزيرة الاقتصاد والمالية نادية بنسليمان قد أعلنت الخطة أمام البرلمان.")
    assert names(ents, "PER") == {"نادية بنسليمان"}
    ents = find_entities("وتعاقد الفريق مع المهاجم سانشو والمدافع المخضرم ماتس هوملز.")
    assert "المخضرم" not in names(ents, "PER")


def test_kindergartens_are_no_riyadh():
    assert not find_entities("وتشمل الخطة رياض الأطفال والمدارس الحكومية.")
    assert names(find_entities("ووصل الوفد إلى الرياض أمس."), "LOC") == {"الرياض"}


def test_a_ruling_family_after_a_nasab_chain_is_part_of_the_name():
    from services.enrich.ner.rules import adjacent_persons
    from services.enrich.ner.text import fold
    words = ["الشيخ", "تميم", "بن", "حمد", "آل", "ثاني", "أمير", "البلاد"]
    spans = [(1, 4, "PER"), (4, 6, "ORG")]  # the tagger read the family as a body
    assert adjacent_persons(spans, [fold(w) for w in words], words, _lexicon()) == [(1, 6, "PER")]


def test_a_name_does_not_end_on_a_link():
    from services.enrich.ner.rules import adjacent_persons
    from services.enrich.ner.text import fold
    words = ["الصحابي", "الجليل", "سعد", "بن", "أبي", "وقاص", "الذي", "جاء"]
    assert adjacent_persons([(2, 5, "PER")], [fold(w) for w in words], words, _lexicon()) == [(2, 6, "PER")]


def test_a_european_particle_opens_the_family_name():
    ents = find_entities("وسجل المهاجم الهولندي رود فان نيستلروي هدفين، "
                         "وقال المبعوث ستافان دي ميستورا إن الحوار مستمر.")
    assert {"رود فان نيستلروي", "ستافان دي ميستورا"} <= names(ents, "PER")


def test_a_continent_in_its_tournament_s_name_is_no_place():
    ents = find_entities("وتأهل الوداد إلى نصف نهائي دوري أبطال أفريقيا، فيما يستعد المغرب لكأس أمم إفريقيا.")
    assert "أفريقيا" not in names(ents, "LOC") and "إفريقيا" not in names(ents, "LOC")
    assert "المغرب" in names(ents, "LOC")


def test_an_everyday_nisba_ends_a_body_s_name_but_not_the_final():
    ents = find_entities("وأعلن المفوض العام لمفوضية العون الإنساني في مؤتمر صحفي أن النازحين عادوا.")
    assert "مفوضية العون الإنساني" in names(ents, "ORG")
    ents = find_entities("وتوج ريال مدريد بلقب دوري الأبطال، وخاض ريال مدريد النهائي بتشكيلته الكاملة.")
    assert "ريال مدريد النهائي" not in names(ents, "ORG")


def test_traffic_is_no_movement_and_a_known_body_after_wa():
    ents = find_entities("في ظل القيود المفروضة على حركة العمال والبضائع، بتمويل من برنامج الأمم المتحدة الإنمائي "
                         "وبرنامج الأمم المتحدة الإنمائي.")
    assert names(ents, "ORG") == {"برنامج الأمم المتحدة الإنمائي"}
    assert names(find_entities("وقالت حركة حماس إن الاتفاق قريب."), "ORG") == {"حركة حماس"}


def test_a_city_with_a_masculine_nationality_after_it_is_a_club():
    ents = find_entities("وكان الهلال قد تعادل مع ريال مدريد الإسباني، ثم فاز على باتشوكا المكسيكي 2-0 في ناشفيل.")
    assert "باتشوكا" in names(ents, "ORG") and "باتشوكا" not in names(ents, "LOC")
    assert "ناشفيل" in names(ents, "LOC")
    ents = find_entities("ووصلت السفينة إلى ميناء حيفا الإسرائيلي صباح اليوم.")  # the port's adjective
    assert "حيفا" in names(ents, "LOC")


def test_saudi_after_a_feminine_or_plural_noun_is_the_adjective():
    ents = find_entities("ويحمل العالم الجنسية السعودية منذ عام 2021، وقالت السلطات السعودية إن الزيارة ناجحة.")
    assert "السعودية" not in names(ents, "LOC")
    assert "المملكة العربية السعودية" in names(find_entities("ووصل الوفد إلى المملكة العربية السعودية."), "LOC")


@pytest.mark.xfail(strict=True, reason=KNOWN_REGRESSION + ": the country after a masculine noun is not found")
def test_saudi_after_a_masculine_noun_is_the_country():
    assert "السعودية" in names(find_entities("وزار الوزير السعودية أمس لبحث التعاون."), "LOC")


def test_kaf_before_the_article_is_no_clitic_of_a_foreign_name():
    ents = find_entities("وتألق المدافع السنغالي كاليدو كوليبالي أمام هجوم مانشستر سيتي.")
    assert "كاليدو كوليبالي" in names(ents, "PER")


def test_given_names_that_end_like_a_pronoun_and_leaders_of_blocs():
    ents = find_entities("وتنافس على المنصب مرشح الاتحاد الوطني الكردستاني الرئيس الحالي برهم صالح، "
                         "وشكل تحالف السيادة بزعامة خميس الخنجر تحالفا جديدا.")
    assert {"برهم صالح", "خميس الخنجر"} <= names(ents, "PER")
    assert "خليل الحية" in names(find_entities("وقال رئيس وفدها المفاوض خليل الحية إن الرد جاهز."), "PER")


def test_no_name_opens_with_a_preposition_and_a_noun_or_ends_on_a_verb():
    ents = find_entities("ثم فاز الفريق 2-0 بهدفي سالم الدوسري وماركوس ليوناردو، "
                         "وقال إن قادة مجموعة بريكس قرروا دعوة ست دول، ويوضع الرئيس السابق تحت المراقبة القضائية.")
    assert "سالم الدوسري" in names(ents, "PER")
    assert not any(n.startswith("بهدف") or n.endswith("قرروا") or n.startswith("تحت") for n in names(ents, "PER"))


def test_a_company_named_once_with_its_head_is_that_company_bare_too():
    ents = find_entities("وقعت أدنوك اتفاقية مع شركة كوفيسترو الألمانية. وقال الرئيس التنفيذي لكوفيسترو إن "
                         "الاتفاق يدعم خطط كوفيسترو للتحول، وإن كوفيسترو ستبقى في ليفركوزن.")
    covestro = [e for e in ents if "كوفيسترو" in e.text]
    assert covestro and {e.type for e in covestro} == {"ORG"} and {e.name for e in covestro} == {"شركة كوفيسترو"}


def test_a_body_named_by_its_country_and_purpose():
    assert "جهاز قطر للاستثمار" in names(find_entities("إذ يمتلك جهاز قطر للاستثمار حصصا في الشركة."), "ORG")
    ents = find_entities("ووقع صندوق الكويت للتنمية الاقتصادية العربية اتفاقية قرض.")
    assert "صندوق الكويت للتنمية الاقتصادية العربية" in names(ents, "ORG")
    assert not names(find_entities("وقال جهاز المخابرات إن التحقيق مستمر."), "ORG")  # describes


def test_a_flag_names_its_state_and_the_crown_prince_is_no_place():
    assert "بنما" in names(find_entities("والسفينة ترفع علم بنما، وتملكها شركة يابانية."), "LOC")
    assert not names(find_entities("وهو أستاذ علم الاجتماع في الجامعة."), "LOC")
    ents = find_entities("كما هنأه سمو الأمير الحسين بن عبدالله الثاني ولي العهد.")
    assert "العهد" not in names(ents, "LOC") and "الحسين بن عبدالله الثاني" in names(ents, "PER")


def test_a_given_name_that_is_an_everyday_noun_in_construct_is_no_name():
    assert not names(find_entities("وكان رئيس الوزراء قد تابع مع رئيس الهيئة سير أعمال التعويم."), "PER")
    assert "صباح" in names(find_entities("وقال الشيخ صباح إن الكويت ستدعم القرار."), "PER")


def test_a_party_named_for_its_aim_and_a_company_run_into_its_chief():
    ents = find_entities("انضم الرئيس السابق إلى المعارضة بعد خلافه مع حزب الاتحاد من أجل الجمهورية الذي أسسه.")
    assert "حزب الاتحاد من أجل الجمهورية" in names(ents, "ORG")
    assert "حركة حماس" in names(find_entities("وقالت حركة حماس من أجل الوطن إن الرد جاهز."), "ORG")
    ents = find_entities("وتولت مجموعة بوسكاليس الهولندية العملية. وقال الرئيس التنفيذي لبوسكاليس بيتر بيردوفسكي إن "
                         "الفرق عملت ليلا.")
    assert "بيتر بيردوفسكي" in names(ents, "PER") and "مجموعة بوسكاليس" in names(ents, "ORG")


def test_a_rare_word_after_a_place_noun_is_the_place_s_name():
    ents = find_entities("وقالت المنظمة إن فرقها في تيغراي وإقليم عفر المجاور رصدت ارتفاعا في سوء التغذية.")
    assert "عفر" in names(ents, "LOC")
    for text in ("وحذر من تشكيل منطقة عازلة دائمة في الجنوب.", "وهي مدينة مقدسة لدى المسلمين.",
                 "فرض الأميركيون منطقة يحظر فيها الطيران."):
        assert not names(find_entities(text), "LOC"), text


def test_a_place_a_title_chain_finds_replaces_the_piece_of_it_the_tagger_had():
    ents = find_entities("جوهانسبرغ - أعلن رئيس جنوب أفريقيا سيريل رامافوزا اليوم الخميس أن القادة قرروا دعوة ست دول.")
    assert "جنوب أفريقيا" in names(ents, "LOC") and "أفريقيا" not in names(ents, "LOC")


def test_construct_places_national_societies_and_prepositions_before_nationalities():
    assert "دير الزور" in names(find_entities("حيث تفشى الوباء في محافظتي حلب ودير الزور مع تلوث المياه."), "LOC")
    assert "مكة" in names(find_entities("ووصل الحجاج إلى مكة المكرمة أمس."), "LOC")  # an epithet
    ents = find_entities("بالتنسيق مع الصليب الأحمر اللبناني ومنظمة الصحة العالمية.")
    assert "الصليب الأحمر اللبناني" in names(ents, "ORG")
    ents = find_entities("ليحل ثانيا في قائمة الهدافين التاريخيين لريال مدريد خلف البرتغالي كريستيانو رونالدو.")
    assert "كريستيانو رونالدو" in names(ents, "PER")
    ents = find_entities("والسيد عبد اللطيف لوديي وزيراً منتدباً لدى رئيس الحكومة مكلفاً بإدارة الدفاع الوطني.")
    assert names(ents, "PER") == {"عبد اللطيف لوديي"}


def test_links_appositions_club_lists_and_torrents():
    ents = find_entities("وقالت معالي سارة بنت يوسف الأميري وزيرة الدولة للتكنولوجيا المتقدمة إن المسبار وصل.")
    assert "سارة بنت يوسف الأميري" in names(ents, "PER")
    ents = find_entities("من جهته، أوضح المهندس عمران شرف مدير مشروع الإمارات لاستكشاف المريخ أن الفريق كبير.")
    assert "عمران شرف" in names(ents, "PER")
    ents = find_entities("استحوذ الصندوق على 75 في المئة من أندية الاتحاد والأهلي والنصر والهلال في الدوري.")
    assert {"الأهلي", "النصر", "الهلال"} <= names(ents, "ORG")
    assert "حزب العدالة والتنمية" in names(find_entities("وفاز حزب العدالة والتنمية بالانتخابات."), "ORG")
    assert not names(find_entities("إثر أمطار غزيرة وسيول جارفة اجتاحت المنطقة منذ مساء السبت."), "LOC")
    assert "سيول" in names(find_entities("ووصل الرئيس إلى سيول في زيارة رسمية."), "LOC")


def test_venues_and_institutions_named_after_rulers_and_the_king_s_title():
    ents = find_entities("في حفل أقيم على ملعب مدينة الملك عبدالله الرياضية بجدة.")
    assert "مدينة الملك عبدالله الرياضية" in names(ents, "LOC") and not names(ents, "PER")
    ents = find_entities("وتربطه شراكات بحثية مع مدينة الملك عبدالعزيز للعلوم والتقنية في الرياض.")
    assert "مدينة الملك عبدالعزيز للعلوم والتقنية" in names(ents, "ORG")
    ents = find_entities("ونقل تحيات خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود إلى أمير البلاد.")
    assert names(ents, "PER") == {"سلمان بن عبدالعزيز آل سعود"}
    ents = find_entities("جدة - قدّم نادي الاتحاد مساء الخميس مهاجمه الجديد الفرنسي كريم بنزيمة إلى جماهيره.")
    assert "نادي الاتحاد" in names(ents, "ORG")


def test_universities_named_after_us_states_take_their_campus():
    ents = find_entities("بالشراكة مع مختبر الفضاء في جامعة كولورادو بولدر، وجامعة ولاية أريزونا، وجامعة كاليفورنيا في "
                         "بيركلي.")
    assert {"جامعة كولورادو بولدر", "جامعة ولاية أريزونا", "جامعة كاليفورنيا في بيركلي"} <= names(ents, "ORG")
    assert "الجامعة الأمريكية في بيروت" in names(find_entities("وتخرج في الجامعة الأمريكية في بيروت عام 1990."), "ORG")
    ents = find_entities("ودرس في جامعة القاهرة في الجيزة.")  # located there, not named so
    assert "جامعة القاهرة" in names(ents, "ORG") and "الجيزة" in names(ents, "LOC")


def test_a_state_s_civil_defence_is_a_body_when_the_state_is_named():
    assert "الدفاع المدني السوري" in names(find_entities("وقال الدفاع المدني السوري إن فرقه انتشلت الجثث."), "ORG")
    assert not names(find_entities("وقالت فرق الدفاع المدني إن الحريق أخمد."), "ORG")


def test_trades_lawyers_and_objects_before_bi_anna():
    ents = find_entities("والقيادي في حركة النهضة نور الدين البحيري، ورجل الأعمال كمال اللطيف. "
                         "وقالت هيئة الدفاع إن الحكم جائر.")
    assert "كمال اللطيف" in names(ents, "PER")
    assert "فريد الديب" in names(find_entities("وقال محامي المتهم فريد الديب إن موكله سيطعن على الحكم."), "PER")
    assert not names(find_entities("ينبغي أن يجد فيه الرجل متعة عقلية تحببه في البيت."), "PER")
    ents = find_entities("فيما وصف رئيس الوزراء فرانسوا بايرو القرار بأنه غير مقبول.")
    assert names(ents, "PER") == {"فرانسوا بايرو"}
    ents = find_entities("وصرح وزير الاقتصاد محمد نضال الشعار بأن الأسعار ستنخفض.")
    assert names(ents, "PER") == {"محمد نضال الشعار"}


def test_the_person_succeeded_and_the_first_of_a_list_after_each_of():
    ents = find_entities("كلف الملك جعفر حسان بتشكيل حكومة جديدة بعد أيام من إعلان النتائج، خلفا لبشر الخصاونة.")
    assert "بشر الخصاونة" in names(ents, "PER")
    assert not names(find_entities("وجاء القرار خلفا للقرار السابق."), "PER")
    ents = find_entities("وسجل أهداف الأهلي كل من إمام عاشور وحسين الشحات ووسام أبو علي.")
    assert {"إمام عاشور", "حسين الشحات"} <= names(ents, "PER")


def test_companies_after_their_trade_after_a_dual_and_curated_names_kept_whole():
    ents = find_entities("إذ يمتلك الجهاز حصصاً في مجموعة فولكس فاغن وشركة الشحن هاباغ لويد، في وقت يعاني فيه القطاع.")
    assert "هاباغ لويد" in names(ents, "ORG") and not names(ents, "PER")
    ents = find_entities("واتفقت الشركة على دمج حصتيهما في شركتي بروج وبورياليس ضمن كيان جديد.")
    assert {"بروج", "بورياليس"} <= names(ents, "ORG")
    ents = find_entities("ودعا إلى إصلاح صندوق النقد الدولي والبنك الدولي لمنح الاقتصادات الناشئة صوتاً أكبر.")
    assert "البنك الدولي" in names(ents, "ORG")
    ents = find_entities("ويربط مراقبون القضية بالخلاف مع الرئيس محمد ولد الشيخ الغزواني، "
                         "رفيق دربه ووزير دفاعه السابق.")
    assert names(ents, "PER") == {"محمد ولد الشيخ الغزواني"}


def test_foreign_names_in_wa_and_maghrebi_union_federations():
    ents = find_entities("ودعت المستشارة الخاصة للأمين العام بشأن ليبيا، ستيفاني وليامز، جميع الأطراف إلى ضبط النفس.")
    assert "ستيفاني وليامز" in names(ents, "PER")
    ents = find_entities("ووقعت الاتفاق الكونفدرالية الديمقراطية للشغل والفيدرالية الديمقراطية للشغل "
                         "والجامعة الحرة للتعليم.")
    unions = {"الكونفدرالية الديمقراطية للشغل", "الفيدرالية الديمقراطية للشغل", "الجامعة الحرة للتعليم"}
    assert unions <= names(ents, "ORG")
    assert "المحكمة الاتحادية العليا" in names(find_entities("وصادقت المحكمة الاتحادية العليا على النتائج."), "ORG")


def test_a_person_span_ending_on_a_company_word_is_the_company():
    ents = find_entities("وجرت التحويلات عبر شركة أوبتيموم إنفست للوساطة المالية.")
    assert any("أوبتيموم إنفست" in n for n in names(ents, "ORG")) and not names(ents, "PER")


def test_a_body_s_seat_and_squares_named_in_construct():
    ents = find_entities("وكان مجلس النواب، ومقره طبرق، قد منح الثقة للحكومة. ويتجول بين أنصاره في ميدان الشهداء.")
    assert names(ents, "LOC") == {"طبرق"}


def test_general_authorities_and_red_crescent_societies():
    ents = find_entities("وأعلنت الهيئة العامة للطيران المدني موافقتها.")
    assert "الهيئة العامة للطيران المدني" in names(ents, "ORG")
    ents = find_entities("وقالت جمعية الهلال الأحمر الفلسطيني إن طواقمها نقلت الجرحى.")
    assert "جمعية الهلال الأحمر الفلسطيني" in names(ents, "ORG")


def test_a_list_of_places_and_an_airport_named_after_a_king():
    ents = find_entities("الذين يتركز كثير منهم في ضواحي باريس ومرسيليا وليون، مآلات تشكيل الحكومة.")
    assert {"باريس", "مرسيليا", "ليون"} <= names(ents, "LOC") and not names(ents, "ORG")
    ents = find_entities("فيما يتخذ طيران الرياض من مطار الملك سلمان الدولي مقرا له.")
    assert "مطار الملك سلمان الدولي" in names(ents, "LOC")


def test_kin_introduce_names_and_national_governments_are_named():
    ents = find_entities("وهي الشركة المسجلة في الخارج والتي يملكها شقيقه رجا سلامة، ويشتبه في أنها تقاضت عمولات.")
    assert "رجا سلامة" in names(ents, "PER")
    assert "حكومة الاستقرار الوطني" in names(find_entities("وقالت حكومة الاستقرار الوطني إن الوضع هادئ."), "ORG")
    assert not names(find_entities("وقالت حكومة الاحتلال إن العملية انتهت."), "ORG")


def test_a_title_chain_runs_through_its_body_s_own_adjective():
    ents = find_entities("في المقابل، وصف رئيس التجمع الوطني جوردان بارديلا التفاهمات الانتخابية بين اليسار والوسط.")
    assert "جوردان بارديلا" in names(ents, "PER")


def test_the_family_name_after_a_nasab_and_a_noun_with_its_pronoun_before_a_name():
    ents = find_entities("ووقع الاتفاق وزير الدولة للذكاء الاصطناعي عمر بن سلطان العلماء إن الشراكة مهمة.")
    assert "عمر بن سلطان العلماء" in names(ents, "PER")
    assert "محاد بن سعيد باعوين" in names(find_entities("وعين محاد بن سعيد باعوين وزيرا للعمل."), "PER")
    assert "محمد بن زايد" in names(find_entities("وقال الشيخ محمد بن زايد رئيس الدولة إن"), "PER")
    ents = find_entities("وتزامنت زيارة الوزير إلى العاصمة السورية ولقائه الأسد مع وصول المساعدات.")
    assert not any(n.startswith(("لقائه", "ولقائه")) for n in names(ents, "PER"))


def test_foreign_names_of_several_words_after_a_company_bank_or_party_head():
    assert "بنك فيرست ريبابليك" in names(find_entities("وانهار بنك فيرست ريبابليك الأمريكي العام الماضي."), "ORG")
    ents = find_entities("وعمل في مصرف غولدمان ساكس بنيويورك لسنوات.")
    assert "مصرف غولدمان ساكس" in names(ents, "ORG") and "نيويورك" in names(ents, "LOC")
    assert "حزب بهاراتيا جاناتا" in names(find_entities("وفاز حزب بهاراتيا جاناتا بأكثر من 240 مقعدا."), "ORG")
    ents = find_entities("وقال الرئيس التنفيذي لشركة أوبن إيه آي سام ألتمان إن النموذج جاهز.")
    assert "سام ألتمان" in names(ents, "PER") and any("أوبن إيه آي" in n for n in names(ents, "ORG"))


def test_provinces_states_of_two_foreign_words_and_words_after_a_name():
    ents = find_entities("وكانت السلطات قد فرضت النظام في مقاطعات كورسك وبيلغورود وبريانسك، فيما حذرت الوكالة.")
    assert names(ents, "LOC") == {"كورسك", "بيلغورود", "بريانسك"}
    assert "أوتار براديش" in names(find_entities("وجاءت الضربة الأقسى في ولاية أوتار براديش، كبرى الولايات."), "LOC")
    assert "دونالد ترامب" in names(find_entities("في ولاية دونالد ترامب الثانية"), "PER")
    ents = find_entities("وقال مودي أمام أنصاره إن الناخبين منحوا ثقتهم. واحتفظ مودي بمقعده في فاراناسي.")
    assert names(ents, "PER") == {"مودي"}
    assert "عادل إمام" in names(find_entities("وحصل على الجائزة الفنان عادل إمام."), "PER")


def test_two_parties_joined_by_its_ally():
    ents = find_entities("رغم أن ائتلافه المؤلف من الاتحاد الديمقراطي المسيحي وحليفه البافاري "
                         "الاتحاد الاجتماعي المسيحي يملك الأغلبية.")
    assert {"الاتحاد الديمقراطي المسيحي", "الاتحاد الاجتماعي المسيحي"} <= names(ents, "ORG")


def test_parties_named_by_their_creed():
    for text, name in (("وخسر الحزب الوطني الاسكتلندي معظم مقاعده.", "الحزب الوطني الاسكتلندي"),
                       ("وانضم إلى الحزب الاشتراكي قبل عامين.", "الحزب الاشتراكي"),
                       ("وتصدرت الجبهة الشعبية الجديدة النتائج.", "الجبهة الشعبية الجديدة"),
                       ("بسبب الحرب بين القوات الاتحادية والجبهة الشعبية لتحرير تيغراي.",
                        "الجبهة الشعبية لتحرير تيغراي")):
        assert name in names(find_entities(text), "ORG"), text
    assert not names(find_entities("وقال الحزب الحاكم إن الانتخابات ستجري في موعدها."), "ORG")
    assert not names(find_entities("تطبيقا لإرادة الشعب الملتف وراء الحركة الوطنية بقيادة الملك."), "ORG")


def test_a_curated_name_ending_on_a_time_word_is_kept():
    assert "روسيا اليوم" in names(find_entities("ونقلت قناة روسيا اليوم عن المتحدث قوله إن الوفد وصل."), "ORG")


def test_the_letter_e_opens_a_company_name():
    ents = find_entities("وقال رئيس مجلس إدارة «إي آند» إن الاتفاقية تعكس التزام المجموعة، "
                         "فيما تلتزم «إي آند» بعدم رفع حصتها.")
    assert "إي آند" in names(ents, "ORG")
    assert "آند" not in names(ents, "ORG")


def test_adjectives_agree_with_feminine_nouns_without_ta_marbuta():
    ents = find_entities("بعد أن وافقت هيئة السوق المالية على الطرح في يونيو الماضي.")
    assert "هيئة السوق المالية" in names(ents, "ORG")


def test_a_company_named_once_after_its_head_is_that_company_elsewhere():
    ents = find_entities("وتملك مجموعة أورانو الفرنسية 63 في المائة من الشركة. وقالت أورانو إنها تأسف للقرار، "
                         "وإنها ستواصل الإجراءات ضد القرار الذي اتخذ بسبب سلوك غير مسؤول لأورانو.")
    assert names(ents, "ORG") == {"مجموعة أورانو"}
    assert not names(ents, "PER") and not names(ents, "LOC")
    ents = find_entities("حكم بالسجن في حق الرئيس المدير العام الأسبق لمجمع سوناطراك، عبد المومن ولد قدور. "
                         "وكان الرئيس المدير العام الأسبق لسوناطراك عبد المومن ولد قدور قد غادر البلاد.")
    assert "عبد المومن ولد قدور" in names(ents, "PER")
    assert "سوناطراك" in {n.split()[-1] for n in names(ents, "ORG")}
    # an everyday word, a common word or a name that goes on is not taken alone
    assert not names(find_entities("وقالت مجموعة من الخبراء إن الأسعار سترتفع."), "ORG")
    assert "شركة سبيس إكس" in names(find_entities("وأطلقت شركة سبيس إكس الصاروخ من فلوريدا."), "ORG")


def test_a_head_is_no_village_and_a_word_with_its_own_waw_no_second_person():
    ents = find_entities("وجاءت الدعوة إلى الإضراب من الاتحاد المغربي للشغل والكونفدرالية الديمقراطية للشغل.")
    assert "الاتحاد المغربي للشغل" in names(ents, "ORG")
    assert not names(ents, "LOC")
    ents = find_entities("وأوصت المشاورات بمنح غويتا ولاية رئاسية مدتها خمس سنوات.")
    assert not any("رئاسية" in name for name in names(ents, "PER"))


def test_parties_named_for_their_aim_or_creed_without_the_tagger():
    ents = find_entities("ويشمل القرار نحو 300 حزب، من أبرزها التجمع من أجل مالي، حزب الرئيس الراحل، "
                         "والتحالف من أجل الديمقراطية في مالي (أديما)، الذي حكم البلاد.")
    assert {"التجمع من أجل مالي", "التحالف من أجل الديمقراطية في مالي"} <= names(ents, "ORG")
    ents = find_entities("وتصدر الحزب الدستوري الحر النتائج، فيما أعلن رئيس الحزب الاجتماعي الديمقراطي الإفريقي "
                         "مقاطعته.")
    assert {"الحزب الدستوري الحر", "الحزب الاجتماعي الديمقراطي الإفريقي"} <= names(ents, "ORG")
    assert not names(find_entities("وتعمل الحركة من أجل تحقيق أهدافها."), "ORG")


def test_the_kingdom_and_its_adjective_is_the_country():
    ents = find_entities("وقدم النادي قميصا يحمل خريطة المملكة المغربية كاملة، وزار الملك المملكة الأردنية الهاشمية.")
    assert {"المملكة المغربية", "المملكة الأردنية الهاشمية"} <= names(ents, "LOC")


def test_a_body_with_the_article_and_a_feminine_title_with_its_pronoun_open_a_chain():
    ents = find_entities("أعلن رئيس الهيئة العليا المستقلة للانتخابات فاروق بوعسكر، مساء الأحد، أن نسبة "
                         "المشاركة بلغت 11 في المئة.")
    assert "فاروق بوعسكر" in names(ents, "PER")
    ents = find_entities("وجدد الحزب مطالبته بالإفراج عن رئيسته عبير موسي الموقوفة منذ أكتوبر.")
    assert "عبير موسي" in names(ents, "PER")


def test_a_quoted_name_of_a_place_and_its_purpose_is_a_body():
    ents = find_entities("وسبق ذلك استحواذ «قطر للاستثمارات الرياضية» على نادي باريس سان جيرمان الفرنسي.")
    assert "قطر للاستثمارات الرياضية" in names(ents, "ORG")
    assert "قطر" not in names(ents, "LOC")
    assert "قطر" in names(find_entities("ودعت قطر للحوار بين الطرفين."), "LOC")


def test_two_everyday_words_joined_by_waw_name_a_body():
    for text, name in (("وتشمل الطروحات شركة تابعة لهيئة الطرق والمواصلات في دبي.", "هيئة الطرق والمواصلات"),
                       ("وطالب الأمين العام لحزب التقدم والاشتراكية بجولة جديدة من الحوار.", "حزب التقدم والاشتراكية")):
        assert name in names(find_entities(text), "ORG"), text
    assert not names(find_entities("بسبب تسارع حركة الاتصال والطباعة منذ القرن العشرين."), "ORG")


def test_letters_after_a_company_head_are_its_acronym_name():
    ents = find_entities("بعد تسوية الخلاف المتعلق بقرصنة البث مع مجموعة بي إن الإعلامية القطرية أمس.")
    # (with its nationality, as the news gold writes a body whose name holds it)
    assert names(ents, "ORG") & {"مجموعة بي إن الإعلامية", "مجموعة بي إن الإعلامية القطرية"}
    assert not names(ents, "PER")
    ents = find_entities("وأعلنت شركة إكس أن الشركة ستخفض عدد موظفيها.")
    assert not any(name.endswith("أن") for name in names(ents, "ORG"))


def test_a_nationality_after_a_one_word_club_describes_it():
    ents = find_entities("ليتأهل الفريق إلى المباراة النهائية لمواجهة الزمالك المصري في القاهرة.")
    assert "الزمالك" in names(ents, "ORG")
    assert "البنك المركزي الليبي" in names(find_entities("وأعلن البنك المركزي الليبي أمس عن الإجراءات."), "ORG")


def test_a_title_chain_runs_through_the_purpose_of_an_office_in_a_body():
    ents = find_entities("وطالب المفوض السامي للأمم المتحدة لحقوق الإنسان فولكر تورك السلطات بالتراجع عن القرار.")
    assert "فولكر تورك" in names(ents, "PER")


def test_a_company_named_after_its_place_and_its_kind():
    ents = find_entities("في إشارة إلى شركة أبوظبي التنموية القابضة التي تملك الناقلة.")
    assert "شركة أبوظبي التنموية القابضة" in names(ents, "ORG")
    ents = find_entities("وقالت شركة قطر إن الصفقة تمت.")
    # a company of Qatar, or one named «قطر»: either reading names Qatar, neither a person
    assert "قطر" in names(ents, "LOC") or names(ents, "ORG") == {"شركة قطر"}
    assert not names(ents, "PER")


def test_a_mayor_of_a_greater_city_and_a_turkish_family_name():
    ents = find_entities("واحتجزت السلطات رئيس بلدية إسطنبول الكبرى أكرم إمام أوغلو، أبرز منافسي الرئيس.")
    assert "أكرم إمام أوغلو" in names(ents, "PER")
    assert "إسطنبول" in names(ents, "LOC")


def test_a_body_named_after_a_person_takes_its_purpose():
    ents = find_entities("وأشاد التقرير بجهود وزارة الصحة ومعهد تيودور بلهارس للأبحاث في مكافحة المرض.")
    assert "معهد تيودور بلهارس للأبحاث" in names(ents, "ORG")


def test_a_moroccan_region_is_named_by_the_cities_it_joins():
    ents = find_entities("وستستفيد من المشروع ساكنة جهة الرباط سلا القنيطرة وجهة الدار البيضاء سطات.")
    assert names(ents, "LOC") == {"جهة الرباط سلا القنيطرة", "جهة الدار البيضاء سطات"}
    assert "الرباط" in names(find_entities("وتوجه الوفد إلى الرباط بعد وجهة أخرى."), "LOC")
    # one city after «جهة» names the region of the city, as the tagger now reads it (not «… سطات», not a person)
    assert names(find_entities("وزار الوفد جهة الدار البيضاء أمس."), "LOC") <= {"جهة الدار البيضاء", "الدار البيضاء"}


def test_countries_as_the_press_spells_them_and_regions_abroad():
    ents = find_entities("وجاء التراجع إثر وساطة قادها رئيس بيلاروسيا ألكسندر لوكاشينكو، وقال المتحدث إن الاتفاق صامد.")
    assert "بيلاروسيا" in names(ents, "LOC")
    assert "ألكسندر لوكاشينكو" in names(ents, "PER")
    ents = find_entities("وأقام سائقو شاحنات حواجز في ولايات عدة بينها سانتا كاتارينا وماتو غروسو.")
    assert {"سانتا كاتارينا", "ماتو غروسو"} <= names(ents, "LOC")
    assert not names(ents, "PER")


def test_international_bodies_known_by_their_short_names():
    ents = find_entities("وقالت حركة إم 23 في بيان إن قادة مجموعة بريكس في جوهانسبرغ أيدوا الوساطة.")
    assert {"حركة إم 23", "مجموعة بريكس"} <= names(ents, "ORG")


def test_a_preposition_of_time_ends_a_persons_name():
    ents = find_entities("لإخفاء مبلغ دفع للممثلة ستورمي دانيالز قبيل انتخابات 2016.")
    assert "ستورمي دانيالز" in names(ents, "PER")


def test_the_nationality_after_a_definite_noun_is_the_bodys_own():
    ents = find_entities("وقالت منظمة أبحاث الفضاء الهندية إن المركبة هبطت بنجاح.")
    assert "منظمة أبحاث الفضاء الهندية" in names(ents, "ORG")
    # after a proper name it describes the company
    ents = find_entities("ووقعت الحكومة عقدا مع شركة جنرال إلكتريك الأمريكية لبناء محطات.")
    assert "شركة جنرال إلكتريك الأمريكية" not in names(ents, "ORG")


def test_a_foreign_surname_after_a_given_name_may_open_with_a_clitic_letter():
    ents = find_entities("كما أدلى الناشر السابق للصحيفة ديفيد بيكر بشهادته حول الاتفاق.")
    assert "ديفيد بيكر" in names(ents, "PER")


def test_an_electoral_high_court_and_a_movement_named_for_the_land_it_would_free():
    ents = find_entities("وأعلنت المحكمة الانتخابية العليا النتيجة بعد ساعات. وقالت حركة جيش تحرير السودان إنها ترفض.")
    assert {"المحكمة الانتخابية العليا", "حركة جيش تحرير السودان"} <= names(ents, "ORG")
    assert "السودان" not in names(ents, "LOC")


def test_a_club_named_by_its_opener_and_its_city():
    ents = find_entities("وافتتح نيكو ويليامز، جناح أتلتيك بلباو، التسجيل في الدقيقة 47.")
    assert "أتلتيك بلباو" in names(ents, "ORG")
    assert "بلباو" not in names(ents, "LOC")


def test_foreign_words_before_an_english_company_word_or_bank_are_a_company():
    ents = find_entities("وتراجعت أسهم دويتشه بنك، فيما تقود سوفت بنك التحالف مع غلوبال إنفراستركتشر بارتنرز.")
    assert {"دويتشه بنك", "غلوبال إنفراستركتشر بارتنرز"} <= names(ents, "ORG")
    # not an Arabic word before the English one: «غروب» is also the sunset
    assert not names(find_entities("وتأخذ الحسابات الفلكية الدقيقة لموعد غروب الشمس."), "ORG")


@pytest.mark.xfail(strict=True, reason=KNOWN_REGRESSION + ": «بنك التحالف» read after «سوفت»")
def test_a_foreign_word_before_bank_and_the_alliance_it_leads():
    ents = find_entities("وتراجعت أسهم دويتشه بنك، فيما تقود سوفت بنك التحالف مع غلوبال إنفراستركتشر بارتنرز.")
    assert "سوفت بنك" in names(ents, "ORG")


def test_no_name_between_two_quoted_names_nor_a_noun_with_its_pronoun():
    ents = find_entities("وكانت محادثات اندماج بين «سانتوس» ومنافستها «وودسايد إنرجي» قد انهارت.")
    assert names(ents, "ORG") == {"سانتوس", "وودسايد إنرجي"}


def test_a_university_named_after_a_place_and_the_city_it_is_in():
    ents = find_entities("ونال الدكتوراه من جامعة شيكاغو، ثم درّس في جامعة كولومبيا بنيويورك.")
    assert {"جامعة شيكاغو", "جامعة كولومبيا"} <= names(ents, "ORG")
    assert "نيويورك" in names(ents, "LOC")


def test_a_future_verb_after_the_word_for_team_or_general_opens_no_name():
    ents = find_entities("وأضاف المدرب أن الفريق سيبدأ التحضير لبطولة العالم للأندية الشهر المقبل.")
    assert not names(ents, "PER") & {"سيبدأ التحضير", "سيبدأ"}


def test_an_everyday_nisba_ends_no_person_name():
    ents = find_entities("وهبطت الطائرة في مطار الملكة علياء الدولي قادمة من تولوز.")
    assert "علياء الدولي" not in names(ents, "PER")


def test_a_saints_town_is_a_place_though_its_honorific_is_a_given_name():
    ents = find_entities("وتعاني ولايات القصرين وسيدي بوزيد وتطاوين من ضعف التغطية. وزار الوفد سيدي بوزيد أمس.")
    assert "سيدي بوزيد" in names(ents, "LOC")
    assert "سيدي بوزيد" not in names(ents, "PER")


def test_and_plus_a_verb_before_a_name_link_is_not_the_name():
    ents = find_entities("وزار بن رمضان ميناء صلالة قبل أن يلتقي أعضاء المجلس البلدي.")
    assert "وزار بن رمضان" not in names(ents, "PER")


def test_basem_after_a_comma_is_a_given_name():
    ents = find_entities("وقال رئيس مجلس إدارة الملكية الأردنية، باسم الطراونة، إن الطائرة وصلت.")
    assert "باسم الطراونة" in names(ents, "PER")


def test_a_quality_noun_after_a_preposition_is_no_person():
    assert "حسن" not in names(find_entities("وأشاد الرئيس بحسن التنظيم وقال إنه لحسن الحظ لم يصب أحد"), "PER")
    assert "حسن نصر الله" in names(find_entities("والتقى الوفد بحسن نصر الله أمس."), "PER")


def test_arab_companies_banks_and_exchanges_of_the_curated_list():
    ents = find_entities(
        "وقالت اتصالات تونس وأورنج تونس إنهما حصلتا على الرخصة، فيما تصدر سهم التجاري وفا بنك قائمة الرابحين "
        "في بورصة الدار البيضاء، وارتفع سهم شركة مناجم التابعة لمجموعة المدى. وقال الرئيس التنفيذي لمجموعة "
        "تداول السعودية إن مجمع سوناطراك سيدرج سنداته.")
    orgs = names(ents, "ORG")
    assert {"اتصالات تونس", "أورنج تونس", "التجاري وفا بنك", "بورصة الدار البيضاء", "شركة مناجم", "مجموعة المدى",
            "مجموعة تداول السعودية", "مجمع سوناطراك"} <= orgs
    assert not orgs & {"بنك قائمة الرابحين", "شركة مناجم التابعة"}
    assert "أورنج" not in names(ents, "LOC")
    # a one-word name that is also a noun needs a cue: «عبر مبادلة أسهم» is a share swap
    assert not names(find_entities("وتمت الصفقة عبر مبادلة أسهم بين البنكين."), "ORG")


def test_mosul_after_a_preposition_and_a_city_after_its_municipality():
    ents = find_entities("وقال مسؤول عراقي إن القوات وصلت إلى الموصل أمس. وقال رئيس بلدية صيدا إن المشروع سينطلق.")
    assert {"الموصل", "صيدا"} <= names(ents, "LOC")


def test_a_council_named_by_the_place_it_governs_is_an_organisation():
    ents = find_entities("وصوت مجلس محافظة البصرة على الموازنة، فيما دعا المجلس البلدي لمحافظة ظفار إلى الاستثمار، "
                         "وصادق المجلس الشعبي الولائي لتندوف على المشروع.")
    assert {"مجلس محافظة البصرة", "المجلس البلدي لمحافظة ظفار", "المجلس الشعبي الولائي لتندوف"} <= names(ents, "ORG")
    assert "قيادة عمليات الأنبار" in names(find_entities("وأعلنت قيادة عمليات الأنبار أن القوات وصلت."), "ORG")
    # a council of no place is left as it was
    assert "المجلس البلدي" not in names(find_entities("وقال إن المجلس البلدي قرر تأجيل الجلسة."), "ORG")


def test_the_third_part_of_a_name_the_tagger_cut_after_two():
    ents = find_entities("وقضت المحكمة بسجن المتهم الأول، وببراءة مدير الحسابات هشام عبدالعليم رضوان مما نسب إليه.")
    assert "هشام عبدالعليم رضوان" in names(ents, "PER")
    # an everyday word after a name is not its third part: «أمين» secretary, «نجم» star
    ents = find_entities("وأكد في اتصاله مع محمد مقلد المريخي أمين السر العام أنه سيصل.")
    assert "محمد مقلد المريخي أمين" not in names(ents, "PER")


def test_given_names_with_the_article_open_a_name_after_a_title():
    ents = find_entities("وقال رئيس الوزراء الأسبق الصادق المهدي إن الحوار متعثر، وزار الرئيس الحبيب بورقيبة المدينة.")
    assert {"الصادق المهدي", "الحبيب بورقيبة"} <= names(ents, "PER")


def test_a_family_name_the_article_later_quotes_alone_as_the_speaker():
    ents = find_entities("تفقد والي ولاية كسلا اللواء الركن الصادق محمد الأزرق، الثلاثاء، أعمال التأهيل. "
                         "وقال الأزرق: لن نسمح بذلك.")
    assert names(ents, "PER") == {"الصادق محمد الأزرق"}


def test_districts_and_localities_name_the_place_after_them():
    ents = find_entities("وقال إن قضاء مخمور ومديرية البريقة ومحلية تلكوك ومعتمدية الرقاب شهدت أمطارا غزيرة.")
    assert {"مخمور", "البريقة", "تلكوك", "الرقاب"} <= names(ents, "LOC")
    # spending time is no district
    assert not names(find_entities("ويفضل الفرنسيون قضاء العطلات في إطار عائلي."), "LOC")


def test_a_nations_federation_the_tagger_read_as_a_place_and_company_name_edges():
    ents = find_entities("فيما أحالت لجنة الانضباط في الاتحاد السعودي لكرة القدم أحداث الشغب إلى التحقيق. "
                         "وأشار المحري إلى أن شركة الخرافي ناشيونال أنجزت مشروع التطوير، فيما تأخرت "
                         "شركة الساحل الذهبي للمقاولات العامة.")
    orgs = names(ents, "ORG")
    assert {"الاتحاد السعودي لكرة القدم", "شركة الخرافي ناشيونال", "شركة الساحل الذهبي للمقاولات العامة"} <= orgs


def test_a_dateline_after_a_tatweel_dash_is_a_place():
    ents = find_entities("مسقط ـ «الوطن»: انطلقت أمس عملية التصويت الإلكتروني لانتخابات المجالس البلدية.")
    assert "مسقط" in names(ents, "LOC")


def test_the_name_after_a_river_noun_is_a_place():
    ents = find_entities("وارتفع منسوب نهر سبو ونهر القاش بعد الأمطار، وعاد الجنود إلى معسكر التاجي.")
    assert {"سبو", "القاش", "التاجي"} <= names(ents, "LOC")


def test_his_team_is_no_title():
    ents = find_entities("أما مدرب الأهلي التونسي منير بن سالم فأكد أن فريقه «قدم نهائياً مشرفاً» أمام جماهيره.")
    assert names(ents, "PER") == {"منير بن سالم"}


def test_a_press_conference_has_no_journalist_in_it():
    ents = find_entities("وقال المدير العام للشركة منصور راشد الخاطر، خلال ندوة صحفية انتظمت بضفاف البحيرة، إن الشركة "
                         "استثمرت. وقالت صحفية أمريكية تدعى سارة جونز إن الوضع خطير.")
    assert names(ents, "PER") == {"منصور راشد الخاطر", "سارة جونز"}


def test_almost_is_no_place_but_the_peninsula_is_one():
    assert not names(find_entities("وفق النتائج شبه النهائية التي نشرتها دائرة الانتخابات."), "LOC")
    ents = find_entities("وكان العرب سكان شبه الجزيرة العربية قبائل متنقلة.")
    assert "شبه الجزيرة العربية" in names(ents, "LOC")


def test_acting_opens_no_name_and_a_city_high_court():
    ents = find_entities("فيما يستعد رئيسه بالإنابة طارق رحمن للعودة من لندن، وقضت محكمة إسلام آباد العليا ببراءته.")
    assert "طارق رحمن" in names(ents, "PER")
    assert "محكمة إسلام آباد العليا" in names(ents, "ORG")


def test_a_bodys_name_that_ran_into_its_officers_name():
    ents = find_entities("وقال رئيس الوكالة الوطنية لإدارة الكوارث سوهاريانتو إن الإجلاء مستمر.")
    assert "الوكالة الوطنية لإدارة الكوارث" in names(ents, "ORG")
    assert "سوهاريانتو" in names(ents, "PER")


def test_parties_blocs_and_armed_groups_abroad_and_a_chief_after_them():
    ents = find_entities("وقالت رئيسة مجموعة الاشتراكيين والديمقراطيين إيراتشي غارسيا بيريز إن المذكرة ستسقط، فيما "
                         "تبنت جماعة نصرة الإسلام والمسلمين الهجوم، وفازت رابطة عوامي بالانتخابات.")
    orgs = names(ents, "ORG")
    assert {"مجموعة الاشتراكيين والديمقراطيين", "جماعة نصرة الإسلام والمسلمين", "رابطة عوامي"} <= orgs
    assert "إيراتشي غارسيا بيريز" in names(ents, "PER")


def test_a_party_named_by_an_everyday_plural():
    ents = find_entities("وفاز حزب المواطنين الوطني بعشرة مقاعد في البرلمان الجديد.")
    assert "حزب المواطنين الوطني" in names(ents, "ORG")


def test_a_two_word_place_before_its_governor_and_a_month_is_no_one():
    ents = find_entities("وقال رئيس حكومة إقليم خيبر بختونخوا سهيل أفريدي إن الاحتجاجات ستستمر.")
    assert "خيبر بختونخوا" in names(ents, "LOC")
    assert "سهيل أفريدي" in names(ents, "PER")
    assert "يوليو" not in names(find_entities("بالتزامن مع استفتاء على ميثاق يوليو للإصلاحات."), "PER")
