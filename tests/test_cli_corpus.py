"""A small mixed input folder for the CLI and input tests, built in a temporary directory.

It holds what real scraped folders hold: HTML (UTF-8 and a legacy encoding), text dumps,
gzip files, a WARC archive (HTML responses, an image response, a request), a JSONL file
(with a broken line), an empty file, a binary file, and names with spaces and non-ASCII.
"""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

#: A small HTML article page (enough prose to be found as an article).
ARTICLE_HTML = (
    "<!DOCTYPE html><html><head><meta charset='{charset}'><title>{title}</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
    "<article><h1>{title}</h1><p>{body} The council met on Tuesday to discuss the new budget "
    "for the town centre, and members argued for more than three hours.</p>"
    "<p>The mayor said the plan would protect libraries and bus routes while keeping local "
    "taxes flat for a second year, a promise she made during the spring campaign.</p>"
    "<p>Opposition members called the figures optimistic and asked for an independent review "
    "of the housing costs before the final vote next month.</p>"
    "<p>Residents who attended the meeting said they were relieved that the swimming pool "
    "would stay open, although its opening hours will be shorter in winter.</p>"
    "</article><footer>© 2025 Example News. All rights reserved.</footer></body></html>"
)


def article_html(title: str = "Council approves budget", body: str = "Café owners waited.",
                 charset: str = "utf-8") -> bytes:
    """An HTML article page encoded in ``charset``."""
    return ARTICLE_HTML.format(title=title, body=body, charset=charset).encode(charset)


def sample_text(n: int = 0) -> bytes:
    """The bytes of the n-th text dump in ``samples/``."""
    return sorted(SAMPLES.glob("*.txt"))[n].read_bytes()


def warc_bytes(pages: list[tuple[str, bytes]], *, gzipped: bool = True) -> bytes:
    """A WARC file holding one response record per (url, html) page, plus an image
    response and a request record that must be skipped."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html),
                                                      http_headers=headers))
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://example.test/logo.png", "response",
                                                  payload=io.BytesIO(b"\x89PNG...."),
                                                  http_headers=image))
    request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.test")], is_http_request=True)
    writer.write_record(writer.create_warc_record("https://example.test/", "request",
                                                  payload=io.BytesIO(b""), http_headers=request))
    return buffer.getvalue()


def make_mixed(root: Path) -> dict[str, str]:
    """Build the mixed folder under ``root``; return {output name: expected status}."""
    files: dict[str, bytes] = {
        "html/page one.html": article_html(),
        "html/latin1.htm": article_html("Prüfung bestanden", "Große Freude in Köln.",
                                        charset="iso-8859-1"),
        "dumps/ünïcode dump.txt": sample_text(0),
        "dumps/zipped.txt.gz": gzip.compress(sample_text(1)),
        "dumps/sniffed": sample_text(2),
        "empty.txt": b"",
        "image.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        "crawl.warc.gz": warc_bytes([("https://example.test/a", article_html("First story")),
                                     ("https://example.test/b", article_html("Second story"))]),
        "feed.jsonl": (json.dumps({"id": "x1", "url": "https://example.test/j",
                                   "html": article_html("Json story").decode()}) + "\n"
                       + json.dumps({"id": 2, "text": sample_text(3).decode()}) + "\n"
                       + "{not json\n").encode(),
    }
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return {
        "html/page one.html": "ok",
        "html/latin1.htm": "ok",
        "dumps/ünïcode dump.txt": "ok",
        "dumps/zipped.txt.gz": "ok",
        "dumps/sniffed": "ok",
        "empty.txt": "empty",
        "image.png": "error",
        "feed.jsonl/000001": "ok",
        "feed.jsonl/000002": "ok",
        "feed.jsonl/000003": "error",
        "crawl.warc.gz/*": "ok",  # two records, named by their WARC-Record-ID
    }


def test_mixed_folder_builds(tmp_path: Path) -> None:
    expected = make_mixed(tmp_path)
    assert (tmp_path / "crawl.warc.gz").stat().st_size > 0
    assert expected["image.png"] == "error"
