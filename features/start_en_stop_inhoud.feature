# language: nl
@release-3.2
Functionaliteit: Inhoud van een start en een stop zorg
  Regels binnen een Start zorg (305) of Stop zorg (307). Vraagt de opdracht de aanbieder om een bericht dat zo'n
  regel breekt, dan stuurt een correct aanbiedersysteem het niet; stuurt de ketenpartner het als aanbieder, dan
  keurt een correcte gemeente het af met retourcode 0001 in de Header van de retour (306, 308). Elk scenario
  noemt het bericht waar het over gaat.

  Achtergrond:
    Gegeven het is "2026-01-12"
    En de gemeente heeft een toewijzing afgegeven vanaf "2025-10-06" tot "2026-09-30"

  @iwmo @ijw @CS058 @OP033x2
  Regel: CS058 - Een start of stop heeft StatusAanlevering 1 of 3, nooit 2
    Een gewijzigde aanlevering (StatusAanlevering 2) bestaat niet voor een start of stop: een correctie is
    verwijderen (3) en opnieuw sturen (1).

    @WMO305 @JW305 @WMO306 @JW306
    Scenario: Een start als gewijzigde aanlevering gaat niet door
      Als de aanbieder de zorg met StatusAanlevering "2" start per "2025-10-08"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"

    @WMO307 @JW307 @WMO308 @JW308
    Scenario: Een stop als gewijzigde aanlevering gaat niet door
      Gegeven de aanbieder heeft de zorg gestart op "2025-10-08"
      Als de aanbieder de zorg met StatusAanlevering "2" stopt met reden "20" per "2025-11-02"
      Dan gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met "0001" op "Header"
