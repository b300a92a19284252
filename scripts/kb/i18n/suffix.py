"""Turkish case suffixes after a name, a number or a date: "İncirlik'te", "2016'da",
"1959'dan", "ABD'ye", "1960'lar".

Turkish writes a suffix after a proper name, a number or an abbreviation with an apostrophe,
and the suffix follows the sound of the word as it is read aloud: 1960 is read "bin dokuz yüz
altmış", so it takes "-lar" and "-tan"; ABD is read letter by letter ("a-be-de"), so it takes
"-ye"; NATO is read as a word, so it takes "-ya". Interface strings ask for a suffix with a
format spec ("{date:abl} beri"), so a template never glues a fixed suffix to a value it cannot
foresee.

The apostrophe belongs to proper names, numbers and abbreviations only: a common word takes
its suffix directly ("ABD'li yetkililerin"). The name of an institution takes none either
(TDK: "Türk Dil Kurumuna"), and one that ends in a compound's possessive (Hava Kuvvetleri,
Cumhurbaşkanlığı, Dışişleri) puts an "n" before the case ending: "ABD Hava Kuvvetlerine".
A name is read as such an institution when its last word ends in that possessive and either
another word comes before it or the word itself ends as -lığı/-leri do; a one-word place name
ending in a vowel (Çiğli, Kocaeli) keeps its apostrophe.
"""

from __future__ import annotations

import re

BACK = "aıou"
FRONT = "eiöü"
VOWELS = BACK + FRONT
VOICELESS = "fstkçşhp"

# The cases the interface strings use, each as (suffix pattern, buffer after a vowel):
# D is d or t (t after a voiceless consonant), A is a or e, I is ı, i, u or ü.
CASES: dict[str, tuple[str, str]] = {
    "abl": ("DAn", ""),  # ayrılma: 1959'dan, İncirlik'ten
    "loc": ("DA", ""),  # bulunma: 2016'da, İncirlik'te
    "dat": ("A", "y"),  # yönelme: 2017'ye, NATO'ya
    "acc": ("I", "y"),  # belirtme: NATO'yu, ABD'yi
    "gen": ("In", "n"),  # tamlayan: NATO'nun, TBMM'nin
    "pl": ("lAr", ""),  # çoğul: 1950'ler, 1960'lar
}

_ONES = ("", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz")
_TENS = ("", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan")
# How each capital letter is read when an abbreviation is spelt out (TDK's letter names).
_LETTER_NAMES = {
    "A": "a", "B": "be", "C": "ce", "Ç": "çe", "D": "de", "E": "e", "F": "fe", "G": "ge",
    "Ğ": "yumuşak ge", "H": "he", "I": "ı", "İ": "i", "J": "je", "K": "ke", "L": "le",
    "M": "me", "N": "ne", "O": "o", "Ö": "ö", "P": "pe", "Q": "kü", "R": "re", "S": "se",
    "Ş": "şe", "T": "te", "U": "u", "Ü": "ü", "V": "ve", "W": "ve", "X": "iks", "Y": "ye",
    "Z": "ze",
}  # fmt: skip
# Abbreviations read as words although their letters alone would not say so.
_READ_AS_WORDS = {"AWACS": "avaks"}
_LAST_TOKEN = re.compile(r"(\d[\d.]*(?:,\d+)?|[^\W\d_]+)\W*$")
# The possessive that ends a compound's head: Kuvvet-ler-i, Bakan-lığ-ı, Dışiş-ler-i, Üs-sü.
_POSSESSIVE = re.compile(r"[ıiuü]$")
_POSSESSIVE_WORD = re.compile(r"(?:l[ıiuü][ğk][ıiuü]|l[ae]r[ıi])$")


def number_word(n: int) -> str:
    """The last word of a whole number read aloud in Turkish (1960 → "altmış")."""
    if n == 0:
        return "sıfır"
    if n % 10:
        return _ONES[n % 10]
    if n % 100:
        return _TENS[n % 100 // 10]
    for unit, word in ((1000, "yüz"), (10**6, "bin"), (10**9, "milyon")):
        if n % unit:
            return word
    return "milyar"


def _lower(word: str) -> str:
    return word.replace("I", "ı").replace("İ", "i").lower()


def _abbreviation(token: str) -> str:
    """How an all-capital abbreviation sounds: as a word (NATO, TİP, DEAŞ) when its letters
    can be said as one, letter by letter otherwise (ABD, TBMM, CHP, AB)."""
    if token in _READ_AS_WORDS:
        return _READ_AS_WORDS[token]
    low = _lower(token)
    vowels = [c in VOWELS for c in low]
    clusters = (vowels[:2] == [False, False]) or (vowels[-2:] == [False, False])
    if len(token) > 2 and any(vowels) and not clusters:
        return low
    return _LETTER_NAMES.get(token[-1], _lower(token[-1]))


def spoken(text: str) -> str:
    """The sound the end of `text` makes when read aloud: the word a suffix must agree with."""
    match = _LAST_TOKEN.search(text)
    if not match:
        raise ValueError(f"no word or number at the end of {text!r} to put a suffix after")
    token = match.group(1)
    if token[0].isdigit():
        whole, _, decimals = token.replace(".", "").partition(",")
        return number_word(int(decimals or whole))
    if len(token) > 1 and token.isupper():
        return _abbreviation(token)
    return _lower(token)


def _institution(text: str, token: str) -> bool:
    """Whether `text` reads as an institution's name ending in a compound's possessive."""
    if len(token) < 2 or not token[0].isupper() or token.isupper():
        return False
    low = _lower(token)
    if not _POSSESSIVE.search(low):
        return False
    return bool(_POSSESSIVE_WORD.search(low)) or len(text.split()) > 1


def suffix(text: str, case: str) -> str:
    """The suffix for `case` (a key of CASES) after `text`, with the apostrophe where Turkish
    writes one (after a proper name, a number or an abbreviation)."""
    try:
        pattern, buffer = CASES[case]
    except KeyError:
        raise ValueError(f"unknown case {case!r}; known: {', '.join(CASES)}") from None
    sound = spoken(text)
    match = _LAST_TOKEN.search(text)
    token = match.group(1) if match else ""
    institution = _institution(text, token)
    apostrophe = "" if institution or token[:1].islower() else "'"
    if institution and case != "pl":
        buffer = "n"
    vowels = [c for c in sound if c in VOWELS]
    last_vowel = vowels[-1] if vowels else "e"
    ends_in_vowel = sound[-1] in VOWELS
    out = buffer if ends_in_vowel else ""
    for i, part in enumerate(pattern):
        if part == "D":
            out += "t" if i == 0 and sound[-1] in VOICELESS else "d"
        elif part == "A":
            out += "a" if last_vowel in BACK else "e"
        elif part == "I":
            out += {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "i": "i"}.get(last_vowel, "ü")
        else:
            out += part
    return apostrophe + out


def inflect(text: str, case: str) -> str:
    """`text` with the suffix for `case`: inflect("1959", "abl") == "1959'dan"."""
    return text + suffix(text, case)
