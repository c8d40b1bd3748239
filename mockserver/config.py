"""Settings of one ketenpartner: which role it plays, where it keeps its state, how it pushes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ketenproef.parse import MAX_BYTES

ROLLEN = ("gemeente", "aanbieder")
SMALL_BODY = 256 * 1024  # larger bodies are validated in a worker thread so the event loop stays responsive
KOP_TIMEOUT = 30.0  # seconds for the request line and headers of a (new or kept-alive) connection
BODY_TIMEOUT = 60.0  # seconds for a whole request body (25 MB at about 0.4 MB/s)
BEOORDELAARS = 2  # worker threads that judge large messages (parse, XSD, single-message rules)


@dataclass(frozen=True)
class Config:
    rol: str
    db: str = ":memory:"
    datum: dt.date | None = None
    gemeente: str | None = None  # play only this gemeentecode (rol gemeente); None = any
    agb: str | None = None  # play only this AGB code (rol aanbieder); None = any
    push_url: str | None = None
    push_pogingen: int = 5
    push_wacht: float = 0.5  # first back-off in seconds, doubled per attempt
    push_timeout: float = 10.0
    max_bytes: int = MAX_BYTES
    deadline_seconden: float = 30.0
    contract: dict | None = field(default=None, hash=False)  # contract data (mockserver.contract); replaces the stored
    kop_timeout: float = KOP_TIMEOUT  # a connection whose request headers take longer is closed
    body_timeout: float = BODY_TIMEOUT  # a request whose body takes longer gets 408 and its connection is closed
    beoordelaars: int = BEOORDELAARS

    def __post_init__(self) -> None:
        if self.rol not in ROLLEN:
            raise ValueError(f"rol moet gemeente of aanbieder zijn, niet {self.rol!r}")
        if not (self.kop_timeout > 0 and self.body_timeout > 0 and self.beoordelaars >= 1):
            raise ValueError("kop_timeout en body_timeout zijn meer dan 0 seconden; beoordelaars is minstens 1")

    @property
    def sut_rol(self) -> str:
        """The role of the system under test: the other side."""
        return "aanbieder" if self.rol == "gemeente" else "gemeente"

    @property
    def eigen_code(self) -> str | None:
        """The single party code the mock plays, or None when it plays any."""
        return self.gemeente if self.rol == "gemeente" else self.agb
