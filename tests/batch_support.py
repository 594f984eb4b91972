"""Inputs for the batch tests: distinct articles made from the seed's body paragraphs, written as a table of
articles (JSON Lines with dates and sources), loose text files and a .zip, plus a few bad ones."""

from __future__ import annotations

import datetime as dt
import json
import random
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = next((ROOT / "seeds").glob("*.txt"))
SOURCES = ("Harbour Courier", "Valley Wire", "The Evening Ledger")


def articles(count: int, *, seed: int = 14) -> list[str]:
    """``count`` distinct article texts: a numbered headline over a sample of the seed's body paragraphs."""
    from analysis.reading.text import parse_article

    article = parse_article(SEED.read_text(encoding="utf-8"))
    body = [p.text for p in article.paragraphs if p.kind == "body"]
    rng = random.Random(seed)
    texts: list[str] = []
    seen: set[str] = set()
    while len(texts) < count:
        chosen = rng.sample(body, rng.randint(6, min(12, len(body))))
        text = f"Trial report number {len(texts) + 1} from the courthouse\n\n" + "\n\n".join(chosen)
        if text not in seen:
            seen.add(text)
            texts.append(text)
    return texts


def write_sources(folder: Path, texts: list[str], *, files: int = 0, zipped: int = 0, bad: bool = False,
                  seed: int = 14) -> dict[str, dict]:
    """Write ``texts``: the first ``files`` as .txt files in ``folder/files``, the next ``zipped`` in
    ``folder/bundle.zip``, the rest as rows of ``folder/table.jsonl`` (with published dates over 2023-2024,
    sources and urls). Returns {origin: row or None} for each good article, to rebuild it locally."""
    rng = random.Random(seed)
    made: dict[str, dict] = {}
    (folder / "files").mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts[:files]):
        path = folder / "files" / f"story-{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        made[str(path)] = {"file": path}
    rest = texts[files:]
    if zipped:
        with zipfile.ZipFile(folder / "bundle.zip", "w") as z:
            for i, text in enumerate(rest[:zipped]):
                z.writestr(f"stories/zipped-{i:03d}.txt", text)
                made[f"{folder / 'bundle.zip'}!stories/zipped-{i:03d}.txt"] = {"member": text,
                                                                               "name": f"zipped-{i:03d}.txt"}
            if bad:
                z.writestr("stories/blank.txt", "   \n")
                z.writestr("stories/noise.txt", bytes(range(256)) * 8)
        rest = rest[zipped:]
    with open(folder / "table.jsonl", "w", encoding="utf-8") as f:
        for i, text in enumerate(rest):
            day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 729))
            row = {"text": text, "published": day.isoformat(), "source": rng.choice(SOURCES),
                   "url": f"https://news.example/{i}", "title": f"Courthouse report {i}"}
            f.write(json.dumps(row) + "\n")
            made[f"row{i}"] = {"row": row}
        if bad:
            f.write(json.dumps({"text": "", "title": "nothing here"}) + "\n")
            f.write(json.dumps({"text": "\u0000\u0001\u0002\u0003" * 50}) + "\n")
            f.write("{not json at all\n")
    return made


def local_articles(made: dict[str, dict]):
    """The Articles the local path reads from what :func:`write_sources` wrote (the same readers)."""
    from analysis.batch.sources import row_article
    from analysis.reading.readers import load_article

    out = []
    for origin, how in made.items():
        if "file" in how:
            out.append(load_article(how["file"].read_bytes(), how["file"].name))
        elif "member" in how:
            out.append(load_article(how["member"].encode("utf-8"), how["name"]))
        else:
            out.append(row_article(how["row"], origin).article)
    return out
