# language: nl
@release-3.2 @WMO317 @JW317 @WMO318 @JW318
Functionaliteit: Inhoud van een verzoek om wijziging
  Regels binnen een Verzoek om wijziging (317) over de nieuwe producten en de inhoud van het verzoek. Vraagt de
  opdracht de aanbieder om een bericht dat zo'n regel breekt, dan stuurt een correct aanbiedersysteem het niet;
  stuurt de ketenpartner het als aanbieder, dan keurt een correcte gemeente het af met retourcode 0001 in de
  Header van de retour (318).

  Achtergrond:
    Gegeven het is "2026-01-12"
    En de gemeente heeft een toewijzing afgegeven vanaf "2025-10-06" tot "2026-09-30"

  @iwmo @ijw @CD096
  Regel: CD096 - Zonder Product/Code (en met een Einddatum na 2020-12-31 of zonder) heeft een NieuwProduct geen Omvang

    Scenario: Een nieuw product van alleen een productcategorie met een omvang gaat niet door
      Als de aanbieder een verzoek om wijziging indient met een nieuw product vanaf "2026-03-01" tot "2026-09-30" met in het nieuwe product:
        | gegeven      | waarde |
        | Product/Code | (leeg) |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @CS338
  Regel: CS338 - Bij Omvang/Eenheid 14, 16, 83 of 84 is de Frequentie 2, 4 of 6

    Scenario: Een nieuw product in eenheid 14 per dag gaat niet door
      Als de aanbieder een verzoek om wijziging indient met een nieuw product vanaf "2026-03-01" tot "2026-09-30" met in het nieuwe product:
        | gegeven           | waarde |
        | Omvang/Eenheid    | 14     |
        | Omvang/Frequentie | 1      |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @TR380
  Regel: TR380 - De GewensteIngangsdatum van een NieuwProduct ligt na de Dagtekening van het bericht

    Scenario: Een nieuw product dat vandaag al moet ingaan gaat niet door
      Als de aanbieder een verzoek om wijziging indient met een nieuw product "derde" vanaf "2026-01-12" tot "2026-09-30"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

    Scenario: Een nieuw product dat morgen ingaat is goed
      Als de aanbieder een verzoek om wijziging indient met een nieuw product "derde" vanaf "2026-01-13" tot "2026-09-30"
      Dan keurt de ontvanger het bericht niet af

  @iwmo @ijw @TR410
  Regel: TR410 - Binnen een verzoek om wijziging overlappen de perioden van nieuwe producten van hetzelfde product elkaar niet

    Scenario: Twee overlappende nieuwe producten van hetzelfde product gaan niet door
      Als de aanbieder een verzoek om wijziging indient met deze nieuwe producten:
        | product | ingangsdatum | einddatum  |
        | derde   | 2026-02-01   | 2026-07-31 |
        | derde   | 2026-03-01   | 2026-09-30 |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @TR353
  Regel: TR353 - Een verzoek om wijziging bevat minstens een TeWijzigenProduct of NieuwProduct

    Scenario: Een verzoek om wijziging met alleen ongewijzigde producten gaat niet door
      Als de aanbieder een verzoek om wijziging indient zonder te wijzigen of nieuwe producten
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @TR101
  Regel: TR101 - Binnen een verzoek om wijziging staat een toewijzing maar een keer als te wijzigen product
    De logische sleutel van een TeWijzigenProduct is het ToewijzingNummer: een toewijzing die vanaf een latere
    datum een ander volume moet krijgen, staat er een keer in, met de GewensteIngangsdatum van de wijziging.

    Scenario: Dezelfde toewijzing twee keer als te wijzigen product gaat niet door
      Als de aanbieder een verzoek om wijziging indient:
        | product   | gewenste ingangsdatum | einddatum  | volume |
        | standaard | 2025-10-06            | 2026-01-31 | 2      |
        | standaard | 2026-02-01            | 2026-09-30 | 4      |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"
