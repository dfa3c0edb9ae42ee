"""Arabic page-furniture rules: each rule with lines it must drop and body lines it must keep."""

from __future__ import annotations

import pytest

from services.ingest.boilerplate import classify, filter_lines, is_comments_start, unwrap_hashtags

FURNITURE = [
    # search boxes, arrow links, short links, desk credits, embedded posts' bylines, prayer times, print notes
    ("ابحث في كوكب العلم...", "widget"),
    ("⟵ النسخة الكاملة للموقع", "widget"),
    ("رابط مختصر: amn.jo/n/184523", "widget"),
    ("شارك: فيسبوك | X | واتساب | تيليغرام", "widget"),
    ("تحرير: علي الساعدي", "editor_credit"),
    ("— Festival de Cannes (@Festival_Cannes) May 27, 2023", "embed"),
    ("الفجر 3:31 | الشروق 4:57 | الظهر 11:46 | العصر 3:22 | المغرب 6:35 | العشاء 8:01", "prayer_times"),
    ("نُشر في العدد الورقي - ص 1 و3", "print_note"),
    ("جانب من جلسة مجلس النواب للتصويت على قانون الموازنة", "caption"),
    ("صورة تخيلية لمسبار الأمل أثناء دورانه حول المريخ - المصدر: مركز محمد بن راشد للفضاء", "caption"),
    ("هل كان هذا المقال مفيداً؟", "poll"),
    ("صوّت الآن", "vote"),
    # share, print, send widgets
    ("مشاركة :", "widget"),
    ("شارك", "widget"),
    ("شارك الخبر: فيسبوك تويتر واتساب", "widget"),
    ("طباعة | إرسال لصديق | حجم الخط", "widget"),
    ("Share on Facebook Twitter", "widget"),
    # counters
    ("عدد المشاهدات: 1,234", "widget"),
    ("قراءات 456", "widget"),
    ("١٢٣٤ مشاهدة", "widget"),
    ("1116", "counter"),
    ("0", "counter"),
    ("  • 00:00", "counter"),
    ("• 12/03/2021", "counter"),
    # read also / related
    ("اقرأ أيضا: الحكومة تقر موازنة العام الجديد", "read_also"),
    ("إقرأ أيضاً", "read_also"),
    ("مواضيع ذات صلة", "related_header"),
    ("أخبار ذات صلة", "related_header"),
    ("الأكثر قراءة", "related_header"),
    # comments zone openers
    ("3 تعليقات", "comments"),
    ("التعليقات (12)", "comments"),
    ("أضف تعليقك", "comments"),
    ("إضافة تعليق", "comments"),
    ("اترك ردا", "comments"),
    ("لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *", "comments"),
    ("التعليقات المنشورة لا تعبر عن رأي الموقع وإنما عن رأي أصحابها", "comments"),
    ("جميع التعليقات تخضع للمراجعة قبل النشر", "comments"),
    # the same zone in the other languages of mixed-language feeds
    ("Kommentare", "comments"),
    ("12 Commentaires", "comments"),
    ("#1 Kommentar von Naru-chan 26. März 2004, 16:19", "comments"),
    ("Laisser un commentaire", "comments"),
    # tags, promos, copyright
    ("كلمات مفتاحية", "tags"),
    ("الوسوم: ليبيا، روسيا، حفتر", "tags"),
    ("#ليبيا #روسيا", "hashtag_line"),
    ("تابعوا أبرز وأحدث الأخبار أولاً بأول عبر صفحتنا على فيسبوك", "follow_promo"),
    ("تابعونا على تويتر", "follow_promo"),
    ("اشترك في نشرتنا البريدية لتصلك آخر الأخبار", "follow_promo"),
    ("© 2023 جميع الحقوق محفوظة لموقع الخبر", "copyright"),
    ("جميع الحقوق محفوظة", "copyright"),
    # images, breadcrumbs, categories
    ("news-picture", "image_placeholder"),
    ("img_2041.jpg", "image_placeholder"),
    ("صورة أرشيفية", "image_credit"),
    ("الصورة: رويترز", "image_credit"),
    ("- فيأخبار عربية, في الواجهة", "breadcrumb"),
    ("في سياسة، في تقارير", "breadcrumb"),
    ("الرئيسية » أخبار » عربي ودولي", "category"),
    ("أخبار / الشرق الأوسط / ليبيا", "breadcrumb"),
    ("نشر في: أخبار عربية، سياسة", "category"),
    # furniture met on the raw pages of bench/pages
    ("شارك برأيك", "comments"),
    ("ترشيحات", "related_header"),
    ("مشاركة الخبر", "widget"),
    ("هذا المحتوى لا يمثل نصيحة استثمارية", "disclaimer"),
    ("إخلاء مسؤولية: المعلومات الواردة للاطلاع فقط", "disclaimer"),
    ("شارك هذا المقال", "widget"),
    ("2.3 ألف مشاهدة", "widget"),
    ("إرسال الخبر", "widget"),
    ("حفظ الخبر", "widget"),
    ("اختيارات المحرر", "related_header"),
    ("المزيد من أخبار الإمارات", "related_header"),
    ("ماذا تقرأ أيضاً", "related_header"),
    ("التشكيلة الأساسية:", "lineup"),
    ("ترتيب الدوري", "lineup"),
    ("ع ذ / هـ ع", "initials"),
    ("الرئيسية > الدوري المصري > المصري يقلب الطاولة على الإسماعيلي ويفوز 2-1 في ديربي القناة", "breadcrumb"),
    ("يسمح للمشتركين في خدمة الأخبار فقط بإعادة نشر الأخبار كاملة، ولغيرهم بنشر مقتطفات مع ذكر المصدر.",
     "copyright"),
    ("نازحون سودانيون يصطفون للحصول على مساعدات غذائية في مخيم قرب الفاشر (أرشيفية)", "caption"),
    ("حقل الشرارة النفطي جنوب غرب ليبيا - أرشيفية", "caption"),
    ("من حفل افتتاح الدورة 58 لمهرجان قرطاج الدولي - صورة: تونس الآن", "caption"),
    ("وزير الصحة خلال إطلاق الخطة الوطنية لمكافحة السكري (بترا)", "caption"),
    ("الرئيسية محليات اقتصاد تقنية رياضة ثقافة رأي فيديو", "menu"),
    ("انشر على: فيسبوك | إكس | تلغرام | واتساب", "widget"),
    ("1.2K مشاركة", "widget"),
    ("الكلمات المفاتيح: مهرجان قرطاج الدولي", "tags"),
    # audio players, summary labels, footer links
    ("استمع", "widget"),
    ("استمع للمقال", "widget"),
    ("ملخص", "summary"),
    ("من نحن", "widget"),
    ("اتصل بنا", "widget"),
    # visitors' comments and the rules for them
    ("تعليقات الزوار (12)", "comments"),
    ("آراء القراء", "comments"),
    ("المرجو الالتزام بشروط التعليق: عدم الإساءة للأشخاص أو المقدسات.", "comments"),
    # credits and contact lines
    ("تصوير: كريم عبد العزيز", "photo_credit"),
    ("عدسة - أحمد علي", "photo_credit"),
    ("(إعداد سامر خليل للنشرة العربية - تحرير نادية الجويلي)", "editor_credit"),
    ("معايير الثقة لدينا", "copyright"),
    ("للتواصل: info@example.com", "contact"),
    ("هاتف: 0096265512340", "contact"),
]

