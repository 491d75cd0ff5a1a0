"""The benchmark runner, cache and report on a tiny synthetic corpus (no real corpus needed)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from benchmarks.cache import PeerCache
from benchmarks.corpus import iter_pages
from benchmarks.report import render
from benchmarks.run import results_path, run_one, worst_pages
from benchmarks.systems import SYSTEMS, Prediction, wrap_lines

STORY = " ".join(f"Sentence {i} of the story tells what happened in town today." for i in range(8))
DUMP = f"Home | News | Sport\n\nThe Headline\n\n{STORY}\n\nMost Read\n\nShare this\n"
HTML = f"<html><head><title>The Headline</title></head><body><p>{STORY}</p></body></html>"


def _write_corpus(root: Path) -> None:
    (root / "load.py").write_text(
        "def decode_dump(data):\n    return data.decode('utf-8', 'replace')\n", encoding="utf-8"
    )
    folder = root / "wcxb-dev"
    for sub in ("html", "dumps/w3m"):
        (folder / sub).mkdir(parents=True)
    records = []
    for i, page_type in enumerate(["article", "article", "forum"]):
        pid = f"000{i}"
        records.append({
            "id": pid, "url": f"https://example.org/{pid}", "page_type": page_type,
            "title": "The Headline", "author": None, "date": None, "site_name": None,
            "body": STORY if i != 1 else "Completely different gold text about nothing here.",
            "with": ["Sentence 1 of the story"], "without": ["Most Read"],
        })
        (folder / "html" / f"{pid}.html.gz").write_bytes(gzip.compress(HTML.encode()))
        (folder / "dumps/w3m" / f"{pid}.txt.gz").write_bytes(gzip.compress(DUMP.encode()))
    with gzip.open(folder / "gold.jsonl.gz", "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in records)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    _write_corpus(tmp_path)
    return tmp_path


def test_iter_pages_selects_by_type_and_id(corpus: Path) -> None:
    assert [p.id for p in iter_pages("wcxb-dev", "w3m", root=corpus)] == ["0000", "0001", "0002"]
    assert [p.id for p in iter_pages("wcxb-dev", "w3m", root=corpus, page_type="other")] == [
        "0002"
    ]
    (page,) = iter_pages("wcxb-dev", "w3m", root=corpus, ids={"0001"})
    assert page.dump == DUMP and page.html == HTML.encode()


def test_run_one_scores_systems_and_groups(corpus: Path) -> None:
    systems = (SYSTEMS["cleaner"], SYSTEMS["raw"])
    result, per_page = run_one("wcxb-dev", "w3m", systems, jobs=1, use_cache=False,
                               speed_sample=0, root=corpus)
    raw = result["systems"]["raw"]["groups"]
    assert set(raw) == {"all", "article", "other", "type:forum"}
    assert raw["article"]["pages"] == 2 and raw["other"]["pages"] == 1
    # the raw dump keeps every snippet: all 'with' found, all 'without' found
    assert raw["all"]["snippet_r"] == 1.0 and raw["all"]["snippet_p"] == 0.5
    # page 0001's gold shares no word with the dump
    assert per_page["raw"][1].word is not None and per_page["raw"][1].word.f1 == 0.0
    assert [row["id"] for row in result["cleaner_pages"]] == ["0000", "0001", "0002"]
    assert worst_pages(per_page["raw"], 1).splitlines()[2].startswith("0001")
    md = render({("wcxb-dev", "w3m"): result})
    assert "### wcxb-dev / w3m" in md and "Other page types (1" in md


def test_results_path_keeps_partial_runs_apart(tmp_path: Path) -> None:
    assert results_path(tmp_path, "wcxb-dev", "w3m", None, None).name == "wcxb-dev-w3m.json"
    assert results_path(tmp_path, "wcxb-dev", "w3m", "article", 50).name == (
        "partial-wcxb-dev-w3m-article-limit50.json"
    )


def test_peer_cache_round_trip_and_torn_line(tmp_path: Path) -> None:
    system = SYSTEMS["justext"]
    cache = PeerCache(system, "wcxb-dev", "html", root=tmp_path)
    cache.put("0001", Prediction(text="body", title="T"))
    with cache.path.open("a", encoding="utf-8") as f:
        f.write('{"id": "0002", "predic')          # an interrupted write
    again = PeerCache(system, "wcxb-dev", "html", root=tmp_path)
    assert again.get("0001") == Prediction(text="body", title="T")
    assert again.get("0002") is None
    other_version = PeerCache(SYSTEMS["trafilatura"], "wcxb-dev", "html", root=tmp_path)
    assert other_version.get("0001") is None


def test_wrapped_dump_is_escaped_html() -> None:
    assert "<p>a &lt;b&gt; &amp; c</p>" in wrap_lines("a <b> & c\n\n")
