"""Page-furniture rules for Arabic (and common English) news, shared by the text and HTML paths.

trafilatura's own filters know English/German furniture ("Share", "Read more"); Arabic
sites have their own: «اقرأ أيضا», «مشاركة :», «عدد المشاهدات», «3 تعليقات», comment forms,
«كلمات مفتاحية», «تابعونا على …», breadcrumbs and bare counters. Whatever is left in is
indexed, counted and shown, so these lines must go — but a body sentence that merely
*contains* «شارك» or «تعليقات» must stay.

The rules therefore look at a line's *shape*, not at a keyword anywhere in it:

* vocabulary-only lines: the line must consist of nothing but furniture words (share
  buttons, social networks, counters), so any real sentence fails the test;
* anchored headers: the furniture phrase must *start* the line and the line must be short;
* structural lines: bullets with a number/date, bare counters, breadcrumb trails, file
  names standing in for images.

Lines are matched on :func:`~services.ingest.normalize.match_key` (alef/hamza, ى, ة,
tatweel and digit variants folded), so the patterns below are written in plain spelling
and folded the same way when compiled.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from services.ingest.normalize import match_key

_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def _rx(pattern: str) -> re.Pattern[str]:
    """Compile a rule written in natural Arabic spelling against folded keys."""
    return re.compile(pattern.translate(_FOLD), re.I)


BULLETS = "•·▪◦●■□►▸▶▷‣⁃∙*–—-"
# stripped from both ends before matching (str.strip: a regex anchored at $ is quadratic on long lines)
_EDGE_CHARS = " \t" + BULLETS + "|:：.,،؛!?؟()[]{}«»\"'“”"
_SENTENCE_END = re.compile(r"[.!?؟…؛:。！？]['\"”»)\]」』]*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")

# --- vocabulary-only lines: share bars, print/e-mail/font tools, social networks, ads ---
# fmt: off
_WIDGET_WORDS = sorted(
    (
        w.translate(_FOLD)
        for w in (
            # share / send / print / save
            "شارك الخبر", "شارك المقال", "مشاركة الخبر", "مشاركة المقال", "شارك المقالة",
            "شارك هذا المقال", "شارك هذا الخبر", "شارك هذه المقالة", "شارك القصة",
            "شارك على", "شارك عبر", "انشر على", "انشر عبر", "شاركها", "شاركوا", "شارك", "المشاركة", "مشاركة",
            "مشاركات", "انشر", "نشر", "أرسل لصديق", "ارسال لصديق", "أرسل", "إرسال", "ارسل", "طباعة", "اطبع",
            "طباعه الخبر", "حفظ", "نسخ الرابط", "الرابط المختصر", "رابط مختصر", "تم نسخ الرابط", "تم النسخ", "نسخ",
            "حجم الخط", "تكبير الخط", "تصغير الخط", "تكبير", "تصغير", "الخط", "أ+", "أ-", "a+", "a-",
            "البريد الإلكتروني", "البريد",
            "بريد إلكتروني", "إعلان", "اعلانات", "محتوى مدفوع", "برعاية", "التالي", "السابق",
            "اضغط هنا", "انقر هنا", "المزيد", "عرض المزيد", "اقرأ المزيد", "click here", "read more", "more",
            # video players and polls: «شاهد الفيديو», «▶ تشغيل», «صوّت», «عرض النتائج»
            "شاهد الفيديو", "مشاهدة الفيديو", "شاهد", "فيديو", "مدة الفيديو", "المدة", "صوت", "صوّت", "التصويت",
            "عرض النتائج", "النتائج",
            # photo galleries: «شاهد الصور», «1 / 12» (the caption of the picture follows)
            "شاهد الصور", "ألبوم الصور", "معرض الصور", "الصور", "صور",
            # live-blog labels: «12:15 | عاجل», «📌 مثبت», «🔴 مباشر»
            "عاجل", "مباشر", "مثبت", "تحديث",
            # audio players and summary boxes («استمع للمقال», «ملخص» above the highlights)
            "استمع للمقال", "استمع للخبر", "استمع", "استماع", "تشغيل", "إيقاف", "listen",
            # footer links
            "من نحن", "اتصل بنا", "اتصل", "أعلن معنا", "اعلن معنا", "سياسة الخصوصية", "شروط الاستخدام",
            "الشروط والأحكام", "خريطة الموقع", "about us", "contact us", "privacy policy", "terms of use",
            # networks
            "فيسبوك", "فيس بوك", "تويتر", "إكس", "واتساب", "واتس اب", "واتس آب", "تلغرام", "تليغرام", "تيليغرام",
            "تيليجرام", "تليجرام", "لينكد إن", "لينكدإن", "يوتيوب", "انستغرام", "انستجرام", "إنستغرام", "تيك توك",
            "سناب شات", "ماسنجر", "جوجل بلس", "بنترست",
            # English
            "share this article", "share this", "share on", "share", "shares", "tweet", "print", "email", "e-mail",
            "save", "copy link", "link copied", "facebook", "twitter", "whatsapp", "telegram", "linkedin",
            "pinterest", "reddit", "messenger", "flipboard", "google+", "advertisement", "sponsored", "x",
            # French, on Maghrebi sites
            "partager", "imprimer", "envoyer", "publicité",
        )
    ),
    key=len,
    reverse=True,
)
# fmt: on
_WIDGET_RX = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in _WIDGET_WORDS) + r")(?!\w)", re.I)
_COUNT_WORDS_RX = _rx(
    r"(?<!\w)(?:عدد المشاهدات|عدد القراءات|عدد الزيارات|المشاهدات|مشاهدات|مشاهدة|قراءات|قراءة|زيارات|زيارة|"
    r"القراءات|الزيارات|مرة|views?|reads?|hits|times|ألف|آلاف|مليون|[km]"
    r"|وقت القراءة|مدة القراءة|للقراءة|دقائق|دقيقة|دقيقتان|min read)(?!\w)"
)
# what a share or print button acts on: «إرسال الخبر», «حفظ الخبر», «اطبع المقال»
_WIDGET_OBJECTS_RX = _rx(r"(?<!\w)(?:الخبر|المقال|المقالة|الموضوع|الصفحة|هذا|هذه)(?!\w)")
_NUMBERS_PUNCT = re.compile(r"^[\d\s.,،:/%+×xk()\[\]|·•-]*$", re.I)

# --- anchored headers (the phrase opens the line; the line is short) ---
_READ_ALSO = _rx(
    r"^(?:اقرأ|إقرأ|إقرا|اقرئي|طالع|شاهد|شاهدي|اطلع) (?:أيضا|أيضاً|ايضا|كذلك|المزيد|المزيد من)(?!\w)|"
    r"^(?:شاهد|شاهدي|بالفيديو|فيديو|شاهد بالفيديو)\s*[:：]|"
    r"^(?:read (?:more|also)|see also|related|more on this|watch|lire aussi|à lire aussi|voir aussi)\s*[:：]"
)
_RELATED_HEADER = _rx(
    r"^(?:ال)?(?:مواضيع|أخبار|اخبار|مقالات|مواد|قصص|روابط|تقارير|موضوعات) "
    r"(?:ذات صلة|ذات الصلة|متعلقة|مرتبطة|مشابهة|ذات علاقة)"
    r"|^(?:الأكثر|الاكثر) (?:قراءة|مشاهدة|تداولا|تعليقا|شعبية)|^(?:المزيد من|مزيد من) (?:الأخبار|الاخبار|المقالات|\S+)$"
    r"|^(?:ترشيحات|مقترحات|نرشح لك|ترشيحاتنا|اختيارات المحرر|اختيارات المحررين|مختارات)$"
    r"|^(?:المزيد من|مزيد من) (?:أخبار|اخبار|مقالات|قصص) \S+(?: \S+)?$|^ماذا (?:تقرأ|تقرا|نقرأ)(?: أيضا| ايضا)?$"
    r"|^(?:قد يهمك|قد يعجبك|ننصحك بقراءة|يهمك أيضا|لا تفوتك|اخترنا لك|اخترنا لكم|أخبار أخرى|اخبار اخرى|آخر الأخبار"
    r"|ذات صلة|مقالات مقترحة|مواضيع مقترحة|مواضيع قد تهمك)"
    r"|^(?:related (?:articles|posts|stories|news|content)|more (?:stories|news|from)|you (?:may|might) also like"
    r"|recommended(?: for you)?|most (?:read|popular|viewed)|trending(?: now)?|latest news|what to read next)"
    r"|^(?:related|more|read more|tags)$"
    r"|^(?:articles similaires|sur le même sujet|à lire aussi|les plus lus)$"
)
_COMMENTS_HEADER = _rx(
    r"^(?:\d+\s*)?(?:تعليق|تعليقات|التعليقات|تعليقان|تعليقين|comments?|responses?|replies|reactions)"
    r"(?:\s+(?:الزوار|القراء|القراءات|الفيسبوك|فيسبوك))?(?:\s*\(?\d+\)?)?$"
    r"|^(?:آراء|اراء|ردود) (?:القراء|الزوار)(?:\s*\(?\d+\)?)?$"
    r"|^(?:أضف|اضف|أضيفي|اكتب|اترك|إضافة|اضافة|أدخل|ادخل|شارك|شاركنا|أرسل|ارسل) "
    r"(?:تعليقا|تعليق|تعليقك|التعليق|رأيك|برأيك|ردا|رد)"
    r"|^(?:لا توجد تعليقات|لا يوجد تعليقات|كن أول من يعلق|كن اول من يعلق|التعليقات مغلقة|التعليق على الخبر)"
    r"|^(?:leave a (?:reply|comment)|add (?:a )?comment|post a comment|no comments(?: yet)?|join the discussion"
    r"|comments are closed|show comments|view comments|\d+ (?:comments?|responses?))"
    # the same header in the other languages news sites are published in, for mixed-language feeds
    r"|^(?:\d+\s*)?(?:kommentare?|leserkommentare|commentaires?|comentarios?|comentários?|commenti|komentarze?"
    r"|комментарии|yorumlar|reacties|kommentarer)(?:\s*\(?\d+\)?)?$"
    r"|^(?:#?\d+\.?\s+)?(?:kommentar von|kommentar schreiben|kommentieren|ajouter un commentaire|laisser un commentaire"
    r"|dejar un comentario|lascia un commento|dodaj komentarz)\b"
)
_EMAIL_POLICY = _rx(
    r"لن يتم نشر (?:عنوان )?(?:بريدك|البريد)|الحقول (?:الإلزامية|الالزامية|المطلوبة)|"
    r"your email address will not be published|required fields are marked"
)
_COMMENT_POLICY = _rx(
    r"(?:تعليق|التعليقات|الآراء|الاراء|الردود).{0,60}(?:لا تعبر|لا تعكس|لا تمثل|تعبر عن رأي|تعبر عن راي|تعبر عن أصحاب|"
    r"تعبر عن اصحاب|تخضع|ملزم|مسؤولية|سيتم حذف)|comments? (?:are|is) moderated|comment policy"
    # «المرجو الالتزام بشروط التعليق: …»: the rules phrase opens the line (a sentence *about* rules goes on)
    r"|^(?:(?:المرجو|يرجى|نرجو|الرجاء|رجاء)(?: \S+){0,2} )?(?:ب|ل)?(?:شروط|قواعد|ميثاق|سياسة|ضوابط|معايير) "
    r"(?:التعليق|التعليقات)(?!\w)"
)
# a summary box's label: the bullets under it restate the article («الخلاصة», «أبرز النقاط»)
_SUMMARY = _rx(
    r"^(?:الخلاصة|خلاصة|ملخص|ملخص الخبر|الملخص|باختصار|أبرز النقاط|النقاط الرئيسية|أهم النقاط|في سطور|"
    r"summary|key points|highlights)$"
)
_POLL = _rx(
    r"^(?:استطلاع رأي|استطلاع الرأي|استطلاع|استفتاء|شارك في الاستطلاع|poll)\s*(?:[:：]|$)"
    # the reader-feedback box under an article, its «نعم» / «لا» buttons after it
    r"|^(?:هل كان هذا (?:المقال|الخبر|المحتوى|الموضوع) مفيدا|هل أعجبك (?:هذا )?(?:المقال|الخبر|الموضوع)"
    r"|was this (?:article|page|story) (?:helpful|useful))"
)
# the button that ends a poll's options: «صوّت الآن»; the question and options above it go too
_VOTE = _rx(r"^(?:صوت|صوّت|صوتوا|شارك|أرسل) (?:الآن|الان)$|^(?:vote|vote now|submit vote)$")
_LINEUP = _rx(
    r"^(?:التشكيلة|تشكيلة|التشكيل|البدلاء|الاحتياط|ترتيب الدوري|ترتيب المجموعة|ترتيب الفرق|جدول الترتيب|جدول المباريات"
    r"|starting (?:xi|line-?up)|substitutes|standings)(?: \S+){0,2}$"
)
_TAGS = _rx(
    r"^(?:كلمات مفتاحية|الكلمات المفتاحية|الكلمات المفاتيح|كلمات مفاتيح|"
    r"كلمات دالة|الكلمات الدالة|الكلمات الدلالية|الوسوم|وسوم|الأوسمة|أوسمة|"
    r"هاشتاج|هاشتاغ|الهاشتاج|tags|tagged|keywords|topics|mots-clés|mots clés|étiquettes)(?:\s*[:：|]|$|\s)"
)
_FOLLOW = _rx(
    r"^(?:تابعوا|تابعونا|تابعنا|تابعي|تابعوني|تابع (?:آخر|أحدث|أبرز|كل|جميع|المزيد|أخبار|تغطية)|"
    r"اشترك|اشتركوا|اشتركي|انضم|انضموا|انضمي|حمل|حملوا|نزل|لمتابعة|للمتابعة|"
    r"للاشتراك|للانضمام|لتصلك|ليصلك|follow us|follow|subscribe|sign up|join us|download)(?!\w)"
)
_PLATFORM = _rx(
    r"(?:فيسبوك|فيس بوك|تويتر|يوتيوب|انستغرام|انستجرام|إنستغرام|تلغرام|تليغرام|تيليجرام|تليجرام|واتساب|واتس اب|"
    r"تيك توك|جوجل نيوز|غوغل نيوز|نبض|صفحة|صفحتنا|قناة|قناتنا|حساب|حسابنا|حساباتنا|تطبيق|منصة|منصات|نشرتنا|النشرة|"
    r"موقعنا|إكس|facebook|twitter|youtube|instagram|telegram|whatsapp|tiktok|google news|newsletter|channel|app)"
)
_COPYRIGHT = _rx(
    r"©|\(c\)\s*\d{4}|جميع الحقوق محفوظة|كل الحقوق محفوظة|الحقوق محفوظة|حقوق النشر|حقوق الطبع|all rights reserved|"
    r"copyright\s*(?:©|\d{4})|^(?:يمنع|يحظر|لا يجوز) (?:نسخ|نقل|إعادة نشر|اعادة نشر|الاقتباس)"
    r"|^(?:معايير|مبادئ) (?:الثقة|التحرير)|^our standards|trust principles"
)
# «تصوير: كريم عبد العزيز», «عدسة - أحمد علي», «Photo: AFP»: who took the pictures
_PHOTO_CREDIT = _rx(
    r"^(?:تصوير|عدسة|تصوير فوتوغرافي|فيديو|مونتاج|جرافيك|إنفوجراف|انفوجراف|رسوم|photos?|photo by|video)"
    r"\s*[:：\-–—|/]\s*[^\d:：.،,!?؟]{2,40}$"
)
# «(إعداد سامر خليل للنشرة العربية - تحرير نادية الجويلي)»: the wire desk's own credit, in parentheses
_EDITOR_CREDIT = _rx(
    r"^\(\s*(?:إعداد|اعداد|تغطية صحفية|شارك في التغطية|كتابة|ترجمة|تحرير|reporting by|writing by|editing by)"
    r"[^()]*\)$"
)
# «هذا المحتوى لا يمثل نصيحة استثمارية», «إخلاء مسؤولية: …»: the publisher's disclaimer
_DISCLAIMER = _rx(
    r"^(?:إخلاء مسؤولية|اخلاء المسؤولية|إخلاء المسؤولية|تنويه|disclaimer)\s*[:：]"
    r"|^(?:هذا المحتوى|هذه المادة|هذا المقال|هذا الخبر|المحتوى|المعلومات الواردة)(?: \S+){0,4} "
    r"(?:لا يمثل|لا تمثل|لا يعد|لا تعد|لا يشكل|لا تشكل|ليس|ليست) (?:نصيحة|نصيحه|توصية|دعوة|عرضا)"
    r"|(?:does not|do not) constitute (?:investment|financial) advice|not (?:investment|financial) advice"
)
# ----------------------------------------------------------------------------- agencies

# canonical Arabic name for each agency, keyed by folded surface forms
AGENCIES: dict[str, str] = {}
for _canon, _forms in {
    "رويترز": ("رويترز", "رويتر", "reuters"),
    "فرانس برس": ("فرانس برس", "فرانس بريس", "أ ف ب", "ا ف ب", "أ.ف.ب", "ا.ف.ب", "أف ب", "afp", "agence france-presse"),
    "أسوشيتد برس": ("أسوشيتد برس", "اسوشيتد برس", "أسوشيتدبرس", "أ ب", "ا ب", "ap", "associated press"),
    "د ب أ": ("د ب أ", "د.ب.أ", "dpa"),
    "الأناضول": ("الأناضول", "الاناضول", "وكالة الأناضول", "anadolu"),
    "سبوتنيك": ("سبوتنيك", "sputnik"),
    "تاس": ("تاس", "tass"),
    "ريا نوفوستي": ("ريا نوفوستي", "ria novosti"),
    "شينخوا": ("شينخوا", "xinhua"),
    "أ ش أ": ("أ ش أ", "ا ش ا", "mena"),
    "وام": ("وام", "wam"),
    "واس": ("واس", "spa"),
    "قنا": ("قنا", "qna"),
    "كونا": ("كونا", "kuna"),
    "بترا": ("بترا", "petra"),
    "سانا": ("سانا", "sana"),
    "إرنا": ("إرنا", "ارنا", "irna"),
    # the Arab states' own agencies, as their datelines name them («مسقط - العمانية»)
    "العمانية": ("العمانية", "وكالة الأنباء العمانية"),
    "بنا": ("بنا",),
    "سبأ": ("سبأ",),
    "وفا": ("وفا",),
    "واج": ("واج",),
    "لاماب": ("لاماب", "ومع"),
    "وات": ("وات",),
    "سونا": ("سونا",),
    "واع": ("واع",),
    "وكالات": ("وكالات", "وكالات الأنباء", "agencies"),
}.items():
    for _f in _forms:
        AGENCIES[match_key(_f)] = _canon

AGENCY_ALT = "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))


def canonical_agency(name: str) -> str | None:
    """Canonical agency name for a credit like «REUTERS» or «أ ف ب», None if unknown."""
    return AGENCIES.get(key(name))


# a dateline printed on a line of its own above the first paragraph: «أديس أبابا - (رويترز)»,
# «لندن - (أ ش أ)», «القاهرة (رويترز) -», «مسقط - العمانية»: a place of one to three words and a known agency
_PLACE = r"(?P<place>[^\W\d_][^\s\d():،,.\-–—]*(?:\s+[^\s\d():،,.\-–—]+){0,2})"
_DATELINE_LINE = re.compile(
    rf"^{_PLACE}\s*(?:(?:[-–—]{{1,2}}\s*)?\((?P<agency>[^()]{{1,30}})\)\s*(?:[-–—]{{1,2}}\s*)?"
    r"|[-–—]{1,2}\s*(?P<bare>[^()\-–—]{1,30}?)\s*)$"
)


def dateline_line(line: str) -> tuple[str, str] | None:
    """(place, agency) of a wire dateline alone on its line: the opening of the first paragraph,
    not a caption's credit."""
    m = _DATELINE_LINE.match(line.strip())
    if m is None:
        return None
    agency = canonical_agency(m.group("agency") or m.group("bare"))
    return (m.group("place"), agency) if agency else None


