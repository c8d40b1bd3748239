# language: nl
@release-3.2 @tegenpartij-fout
Functionaliteit: Een ketenpartner die zich misdraagt
  In het echte berichtenverkeer gaat niet alles goed: een retour komt laat, nooit, twee keer, verwijst naar
  het verkeerde bericht of is zelf ongeldig; de verbinding valt weg; de andere partij stuurt een bericht
  twee keer of met een fout. De ketenpartner doet dat hier opzettelijk (foutencatalogus, docs/FOUTEN.md). Het
  systeem moet het overleven zonder iets kwijt te raken of dubbel te boeken: geen bericht twee keer, en het
  volgende bericht gaat gewoon goed.

  Achtergrond:
    Gegeven het is "2026-01-12"
    En de gemeente heeft een toewijzing afgegeven vanaf "2025-10-06" tot "2026-09-30"

  @iwmo @ijw @OP090 @OP065 @IV028 @IV032
  Regel: Een late, ontbrekende, dubbele, verkeerd verwijzende of ongeldige retour brengt het systeem niet van de wijs

    Abstract Scenario: De ketenpartner beantwoordt een bericht van het systeem met de fout <fout>
      Gegeven de ketenpartner beantwoordt het volgende bericht van het systeem met de fout "<fout>"
      Als het systeem zijn volgende bericht verstuurt
      En het systeem daarna nog een bericht verstuurt
      Dan heeft het systeem geen bericht dubbel verstuurd
      En keurt de ketenpartner het laatste bericht van het systeem niet af

      Voorbeelden:
        | fout                           |
        | geen-retour                    |
        | dubbele-retour                 |
        | verkeerde-referentie           |
        | retour-voor-onbekend-bericht   |
        | verkeerde-identificatie-retour |
        | retourcode-ontbreekt           |
        | verkeerd-retourtype            |
        | xsd-ongeldig                   |
        | vertraging                     |
        | trage-body                     |

  @iwmo @ijw @OP090x2 @OP286
  Regel: Valt de verbinding weg, dan gaat het bericht opnieuw en wordt het precies een keer verwerkt
    Het systeem krijgt de opdracht een keer; opnieuw afleveren doet het zelf, met precies dezelfde bytes. Bij
    antwoord-kwijt heeft de ketenpartner het bericht al verwerkt en gaat alleen het antwoord verloren: de
    herhaling krijgt de oorspronkelijke uitkomst (200 met Ketenproef-Herhaling) en telt als afgeleverd.

    Abstract Scenario: De ketenpartner laat het bericht van het systeem mislukken met <fout>
      Gegeven de ketenpartner laat het volgende bericht van het systeem mislukken met de transportfout "<fout>"
      Als het systeem zijn volgende bericht verstuurt
      Dan heeft het systeem het bericht zelf opnieuw afgeleverd
      En heeft de ketenpartner het bericht precies een keer verwerkt
      En heeft het systeem geen bericht dubbel verstuurd
      En keurt de ketenpartner het laatste bericht van het systeem niet af

      Voorbeelden:
        | fout                 |
        | http500              |
        | verbinding-verbroken |
        | geen-antwoord        |
        | antwoord-kwijt       |

    Scenario: Na een 503 met Retry-After wacht het systeem die tijd af en levert dan opnieuw af
      Gegeven de ketenpartner laat het volgende bericht van het systeem mislukken met de transportfout "http503"
      Als het systeem zijn volgende bericht verstuurt
      Dan heeft het systeem het bericht zelf opnieuw afgeleverd
      En wachtte het systeem voor het opnieuw afleveren de Retry-After van 1 seconde af
      En heeft de ketenpartner het bericht precies een keer verwerkt
      En heeft het systeem geen bericht dubbel verstuurd
      En keurt de ketenpartner het laatste bericht van het systeem niet af

  @iwmo @ijw @TR056
  Regel: Een bericht dat de ketenpartner nog eens stuurt met dezelfde identificatie wordt afgekeurd

    Scenario: De ketenpartner stuurt zijn laatste bericht nog een keer
      Gegeven de aanbieder heeft de zorg gestart op "2025-10-08"
      Als de ketenpartner zijn laatste bericht nog een keer stuurt met dezelfde identificatie
      Dan keurt de ontvanger het bericht af met retourcode "9056"
      Als de aanbieder de zorg tijdelijk stopt per "2025-11-02"
      Dan keurt de ontvanger het bericht niet af

  @rol-aanbieder @iwmo @ijw @CD085 @OP344
  Regel: Een antwoordbericht met een fout wordt beantwoord zoals de standaard het voorschrijft

    Scenario: De ketenpartner wijst een verzoek af zonder reden
      Gegeven de aanbieder heeft een verzoek om toewijzing ingediend voor een ander product vanaf "2026-02-01" tot "2026-07-31"
      Als de ketenpartner het verzoek afwijst met de fout "afwijzing-zonder-reden"
      Dan beantwoordt het systeem het bericht zoals een correcte ontvanger dat doet
      En keurt de ontvanger het bericht af met retourcode "0001" op "Header"
