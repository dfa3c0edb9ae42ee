"""Plain-text cleaner: header (title, date), furniture, captions, related lists, credits, datelines."""

from __future__ import annotations

import pytest

from services.ingest import boilerplate as bp
from services.ingest.textclean import (
    canonical_agency,
    clean_text,
    drop_caption_copies,
    find_dateline,
    parse_date_line,
    parse_source_line,
    strip_trailing_credit,
)

P1 = "أعلن وزير الخارجية المصري اليوم الأحد أن بلاده ستستضيف قمة إقليمية لبحث الأزمة الليبية الشهر المقبل."
P2 = "وقال الوزير في مؤتمر صحفي إن القمة ستجمع ممثلين عن دول الجوار والأمم المتحدة والاتحاد الأفريقي."
P3 = "وتشهد ليبيا منذ سقوط النظام السابق عام 2011 انقساما حادا بين حكومتين متنافستين في الشرق والغرب."


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("الجمعة 5 أبريل 2019 02:04 م", "2019-04-05T14:04"),
        ("الجمعة 5 أبريل 2019 12:30 ص", "2019-04-05T00:30"),
        ("نشر في: الأحد، 12 مايو 2019 - 10:15 صباحاً", "2019-05-12T10:15"),
        ("١٤ آذار ٢٠٢٣", "2023-03-14"),
        ("14 تموز/يوليو 2017", "2017-07-14"),
        ("الثلاثاء 3 جانفي 2023", "2023-01-03"),
        ("  • 2/20/2018", "2018-02-20"),  # US order: 20 cannot be a month
        ("20/2/2018", "2018-02-20"),
        ("05/04/2019", "2019-04-05"),  # ambiguous: day first, as Arabic sites write it
        ("2019-04-05 14:30", "2019-04-05T14:30"),
        ("تاريخ النشر: 2020/11/03", "2020-11-03"),
        ("آخر تحديث: 07 رمضان 1440 - 12 مايو 2019", "2019-05-12"),
        ("April 5, 2019", "2019-04-05"),
        ("منشور: الخميس 04 ديسمبر 2025 - 10:21 بتوقيت أبوظبي", "2025-12-04T10:21"),
        ("آخر تحديث: 12/3/202509:45 م (بتوقيت مكة)", "2025-03-12T21:45"),  # date and time glued
    ],
)
def test_date_lines(line, iso):
    parsed = parse_date_line(line)
    assert parsed is not None and parsed.iso() == iso


@pytest.mark.parametrize(
    "line",
    [
        "1116",  # a view counter is not a date
        "00:00",
        "في 25 تموز/يوليو 2017 وقع الطرفان اتفاقا في باريس",  # a body sentence mentioning a date
        "القاهرة - الجمعة 5 أبريل 2019",
        "32/13/2019",
        "5 أبريل 1850",
    ],
)
def test_not_date_lines(line):
    assert parse_date_line(line) is None


def test_title_date_and_repeated_title():
    text = f"عنوان الخبر الرئيسي هنا\n\nعنوان الخبر الرئيسي هنا\n\nالجمعة 5 أبريل 2019 02:04 م\n\n{P1}\n\n{P2}"
    r = clean_text(text)
    assert r.title == "عنوان الخبر الرئيسي هنا"
    assert r.published == "2019-04-05T14:04"
    assert r.text == f"{P1}\n\n{P2}"


def test_no_date_means_null():
    r = clean_text(f"عنوان الخبر\n\n1116\n0\n\n{P1}")
    assert r.published is None
    assert r.text == P1


def test_bullet_metadata_block():
    text = f"عنوان الخبر\n\n  • 2/20/2018\n  • 00:00\n  • 2\n  • 0\nnews-picture\n\nموسكو - {P1}\n\nمشاركة :"
    r = clean_text(text)
    assert r.published == "2018-02-20"
    assert r.text == f"موسكو - {P1}"
    assert r.dateline == "موسكو"