def is_dateline_line(line: str) -> bool:
    return dateline_line(line) is not None


# a caption printed once, known by the credit that ends it: «… في مخيم قرب الفاشر (أرشيفية)»,
# «حقل الشرارة النفطي جنوب غرب ليبيا - أرشيفية», «… الدورة 58 لمهرجان قرطاج - صورة: تونس الآن»
_CAPTION_CREDIT = _rx(
    r"(?:\(\s*(?:صورة |صور )?(?:أرشيفية|ارشيفية|أرشيف|ارشيف|من الأرشيف|تعبيرية|توضيحية)\s*\)"
    r"|\s[-–—|]\s*(?:صورة |صور )?(?:أرشيفية|ارشيفية|أرشيف|ارشيف|تعبيرية)"
    r"|\s[-–—|(]\s*(?:صورة|الصورة|صور|تصوير|عدسة|photo)\s*[:：]\s*[^()]{2,30}\)?"
    r"|^(?:صورة|الصورة|صور|photo|caption)\s*[:：].*"
    # a photo agency or wire in brackets: «… خلال إطلاق الخطة (بترا)», «(أ ف ب)», «(Getty)»
    r"|\(\s*(?:أ ف ب|ا ف ب|أ\.ف\.ب|رويترز|الأناضول|الاناضول|أ ب|د ب أ|بترا|واس|وام|قنا|كونا|سانا|وفا|سبأ|بنا|العمانية"
    r"|مواقع التواصل(?: الاجتماعي)?|الإنترنت|انترنت|afp|reuters|ap|epa|getty(?: images)?|shutterstock)\s*\))$"
    # the picture's source after a dash: «صورة تخيلية للمسبار - المصدر: مركز محمد بن راشد للفضاء»
    r"|\s[-–—]\s*(?:المصدر|مصدر الصورة|الصورة)\s*[:：]\s*[^()]{2,50}$"
    # a caption's own opener, «a view of»: «جانب من جلسة مجلس النواب للتصويت على قانون الموازنة»
    r"|^(?:جانب من|لقطة من|لقطة لـ?)\s[^.!؟?]*$"
    # or after a dash: «… بعد إعلان النتائج الأولية - أ.ف.ب»
    r"|\s[-–—]\s*(?:أ ف ب|ا ف ب|أ\.ف\.ب|ا\.ف\.ب|رويترز|الأناضول|الاناضول|د ب أ|afp|reuters|epa|getty(?: images)?)$"
)
# what a page prints where its player failed to load: «Your browser does not support the video tag.»
_PLAYER_FALLBACK = _rx(r"^(?:your browser does not support|متصفحك لا يدعم|المتصفح لا يدعم)")
# a search box's placeholder, «ابحث في كوكب العلم...», and a short link, «رابط مختصر: amn.jo/n/184523»
_SEARCH_BOX = _rx(r"^(?:ابحث|إبحث|بحث|search)(?: \S+){0,5}\s*(?:\.{2,}|…)$")
_SHORT_LINK = _rx(r"^(?:رابط مختصر|الرابط المختصر|رابط الخبر|رابط المقال|short ?link|permalink)\s*[:：]")
# a desk credit under the article, «تحرير: علي الساعدي» (in brackets: :data:`_EDITOR_CREDIT`)
_DESK_CREDIT = _rx(r"^(?:تحرير|إعداد|اعداد|مراجعة|تدقيق|ترجمة|تنسيق|editing|edited by)\s*[:：]\s*[^\d:：.،,!?؟]{3,40}$")
# an embedded post's attribution line: «— Festival de Cannes (@Festival_Cannes) May 27, 2023»
_EMBED_BYLINE = re.compile(r"^[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s*(?:\S+\s+\d{1,2},\s*\d{4}|\d{1,2}\s+\S+\s+\d{4})$")
# the prayer-times row of a Gulf or Levantine masthead: «الفجر 3:31 | الشروق 4:57 | الظهر 11:46 …»
_PRAYER_TIME = _rx(r"(?:الفجر|الشروق|الظهر|العصر|المغرب|العشاء)\s*[:：]?\s*\d{1,2}:\d{2}")
# the print edition's note: «نُشر في العدد الورقي - ص 1 و3»
_PRINT_NOTE = _rx(r"^(?:نشر|منشور|ينشر|المقال منشور) في (?:العدد|النسخة|الطبعة) (?:الورقي|الورقية|المطبوع|المطبوعة)")
_GALLERY = frozenset(w.translate(_FOLD) for w in ("شاهد الصور", "ألبوم الصور", "معرض الصور"))
# arrows open navigation links: «⟵ النسخة الكاملة للموقع», «← العودة»
_ARROWS = "⟵⟶←→⬅➡➜↩↪⇦⇨↑⬆"
# «للتواصل: info@…», «هاتف: 00962…»: the site's contact footer
_CONTACT = _rx(
    r"^(?:للتواصل|للاتصال|تواصل معنا|راسلونا|هاتف|الهاتف|تلفون|تليفون|فاكس|جوال|واتساب|البريد الإلكتروني|"
    r"البريد الالكتروني|بريد|العنوان|email|e-mail|tel|phone|fax|contact)\s*[:：]"
)
# «يسمح للمشتركين في خدمة أخبار الأناضول فقط بإعادة نشر الأخبار كاملة، ولغيرهم بنشر مقتطفات مع ذكر
# المصدر»: the reuse terms, told from a sentence about a law («يحظر القانون نشر …») by their wording
_REUSE_TERMS = _rx(r"^(?:يسمح|لا يسمح|يمنع|يحظر|لا يجوز)(?!\w).*(?:إعادة نشر|اعادة نشر|نسخ|نشر|الاقتباس)")
_REUSE_CUE = _rx(r"للمشتركين|ذكر المصدر|دون إذن|بدون إذن|إلا بإذن|الا باذن|إذن مسبق|الإشارة إلى المصدر")
_IMAGE_TOKEN = re.compile(r"^[a-z0-9]+(?:[_.-][a-z0-9]+)*$", re.I)
_IMAGE_WORDS = re.compile(r"picture|image|img|photo|thumb|placeholder|banner|avatar|\.jpe?g|\.png|\.gif|\.webp", re.I)
_IMAGE_CREDIT = _rx(
    r"^(?:صورة|الصورة|صور|photo|image|foto|picture)"
    r"(?:\s+(?:أرشيفية|ارشيفية|أرشيف|ارشيف|تعبيرية|توضيحية|من الأرشيف|من الارشيف|file|archive)(?:\s+\S+){0,3})?"
    r"(?:\s*[:|/]\s*.{0,40})?$"
)
_CATEGORY_PREFIX = _rx(
    r"^(?:نشر في|منشور في|التصنيف|التصنيفات|تصنيف|القسم|الأقسام|الاقسام|الرئيسية|posted in|filed under|categories|"
    r"category|home)\s*[:：»›>/|]"
)
# «/», «>» and «|» separate crumbs only when spaced («أخبار / ليبيا»); unspaced they are
# part of words and figures («تموز/يوليو», «Li-Seifen/Mineralöl»)
_BREADCRUMB_SEP = re.compile(r"\s+(?:>|\||/|\\|->)\s+|\s*(?:»|›|‹|→|←)\s*")
_CRUMB_MARKS = ("›", "‹")  # never quotation marks in Arabic text, unlike «»
_CRUMB_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_IN_CATEGORY = re.compile(r"^في\s*\S")  # «في أخبار عربية», glued «فيأخبار»
_BULLET_START = re.compile(r"^\s*[" + re.escape("•·▪◦●■□►▸‣⁃∙*") + r"]|^\s*[-–—]\s")
_DIGIT = re.compile(r"\d")
_INITIAL = re.compile(r"[^\W\d_]+")
_INITIALS = re.compile(r"^[^\W\d_]{1,2}(?:[\s./-]+[^\W\d_]{1,2})+$")  # «ع ذ / هـ ع», «س.ع»
_CODE_CHARS = re.compile(r"[{}<>=;$\\]|\":")
_DATEISH = re.compile(r"\d{1,4}[/.:-]\d{1,2}(?:[/.:-]\d{1,4})?")


