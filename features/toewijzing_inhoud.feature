# language: nl
@release-3.2 @WMO301 @JW301 @WMO302 @JW302
Functionaliteit: Inhoud van een toewijzingsbericht
  Regels binnen een Toewijzing (301) over de gegevens van de client en de toegewezen producten. Vraagt de
  opdracht de gemeente om een bericht dat zo'n regel breekt, dan stuurt een correct gemeentesysteem het niet;
  stuurt de ketenpartner het als gemeente, dan keurt een correcte aanbieder het af met retourcode 0001 in de
  Header van de retour (302).

  Achtergrond:
    Gegeven het is "2026-01-12"

  @iwmo @ijw @CD005
  Regel: CD005 - In een Adres is LandCode gevuld als Postcode gevuld is, en anders leeg

    Scenario: Een adres met een postcode maar zonder LandCode gaat niet door
      Als de gemeente een toewijzing afgeeft vanaf "2026-02-01" tot "2026-07-31" voor een client met deze gegevens:
        | gegeven                | waarde  |
        | Contact/Adres/LandCode | (leeg)  |
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "0001" op "Header"

  @iwmo @ijw @CD007
  Regel: CD007 - Taal is verplicht als Communicatie/Vorm 1 (tolk taal) is, en anders leeg

    Scenario: Communicatie via een tolk zonder Taal gaat niet door
      Als de gemeente een toewijzing afgeeft vanaf "2026-02-01" tot "2026-07-31" voor een client met deze gegevens:
        | gegeven           | waarde |
        | Communicatie/Vorm | 1      |
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "0001" op "Header"

  @iwmo @ijw @CD009
  Regel: CD009 - Contact/Periode is alleen gevuld bij Soort 04 (tijdelijk verblijfadres)

    Scenario: Een periode bij het BRP-adres gaat niet door
      Als de gemeente een toewijzing afgeeft vanaf "2026-02-01" tot "2026-07-31" voor een client met deze gegevens:
        | gegeven                   | waarde     |
        | Contact/Periode/Begindatum | 2026-01-01 |
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "0001" op "Header"

  @iwmo @ijw @CD025
  Regel: CD025 - Bij LandCode NL is Huis/Huisnummer verplicht

    Scenario: Een Nederlands adres zonder huisnummer gaat niet door, ook met een telefoonnummer
      Als de gemeente een toewijzing afgeeft vanaf "2026-02-01" tot "2026-07-31" voor een client met deze gegevens:
        | gegeven                                    | waarde     |
        | Contact/Adres/Huis                         | (leeg)     |
        | Contact/Telefoon/Telefoon01/Telefoonnummer | 0201234567 |
        | Contact/Telefoon/Telefoon01/Landnummer     | 0031       |
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "0001" op "Header"

  @iwmo @ijw @CD034
  Regel: CD034 - Bij Soort 01 (BRP-adres) of 03 (verblijfadres) is Postcode verplicht

    Scenario: Een BRP-adres zonder postcode gaat niet door, ook met een telefoonnummer
      Als de gemeente een toewijzing afgeeft vanaf "2026-02-01" tot "2026-07-31" voor een client met deze gegevens:
        | gegeven                                    | waarde     |
        | Contact/Adres/Postcode                     | (leeg)     |
        | Contact/Adres/LandCode                     | (leeg)     |
        | Contact/Telefoon/Telefoon01/Telefoonnummer | 0201234567 |
        | Contact/Telefoon/Telefoon01/Landnummer     | 0031       |
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "0001" op "Header"

  @iwmo @ijw @CS050
  Regel: CS050 - Zonder Partnernaam is NaamGebruik 1 (eigen naam), of 6 voor een niet-natuurlijk persoon

    Scenario: Naamgebruik 2 (naam partner) zonder Partnernaam gaat niet door
      Als de gemeente een toewijzing afgeeft vanaf "2026-02-01" tot "2026-07-31" voor een client met deze gegevens:
        | gegeven           | waarde |
        | Naam/Partnernaam  | (leeg) |
        | Naam/NaamGebruik  | 2      |
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "0001" op "Header"

  @iwmo @ijw @CS089
  Regel: CS089 - Bij LandCode NL is de Postcode vier cijfers (niet beginnend met 0) en twee letters, zonder spatie

    Scenario: Een Nederlands adres met een postcode in een ander formaat gaat niet door
      Als de gemeente een toewijzing afgeeft vanaf "2026-02-01" tot "2026-07-31" voor een client met deze gegevens:
        | gegeven                | waarde |
        | Contact/Adres/Postcode | ABCD12 |
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "0001" op "Header"

  @ijw @CS318
  Regel: CS318 - NaamGebruik van de client heeft niet de waarde 6 (alleen iJw)

    Scenario: Naamgebruik 6 voor de client gaat niet door
      Als de gemeente een toewijzing afgeeft vanaf "2026-02-01" tot "2026-07-31" voor een client met deze gegevens:
        | gegeven          | waarde |
        | Naam/NaamGebruik | 6      |
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "0001" op "Header"

  @iwmo @ijw @TR002
  Regel: TR002 - Een geboortedatum ligt niet meer dan 120 jaar voor de Dagtekening van het bericht

    Scenario: Een client geboren in 1901 gaat niet door
      Als de gemeente een toewijzing afgeeft vanaf "2026-02-01" tot "2026-07-31" voor een client met deze gegevens:
        | gegeven             | waarde     |
        | Geboortedatum/Datum | 1901-06-15 |
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "0001" op "Header"

  @iwmo @ijw @TR006
  Regel: TR006 - Een Contact bevat een Telefoon, of een Adres met Huis en Postcode

    Scenario: Een tweede contact met alleen een e-mailadres gaat niet door
      Als de gemeente een toewijzing afgeeft vanaf "2026-02-01" tot "2026-07-31" voor een client met deze gegevens:
        | gegeven               | waarde         |
        | Contact[2]/Soort      | 04             |
        | Contact[2]/Emailadres | client@test.nl |
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "0001" op "Header"

  @iwmo @ijw @TR061
  Regel: TR061 - Van de client is een BRP-adres, correspondentieadres of verblijfadres opgenomen

    Scenario: Een client met alleen een tijdelijk verblijfadres gaat niet door
      Als de gemeente een toewijzing afgeeft vanaf "2026-02-01" tot "2026-07-31" voor een client met deze gegevens:
        | gegeven       | waarde |
        | Contact/Soort | 04     |
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "0001" op "Header"

  @iwmo @ijw @CD041
  Regel: CD041 - Als Product/Code gevuld is, dan is Omvang verplicht

    Scenario: Een toewijzing van een productcode zonder omvang gaat niet door
      Als de gemeente in een bericht deze toewijzingen afgeeft:
        | product   | ingangsdatum | einddatum  | volume |
        | standaard | 2026-02-01   | 2026-07-31 | geen   |
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "0001" op "Header"

  @iwmo @ijw @CD080
  Regel: CD080 - Zonder Product/Code (en met een Einddatum na 2020-12-31 of zonder Einddatum) geen Omvang

    Scenario: Een toewijzing van alleen een productcategorie met een omvang gaat niet door
      Als de gemeente in een bericht deze toewijzingen afgeeft:
        | product   | ingangsdatum | einddatum  | volume |
        | categorie | 2026-02-01   | 2026-07-31 | 2      |
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "0001" op "Header"

  @iwmo @ijw @CS003
  Regel: CS003 - Een Einddatum ligt niet voor de Ingangsdatum

    Scenario: Een toewijzing die eindigt voor ze ingaat gaat niet door
      Als de gemeente in een bericht deze toewijzingen afgeeft:
        | product   | ingangsdatum | einddatum  |
        | standaard | 2026-03-01   | 2026-02-01 |
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "0001" op "Header"

  @iwmo @ijw @TR302
  Regel: TR302 - In een toewijzingsbericht overlappen de perioden van toewijzingen van hetzelfde product elkaar niet

    Scenario: Twee overlappende toewijzingen van hetzelfde product in een bericht gaan niet door
      Als de gemeente in een bericht deze toewijzingen afgeeft:
        | product   | ingangsdatum | einddatum  |
        | standaard | 2026-02-01   | 2026-07-31 |
        | standaard | 2026-03-01   | 2026-08-31 |
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "0001" op "Header"

    Scenario: Twee aansluitende toewijzingen van hetzelfde product in een bericht zijn goed
      Als de gemeente in een bericht deze toewijzingen afgeeft:
        | product   | ingangsdatum | einddatum  |
        | standaard | 2026-02-01   | 2026-04-30 |
        | standaard | 2026-05-01   | 2026-08-31 |
      Dan keurt de ontvanger het bericht niet af

  @iwmo @ijw @CS336
  Regel: CS336 - RedenWijziging 01 (administratieve correctie) wordt niet gebruikt

    Scenario: Een wijziging met reden 01 gaat niet door
      Gegeven de gemeente heeft een toewijzing afgegeven vanaf "2026-02-01" tot "2026-07-31"
      Als de gemeente de toewijzing wijzigt per "2026-05-31" met reden "01"
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "0001" op "Header"

  @iwmo @ijw @CS335
  Regel: CS335 - RedenWijziging 13 (verwijderd) alleen met Einddatum gelijk aan Ingangsdatum

    Scenario: Een verwijdering met een einddatum na de ingangsdatum gaat niet door
      Gegeven de gemeente heeft een toewijzing afgegeven vanaf "2026-02-01" tot "2026-07-31"
      Als de gemeente de toewijzing wijzigt per "2026-05-31" met reden "13"
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "0001" op "Header"
