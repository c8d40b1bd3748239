"""The heenberichten (301, 305, 307, 315, 317, 319, 323): ``_Generator`` joins the message families."""

from __future__ import annotations

from ketenproef.generator.declaratie import _Declaraties
from ketenproef.generator.kern import _Kern
from ketenproef.generator.personen import _Personen
from ketenproef.generator.regie import _Regie
from ketenproef.generator.toewijzing import _Toewijzingen
from ketenproef.generator.verzoeken import _Verzoeken


class _Generator(_Personen, _Toewijzingen, _Regie, _Verzoeken, _Declaraties, _Kern):
    """A heenbericht from a seed: ``_Generator(name, seed, dagtekening, aantal_prestaties).bericht()``."""