def test_list_items_in_body_are_kept():
    text = f"عنوان الخبر\n\n{P1}\n\nوتضمن الاتفاق:\n• وقف إطلاق النار\n• تبادل الأسرى\n\n{P2}"
    r = clean_text(text)
    assert "• وقف إطلاق النار" in r.text and "• تبادل الأسرى" in r.text


def test_related_headlines_after_lead():
    text = (
        f"عنوان الخبر\n\n{P1}\n\n"
        "الجيش الليبي يتهم دولا داعمة للسراج بمحاولة الإضرار بأمن ليبيا\n"
        "الجيش الليبي يجري اتصالات مع مدينة الزاوية لدخولها دون قتال\n"
        "توقف العمليات على مشارف طرابلس يأتي لتجنب سقوط ضحايا من المدنيين\n\n"
        f"{P2}\n\n{P3}"
    )
    r = clean_text(text)
    assert "الزاوية" not in r.text
    assert r.text == f"{P1}\n\n{P2}\n\n{P3}"


def test_single_subheading_is_kept():
    text = f"عنوان الخبر\n\n{P1}\n\nخلفية الأزمة الليبية\n\n{P2}\n\n{P3}"
    assert "خلفية الأزمة الليبية" in clean_text(text).text


def test_caption_copies_dropped_rewrapped_too():
    para = "وتظهر هذه العملية التقارب بين موسكو وخليفة حفتر القائد العام للجيش الليبي الذي يرفض الاعتراف بالحكومة."
    caption = "خليفة حفتر القائد العام للجيش الليبي الذي يرفض الاعتراف"
    rewrapped = "خليفة حفتر القائد العام\nللجيش الليبي الذي يرفض الاعتراف"
    text = f"عنوان الخبر الرئيسي\n\n{P1}\n\n{para}\n\n{caption}\n{rewrapped}\n\n{P2}"
    r = clean_text(text)
    lines = r.text.split("\n")
    assert para in lines and caption not in lines
    assert "خليفة حفتر القائد العام" not in lines and "للجيش الليبي الذي يرفض الاعتراف" not in lines


def test_caption_repeated_without_paragraph():
    blocks = [[P1], ["مشهد عام من مدينة بنغازي الليبية"], [P2], ["مشهد عام من مدينة بنغازي الليبية"]]
    assert drop_caption_copies(blocks) == [[P1], [P2]]


def test_comments_after_header_are_cut():
    text = (
        f"عنوان الخبر الرئيسي\n\n{P1}\n\n{P2}\n\nالتعليقات المنشورة لا تعبر عن رأي الموقع وإنما عن رأي أصحابها\n\n"
        "3 تعليقات\n\n1. هذا كلام غير صحيح والواقع مختلف تماما عما ورد في الخبر\n\n2. الله يحفظ ليبيا"
    )
    r = clean_text(text)
    assert r.text == f"{P1}\n\n{P2}"


def test_source_line_and_trailing_credit():
    r = clean_text(f"عنوان الخبر الرئيسي\n\n{P1}\n\n{P2}\n\nالمصدر | الخليج الجديد + رويترز\n\n  كلمات مفتاحية")
    assert r.sources == ["الخليج الجديد", "رويترز"]
    assert "المصدر" not in r.text and "كلمات مفتاحية" not in r.text
    r = clean_text(f"عنوان الخبر الرئيسي\n\n{P1}\n\n{P2[:-1]}.(REUTERS)")
    assert r.sources == ["رويترز"]
    assert r.text.endswith(P2) and "REUTERS" not in r.text


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("المصدر | الخليج الجديد + رويترز", ["الخليج الجديد", "رويترز"]),
        ("المصدر: وكالات", ["وكالات"]),
        ("(أ ف ب)", ["فرانس برس"]),
        ("رويترز", ["رويترز"]),
        ("Source: Reuters / AFP", ["رويترز", "فرانس برس"]),
    ],
)
def test_parse_source_line(line, names):
    assert parse_source_line(line) == names


def test_not_source_lines():
    assert parse_source_line("وقال مصدر أمني إن الهجوم وقع فجرا وأسفر عن سقوط ثلاثة قتلى وعدد من الجرحى.") is None
    assert parse_source_line("وكالات الإغاثة الدولية تحذر من كارثة إنسانية") is None