BODY = [
    # contain furniture words, but are sentences
    'وردا على سؤال، قال بيسكوف: "لا نشارك في ذلك بأي شكل من الأشكال".',
    "شارك الرئيس في القمة العربية التي عقدت في الرياض الأسبوع الماضي.",
    "وأثارت تعليقات الوزير على مواقع التواصل موجة من الانتقادات.",
    "ولم يصدر أي تعليق من الحكومة على هذه التقارير حتى الآن.",
    "وتابع الوزير قائلا إن القناة الدبلوماسية مع موسكو لا تزال مفتوحة.",
    "وبلغ عدد المشاهدات للفيديو أكثر من مليون مشاهدة خلال يومين فقط بحسب الموقع.",
    "اقرأ النص الكامل للبيان الذي صدر عن الرئاسة مساء الأحد.",
    "وقال إن الصورة في ليبيا معقدة، وإن الحل لن يكون عسكريا.",
    "وصادق البرلمان على الموازنة بأغلبية 120 صوتا من أصل 200.",
    "- وزير الخارجية سيرغي لافروف",  # a short list item, not metadata
    "• تعزيز التعاون الأمني بين البلدين",
    "| الدولة | عدد الضحايا |",  # a table row is not a breadcrumb
    "في 25 تموز/يوليو 2017 بباريس",
    '"Comment": {',  # code sample
    "وقال إنه استمع إلى شهادات النازحين في المخيم قبل أن يغادر.",
    "ووضعت الهيئة سياسة التعليقات على المنصات الرقمية ضمن أولويات العام المقبل، بحسب رئيسها.",
    "(وكانت الحكومة قد أعلنت في وقت سابق تحرير سعر الصرف بالكامل)",
]


