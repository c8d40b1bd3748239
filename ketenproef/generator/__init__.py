"""Realistic, valid example messages for all 28 iWmo/iJw 3.2 messages, reproducible from a seed.

``voorbeeld_data(name, seed)`` gives the plain data (see ``ketenproef.factory``) of one message,
``voorbeeld(name, seed)`` its XML bytes. Heenberichten are built here and satisfy the XSD and every
single-message rule of the register (dates against the Dagtekening, Omvang/Budget/Einddatum conditions,
no overlapping same products, unique keys, totals of a 323 ...). A retourbericht (302/306/308/316/318/320)
or a 325 is the answer that ``ketenproef.retour.retour_for`` gives on the heenbericht of the same seed.

People, addresses and numbers are synthetic (``ketenproef.fake``). The default Dagtekening is a day in
2026 derived from the seed, never the real date.

The generator is split by message family: ``kern`` (names, Dagtekening, allocation tables, the seeded state),
``personen`` (client, Relaties, Contactgegevens), ``toewijzing`` (301), ``regie`` (305/307), ``verzoeken``
(315/317/319), ``declaratie`` (323), ``heen`` (the heenberichten together), ``retour`` (retourberichten and
325) and ``voorbeelden`` (the public functions).
"""

from __future__ import annotations

from ketenproef.generator.kern import (
    EERSTE_PERIODE,
    HEEN,
    JAAR,
    NAMEN,
    PRESTATIES_PER_CLIENT,
    RETOUR,
    dagtekening_van,
    dagtekening_voor,
    standaard,
)
from ketenproef.generator.voorbeelden import voorbeeld, voorbeeld_data

__all__ = ["EERSTE_PERIODE", "HEEN", "JAAR", "NAMEN", "PRESTATIES_PER_CLIENT", "RETOUR", "dagtekening_van",
           "dagtekening_voor", "standaard", "voorbeeld", "voorbeeld_data"]