def test_trailing_credit_only_known_agencies():
    assert strip_trailing_credit("قال الوزير إن الوضع مستقر. (أ ف ب)") == ("قال الوزير إن الوضع مستقر.", ["فرانس برس"])
    # a parenthesis that is part of the sentence stays
    assert strip_trailing_credit("وأعلنت فصائل من مدينة مصراتة (غرب)")[1] == []
    assert canonical_agency("REUTERS") == "رويترز"


@pytest.mark.parametrize(
    ("para", "place", "agencies"),
    [
        ("موسكو - أعلن رئيس مجموعة الاتصال الروسية أن الحكومة طلبت المساعدة.", "موسكو", []),
        ("القاهرة (رويترز) - قال مسؤولون إن المحادثات ستستأنف الأسبوع المقبل.", "القاهرة", ["رويترز"]),
        ("الدار البيضاء – أعلنت السلطات المغربية عن إجراءات جديدة.", "الدار البيضاء", []),
        ("بيروت، 5 نيسان (أ ف ب) - شهدت العاصمة اللبنانية احتجاجات.", "بيروت", ["فرانس برس"]),
        # papers print the dash as a spaced tatweel, and their own name in «» before a colon
        ("مسقط ـ «الوطن»: انطلقت أمس عملية التصويت الإلكتروني.", "مسقط", []),
        ("القاهرة ـ أعلنت الحكومة خطة جديدة للإسكان.", "القاهرة", []),
    ],
)
def test_datelines(para, place, agencies):
    assert find_dateline(para) == (place, agencies)


@pytest.mark.parametrize(
    "para",
    [
        "وقال الوزير إن الحكومة - التي تشكلت حديثا - ستعمل على إصلاح الاقتصاد.",
        "أعلنت وزارة الصحة تسجيل إصابات جديدة بفيروس كورونا في البلاد.",
        "مصراتة (غرب) - موالية لحكومة الوفاق",
        "وقالـــت الوزارة إن الحكومة ستعمل على الإصلاح.",  # a tatweel inside a word is no dash
    ],
)
def test_not_datelines(para):
    assert find_dateline(para) == (None, [])


def test_dateline_kept_in_text():
    r = clean_text(f"عنوان الخبر الرئيسي\n\nموسكو - {P1}\n\n{P2}")
    assert r.dateline == "موسكو"
    assert r.text.startswith("موسكو - ")


def test_hashtags_unwrapped_everywhere():
    r = clean_text(f"#ليبيا : حفتر في موسكو\n\nالتقى حفتر وزير الخارجية الروسي سيرغي #لافروف اليوم.\n\n{P2}")
    assert r.title == "ليبيا : حفتر في موسكو"
    assert "#" not in r.text and "لافروف" in r.text


def test_promo_and_share_lines_but_not_body_mentions():
    body = 'وردا على سؤال، قال بيسكوف: "لا نشارك في ذلك بأي شكل من الأشكال".'
    text = f"عنوان الخبر الرئيسي\n\n{P1}\n\n{body}\n\nتابعونا على تويتر\n\nشارك"
    r = clean_text(text)
    assert r.text == f"{P1}\n\n{body}"


@pytest.mark.parametrize(
    ("line", "meta"),
    [
        ("كتب: محمد عبد الله", ("byline", "محمد عبد الله")),
        ("بقلم - سارة المصري", ("byline", "سارة المصري")),
        ("By John Smith", ("byline", "John Smith")),
        ("آخر تحديث: 10:15", ("timestamp", None)),
        ("منذ 3 ساعات", ("timestamp", None)),
        ("قبل يومين", ("timestamp", None)),
        ("الأحد 12 مايو 2019", ("date_line", "2019-05-12")),
        ("كتب الوزير رسالة إلى نظيره الروسي يطلب فيها الدعم.", None),  # a sentence, not a byline
        ("تقرير الأمم المتحدة الجديد عن ليبيا", None),
    ],
)
def test_header_meta(line, meta):
    from services.ingest.textclean import header_meta

    assert header_meta(line) == meta


