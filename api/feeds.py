"""Board events as feeds readers already use: JSON Feed 1.1 and Atom (RFC 4287).

Each item names the benchmark, the model, the value and the previous leader, and links to the claim
(``/api/claims/{id}``: the number in its paragraph). Built with the standard library's XML writer, so
every text from a document is escaped.
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from schemas import BoardEvent

ATOM_NS = "http://www.w3.org/2005/Atom"
TITLE = "benchclaims: board events"


def _value(e: BoardEvent) -> str:
    number = f"{e.value:g}"
    return f"{number}%" if e.unit == "%" else f"{number} {e.unit}" if e.unit and e.unit != "score" else number


def event_title(e: BoardEvent) -> str:
    if e.kind == "new_leader":
        was = f" (was {e.previous_leader}, {e.previous_value:g})" if e.previous_leader and e.previous_value is not None else ""
        return f"{e.benchmark}: {e.model} leads with {_value(e)}{was}"
    if e.kind == "contradiction":
        return f"{e.benchmark}: a source gives {e.model} {_value(e)}, verified is {e.previous_value:g}"
    return f"{e.benchmark}: {e.model} enters with {_value(e)}" + (f" (leader {e.previous_leader})" if e.previous_leader else "")


def _when(e: BoardEvent) -> str:
    day = e.date or dt.date(1970, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).isoformat()


def json_feed(events: Sequence[BoardEvent], base_url: str) -> bytes:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1), newest first."""
    items = [{
        "id": f"{e.kind}:{e.claim_id}",
        "url": f"{base_url}/api/claims/{e.claim_id}",
        "title": event_title(e),
        "content_text": f"{event_title(e)}. Source: {e.source}: “{e.quote}”",
        "date_published": _when(e),
        "tags": [e.benchmark, e.model, e.kind],
        "_benchclaims": e.model_dump(mode="json"),
    } for e in events]
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": TITLE,
                       "home_page_url": f"{base_url}/", "feed_url": f"{base_url}/api/feed.json", "items": items},
                      ensure_ascii=False).encode("utf-8")


def atom_feed(events: Sequence[BoardEvent], base_url: str) -> bytes:
    """Atom 1.0, newest first."""
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    ET.SubElement(feed, f"{{{ATOM_NS}}}title").text = TITLE
    ET.SubElement(feed, f"{{{ATOM_NS}}}id").text = f"{base_url}/api/feed.atom"
    ET.SubElement(feed, f"{{{ATOM_NS}}}link", href=f"{base_url}/api/feed.atom", rel="self")
    ET.SubElement(feed, f"{{{ATOM_NS}}}updated").text = _when(events[0]) if events else _when(
        BoardEvent(kind="new_entry", benchmark="", model="", value=0, claim_id=0, source="", quote=""))
    for e in events:
        entry = ET.SubElement(feed, f"{{{ATOM_NS}}}entry")
        ET.SubElement(entry, f"{{{ATOM_NS}}}id").text = f"{base_url}/api/claims/{e.claim_id}#{e.kind}"
        ET.SubElement(entry, f"{{{ATOM_NS}}}title").text = event_title(e)
        ET.SubElement(entry, f"{{{ATOM_NS}}}updated").text = _when(e)
        ET.SubElement(entry, f"{{{ATOM_NS}}}link", href=f"{base_url}/api/claims/{e.claim_id}")
        author = ET.SubElement(entry, f"{{{ATOM_NS}}}author")
        ET.SubElement(author, f"{{{ATOM_NS}}}name").text = e.source
        ET.SubElement(entry, f"{{{ATOM_NS}}}summary").text = f"{e.source}: “{e.quote}”"
        for term in (e.benchmark, e.model):
            ET.SubElement(entry, f"{{{ATOM_NS}}}category", term=term)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
