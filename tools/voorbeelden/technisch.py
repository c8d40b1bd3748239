"""Write corpus/voorbeelden/technisch/: messages refused before any rule runs (XML, OP192, IDENT) and
the XSD-level constraints CS015, CS025, CS319. Run: python tools/voorbeelden/technisch.py"""

from __future__ import annotations

import json
from pathlib import Path

from ketenproef import factory
from ketenproef.basis import DAGTEKENING, basis

OUT = Path(__file__).resolve().parents[2] / "corpus" / "voorbeelden" / "technisch"


def valid(name: str) -> bytes:
    return factory.to_bytes(name, basis(name))


def header_value(name: str, element: str, value: str) -> bytes:
    data = basis(name)
    data["Header"][element] = value
    return factory.to_bytes(name, data)


def cases() -> list[tuple[str, bytes, str | None, list[str], str | None]]:
    """(file, bytes, message, rules, text_contains)."""
    wmo305 = valid("WMO305")
    decl = basis("JW323")
    decl["Declaratie"]["DeclaratieNummer"] = "DECL-0001"
    bom = b"\xef\xbb\xbf" + wmo305
    latin = wmo305.replace(b"encoding='UTF-8'", b"encoding='ISO-8859-1'")
    xxe = (b'<?xml version="1.0"?>\r\n<!DOCTYPE Bericht [<!ENTITY x SYSTEM "http://127.0.0.1:9/geheim">]>\r\n'
           b'<Bericht xmlns="http://www.istandaarden.nl/iwmo/3_2/wmo305/schema">&x;</Bericht>\r\n')
    laughs = (b'<?xml version="1.0"?>\r\n<!DOCTYPE lol [<!ENTITY a "lol">'
              + b"".join(b'<!ENTITY %c "&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;">' % ((98 + i,) + (97 + i,) * 10)
                         for i in range(9))
              + b']>\r\n<Bericht xmlns="http://www.istandaarden.nl/iwmo/3_2/wmo305/schema">&j;</Bericht>\r\n')
    return [
        ("CS015_WMO305_fail.xml", header_value("WMO305", "BerichtSubversie", "1"), "WMO305", ["XSD"], "CS015"),
        ("CS025_JW301_fail.xml", header_value("JW301", "BerichtVersie", "2"), "JW301", ["XSD"], "CS025"),
        ("CS319_JW323_fail.xml", factory.to_bytes("JW323", decl), "JW323", ["XSD"], "CS319"),
        ("XSD_WMO305_fail.xml", wmo305.replace(b"<wmo305:Geslacht>2<", b"<wmo305:Geslacht>7<"), "WMO305",
         ["XSD"], None),
        ("OP192_bom_WMO305_fail.xml", bom, None, ["OP192"], "Byte-Order-Mark"),
        ("OP192_latin1_WMO305_fail.xml", latin, None, ["OP192"], "UTF-8"),
        ("XML_afgebroken_WMO305_fail.xml", wmo305[: len(wmo305) // 2], None, ["XML"], None),
        ("XML_xxe_fail.xml", xxe, None, ["XML"], "DOCTYPE"),
        ("XML_billion_laughs_fail.xml", laughs, None, ["XML"], "DOCTYPE"),
        ("IDENT_release31_WMO305_fail.xml", wmo305.replace(b"/iwmo/3_2/wmo305/", b"/iwmo/3_1/wmo305/"), None,
         ["IDENT"], "3.1"),
        ("IDENT_onbekend_bericht_fail.xml", wmo305.replace(b"/wmo305/schema", b"/wmo399/schema"), None, ["IDENT"],
         "WMO399"),
        ("IDENT_verkeerde_root_fail.xml", b"<?xml version='1.0' encoding='UTF-8'?>\r\n<Factuur/>\r\n", None,
         ["IDENT"], "Factuur"),
        ("IDENT_geen_namespace_fail.xml", b"<?xml version='1.0' encoding='UTF-8'?>\r\n<Bericht/>\r\n", None,
         ["IDENT"], "namespace"),
    ]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    manifest = []
    for file, data, message, rules, text in cases():
        (OUT / file).write_bytes(data)
        entry = {"file": file, "message": message, "datum": DAGTEKENING, "valid": False, "rules": rules}
        if text:
            entry["text_contains"] = text
        manifest.append(entry)
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    print(f"{len(manifest)} voorbeelden in {OUT}")


if __name__ == "__main__":
    main()
