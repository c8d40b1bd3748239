# language: nl
@release-3.2 @WMO301 @JW301 @WMO302 @JW302
Functionaliteit: Toewijzing
  Met een Toewijzing (301) geeft de gemeente de aanbieder opdracht zorg te leveren; het bericht bevat altijd
  alle actuele toewijzingen van de client bij die aanbieder. Een toewijzing wijzigt door een nieuwe versie
  met hetzelfde ToewijzingNummer (intrekken, oprekken, verwijderen). De aanbieder beantwoordt elk bericht
  met een retour (302).

  Achtergrond:
    Gegeven het is "2026-01-12"

  @iwmo @ijw @OP087 @OP086 @OP258
  Regel: Een toewijzingsbericht bevat alle actuele toewijzingen van de client bij de aanbieder

    Scenario: De gemeente wijst zorg toe
      Als de gemeente een toewijzing afgeeft vanaf "2026-01-19" tot "2026-07-31"
      Dan keurt de ontvanger het bericht niet af

    Scenario: Een tweede toewijzing komt samen met de eerste in het bericht
      Gegeven de gemeente heeft een toewijzing afgegeven vanaf "2025-10-06" tot "2026-09-30"
      Als de gemeente een toewijzing afgeeft voor een ander product vanaf "2026-01-19" tot "2026-07-31"
      Dan keurt de ontvanger het bericht niet af
      En bevat het laatste toewijzingsbericht 2 toegewezen producten

  @iwmo @ijw @TR332 @OP275 @IV066
  Regel: Elke toewijzing heeft een eigen ToewijzingNummer

    Scenario: Twee toewijzingen krijgen elk een eigen nummer
      Gegeven de gemeente heeft een toewijzing afgegeven vanaf "2025-10-06" tot "2026-09-30"
      Als de gemeente een toewijzing afgeeft voor een ander product vanaf "2026-01-19" tot "2026-07-31"
      Dan heeft elke toewijzing in het gesprek een eigen ToewijzingNummer

    Scenario: Twee clienten krijgen elk een eigen ToewijzingNummer
      Gegeven de gemeente heeft een toewijzing afgegeven vanaf "2025-10-06" tot "2026-09-30"
      Als de gemeente een andere client een toewijzing geeft vanaf "2026-01-19" tot "2026-07-31"
      Dan keurt de ontvanger het bericht niet af
      En hebben de twee clienten verschillende ToewijzingNummers

    @rol-aanbieder
    Scenario: Een toewijzing met het nummer van een andere client wordt afgekeurd
      Gegeven de gemeente heeft een andere client een toewijzing gegeven vanaf "2025-10-06" tot "2026-09-30"
      Als de ketenpartner een toewijzing stuurt met het ToewijzingNummer van de andere client
      Dan keurt de ontvanger het bericht af met retourcode "9332" op "ToegewezenProduct"

    @rol-aanbieder @OP033x1
    Scenario: Een nieuwe versie van een toewijzing met een ander product wordt afgekeurd
      Gegeven de gemeente heeft een toewijzing afgegeven vanaf "2025-10-06" tot "2026-09-30"
      Als de ketenpartner een nieuwe versie van de toewijzing stuurt met een ander product
      Dan keurt de ontvanger het bericht af met retourcode "9332" op "ToegewezenProduct"
      Als de aanbieder de zorg start per "2025-10-08"
      Dan keurt de ontvanger het bericht niet af

  @iwmo @ijw @OP033x1 @IV099 @OP380 @OP257 @IV013
  Regel: Een toewijzing wijzigt met een nieuwe versie onder hetzelfde nummer; verlengen gaat door op te rekken

    Scenario: De gemeente verlengt de toewijzing door de einddatum op te rekken
      Gegeven de gemeente heeft een toewijzing afgegeven vanaf "2025-10-06" tot "2026-03-31"
      Als de gemeente de toewijzing verlengt tot "2026-12-31"
      Dan keurt de ontvanger het bericht niet af
      En heeft de toewijzing nog hetzelfde ToewijzingNummer met einddatum "2026-12-31" en reden wijziging "04"

    Scenario: De gemeente trekt de toewijzing in
      Gegeven de gemeente heeft een toewijzing afgegeven vanaf "2025-10-06" tot "2026-09-30"
      Als de gemeente de toewijzing intrekt per "2026-02-28" met reden "05"
      Dan keurt de ontvanger het bericht niet af
      En heeft de toewijzing nog hetzelfde ToewijzingNummer met einddatum "2026-02-28" en reden wijziging "05"

  @rol-gemeente @iwmo @ijw @OP033x1 @OP257
  Regel: Onder hetzelfde ToewijzingNummer wijzigt het volume alleen bij frequentie 6 (totaal binnen de geldigheidsduur)
    Een ander volume per week (of een andere eenheid of frequentie) is een andere toewijzing: de gemeente beeindigt
    de toewijzing en geeft een nieuwe af. De aanbieder keurt zo'n nieuwe versie niet af (OP033x1 heeft geen
    retourcode); de ketenpartner legt haar vast als bevinding (advies).

    Scenario: Een ander volume per week gaat niet onder hetzelfde ToewijzingNummer
      Gegeven de gemeente heeft een toewijzing afgegeven vanaf "2025-10-06" tot "2026-09-30"
      Als de gemeente het volume van de toewijzing wijzigt naar 5 met reden "14"
      Dan wijzigt het systeem onder een bestaand ToewijzingNummer alleen wat mag

    Scenario: Het totale volume binnen de geldigheidsduur wijzigt onder hetzelfde ToewijzingNummer
      Gegeven de gemeente heeft deze toewijzingen afgegeven:
        | product   | ingangsdatum | einddatum  | volume | eenheid | frequentie |
        | standaard | 2025-10-06   | 2026-09-30 | 40     | 04      | 6          |
      Als de gemeente het volume van de toewijzing wijzigt naar 50 met reden "14"
      Dan keurt de ontvanger het bericht niet af
      En wijzigt het systeem onder een bestaand ToewijzingNummer alleen wat mag
      En heeft de toewijzing nog hetzelfde ToewijzingNummer met volume 50

  @iwmo @ijw @CS335 @CS336 @OP362
  Regel: Een toewijzing die nooit had mogen bestaan wordt verwijderd: einddatum = ingangsdatum, reden 13

    Scenario: De gemeente verwijdert een toewijzing waarop nog niets is geleverd
      Gegeven de gemeente heeft een toewijzing afgegeven vanaf "2026-02-01" tot "2026-09-30"
      Als de gemeente de toewijzing verwijdert
      Dan keurt de ontvanger het bericht niet af
      En heeft de toewijzing nog hetzelfde ToewijzingNummer met einddatum "2026-02-01" en reden wijziging "13"

  @iwmo @ijw @TR379 @IV097
  Regel: ReferentieAanbieder staat alleen in een toewijzing die een verzoek honoreert

    Scenario: Een toewijzing op initiatief van de gemeente heeft geen ReferentieAanbieder
      Als de gemeente een toewijzing afgeeft vanaf "2026-01-19" tot "2026-07-31"
      Dan heeft geen enkele toewijzing in het laatste toewijzingsbericht een ReferentieAanbieder

    Scenario: Na het honoreren komt de ReferentieAanbieder niet terug in een volgend toewijzingsbericht
      Gegeven de aanbieder heeft een verzoek om toewijzing ingediend vanaf "2026-02-01" tot "2026-07-31"
      En de gemeente heeft het verzoek gehonoreerd
      Als de gemeente een toewijzing afgeeft voor een ander product vanaf "2026-02-01" tot "2026-07-31"
      Dan keurt de ontvanger het bericht niet af
      En heeft geen enkele toewijzing in het laatste toewijzingsbericht een ReferentieAanbieder

    Scenario: Een toewijzing met een ReferentieAanbieder zonder verzoek gaat niet door
      Als de gemeente een toewijzing afgeeft vanaf "2026-01-19" tot "2026-07-31" met ReferentieAanbieder "ONBEKEND-0001"
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "9379" op "ToegewezenProduct"

    @rol-aanbieder
    Scenario: Een toewijzing met een onbekende ReferentieAanbieder wordt afgekeurd
      Als de ketenpartner een toewijzing stuurt met ReferentieAanbieder "ONBEKEND-0001"
      Dan keurt de ontvanger het bericht af met retourcode "9379" op "ToegewezenProduct"

  @rol-aanbieder @iwmo @ijw @OP186 @CS003
  Regel: De aanbieder beoordeelt een toewijzing zoals de standaard het voorschrijft, ook als die niet klopt

    Abstract Scenario: De ketenpartner stuurt een toewijzing met een fout uit de catalogus
      Gegeven de gemeente heeft een toewijzing afgegeven vanaf "2025-10-06" tot "2026-09-30"
      Als de ketenpartner de toewijzing opnieuw stuurt met de fout "<fout>"
      Dan beantwoordt het systeem het bericht zoals een correcte ontvanger dat doet

      Voorbeelden:
        | fout                        |
        | intrekking-terugwerkend     |
        | einddatum-voor-ingangsdatum |

  @rol-gemeente @iwmo @ijw @OP071
  Regel: Een relatie van de client houdt haar nummer, in elk toewijzingsbericht

    Scenario: Een volgend toewijzingsbericht noemt de relaties met dezelfde nummers, ook in een andere volgorde
      Gegeven de client heeft deze relaties:
        | soort | achternaam | voorletters |
        | 10    | Jansen     | A           |
        | 14    | Bakker     | B           |
      En de gemeente heeft een toewijzing afgegeven vanaf "2025-10-06" tot "2026-09-30"
      En de gemeente noemt de relaties van de client voortaan in omgekeerde volgorde
      Als de gemeente een toewijzing afgeeft voor een ander product vanaf "2026-01-19" tot "2026-07-31"
      Dan keurt de ontvanger het bericht niet af
      En houdt elke relatie in alle toewijzingsberichten hetzelfde nummer
