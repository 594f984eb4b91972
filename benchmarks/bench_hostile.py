"""Hostile and odd inputs (issue 12): how long each takes and how much memory it needs. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_hostile.py [--code DIR] [--timeout 120] [--only NAME ...]

Every input is built once in a temporary folder; each case then runs in its own child process (so its peak
memory is its own: the child's ``ru_maxrss`` from ``wait4``, also when it had to be killed at the timeout).
``--code DIR`` runs the cases against another checkout (e.g. an export of ``main`` to measure "before").
Children run with a 6 GB address-space limit so a runaway case cannot take the machine down.

Cases (what the user does with each file):

- ``pdf-lines-N``: read a PDF of N pages x 45 lines (the line-gap median);
- ``pdf-100mb-text``: read a small PDF whose compressed pages inflate to ~100 MB of text;
- ``docx-95mb-xml``: read a ~10 MB .docx whose document.xml is ~95 MB;
- ``docx-liar``: read a ~1 MB .docx whose document.xml declares 10 KB but inflates to 1 GB;
- ``words-2.5m``, ``words-1.9m``: read and analyse a plain-text article of 2.5 / 1.9 million words (the
  second is just under the word limit: the largest article accepted, for peak memory);
- ``html-19mb``: read a 19 MB HTML page (the largest the upload limit takes);
- ``cli-sparse-1gb``, ``cli-fifo``, ``cli-devzero``: ``python -m analysis analyze`` on a 1 GB sparse file, a
  FIFO nobody writes to and a symlink to /dev/zero.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_WORDS = ("harbour ferry council budget storm pier island morning crossing divers timetable report mayor "
          "street river bridge school market station winter summer village election minister court").split()


# --- inputs ----------------------------------------------------------------------------------------------


def _line(rng: random.Random, words: int = 11) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


def raw_pdf(page_streams: list[bytes], *, compress: bool = False) -> bytes:
    """A minimal PDF (Helvetica) whose pages have the given content streams."""
    objects: list[bytes] = []
    n_pages = len(page_streams)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, stream in enumerate(page_streams):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {5 + 2 * i} 0 R >>".encode()
        )
        body = zlib.compress(stream, 9) if compress else stream
        extra = b" /Filter /FlateDecode" if compress else b""
        objects.append(b"<< /Length %d%s >>\nstream\n" % (len(body), extra) + body + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def page_stream(lines: list[str]) -> bytes:
    ops = ["BT /F1 11 Tf 14 TL 72 740 Td"] + [f"({line}) Tj T*" for line in lines] + ["ET"]
    return "\n".join(ops).encode("latin-1")


def pdf_with_lines(pages: int, lines: int = 45, *, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    return raw_pdf([page_stream([_line(rng) for _ in range(lines)]) for _ in range(pages)])


def pdf_with_inflated_text(megabytes: int) -> bytes:
    """A few compressed pages that inflate to ``megabytes`` MB of text operators in all."""
    rng = random.Random(3)
    block = page_stream([_line(rng) for _ in range(2000)])
    per_page = block * max(1, (megabytes * 1024 * 1024) // (len(block) * 10))
    return raw_pdf([per_page] * 10, compress=True)


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_xml_chunks(megabytes: float, *, seed: int = 2):
    """document.xml of about ``megabytes`` MB: paragraphs of a few runs each, yielded in pieces."""
    rng = random.Random(seed)
    yield f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>'.encode()
    size, target = 0, megabytes * 1024 * 1024
    while size < target:
        paragraph = "<w:p>" + "".join(
            f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{_line(rng, 6)} </w:t></w:r>' for _ in range(4)
        ) + "</w:p>"
        chunk = paragraph.encode() * 1
        size += len(chunk)
        yield chunk
    yield b"</w:body></w:document>"


def docx_file(path: Path, chunks) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for chunk in chunks:
                member.write(chunk)


def lying_docx(path: Path, inflated: int, declared: int) -> None:
    """A .docx whose document.xml inflates to ``inflated`` bytes but declares ``declared`` in its headers."""
    head = f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>'.encode()
    docx_file(path, [head] + [b" " * (1024 * 1024)] * (inflated // (1024 * 1024)))
    data = bytearray(path.read_bytes())
    for signature, size_offset, name_offset, length_offset in ((b"PK\x03\x04", 22, 30, 26),
                                                               (b"PK\x01\x02", 24, 46, 28)):
        at = 0
        while (at := data.find(signature, at)) != -1:
            length = int.from_bytes(data[at + length_offset: at + length_offset + 2], "little")
            if bytes(data[at + name_offset: at + name_offset + length]) == b"word/document.xml":
                data[at + size_offset: at + size_offset + 4] = declared.to_bytes(4, "little")
                extra_at = at + name_offset + length
                extra_len = int.from_bytes(data[at + length_offset + 2: at + length_offset + 4], "little")
                # zip64 extra field: drop it by renaming its id (its sizes would override the declared one)
                if extra_len:
                    data[extra_at: extra_at + 2] = b"\xff\xfe"
            at += 4
    path.write_bytes(bytes(data))


def long_text(words: int) -> str:
    rng = random.Random(4)
    paragraphs, count = ["A Very Long Report"], 0
    while count < words:
        paragraph = " ".join(_line(rng) for _ in range(8))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(paragraphs) + "\n"


def build_inputs(folder: Path, names: set[str]) -> dict[str, Path]:
    paths: dict[str, Path] = {}

    def want(name: str) -> bool:
        return not names or name in names

    for pages in (500, 1000, 2000):
        if want(f"pdf-lines-{pages}"):
            paths[f"pdf-lines-{pages}"] = folder / f"lines-{pages}.pdf"
            paths[f"pdf-lines-{pages}"].write_bytes(pdf_with_lines(pages))
    if want("pdf-100mb-text"):
        paths["pdf-100mb-text"] = folder / "inflated.pdf"
        paths["pdf-100mb-text"].write_bytes(pdf_with_inflated_text(100))
    if want("docx-95mb-xml"):
        paths["docx-95mb-xml"] = folder / "big-xml.docx"
        docx_file(paths["docx-95mb-xml"], docx_xml_chunks(95))
    if want("docx-liar"):
        paths["docx-liar"] = folder / "liar.docx"
        lying_docx(paths["docx-liar"], 1024 * 1024 * 1024, 10 * 1024)
    if want("words-2.5m"):
        paths["words-2.5m"] = folder / "long.txt"
        paths["words-2.5m"].write_text(long_text(2_500_000), encoding="utf-8")
    if want("words-1.9m"):
        paths["words-1.9m"] = folder / "longest-accepted.txt"
        paths["words-1.9m"].write_text(long_text(1_900_000), encoding="utf-8")
    if want("html-19mb"):
        paths["html-19mb"] = folder / "page.html"
        rng = random.Random(5)
        body = "".join(f"<p>{' '.join(_line(rng) for _ in range(6))}</p>\n" for _ in range(40_000))
        paths["html-19mb"].write_text(f"<html><head><title>Long page</title></head><body><article>{body}"
                                      "</article></body></html>", encoding="utf-8")
    if want("cli-sparse-1gb"):
        paths["cli-sparse-1gb"] = folder / "sparse.txt"
        with open(paths["cli-sparse-1gb"], "wb") as file:
            file.truncate(1024 * 1024 * 1024)
    if want("cli-fifo"):
        paths["cli-fifo"] = folder / "pipe.txt"
        os.mkfifo(paths["cli-fifo"])
    if want("cli-devzero"):
        paths["cli-devzero"] = folder / "zero.txt"
        os.symlink("/dev/zero", paths["cli-devzero"])
    return paths


# --- running one case ------------------------------------------------------------------------------------

_CHILD = r"""
import sys, time
sys.path.insert(0, {code!r})
name, path = {name!r}, {path!r}
from analysis.errors import StoryscopeError
from analysis.reading.readers import read_document, load_article
if name.startswith("cli-"):
    from analysis.cli import main
    run = lambda: main(["analyze", path, "--format", "json"])
