# language: nl
@release-3.2 @WMO315 @JW315 @WMO316 @JW316
Functionaliteit: Inhoud van een verzoek om toewijzing
  Regels binnen een Verzoek om toewijzing (315) over de aangevraagde producten en de verwijzer. Vraagt de
  opdracht de aanbieder om een bericht dat zo'n regel breekt, dan stuurt een correct aanbiedersysteem het niet;
  stuurt de ketenpartner het als aanbieder, dan keurt een correcte gemeente het af met retourcode 0001 in de
  Header van de retour (316).

  Achtergrond:
    Gegeven het is "2026-01-12"

  @iwmo @ijw @CD043
  Regel: CD043 - BeschikkingIngangsdatum is verplicht als BeschikkingNummer gevuld is, en anders leeg

    Scenario: Een beschikkingnummer zonder ingangsdatum van de beschikking gaat niet door
      Als de aanbieder een verzoek om toewijzing indient vanaf "2026-02-01" tot "2026-07-31" met in het aangevraagde product:
        | gegeven           | waarde  |
        | BeschikkingNummer | 2026001 |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @CD066
  Regel: CD066 - Bij een Verwijzer van Type 02, 03, 04 of 05 met een ZorgverlenerCode is de Naam leeg

    Scenario: Een huisarts als verwijzer met zowel een AGB-code als een naam gaat niet door
      Als de aanbieder een verzoek om toewijzing indient vanaf "2026-02-01" tot "2026-07-31" met in het aangevraagde product:
        | gegeven                    | waarde   |
        | Verwijzer/Type             | 02       |
        | Verwijzer/Naam             | Huisarts |
        | Verwijzer/ZorgverlenerCode | 01123456 |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @CD067
  Regel: CD067 - Bij een Verwijzer van Type 02, 03, 04 of 05 zonder ZorgverlenerCode is de Naam gevuld

    Scenario: Een huisarts als verwijzer zonder AGB-code en zonder naam gaat niet door
      Als de aanbieder een verzoek om toewijzing indient vanaf "2026-02-01" tot "2026-07-31" met in het aangevraagde product:
        | gegeven        | waarde |
        | Verwijzer/Type | 02     |
        | Verwijzer/Naam | (leeg) |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @CD068
  Regel: CD068 - Bij een Verwijzer van een ander Type dan 02, 03, 04 of 05 is de ZorgverlenerCode leeg

    Scenario: De gemeente als verwijzer met een AGB-code gaat niet door
      Als de aanbieder een verzoek om toewijzing indient vanaf "2026-02-01" tot "2026-07-31" met in het aangevraagde product:
        | gegeven                    | waarde   |
        | Verwijzer/Type             | 01       |
        | Verwijzer/Naam             | (leeg)   |
        | Verwijzer/ZorgverlenerCode | 01123456 |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @CD095
  Regel: CD095 - Zonder Product/Code (en met een ToewijzingEinddatum na 2020-12-31 of zonder) geen Omvang

    Scenario: Een aanvraag van alleen een productcategorie met een omvang gaat niet door
      Als de aanbieder een verzoek om toewijzing indient vanaf "2026-02-01" tot "2026-07-31" met in het aangevraagde product:
        | gegeven      | waarde |
        | Product/Code | (leeg) |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @CS343
  Regel: CS343 - Bij Omvang/Eenheid 14, 16, 83 of 84 is de Frequentie 2, 4 of 6

    Scenario: Een omvang in eenheid 14 per dag gaat niet door
      Als de aanbieder een verzoek om toewijzing indient vanaf "2026-02-01" tot "2026-07-31" met in het aangevraagde product:
        | gegeven           | waarde |
        | Omvang/Eenheid    | 14     |
        | Omvang/Frequentie | 1      |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @CD075
  Regel: CD075 - Als Budget gevuld is, dan is de einddatum (ToewijzingEinddatum) verplicht

    Scenario: Een aanvraag met een budget zonder einddatum gaat niet door
      Als de aanbieder een verzoek om toewijzing indient vanaf "2026-02-01" tot "2026-07-31" met in het aangevraagde product:
        | gegeven             | waarde |
        | Product/Code        | (leeg) |
        | Omvang              | (leeg) |
        | Budget              | 50000  |
        | ToewijzingEinddatum | (leeg) |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @CD076
  Regel: CD076 - Als Omvang/Frequentie 2 (per week) is, dan is de einddatum (ToewijzingEinddatum) verplicht

    Scenario: Een aanvraag per week zonder einddatum gaat niet door
      Als de aanbieder een verzoek om toewijzing indient vanaf "2026-02-01" tot "2026-07-31" met in het aangevraagde product:
        | gegeven             | waarde |
        | Omvang/Frequentie   | 2      |
        | ToewijzingEinddatum | (leeg) |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @CD079
  Regel: CD079 - Als Budget leeg is, dan is Product verplicht

    Scenario: Een aanvraag zonder product en zonder budget gaat niet door
      Als de aanbieder een verzoek om toewijzing indient vanaf "2026-02-01" tot "2026-07-31" met in het aangevraagde product:
        | gegeven | waarde |
        | Product | (leeg) |
        | Omvang  | (leeg) |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @TR383
  Regel: TR383 - Binnen een verzoek om toewijzing heeft elk AangevraagdProduct een eigen ReferentieAanbieder

    Scenario: Twee aangevraagde producten met dezelfde ReferentieAanbieder gaan niet door
      Als de aanbieder een verzoek om toewijzing indient voor twee producten met dezelfde ReferentieAanbieder
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @TR386
  Regel: TR386 - Binnen een verzoek om toewijzing overlappen de perioden van aanvragen van hetzelfde product elkaar niet

    Scenario: Twee overlappende aanvragen van hetzelfde product in een verzoek gaan niet door
      Als de aanbieder een verzoek om toewijzing indient voor de producten:
        | product   | ingangsdatum | einddatum  |
        | standaard | 2026-02-01   | 2026-07-31 |
        | standaard | 2026-03-01   | 2026-08-31 |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @CS139
  Regel: CS139 - Bij DatumGebruik 1 (dag onbekend) is de Geboortedatum de eerste van de maand

    Scenario: Een geboortedatum met onbekende dag die niet op de eerste valt gaat niet door
      Als de aanbieder een verzoek om toewijzing indient vanaf "2026-02-01" tot "2026-07-31" voor een client met deze gegevens:
        | gegeven                     | waarde     |
        | Geboortedatum/Datum         | 1990-05-17 |
        | Geboortedatum/DatumGebruik  | 1          |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @TR134
  Regel: TR134 - Een geboortedatum is een bestaande datum, niet later dan de Dagtekening van het bericht

    Scenario: Een client die volgens het verzoek nog geboren moet worden gaat niet door
      Als de aanbieder een verzoek om toewijzing indient vanaf "2026-02-01" tot "2026-07-31" voor een client met deze gegevens:
        | gegeven             | waarde     |
        | Geboortedatum/Datum | 2026-03-01 |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @CS002
  Regel: CS002 - Het BSN van de client voldoet aan de elfproef

    Scenario: Een verzoek voor een client met een BSN dat niet aan de elfproef voldoet gaat niet door
      Als de aanbieder een verzoek om toewijzing indient vanaf "2026-02-01" tot "2026-07-31" voor een client met een BSN dat niet aan de elfproef voldoet
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"