def key(line: str) -> str:
    """Folded comparison key of a line with bullets and edge punctuation stripped."""
    return match_key(line).strip(_EDGE_CHARS)


def word_count(text: str) -> int:
    return len(text.split())


def has_sentence_end(line: str) -> bool:
    return bool(_SENTENCE_END.search(line.strip()))


def is_headline_like(line: str, max_words: int = 18) -> bool:
    """A short titled line without final punctuation: a link to another story, a subhead, a caption."""
    line = line.strip()
    n = word_count(line)
    return 3 <= n <= max_words and not has_sentence_end(line) and bool(_HAS_LETTER.search(line))


@lru_cache(maxsize=4096)  # asked of each line by the filter, the caption check and the article check
def is_prose(line: str) -> bool:
    """A line that reads as running text (long enough, or a complete sentence)."""
    n = word_count(line)
    if n >= 14 or (n >= 7 and has_sentence_end(line)):
        return True
    # scripts written without spaces (Chinese, Japanese) have no countable words
    return len(_CJK.findall(line)) >= 25


def is_counter(line: str) -> bool:
    """Bare numbers, times and separators: view/like counters, «00:00», «1116».

    Long digit strings (a phone number «+81 158-23-2012», an ISBN) are information, not counters.
    """
    return _counter(line, key(line))


