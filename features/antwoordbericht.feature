# language: nl
@release-3.2 @WMO319 @JW319 @WMO320 @JW320
Functionaliteit: Antwoordbericht
  Met een Antwoordbericht (319) wijst de gemeente een verzoek af of meldt zij dat het nog in onderzoek is. Een
  verzoek krijgt hooguit een keer "in onderzoek" en wordt uiteindelijk gehonoreerd of afgewezen. Bij iJw kan
  de gemeente afwijzen op grond van het woonplaatsbeginsel (reden 8) en noemt zij dan de verantwoordelijke
  gemeente. De aanbieder beantwoordt het antwoordbericht met een retour (320).

  Achtergrond:
    Gegeven het is "2026-01-12"
    En de aanbieder heeft een verzoek om toewijzing ingediend vanaf "2026-02-01" tot "2026-07-31"

  @iwmo @ijw @OP344 @OP274 @CD085 @CD086
  Regel: Elk verzoek wordt beantwoord met een toewijzing of een afwijzing

    Scenario: De gemeente wijst het verzoek af
      Als de gemeente het verzoek afwijst met reden "2"
      Dan keurt de ontvanger het bericht niet af

    Scenario: De gemeente onderzoekt het verzoek eerst en honoreert het daarna
      Als de gemeente meldt dat het verzoek in onderzoek is
      En de gemeente het verzoek honoreert
      Dan keurt de ontvanger alle berichten goed

    Scenario: De gemeente onderzoekt het verzoek eerst en wijst het daarna af
      Als de gemeente meldt dat het verzoek in onderzoek is
      En de gemeente het verzoek afwijst met reden "2"
      Dan keurt de ontvanger alle berichten goed

  @iwmo @ijw @TR360 @TR365
  Regel: Een verzoek is hooguit een keer in onderzoek, en alleen na "in onderzoek" volgt nog een antwoord

    Scenario: Een tweede "in onderzoek" gaat niet door
      Gegeven de gemeente heeft gemeld dat het verzoek in onderzoek is
      Als de gemeente nog een keer meldt dat het verzoek in onderzoek is
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "9360" op "Antwoord"

    Scenario: Na een afwijzing komt geen tweede antwoord
      Gegeven de gemeente heeft het verzoek afgewezen met reden "2"
      Als de gemeente het verzoek afwijst met reden "3"
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "9365" op "Antwoord"

  @iwmo @ijw @TR359
  Regel: Na een toewijzing voor een verzoek komt er geen antwoordbericht meer

    Scenario: Een afwijzing van een al gehonoreerd verzoek gaat niet door
      Gegeven de gemeente heeft het verzoek gehonoreerd
      Als de gemeente het verzoek afwijst met reden "2"
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "9359" op "Antwoord"

  @iwmo @ijw @TR355
  Regel: Een antwoordbericht hoort bij een verzoek

    Scenario: Een antwoord op een onbekend verzoek gaat niet door
      Als de gemeente het verzoek "ONBEKEND-0001" afwijst met reden "2"
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "9355" op "Antwoord"

  @ijw @OP359 @IV095 @TR377 @TR409
  Regel: Een afwijzing op grond van het woonplaatsbeginsel noemt de verantwoordelijke gemeente (alleen iJw)

    Scenario: De gemeente wijst af op grond van het woonplaatsbeginsel
      Als de gemeente het verzoek afwijst op grond van het woonplaatsbeginsel, verantwoordelijk is gemeente "0344"
      Dan keurt de ontvanger het bericht niet af
      En noemt het antwoordbericht gemeente "0344" als verantwoordelijke gemeente

  @iwmo @ijw @CD085
  Regel: CD085 - Bij VerzoekAntwoord 1 (verzoek afgewezen) is RedenAfwijzingVerzoek verplicht

    Scenario: Een afwijzing zonder reden gaat niet door
      Als de gemeente het verzoek afwijst zonder reden
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "0001" op "Header"

  @iwmo @ijw @CD086
  Regel: CD086 - Bij VerzoekAntwoord 2 (aanvraag in onderzoek) is RedenAfwijzingVerzoek leeg

    Scenario: "In onderzoek" met een reden van afwijzing gaat niet door
      Als de gemeente meldt dat het verzoek in onderzoek is met reden afwijzing "2"
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "0001" op "Header"

  @ijw @TR377
  Regel: TR377 - Bij RedenAfwijzingVerzoek 8 (woonplaatsbeginsel) is de klasse Woonplaatsbeginsel gevuld (alleen iJw)

    Scenario: Een afwijzing op grond van het woonplaatsbeginsel zonder verantwoordelijke gemeente gaat niet door
      Als de gemeente het verzoek afwijst op grond van het woonplaatsbeginsel zonder verantwoordelijke gemeente
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "0001" op "Header"

  @ijw @TR409
  Regel: TR409 - Is RedenAfwijzingVerzoek niet 8, dan ontbreekt de klasse Woonplaatsbeginsel (alleen iJw)

    Scenario: Een afwijzing om een andere reden met een verantwoordelijke gemeente gaat niet door
      Als de gemeente het verzoek afwijst met reden "2" en verantwoordelijke gemeente "0344"
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "0001" op "Header"

  @ijw @TR378
  Regel: TR378 - De gemeente die een afwijzing op grond van het woonplaatsbeginsel verantwoordelijk noemt, bestaat (alleen iJw)
    De verantwoordelijke gemeente kiest de gemeente zelf; staat die code niet in de CBS-gemeentelijke indeling, dan
    verstuurt een correct systeem het antwoordbericht niet. Dat de aanbieder zo'n antwoordbericht afkeurt met S300,
    toetst externe_bronnen.feature.

    @rol-gemeente
    Scenario: Een afwijzing die een gemeentecode buiten de CBS-indeling verantwoordelijk noemt gaat niet door
      Als de gemeente het verzoek afwijst op grond van het woonplaatsbeginsel, verantwoordelijk is gemeente "9999"
      Dan gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met "S300" op "Woonplaatsbeginsel"
