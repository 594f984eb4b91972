"""analysis.reading.language.detect_language: the right ISO 639-1 code on short news texts in many languages,
"und" when there is too little to tell, and never an exception."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.reading.language import SAMPLE_CHARS, UNDETERMINED, detect_language

# Two sentences of the same made-up council story in each language.
COUNCIL_STORY = {
    "en": "The city council voted on Tuesday to delay the new budget until the mayor explains how the money "
    "would be spent. Several members said they had not been told about the changes before the meeting.",
    "es": "El ayuntamiento votó el martes para aplazar el nuevo presupuesto hasta que el alcalde explique cómo "
    "se gastaría el dinero. Varios concejales dijeron que no habían sido informados de los cambios antes de la reunión.",
    "fr": "Le conseil municipal a voté mardi pour reporter le nouveau budget jusqu'à ce que le maire explique "
    "comment l'argent serait dépensé. Plusieurs membres ont dit qu'ils n'avaient pas été informés des "
    "changements avant la réunion.",
    "de": "Der Stadtrat hat am Dienstag beschlossen, den neuen Haushalt zu verschieben, bis der Bürgermeister "
    "erklärt, wie das Geld ausgegeben werden soll. Mehrere Mitglieder sagten, sie seien vor der Sitzung nicht "
    "über die Änderungen informiert worden.",
    "it": "Il consiglio comunale ha votato martedì per rinviare il nuovo bilancio finché il sindaco non spiegherà "
    "come verrebbero spesi i soldi. Diversi membri hanno detto di non essere stati informati dei cambiamenti "
    "prima della riunione.",
    "pt": "A câmara municipal votou na terça-feira para adiar o novo orçamento até que o prefeito explique como "
    "o dinheiro seria gasto. Vários membros disseram que não tinham sido informados sobre as mudanças antes da reunião.",
    "nl": "De gemeenteraad heeft dinsdag besloten de nieuwe begroting uit te stellen totdat de burgemeester "
    "uitlegt hoe het geld zou worden besteed. Verschillende leden zeiden dat ze voor de vergadering niet over "
    "de wijzigingen waren geïnformeerd.",
    "sv": "Kommunfullmäktige röstade på tisdagen för att skjuta upp den nya budgeten tills borgmästaren förklarar "
    "hur pengarna skulle användas. Flera ledamöter sa att de inte hade fått veta något om ändringarna före mötet.",
    "pl": "Rada miasta zagłosowała we wtorek za odłożeniem nowego budżetu, dopóki burmistrz nie wyjaśni, jak "
    "pieniądze zostaną wydane. Kilku członków powiedziało, że nie poinformowano ich o zmianach przed posiedzeniem.",
    "ca": "L'ajuntament va votar dimarts per ajornar el nou pressupost fins que l'alcalde expliqui com es "
    "gastarien els diners. Diversos regidors van dir que no havien estat informats dels canvis abans de la reunió.",
    "ro": "Consiliul local a votat marți pentru amânarea noului buget până când primarul va explica cum vor fi "
    "cheltuiți banii. Mai mulți membri au spus că nu au fost informați despre schimbări înainte de ședință.",
    "id": "Dewan kota memutuskan pada hari Selasa untuk menunda anggaran baru sampai wali kota menjelaskan "
    "bagaimana uang itu akan digunakan. Beberapa anggota mengatakan mereka tidak diberi tahu tentang perubahan "
    "itu sebelum rapat.",
    "tr": "Belediye meclisi salı günü, belediye başkanı paranın nasıl harcanacağını açıklayana kadar yeni bütçeyi "
    "ertelemek için oy kullandı. Birkaç üye, toplantıdan önce değişiklikler hakkında bilgilendirilmediklerini söyledi.",
    "ru": "Городской совет во вторник проголосовал за то, чтобы отложить новый бюджет, пока мэр не объяснит, как "
    "будут потрачены деньги. Несколько членов совета сказали, что их не проинформировали об изменениях до заседания.",
    "uk": "Міська рада у вівторок проголосувала за те, щоб відкласти новий бюджет, поки мер не пояснить, як "
    "будуть витрачені гроші. Кілька членів ради сказали, що їх не поінформували про зміни до засідання.",
    "ar": "صوت مجلس المدينة يوم الثلاثاء على تأجيل الميزانية الجديدة حتى يشرح رئيس البلدية كيف سيتم إنفاق الأموال. "
    "وقال عدد من الأعضاء إنهم لم يبلغوا بالتغييرات قبل الاجتماع.",
    "fa": "شورای شهر روز سه‌شنبه به تعویق بودجه جدید رأی داد تا شهردار توضیح دهد که این پول چگونه خرج خواهد شد. "
    "چند عضو گفتند که پیش از جلسه از این تغییرات مطلع نشده بودند.",
    "hi": "नगर परिषद ने मंगलवार को नए बजट को टालने के लिए मतदान किया जब तक कि महापौर यह नहीं बताते कि पैसा कैसे खर्च होगा।",
    "he": "מועצת העיר הצביעה ביום שלישי על דחיית התקציב החדש עד שראש העיר יסביר כיצד יוצא הכסף.",
    "el": "Το δημοτικό συμβούλιο ψήφισε την Τρίτη για την αναβολή του νέου προϋπολογισμού μέχρι ο δήμαρχος να εξηγήσει.",
    "zh": "市议会周二投票决定推迟新预算，直到市长解释这笔钱将如何使用。",
    "ja": "市議会は火曜日、市長が資金の使い道を説明するまで新しい予算を延期することを決めた。",
    "ko": "시의회는 화요일 시장이 예산 사용 계획을 설명할 때까지 새 예산을 연기하기로 의결했다.",
}

# One short sentence: the shortest text an article could be.
ONE_SENTENCE = {
    "en": "The president said he would not resign.",
    "es": "El presidente dijo que no dimitiría.",
    "fr": "Le président a dit qu'il ne démissionnerait pas.",
    "de": "Der Präsident sagte, er werde nicht zurücktreten.",
    "it": "Il presidente ha detto che non si dimetterà.",
    "pt": "O presidente disse que não vai renunciar.",
    "nl": "De president zei dat hij niet zou aftreden.",
}


@pytest.mark.parametrize(("code", "text"), sorted(COUNCIL_STORY.items()))
def test_two_sentences(code, text):
    assert detect_language(text) == code


@pytest.mark.parametrize(("code", "text"), sorted(ONE_SENTENCE.items()))
def test_one_sentence(code, text):
    assert detect_language(text) == code


def test_seed_is_english(seed_text):
    assert detect_language(seed_text) == "en"


def test_english_full_of_foreign_names():
    text = (
        "Nayib Bukele, the president of El Salvador, met Andrés Manuel López Obrador and Gustavo Petro in "
        "San José on Tuesday, where they discussed the Mara Salvatrucha and the Barrio 18."
    )
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    "text", ["", "   \n", "Crook", "MS13 2023", "😀😀😀", "?!", "Nayib Bukele El Salvador", "12/11/2023"]
)
def test_too_little_to_tell(text):
    assert detect_language(text) == UNDETERMINED


def test_long_text_is_sampled_from_start_middle_and_end():
    english = COUNCIL_STORY["en"] + " "
    spanish = COUNCIL_STORY["es"] + " "
    long_english = english * 2000  # ~70,000 words
    assert len(long_english) > 100 * SAMPLE_CHARS
    assert detect_language(long_english) == "en"
    # Spanish throughout except a long English opening: the middle and end outvote the start
    mixed = english * 3 + spanish * 200
    assert detect_language(mixed) == "es"


_ANY = st.text(
    st.sampled_from("abcdeéñü ABC مرحبا שלום Привет 中文 日本語 한국어 😀 0123 .,!?\n\t\u00a0\u200b\x00"),
    max_size=200,
) | st.text(max_size=200)


@settings(max_examples=300, deadline=None)
@given(_ANY)
def test_any_text_gives_a_code(text):
    code = detect_language(text)
    assert code == UNDETERMINED or re.fullmatch(r"[a-z]{2}", code)
    if not re.search(r"[^\W\d_]", text):
        assert code == UNDETERMINED


_PIECES = list("aZé1 9,.-'’_\u0301ßΣσİı\u05d0Я\n\t\u00a0(“”)…!?") + ["ΟΔΟΣ", "İstanbul", "東京", "حمد", "x_y", "co-op.", "l'État"]


@pytest.mark.slow  # over half a second: the fast tier stays under a minute
@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_words_are_exactly_the_word_regex_matches(text):
    from analysis.reading.language import _WORD, _words

    assert _words(text) == _WORD.findall(text)


def test_words_of_real_articles_are_exactly_the_word_regex_matches():
    from analysis.reading.language import _WORD, _words

    folder = Path(__file__).parent / "data" / "news"
    texts = [path.read_text("utf-8") for path in sorted(folder.glob("*.txt"))]
    assert len(texts) >= 100
    for text in texts:
        assert _words(text) == _WORD.findall(text)
        assert _words(text.lower()) == _WORD.findall(text.lower())


@pytest.mark.slow  # an exhaustive equivalence check: the full run keeps it, the fast tier need not
@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
       .filter(lambda t: "İ" not in t and "Σ" not in t))
def test_chunks_lower_cased_one_by_one_give_the_lower_cased_sample_words(text):
    from analysis.reading.language import _LOWER_WORDS, _NON_LATIN_LETTER, _NON_LATIN_LETTERS, _WORD

    assert _LOWER_WORDS.of_chunks(text.split()) == _WORD.findall(text.lower())
    assert _NON_LATIN_LETTERS.of_chunks(text.split()) == _NON_LATIN_LETTER.findall(text)
    words = _WORD.findall(text.lower())
    assert _LOWER_WORDS.counts(text.split()) == (Counter(words), len(words))


def test_real_articles_lower_cased_chunk_by_chunk_give_the_lower_cased_words():
    from analysis.reading.language import _LOWER_WORDS, _NON_LATIN_LETTER, _NON_LATIN_LETTERS, _WORD

    folder = Path(__file__).parent / "data" / "news"
    texts = [path.read_text("utf-8") for path in sorted(folder.glob("*.txt"))]
    texts += ["Москва и Киев: переговоры продолжаются", "東京で会議が開かれた。 ソウル", "ΟΔΟΣ Αθηνών"]
    for text in texts:
        assert _NON_LATIN_LETTERS.of_chunks(text.split()) == _NON_LATIN_LETTER.findall(text)
        if "İ" not in text and "Σ" not in text:
            words = _WORD.findall(text.lower())
            assert _LOWER_WORDS.of_chunks(text.split()) == words
            for _ in range(2):  # chunks read afresh, then from the record
                assert _LOWER_WORDS.counts(text.split()) == (Counter(words), len(words))


def test_lower_case_keeps_every_space_a_space_and_every_other_character_not_one():
    """What lower-casing chunk by chunk relies on: the lower-cased text's chunks are the chunks lower-cased."""
    import sys

    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        lower = ch.lower()
        assert all(c.isspace() for c in lower) if ch.isspace() else not any(c.isspace() for c in lower), hex(code)


def test_chunk_matches_keep_at_most_their_limit_and_stay_right_after_starting_again():
    from analysis.reading.language import _WORD, ChunkMatches

    words = ChunkMatches(_WORD, limit=3)
    text = "one two, three (four) five-six one"
    assert words.findall(text) == _WORD.findall(text)
    assert len(words) <= 3
    assert words.findall(text + " seven") == _WORD.findall(text + " seven") and len(words) <= 3


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=60).filter(lambda t: "İ" not in t and "Σ" not in t))
def test_lower_casing_the_sample_first_gives_the_lower_cased_words(text):
    from analysis.reading.language import _WORD

    assert _WORD.findall(text.lower()) == [word.lower() for word in _WORD.findall(text)]


@pytest.mark.parametrize("text", ["ΟΔΟΣ'Α and the city of İstanbul is where the people of the town live",
                                  "İSTANBUL'DA BU YIL DA ÇOK SAYIDA TURİST VAR VE BU ÇOK İYİ"])
def test_the_two_letters_whose_lower_case_is_not_one_letter_read_word_by_word(text):
    from analysis.reading.language import _WORD, _language_by_stopwords

    assert detect_language(text) == _language_by_stopwords(_WORD.findall(text))
