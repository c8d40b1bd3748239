"""External data the rules on external sources read, from configuration (TR346, TR378, TR381, TR418).

Without a chain ``validate`` runs those rules with an empty configuration: no contract tariffs, no extra
gemeentecodes, no product code list. Defaults documented per field."""

from __future__ import annotations

from dataclasses import dataclass, field

ProductLijst = dict[str, frozenset[str]]  # ProductCategorie -> the ProductCodes that belong to it


@dataclass
class KetenConfig:
    """
    - ``tarieven``: contract tariffs in euro cents per (gemeente, aanbieder, ProductCode, Eenheid) for TR418
      (retourcode 0611); empty = no contract data, so TR418 is not assessed.
    - ``productcodes``: the product code list in force for every gemeente and aanbieder (TR381, S329): allowed
      ProductCodes per ProductCategorie. None = no list agreed: only the list the standard publishes (the
      indeling hulpmiddelen iWmo, categories 11-13) is judged, every other code passes (IV075).
    - ``productcodelijsten``: a list per (gemeente, aanbieder), e.g. the gemeente's own list in the contract with
      one aanbieder; it goes before ``productcodes``.
    - ``gemeentecodes``: extra valid gemeentecodes for TR378 besides the bundled CBS indeling with its validity.
    """

    tarieven: dict[tuple[str, str, str, str], int] = field(default_factory=dict)
    productcodes: ProductLijst | None = None
    productcodelijsten: dict[tuple[str, str], ProductLijst] = field(default_factory=dict)
    gemeentecodes: frozenset[str] = frozenset()

    def productcodes_voor(self, gemeente: str, aanbieder: str) -> ProductLijst | None:
        """The product code list in force between this gemeente and aanbieder, or None when none is agreed."""
        return self.productcodelijsten.get((gemeente, aanbieder), self.productcodes)


@dataclass(frozen=True)
class Referentie:
    """What the rules on external sources get without a chain: the configuration only (no earlier messages)."""

    config: KetenConfig = field(default_factory=KetenConfig)
