"""`GET /`: the page for fact-checkers, and the few static files it needs.

The page is plain HTML, CSS and JavaScript from `service/web/static`, shipped in the package, so
it works offline and behind a firewall. The files are read once, at import, into a fixed table:
a request names a file in that table or gets a 404, so no path from a URL ever reaches the file
system. Every answer carries a Content-Security-Policy that allows only the page's own script,
style and calls to this same service; nothing inline, nothing from elsewhere.
"""

from __future__ import annotations

from importlib.resources import files

from fastapi import APIRouter
from fastapi.responses import Response

from service.api.problems import ProblemError

MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    )
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    # The files change only with the package: revalidate, so an upgrade is seen at once.
    "Cache-Control": "no-cache",
}

router = APIRouter(tags=["page"], include_in_schema=False)


def _load_static() -> dict[str, tuple[bytes, str]]:
    """Every servable file by name, with its media type; other suffixes are not served."""
    folder = files("service.web").joinpath("static")
    table: dict[str, tuple[bytes, str]] = {}
    for entry in folder.iterdir():
        suffix = "." + entry.name.rsplit(".", 1)[-1] if "." in entry.name else ""
        if entry.is_file() and suffix in MEDIA_TYPES:
            table[entry.name] = (entry.read_bytes(), MEDIA_TYPES[suffix])
    return table


STATIC = _load_static()


def _answer(name: str) -> Response:
    if name not in STATIC:
        raise ProblemError(404, "not-found", f"there is no static file {name!r}")
    body, media_type = STATIC[name]
    return Response(body, media_type=media_type, headers=HEADERS)


@router.get("/", response_class=Response)
async def page() -> Response:
    """The web page: paste or drop an article, check it, see every figure's verdict."""
    return _answer("index.html")


@router.get("/static/{name}", response_class=Response)
async def static(name: str) -> Response:
    """One of the page's own files (script, style, icon)."""
    if name == "index.html":  # served at "/" only, so the page has one address
        raise ProblemError(404, "not-found", "the page is at /")
    return _answer(name)