def _counter(line: str, k: str) -> bool:
    if not k or not _NUMBERS_PUNCT.match(k) or line.lstrip().startswith("+"):
        return False
    digits = sum(ch.isdigit() for ch in k)
    return 0 < digits <= 8


def is_bullet_meta(line: str) -> bool:
    """A bulleted date or time («• 2/20/2018», «- 14:05»), not a list item of the article."""
    if not _BULLET_START.match(line):
        return False
    k = key(line)
    if not k:
        return True
    # only dates and times: a short bulleted *word* may be a list item («- 390 kcal», «- الدقيق»);
    # short bullets in the page header are handled by the text cleaner's header pass
    return word_count(k) <= 4 and bool(_DATEISH.search(k))


def is_comments_start(line: str) -> bool:
    """Header, form or policy line that opens the reader-comments zone."""
    return _comments_start(line, key(line))


def _comments_start(line: str, k: str, n: int | None = None) -> bool:
    n = word_count(k) if n is None else n
    if not k or n > 40 or _CODE_CHARS.search(line):
        return False  # «"Comment": {» in a code sample is not a comments header
    if n <= 8 and _COMMENTS_HEADER.search(k):
        return True
    return bool(_EMAIL_POLICY.search(k) or _COMMENT_POLICY.search(k))