def test_byline_and_timestamp_in_header_only():
    text = f"عنوان الخبر الرئيسي\n\nكتب: محمد عبد الله\n\nمنذ 3 ساعات\n\n{P1}\n\nكتب: محمد عبد الله\n\n{P2}"
    r = clean_text(text)
    assert r.author == "محمد عبد الله"
    assert r.text == f"{P1}\n\nكتب: محمد عبد الله\n\n{P2}"  # after the first paragraph it is text


def test_section_label_is_not_the_title():
    r = clean_text(f"سياسة\n\nمصر تستضيف قمة حول ليبيا\n\n{P1}")
    assert r.title == "مصر تستضيف قمة حول ليبيا"


def test_related_run_inside_a_block_without_blank_lines():
    text = (
        f"عنوان الخبر الرئيسي\n{P1}\n"
        "الجيش الليبي يتهم دولا داعمة للسراج بمحاولة الإضرار بأمن ليبيا\n"
        "الجيش الليبي يجري اتصالات مع مدينة الزاوية لدخولها دون قتال\n"
        "توقف العمليات على مشارف طرابلس يأتي لتجنب سقوط ضحايا من المدنيين\n"
        f"{P2}\n{P3}"
    )
    assert clean_text(text).text == f"{P1}\n{P2}\n{P3}"


def test_bulleted_list_after_lead_is_content():
    items = "• وقف إطلاق النار في كل الجبهات\n• تبادل الأسرى بين الطرفين\n• فتح الممرات الإنسانية للمدنيين"
    r = clean_text(f"عنوان الخبر الرئيسي\n\n{P1}\n\n{items}\n\n{P2}")
    assert items in r.text


BODY_1 = (
    "أعلن تحالف من المؤسسات الاستثمارية الخليجية، أمس الأربعاء، إطلاق صندوق مشترك بقيمة 4 مليارات دولار"
    " لتمويل مشاريع الهيدروجين."
)
BODY_2 = "ويستهدف الصندوق إنتاج مليون طن من الهيدروجين سنويا بحلول عام 2035، وفق ما أعلنه رئيسه التنفيذي في مؤتمر صحفي."
HEADLINE = "صندوق خليجي بـ4 مليارات دولار لتمويل مشاريع الهيدروجين الأخضر في دول الخليج العربي وسلطنة عمان"


def test_masthead_above_the_headline():
    """Site name, menu and a ticker above the headline are chrome; a long headline is still the title."""
    page = "\n".join(
        [
            "أفق نيوز عربية",
            "عاجل: الأمن العام يعلن ضبط مطلوب خطير بحوزته أسلحة نارية في إربد",
            "الرئيسية",
            "أخبار الخليج",
            "اقتصاد",
            HEADLINE,  # 15 words: a headline, not the first paragraph
            "بقلم: سامر خليل",
            "5 دقائق للقراءة",
            "منشور: الخميس 04 ديسمبر 2025 - 10:21 بتوقيت أبوظبي",
            BODY_1,
            BODY_2,
        ]
    )
    out = clean_text(page)
    assert out.title == HEADLINE
    assert out.published == "2025-12-04T10:21"
    assert out.author == "سامر خليل"
    assert out.text == BODY_1 + "\n" + BODY_2


def test_short_site_name_loses_to_the_headline():
    out = clean_text("\n\n".join(["الجزيرة نت", "الأمم المتحدة تحذر من تفاقم الجوع في دارفور", BODY_1]))
    assert out.title == "الأمم المتحدة تحذر من تفاقم الجوع في دارفور"
    assert "الجزيرة نت" not in out.text


def test_outlet_and_author_line_under_the_headline():
    for credit in ("الأطلس بريس - نادية العمراني", "الرياض: فهد الشمري"):
        out = clean_text("\n".join([HEADLINE, credit, BODY_1]))
        assert out.text == BODY_1, credit


def test_highlights_box_repeating_the_body():
    page = "\n".join([HEADLINE, "ملخص", "• " + BODY_2, BODY_1, BODY_2])
    assert clean_text(page).text == BODY_1 + "\n" + BODY_2


