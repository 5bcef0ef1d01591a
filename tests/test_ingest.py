"""Inputs: folders with globs, JSONL/CSV (plain and gzip), HTML, stdin, page furniture."""

from __future__ import annotations

import gzip
import io
import json
import sys

import pytest

from kg.errors import InputError
from kg.ingest import clean_text, count_documents, glob_regex, read_inputs

from .conftest import shared_path

PAGE = """<!doctype html>
<html><head><title>Talks in Oslo | Example Gazette</title>
<meta name="date" content="2024-03-05">
<link rel="canonical" href="https://news.example.org/world/oslo-talks"></head>
<body><nav>Home | World | Sport</nav>
<article><h1>Talks in Oslo</h1>
<p>Norway hosted negotiators from both parties in Oslo on Tuesday for a third round of talks.</p>
<p>The foreign minister of Norway praised both delegations for their patience, officials said.</p>
</article><footer>Scroll to Top</footer></body></html>
"""


@pytest.fixture
def trafilatura():
    return pytest.importorskip("trafilatura", reason="the optional extra kg[html] is not installed")


def ids(docs):
    return [d.id for d in docs]


@pytest.fixture
def tree(tmp_path):
    """A small corpus folder: text, Markdown, HTML, CSV, gzip, a hidden folder and a stray file."""
    root = tmp_path / "corpus"
    (root / "2024" / "03").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a.txt").write_text("Germany criticized Russia over the attack.\n")
    (root / "2024" / "b.md").write_text("# Note\n\nFrance praised Italy for its support.\n")
    (root / "2024" / "03" / "index.html").write_text(PAGE)
    with gzip.open(root / "2024" / "03" / "c.txt.gz", "wt") as fh:
        fh.write("Japan condemned the missile launch.\n")
    (root / ".git" / "config.txt").write_text("not an article\n")
    (root / "notes.bin").write_bytes(b"\x00\x01\x02")
    return root


def test_folder_is_walked_recursively_in_a_stable_order_skipping_hidden_and_unknown_files(tree, trafilatura):
    docs = list(read_inputs([tree]))
    assert ids(docs) == ["a", "2024/b", "2024/03/c", "2024/03/index"]
    assert list(read_inputs([tree])) == docs


@pytest.mark.parametrize(("pattern", "expected"), [
    ("*.md", ["2024/b"]),
    ("*.txt*", ["a", "2024/03/c"]),
    ("2024/*.md", ["2024/b"]),
    ("2024/*", ["2024/b"]),  # * stays inside one folder
    ("2024/**/*.html", ["2024/03/index"]),
    ("**/c.txt.gz", ["2024/03/c"]),
    ("[ab].*", ["a", "2024/b"]),
])
def test_glob_narrows_the_folder(tree, pattern, expected, trafilatura):
    assert ids(read_inputs([tree], glob=pattern)) == expected


def test_glob_reads_an_unknown_suffix_as_text_and_names_a_binary_match(tree):
    (tree / "memo.article").write_text("Canada welcomed the agreement.\n")
    assert ids(read_inputs([tree], glob="*.article")) == ["memo"]
    with pytest.raises(InputError, match=r"notes\.bin.*binary.*--glob"):
        list(read_inputs([tree], glob="*.bin"))


def test_glob_matching_nothing_says_so(tree):
    with pytest.raises(InputError, match=r"no file matching '\*\.pdf'"):
        list(read_inputs([tree], glob="*.pdf"))


def test_glob_regex_edge_cases():
    assert glob_regex("*.txt").match("x.txt") and glob_regex("*.txt").match("a/b/x.txt")
    assert not glob_regex("a/*.txt").match("a/b/x.txt")
    assert glob_regex("a/**").match("a/b/x.txt")
    assert glob_regex("[!x]*.md").match("y.md") and not glob_regex("[!x]*.md").match("x.md")
    assert not glob_regex("*.txt").match("x.txt.bak")


def test_html_page_keeps_main_text_title_date_and_url(tree, trafilatura):
    doc = next(read_inputs([tree / "2024" / "03" / "index.html"]))
    assert doc.id == "index"
    assert doc.title == "Talks in Oslo"
    assert doc.date == "2024-03-05"
    assert doc.url == "https://news.example.org/world/oslo-talks"
    assert "third round of talks" in doc.text
    assert "Home | World" not in doc.text and "Scroll to Top" not in doc.text