def is_related_header(line: str) -> bool:
    k = key(line)
    return bool(k) and word_count(k) <= 7 and bool(_RELATED_HEADER.search(k))


def _related_header(k: str, n: int) -> bool:
    return n <= 7 and bool(_RELATED_HEADER.search(k))


def _initials(k: str) -> bool:
    """Letters of one or two, mostly single: an editor's initials, not two short words («من هو»)."""
    if not _INITIALS.match(k):
        return False
    letters = _INITIAL.findall(k.replace("ـ", ""))
    return len(letters) >= 2 and 2 * sum(len(t) == 1 for t in letters) >= len(letters)


_LEADING_AGENCY = re.compile(r"^\(\s*[^()]{2,20}\s*\)\s*(?=\S)")
_SHORT_NUMBER = re.compile(r"\d+(?:[.,]\d+)?\s*[km](?![a-z])", re.I)  # «1.2K مشاركة»


_LONE_LETTER = re.compile(r"(?<!\w)[اa](?!\w)")


def _widget_only(k: str) -> bool:
    rest = _WIDGET_RX.sub(" ", _SHORT_NUMBER.sub(" 0 ", k))
    if rest != k:
        # (and the lone letter of a font button whose «-» the key dropped: «حجم الخط أ+ أ-»)
        rest = _LONE_LETTER.sub(" ", _WIDGET_OBJECTS_RX.sub(" ", rest))
    rest = _COUNT_WORDS_RX.sub(" ", rest)
    return rest != k and not _HAS_LETTER.search(rest)  # (digits, punctuation and icons may remain)


