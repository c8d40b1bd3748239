"""Typed application keys (web.AppKey): the app's state lives here, never in module globals."""

from __future__ import annotations

from aiohttp import web

from mockserver.partner import Partner

PARTNER = web.AppKey("partner", Partner)