elif name.startswith("words-"):
    from analysis.pipeline import analyze
    data = open(path, "rb").read()
    run = lambda: analyze(load_article(data, path))
else:
    data = open(path, "rb").read()
    run = lambda: read_document(data, path)
start = time.perf_counter()
try:
    result = run()
    outcome = "ok" if not isinstance(result, int) else f"exit {{result}}"
except StoryscopeError as err:
    outcome = "refused: " + str(err).split(": ", 1)[-1]
except BaseException as err:
    outcome = f"{{type(err).__name__}}: {{err}}"
print(f"@@ {{time.perf_counter() - start:.2f}} " + " ".join(outcome.split())[:110], flush=True)
"""


def run_case(name: str, path: Path, code: str, timeout: float) -> tuple[str, str, str]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (6 * 1024 ** 3, 6 * 1024 ** 3))

    env = {**os.environ, "PYTHONPATH": code}
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD.format(code=code, name=name, path=str(path))],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, preexec_fn=limit, cwd=code,
    )
    start = time.perf_counter()
    timer = threading.Timer(timeout, lambda: os.kill(child.pid, signal.SIGKILL))
    timer.start()
    out = child.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(child.pid, 0)
    timer.cancel()
    child.returncode = 0
    elapsed = time.perf_counter() - start
    peak = f"{usage.ru_maxrss / 1024:.0f} MB"
    line = next((ln for ln in out.splitlines() if ln.startswith("@@ ")), None)
    if line is None:
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        return (f"> {timeout:.0f} s (killed)" if killed else f"{elapsed:.1f} s", peak,
                "still running at the timeout" if killed else f"child died (status {status})")
    _, seconds, outcome = line.split(" ", 2)
    return f"{float(seconds):.1f} s", peak, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", default=str(ROOT), help="checkout whose analysis package to measure")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a case is killed")
    parser.add_argument("--only", nargs="*", default=[], help="case names to run (default: all)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = build_inputs(Path(tmp), set(args.only))
        print(f"code: {args.code}")
        print(f"{'case':16} {'file':>9} {'time':>18} {'peak RSS':>9}  outcome")
        for name, path in paths.items():
            size = path.stat().st_size if path.is_file() and not path.is_symlink() else 0
            seconds, peak, outcome = run_case(name, path, str(Path(args.code).resolve()), args.timeout)
            shown = f"{size / 1024 / 1024:.1f} MB" if size else "-"
            print(f"{name:16} {shown:>9} {seconds:>18} {peak:>9}  {outcome}", flush=True)


if __name__ == "__main__":
    main()