_HOME_AR = frozenset({match_key("الرئيسية")})
_HOME = _HOME_AR | frozenset({match_key("الصفحة الرئيسية"), "home"})


def _breadcrumb(k: str) -> bool:
    """«الرئيسية » أخبار » ليبيا», «أخبار / الشرق الأوسط / ليبيا»: short crumbs, no figures."""
    parts = [p for p in _BREADCRUMB_SEP.split(k) if p]
    if len(parts) >= 3 and parts[0] in _HOME:
        parts = parts[:-1]  # «الرئيسية > الدوري المصري > <the headline>»: the last crumb is the page
    short_parts = all(  # (a season's year may name a section: «كأس العالم 2022»)
        _HAS_LETTER.search(p) and word_count(p) <= 4 and not _DIGIT.search(_CRUMB_YEAR.sub("", p)) and ":" not in p
        for p in parts
    )
    # two crumbs are a trail when the page says so: its home first, or a mark made for trails («فضاء › المريخ»)
    marked = any(m in k for m in _CRUMB_MARKS)
    if len(parts) >= 2 and short_parts and (len(parts) >= 3 or parts[0] in _HOME or marked):
        return word_count(k) <= 16
    # WordPress-style category lists: «في أخبار عربية, في الواجهة» (often glued: «فيأخبار»)
    segments = [s.strip() for s in re.split(r"[,،]", k) if s.strip()]
    return len(segments) >= 2 and all(_IN_CATEGORY.match(s) and word_count(s) <= 4 for s in segments)


