"""RSS and Atom feeds: one article per entry with full text, teasers and broken feeds refused."""

from __future__ import annotations

from html import escape
from pathlib import Path

from newsgraph.ingest import Rejected, read_sources
from newsgraph.ingest.sources import read_bytes, sniff_kind
from newsgraph.model import Article
from newsgraph.settings import Settings

PROSE = (
    "The regional security force began night patrols along the coast on Monday, officials said. "
    "The defence minister told reporters that the mission would add two more ships before the "
    "end of the year and that the government had asked its neighbours for help with fuel."
)
SECOND = "Fishermen in the port welcomed the patrols but said fuel prices were still too high."

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Coast Wire</title>
  <item>
    <title>Night patrols begin</title>
    <link>https://example.org/patrols</link>
    <pubDate>Tue, 06 May 2025 23:20:00 GMT</pubDate>
    <category>Security</category>
    <dc:creator>Ana Ruiz</dc:creator>
    <description>Patrols begin.</description>
    <content:encoded><![CDATA[<p>{PROSE}</p><p>{SECOND}</p>]]></content:encoded>
  </item>
  <item>
    <title>Ships on the way</title>
    <link>https://example.org/ships</link>
    <description>Two more ships are on the way.</description>
  </item>
</channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Island Ledger</title>
  <entry>
    <title>Night patrols begin</title>
    <link href="https://example.org/atom-patrols"/>
    <id>urn:uuid:1</id>
    <updated>2025-05-08T10:00:00Z</updated>
    <author><name>Lee Chen</name></author>
    <content type="html">{escape(f"<p>{PROSE}</p><p>{SECOND}</p>")}</content>
  </entry>
</feed>
"""


def _read(data: str, settings: Settings, kind: str | None = "feed") -> list[Article | Rejected]:
    return list(read_bytes(data.encode("utf-8"), "f.rss", settings, kind))


def test_rss_entry_with_full_content_is_an_article_with_its_metadata(settings: Settings) -> None:
    article, teaser = _read(RSS, settings)
    assert isinstance(article, Article)
    assert article.text == f"{PROSE}\n\n{SECOND}"
    got = (article.title, article.section, article.source, article.published, article.url)
    assert got == ("Night patrols begin", "Security", "Coast Wire", "2025-05-06",
                   "https://example.org/patrols")  # fmt: skip
    assert (article.author, article.origin, article.input_kind) == ("Ana Ruiz", "f.rss#1", "feed")
    assert isinstance(teaser, Rejected) and teaser.origin == "f.rss#2"
    assert "only a summary" in teaser.reason and "min_words" in teaser.reason


def test_atom_entry_is_read_the_same_way(settings: Settings) -> None:
    (article,) = _read(ATOM, settings)
    assert isinstance(article, Article)
    assert article.text == f"{PROSE}\n\n{SECOND}"
    assert (article.source, article.published, article.author) == (
        "Island Ledger",
        "2025-05-08",
        "Lee Chen",
    )


def test_feeds_are_recognised_from_their_content(settings: Settings) -> None:
    assert sniff_kind(RSS) == "feed"
    assert sniff_kind(ATOM, "text") == "feed"
    assert sniff_kind("<html><head><title>x</title></head><body><p>a</p></body></html>") == "html"
    kinds = [type(item).__name__ for item in _read(ATOM, settings, kind=None)]
    assert kinds == ["Article"]


def test_a_broken_or_empty_feed_is_one_rejection_with_its_reason(
    tmp_path: Path, settings: Settings
) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<?xml version='1.0'?><rss><channel><title>x</title>", encoding="utf-8")
    (item,) = list(read_sources([str(broken)], settings))
    assert isinstance(item, Rejected)
    assert item.reason.startswith("not an RSS or Atom feed with entries")


def test_a_feed_file_in_a_folder_is_read_with_the_others(
    tmp_path: Path, settings: Settings
) -> None:
    (tmp_path / "wire.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "story.txt").write_text(f"Patrols begin\n\n{PROSE}", encoding="utf-8")
    origins = [item.origin for item in read_sources([str(tmp_path)], settings)]
    assert origins == [str(tmp_path / "story.txt"), f"{tmp_path / 'wire.rss'}#1",
                       f"{tmp_path / 'wire.rss'}#2"]  # fmt: skip
