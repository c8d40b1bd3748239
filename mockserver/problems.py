"""Problem details (RFC 9457, application/problem+json) with the foutcode of the real nodes where one fits."""

from __future__ import annotations

from aiohttp import web

from ketenproef.findings import TECHNISCH, XSD, Report
from mockserver.bewaarvorm import dumps

TYPE = "https://ketenproef.nl/problemen/"
PROBLEM_JSON = "application/problem+json"

# Foutcodes of the VECOZO node (INFRA_VECOZO_foutcodes.csv) for the refusals the mock makes.
BRS = {
    "XML": ("BRS14", "niet-well-formed", "Geen well-formed XML"),
    "OP192": ("BRS14", "bestandsvorm", "Bestand voldoet niet aan OP192 (UTF-8 zonder Byte-Order-Mark)"),
    "OP179": ("BRS06", "te-groot", "Bericht is groter dan toegestaan"),
    "IDENT": ("BRS13", "onbekend-bericht", "Geen iWmo- of iJw 3.2-bericht"),
    XSD: ("BRS13", "xsd", "Bericht voldoet niet aan de XSD"),
}


def finding_dicts(findings) -> list[dict]:
    return [{"level": f.level, **f.as_dict()} for f in findings]


def problem(status: int, slug: str, title: str, detail: str, *, code: str | None = None,
            findings: list[dict] | None = None, **extra) -> dict:
    body = {"type": TYPE + slug, "title": title, "status": status, "detail": detail}
    if code:
        body["code"] = code
    body["findings"] = findings or []
    body.update(extra)
    return body


def response(body: dict, headers: dict | None = None) -> web.Response:
    return web.Response(status=body["status"], text=dumps(body),
                        content_type=PROBLEM_JSON, headers=headers)


def refusal(report: Report) -> dict | None:
    """The 400 problem for a message no retour can be given for (parse, identify, XSD), else None."""
    technical = report.at_level(TECHNISCH)
    if technical:
        first = technical[0]
        code, slug, title = BRS.get(first.rule, BRS["XML"])
        return problem(400, slug, title, first.text, code=code, findings=finding_dicts(report.findings))
    xsd = report.at_level(XSD)
    if xsd:
        code, slug, title = BRS[XSD]
        detail = f"{report.message}: {len(xsd)} XSD-fout(en); eerste: {xsd[0].text}"
        return problem(400, slug, title, detail, code=code, findings=finding_dicts(report.findings))
    return None


def too_large(size: int | None, cap: int) -> dict:
    what = f"{size:,} bytes" if size is not None else f"meer dan {cap:,} bytes"
    return problem(413, "te-groot", "Bericht is groter dan toegestaan",
                   f"Het bericht is {what}; de grens is {cap:,} bytes (OP179, 25 MB).", code="BRS06")


def bad_request(detail: str, slug: str = "ongeldig-verzoek", title: str = "Ongeldig verzoek", **extra) -> dict:
    return problem(400, slug, title, detail, **extra)


def not_found(detail: str) -> dict:
    return problem(404, "niet-gevonden", "Niet gevonden", detail)