_MENU_SEP = re.compile(r"\s+[|•·]\s+")


def _menu_items(k: str) -> bool:
    """A navigation bar printed on one line: five items or more between « | », each one to three words, no figures.

    A headline has at most one « | » (site name, tab title), a tag line has its label."""
    parts = _MENU_SEP.split(k)
    return len(parts) >= 5 and not _DIGIT.search(k) and all(
        _HAS_LETTER.search(p) and word_count(p) <= 3 and not has_sentence_end(p) for p in parts)


_MAX_RULE_WORDS = 41  # the longest line any rule below can match (comment policies, promos)

# furniture recognised by one pattern on a line of at most so many words, in the order they are
# tried: (most words, test of the line as (stripped, folded, key), rule)
_SHORT_LINE_RULES: tuple[tuple[int, Callable[[str, str, str], object], str], ...] = (
    (14, lambda s, f, k: _PLAYER_FALLBACK.match(k), "widget"),
    (6, lambda s, f, k: _SEARCH_BOX.match(f) or s[0] in _ARROWS, "widget"),
    (6, lambda s, f, k: _SHORT_LINK.match(k), "widget"),
    (6, lambda s, f, k: _VOTE.match(k), "vote"),
    (6, lambda s, f, k: _DESK_CREDIT.match(k), "editor_credit"),
    (12, lambda s, f, k: _EMBED_BYLINE.match(s), "embed"),
    (30, lambda s, f, k: len(_PRAYER_TIME.findall(k)) >= 3, "prayer_times"),
    (12, lambda s, f, k: _PRINT_NOTE.match(k), "print_note"),
    (10, lambda s, f, k: _CONTACT.match(k), "contact"),
    (30, lambda s, f, k: _DISCLAIMER.search(k), "disclaimer"),
    (12, lambda s, f, k: _CATEGORY_PREFIX.search(k), "category"),
)


@lru_cache(maxsize=8192)  # asked of header lines by the title, masthead and furniture passes alike
def classify(line: str) -> str | None:
    """Name of the furniture rule ``line`` matches, or None for a line that may be content."""
    stripped = line.strip()
    if not stripped:
        return None
    if stripped.count(" ") >= _MAX_RULE_WORDS and not stripped.startswith("#"):
        return None  # a long paragraph: every rule below is for short lines (fast path)
    folded = match_key(stripped)
    k = folded.strip(_EDGE_CHARS)  # (= key(stripped))
    icon = not _DIGIT.search(k) and (not _HAS_LETTER.search(k) or (len(stripped) <= 3 and not _ARABIC.search(k)))
    if not k or icon:
        return "punctuation"  # also icons and controls: «☰», «🔍», «×», «A+»
    n = word_count(k)
    if _counter(stripped, k):
        return "counter"
    if n <= 4 and _BULLET_START.match(stripped) and _DATEISH.search(k):
        return "bullet_meta"
    if n <= 4 and _SUMMARY.match(k):
        return "summary"
    if n <= 10 and _widget_only(k):
        return "widget"
    if n <= 30 and _READ_ALSO.search(k):
        return "read_also"
    if _related_header(k, n):
        return "related_header"
    if _comments_start(stripped, k, n):
        return "comments"
    if n <= 25 and _TAGS.search(k):
        return "tags"
    if n <= 4 and _LINEUP.search(k):
        return "lineup"
    if n <= 25 and _POLL.search(k):
        return "poll"
    if n <= 40 and _FOLLOW.search(k) and _PLATFORM.search(k):
        return "follow_promo"
    if n <= 30 and (_COPYRIGHT.search(k) or (_REUSE_TERMS.search(k) and _REUSE_CUE.search(k))):
        return "copyright"
    if n <= 3 and _IMAGE_TOKEN.match(k) and _IMAGE_WORDS.search(k):
        return "image_placeholder"
    if n <= 8 and _IMAGE_CREDIT.match(k):
        return "image_credit"
    if n <= 7 and _PHOTO_CREDIT.match(k):
        return "photo_credit"
    if 4 <= n <= 25 and (m := _CAPTION_CREDIT.search(folded)) \
            and not has_sentence_end(folded[: m.start()]):
        return "caption"  # (a paragraph ending «…. (أ ف ب)» is text with its credit)
    if n <= 30 and _EDITOR_CREDIT.match(folded):
        return "editor_credit"
    for most, test, rule in _SHORT_LINE_RULES:
        if n <= most and test(stripped, folded, k):
            return rule
    if n <= 40 and _menu_items(k):
        return "menu"  # «كرة قدم | دوري أبطال أوروبا | الدوري الإنجليزي | الليجا | انتقالات»
    if n <= 16 and not has_sentence_end(stripped) and not stripped.startswith("|") and _breadcrumb(k):
        return "breadcrumb"
    if 4 <= n <= 20 and k.split()[0] in _HOME_AR and not _DIGIT.search(k) and not has_sentence_end(stripped):
        return "menu"  # «الرئيسية محليات اقتصاد تقنية رياضة»: the navigation bar on one line
    if k.startswith("#") and all(t.startswith("#") for t in k.split()):  # any length
        return "hashtag_line"
    if n <= 6 and (_initials(k) or _initials(key(_LEADING_AGENCY.sub("", stripped)))):
        return "initials"  # also after the agency's name: «(مشرق) ع.ح/ م.س»
    return None


