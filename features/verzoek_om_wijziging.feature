# language: nl
@release-3.2 @WMO317 @JW317 @WMO318 @JW318
Functionaliteit: Verzoek om wijziging
  Wil de aanbieder tijdens de levering iets veranderen, dan vraagt hij met een Verzoek om wijziging (317) het
  complete gewenste pakket aan: alle actuele toewijzingen staan erin, ongewijzigd of te wijzigen, plus nieuwe
  producten. De gemeente honoreert het verzoek in zijn geheel (met een 301, reden wijziging 12 en de
  ReferentieAanbieder van het verzoek) of wijst het in zijn geheel af (319). Een verlenging met gelijk volume
  gebeurt door de bestaande toewijzing op te rekken; een ander volume geeft een nieuwe toewijzing.

  Achtergrond:
    Gegeven het is "2026-01-12"
    En de gemeente heeft deze toewijzingen afgegeven:
      | product   | ingangsdatum | einddatum  | volume | eenheid | frequentie |
      | standaard | 2025-10-06   | 2026-01-30 | 1      | 04      | 2          |
      | ander     | 2025-10-06   | 2026-09-30 | 2      | 04      | 2          |

  @iwmo @ijw @OP344 @IV093 @IV092 @OP380 @OP257 @OP308 @OP348 @IV097 @IV099
  Regel: Een gehonoreerd verzoek om wijziging wordt in zijn geheel overgenomen

    Scenario: De gemeente honoreert een verlenging en een verlaging in een verzoek
      Als de aanbieder een verzoek om wijziging indient:
        | product   | gewenste ingangsdatum | einddatum  | volume |
        | standaard | 2025-10-06            | 2026-02-28 | 1      |
        | ander     | 2026-01-19            | 2026-09-30 | 1      |
      En de gemeente het verzoek honoreert
      Dan keurt de ontvanger alle berichten goed
      En is de toewijzing voor "standaard" opgerekt tot "2026-02-28" onder hetzelfde nummer
      En is de toewijzing voor "ander" beeindigd per "2026-01-18" en vervangen door een toewijzing vanaf "2026-01-19" met volume 1
      En dragen alle toewijzingen in het laatste toewijzingsbericht de ReferentieAanbieder van het verzoek

    Scenario: De gemeente wijst het verzoek om wijziging in zijn geheel af
      Als de aanbieder een verzoek om wijziging indient:
        | product   | gewenste ingangsdatum | einddatum  | volume |
        | standaard | 2025-10-06            | 2026-02-28 | 1      |
      En de gemeente het verzoek afwijst met reden "2"
      Dan keurt de ontvanger alle berichten goed
      En zijn er 2 toewijzingen, ongewijzigd

  @iwmo @ijw @TR349 @OP308
  Regel: Een verzoek om wijziging noemt alle actuele toewijzingen

    Scenario: De aanbieder neemt de toewijzing die niet wijzigt op als ongewijzigd product
      Als de aanbieder een verzoek om wijziging indient:
        | product   | gewenste ingangsdatum | einddatum  | volume |
        | standaard | 2025-10-06            | 2026-02-28 | 1      |
      Dan keurt de ontvanger het bericht niet af
      En noemt het verzoek om wijziging 2 actuele toewijzingen

    @rol-gemeente
    Scenario: Een verzoek zonder de ongewijzigde toewijzing wordt afgekeurd
      Als de ketenpartner een verzoek om wijziging stuurt zonder de ongewijzigde toewijzing
      Dan keurt de ontvanger het bericht af met retourcode "9349"

  @rol-gemeente @iwmo @ijw @TR351 @TR350
  Regel: Een te wijzigen of ongewijzigd product verwijst naar een actuele toewijzing

    Scenario: Een verzoek om een onbekende toewijzing te wijzigen wordt afgekeurd
      Als de ketenpartner een verzoek om wijziging stuurt voor toewijzing 99999999
      Dan keurt de ontvanger het bericht af met retourcode "9351"

  @iwmo @ijw @TR411 @IV092
  Regel: Wie een toewijzing met een productcode wil wijzigen, geeft de gewenste omvang

    Scenario: Een te wijzigen product zonder omvang gaat niet door
      Als de aanbieder een verzoek om wijziging indient om "standaard" te verlengen tot "2026-02-28" zonder omvang
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9411" op "TeWijzigenProduct"

  @iwmo @ijw @TR374 @OP350
  Regel: Er is maar een verzoek tegelijk in behandeling

    Scenario: Een tweede verzoek om wijziging terwijl het eerste loopt gaat niet door
      Gegeven de aanbieder heeft een verzoek om wijziging ingediend dat de einddatum verschuift naar "2026-02-28"
      Als de aanbieder een verzoek om wijziging indient:
        | product   | gewenste ingangsdatum | einddatum  | volume |
        | standaard | 2025-10-06            | 2026-03-31 | 1      |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9374" op "Client"

  @iwmo @ijw @TR357 @OP345 @OP343
  Regel: Met terugwerkende kracht wijzigen kan alleen over de hele periode van de toewijzing

    Scenario: Een wijziging met een gewenste ingangsdatum in het verleden gaat niet door
      Als de aanbieder een verzoek om wijziging indient:
        | product   | gewenste ingangsdatum | einddatum  | volume |
        | ander     | 2025-12-01            | 2026-09-30 | 1      |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9357" op "TeWijzigenProduct"

  @iwmo @ijw @TR361 @OP308 @OP347
  Regel: Hetzelfde product staat niet twee keer met overlappende perioden in een verzoek om wijziging

    Scenario: Een nieuw product dat een actuele toewijzing in dezelfde periode overlapt gaat niet door
      Als de aanbieder een verzoek om wijziging indient met een nieuw product "ander" vanaf "2026-02-01" tot "2026-06-30"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9361" op "Verzoek"

    Scenario: Een nieuw product dat aansluit op de toewijzing van hetzelfde product mag
      Als de aanbieder een verzoek om wijziging indient met een nieuw product "standaard" vanaf "2026-01-31" tot "2026-06-30"
      Dan keurt de ontvanger het bericht niet af

  @iwmo @ijw @TR373 @OP345
  Regel: Wie het totaal over de toewijzingsperiode of het budget wijzigt, doet dat vanaf de oorspronkelijke ingangsdatum

    Scenario: Het totaal van een toewijzing wijzigen vanaf een latere datum gaat niet door
      Gegeven de gemeente heeft deze toewijzingen afgegeven:
        | product | ingangsdatum | einddatum  | volume | eenheid | frequentie |
        | derde   | 2025-10-06   | 2026-03-31 | 40     | 04      | 6          |
      Als de aanbieder een verzoek om wijziging indient:
        | product | gewenste ingangsdatum | einddatum  | volume |
        | derde   | 2026-02-01            | 2026-03-31 | 60     |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9373" op "TeWijzigenProduct"

    Scenario: Het totaal van een toewijzing wijzigen vanaf de oorspronkelijke ingangsdatum mag
      Gegeven de gemeente heeft deze toewijzingen afgegeven:
        | product | ingangsdatum | einddatum  | volume | eenheid | frequentie |
        | derde   | 2025-10-06   | 2026-03-31 | 40     | 04      | 6          |
      Als de aanbieder een verzoek om wijziging indient:
        | product | gewenste ingangsdatum | einddatum  | volume |
        | derde   | 2025-10-06            | 2026-03-31 | 60     |
      Dan keurt de ontvanger het bericht niet af

    Scenario: Het budget wijzigen vanaf een latere datum gaat niet door
      Gegeven de gemeente heeft deze toewijzingen afgegeven:
        | product   | ingangsdatum | einddatum  | budget   |
        | categorie | 2025-10-06   | 2026-09-30 | 2.000,00 |
      Als de aanbieder een verzoek om wijziging indient:
        | product   | gewenste ingangsdatum | einddatum  | budget   |
        | categorie | 2026-02-01            | 2026-09-30 | 2.500,00 |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9373" op "TeWijzigenProduct"

  @iwmo @ijw @TR375 @TR412
  Regel: Voor een toewijzing zonder productcode vraagt de aanbieder geen omvang, maar een budget
    Een toewijzing zonder product overlapt met geen enkel ander product (TR302), dus begint ze hier na de andere.

    Scenario: Een omvang vragen voor een toewijzing zonder product gaat niet door
      Gegeven de gemeente heeft deze toewijzingen afgegeven:
        | product | ingangsdatum | einddatum  | budget   |
        | geen    | 2026-10-01   | 2026-12-31 | 2.000,00 |
      Als de aanbieder een verzoek om wijziging indient:
        | product | gewenste ingangsdatum | einddatum  | volume |
        | geen    | 2026-10-01            | 2026-12-31 | 4      |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9375" op "TeWijzigenProduct"

    Scenario: Een omvang vragen voor een toewijzing met alleen een productcategorie gaat niet door
      Gegeven de gemeente heeft deze toewijzingen afgegeven:
        | product   | ingangsdatum | einddatum  | budget   |
        | categorie | 2025-10-06   | 2026-09-30 | 2.000,00 |
      Als de aanbieder een verzoek om wijziging indient:
        | product   | gewenste ingangsdatum | einddatum  | volume |
        | categorie | 2025-10-06            | 2026-09-30 | 4      |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9412" op "TeWijzigenProduct"

    Scenario: Een hoger budget vragen voor een toewijzing zonder productcode mag
      Gegeven de gemeente heeft deze toewijzingen afgegeven:
        | product   | ingangsdatum | einddatum  | budget   |
        | categorie | 2025-10-06   | 2026-09-30 | 2.000,00 |
      Als de aanbieder een verzoek om wijziging indient:
        | product   | gewenste ingangsdatum | einddatum  | budget   |
        | categorie | 2025-10-06            | 2026-09-30 | 2.500,00 |
      Dan keurt de ontvanger het bericht niet af

  @iwmo @ijw @TR304
  Regel: Een verzoek om wijziging gaat over de eigen toewijzingen van de client

    Scenario: Een verzoek om de toewijzing van een andere client te wijzigen gaat niet door
      Gegeven de gemeente heeft een andere client een toewijzing gegeven vanaf "2025-10-06" tot "2026-09-30"
      Als de aanbieder een verzoek om wijziging indient voor de toewijzing van de andere client tot "2026-12-31"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "8187" op "Client"

  @rol-gemeente @iwmo @ijw @TR350 @OP306
  Regel: Een ongewijzigd product verwijst naar een actuele toewijzing

    Scenario: Een verzoek dat een beeindigde toewijzing als ongewijzigd noemt wordt afgekeurd
      Gegeven de gemeente heeft deze toewijzingen afgegeven:
        | product | ingangsdatum | einddatum  | volume | eenheid | frequentie |
        | derde   | 2025-10-06   | 2025-12-31 | 2      | 04      | 2          |
      Als de ketenpartner een verzoek om wijziging stuurt met de beeindigde toewijzing voor "derde" als ongewijzigd product
      Dan keurt de ontvanger het bericht af met retourcode "9350" op "OngewijzigdProduct"

  @iwmo @ijw @TR350 @TR349
  Regel: Een beeindigde toewijzing staat niet als ongewijzigd product in een verzoek om wijziging
    Het pakket van een verzoek om wijziging bestaat uit de actuele toewijzingen (TR349); een toewijzing waarvan de
    einddatum voor de dagtekening ligt, noemt de aanbieder niet meer (TR350, retourcode 9350).

    Scenario: De aanbieder laat een beeindigde toewijzing weg uit het verzoek om wijziging
      Gegeven de gemeente heeft deze toewijzingen afgegeven:
        | product | ingangsdatum | einddatum  | volume | eenheid | frequentie |
        | derde   | 2025-10-06   | 2025-12-31 | 2      | 04      | 2          |
      Als de aanbieder een verzoek om wijziging indient:
        | product   | gewenste ingangsdatum | einddatum  | volume |
        | standaard | 2025-10-06            | 2026-02-28 | 1      |
      Dan keurt de ontvanger het bericht niet af
      En noemt het verzoek om wijziging 2 actuele toewijzingen

  @iwmo @ijw @TR351
  Regel: Een beeindigde toewijzing kan niet meer worden gewijzigd
    Een TeWijzigenProduct verwijst naar een actuele toewijzing (TR351, retourcode 9351). Is een toewijzing al
    beeindigd, dan vraagt de aanbieder nieuwe zorg aan als nieuw product.

    Scenario: Een verzoek om een beeindigde toewijzing te verlengen gaat niet door
      Gegeven de gemeente heeft deze toewijzingen afgegeven:
        | product | ingangsdatum | einddatum  | volume | eenheid | frequentie |
        | derde   | 2025-10-06   | 2025-12-31 | 2      | 04      | 2          |
      Als de aanbieder een verzoek om wijziging indient:
        | product | gewenste ingangsdatum | einddatum  | volume |
        | derde   | 2025-10-06            | 2026-06-30 | 2      |
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9351" op "TeWijzigenProduct"

  @rol-gemeente @tijdigheid @iwmo @ijw @OP346
  Regel: De gemeente beantwoordt een verzoek om wijziging binnen 5 werkdagen; na "in onderzoek" binnen 8 weken
    Een antwoord dat te laat komt, keurt de aanbieder niet af; de ketenpartner legt het vast als bevinding (proces)
    in het uitwisselingslog, zoals bij de regieberichten.

    Abstract Scenario: De ketenpartner legt vast of een verzoek om wijziging op tijd is beantwoord
      Gegeven de aanbieder heeft een verzoek om wijziging ingediend dat de einddatum verschuift naar "2026-12-31"
      En het is "<beantwoord>"
      Als de gemeente het verzoek <antwoord>
      Dan keurt de ontvanger het bericht niet af
      En is het verzoek volgens de ketenpartner <oordeel> beantwoord

      Voorbeelden:
        | beantwoord | antwoord              | oordeel | toelichting                                 |
        | 2026-01-19 | honoreert             | tijdig  | verzoek ma 12 januari: 19 januari is de vijfde werkdag |
        | 2026-01-20 | honoreert             | te laat | de zesde werkdag                            |
        | 2026-01-20 | afwijst met reden "2" | te laat | ook een afwijzing valt onder de termijn     |

    Abstract Scenario: Na "in onderzoek" heeft de gemeente acht weken voor het eigenlijke antwoord
      Gegeven de aanbieder heeft een verzoek om wijziging ingediend dat de einddatum verschuift naar "2026-12-31"
      En de gemeente heeft gemeld dat het verzoek in onderzoek is
      En het is "<beantwoord>"
      Als de gemeente het verzoek honoreert
      Dan keurt de ontvanger het bericht niet af
      En is het verzoek volgens de ketenpartner <oordeel> beantwoord

      Voorbeelden:
        | beantwoord | oordeel |
        | 2026-03-09 | tijdig  |
        | 2026-03-10 | te laat |
