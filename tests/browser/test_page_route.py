"""`GET /` and its static files over HTTP from the real server: types, policy, nothing external.

These need no browser; they hold the page to what the browser tests assume (its own script and
style allowed, nothing inline or remote, only the packaged files served).
"""

from __future__ import annotations

import re
from importlib.resources import files

import httpx
import pytest

STATIC = files("service.web").joinpath("static")


def get(server: str, path: str) -> httpx.Response:
    return httpx.get(f"{server}{path}", timeout=10)


def test_the_page_is_html_with_a_strict_content_security_policy(server):
    response = get(server, "/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    policy = dict(
        part.strip().split(" ", 1)
        for part in response.headers["content-security-policy"].split(";")
    )
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert policy["connect-src"] == "'self'" and policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    ("name", "media_type"),
    [
        ("app.js", "text/javascript; charset=utf-8"),
        ("app.css", "text/css; charset=utf-8"),
        ("icon.svg", "image/svg+xml"),
    ],
)
def test_static_files_are_served_as_packaged_with_their_types(server, name, media_type):
    response = get(server, f"/static/{name}")
    assert response.status_code == 200
    assert response.headers["content-type"] == media_type
    assert response.content == STATIC.joinpath(name).read_bytes()
    assert "content-security-policy" in response.headers


def test_the_page_loads_only_its_own_files_and_no_inline_code(server):
    html = get(server, "/").text
    references = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert references and not [ref for ref in references if "//" in ref or ref.startswith("/")]
    assert "<style" not in html and not re.search(r"<[^>]*\s(style|on[a-z]+)=", html)
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)  # every script is a file
    for ref in references:
        assert get(server, f"/{ref}").status_code == 200, ref


@pytest.mark.parametrize(
    "path",
    [
        "/static/nothing.js",
        "/static/index.html",
        "/static/..%2Fapi%2Fapp.py",
        "/static/__init__.py",
    ],
)
def test_anything_else_under_static_is_not_found(server, path):
    response = get(server, path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_the_page_is_not_in_the_api_schema(server):
    paths = get(server, "/openapi.json").json()["paths"]
    assert "/" not in paths and not [path for path in paths if path.startswith("/static")]
