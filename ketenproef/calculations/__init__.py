"""Invulinstructies of iWmo 3.2 / iJw 3.2 as small pure functions.

* ``afronding``: amounts and rounding (IV079, IV081, TR346, CS339);
* ``perioden``: DeclaratiePeriode and ProductPeriode (IV089, IV090, CS337, CS340, TR307/TR308, TR387/TR388);
* ``weken``: weeks and IV076 attribution with Frequentie per week;
* ``volumes``: maximum volumes (IV076, IV077, IV078) and TR321, TR322, TR341, TR369;
* ``crediteren``: credit Prestaties and totals (IV085, IV086, IV091, TR316, TR323, TR358, TR390, TR416);
* ``werkdagen``: Dutch werkdagen and time limits (OP271, OP272, OP090, OP090x4, OP274, OP346).

Everything is deterministic: no function looks at today's date; callers pass all dates.
"""

from .afronding import (
    afronden_op_hele_uren,
    geleverd_volume_uren,
    ingediend_bedrag,
    ingediend_bedrag_minuten,
    minuuttarief,
    omrekenen_volume,
    rond_half_op,
)
from .crediteren import (
    controleer_creditprestatie,
    credits_met_debet_in_zelfde_bericht,
    dubbele_debetprestaties,
    goedgekeurde_referentienummers,
    is_creditprestatie,
    maak_creditprestatie,
    mag_credit_sturen,
    totaal_ingediend,
)
from .perioden import (
    Periode,
    controleer_productperiode,
    declaratieperiode,
    declaratieperiode_toegestaan,
    is_declaratieperiode,
    ligt_binnen_toewijzing,
    ligt_in_een_kalendermaand,
    productperiode_past_in_declaratieperiode,
    productperiode_van_dag,
    productperioden,
)
from .prestatie import Prestatie, Toewijzing
from .volumes import (
    eenheid_past,
    max_volume_productperiode,
    max_volume_toewijzing,
    netto_geleverd_volume,
    past_binnen_budget,
    past_binnen_productperiode,
    past_binnen_toewijzing,
    weken_productperiode,
    weken_toewijzing,
)
from .weken import kalenderweken, laatste_zondag, productperiode_van_levering, zondagen
from .werkdagen import (
    TERMIJN_ANTWOORD_VERZOEK,
    TERMIJN_DECLARATIEANTWOORD,
    TERMIJN_REGIEBERICHT,
    TERMIJN_RETOURBERICHT,
    feestdagen,
    is_feestdag,
    is_tijdig,
    is_werkdag,
    plus_werkdagen,
    regiebericht_deadline,
    werkdagen_tussen,
)

__all__ = [
    "TERMIJN_ANTWOORD_VERZOEK",
    "TERMIJN_DECLARATIEANTWOORD",
    "TERMIJN_REGIEBERICHT",
    "TERMIJN_RETOURBERICHT",
    "Periode",
    "Prestatie",
    "Toewijzing",
    "afronden_op_hele_uren",
    "controleer_creditprestatie",
    "controleer_productperiode",
    "credits_met_debet_in_zelfde_bericht",
    "declaratieperiode",
    "declaratieperiode_toegestaan",
    "dubbele_debetprestaties",
    "eenheid_past",
    "feestdagen",
    "geleverd_volume_uren",
    "goedgekeurde_referentienummers",
    "ingediend_bedrag",
    "ingediend_bedrag_minuten",
    "is_creditprestatie",
    "is_declaratieperiode",
    "is_feestdag",
    "is_tijdig",
    "is_werkdag",
    "kalenderweken",
    "laatste_zondag",
    "ligt_binnen_toewijzing",
    "ligt_in_een_kalendermaand",
    "maak_creditprestatie",
    "mag_credit_sturen",
    "max_volume_productperiode",
    "max_volume_toewijzing",
    "minuuttarief",
    "netto_geleverd_volume",
    "omrekenen_volume",
    "past_binnen_budget",
    "past_binnen_productperiode",
    "past_binnen_toewijzing",
    "plus_werkdagen",
    "productperiode_past_in_declaratieperiode",
    "productperiode_van_dag",
    "productperiode_van_levering",
    "productperioden",
    "regiebericht_deadline",
    "rond_half_op",
    "totaal_ingediend",
    "weken_productperiode",
    "weken_toewijzing",
    "werkdagen_tussen",
    "zondagen",
]