def test_html_without_trafilatura_says_how_to_install(tree, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # makes `import trafilatura` fail
    with pytest.raises(InputError, match=r"index\.html: reading HTML needs trafilatura.*kg\[html\]"):
        list(read_inputs([tree / "2024" / "03" / "index.html"]))


def test_html_page_without_article_text(tmp_path, trafilatura):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>Empty</title></head><body><script>var x = 1;</script></body></html>")
    with pytest.raises(InputError, match=r"empty\.html: no main text"):
        list(read_inputs([page]))


def test_jsonl_record_may_carry_html_instead_of_text(tmp_path, trafilatura):
    corpus = tmp_path / "pages.jsonl"
    corpus.write_text(json.dumps({"id": "p1", "html": PAGE, "url": "https://mirror.example.net/p1"}) + "\n")
    doc = next(read_inputs([corpus]))
    assert doc.url == "https://mirror.example.net/p1"  # the record wins over the page
    assert doc.title == "Talks in Oslo" and "Norway hosted" in doc.text


def _records():
    return [
        {"id": "r1", "title": "Visit", "date": "2024-01-02", "url": "https://example.org/r1",
         "text": "Canada welcomed the agreement.\nOfficials said so, \"twice\", on Monday."},
        {"id": "r2", "date": "20240103", "text": "China criticized Japan over the plan."},
        {"id": "r3", "date": "2024-01-04T09:30:00Z", "text": "Kenya hosted the summit."},
    ]


@pytest.mark.parametrize("name", ["c.jsonl", "c.jsonl.gz", "c.csv", "c.csv.gz", "c.tsv", "c.tsv.gz"])
def test_corpora_plain_and_gzip(tmp_path, name):
    import csv

    path = tmp_path / name
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8", newline="") as fh:
        if ".jsonl" in name:
            for r in _records():
                fh.write(json.dumps(r) + "\n")
        else:
            w = csv.DictWriter(fh, ["id", "title", "date", "url", "text"], delimiter="\t" if ".tsv" in name else ",")
            w.writeheader()
            w.writerows(_records())
    docs = list(read_inputs([path]))
    assert ids(docs) == ["r1", "r2", "r3"]
    assert [d.date for d in docs] == ["2024-01-02", "2024-01-03", "2024-01-04"]
    assert docs[0].title == "Visit" and docs[0].url == "https://example.org/r1"
    assert docs[0].text == _records()[0]["text"]
    assert docs[1].title is None and docs[1].url is None


def test_csv_errors_name_the_file_and_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,body\n1,Some text\n")
    with pytest.raises(InputError, match=r"bad\.csv:1: the header \['id', 'body'\] has no 'text' column"):
        list(read_inputs([bad]))
    # A quoted line break inside the first record: the second record starts on line 4.
    bad.write_text('id,date,text\na,2024-01-01,"one\ntwo"\nb,yesterday,three\n')
    with pytest.raises(InputError, match=r"bad\.csv:4: 'date' must be YYYY-MM-DD, got 'yesterday'"):
        list(read_inputs([bad]))
    bad.write_text("id,text\na,one,extra\n")
    with pytest.raises(InputError, match=r"bad\.csv:2: the row has 3 fields but the header has 2"):
        list(read_inputs([bad]))


def test_csv_cells_longer_than_the_csv_default_limit(tmp_path):
    path = tmp_path / "long.csv"
    long_text = "Canada welcomed the agreement. " * 6000  # ~190 kB, over csv's 128 kB default
    path.write_text("id,text\nlong," + long_text + "\n")
    assert next(read_inputs([path])).text == long_text


def test_damaged_gzip_names_the_file(tmp_path):
    path = tmp_path / "c.jsonl.gz"
    data = gzip.compress(b'{"id": "a", "text": "Canada welcomed it."}\n' * 200)
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match=r"c\.jsonl\.gz: the compressed file is damaged or truncated"):
        list(read_inputs([path]))


