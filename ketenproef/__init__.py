"""Ketenproef core: the iWmo 3.2 / iJw 3.2 standard as data, validation, retours and synthetic messages.

The core imports neither pytest nor aiohttp and does no network I/O.
"""

__version__ = "0.1.0"
