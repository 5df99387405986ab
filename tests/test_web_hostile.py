"""Hostile requests to the write API: 4xx or a per-line rejection, never a 500 or a crash."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import HTTPException
from fastapi.testclient import TestClient
from starlette.requests import Request

from newsgraph.ingest.jsontext import MAX_JSON_DEPTH as MAX_DEPTH
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings
from newsgraph.web.api import read_body
from newsgraph.web.app import create_app
from newsgraph.web.ingest import bounded_json
from test_ui_browser import serving
from test_web_api import ARTICLE_TEXT, TOKEN, WITH_TOKEN, build_store

GOOD = json.dumps({"id": "good", "text": ARTICLE_TEXT})
DIGITS = "1" * 5000
HOSTILE_INGEST: dict[str, bytes] = {
    "nested arrays": b"[" * 1000 + b"]" * 1000,
    "nested objects": b'{"a":' * 1000 + b"1" + b"}" * 1000,
    "unclosed nesting": b"[" * 100_000,
    "nested in a record": b'{"text": "t", "meta": ' + b"[" * 1000 + b"]" * 1000 + b"}",
    "nested jsonl lines": b"\n".join([b"[" * 2000 + b"]" * 2000] * 3),
    "5000-digit id": b'{"id": ' + DIGITS.encode() + b', "text": "t"}',
    "5000-digit text": b'{"text": ' + DIGITS.encode() + b"}",
    "5000-digit jsonl": b'{"text": "a b c"}\n{"n": ' + DIGITS.encode() + b"}",
    "surrogate in text": b'{"text": "Lone \\ud800 surrogate in the body of the article."}',
    "surrogate in id": b'{"id": "x\\udfff", "text": "An article with an odd id."}',
    "surrogate in title": b'{"title": "\\ud800", "text": "An article with an odd title."}',
    "surrogate in url": b'{"url": "http://x/\\ud800", "text": "An article with an odd url."}',
    "surrogate in a key": b'{"\\ud800": 1, "text": "An article with an odd key."}',
    "not utf-8": b'{"text": "\xff\xfe\xfd"}',
    "nul bytes": b'{"text": "a\\u0000b"}\n\x00\x00',
    "bom": b'\xef\xbb\xbf{"text": "An article after a byte order mark."}',
    "bare values": b'null\n1\n"s"\ntrue\n[]\n{}',
    "empty array": b"[]",
    "array of junk": b'[1, null, [], {}, "x"]',
    "wrong types": b'{"text": ["a"], "title": {"b": 1}, "published": 1e999, "url": [1]}',
    "infinite numbers": b'{"text": "x y z", "published": NaN, "id": Infinity}',
    "huge float": b'{"text": "x y z", "id": 1e400}',
    "whitespace": b" \n\t\r\n ",
}


@pytest.fixture(scope="module")
def hostile_client(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Any:
    app = create_app(tmp_path_factory.mktemp("hostile") / "h.db", pipeline.settings, token=TOKEN)
    app.state.newsgraph.use_pipeline(pipeline)
    with TestClient(app, headers=WITH_TOKEN, raise_server_exceptions=False) as client:
        yield client


@pytest.mark.parametrize("name", sorted(HOSTILE_INGEST))
@pytest.mark.parametrize("media", ["application/json", "application/x-ndjson"])
def test_hostile_ingest_body_is_never_a_500(
    hostile_client: TestClient, name: str, media: str
) -> None:
    response = hostile_client.post(
        "/api/ingest", content=HOSTILE_INGEST[name], headers={"content-type": media}
    )
    assert response.status_code < 500, response.text


HOSTILE_MERGE = [
    b"[" * 1000 + b"]" * 1000,
    b'{"into": ' + DIGITS.encode() + b"}",
    b'{"into": "kb_\\ud800"}',
    b'{"into": ["kb_1"]}',
    b"\xff",
    b"x" * 100_000,
]


@pytest.mark.parametrize("body", HOSTILE_MERGE, ids=range(len(HOSTILE_MERGE)))
@pytest.mark.parametrize("route", ["merge", "split"])
def test_hostile_merge_or_split_body_is_4xx(
    hostile_client: TestClient, body: bytes, route: str
) -> None:
    response = hostile_client.post(
        f"/api/entities/kb_1/{route}", content=body, headers={"content-type": "application/json"}
    )
    assert 400 <= response.status_code < 500, response.text


def _jsonl(*lines: str) -> bytes:
    return "\n".join(lines).encode()


@pytest.mark.parametrize(
    "bad",
    [
        '{"text": ' + DIGITS + "}",
        "[" * 1000 + "]" * 1000,
        '{"id": "x", "meta": ' + "[" * 1000 + "]" * 1000 + "}",
        "{not json",
    ],
    ids=["long integer", "deep nesting", "nested field", "broken json"],
)
def test_bad_middle_line_is_rejected_and_the_others_stored(
    hostile_client: TestClient, bad: str
) -> None:
    first = json.dumps({"text": ARTICLE_TEXT + f" {len(bad)} first"})
    third = json.dumps({"text": ARTICLE_TEXT + f" {len(bad)} third"})
    report = hostile_client.post(
        "/api/ingest", content=_jsonl(first, bad, third),
        headers={"content-type": "application/x-ndjson"},
    ).json()  # fmt: skip
    assert [s["line"] for s in report["stored"]] == [1, 3]
    assert [r["line"] for r in report["rejected"]] == [2]


def test_lone_surrogate_is_replaced_with_a_warning(hostile_client: TestClient) -> None:
    body = b'{"id": "sur\\ud800", "title": "T\\udc00", "text": "' + ARTICLE_TEXT.encode() + b'"}'
    report = hostile_client.post(
        "/api/ingest", content=body, headers={"content-type": "application/json"}
    ).json()
    stored = report["stored"][0]
    assert stored["id"] == "sur\ufffd" and stored["title"] == "T\ufffd"
    assert any("surrogate" in w for w in stored["warnings"])


def test_deep_nesting_is_refused_by_the_parser() -> None:
    with pytest.raises(ValueError, match="nested more than"):
        bounded_json("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))


def test_long_integer_is_refused_by_the_parser() -> None:
    with pytest.raises(ValueError, match="digits"):
        bounded_json(DIGITS)


# -- the size limit holds while reading -------------------------------------------------------


def _request(headers: dict[str, str], chunks: Iterator[bytes]) -> Request:
    async def receive() -> dict[str, Any]:
        chunk = next(chunks, None)
        return {"type": "http.request", "body": chunk or b"", "more_body": chunk is not None}

    raw = [(k.encode(), v.encode()) for k, v in headers.items()]
    return Request({"type": "http", "method": "POST", "headers": raw}, receive)


def test_declared_oversize_body_is_413_before_reading() -> None:
    def never() -> Iterator[bytes]:
        raise AssertionError("the body was read")
        yield b""

    request = _request({"content-length": str(300_000_000)}, never())
    with pytest.raises(HTTPException) as refused:
        asyncio.run(read_body(request, 1000))
    assert refused.value.status_code == 413


def test_streamed_oversize_body_is_413_after_the_limit_only() -> None:
    read = 0

    def endless() -> Iterator[bytes]:
        nonlocal read
        while True:
            read += 1
            yield b"x" * 100

    with pytest.raises(HTTPException) as refused:
        asyncio.run(read_body(_request({}, endless()), 1000))
    assert refused.value.status_code == 413 and read == 11


def test_bad_content_length_is_400() -> None:
    request = _request({"content-length": "9" * 5000}, iter([b"{}"]))
    with pytest.raises(HTTPException) as refused:
        asyncio.run(read_body(request, 1000))
    assert refused.value.status_code == 400


def test_served_app_answers_413_without_waiting_for_the_body(tmp_path: Path) -> None:
    app = create_app(build_store(tmp_path / "s.db"), Settings(), token=TOKEN)
    with serving(app) as url:
        host, port = url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            sock.sendall(
                b"POST /api/ingest HTTP/1.1\r\nHost: " + f"{host}:{port}".encode()
                + f"\r\nAuthorization: Bearer {TOKEN}".encode()
                + b"\r\nContent-Type: application/json\r\nContent-Length: 300000000\r\n\r\n"
            )  # fmt: skip
            assert sock.recv(100).startswith(b"HTTP/1.1 413")
