# language: nl
@release-3.2
Functionaliteit: Controles tegen externe bronnen
  Sommige technische regels toetst de ontvanger niet aan eerdere berichten maar aan een bron buiten de berichten
  (controleniveau 4): zijn eigen systeemdatum (TR135), de CBS-gemeentelijke indeling die geldt op de datum
  (TR378), de gehanteerde productcodelijst (TR381) en de contractafspraken over tarieven (TR418). Een correct systeem stuurt alleen
  berichten die deze controles doorstaan, en keurt een bericht dat ze niet doorstaat af met de retourcode van
  de regel.

  Achtergrond:
    Gegeven het is "2026-01-12"

  @iwmo @ijw @TR135 @WMO301 @JW301 @WMO315 @JW315
  Regel: De Dagtekening van een bericht ligt niet na de systeemdatum van de ontvanger

    Scenario: Een bericht van vandaag komt door
      Gegeven de gemeente heeft een toewijzing afgegeven vanaf "2025-10-06" tot "2026-09-30"
      Als het systeem zijn volgende bericht verstuurt
      Dan keurt de ontvanger het bericht niet af

    Scenario: Een bericht met een Dagtekening na vandaag wordt afgekeurd
      Als de ketenpartner een heenbericht stuurt met als Dagtekening de dag na vandaag
      Dan keurt de ontvanger het bericht af met retourcode "8848" op "Header"

  @iwmo @ijw @TR378 @WMO301 @JW301 @WMO315 @JW315
  Regel: De gemeentecode bestaat in de CBS-gemeentelijke indeling
    Een bericht aan een gemeentecode die niet bestaat bereikt geen gemeente (het berichtenverkeer routeert op de
    Ontvanger); afkeur met S300 is daarom te toetsen bij de aanbieder: de Afzender van een toewijzing en de
    gemeente die een afwijzing op grond van het woonplaatsbeginsel noemt (iJw).

    Scenario: Berichten tussen bestaande gemeenten en aanbieders komen door
      Gegeven de gemeente heeft een toewijzing afgegeven vanaf "2025-10-06" tot "2026-09-30"
      Als het systeem zijn volgende bericht verstuurt
      Dan keurt de ontvanger het bericht niet af

    @rol-aanbieder
    Scenario: Een toewijzing van een gemeentecode die niet bestaat wordt afgekeurd
      Als de ketenpartner een heenbericht stuurt met een gemeentecode die niet in de CBS-indeling staat
      Dan keurt de ontvanger het bericht af met retourcode "S300" op "Header"


  @ijw @TR378 @JW319 @OP359
  Regel: De verantwoordelijke gemeente bij een afwijzing op grond van het woonplaatsbeginsel bestaat (iJw)

    @rol-aanbieder
    Scenario: Een afwijzing die een onbestaande gemeente verantwoordelijk noemt wordt afgekeurd
      Gegeven de aanbieder heeft een verzoek om toewijzing ingediend vanaf "2026-02-01" tot "2026-07-31"
      Als de gemeente het verzoek afwijst op grond van het woonplaatsbeginsel, verantwoordelijk is gemeente "9999"
      Dan keurt de ontvanger het bericht af met retourcode "S300" op "Woonplaatsbeginsel"

  @iwmo @ijw @TR381 @OP302
  Regel: De productcode hoort bij de productcategorie volgens de gehanteerde productcodelijst
    Een gemeente mag een eigen productcodelijst hanteren (IV075). Gemeente en aanbieder leggen de lijst die zij
    samen hanteren elk in hun eigen systeem vast (actie "productcodelijst"); een code die daarin niet bij zijn
    categorie staat wordt afgekeurd met S329. Zonder afgesproken lijst is er niets om tegen te toetsen: dan keurt
    niemand een eigen productcode af.

    Scenario: Een toewijzing met een productcode van een andere categorie gaat niet door
      Gegeven de gemeente en de aanbieder hanteren een eigen productcodelijst
      Als de gemeente een toewijzing afgeeft met een productcode van een andere categorie vanaf "2026-02-01" tot "2026-07-31"
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "S329" op "ToegewezenProduct"

    Scenario: Een verzoek om toewijzing met een productcode van een andere categorie gaat niet door
      Gegeven de gemeente en de aanbieder hanteren een eigen productcodelijst
      Als de aanbieder een verzoek om toewijzing indient met een productcode van een andere categorie vanaf "2026-02-01" tot "2026-07-31"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "S329" op "AangevraagdProduct"

    Scenario: Zonder afgesproken productcodelijst gaat een eigen productcode van de gemeente door
      Als de gemeente een toewijzing afgeeft met de eigen productcode "ABCDE" vanaf "2026-02-01" tot "2026-07-31"
      Dan keurt de ontvanger het bericht niet af

  @iwmo @ijw @TR418 @WMO323 @JW323 @OP302
  Regel: Het ProductTarief van een prestatie is het tarief uit het contract
    Gemeente en aanbieder leggen hun contracttarieven elk in hun eigen systeem vast (actie "contracttarieven");
    de gemeente keurt een prestatie tegen een ander tarief af met 0611.

    Abstract Scenario: Declareren tegen een tarief dat wel of niet in het contract staat
      Gegeven de gemeente en de aanbieder hebben voor "derde" een contracttarief van "52,00" per uur afgesproken
      En de gemeente heeft deze toewijzingen afgegeven:
        | product | ingangsdatum | einddatum  | volume | eenheid | frequentie |
        | derde   | 2025-10-06   | 2026-09-30 | 4      | 04      | 2          |
      En de aanbieder heeft de zorg voor "derde" gestart op "2025-10-08"
      Als de aanbieder voor "derde" over "2025-12" 8 uur declareert tegen "<tarief>" per uur
      Dan <uitkomst>

      Voorbeelden:
        | tarief | uitkomst                                                                                                       |
        | 52,00  | keurt de ontvanger het bericht niet af                                                                          |
        | 55,00  | gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0611" op "Prestatie" |
