"""External data the chain rules need, from configuration (TR346, TR378, TR381, TR418). Defaults documented."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class KetenConfig:
    """
    - ``tarieven``: contract tariffs in euro cents per (gemeente, aanbieder, ProductCode, Eenheid) for TR418
      (retourcode 0611); empty = no contract data, so TR418 is not assessed.
    - ``productcodes``: allowed ProductCode per ProductCategorie for TR381 (S329); None = the national list
      is not available, so only the published hulpmiddelen list (iWmo 11-13) and the convention that a code
      starts with its category are checked.
    - ``gemeentecodes``: extra valid gemeentecodes (e.g. old codes after a herindeling) for TR378 besides
      the bundled CBS list.
    """

    tarieven: dict[tuple[str, str, str, str], int] = field(default_factory=dict)
    productcodes: dict[str, frozenset[str]] | None = None
    gemeentecodes: frozenset[str] = frozenset()