def test_standfirst_keeps_the_header_open():
    """The sentence under the headline is the standfirst: the credit and date lines after it are header."""
    standfirst = "الزيادة تأتي بعد استكمال أعمال الصيانة في حقلي الشرارة والفيل جنوب غرب البلاد."
    credit, date_line = "طرابلس - بوابة الوسط: محمد الترهوني", "نشر في: 12 مارس 2025 - 11:40"
    page = "\n".join([HEADLINE, standfirst, credit, date_line, BODY_1])
    out = clean_text(page)
    assert out.published == "2025-03-12T11:40"
    assert out.text == standfirst + "\n" + BODY_1


def test_caption_printed_whole_and_wrapped():
    caption = "أحمد عبد الرازق وزير الكهرباء خلال مراسم التوقيع بالقاهرة"
    page = "\n\n".join(
        [HEADLINE, "الإثنين 17 نوفمبر 2025 - 12:15 ص", caption, "أحمد عبد الرازق وزير الكهرباء خلال",
         "مراسم التوقيع بالقاهرة", BODY_1, BODY_2]
    )
    assert clean_text(page).text == BODY_1 + "\n\n" + BODY_2


def test_publication_and_update_dates_on_one_line():
    assert parse_date_line("نُشر في 21 يناير 2026 | آخر تحديث 22 يناير 2026").iso() == "2026-01-21"
    assert parse_date_line("2025/06/18 | 16:40").iso() == "2025-06-18T16:40"


def test_a_long_site_name_above_the_menu_and_a_tab_title():
    menu = ["الرئيسية", "محلية", "سياسية", "اقتصادية"]
    out = clean_text("\n".join(["وكالة الأنباء اليمنية (سبأ)", *menu, HEADLINE, "الاثنين 15 / سبتمبر / 2025", BODY_1]))
    assert out.title == HEADLINE and out.published == "2025-09-15"
    # the headline printed above the site name and the menu (the tab title) is still the headline
    out = clean_text("\n".join([HEADLINE, "ملاعب 24 | كل الكرة في مكان واحد", *menu, HEADLINE, BODY_1]))
    assert out.title == HEADLINE and out.text == BODY_1


def test_site_slogans_and_tab_titles_lose_to_the_headline():
    out = clean_text("\n".join(["أخبار المملكة | الخبر من مصدره", "الرئيسية | سياسة | اقتصاد | مجتمع | رياضة",
                                "اقتصاد", HEADLINE, "سعيد الإدريسي", "نُشر في 14-07-2024 على الساعة 18:30",
                                "التعليقات (3)", BODY_1, BODY_2]))
    assert out.title == HEADLINE and out.published == "2024-07-14T18:30"
    assert out.text == BODY_1 + "\n" + BODY_2  # (a comment counter in the header cuts nothing)
    out = clean_text("\n".join([HEADLINE + " | كورة بلدنا", "كورة بلدنا", HEADLINE, BODY_1]))
    assert out.title == HEADLINE


def test_a_date_line_after_the_first_paragraph_or_under_the_article():
    out = clean_text("\n".join([HEADLINE, BODY_1, "السبت 12.04.2025", "آخر تحديث: 16:20", BODY_2]))
    assert out.published == "2025-04-12" and out.text == BODY_1 + "\n" + BODY_2
    out = clean_text("\n".join([HEADLINE, BODY_1, BODY_2, "نشر بتاريخ 22-05-2025 على الساعة 23:10"]))
    assert out.published == "2025-05-22T23:10" and out.text == BODY_1 + "\n" + BODY_2
    # elsewhere, a line that is only a date may be a timeline's entry: no publication date from it
    out = clean_text("\n".join([HEADLINE, BODY_1, BODY_2, "وهذه أبرز المحطات:", "12 مارس 2025", BODY_1]))
    assert out.published is None


