# language: nl
@release-3.2 @WMO323 @JW323 @WMO325 @JW325 @IV087 @TR342 @OP304
Functionaliteit: Declareren
  De aanbieder declareert per kalendermaand (declaratieperiode) de zorg binnen de toewijzing met een
  Declaratie (323); elke prestatie heeft een productperiode van hooguit een maand binnen de toewijzing. De
  gemeente antwoordt met een Declaratie-antwoord (325): 8001 als alles is toegekend, anders alleen de
  afgekeurde prestaties met hun retourcodes (elk declaratie-antwoord hier wordt daarop beoordeeld: IV087,
  TR342, OP304). Een goedgekeurde prestatie die niet klopt wordt gecrediteerd en zo nodig opnieuw
  gedeclareerd.

  Achtergrond:
    Gegeven het is "2025-11-04"
    En de gemeente heeft een toewijzing afgegeven vanaf "2025-10-06" tot "2026-09-30"
    En de aanbieder heeft de zorg gestart op "2025-10-08"

  @iwmo @ijw @OP303 @OP355 @TR342 @IV087 @IV088 @OP304 @OP279 @IV089 @OP280 @OP367 @OP364 @TR137 @TR358
  Regel: Een juiste declaratie wordt volledig toegekend (8001)

    Scenario: De aanbieder declareert de zorg van oktober
      Als de aanbieder over "2025-10" 8 uur declareert tegen "50,00" per uur
      Dan keurt de ontvanger het bericht niet af
      En is de declaratie volledig toegewezen
      En is de productperiode "2025-10-06" tot "2025-10-31"

  @iwmo @ijw @IV079 @IV081 @IV042 @TR346 @TR341 @OP267
  Regel: Een toewijzing in uren mag in minuten worden gedeclareerd; het bedrag wordt pas aan het eind afgerond

    Scenario: De aanbieder declareert 130 minuten tegen een uurtarief van 50 euro
      Als de aanbieder over "2025-10" 130 minuten declareert tegen "50,00" per uur
      Dan keurt de ontvanger het bericht niet af
      En is het ingediende bedrag "108,33" met producttarief "0,83"

    Scenario: Declareren in een eenheid die niet bij de toewijzing past gaat niet door
      Als de aanbieder over "2025-10" 4 etmalen declareert tegen "120,00"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9341" op "Prestatie"

  @iwmo @ijw @TR321 @IV076 @IV077 @IV078 @OP365 @OP262
  Regel: Per productperiode wordt niet meer gedeclareerd dan het toegewezen volume per week toelaat

    Abstract Scenario: Het weekmaximum per productperiode
      Als de aanbieder over "2025-10" <uren> uur declareert tegen "50,00" per uur
      Dan <uitkomst>

      Voorbeelden:
        | uren | uitkomst                                                                                           |
        | 8    | keurt de ontvanger het bericht niet af                                                              |
        | 9    | gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9321" op "Prestatie" |

  @iwmo @IV077 @TR321
  Regel: Voor huishoudelijke hulp geldt per productperiode een maximum van zes weken volume (iWmo)

    Abstract Scenario: Huishoudelijke hulp van 1 uur per week, eens per twee weken geleverd
      Gegeven de gemeente heeft deze toewijzingen afgegeven:
        | product | ingangsdatum | einddatum  | volume | eenheid | frequentie |
        | 01A06   | 2025-10-06   | 2026-01-30 | 1      | 04      | 2          |
      En de aanbieder heeft de zorg voor "01A06" gestart op "2025-10-06"
      Als de aanbieder voor "01A06" over "2025-10" <uren> uur declareert tegen "40,00" per uur
      Dan <uitkomst>

      Voorbeelden:
        | uren | uitkomst                                                                                           |
        | 4    | keurt de ontvanger het bericht niet af                                                              |
        | 6    | keurt de ontvanger het bericht niet af                                                              |
        | 7    | gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9321" op "Prestatie" |

  @iwmo @ijw @TR322 @OP365
  Regel: Over de hele toewijzing wordt niet meer gedeclareerd dan het totaal toegewezen volume

    Scenario: Een toewijzing van 10 uur in totaal is na twee maanden van 6 uur op
      Gegeven de gemeente heeft deze toewijzingen afgegeven:
        | product | ingangsdatum | einddatum  | volume | eenheid | frequentie |
        | ander   | 2025-10-06   | 2026-03-31 | 10     | 04      | 6          |
      En de aanbieder heeft de zorg voor het andere product gestart op "2025-10-08"
      En het is "2025-12-02"
      En de aanbieder heeft voor het andere product over "2025-10" 6 uur gedeclareerd tegen "50,00" per uur
      Als de aanbieder voor "ander" over "2025-11" 6 uur declareert tegen "50,00" per uur
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9322" op "Prestatie"

  @iwmo @ijw @TR307 @TR308 @OP368 @TR387 @TR388
  Regel: De productperiode valt binnen de toewijzing

    Scenario: Een productperiode die voor de toewijzing begint gaat niet door
      Als de aanbieder over "2025-10" 8 uur declareert met productperiode "2025-10-01" tot "2025-10-31"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9307" op "Prestatie"

  @iwmo @ijw @TR308 @OP186 @OP288 @OP368
  Regel: Na een intrekking wordt er niet meer gedeclareerd buiten de toewijzing

    Scenario: Declareren over de hele maand nadat de toewijzing halverwege is ingetrokken gaat niet door
      Gegeven het is "2025-11-20"
      En de gemeente heeft de toewijzing ingetrokken per "2025-11-15" met reden "05"
      En het is "2025-12-02"
      Als de aanbieder over "2025-11" 4 uur declareert met productperiode "2025-11-01" tot "2025-11-30"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9308" op "Prestatie"

    @rol-gemeente @TR321
    Scenario: Een productperiode na de ingetrokken toewijzing wordt alleen om de einddatum afgekeurd
      Gegeven het is "2025-11-20"
      En de gemeente heeft de toewijzing ingetrokken per "2025-11-15" met reden "05"
      En het is "2026-01-05"
      Als de aanbieder over "2025-12" 4 uur declareert met productperiode "2025-12-01" tot "2025-12-31"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9308" op "Prestatie"
      En bevat het declaratie-antwoord alleen de afgekeurde prestatie, met precies retourcode "9308"

  @iwmo @ijw @TR338 @OP276
  Regel: Elke prestatie verwijst naar een toewijzing

    Scenario: Een prestatie onder een onbekende toewijzing gaat niet door
      Als de aanbieder over "2025-10" 8 uur declareert onder toewijzing 99999999
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9338" op "Prestatie"

  @iwmo @ijw @TR340 @TR339 @OP302 @IV084
  Regel: De gedeclareerde productcode is de toegewezen productcode

    Scenario: Een prestatie met een andere productcode gaat niet door
      Als de aanbieder over "2025-10" 8 uur declareert met een andere productcode
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9340" op "Prestatie"

  @iwmo @ijw @TR318 @OP284 @OP354 @IV090
  Regel: Een declaratieperiode ligt niet voor de laatst gedeclareerde; wel mag zorg later worden gedeclareerd

    Scenario: Oktober declareren nadat november is gedeclareerd gaat niet door
      Gegeven het is "2025-12-02"
      En de aanbieder heeft over "2025-11" 8 uur gedeclareerd tegen "50,00" per uur
      Als de aanbieder over "2025-10" 8 uur declareert tegen "50,00" per uur
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "8214" op "DeclaratieAntwoord"

  @iwmo @ijw @TR314 @OP283
  Regel: Een referentienummer van een prestatie wordt maar een keer gebruikt

    Scenario: Een prestatie met een al gebruikt referentienummer gaat niet door
      Gegeven het is "2025-12-02"
      En de aanbieder heeft over "2025-10" 8 uur gedeclareerd tegen "50,00" per uur
      Als de aanbieder over "2025-11" 8 uur declareert met het referentienummer van de vorige prestatie
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "8021" op "Prestatie"

  @iwmo @ijw @TR333 @OP349
  Regel: Een declaratienummer wordt maar een keer gebruikt

    @rol-aanbieder
    Scenario: De gecorrigeerde declaratie over dezelfde maand krijgt een nieuw declaratienummer
      Gegeven het is "2025-12-02"
      En alleen de gemeente heeft voor het product een contracttarief van "52,00" per uur vastgelegd
      En de aanbieder heeft over "2025-10" 8 uur gedeclareerd tegen "50,00" per uur, wat de gemeente afkeurde met "0611"
      Als de aanbieder over "2025-10" 8 uur declareert tegen "52,00" per uur
      Dan keurt de ontvanger het bericht niet af

    @rol-gemeente
    Scenario: Een declaratie met een al gebruikt declaratienummer wordt afgekeurd
      Gegeven het is "2025-12-02"
      En de aanbieder heeft over "2025-10" 8 uur gedeclareerd tegen "50,00" per uur
      Als de ketenpartner over "2025-11" 8 uur declareert met het declaratienummer van de vorige declaratie
      Dan keurt de ontvanger het bericht af met retourcode "9333" op "DeclaratieAntwoord"

  @iwmo @ijw @TR384 @TR385 @OP362
  Regel: Op een verwijderde toewijzing wordt niet gedeclareerd, en een toewijzing met goedgekeurde prestaties wordt niet verwijderd

    Scenario: Declareren op een verwijderde toewijzing gaat niet door
      Gegeven de gemeente heeft de toewijzing verwijderd
      Als de aanbieder over "2025-10" 1 uur declareert met productperiode "2025-10-06" tot "2025-10-06"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9384" op "Prestatie"

    Scenario: Een toewijzing met goedgekeurde prestaties verwijderen gaat niet door
      Gegeven het is "2025-12-02"
      En de aanbieder heeft over "2025-10" 8 uur gedeclareerd tegen "50,00" per uur
      Als de gemeente de toewijzing verwijdert
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "9385" op "ToegewezenProduct"

  @iwmo @ijw @IV085 @IV086 @IV091 @OP360 @OP366 @TR323 @TR389 @TR390 @CD060 @CS325
  Regel: Een goedgekeurde prestatie wordt gecrediteerd en daarna zo nodig opnieuw gedeclareerd

    Scenario: De aanbieder crediteert een prestatie en declareert haar opnieuw
      Gegeven het is "2025-12-02"
      En de aanbieder heeft over "2025-10" 8 uur gedeclareerd tegen "50,00" per uur
      Als de aanbieder de vorige prestatie crediteert
      En de aanbieder over "2025-10" 6 uur declareert tegen "50,00" per uur
      Dan keurt de ontvanger alle berichten goed

    Scenario: Een prestatie twee keer crediteren gaat niet door
      Gegeven het is "2025-12-02"
      En de aanbieder heeft over "2025-10" 8 uur gedeclareerd tegen "50,00" per uur
      En de aanbieder heeft de vorige prestatie gecrediteerd
      Als de aanbieder de eerste prestatie nog een keer crediteert
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9390" op "Prestatie"

    Scenario: Opnieuw declareren zonder eerst te crediteren gaat niet door
      Gegeven het is "2025-12-02"
      En de aanbieder heeft over "2025-10" 4 uur gedeclareerd tegen "50,00" per uur
      Als de aanbieder over "2025-10" 2 uur declareert tegen "50,00" per uur
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9389" op "Prestatie"

  @rol-gemeente @iwmo @ijw @OP304 @TR342 @IV087 @OP303 @OP355 @TR337 @TR371 @TR376 @TR366 @TR367 @TR304
  Regel: Het declaratie-antwoord bevat alleen de afgekeurde prestaties, met kloppende totalen
    Het antwoord verwijst naar de declaratie (DeclaratieIdentificatie, XsdVersieDeclaratie, DeclaratieNummer) en
    elke teruggemelde prestatie heeft dezelfde client en dezelfde waarden als in de declaratie; de ketenpartner
    toetst dat als aanbieder bij elk declaratie-antwoord. Een aanbieder stuurt op een 325 geen bericht terug, dus
    deze regels zijn alleen aan de kant van de gemeente te toetsen.

    Scenario: Een declaratie met een goede en een foute prestatie wordt deels toegekend
      Gegeven de gemeente heeft een toewijzing afgegeven voor een ander product vanaf "2025-10-06" tot "2026-09-30"
      En de aanbieder heeft de zorg voor het andere product gestart op "2025-10-08"
      Als de ketenpartner over "2025-10" twee prestaties declareert waarvan een met een verkeerde productcode
      Dan beantwoordt het systeem het bericht zoals een correcte ontvanger dat doet
      En bevat het declaratie-antwoord alleen de afgekeurde prestatie, met retourcode "9340"
      En verwijst het declaratie-antwoord naar de declaratie met haar BerichtIdentificatie en DeclaratieNummer

  @iwmo @ijw @TR369 @OP365
  Regel: Bij een toewijzing met een budget blijft het totaal gedeclareerde binnen het budget

    Abstract Scenario: Declareren tegen een budget van 500 euro nadat er al 300 euro is gedeclareerd
      Gegeven de gemeente heeft deze toewijzingen afgegeven:
        | product   | ingangsdatum | einddatum  | budget |
        | categorie | 2025-10-06   | 2026-09-30 | 500,00 |
      En de aanbieder heeft de zorg voor "categorie" gestart op "2025-10-08"
      En het is "2025-12-02"
      En de aanbieder heeft voor "categorie" over "2025-10" "300,00" euro gedeclareerd
      Als de aanbieder voor "categorie" over "2025-11" "<bedrag>" euro declareert
      Dan <uitkomst>

      Voorbeelden:
        | bedrag | uitkomst                                                                                           |
        | 200,00 | keurt de ontvanger het bericht niet af                                                              |
        | 250,00 | gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9369" op "Prestatie" |

  @iwmo @ijw @TR304 @OP276
  Regel: Een prestatie wordt gedeclareerd bij de client van de toewijzing

    Scenario: Declareren voor deze client onder de toewijzing van een andere client gaat niet door
      Gegeven de gemeente heeft een andere client een toewijzing gegeven vanaf "2025-10-06" tot "2026-09-30"
      Als de aanbieder over "2025-10" 8 uur declareert onder de toewijzing van de andere client
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "8187" op "Client"

  @iwmo @ijw @TR387 @TR388 @IV089
  Regel: Een productperiode loopt van de eerste tot de laatste dag van de maand, behalve waar de toewijzing begint of eindigt

    Scenario: Een productperiode die na de eerste begint terwijl de toewijzing al liep gaat niet door
      Gegeven het is "2025-12-02"
      Als de aanbieder over "2025-11" 8 uur declareert met productperiode "2025-11-03" tot "2025-11-30"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9387" op "Prestatie"

    Scenario: Een productperiode die voor de laatste dag eindigt terwijl de toewijzing doorloopt gaat niet door
      Gegeven het is "2025-12-02"
      Als de aanbieder over "2025-11" 8 uur declareert met productperiode "2025-11-01" tot "2025-11-28"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9388" op "Prestatie"

  @iwmo @ijw @TR339 @OP302
  Regel: De gedeclareerde productcategorie is de toegewezen categorie

    Scenario: Een prestatie in een andere productcategorie gaat niet door
      Als de aanbieder over "2025-10" 8 uur declareert met een productcode van een andere categorie
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "9339" op "Prestatie"

  @rol-gemeente @iwmo @ijw @TR346 @IV042
  Regel: Het ingediende bedrag is het geleverde volume maal het producttarief

    Scenario: Een prestatie waarvan het bedrag niet klopt wordt afgekeurd
      Als de ketenpartner over "2025-10" 8 uur declareert tegen "50,00" per uur met een IngediendBedrag van "410,00"
      Dan keurt de ontvanger het bericht af met retourcode "9346" op "Prestatie"

  @iwmo @ijw @TR323 @IV091
  Regel: Alleen een goedgekeurde prestatie wordt gecrediteerd

    @rol-aanbieder
    Scenario: Een prestatie die de gemeente afkeurde crediteren gaat niet door
      Gegeven het is "2025-12-02"
      En alleen de gemeente heeft voor het product een contracttarief van "52,00" per uur vastgelegd
      En de aanbieder heeft over "2025-10" 8 uur gedeclareerd tegen "50,00" per uur, wat de gemeente afkeurde met "0611"
      Als de aanbieder de vorige prestatie crediteert
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "8017" op "Prestatie"

    @rol-gemeente
    Scenario: Een afgekeurde prestatie crediteren wordt afgekeurd
      Gegeven het is "2025-12-02"
      En de ketenpartner heeft over "2025-10" 8 uur gedeclareerd met een andere productcode, wat de gemeente afkeurde
      Als de ketenpartner die afgekeurde prestatie crediteert
      Dan keurt de ontvanger het bericht af met retourcode "8017" op "Prestatie"

  @rol-aanbieder @iwmo @ijw @IV091 @IV081 @TR346
  Regel: Een creditprestatie is een kopie van de debetprestatie, ook het ingediende bedrag
    Alleen ReferentieNummer, VorigReferentieNummer en DebetCredit verschillen. Het bedrag wordt overgenomen, niet
    opnieuw berekend: bij minuten tegen een uurtarief (IV081, TR346: uurtarief x minuten / 60, eenmaal afgerond)
    geeft het afgeronde minuuttarief maal de minuten een ander bedrag.

    Scenario: De aanbieder crediteert een prestatie in minuten met precies het gedeclareerde bedrag
      Gegeven het is "2025-12-02"
      En de aanbieder heeft over "2025-10" 130 minuten gedeclareerd tegen "50,00" per uur
      Als de aanbieder de vorige prestatie crediteert
      Dan keurt de ontvanger het bericht niet af
      En is elke creditprestatie een kopie van haar debetprestatie, op ReferentieNummer, VorigReferentieNummer en DebetCredit na
      En is het ingediende bedrag "108,33" met producttarief "0,83"

  @rol-aanbieder @iwmo @ijw @CS325 @IV086 @OP366
  Regel: De credit en de gecorrigeerde prestatie mogen in een declaratie; een totaal van 0 is debet

    Scenario: De aanbieder corrigeert 4 uur tegen 50 euro in 5 uur tegen 40 euro in een declaratie
      Gegeven het is "2025-12-02"
      En de aanbieder heeft over "2025-10" 4 uur gedeclareerd tegen "50,00" per uur
      Als de aanbieder de vorige prestatie crediteert en in hetzelfde bericht 5 uur declareert tegen "40,00" per uur
      Dan keurt de ontvanger het bericht niet af
      En is het TotaalIngediendBedrag "0,00" met DebetCredit "D"

  @rol-aanbieder @iwmo @ijw @TR315
  Regel: Een prestatie wordt in een declaratie maar een keer gecrediteerd

    Scenario: Dezelfde prestatie twee keer crediteren in een bericht gaat niet door
      Gegeven het is "2025-12-02"
      En de aanbieder heeft over "2025-10" 8 uur gedeclareerd tegen "50,00" per uur
      Als de aanbieder de vorige prestatie twee keer in hetzelfde bericht crediteert
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Prestatie"

  @rol-gemeente @tijdigheid @iwmo @ijw @OP090x4
  Regel: De gemeente stuurt het declaratie-antwoord binnen 10 werkdagen na de declaratie
    Een laat antwoord keurt de aanbieder niet af; de ketenpartner legt het vast als bevinding (proces).

    Abstract Scenario: De ketenpartner legt vast of het declaratie-antwoord op tijd kwam
      Gegeven het is "2025-12-01"
      En de ketenpartner heeft over "2025-11" 8 uur gedeclareerd tegen "50,00" per uur en de gemeente heeft haar post nog niet gelezen
      En het is "<gelezen>"
      Als de gemeente haar post leest
      Dan keurt de ontvanger het bericht niet af
      En is het declaratie-antwoord volgens de ketenpartner <oordeel> gegeven

      Voorbeelden:
        | gelezen    | oordeel | toelichting                                      |
        | 2025-12-01 | tijdig  | dezelfde dag                                     |
        | 2025-12-15 | tijdig  | declaratie ma 1 december: 15 december is de tiende werkdag |
        | 2025-12-16 | te laat | de elfde werkdag                                 |
