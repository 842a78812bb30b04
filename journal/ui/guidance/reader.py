"""What the library's reading pane shows: one item as simple HTML for a QTextBrowser."""

from __future__ import annotations

from html import escape as _escape

from journal.core.guidance import Disclaimer, GuidanceItem, Source
from journal.core.sources import citation, work_for
from journal.ui.theme import current_colours


def source_line(source: Source, *, html: bool = False) -> str:
    """``Lumbar disc calcification (patient article), Exercise Therapies: Core …``.

    The readable title from sources.toml, never the file name; an external
    guideline adds its web address as text (the app never opens it).
    """
    text = citation(source, html=html)
    url = work_for(source).url
    if url:
        text += f" ({escape(url) if html else url})"
    return text


def item_html(item: GuidanceItem) -> str:
    """Title, summary, points as a list, cautions in a tinted box, then where it comes from."""
    colours = current_colours()
    parts = [
        f"<h2>{escape(item.title)}</h2>",
        f"<p style='color:{colours.muted}'>{escape(item.category_label)}</p>",
        f"<p style='font-size:large'>{escape(item.summary)}</p>",
        "<ul>" + "".join(f"<li style='margin-bottom:6px'>{escape(p)}</li>" for p in item.points) + "</ul>",
    ]
    if item.cautions:
        # A one-cell table is the box QTextDocument draws reliably (it ignores div borders).
        cautions = "".join(f"<p style='margin-top:4px'>{escape(c)}</p>" for c in item.cautions)
        parts.append(
            f"<table width='100%' cellpadding='10' cellspacing='0' border='1' "
            f"style='border-color:{colours.soon}; border-style:solid' bgcolor='{colours.soon_fill}'>"
            f"<tr><td style='color:{colours.soon_fill_text}'><b>Take care</b>{cautions}</td></tr></table>"
        )
    sources = "<br>".join(f"From: {source_line(s, html=True)}" for s in item.sources)
    parts.append(f"<p style='color:{colours.muted}; margin-top:16px'><small>{sources}</small></p>")
    return "\n".join(parts)


def disclaimer_html(disclaimer: Disclaimer) -> str:
    paragraphs = "".join(f"<p>{escape(' '.join(p.split()))}</p>" for p in disclaimer.text.split("\n\n") if p.strip())
    return f"<h2>{escape(disclaimer.title)}</h2>{paragraphs}"


def escape(text: str) -> str:
    """HTML-escape text for element content (quotes stay as typed)."""
    return _escape(text, quote=False)
