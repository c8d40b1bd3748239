# language: nl
@release-3.2 @WMO315 @JW315 @WMO316 @JW316
Functionaliteit: Verzoek om toewijzing
  Na een wettelijke verwijzing of een open beschikking vraagt de aanbieder met een Verzoek om toewijzing (315)
  om een toewijzing. De gemeente beoordeelt elk aangevraagd product en honoreert het met een toewijzing (301)
  waarin de ReferentieAanbieder van het verzoek terugkomt, of wijst het af met een antwoordbericht (319).

  Achtergrond:
    Gegeven het is "2026-01-12"

  @iwmo @ijw @OP307 @IV094 @OP344 @IV052 @OP296
  Regel: Een gehonoreerd verzoek komt terug als toewijzing met de ReferentieAanbieder van het verzoek

    Scenario: De gemeente honoreert een verzoek om toewijzing
      Gegeven de aanbieder heeft een verzoek om toewijzing ingediend vanaf "2026-02-01" tot "2026-07-31"
      Als de gemeente het verzoek honoreert
      Dan keurt de ontvanger het bericht niet af
      En neemt de toewijzing de ReferentieAanbieder van het verzoek over

    Scenario: De aanbieder vraagt twee producten aan in een verzoek
      Als de aanbieder een verzoek om toewijzing indient voor de producten:
        | product      | ingangsdatum | einddatum  |
        | standaard    | 2026-02-01   | 2026-07-31 |
        | ander        | 2026-02-01   | 2026-07-31 |
      Dan keurt de ontvanger het bericht niet af

    Scenario: De gemeente honoreert een verzoek om twee producten in zijn geheel
      Als de aanbieder een verzoek om toewijzing indient voor de producten:
        | product   | ingangsdatum | einddatum  |
        | standaard | 2026-02-01   | 2026-07-31 |
        | ander     | 2026-02-01   | 2026-07-31 |
      En de gemeente het verzoek honoreert
      Dan keurt de ontvanger alle berichten goed
      En neemt elke toewijzing de ReferentieAanbieder van het aangevraagde product over

  @iwmo @ijw @TR374 @OP350
  Regel: Er is per client en aanbieder maar een verzoek tegelijk in behandeling

    Scenario: Een tweede verzoek terwijl het eerste nog loopt gaat niet door
      Gegeven de aanbieder heeft een verzoek om toewijzing ingediend vanaf "2026-02-01" tot "2026-07-31"
      Als de aanbieder nog een verzoek om toewijzing indient vanaf "2026-03-01" tot "2026-07-31"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9374" op "Client"

    Scenario: Na de toewijzing mag een nieuw verzoek
      Gegeven de aanbieder heeft een verzoek om toewijzing ingediend vanaf "2026-02-01" tot "2026-07-31"
      En de gemeente heeft het verzoek gehonoreerd
      Als de aanbieder een verzoek om toewijzing indient voor een ander product vanaf "2026-03-01" tot "2026-07-31"
      Dan keurt de ontvanger het bericht niet af

  @iwmo @ijw @TR347 @OP361
  Regel: Een ReferentieAanbieder wordt maar een keer gebruikt

    Scenario: Een verzoek met een al gebruikte ReferentieAanbieder gaat niet door
      Gegeven de aanbieder heeft een verzoek om toewijzing ingediend vanaf "2026-02-01" tot "2026-07-31"
      En de gemeente heeft het verzoek gehonoreerd
      Als de aanbieder een nieuw verzoek om toewijzing indient met dezelfde ReferentieAanbieder
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9347" op "AangevraagdProduct"

  @iwmo @ijw @OP306 @TR352 @WMO317 @JW317
  Regel: Zonder actuele toewijzing vraagt de aanbieder een verzoek om toewijzing, geen verzoek om wijziging

    Scenario: Een verzoek om wijziging voor een client zonder toewijzing gaat niet door
      Als de aanbieder een verzoek om wijziging indient met een nieuw product "standaard" vanaf "2026-02-01" tot "2026-07-31"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @rol-aanbieder @iwmo @ijw @OP307
  Regel: Voor zorg die al is toegewezen vraagt de aanbieder een verzoek om wijziging, geen verzoek om toewijzing
    OP307: een verzoek om toewijzing is er niet voor een product en periode waarvoor de client al een actuele
    toewijzing bij deze aanbieder heeft. De gemeente heeft daar geen retourcode voor (de ketenpartner meldt het
    als advies), dus alleen de aanbieder kan de regel bewaken: een correct systeem stuurt zo'n verzoek niet.

    Scenario: Een verzoek om toewijzing voor een product dat in die periode al is toegewezen gaat niet de deur uit
      Gegeven de gemeente heeft een toewijzing afgegeven vanaf "2025-10-06" tot "2026-09-30"
      Als de aanbieder een verzoek om toewijzing indient vanaf "2026-02-01" tot "2026-07-31"
      Dan stuurt de aanbieder geen verzoek om toewijzing voor zorg die al is toegewezen

    Scenario: Een verzoek om toewijzing voor hetzelfde product na afloop van de toewijzing mag
      Gegeven de gemeente heeft een toewijzing afgegeven vanaf "2025-10-06" tot "2026-01-31"
      Als de aanbieder een verzoek om toewijzing indient vanaf "2026-02-01" tot "2026-07-31"
      Dan keurt de ontvanger het bericht niet af
