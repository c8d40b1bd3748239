# language: nl
@release-3.2 @WMO305 @JW305 @WMO307 @JW307
Functionaliteit: Start en stop zorg
  Met een Start zorg (305) meldt de aanbieder dat de levering onder een toewijzing is begonnen, met een Stop
  zorg (307) dat die tijdelijk of definitief is beeindigd. De gemeente beantwoordt elk bericht met een retour
  (306, 308). Scenario's zonder rol-tag gelden voor beide rollen: is het systeem de aanbieder, dan beoordeelt
  de ketenpartner zijn berichten; is het systeem de gemeente, dan stuurt de ketenpartner ze en moet de retour
  van het systeem precies kloppen. "Gegeven"-stappen gebeuren op de dag zelf; "Als"-stappen op "vandaag".

  Achtergrond:
    Gegeven het is "2026-01-12"
    En de gemeente heeft een toewijzing afgegeven vanaf "2025-10-06" tot "2026-09-30"

  @iwmo @ijw @TR019 @OP363 @OP295 @TR063 @TR074 @IV096
  Regel: Een start of stop hoort bij een toewijzing van de gemeente

    Scenario: De aanbieder start de zorg onder de toewijzing
      Als de aanbieder de zorg start per "2025-10-08"
      Dan keurt de ontvanger het bericht niet af

    Scenario: Een start onder een onbekende toewijzing gaat niet door
      Als de aanbieder de zorg start onder toewijzing 99999999 per "2025-10-08"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9019" op "StartProduct"

  @iwmo @ijw @TR326 @OP289
  Regel: Zolang de levering loopt komt er geen tweede start

    Scenario: Een tweede start zonder stop gaat niet door
      Gegeven de aanbieder heeft de zorg gestart op "2025-10-08"
      Als de aanbieder de zorg start per "2025-10-20"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9326" op "StartProduct"

  @iwmo @ijw @TR382 @OP072
  Regel: Een stop hoort bij de actuele start

    Scenario: Een stop zonder start gaat niet door
      Als de aanbieder de zorg stopt met reden "20" per "2025-11-02" bij een start op "2025-10-08"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9069" op "StopProduct"

  @iwmo @ijw @OP377 @OP379 @OP155 @OP378 @TR382 @TR413 @TR414
  Regel: Na een tijdelijke stop volgt een start of een definitieve stop

    Scenario: De aanbieder meldt een tijdelijke stop en hervat de zorg
      Gegeven de aanbieder heeft de zorg gestart op "2025-10-08"
      Als de aanbieder de zorg tijdelijk stopt per "2025-11-02"
      En de aanbieder de zorg start per "2025-11-17"
      Dan keurt de ontvanger alle berichten goed

    Scenario: De aanbieder stopt definitief na een tijdelijke stop, zonder nieuwe start
      Gegeven de aanbieder heeft de zorg gestart op "2025-10-08"
      En de aanbieder heeft de zorg tijdelijk gestopt per "2025-11-02"
      Als de aanbieder de zorg definitief stopt per "2025-11-09"
      Dan keurt de ontvanger het bericht niet af

    Scenario: Meerdere starts en stops binnen een toewijzing
      Gegeven de aanbieder heeft de zorg gestart op "2025-10-08"
      En de aanbieder heeft de zorg tijdelijk gestopt per "2025-11-02"
      En de aanbieder heeft de zorg gestart op "2025-11-17"
      En de aanbieder heeft de zorg tijdelijk gestopt per "2025-12-07"
      En de aanbieder heeft de zorg gestart op "2025-12-15"
      Als de aanbieder de zorg definitief stopt per "2026-01-09"
      Dan keurt de ontvanger alle berichten goed

  @iwmo @ijw @TR018
  Regel: Een stop eindigt niet voor de start (TR018)
    TR018: de Einddatum van een StopProduct ligt op of na de Begindatum. Een verzender stuurt geen stop die dat
    breekt; een ontvanger keurt hem af (retourcode 0001 in de Header).

    Scenario: Een stop met een einddatum voor de begindatum van de start gaat niet door
      Gegeven de aanbieder heeft de zorg gestart op "2025-10-08"
      Als de aanbieder de zorg stopt met reden "20" per "2025-10-01"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

  @iwmo @ijw @TR074
  Regel: Een start met dezelfde sleutel wordt niet nog eens gestuurd (TR074)
    TR074: bij StatusAanlevering 1 is de logische sleutel van een StartProduct (ToewijzingNummer, Product,
    Begindatum) uniek onder alle eerder ontvangen, niet verwijderde leveringen. Na een tijdelijke stop hervat de
    aanbieder de zorg dus met een nieuwe start op een andere dag, niet met de start van toen.

    Scenario: Na een tijdelijke stop dezelfde start nog eens sturen gaat niet door
      Gegeven de aanbieder heeft de zorg gestart op "2025-10-08"
      En de aanbieder heeft de zorg tijdelijk gestopt per "2025-11-02"
      Als de aanbieder de zorg start per "2025-10-08"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9074" op "StartProduct"

  @iwmo @ijw @TR413
  Regel: Geen tweede tijdelijke stop (TR413)

    Scenario: Een tweede tijdelijke stop gaat niet door
      Gegeven de aanbieder heeft de zorg gestart op "2025-10-08"
      En de aanbieder heeft de zorg tijdelijk gestopt per "2025-11-02"
      Als de aanbieder de zorg nog een keer tijdelijk stopt per "2025-11-09"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9413" op "StopProduct"

  @iwmo @ijw @TR414
  Regel: Een definitieve stop eindigt niet voor de tijdelijke stop (TR414)

    Scenario: Een definitieve stop met een einddatum voor die van de tijdelijke stop gaat niet door
      Gegeven de aanbieder heeft de zorg gestart op "2025-10-08"
      En de aanbieder heeft de zorg tijdelijk gestopt per "2025-11-02"
      Als de aanbieder de zorg definitief stopt per "2025-10-30"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9414" op "StopProduct"

  @iwmo @ijw @TR415
  Regel: Na een definitieve stop komt geen stop meer (TR415)

    Scenario: Een tweede definitieve stop gaat niet door
      Gegeven de aanbieder heeft de zorg gestart op "2025-10-08"
      En de aanbieder heeft de zorg definitief gestopt per "2025-11-02"
      Als de aanbieder de zorg definitief stopt per "2025-11-09"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9415" op "StopProduct"

  @iwmo @ijw @OP379 @OP288
  Regel: Na een definitieve stop kan de zorg weer starten zolang de toewijzing loopt

    Scenario: De aanbieder start opnieuw binnen de toewijzingsperiode
      Gegeven de aanbieder heeft de zorg gestart op "2025-10-08"
      En de aanbieder heeft de zorg definitief gestopt per "2025-11-02"
      Als de aanbieder de zorg start per "2025-12-01"
      Dan keurt de ontvanger het bericht niet af

  @rol-gemeente @iwmo @ijw @OP033 @IV008 @TR063 @TR071 @TR074
  Regel: Een start of stop wordt gecorrigeerd door hem te verwijderen (StatusAanlevering 3) en opnieuw te sturen

    Scenario: De ketenpartner verwijdert een verkeerde start en stuurt de juiste
      Gegeven de aanbieder heeft de zorg gestart op "2025-10-08"
      Als de ketenpartner de start van "2025-10-08" verwijdert
      En de aanbieder de zorg start per "2025-10-09"
      Dan keurt de ontvanger alle berichten goed

    Scenario: Een start verwijderen die nooit is gestuurd gaat niet
      Als de ketenpartner de start van "2025-10-08" verwijdert
      Dan keurt de ontvanger het bericht af met retourcode "9063" op "StartProduct"

    Scenario: Een start verwijderen waarop al een stop volgde gaat niet
      Gegeven de aanbieder heeft de zorg gestart op "2025-10-08"
      En de aanbieder heeft de zorg tijdelijk gestopt per "2025-11-02"
      Als de ketenpartner de start van "2025-10-08" verwijdert
      Dan keurt de ontvanger het bericht af met retourcode "9071" op "StartProduct"

    Scenario: Dezelfde start nog eens sturen gaat niet
      Gegeven de aanbieder heeft de zorg gestart op "2025-10-08"
      Als de ketenpartner dezelfde start nog een keer stuurt
      Dan keurt de ontvanger het bericht af met retourcode "9074" op "StartProduct"

  @rol-aanbieder @iwmo @ijw @OP033 @IV008 @TR063 @TR071
  Regel: De aanbieder corrigeert een start of stop door hem te verwijderen (StatusAanlevering 3) en opnieuw te sturen
    Een correct aanbiedersysteem verwijdert alleen een start of stop die het eerder stuurde en die nog geldt
    (TR063, retourcode 9063), en een start alleen zolang er nog geen stop op volgde (TR071, retourcode 9071).

    Scenario: De aanbieder verwijdert een verkeerde start en stuurt de juiste
      Gegeven de aanbieder heeft de zorg gestart op "2025-10-08"
      Als de aanbieder de start van "2025-10-08" verwijdert
      En de aanbieder de zorg start per "2025-10-09"
      Dan keurt de ontvanger alle berichten goed

    Scenario: De aanbieder verwijdert een verkeerde tijdelijke stop en stuurt de juiste
      Gegeven de aanbieder heeft de zorg gestart op "2025-10-08"
      En de aanbieder heeft de zorg tijdelijk gestopt per "2025-11-02"
      Als de aanbieder de stop met reden "20" per "2025-11-02" verwijdert
      En de aanbieder de zorg tijdelijk stopt per "2025-11-09"
      Dan keurt de ontvanger alle berichten goed

    Scenario: Een start verwijderen die nooit is gestuurd gaat niet door
      Als de aanbieder de start van "2025-10-08" verwijdert
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9063" op "StartProduct"

    Scenario: Een stop verwijderen die nooit is gestuurd gaat niet door
      Gegeven de aanbieder heeft de zorg gestart op "2025-10-08"
      Als de aanbieder de stop met reden "20" per "2025-11-02" verwijdert
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9063" op "StopProduct"

    Scenario: Een start verwijderen waarop al een stop volgde gaat niet door
      Gegeven de aanbieder heeft de zorg gestart op "2025-10-08"
      En de aanbieder heeft de zorg tijdelijk gestopt per "2025-11-02"
      Als de aanbieder de start van "2025-10-08" verwijdert
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9071" op "StartProduct"

  @rol-aanbieder @tijdigheid @iwmo @ijw @OP271 @OP272 @OP295
  Regel: Regieberichten gaan binnen 5 werkdagen na de start of stop de deur uit (feestdagen tellen niet mee)

    Abstract Scenario: De ketenpartner legt vast of een start op tijd is gemeld
      Gegeven het is "<gemeld>"
      Als de aanbieder de zorg start per "<begindatum>"
      Dan keurt de ontvanger het bericht niet af
      En is de start volgens de ketenpartner <oordeel> gemeld

      Voorbeelden:
        | begindatum | gemeld     | oordeel  | toelichting                                                 |
        | 2025-12-22 | 2025-12-29 | tijdig   | 23, 24, 29 december: derde werkdag                          |
        | 2025-12-22 | 2025-12-31 | tijdig   | 25 en 26 december tellen niet: 31 december is de vijfde     |
        | 2025-12-22 | 2026-01-02 | te laat  | 1 januari telt niet: 2 januari is de zesde werkdag          |
        | 2026-04-24 | 2026-05-04 | tijdig   | Koningsdag 27 april telt niet: 4 mei is de vijfde werkdag   |
        | 2026-04-24 | 2026-05-05 | te laat  | de zesde werkdag                                            |
        | 2026-05-13 | 2026-05-21 | tijdig   | Hemelvaartsdag 14 mei telt niet                             |

    Abstract Scenario: De ketenpartner legt vast of een stop op tijd is gemeld
      Gegeven de aanbieder heeft de zorg gestart op "2025-10-08"
      En het is "<gemeld>"
      Als de aanbieder de zorg definitief stopt per "<einddatum>"
      Dan keurt de ontvanger het bericht niet af
      En is de stop volgens de ketenpartner <oordeel> gemeld

      Voorbeelden:
        | einddatum  | gemeld     | oordeel |
        | 2025-12-22 | 2025-12-31 | tijdig  |
        | 2025-12-22 | 2026-01-02 | te laat |

    Scenario: Een definitieve stop na een tijdelijke stop telt vanaf het moment dat bekend is dat de zorg niet hervat
      Gegeven de aanbieder heeft de zorg gestart op "2025-10-08"
      En de aanbieder heeft de zorg tijdelijk gestopt per "2025-11-02"
      En het is "2026-01-14"
      Als de aanbieder de zorg definitief stopt per "2025-11-02"
      Dan keurt de ontvanger het bericht niet af
      En is de stop volgens de ketenpartner tijdig gemeld