@pytest.mark.parametrize(("line", "rule"), FURNITURE)
def test_furniture_dropped(line, rule):
    assert classify(line) == rule


@pytest.mark.parametrize("line", BODY)
def test_body_kept(line):
    assert classify(line) is None


def test_comments_zone_cut_after_prose_only():
    lines = [
        "أعلن الجيش الليبي اليوم عن بدء عملية عسكرية واسعة في جنوب البلاد لملاحقة الجماعات المسلحة.",
        "",
        "3 تعليقات",
        "1. كلام فارغ ولن يتغير شيء",
        "2. الله يحمي ليبيا وأهلها من كل شر",
    ]
    kept, dropped = filter_lines(lines)
    assert kept == lines[:2]
    assert [rule for _, rule in dropped] == ["comments_zone"] * 3


def test_comment_counter_in_header_does_not_swallow_article():
    lines = ["12 تعليق", "أعلن الجيش الليبي اليوم عن بدء عملية عسكرية واسعة في جنوب البلاد لملاحقة الجماعات المسلحة."]
    kept, _ = filter_lines(lines)
    assert kept == lines[1:]


_LEAD = "أعلن الجيش الليبي اليوم عن بدء عملية عسكرية واسعة في جنوب البلاد لملاحقة الجماعات المسلحة."
_NEXT = "وأكد المتحدث أن العملية ستستمر حتى تحقيق أهدافها كاملة، دون أن يحدد سقفا زمنيا لذلك."


@pytest.mark.parametrize(
    ("furniture", "rules"),
    [
        (["مواضيع ذات صلة", "حفتر يصل إلى موسكو في زيارة رسمية", "الأمم المتحدة تدعو إلى وقف إطلاق النار في طرابلس"],
         ["related_header", "related_link", "related_link"]),
        # «كلمات مفتاحية» or «اقرأ أيضاً» alone on a line: the topics or headlines under it go too
        (["كلمات مفتاحية", "السودان", "دارفور", "اقرأ أيضاً", "اليمن: تفشي الكوليرا في ثلاث محافظات جنوبية"],
         ["tags", "related_link", "related_link", "read_also", "related_link"]),
        # short topics under a related header
        (["مواضيع مقترحة", "الشرق الأوسط", "البنوك"], ["related_header", "related_link", "related_link"]),
    ],
)
def test_related_and_tag_lists(furniture, rules):
    kept, dropped = filter_lines([_LEAD, *furniture, _NEXT])
    assert kept == [_LEAD, _NEXT]
    assert [rule for _, rule in dropped] == rules


def test_is_comments_start():
    assert is_comments_start("أضف تعليقك")
    assert not is_comments_start("وأضاف الوزير في تعليقه على القرار أن الحكومة ستدرس الخيارات.")
    assert not is_comments_start("Die Kommentare des Ministers wurden am Montag veröffentlicht.")


def test_unwrap_hashtags():
    assert unwrap_hashtags("التقى #حفتر وزير الخارجية #لافروف في #موسكو") == "التقى حفتر وزير الخارجية لافروف في موسكو"
    assert (
        unwrap_hashtags("#Libya and #3 and &#1604; and https://x.com/#frag")
        == "Libya and #3 and &#1604; and https://x.com/#frag"
    )


def test_phone_numbers_are_not_counters():
    assert classify("+81 158-23-2012") is None
    assert classify("0021 71 123 456 789") is None
    assert classify("1,234,567") == "counter"



def test_a_sentence_about_advice_is_kept():
    line = "وقال المحلل إن هذا المحتوى لا يمثل نصيحة استثمارية بحسب القانون الجديد الذي أقره البرلمان."
    assert classify(line) is None



@pytest.mark.parametrize(
    "line",
    ["من هو", "عصام ثروت", "يحظر القانون نشر الأخبار الكاذبة على المنصات الرقمية في البلاد.", "وقال إن الخبر صحيح."],
)
def test_short_words_and_sentences_about_publishing_are_kept(line):
    assert classify(line) is None


