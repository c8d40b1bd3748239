# language: nl
@release-3.2 @WMO301 @JW301 @WMO307 @JW307
Functionaliteit: Administratief afsluiten van een toewijzing
  Een toewijzing wordt afgesloten op initiatief van de gemeente (intrekken) of van de aanbieder (stop zorg).
  Trekt de gemeente in, dan volgt altijd een Stop zorg met de reden beeindiging die bij de reden wijziging
  hoort en de einddatum van de toewijzing (OP288). Stopt de aanbieder definitief, dan beslist de gemeente of
  zij intrekt (reden wijziging 12, geinitieerd door de aanbieder); een nieuwe stop is dan niet nodig. Eindigt
  een toewijzing door een gehonoreerd verzoek om wijziging, dan stopt de aanbieder met reden 37. De tabellen
  komen uit de wijzigingsanalyse "Administratief afsluiten toewijzing"; de kolom cbs is de code die de
  aanbieder aan het CBS levert (staat in geen bericht). Tabel 1 geeft voor "alle" redenen 36; de codelijsten
  van release 3.2 koppelen 02, 06, 07 en 09 aan een eigen reden beeindiging (02, 39, 31/35, 38).

  Achtergrond:
    Gegeven het is "2026-01-12"
    En de gemeente heeft een toewijzing afgegeven vanaf "2025-10-06" tot "2026-09-30"
    En de aanbieder heeft de zorg gestart op "2025-10-08"

  @OP288 @OP258 @OP186 @IV099
  Regel: Trekt de gemeente de toewijzing in, dan stopt de aanbieder met de bijbehorende reden per de einddatum

    Abstract Scenario: De gemeente trekt in met reden wijziging <reden wijziging> (<omschrijving>)
      Gegeven het is "2026-02-20"
      En de gemeente heeft de toewijzing ingetrokken per "2026-02-28" met reden "<reden wijziging>"
      En het is "2026-03-02"
      Als de aanbieder de levering administratief afsluit met reden "<reden beeindiging>" per "2026-02-28"
      Dan keurt de ontvanger alle berichten goed
      En is de levering gestopt met reden "<reden beeindiging>" per "2026-02-28"

      @iwmo
      Voorbeelden: iWmo (WMO002 -> WMO588)
        | reden wijziging | omschrijving                        | reden beeindiging | cbs |
        | 03              | Contractwijziging                   | 36                | 05  |
        | 05              | Herbeoordeling: verkorting          | 36                | 05  |
        | 08              | Wijziging leveringsvorm             | 36                | 05  |
        | 10              | Overgang naar nieuwe bekostiging    | 36                | 05  |
        | 11              | Gemeentelijke herindeling           | 36                | 05  |
        | 02              | Client overleden                    | 02                | 05  |
        | 06              | Uitstroom naar ander domein         | 39                | 05  |
        | 07              | Verhuizing naar een andere gemeente | 31                | 05  |
        | 09              | Overstap naar andere aanbieder      | 38                | 05  |

      @ijw
      Voorbeelden: iJw (JZ002 -> JZ588)
        | reden wijziging | omschrijving                        | reden beeindiging | cbs |
        | 03              | Contractwijziging                   | 36                | 05  |
        | 05              | Herbeoordeling: verkorting          | 36                | 05  |
        | 08              | Wijziging leveringsvorm             | 36                | 05  |
        | 10              | Overgang naar nieuwe bekostiging    | 36                | 05  |
        | 11              | Gemeentelijke herindeling           | 36                | 05  |
        | 02              | Client overleden                    | 02                | 05  |
        | 06              | Uitstroom naar ander domein         | 39                | 05  |
        | 07              | Verhuizing naar een andere gemeente | 35                | 05  |
        | 09              | Overstap naar andere aanbieder      | 38                | 05  |

  @rol-aanbieder @iwmo @ijw @OP288
  Regel: Het aanbiedersysteem meldt de stop van een ingetrokken levering uit zichzelf als het zijn post leest

    Scenario: Na de einddatum van de intrekking stuurt het systeem zelf de stop
      Gegeven het is "2026-02-20"
      En de gemeente heeft de toewijzing ingetrokken per "2026-02-28" met reden "05"
      En het is "2026-03-02"
      Als het systeem zijn postbus verwerkt
      Dan heeft het systeem uit zichzelf een stop gestuurd met reden "36" per "2026-02-28"

  @OP288 @OP186 @OP377
  Regel: Stopt de aanbieder definitief, dan kan de gemeente intrekken met reden 12; een nieuwe stop volgt niet

    Abstract Scenario: De aanbieder stopt met reden <reden> (<omschrijving>) en de gemeente trekt in
      Gegeven het is "2026-03-02"
      Als de aanbieder de zorg stopt met reden "<reden>" per "2026-02-27"
      En de gemeente de toewijzing intrekt per "2026-02-27" met reden "12"
      En het systeem zijn postbus verwerkt
      Dan keurt de ontvanger alle berichten goed
      En volgt op de intrekking geen nieuwe stop

      @iwmo
      Voorbeelden: iWmo (WMO588)
        | reden | omschrijving                                    | cbs |
        | 02    | Overlijden                                      | 05  |
        | 19    | Levering is volgens plan beeindigd              | 01  |
        | 21    | Levering is eenzijdig door client beeindigd     | 03  |
        | 22    | Levering is eenzijdig door aanbieder beeindigd  | 04  |
        | 23    | Levering is in overeenstemming voortijdig beeindigd | 02 |
        | 31    | Verhuizing naar een andere gemeente             | 05  |

      @ijw
      Voorbeelden: iJw (JZ588)
        | reden | omschrijving                                       | cbs |
        | 02    | Overlijden                                         | 05  |
        | 31    | Levering is volgens plan beeindigd                 | 01  |
        | 32    | Voortijdig afgesloten: eenzijdig door de client    | 03  |
        | 33    | Voortijdig afgesloten: eenzijdig door de aanbieder | 04  |
        | 34    | Voortijdig afgesloten: in overeenstemming          | 02  |
        | 35    | Voortijdig afgesloten: wegens externe omstandigheden | 05 |

  @iwmo @ijw @OP377 @OP378
  Regel: Een tijdelijke stop laat de toewijzing ongemoeid

    Scenario: Na een tijdelijke stop blijft de toewijzing staan
      Als de aanbieder de zorg tijdelijk stopt per "2026-01-09"
      Dan keurt de ontvanger het bericht niet af
      En zijn er 1 toewijzingen, ongewijzigd

  @iwmo @ijw @OP288 @IV093 @OP257
  Regel: Eindigt een toewijzing door een gehonoreerd verzoek om wijziging, dan stopt de aanbieder met reden 37

    Scenario: De aanbieder vraagt minder uren, stopt de oude toewijzing met reden 37 en start de nieuwe
      Als de aanbieder een verzoek om wijziging indient:
        | product   | gewenste ingangsdatum | einddatum  | volume |
        | standaard | 2026-01-19            | 2026-09-30 | 1      |
      En de gemeente het verzoek honoreert
      En het is "2026-01-19"
      En de aanbieder de levering administratief afsluit met reden "37" per "2026-01-18"
      En de aanbieder de zorg voor de nieuwe toewijzing start per "2026-01-19"
      Dan keurt de ontvanger alle berichten goed
      En is de levering gestopt met reden "37" per "2026-01-18"
