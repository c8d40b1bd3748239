# language: nl
@release-3.2 @WMO323 @JW323 @WMO325 @JW325 @IV087 @TR342 @OP304
Functionaliteit: Berekeningen in een declaratie
  De aanbieder rekent zelf uit wat er in een Declaratie (323) staat: hele uren uit geleverde minuten (IV079), de
  leveringen die in een maand tellen (IV076), het maximum per productperiode bij een volume per week of per maand
  (IV077, IV078), de productperiode binnen de toewijzing (IV089) en de declaratieperiode van te laat gedeclareerde
  zorg (IV090). Een correct aanbiedersysteem rekent zoals de invulinstructie het voorschrijft; de ketenpartner
  beoordeelt als gemeente de 323 die eruit komt. Is het systeem de gemeente, dan wordt elk declaratie-antwoord
  hier beoordeeld zoals in Declareren (IV087, TR342, OP304).

  Achtergrond:
    Gegeven het is "2025-11-04"
    En de gemeente heeft een toewijzing afgegeven vanaf "2025-10-06" tot "2026-09-30"
    En de aanbieder heeft de zorg gestart op "2025-10-08"

  @rol-aanbieder @iwmo @ijw @IV079 @IV042
  Regel: IV079 - Geleverde minuten worden per prestatie opgeteld en dan rekenkundig afgerond op hele uren, minimaal 1 uur

    Abstract Scenario: De aanbieder declareert zorg in minuten als hele uren
      Als de aanbieder over "2025-10" zorg van <minuten> minuten in uren declareert tegen "50,00" per uur
      Dan keurt de ontvanger het bericht niet af
      En is het geleverde volume <uren> uur en het ingediende bedrag "<bedrag>"

      Voorbeelden:
        | minuten             | uren | bedrag | toelichting                                     |
        | 95, 95, 95 en 95    | 6    | 300,00 | 380 minuten is 6 uur en 20 minuten: naar beneden |
        | 100, 100, 100 en 100 | 7    | 350,00 | 400 minuten is 6 uur en 40 minuten: naar boven   |
        | 20                  | 1    | 50,00  | minder dan een uur geleverd: minimaal 1 uur      |

  @rol-aanbieder @iwmo @ijw @IV076
  Regel: IV076 - Bij inspanningsgerichte zorg met een volume per week telt elke levering in de maand van haar leverdatum

    Scenario: Leveringen aan het eind van oktober tellen in oktober, ook als hun week in november eindigt
      Als de aanbieder over "2025-10" de leveringen 2 uur op 2025-10-20, 2 uur op 2025-10-30 en 2 uur op 2025-11-03 declareert tegen "50,00" per uur
      Dan keurt de ontvanger het bericht niet af
      En is het geleverde volume 4 uur en het ingediende bedrag "200,00"

  @iwmo @ijw @IV077 @TR321
  Regel: IV077 - Het maximum per productperiode telt de kalenderweken (weeknummers) die de periode raakt, gebroken weken mee

    Abstract Scenario: Februari 2026 raakt vijf kalenderweken, al heeft hij maar 28 dagen
      Gegeven het is "2026-03-02"
      Als de aanbieder over "2026-02" <uren> uur declareert tegen "50,00" per uur
      Dan <uitkomst>

      Voorbeelden:
        | uren | uitkomst                                                                                           |
        | 10   | keurt de ontvanger het bericht niet af                                                              |
        | 11   | gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9321" op "Prestatie" |

  @iwmo @ijw @IV078 @TR321
  Regel: IV078 - In een gebroken maand mag het volle volume per maand worden gedeclareerd

    Abstract Scenario: Een toewijzing van 15 uur per maand die op 6 oktober begint
      Gegeven de gemeente heeft deze toewijzingen afgegeven:
        | product | ingangsdatum | einddatum  | volume | eenheid | frequentie |
        | ander   | 2025-10-06   | 2026-09-30 | 15     | 04      | 4          |
      En de aanbieder heeft de zorg voor "ander" gestart op "2025-10-08"
      Als de aanbieder voor "ander" over "2025-10" <uren> uur declareert tegen "50,00" per uur
      Dan <uitkomst>

      Voorbeelden:
        | uren | uitkomst                                                                                           |
        | 15   | keurt de ontvanger het bericht niet af                                                              |
        | 16   | gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9321" op "Prestatie" |

  @rol-aanbieder @iwmo @ijw @IV089 @TR387 @TR388
  Regel: IV089 - De productperiode begint op de eerste van de maand of op de latere ingangsdatum van de toewijzing

    Scenario: De aanbieder bepaalt zelf de productperiode van de eerste maand van de toewijzing
      Als de aanbieder over "2025-10" 8 uur declareert tegen "50,00" per uur en zelf de productperiode bepaalt
      Dan keurt de ontvanger het bericht niet af
      En is de productperiode "2025-10-06" tot "2025-10-31"

  @iwmo @ijw @IV090 @TR318
  Regel: IV090 - Te laat gedeclareerde zorg gaat mee in de declaratieperiode van nu, niet in een eerdere

    Scenario: Zorg van oktober wordt na november gedeclareerd in de declaratieperiode november
      Gegeven het is "2025-12-02"
      En de aanbieder heeft over "2025-11" 8 uur gedeclareerd tegen "50,00" per uur
      Als de aanbieder over "2025-11" 8 uur declareert met productperiode "2025-10-06" tot "2025-10-31"
      Dan keurt de ontvanger het bericht niet af
      En is de declaratieperiode "2025-11-01" tot "2025-11-30"
