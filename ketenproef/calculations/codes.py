"""Codes from the iWmo/iJw 3.2 codelists that the calculations need.

The values are the exact code strings of the codelists (see ``shared/spec/codelists``):

* ``WJ756`` Eenheid (shared by iWmo and iJw),
* ``WMO757`` Frequentie (shared by iWmo and iJw),
* ``COD043`` indicatie debet/credit,
* ``WMO020`` Productcategorie (only the one category with its own volume rule).
"""

from typing import Final, Literal

# WJ756 Eenheid
EENHEID_MINUUT: Final = "01"
EENHEID_UUR: Final = "04"
EENHEID_ETMAAL: Final = "14"
EENHEID_DAGDEEL: Final = "16"  # Dagdeel (4 uur)
EENHEID_STUKS_OUTPUT: Final = "82"
EENHEID_EUROS: Final = "83"
EENHEID_STUKS_INSPANNING: Final = "84"

EENHEDEN: Final = frozenset(
    {
        EENHEID_MINUUT,
        EENHEID_UUR,
        EENHEID_ETMAAL,
        EENHEID_DAGDEEL,
        EENHEID_STUKS_OUTPUT,
        EENHEID_EUROS,
        EENHEID_STUKS_INSPANNING,
    }
)

# WMO757 Frequentie
FREQUENTIE_PER_DAG: Final = "1"
FREQUENTIE_PER_WEEK: Final = "2"
FREQUENTIE_PER_MAAND: Final = "4"
FREQUENTIE_TOTAAL: Final = "6"  # Totaal binnen geldigheidsduur toewijzing

FREQUENTIES: Final = frozenset(
    {FREQUENTIE_PER_DAG, FREQUENTIE_PER_WEEK, FREQUENTIE_PER_MAAND, FREQUENTIE_TOTAAL}
)

# COD043 DebetCredit
DEBET: Final = "D"
CREDIT: Final = "C"

DebetCredit = Literal["D", "C"]

# WMO020 Productcategorie 01: Hulp bij het huishouden (iWmo only; JZ020 has no code 01).
PRODUCTCATEGORIE_HULP_BIJ_HET_HUISHOUDEN: Final = "01"

# Uitvoeringsvariant of a toewijzing (agreed in the contract, not carried in a message).
INSPANNINGSGERICHT: Final = "inspanningsgericht"
OUTPUTGERICHT: Final = "outputgericht"

Uitvoeringsvariant = Literal["inspanningsgericht", "outputgericht"]
