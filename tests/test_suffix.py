"""Turkish case suffixes (kb.i18n.suffix): names, numbers, dates and abbreviations, and the
interface strings that ask for them."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from kb.i18n import language
from kb.i18n.suffix import inflect, number_word
from kb.render import Renderer


@pytest.mark.parametrize(
    ("text", "case", "expected"),
    [
        # names ending in a consonant or a vowel, back and front vowels, voiceless endings
        ("İncirlik", "loc", "İncirlik'te"),
        ("Kürecik", "abl", "Kürecik'ten"),
        ("Konya", "loc", "Konya'da"),
        ("Adana", "dat", "Adana'ya"),
        ("İzmir", "loc", "İzmir'de"),
        ("Malatya", "gen", "Malatya'nın"),
        ("Sinop", "abl", "Sinop'tan"),
        ("Çiğli", "acc", "Çiğli'yi"),
        ("Batman", "gen", "Batman'ın"),
        ("Ürdün", "dat", "Ürdün'e"),
        ("Kocaeli", "gen", "Kocaeli'nin"),
        # numbers: the suffix follows the last word read aloud
        ("2016", "loc", "2016'da"),  # altı
        ("1959", "abl", "1959'dan"),  # dokuz
        ("1954", "abl", "1954'ten"),  # dört
        ("2011", "abl", "2011'den"),  # bir
        ("1963", "dat", "1963'e"),  # üç
        ("2017", "dat", "2017'ye"),  # yedi
        ("1960", "pl", "1960'lar"),  # altmış
        ("1950", "pl", "1950'ler"),  # elli
        ("1970", "pl", "1970'ler"),  # yetmiş
        ("1990", "pl", "1990'lar"),  # doksan
        ("2000", "pl", "2000'ler"),  # bin
        ("2010", "pl", "2010'lar"),  # on
        ("40", "abl", "40'tan"),  # kırk
        ("40", "loc", "40'ta"),
        ("100", "dat", "100'e"),  # yüz
        ("1900", "abl", "1900'den"),
        ("1000000", "loc", "1000000'da"),  # milyon
        ("2.200", "dat", "2.200'e"),  # iki bin iki yüz
        ("7,5", "abl", "7,5'ten"),  # yedi virgül beş
        ("0", "dat", "0'a"),  # sıfır
        # dates: the year at the end decides
        ("6 Aralık 1954", "abl", "6 Aralık 1954'ten"),
        ("Aralık 2015", "abl", "Aralık 2015'ten"),
        ("Ekim 1998", "dat", "Ekim 1998'e"),
        # abbreviations: read as a word, or letter by letter
        ("NATO", "dat", "NATO'ya"),
        ("NATO", "gen", "NATO'nun"),
        ("ABD", "dat", "ABD'ye"),
        ("ABD", "abl", "ABD'den"),
        ("TBMM", "gen", "TBMM'nin"),
        ("CHP", "loc", "CHP'de"),
        ("TİP", "dat", "TİP'e"),
        ("DEAŞ", "dat", "DEAŞ'a"),
        ("AB", "abl", "AB'den"),
        ("LANDCOM", "loc", "LANDCOM'da"),
        ("AWACS", "gen", "AWACS'ın"),
        ("F-16", "abl", "F-16'dan"),
        ("S-400", "gen", "S-400'ün"),
        # actors' Turkish short names: a common word takes no apostrophe; an institution's
        # name ending in a compound's possessive takes none either, and an "n" before the case
        ("ABD'li yetkililer", "gen", "ABD'li yetkililerin"),
        ("ABD'li yetkililer", "dat", "ABD'li yetkililere"),
        ("ABD Hava Kuvvetleri", "gen", "ABD Hava Kuvvetlerinin"),
        ("ABD Hava Kuvvetleri", "dat", "ABD Hava Kuvvetlerine"),
        ("ABD Hava Kuvvetleri", "abl", "ABD Hava Kuvvetlerinden"),
        ("Cumhurbaşkanlığı", "gen", "Cumhurbaşkanlığının"),
        ("Cumhurbaşkanlığı", "dat", "Cumhurbaşkanlığına"),
        ("Dışişleri", "abl", "Dışişlerinden"),
        ("Dışişleri", "acc", "Dışişlerini"),
        ("Millî Savunma Bakanlığı", "loc", "Millî Savunma Bakanlığında"),
        ("İran", "gen", "İran'ın"),
        ("İran", "dat", "İran'a"),
        ("MSB", "gen", "MSB'nin"),
        ("DMM", "abl", "DMM'den"),
        ("AGD", "dat", "AGD'ye"),
        ("TKH", "gen", "TKH'nin"),
        ("TİP", "abl", "TİP'ten"),
    ],
)
def test_suffix_follows_the_sound_of_the_word(text: str, case: str, expected: str) -> None:
    assert inflect(text, case) == expected


def test_number_words() -> None:
    assert [number_word(n) for n in (3, 30, 300, 3000, 3_000_000, 3_000_000_000)] == [
        "üç",
        "otuz",
        "yüz",
        "bin",
        "milyon",
        "milyar",
    ]


def test_bad_case_or_text_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown case 'ins'"):
        inflect("NATO", "ins")
    with pytest.raises(ValueError, match="no word or number"):
        inflect("—", "abl")


def test_english_has_no_cases_and_says_so() -> None:
    with pytest.raises(ValueError, match="remove the ':abl'"):
        language("en").inflected("1959", "abl")


def test_interface_strings_inflect_their_fields_and_still_escape_them() -> None:
    tr = Renderer.__new__(Renderer)
    tr.lang, tr.language = "tr", language("tr")
    assert tr.t("since", date="6 Aralık 1954") == "6 Aralık 1954'ten beri"
    assert tr.t("period-since-until", since="1959", until="1963") == "1959'dan 1963'e kadar"
    assert tr.t("decade-heading", decade=1960) == "1960'lar"
    assert tr.t("until", date="Ekim & <b>Kasım</b> 1990") == Markup(
        "Ekim &amp; &lt;b&gt;Kasım&lt;/b&gt; 1990'a kadar"
    )
    en = Renderer.__new__(Renderer)
    en.lang, en.language = "en", language("en")
    assert en.t("period-since-until", since="1959", until="1963") == "since 1959; until 1963"


def test_file_sizes_use_the_languages_decimal_mark() -> None:
    tr = Renderer.__new__(Renderer)
    tr.language = language("tr")
    assert (tr._size(1500), tr._size(2_345_678), tr._size(999)) == ("1,5 kB", "2,3 MB", "999 bayt")
    en = Renderer.__new__(Renderer)
    en.language = language("en")
    assert en._size(1500) == "1.5 kB"


def test_country_codes_in_words_on_turkish_pages_codes_on_english_ones() -> None:
    tr, en = language("tr"), language("en")
    assert [tr.country(c) for c in ("ES", "US", "TR", "INT")] == [
        "İspanya",
        "ABD",
        "Türkiye",
        "uluslararası",
    ]
    assert tr.country("JP") == "Japonya"  # not in the table: CLDR's Turkish name
    assert tr.country("XX") == "XX"  # no name anywhere: the code
    assert en.country("ES") == "ES"
