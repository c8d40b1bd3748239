"""Reading an archive of iWmo/iJw 3.2 messages (ketenaudit, issue 12 item 1).

``lees_archief(pad, index=None)`` reads a folder, a zip or a tar (.tar, .tar.gz, .tgz) one member at a time and
gives an ``Archief``: one small ``Record`` per readable message, in the order the chain is rebuilt in, and one
``Melding`` (file, reason in Dutch) per file that was not read. The bytes are not kept; ``Bron.lees(bestand)``
reads one member again when it is judged. The rules of the order and what is reported: docs/KETENAUDIT.md.
"""

from __future__ import annotations

from ketenproef.archief.bronnen import Bron, Lid, open_bron
from ketenproef.archief.lezen import Archief, lees_archief
from ketenproef.archief.record import HEEN, RETOUR, Melding, Record, lees_record

__all__ = ["HEEN", "RETOUR", "Archief", "Bron", "Lid", "Melding", "Record", "lees_archief", "lees_record",
           "open_bron"]