def test_paragraphs_wrapped_over_several_lines_are_joined():
    wrapped = [
        "بيروت - أطلقت وزارة الصحة العامة اللبنانية، اليوم",
        "حملة تلقيح واسعة ضد الكوليرا تستهدف نحو 450 ألف",
        "شخص في البقاع وعكار بعد تسجيل إصابات مؤكدة خلال",
        "الأسابيع الماضية.",
    ]
    out = clean_text("\n\n".join([HEADLINE, "\n".join(wrapped), BODY_2]))
    assert out.text.split("\n\n")[0] == " ".join(wrapped)


def test_masthead_date_lines_with_hijri_issue_number_and_timezone():
    assert parse_date_line("الأحد 1 ذو القعدة 1444 هـ - 21 مايو 2023 م - العدد 19874").iso() == "2023-05-21"
    assert parse_date_line("الثلاثاء 12 أكتوبر 2021 م الموافق لـ 6 ربيع الأول 1443 هـ").iso() == "2021-10-12"
    assert parse_date_line("01-06-2024 | 23:58 بتوقيت مكة المكرمة").iso() == "2024-06-01T23:58"
    assert parse_date_line("العدد 19874") is None  # an issue number alone is no date


def test_several_authors_and_a_byline_with_its_time_stamp():
    out = clean_text("\n".join([HEADLINE, "كتب: أحمد سمير - محمد عبد الحميد", "الأربعاء 06/03/2024 09:15 ص", BODY_1]))
    assert out.title == HEADLINE and out.author == "أحمد سمير - محمد عبد الحميد" and out.published == "2024-03-06T09:15"
    out = clean_text("\n".join([HEADLINE, "بقلم: سليم بن عمار | 11:40 |", BODY_1, BODY_2]))
    assert out.author == "سليم بن عمار" and out.text == BODY_1 + "\n" + BODY_2


def test_headline_past_tickers_bullets_and_score_boards():
    # «عاجل..» lines are tickers; «عاجل| …» followed by its byline is the headline itself
    urgent = "عاجل| المركزي يرفع الفائدة 6% ويسمح بتحرير سعر صرف الجنيه"
    page = ["بوابة الوطن", "الرئيسية   أخبار مصر   حوادث   رياضة   فن   اقتصاد",
            "عاجل.. الأرصاد: طقس مائل للحرارة نهارا والعظمى بالقاهرة 27 درجة", urgent, "كتب: أحمد سمير", BODY_1]
    assert clean_text("\n".join(page)).title == urgent
    # a bulleted news ticker above the headline
    page = ["نوافذ الشام", "آخر الأخبار:", "• الليرة اللبنانية تسجل 63 ألفاً مقابل الدولار في السوق السوداء",
            "• وزير الخارجية الإيراني يصل إلى دمشق", "دولي", HEADLINE, "نشر في: 7 شباط 2023 - 10:22", BODY_1]
    assert clean_text("\n".join(page)).title == HEADLINE
    # a live score board above the breadcrumb: the headline is the line under the breadcrumb
    page = ["ستاد العرب ⚽ STAD ARAB", "كرة قدم | دوري أبطال أوروبا | الدوري الإنجليزي | الليجا | انتقالات",
            "ريال مدريد 2 - 0 بوروسيا دورتموند", "نهائي دوري أبطال أوروبا - ملعب ويمبلي - انتهت",
            "الرئيسية > كرة قدم > دوري أبطال أوروبا", HEADLINE, "01-06-2024 | 23:58 بتوقيت مكة المكرمة", BODY_1]
    out = clean_text("\n".join(page))
    assert out.title == HEADLINE and out.published == "2024-06-01T23:58" and out.text == BODY_1


def test_a_place_and_agency_credit_under_the_headline():
    out = clean_text("\n".join([HEADLINE, "نيويورك (مشرق) - قسم الشؤون الدولية", BODY_1, BODY_2]))
    assert out.text == BODY_1 + "\n" + BODY_2


