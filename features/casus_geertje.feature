# language: nl
@iwmo @release-3.2 @casus @WMO301 @WMO305 @WMO307 @WMO317 @WMO323 @WMO325
Functionaliteit: Casus Geertje (iWmo, inspanningsgericht)
  De uitgewerkte casus 2 uit het webinar van het Zorginstituut (12 november 2025). Geertje (76) krijgt
  huishoudelijke hulp (01A06, 1 uur per week, geleverd als 2 uur per 2 weken) en begeleiding (02A16, 2 uur
  per week). Afwijkingen van de dia's, omdat die zichzelf of de codelijst tegenspreken: de prestatie voor
  huishoudelijke hulp heeft productcode 01A06 (de dia noemt 01A05) en een eigen referentienummer; het
  verzoek om wijziging houdt het volume van de huishoudelijke hulp op 1 uur (zoals de gehonoreerde toewijzing);
  een stop draagt de begindatum van de start waar hij bij hoort (17-11-2025, niet 06-01-2026); en de
  definitieve stop "volgens plan" heeft in iWmo reden 19 (WMO588): de dia noemt 31, dat is in WMO588
  "Verhuizing naar een andere gemeente" (31 is "volgens plan" in JZ588).

  Achtergrond:
    Gegeven Geertje, 76 jaar, is client van de aanbieder
    En het is "2025-10-06"
    En de gemeente heeft deze toewijzingen afgegeven:
      | product | ingangsdatum | einddatum  | volume | eenheid | frequentie |
      | 01A06   | 2025-10-06   | 2026-01-30 | 1      | 04      | 2          |
      | 02A16   | 2025-10-06   | 2026-09-30 | 2      | 04      | 2          |

  @OP087 @IV075 @OP369 @OP295 @IV079 @IV077 @TR321 @IV042 @OP155 @OP377 @OP378 @OP379 @OP344 @IV093 @OP380 @OP257 @OP288
  Regel: Van toewijzing tot de laatste stop, met tijdelijke stop en verzoek om wijziging

    Scenario: Geertje krijgt huishoudelijke hulp en begeleiding tot zij het weer zelf kan
      Als de aanbieder de zorg voor "01A06" start per "2025-10-06"
      En het is "2025-10-08"
      En de aanbieder de zorg voor "02A16" start per "2025-10-08"
      Dan keurt de ontvanger alle berichten goed
      Als het is "2025-11-04"
      En de aanbieder over "2025-10" declareert:
        | product | begin      | eind       | volume | eenheid | tarief |
        | 01A06   | 2025-10-06 | 2025-10-31 | 4      | 04      | 40,00  |
        | 02A16   | 2025-10-06 | 2025-10-31 | 8      | 04      | 200,00 |
      Dan keurt de ontvanger het bericht niet af
      En is de declaratie volledig toegewezen
      Als de aanbieder de zorg voor "01A06" tijdelijk stopt per "2025-11-02"
      En de aanbieder de zorg voor "02A16" tijdelijk stopt per "2025-11-02"
      En het is "2025-11-17"
      En de aanbieder de zorg voor "01A06" start per "2025-11-17"
      En de aanbieder de zorg voor "02A16" start per "2025-11-17"
      Dan keurt de ontvanger alle berichten goed
      Als het is "2025-12-02"
      En de aanbieder voor "02A16" over "2025-11" 130 minuten declareert tegen "50,00" per uur
      Dan keurt de ontvanger het bericht niet af
      En is het ingediende bedrag "108,33" met producttarief "0,83"
      Als het is "2025-12-15"
      En de aanbieder een verzoek om wijziging indient:
        | product | gewenste ingangsdatum | einddatum  | volume |
        | 01A06   | 2025-10-06            | 2026-02-28 | 1      |
        | 02A16   | 2026-01-07            | 2026-09-30 | 1      |
      En de gemeente het verzoek honoreert
      Dan keurt de ontvanger alle berichten goed
      En is de toewijzing voor "01A06" opgerekt tot "2026-02-28" onder hetzelfde nummer
      En is de toewijzing voor "02A16" beeindigd per "2026-01-06" en vervangen door een toewijzing vanaf "2026-01-07" met volume 1
      Als het is "2026-01-09"
      En de aanbieder de levering administratief afsluit met reden "37" per "2026-01-06"
      En de aanbieder de zorg voor de nieuwe toewijzing start per "2026-01-07"
      Dan keurt de ontvanger alle berichten goed
      Als het is "2026-02-26"
      En de aanbieder de zorg voor "01A06" stopt met reden "19" per "2026-02-25"
      En het is "2026-06-12"
      En de aanbieder de zorg voor de nieuwe toewijzing stopt met reden "23" per "2026-06-10"
      Dan keurt de ontvanger alle berichten goed
      En is de levering gestopt met reden "19" per "2026-02-25"
      En is de levering gestopt met reden "23" per "2026-06-10"
