# language: nl
@ijw @release-3.2 @casus @JW315 @JW301 @JW305 @JW323 @JW325 @JW307
Functionaliteit: Casus Noor (iJw, outputgericht)
  De uitgewerkte casus 1 uit het webinar "Zorgadministratie en berichtenverkeer voor experts" (Zorginstituut,
  12 november 2025). Noor (16 jaar) heeft eetproblemen; de huisarts verwijst haar naar een gespecialiseerde
  jeugdhulpaanbieder. Afwijkingen van de dia's, omdat die daar zichzelf tegenspreken: de Stop zorg voor 45A34
  draagt de begindatum van zijn eigen start (29-10-2025, niet 20-10-2025), prestatie 2 heeft productcategorie
  45 (niet 02), en alleen Noors prestaties staan in de declaratie (het totaal van 6.436,00 gold alle clienten).

  Achtergrond:
    Gegeven Noor, 16 jaar, is client van de aanbieder
    En het is "2025-10-06"

  @OP307 @OP344 @IV094 @TR383 @OP295 @OP271 @OP263 @OP264 @IV089 @OP279 @OP280 @OP303 @OP304 @OP355 @TR342 @OP363
  Regel: Van verzoek om toewijzing tot stop zorg

    Scenario: Noor krijgt outputgerichte jeugdhulp, die wordt gedeclareerd en volgens plan beeindigd
      Als de aanbieder een verzoek om toewijzing indient met:
        | referentie | product | ingangsdatum | einddatum  | volume | eenheid | frequentie | verwijzer |
        | 12345      | 45A02   | 2025-10-15   | 2026-08-14 | 1      | 82      | 4          | 02        |
        | 12350      | 45A34   | 2025-10-15   | 2026-08-14 | 10     | 82      | 6          | 02        |
      En het is "2025-10-10"
      En de gemeente het verzoek honoreert
      Dan keurt de ontvanger alle berichten goed
      En neemt elke toewijzing de ReferentieAanbieder van het aangevraagde product over
      Als het is "2025-10-20"
      En de aanbieder de zorg voor "45A02" start per "2025-10-20"
      En het is "2025-10-29"
      En de aanbieder de zorg voor "45A34" start per "2025-10-29"
      En het is "2025-11-04"
      En de aanbieder over "2025-10" declareert:
        | product | begin      | eind       | volume | eenheid | tarief |
        | 45A02   | 2025-10-15 | 2025-10-31 | 1      | 82      | 212,00 |
        | 45A34   | 2025-10-15 | 2025-10-31 | 1      | 82      | 317,50 |
      Dan keurt de ontvanger het bericht niet af
      En is de declaratie volledig toegewezen
      Als het is "2026-08-14"
      En de aanbieder de zorg voor "45A02" stopt met reden "31" per "2026-08-14"
      En de aanbieder de zorg voor "45A34" stopt met reden "31" per "2026-08-14"
      Dan keurt de ontvanger alle berichten goed

  @OP288 @OP186 @TR308 @OP368
  Regel: Na een stop kan de gemeente intrekken; daarna valt alleen de periode tot de stop nog binnen de toewijzing

    Scenario: De gemeente trekt in na de stop van Noors zorg en er wordt alleen tot de stop gedeclareerd
      Gegeven de gemeente heeft deze toewijzingen afgegeven:
        | product | ingangsdatum | einddatum  | volume | eenheid | frequentie |
        | 45A02   | 2025-10-15   | 2026-08-14 | 1      | 82      | 4          |
      En de aanbieder heeft de zorg voor "45A02" gestart op "2025-10-20"
      Als het is "2026-07-28"
      En de aanbieder de zorg voor "45A02" stopt met reden "31" per "2026-07-28"
      En de gemeente de toewijzing voor "45A02" intrekt per "2026-07-28" met reden "12"
      En het is "2026-08-04"
      En de aanbieder over "2026-07" declareert:
        | product | begin      | eind       | volume | eenheid | tarief |
        | 45A02   | 2026-07-01 | 2026-07-31 | 1      | 82      | 212,00 |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9308" op "Prestatie"
      Als de aanbieder over "2026-07" declareert:
        | product | begin      | eind       | volume | eenheid | tarief |
        | 45A02   | 2026-07-01 | 2026-07-28 | 1      | 82      | 212,00 |
      Dan keurt de ontvanger het bericht niet af
      En volgt op de intrekking geen nieuwe stop

  @OP359 @IV095 @TR377
  Regel: De gemeente kan een verzoek voor Noor afwijzen op grond van het woonplaatsbeginsel

    Scenario: Een andere gemeente is verantwoordelijk voor Noor
      Gegeven de aanbieder heeft een verzoek om toewijzing ingediend vanaf "2025-10-15" tot "2026-08-14"
      Als het is "2025-10-17"
      En de gemeente het verzoek afwijst op grond van het woonplaatsbeginsel, verantwoordelijk is gemeente "0344"
      Dan keurt de ontvanger het bericht niet af
      En noemt het antwoordbericht gemeente "0344" als verantwoordelijke gemeente
