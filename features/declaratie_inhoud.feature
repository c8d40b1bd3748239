# language: nl
@release-3.2 @WMO323 @JW323 @WMO325 @JW325
Functionaliteit: Inhoud van een declaratie
  Regels binnen een Declaratie (323) over de declaratieperiode en de productperioden. Vraagt de opdracht de
  aanbieder om een declaratie die zo'n regel breekt, dan stuurt een correct aanbiedersysteem haar niet; stuurt
  de ketenpartner haar als aanbieder, dan keurt een correcte gemeente haar af in het declaratie-antwoord (325).

  Achtergrond:
    Gegeven het is "2025-11-04"
    En de gemeente heeft een toewijzing afgegeven vanaf "2025-10-06" tot "2026-09-30"
    En de aanbieder heeft de zorg gestart op "2025-10-08"

  @iwmo @ijw @CS337
  Regel: CS337 - De Einddatum van een ProductPeriode ligt in dezelfde kalendermaand als de Begindatum

    Scenario: Een productperiode over twee maanden gaat niet door
      Gegeven het is "2025-12-02"
      Als de aanbieder over "2025-11" 8 uur declareert met productperiode "2025-10-06" tot "2025-11-30"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @TR137
  Regel: TR137 - De Einddatum van DeclaratiePeriode en ProductPeriode ligt niet na de Dagtekening van het bericht

    Scenario: Declareren over de lopende maand gaat niet door
      Gegeven het is "2025-11-20"
      Als de aanbieder over "2025-11" 8 uur declareert tegen "50,00" per uur
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @TR319
  Regel: TR319 - Een ProductPeriode ligt in de declaratieperiode of in een eerdere

    Scenario: Een productperiode na de declaratieperiode gaat niet door
      Gegeven het is "2025-12-02"
      Als de aanbieder over "2025-10" 8 uur declareert met productperiode "2025-11-01" tot "2025-11-30"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9319" op "Prestatie"

  @iwmo @ijw @TR416
  Regel: TR416 - Een declaratie bevat geen twee debetprestaties met dezelfde ProductPeriode, ProductCategorie, ToewijzingNummer en ProductCode

    Scenario: Dezelfde prestatie twee keer in een declaratie gaat niet door
      Gegeven het is "2025-12-02"
      Als de aanbieder over "2025-11" declareert:
        | product   | begin      | eind       | volume | eenheid | tarief |
        | standaard | 2025-11-01 | 2025-11-30 | 2      | 04      | 50,00  |
        | standaard | 2025-11-01 | 2025-11-30 | 2      | 04      | 50,00  |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @CS340
  Regel: CS340 - Een DeclaratiePeriode begint op de eerste en eindigt op de laatste dag van dezelfde maand

    Scenario: Een declaratieperiode van twee maanden gaat niet door
      Gegeven het is "2025-12-02"
      Als de aanbieder over "2025-10" 8 uur declareert met declaratieperiode "2025-10-01" tot "2025-11-30"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @CD087
  Regel: CD087 - ProductTarief is verplicht als de Eenheid niet 83 (euro's) is, en leeg bij Eenheid 83

    Scenario: Een prestatie in euro's met een producttarief gaat niet door
      Gegeven de gemeente heeft deze toewijzingen afgegeven:
        | product   | ingangsdatum | einddatum  | budget |
        | categorie | 2025-10-06   | 2026-09-30 | 500,00 |
      En de aanbieder heeft de zorg voor "categorie" gestart op "2025-10-08"
      En het is "2025-12-02"
      Als de aanbieder voor "categorie" over "2025-11" "100,00" euro declareert met een producttarief van "1,00"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @CS339 @IV042 @IV087 @TR342 @OP304
  Regel: CS339 - Bij Eenheid 83 (euro's) is het IngediendBedrag gelijk aan het GeleverdVolume (in eurocenten)
    Is het systeem de gemeente, dan wordt zijn declaratie-antwoord beoordeeld zoals in Declareren (IV087, TR342,
    OP304).

    Scenario: Een prestatie in euro's heeft het geleverde volume als bedrag
      Gegeven de gemeente heeft deze toewijzingen afgegeven:
        | product   | ingangsdatum | einddatum  | budget |
        | categorie | 2025-10-06   | 2026-09-30 | 500,00 |
      En de aanbieder heeft de zorg voor "categorie" gestart op "2025-10-08"
      En het is "2025-12-02"
      Als de aanbieder voor "categorie" over "2025-11" "125,50" euro declareert
      Dan keurt de ontvanger het bericht niet af
      En is het ingediende bedrag "125,50"

  @iwmo @ijw @TR358 @IV086 @IV081 @TR346 @IV087 @TR342 @OP304
  Regel: TR358 - TotaalIngediendBedrag is de som van de ingediende bedragen van de prestaties
    Bij minuten tegen een uurtarief is het bedrag uurtarief x minuten / 60, eenmaal afgerond (IV081, TR346); het
    totaal telt die bedragen op en rekent niet opnieuw met minuten x het afgeronde minuuttarief. Is het systeem de
    gemeente, dan wordt zijn declaratie-antwoord beoordeeld zoals in Declareren (IV087, TR342, OP304).

    Scenario: Het totaal van een declaratie in minuten is de som van de afgeronde bedragen
      Als de aanbieder over "2025-10" 130 minuten declareert tegen "50,00" per uur
      Dan keurt de ontvanger het bericht niet af
      En is het totaal ingediende bedrag "108,33"

  @iwmo @ijw @CS100
  Regel: CS100 - DeclaratiePeriode en ProductPeriode beginnen op of na 1 januari 2021

    Scenario: Zorg van december 2020 declareren gaat niet door
      Gegeven de gemeente heeft vandaag een toewijzing voor het andere product afgegeven die loopt vanaf "2020-12-01" tot "2026-09-30"
      Als de aanbieder over "2025-10" declareert:
        | product | begin      | eind       | volume | eenheid | tarief |
        | ander   | 2020-12-01 | 2020-12-31 | 4      | 04      | 50,00  |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @TR335
  Regel: TR335 - Een ProductPeriode eindigt niet meer dan vijf jaar (60 maanden) voor de dagtekening van de declaratie

    Scenario: Zorg van vijf jaar en een maand geleden declareren gaat niet door
      Gegeven het is "2030-12-02"
      Als de aanbieder over "2030-11" 8 uur declareert met productperiode "2025-10-06" tot "2025-10-31"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @TR339
  Regel: TR339 - De ProductCategorie van een prestatie is de toegewezen categorie

    Scenario: Onder een toewijzing van een productcategorie een product van een andere categorie declareren gaat niet door
      Gegeven de gemeente heeft deze toewijzingen afgegeven:
        | product   | ingangsdatum | einddatum  | budget |
        | categorie | 2025-10-06   | 2026-09-30 | 500,00 |
      En de aanbieder heeft de zorg voor "categorie" gestart op "2025-10-08"
      En het is "2025-12-02"
      Als de aanbieder voor "categorie" over "2025-11" "100,00" euro declareert met de productcode van een andere categorie
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9339" op "Prestatie"
