"""A per-document memory of who is being talked about.

Papers introduce a model once by its full name ("Halcyon-72B", "昆仑-110B") and then say "the 72B",
"110B 版本", "35B 模型". The registry remembers every full name the document's mentions hold, indexed
by its size, so a size-only mention resolves to the one full name of that size the document
introduced; a size that several names share, or that nobody introduced, resolves to nobody.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from extractor.nlp.mentions import TypedMention

# "Halcyon-72B", "Qwen2.5 72B", "昆仑-110B-Chat", "Mixtral-8x7B": the size inside a full name
_SIZE_IN_NAME = re.compile(r"(?:^|[-_ ])(\d+(?:\.\d+)?(?:x\d+)?[BMK])(?:$|[-_ ])", re.IGNORECASE)
# "the 72B", "72B 版本", "72B model", "35B 模型", "the 1.5B variant": a size standing for a model
_SIZE_ONLY = re.compile(
    r"^(?:the\s+|our\s+|its\s+)?(\d+(?:\.\d+)?(?:x\d+)?[BMK])(?:\s*(?:版本|模型|型号|参数版本|version|variant|model|checkpoint))?$",
    re.IGNORECASE)


@dataclass
class EntityRegistry:
    """Full model names of one document and the sizes that stand for them."""

    names: list[str] = field(default_factory=list)
    by_size: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, name: str) -> None:
        if name in self.names:
            return
        self.names.append(name)
        m = _SIZE_IN_NAME.search(name)
        if m and len(name) > len(m.group(1)) + 1:
            self.by_size[m.group(1).upper()].add(name)

    def resolve(self, name: str | None) -> str | None:
        """The full name ``name`` stands for, or ``name`` itself when it is no size-only mention
        (``None`` when it is one that the document never introduced or introduced twice)."""
        if not name:
            return name
        m = _SIZE_ONLY.match(name.strip())
        if m is None:
            return name
        found = self.by_size.get(m.group(1).upper(), set())
        return next(iter(found)) if len(found) == 1 else None

    @classmethod
    def from_mentions(cls, mentions: Iterable[TypedMention], subjects: Iterable[str | None] = ()) -> EntityRegistry:
        registry = cls()
        for subject in subjects:
            if subject:
                registry.add(subject)
        for m in mentions:
            if m.label == "MODEL":
                registry.add(m.text)
        return registry