def test_the_headline_under_a_section_label_named_in_the_menu_and_a_two_crumb_trail():
    # a lone «محليات» that the menu row above names is the section: the headline is the line under it
    page = ["زيتون نيوز", "أخبار فلسطين على مدار الساعة", "الرئيسية | محليات | القدس | الأسرى | عربي ودولي | اقتصاد",
            "محليات", HEADLINE, "الخميس 26 أيار 2022 | 05:14 م", BODY_1]
    out = clean_text("\n".join(page))
    assert out.title == HEADLINE and out.text == BODY_1
    # «›» and «‹» mark a trail of two crumbs too, and a season's year may name one; a search box is chrome
    for crumb in ("فضاء › استكشاف المريخ", "الرئيسية ‹ كأس العالم 2022 ‹ المنتخب الوطني"):
        page = ["كوكب العلم", "مجلة علمية عربية مستقلة", "ابحث في كوكب العلم...",
                "مباشر: ردود الفعل تتواصل بعد تأهل الأسود إلى المربع الذهبي", crumb, HEADLINE,
                "نُشر: الأربعاء، 10 شباط 2021 - 09:30", BODY_1]
        assert clean_text("\n".join(page)).title == HEADLINE
    # an arrow link above the section label is navigation
    page = ["☰", "بوابة عمّان اليوم", "⟵ النسخة الكاملة للموقع", HEADLINE, "الجمعة، 26 كانون الثاني 2024 - 08:14 م",
            BODY_1]
    assert clean_text("\n".join(page)).title == HEADLINE


def test_an_author_box_between_the_standfirst_and_the_date_line_goes():
    standfirst = "بعد رحلة استمرت نحو سبعة أشهر قطع خلالها 493 مليون كيلومتر، نجح المسبار في دخول المدار."
    bio = "محررة العلوم في كوكب العلم، حاصلة على ماجستير في الفيزياء الفلكية من الجامعة الأميركية في بيروت"
    out = clean_text("\n".join([HEADLINE, standfirst, "رنا الحاج", bio, "نُشر: الأربعاء، 10 شباط 2021 - 09:30",
                                BODY_1]))
    assert out.text == standfirst + "\n" + BODY_1 and out.published.startswith("2021-02-10")
    # an initial and a family name there is the byline
    out = clean_text("\n".join([HEADLINE, standfirst, "ح. سليمان", "نشر في: 2024/09/15 - 10:25", BODY_1]))
    assert "سليمان" not in out.text


def test_the_caption_under_a_gallery_button():
    caption = "المخرجة جوستين ترييه تحمل السعفة الذهبية على مسرح قصر المهرجانات"
    out = clean_text("\n".join([HEADLINE, "كتب: عمرو السيد", "الأحد، 28 مايو 2023 11:40 ص", "مشاركة", "1 / 12",
                                "شاهد الصور", caption, BODY_1]))
    assert out.text == BODY_1


def test_a_wire_dateline_alone_on_its_line_gives_the_dateline_and_its_agency() -> None:
    text = ("الاتحاد الأفريقي ينتخب رئيسا جديدا للمفوضية\n\nأديس أبابا - (رويترز)\n"
            "انتخب القادة الأفارقة السبت وزير خارجية جيبوتي رئيسا لمفوضية الاتحاد الأفريقي بعد سبع جولات.")
    clean = clean_text(text)
    assert (clean.dateline, clean.sources) == ("أديس أبابا", ["رويترز"])
    assert clean.text.startswith("انتخب القادة")  # the line is the paragraph's credit, not text
    assert ("أديس أبابا - (رويترز)", "dateline") in clean.dropped
    clean = clean_text("سلطان عمان يعيد تشكيل مجلس الوزراء\n\nمسقط - العمانية\n"
                       "أصدر السلطان هيثم بن طارق اليوم ثمانية وعشرين مرسوما سلطانيا بإعادة تشكيل الحكومة.")
    assert (clean.dateline, clean.sources) == ("مسقط", ["العمانية"])
    # the agency after the dash of an inline dateline is a source too
    assert find_dateline("القاهرة - (أ ش أ) - قال وزير الخارجية") == ("القاهرة", ["أ ش أ"])
    # a caption ending with a wire's credit is still a caption, and «X -» alone is no dateline
    assert bp.classify("متظاهرون في ساحة التحرير وسط بغداد (رويترز)") == "caption"
    assert find_dateline("رياضة -") == (None, [])
