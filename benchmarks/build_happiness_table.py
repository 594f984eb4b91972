"""Writes ``analysis/nlp/data/happiness.tsv``, the word table behind the news score's happiness feature.

    .venv/bin/python benchmarks/build_happiness_table.py [SOURCE]

The source is labMT 1.0 (Dodds, Harris, Kloumann, Bliss & Danforth 2011, "Temporal patterns of happiness and
information in a global social network", PLoS ONE 6(12): e26752, Data S1; published under the Creative Commons
Attribution licence): 10,222 of the most frequent English words of Twitter, Google Books, the New York Times and
song lyrics, each rated 1 (sad) .. 9 (happy) by 50 people. Only the words and their mean ratings are read; no
rated sentence of any set is used. SOURCE is the ``labMT1.txt`` file, the sdist of the ``labMTsimple`` package on
PyPI that carries it (``pip download --no-deps labMTsimple``), or a folder holding either; without SOURCE an
installed ``labMTsimple`` is looked for. Without any, the script says so and leaves the shipped table alone (the
product reads the shipped table only; this script is needed only to rebuild it).

Kept: words of letters (an apostrophe or hyphen inside allowed) whose mean rating is at least ``MARGIN`` from
the neutral 5, as ``word<TAB>rating - 5`` with two decimals (so -4 .. +4, like VADER's scale), except words
naming a group of people (:data:`IDENTITY_WORDS`).
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import re
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "analysis" / "nlp" / "data" / "happiness.tsv"
MARGIN = 0.5
NEUTRAL = 5.0
_WORD = re.compile(r"^[a-z]+(?:['-][a-z]+)*$")
#: Words naming a group of people by origin, nationality, faith, ethnicity, migration, politics, sexuality, gender
#: or caste get no valence in either table: people's ratings and vectors alike carry the contexts such words
#: appear in ("refugees" -1.94 and "americans" +1.50 in labMT; "refugee" near "crisis" in GloVe), and a text must
#: not read better or worse for naming a people. (Capitalised inside a sentence, words are skipped anyway.)
IDENTITY_WORDS = frozenset("""
    aboriginal aboriginals albanians aliens animist arabian arian armenians atheist atheistic atheists baptist
    baptists bengali bohemian cambodians caste castes catalan celtic chadians cistercian coloured croats deportees
    emigrants faroese finnish foreigner foreigners gaelic ghanaian gypsies gypsy hawaiian hellenic hessian
    hindustani homosexual homosexuality homosexuals illegals immigrant immigrants indigenous infidels jamaican
    kuwaitis leftist leftists lutheran macedonians malay malaysian maoist methodist migrant migrants moravian
    namibians nepali nordic northerners norwegian nubian omani pentecostal polynesian portuguese qatari qataris
    refugee refugees rwandans scottish semitic serbians shiite sinhalese sufi swedish tahitian taiwanese tajiks
    tibetan undocumented uzbek uzbeks vedic welsh westerners yiddish zairean zionist
    african american americans arab arabs asian australian black brazilian british canadian chinese christian
    christians cuban democrat democrats dutch egyptian english european french gay germans greek hindu indian
    indians iranian iraqi irish italian japanese jew jewish jews man men muslim muslims negro nigga palestinians
    polish republican republicans russian spanish swiss thai turkish white woman women
    afghans algerians amerindian balkan czech disabilities disabled handicapped haitians hibernian hindi kosovars
    maori rwandan scandinavian scots seniors tribesmen yemenis youngsters zimbabweans
    alaskan angolans apostates argentinians austronesian canarian columbian cornish heretics humanists infidel
    islamist kenyan lesbianism libyans manx micronesian moroccans nonbelievers tanzanians texan tunisians
    unbelievers
    bedouin bisexual blacks boys communists conservatives elderly expatriates expats females feminist feminists gays
    gentlemen girls ladies lesbian lesbians liberals males marxist mormon mormons natives nomads pagan pagans
    pensioners queer sikh sikhs socialists teens transgender turks whites
""".split())
HEADER = """\
# Word happiness for Storyscope's news score: word<TAB>mean rating - 5 (people's 1..9 scale, so -4 .. +4).
# From labMT 1.0: Dodds, Harris, Kloumann, Bliss & Danforth (2011), PLoS ONE 6(12): e26752, Data S1,
# Creative Commons Attribution licence (CC BY). Words of letters rated at least 0.5 from neutral, none naming
# a group of people.
# Made by benchmarks/build_happiness_table.py; do not edit by hand.
"""


def find_source(given: Path | None) -> Path | None:
    """The labMT file or the labMTsimple sdist to read: ``given`` (a file or a folder), else an installed package."""
    candidates: list[Path] = []
    if given is not None:
        candidates = [given] if given.is_file() else sorted(given.rglob("labMT1.txt")) + sorted(
            given.glob("labMTsimple-*.tar.gz"))
    else:
        spec = importlib.util.find_spec("labMTsimple")
        if spec is not None and spec.submodule_search_locations:
            folder = Path(list(spec.submodule_search_locations)[0])
            candidates = sorted(folder.rglob("labMT1.txt"))
    return candidates[0] if candidates else None


def read_labmt(source: Path) -> str:
    """The text of ``labMT1.txt``, from the file itself or from inside the labMTsimple sdist."""
    if source.name.endswith(".tar.gz"):
        with tarfile.open(source) as archive:
            member = next(m for m in archive.getmembers() if m.name.endswith("/LabMT/labMT1.txt"))
            return io.TextIOWrapper(archive.extractfile(member), encoding="utf-8").read()
    return source.read_text(encoding="utf-8")


def happiness_rows(labmt: str) -> list[tuple[str, float]]:
    """(word, rating - 5) for each kept word of labMT's table (columns: word, rank, happs, ...), in its order."""
    rows = []
    for line in labmt.splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        word, value = parts[0].strip().lower(), round(float(parts[2]) - NEUTRAL, 2)
        if _WORD.match(word) and abs(value) >= MARGIN and word not in IDENTITY_WORDS:
            rows.append((word, value))
    return rows


def table_text(labmt: str) -> str:
    """The file ``happiness.tsv`` as this script writes it."""
    return HEADER + "".join(f"{word}\t{value:.2f}\n" for word, value in happiness_rows(labmt))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=None)
    args = parser.parse_args()
    source = find_source(args.source)
    if source is None:
        print("Skipped: no labMT 1.0 source found. Pass labMT1.txt or the labMTsimple sdist "
              "(pip download --no-deps labMTsimple); the shipped table is left as it is.")
        return
    text = table_text(read_labmt(source))
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"{text.count(chr(10)) - HEADER.count(chr(10)):,} words from {source} written to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
