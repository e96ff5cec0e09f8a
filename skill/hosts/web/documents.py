"""The privacy policy and terms of use, served at ``/privacy`` and ``/terms``.

The documents are written once, in ``docs/privacy.md`` and ``docs/terms.md``, and in each
other language in ``docs/<lang>/`` (served at ``/<lang>/privacy``, ``/es/terms``); a skill
hosted with ``release-coach serve`` links to these pages from its ``skill.json``, so its
URLs are real. The Markdown is rendered to plain, self-contained HTML by a few rules
(headings, paragraphs, lists, ``code``): no dependency, and everything is escaped.
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

import flask

DOCS = Path(__file__).resolve().parents[3] / "docs"
DOCUMENTS = {"/privacy": "privacy.md", "/terms": "terms.md"}


def documents(docs: Path = DOCS) -> dict[str, str]:
    """URL path -> document, English's and every language's folder under ``docs/``."""
    found = dict(DOCUMENTS)
    for folder in sorted(p for p in docs.iterdir() if p.is_dir() and len(p.name) == 2):
        for path, name in DOCUMENTS.items():
            if (folder / name).is_file():
                found[f"/{folder.name}{path}"] = f"{folder.name}/{name}"
    return found
_STYLE = ("body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;"
          "padding:0 1rem;line-height:1.5;color:#1d2b2f}h1,h2{color:#1d4b57}")


def _inline(text: str) -> str:
    escaped = html.escape(text, quote=False)
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped)


def markdown_to_html(markdown: str, language: str = "en") -> str:
    """The small subset of Markdown the documents use, as an HTML page."""
    title = "Release Coach"
    body: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if paragraph:
            body.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if items:
            body.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for line in markdown.splitlines():
        stripped = line.strip()
        heading = re.match(r"^(#{1,3}) (.+)$", stripped)
        if heading:
            flush()
            level = len(heading.group(1))
            if level == 1:
                title = heading.group(2)
            body.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif stripped.startswith("- "):
            if paragraph:
                flush()
            items.append(stripped[2:])
        elif not stripped:
            flush()
        elif items:
            items[-1] += " " + stripped  # a list item's continuation line
        else:
            paragraph.append(stripped)
    flush()
    return (f"<!doctype html><html lang=\"{html.escape(language)}\"><head>"
            f"<meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>"
            f"<body>{''.join(body)}</body></html>")


@cache
def _page(name: str) -> str:
    language = name.split("/")[0] if "/" in name else "en"
    return markdown_to_html((DOCS / name).read_text(encoding="utf-8"), language)


def register_documents(app: flask.Flask) -> None:
    """Add ``GET /privacy`` and ``GET /terms`` (and each language's) to ``app``."""
    for path, name in documents().items():
        def page(name: str = name) -> flask.Response:
            return flask.Response(_page(name), status=200, mimetype="text/html")

        app.add_url_rule(path, endpoint=f"document_{name}", view_func=page, methods=["GET"],
                         provide_automatic_options=False)