_LIST_HEADERS = ("related_header", "poll")  # head a list whatever else their line holds
_LIST_LABELS = ("read_also", "tags", "lineup", "summary")  # head a list when alone on their line


def _list_item(line: str) -> bool:
    """An entry under a related-links, tags or summary header: a headline (a question too), a
    topic of a few words, or a short bulleted point."""
    if _BULLET_START.match(line) and word_count(line) <= 25:
        return True
    if line.rstrip().endswith(("؟", "?")) and word_count(line) <= 22:
        return True  # «كيف تختار هاتفا بكاميرا احترافية بأقل من 400 دولار؟»
    if is_prose(line):
        return False
    return is_headline_like(line.rstrip(" ؟?!"), 22) or (word_count(line) <= 3 and not has_sentence_end(line))


def filter_lines(lines: Iterable[str], *, cut_comments: bool = True) -> tuple[list[str], list[tuple[str, str]]]:
    """Drop furniture lines, the reader-comments zone and related-link blocks.

    Blank lines are kept as paragraph separators. Returns ``(kept, dropped)`` where
    ``dropped`` pairs each removed line with its rule, for debugging and tests. The
    comments zone is only cut once some prose has been seen, so a comment counter in
    the page header cannot swallow the whole article.
    """
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    seen_prose = False
    in_related = False
    gallery = False
    lines = list(lines)
    for i, line in enumerate(lines):
        if not line.strip():
            kept.append(line)
            continue
        rule = classify(line)
        if rule == "comments" and cut_comments and seen_prose:
            dropped.extend((rest, "comments_zone") for rest in lines[i:] if rest.strip())
            break
        if rule in _LIST_HEADERS or (rule in _LIST_LABELS and word_count(key(line)) <= 3):
            in_related = True  # a bare «اقرأ أيضا» or «كلمات مفتاحية» heads a list of links or tags
        elif in_related and rule is None and _list_item(line):
            rule = "related_link"
        elif rule is None:
            in_related = False
        if rule == "vote":
            dropped.extend(_poll_above(kept))
        if rule is None and gallery and is_caption_shaped(line):
            rule = "caption"  # the picture's caption under a gallery's «شاهد الصور»
        gallery = is_gallery_button(line) or (gallery and rule in ("counter", "widget"))
        if rule:
            dropped.append((line, rule))
            continue
        if is_prose(line):
            seen_prose = True
        kept.append(line)
    return kept, dropped


def is_gallery_button(line: str) -> bool:
    """«شاهد الصور», «ألبوم الصور»: the line under it is the shown picture's caption."""
    return key(line) in _GALLERY


def is_caption_shaped(line: str) -> bool:
    """What a caption looks like: a line of four to 25 words that ends no sentence."""
    return 4 <= word_count(line) <= 25 and not has_sentence_end(line)


def _poll_above(kept: list[str]) -> list[tuple[str, str]]:
    """The question and options of a poll whose vote button ends them («من هو رجل المباراة في نظرك؟»,
    then a name a line, then «صوّت الآن»), taken off the end of ``kept``: two short lines or more
    right above the button, and the question above them."""
    filled = [i for i in range(len(kept)) if kept[i].strip()][::-1]  # last first
    run = []
    for i in filled:
        line = kept[i]
        if word_count(line) > 4 or has_sentence_end(line) or is_prose(line):
            break
        run.append(i)
    if len(run) < 2:
        return []
    rest = [i for i in filled if i < run[-1]]
    question = rest[0] if rest and kept[rest[0]].rstrip().endswith(("؟", "?")) and word_count(kept[rest[0]]) <= 14 \
        else None
    if question is None:
        return []
    taken = [(kept[i], "poll") for i in range(question, len(kept)) if kept[i].strip()]
    del kept[question:]
    return taken


_HASHTAG = re.compile(r"(?<![\w&/])#(?=[^\W\d_])")  # «#3» is a number, not a tag


def unwrap_hashtags(text: str) -> str:
    """``#لافروف`` → ``لافروف``; leaves ``#3``, ``&#123;`` entities and URL fragments alone."""
    return _HASHTAG.sub("", text) if "#" in text else text