def test_a_line_up_under_its_label():
    kept, _ = filter_lines([_LEAD, "التشكيلة الأساسية:", "عصام ثروت", "أحمد الشيمي", "ترتيب الدوري",
                            "1 | بيراميدز | 6 | 5 | 0 | 1 | 15", _NEXT])
    assert kept == [_LEAD, _NEXT]



def test_a_paragraph_with_its_wire_credit_is_no_caption():
    assert classify("وتقول المنظمة إن معدلات سوء التغذية تجاوزت 30 في المئة. (أ ف ب)") is None


@pytest.mark.parametrize(
    ("furniture", "rules"),
    [
        (["الخلاصة", "• المصروف من التمويل الموعود لا يتجاوز الربع"], ["summary", "related_link"]),
        (["استطلاع رأي: هل ستحضر عرضا في المهرجان؟", "نعم", "لا", "لم أقرر بعد", "صوّت"],
         ["poll", "related_link", "related_link", "related_link", "widget"]),
        (["مواضيع ذات صلة", "كيف تختار هاتفا بكاميرا احترافية بأقل من 400 دولار؟"], ["related_header", "related_link"]),
    ],
)
def test_summary_boxes_polls_and_questions_in_lists(furniture, rules):
    kept, dropped = filter_lines([_LEAD, *furniture, _NEXT])
    assert kept == [_LEAD, _NEXT]
    assert [rule for _, rule in dropped] == rules


@pytest.mark.parametrize(
    "line", ["☰", "🔍", "×", "A+", "▶ تشغيل", "🔴 مباشر", "12:15 | عاجل", "عرض المزيد", "مدة الفيديو 02:15"]
)
def test_icons_controls_and_live_labels(line):
    assert classify(line) is not None


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("كرة قدم | دوري أبطال أوروبا | الدوري الإنجليزي | الليجا | انتقالات | فيديو", "menu"),
        ("مشاركة    |    حجم الخط  أ+  أ-", "widget"),
        ("شارك: تويتر | فيسبوك | واتساب | البريد", "widget"),
        ("Your browser does not support the video tag.", "widget"),
        ("Partager: Facebook Twitter WhatsApp", "widget"),
        ("Lire aussi: تونس: الرئيس يعلن تركيبة الحكومة الجديدة", "read_also"),
        ("Mots-clés : العراق ، الانتخابات العراقية ، مقتدى الصدر", "tags"),
        ("Articles similaires", "related_header"),
        ("استطلاع رأي", "poll"),
        ("(مشرق) ع.ح/ م.س", "initials"),
        ("عراقيون يحتفلون في ساحة التحرير ببغداد بعد إعلان النتائج الأولية - أ.ف.ب", "caption"),
    ],
)
def test_menus_widgets_and_french_furniture(line, rule):
    assert classify(line) == rule


def test_a_headline_with_one_bar_and_a_sentence_with_a_dash_credit_are_content():
    assert classify("الحكومة تقر الموازنة | تفاصيل") is None
    assert classify("وقال المتحدث إن الاتفاق سيوقع قريبا. - أ ف ب") is None


def test_a_poll_ended_by_its_vote_button_goes_with_its_question_and_options():
    body = "وخرج مئات الآلاف من المغاربة إلى شوارع الرباط والدار البيضاء احتفالاً بالتأهل التاريخي إلى نصف النهائي."
    lines = [body, "من هو رجل المباراة في نظرك؟", "ياسين بونو", "يوسف النصيري", "سفيان أمرابط", "صوّت الآن"]
    kept, dropped = filter_lines(lines)
    assert kept == [body] and [r for _, r in dropped] == ["poll"] * 4 + ["vote"]
    # without options above it the button goes alone: a question in the article stays
    lines = [body, "فهل يواصل المنتخب مشواره؟", "صوّت الآن"]
    kept, _ = filter_lines(lines)
    assert kept == lines[:2]


@pytest.mark.parametrize("line", [
    "جانب من الأزمة يعود إلى خلافات قديمة بين الطرفين حول تقاسم العائدات.",  # a sentence, not a caption
    "الفجر موعد انطلاق القافلة، والظهر موعد وصولها إلى المدينة",  # prayer names without their times
    "إعداد: الخطة الوطنية للتنمية تمر بثلاث مراحل متتالية حتى عام 2030 وفق ما أعلنته الوزارة",
])
def test_lines_like_the_new_furniture_that_are_text(line):
    assert classify(line) is None
