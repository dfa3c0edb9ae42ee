"""Unicode normalisation: what changes in stored text and what must not."""

from __future__ import annotations

from services.ingest.normalize import ascii_digits, match_key, normalize_text


def test_normal_arabic_is_unchanged():
    s = "أعلنت وزارة الخارجية المصرية، يوم الأحد، أن الوزير سيزور عمّان وبيروت الأسبوع المقبل."
    assert normalize_text(s) == s


def test_presentation_forms_fold_to_letters():
    # lam-alef ligature and isolated/final presentation forms (U+FExx) → ordinary letters
    assert normalize_text("\ufefb\ufe8e\ufee3") == "لاام"
    assert normalize_text("ﷲ") == "الله"


def test_arabic_indic_digits_kept_in_stored_text():
    s = "قتل ١٢ شخصا في ٢٠١٩ و۱۴ في ۲۰۲۰"
    assert normalize_text(s) == s
    assert ascii_digits(s) == "قتل 12 شخصا في 2019 و14 في 2020"


def test_zero_width_and_bidi_controls_removed():
    s = "\u200fقال\u200b الرئيس\u202b الأمريكي\u202c \u200e2024\u200e"
    assert normalize_text(s) == "قال الرئيس الأمريكي 2024"


def test_zwnj_kept_inside_persian_words_only():
    assert normalize_text("می\u200cخواهم") == "می\u200cخواهم"
    assert normalize_text("کتاب \u200c") == "کتاب"


def test_tatweel_kept_in_text_removed_in_match_key():
    s = "الرئيـــس"
    assert normalize_text(s) == s
    assert match_key(s) == match_key("الرئيس")


def test_match_key_folds_variants():
    assert match_key("إلى") == match_key("الي")
    assert match_key("مدرسة") == match_key("مدرسه")
    assert match_key("عَرَبِيّ") == match_key("عربي")
    assert match_key("١٢") == "12"


def test_whitespace_tidy():
    s = "سطر  أول\u00a0\tهنا  \r\n\r\n\r\n\r\nسطر ثان\n"
    assert normalize_text(s) == "سطر أول هنا\n\nسطر ثان"