def test_duplicate_ids_across_inputs(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(json.dumps({"id": "x", "text": "Kenya hosted it."}) + "\n")
    b.write_text(json.dumps({"id": "y", "text": "Peru hosted it."}) + "\n" +
                 json.dumps({"id": "x", "text": "Chile hosted it."}) + "\n")
    with pytest.raises(InputError, match=r"b\.jsonl:2: duplicate document id 'x' \(also in .*a\.jsonl\)"):
        list(read_inputs([a, b]))


class _Stdin:
    def __init__(self, data: bytes):
        self.buffer = io.BufferedReader(io.BytesIO(data))


def test_stdin_jsonl_streams_and_stdin_html_is_a_page(monkeypatch, trafilatura):
    lines = b"\n" + b"".join(json.dumps({"id": f"s{i}", "text": "Peru hosted it."}).encode() + b"\n"
                             for i in range(3))
    monkeypatch.setattr(sys, "stdin", _Stdin(lines))
    assert ids(read_inputs(["-"])) == ["s0", "s1", "s2"]
    monkeypatch.setattr(sys, "stdin", _Stdin(PAGE.encode()))
    doc = next(read_inputs(["-"]))
    assert doc.id == "stdin" and doc.title == "Talks in Oslo"
    monkeypatch.setattr(sys, "stdin", _Stdin(b"Listen to this article\nKenya hosted the summit.\n"))
    doc = next(read_inputs(["-"]))
    assert doc.text.strip() == "Kenya hosted the summit."


def test_reading_is_lazy(tmp_path):
    """The first document comes out before a bad line further down is even read."""
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "Kenya hosted it."}) + "\n{broken\n")
    docs = read_inputs([corpus])
    assert next(docs).id == "a"
    with pytest.raises(InputError, match=r"c\.jsonl:2: malformed JSON"):
        next(docs)


def test_count_documents_estimates_for_the_progress_bar(tree, tmp_path):
    corpus = tmp_path / "c.jsonl.gz"
    with gzip.open(corpus, "wt") as fh:
        for i in range(25):
            fh.write(json.dumps({"id": str(i), "text": "Kenya hosted it."}) + "\n")
    assert count_documents([tree, corpus]) == 4 + 25
    assert count_documents([tree], glob="*.md") == 1
    assert count_documents(["-"]) is None


FURNITURE = [
    "Listen to this article",
    "Listen to this article · 4 min",
    "image 3f2a9c1e 77b0 4d2e a1c5 0c9e5b7d1f20.webp",
    "photo_2024_summit.JPG",
    "![map of the region](map.png)",
    "Scroll to Top",
    "Back to top",
    "Share this article",
    "Share on Facebook",
    "Advertisement",
    "Read more:",
    "© 2024 Example Gazette. All rights reserved.",
    "Sign up for our newsletter and get the news first",
]
KEPT = [
    "He asked reporters to listen to this article of the treaty before voting.",
    "The photo showed the two leaders shaking hands.",
    "Scroll to top of the page, the minister joked, was not a policy.",
    "Advertisement spending fell by a third in 2023.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_lines_are_blanked(line):
    text = f"Kenya hosted the summit.\n{line}\nPeru sent a delegation.\n"
    cleaned = clean_text(text)
    assert len(cleaned) == len(text)
    assert line not in cleaned
    assert cleaned.index("Peru sent") == text.index("Peru sent")


@pytest.mark.parametrize("line", KEPT)
def test_sentences_about_furniture_words_are_kept(line):
    assert clean_text(line) == line


@pytest.mark.parametrize("name, content", [
    ("share.txt", "X\n"),
    ("furniture.txt", "Listen to this article\nScroll to Top\n"),
    ("corpus.jsonl", '{"id": "a", "text": "Advertisement"}\n'),
])
def test_a_text_of_page_furniture_only_is_refused_naming_it(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=rf"{name}.*only page furniture"):
        list(read_inputs([path]))


def test_lee_beijing_page_furniture_goes(tmp_path):
    path = shared_path("corpus", "lee-beijing.txt")
    doc = next(read_inputs([path]))
    raw = path.read_text(encoding="utf-8")
    assert len(doc.text) == len(raw.replace("\r\n", "\n"))
    for furniture in ("Listen to this article", "Scroll to Top", ".webp"):
        assert furniture in raw and furniture not in doc.text
    assert "Xi Jinping" in doc.text
