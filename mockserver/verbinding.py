"""Connections that cannot bring the ketenpartner down: a time limit on request headers, a quiet log for
clients that send garbage, and enough file descriptors for many open connections.

aiohttp closes a connection that has not completed its request headers within ``keepalive_timeout`` of its
start (or of its previous answer); ``handler_args`` sets that to ``Config.kop_timeout`` for every runner of the
app (``serve``, the test handle, the test server). A malformed or oversized request line or header is answered
by aiohttp itself (400); its log line here has no traceback, since the defect is the client's.
"""

from __future__ import annotations

import logging
import resource
import sys

from aiohttp.http_exceptions import HttpProcessingError

from mockserver.config import Config

CLIENT_ERRORS = (HttpProcessingError, ConnectionError, TimeoutError)

log = logging.getLogger("mockserver")


class ServerLog(logging.LoggerAdapter):
    """aiohttp's server log: a client's error in one line at INFO, a real defect with its traceback."""

    def exception(self, msg, *args, exc_info=True, **kwargs) -> None:
        exc = exc_info if isinstance(exc_info, BaseException) else sys.exc_info()[1]
        if isinstance(exc, CLIENT_ERRORS):
            self.info(f"{msg} (fout van de client): %s", *args, _kort(exc))
            return
        self.error(msg, *args, exc_info=exc_info, **kwargs)


def _kort(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:300]


def handler_args(config: Config) -> dict:
    """Settings of aiohttp's request handler for every runner of the app."""
    return {"keepalive_timeout": config.kop_timeout, "logger": ServerLog(logging.getLogger("aiohttp.server"), {})}


def meer_bestanden() -> tuple[int, int]:
    """Raise the soft limit on open files to the hard limit (each connection is one), where allowed; the soft
    and hard limit after."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = hard if hard != resource.RLIM_INFINITY else max(soft, 65536)
    if soft != resource.RLIM_INFINITY and soft < target:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError) as exc:
            log.warning("kan de grens op open bestanden niet verhogen (%s); die blijft %s", exc, soft)
    return soft, hard
