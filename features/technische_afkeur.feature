# language: nl
# GEGENEREERD door `python -m suite.genereer` uit het corpus; niet met de hand bewerken.
# Niet door de ketenpartner af te leveren (een bericht dat alleen het systeem zelf verstuurt):
#   casussen/noor_01_JW316.xml: JW316
#   casussen/noor_02_JW302.xml: JW302
#   casussen/noor_03_JW306.xml: JW306
#   casussen/noor_04_JW306.xml: JW306
#   casussen/noor_05_JW325.xml: JW325
#   casussen/noor_06_JW308.xml: JW308
#   casussen/noor_07_JW302.xml: JW302
#   casussen/geertje_01_WMO302.xml: WMO302
#   casussen/geertje_02_WMO306.xml: WMO306
#   casussen/geertje_03_WMO325.xml: WMO325
#   casussen/geertje_04_WMO308.xml: WMO308
#   casussen/geertje_05_WMO306.xml: WMO306
#   casussen/geertje_06_WMO318.xml: WMO318
#   casussen/geertje_07_WMO302.xml: WMO302
#   casussen/geertje_08_WMO308.xml: WMO308
#   casussen/geertje_09_WMO306.xml: WMO306
#   casussen/geertje_10_WMO325.xml: WMO325
#   casussen/geertje_11_WMO308.xml: WMO308
#   casussen/geertje_12_WMO308.xml: WMO308
#   declaratie/TR137_JW325_fail.xml: JW325
#   declaratie/TR342_JW325_fail.xml: JW325
#   declaratie/TR342_WMO325_fail.xml: WMO325
#   declaratie/CD060_JW325_fail.xml: JW325
#   declaratie/CS325_WMO325_fail.xml: WMO325
#   declaratie/gedeeltelijk_afgewezen_JW325_ok.xml: JW325
#   declaratie/afgekeurd_WMO325_ok.xml: WMO325
#   retouren/technisch_02_JW308.xml: JW308
#   retouren/klasse_03_WMO318.xml: WMO318
#   retouren/onderliggend_03_WMO318.xml: WMO318
#   retouren/header_03_WMO302.xml: WMO302
#   retouren/declaratie_afgewezen_03_WMO325.xml: WMO325
#   retouren/declaratie_toegekend_03_WMO325.xml: WMO325
@release-3.2 @technische-afkeur @IV028 @IV032 @OP047 @OP286
Functionaliteit: Retourberichten en technische afkeur
  De ketenpartner levert elk voorbeeldbericht uit het corpus af, met de partijen en de client van het
  scenario. Het systeem moet het beantwoorden zoals een correcte ontvanger: bij een geschonden regel
  binnen het bericht retourcode 0001 in de Header, bij een XSD-fout geen retourbericht, en een geldig
  voorbeeld zonder technische afkeur.

  Regel: Een bericht wordt beoordeeld zoals de standaard het voorschrijft

    Abstract Scenario: De ketenpartner levert het voorbeeld <voorbeeld> af
      Gegeven het is "<datum>"
      Als de ketenpartner het corpusvoorbeeld "<voorbeeld>" aflevert
      Dan beantwoordt het systeem het bericht zoals een correcte ontvanger dat doet
      En <verwachting>

      @rol-gemeente @ijw @JW315
      Voorbeelden: noor_01_JW315 (geldig)
        | voorbeeld | datum | verwachting |
        | casussen/noor_01_JW315.xml | 2025-10-13 | bevat zijn retour geen technische afkeur |

      @rol-aanbieder @ijw @JW301
      Voorbeelden: noor_02_JW301 (geldig)
        | voorbeeld | datum | verwachting |
        | casussen/noor_02_JW301.xml | 2025-10-15 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @ijw @JW305
      Voorbeelden: noor_03_JW305 (geldig)
        | voorbeeld | datum | verwachting |
        | casussen/noor_03_JW305.xml | 2025-10-20 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @ijw @JW305
      Voorbeelden: noor_04_JW305 (geldig)
        | voorbeeld | datum | verwachting |
        | casussen/noor_04_JW305.xml | 2025-10-29 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @ijw @JW323
      Voorbeelden: noor_05_JW323 (geldig)
        | voorbeeld | datum | verwachting |
        | casussen/noor_05_JW323.xml | 2025-11-04 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @ijw @JW307
      Voorbeelden: noor_06_JW307 (geldig)
        | voorbeeld | datum | verwachting |
        | casussen/noor_06_JW307.xml | 2026-07-28 | bevat zijn retour geen technische afkeur |

      @rol-aanbieder @ijw @JW301
      Voorbeelden: noor_07_JW301 (geldig)
        | voorbeeld | datum | verwachting |
        | casussen/noor_07_JW301.xml | 2026-07-28 | bevat zijn retour geen technische afkeur |

      @rol-aanbieder @iwmo @WMO301
      Voorbeelden: geertje_01_WMO301 (geldig)
        | voorbeeld | datum | verwachting |
        | casussen/geertje_01_WMO301.xml | 2025-10-02 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO305
      Voorbeelden: geertje_02_WMO305 (geldig)
        | voorbeeld | datum | verwachting |
        | casussen/geertje_02_WMO305.xml | 2025-10-08 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO323
      Voorbeelden: geertje_03_WMO323 (geldig)
        | voorbeeld | datum | verwachting |
        | casussen/geertje_03_WMO323.xml | 2025-11-04 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO307
      Voorbeelden: geertje_04_WMO307 (geldig)
        | voorbeeld | datum | verwachting |
        | casussen/geertje_04_WMO307.xml | 2025-11-05 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO305
      Voorbeelden: geertje_05_WMO305 (geldig)
        | voorbeeld | datum | verwachting |
        | casussen/geertje_05_WMO305.xml | 2025-11-17 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO317
      Voorbeelden: geertje_06_WMO317 (geldig)
        | voorbeeld | datum | verwachting |
        | casussen/geertje_06_WMO317.xml | 2025-12-15 | bevat zijn retour geen technische afkeur |

      @rol-aanbieder @iwmo @WMO301
      Voorbeelden: geertje_07_WMO301 (geldig)
        | voorbeeld | datum | verwachting |
        | casussen/geertje_07_WMO301.xml | 2025-12-18 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO307
      Voorbeelden: geertje_08_WMO307 (geldig)
        | voorbeeld | datum | verwachting |
        | casussen/geertje_08_WMO307.xml | 2026-01-09 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO305
      Voorbeelden: geertje_09_WMO305 (geldig)
        | voorbeeld | datum | verwachting |
        | casussen/geertje_09_WMO305.xml | 2026-01-09 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO323
      Voorbeelden: geertje_10_WMO323 (geldig)
        | voorbeeld | datum | verwachting |
        | casussen/geertje_10_WMO323.xml | 2026-02-04 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO307
      Voorbeelden: geertje_11_WMO307 (geldig)
        | voorbeeld | datum | verwachting |
        | casussen/geertje_11_WMO307.xml | 2026-02-26 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO307
      Voorbeelden: geertje_12_WMO307 (geldig)
        | voorbeeld | datum | verwachting |
        | casussen/geertje_12_WMO307.xml | 2026-06-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO323 @TR137
      Voorbeelden: TR137_WMO323_fail (TR137)
        | voorbeeld | datum | verwachting |
        | declaratie/TR137_WMO323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW323 @TR315
      Voorbeelden: TR315_JW323_fail (TR315)
        | voorbeeld | datum | verwachting |
        | declaratie/TR315_JW323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO323 @TR315
      Voorbeelden: TR315_WMO323_fail (TR315)
        | voorbeeld | datum | verwachting |
        | declaratie/TR315_WMO323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO323 @TR316
      Voorbeelden: TR316_WMO323_fail (TR316)
        | voorbeeld | datum | verwachting |
        | declaratie/TR316_WMO323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW323 @TR316
      Voorbeelden: TR316_JW323_fail (TR316)
        | voorbeeld | datum | verwachting |
        | declaratie/TR316_JW323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW323 @TR319
      Voorbeelden: TR319_JW323_fail (TR319)
        | voorbeeld | datum | verwachting |
        | declaratie/TR319_JW323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "9319" |

      @rol-gemeente @iwmo @WMO323 @TR319
      Voorbeelden: TR319_WMO323_fail (TR319)
        | voorbeeld | datum | verwachting |
        | declaratie/TR319_WMO323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "9319" |

      @rol-gemeente @iwmo @WMO323 @TR335
      Voorbeelden: TR335_WMO323_fail (TR335)
        | voorbeeld | datum | verwachting |
        | declaratie/TR335_WMO323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW323 @TR335
      Voorbeelden: TR335_JW323_fail (TR335)
        | voorbeeld | datum | verwachting |
        | declaratie/TR335_JW323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO323 @TR358
      Voorbeelden: TR358_WMO323_fail (TR358)
        | voorbeeld | datum | verwachting |
        | declaratie/TR358_WMO323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW323 @TR416
      Voorbeelden: TR416_JW323_fail (TR416)
        | voorbeeld | datum | verwachting |
        | declaratie/TR416_JW323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO323 @TR416
      Voorbeelden: TR416_WMO323_fail (TR416)
        | voorbeeld | datum | verwachting |
        | declaratie/TR416_WMO323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO323 @CD060
      Voorbeelden: CD060_WMO323_fail (CD060)
        | voorbeeld | datum | verwachting |
        | declaratie/CD060_WMO323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW323 @CD087
      Voorbeelden: CD087_JW323_fail (CD087)
        | voorbeeld | datum | verwachting |
        | declaratie/CD087_JW323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO323 @CD087
      Voorbeelden: CD087_WMO323_fail (CD087)
        | voorbeeld | datum | verwachting |
        | declaratie/CD087_WMO323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO323 @CS100
      Voorbeelden: CS100_WMO323_fail (CS100)
        | voorbeeld | datum | verwachting |
        | declaratie/CS100_WMO323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW323 @CS100
      Voorbeelden: CS100_JW323_fail (CS100)
        | voorbeeld | datum | verwachting |
        | declaratie/CS100_JW323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW323 @CS325
      Voorbeelden: CS325_JW323_fail (CS325)
        | voorbeeld | datum | verwachting |
        | declaratie/CS325_JW323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO323 @CS337
      Voorbeelden: CS337_WMO323_fail (CS337)
        | voorbeeld | datum | verwachting |
        | declaratie/CS337_WMO323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW323 @CS337
      Voorbeelden: CS337_JW323_fail (CS337)
        | voorbeeld | datum | verwachting |
        | declaratie/CS337_JW323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW323 @CS339
      Voorbeelden: CS339_JW323_fail (CS339)
        | voorbeeld | datum | verwachting |
        | declaratie/CS339_JW323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO323 @CS339
      Voorbeelden: CS339_WMO323_fail (CS339)
        | voorbeeld | datum | verwachting |
        | declaratie/CS339_WMO323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO323 @CS340
      Voorbeelden: CS340_WMO323_fail (CS340)
        | voorbeeld | datum | verwachting |
        | declaratie/CS340_WMO323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW323 @CS340
      Voorbeelden: CS340_JW323_fail (CS340)
        | voorbeeld | datum | verwachting |
        | declaratie/CS340_JW323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW323
      Voorbeelden: credit_en_correctie_JW323_ok (geldig)
        | voorbeeld | datum | verwachting |
        | declaratie/credit_en_correctie_JW323_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO323
      Voorbeelden: negatief_totaal_WMO323_ok (geldig)
        | voorbeeld | datum | verwachting |
        | declaratie/negatief_totaal_WMO323_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @ijw @JW323
      Voorbeelden: euro_JW323_ok (geldig)
        | voorbeeld | datum | verwachting |
        | declaratie/euro_JW323_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO323
      Voorbeelden: eerdere_perioden_WMO323_ok (geldig)
        | voorbeeld | datum | verwachting |
        | declaratie/eerdere_perioden_WMO323_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @ijw @JW323
      Voorbeelden: twee_clienten_JW323_ok (geldig)
        | voorbeeld | datum | verwachting |
        | declaratie/twee_clienten_JW323_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO323
      Voorbeelden: schrikkelmaand_WMO323_ok (geldig)
        | voorbeeld | datum | verwachting |
        | declaratie/schrikkelmaand_WMO323_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-aanbieder @iwmo @WMO301
      Voorbeelden: TR378_beemster_2021_WMO301_ok (geldig)
        | voorbeeld | datum | verwachting |
        | extern/TR378_beemster_2021_WMO301_ok.xml | 2021-03-01 | bevat zijn retour geen technische afkeur |

      @rol-aanbieder @iwmo @WMO301 @TR378
      Voorbeelden: TR378_beemster_2023_WMO301_fail (TR378)
        | voorbeeld | datum | verwachting |
        | extern/TR378_beemster_2023_WMO301_fail.xml | 2023-03-01 | keurt de ontvanger het bericht af met retourcode "S300" |

      @rol-gemeente @iwmo @WMO305
      Voorbeelden: TR378_beemster_toewijzing_2021_WMO305_ok (geldig)
        | voorbeeld | datum | verwachting |
        | extern/TR378_beemster_toewijzing_2021_WMO305_ok.xml | 2023-03-01 | bevat zijn retour geen technische afkeur |

      @rol-aanbieder @ijw @JW319 @TR378
      Voorbeelden: TR378_woonplaatsbeginsel_JW319_fail (TR378)
        | voorbeeld | datum | verwachting |
        | extern/TR378_woonplaatsbeginsel_JW319_fail.xml | 2023-03-01 | keurt de ontvanger het bericht af met retourcode "S300" |

      @rol-gemeente @iwmo @WMO315 @TR135
      Voorbeelden: TR135_WMO315_fail (TR135)
        | voorbeeld | datum | verwachting |
        | extern/TR135_WMO315_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "8848" |

      @rol-gemeente @iwmo @WMO323 @TR346
      Voorbeelden: TR346_WMO323_fail (TR346)
        | voorbeeld | datum | verwachting |
        | extern/TR346_WMO323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "9346" |

      @rol-gemeente @iwmo @WMO315
      Voorbeelden: TR381_eigen_lijst_WMO315_ok (geldig)
        | voorbeeld | datum | verwachting |
        | extern/TR381_eigen_lijst_WMO315_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-aanbieder @iwmo @WMO301 @TR381
      Voorbeelden: TR381_hulpmiddel_WMO301_fail (TR381)
        | voorbeeld | datum | verwachting |
        | extern/TR381_hulpmiddel_WMO301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "S329" |

      @rol-aanbieder @iwmo @WMO301 @TR002
      Voorbeelden: TR002_WMO301_fail (TR002)
        | voorbeeld | datum | verwachting |
        | personen/TR002_WMO301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @ijw @JW301 @TR006
      Voorbeelden: TR006_JW301_fail (TR006)
        | voorbeeld | datum | verwachting |
        | personen/TR006_JW301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @iwmo @WMO301 @TR006
      Voorbeelden: TR006_WMO301_fail (TR006)
        | voorbeeld | datum | verwachting |
        | personen/TR006_WMO301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @iwmo @WMO301 @TR061
      Voorbeelden: TR061_WMO301_fail (TR061)
        | voorbeeld | datum | verwachting |
        | personen/TR061_WMO301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @ijw @JW301 @TR061
      Voorbeelden: TR061_JW301_fail (TR061)
        | voorbeeld | datum | verwachting |
        | personen/TR061_JW301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW305 @TR101
      Voorbeelden: TR101_JW305_fail (TR101)
        | voorbeeld | datum | verwachting |
        | personen/TR101_JW305_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO323 @TR101
      Voorbeelden: TR101_WMO323_fail (TR101)
        | voorbeeld | datum | verwachting |
        | personen/TR101_WMO323_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO307 @TR134
      Voorbeelden: TR134_WMO307_fail (TR134)
        | voorbeeld | datum | verwachting |
        | personen/TR134_WMO307_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW317 @CS002
      Voorbeelden: CS002_JW317_fail (CS002)
        | voorbeeld | datum | verwachting |
        | personen/CS002_JW317_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @iwmo @WMO301 @CS050
      Voorbeelden: CS050_WMO301_fail (CS050)
        | voorbeeld | datum | verwachting |
        | personen/CS050_WMO301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @ijw @JW301 @CS050
      Voorbeelden: CS050_JW301_fail (CS050)
        | voorbeeld | datum | verwachting |
        | personen/CS050_JW301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @ijw @JW301 @CS089
      Voorbeelden: CS089_JW301_fail (CS089)
        | voorbeeld | datum | verwachting |
        | personen/CS089_JW301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @iwmo @WMO301 @CS089
      Voorbeelden: CS089_WMO301_fail (CS089)
        | voorbeeld | datum | verwachting |
        | personen/CS089_WMO301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO315 @CS139
      Voorbeelden: CS139_WMO315_fail (CS139)
        | voorbeeld | datum | verwachting |
        | personen/CS139_WMO315_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @ijw @JW301 @CS318
      Voorbeelden: CS318_JW301_fail (CS318)
        | voorbeeld | datum | verwachting |
        | personen/CS318_JW301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @iwmo @WMO301 @CD005
      Voorbeelden: CD005_WMO301_fail (CD005)
        | voorbeeld | datum | verwachting |
        | personen/CD005_WMO301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @ijw @JW301 @CD005
      Voorbeelden: CD005_JW301_fail (CD005)
        | voorbeeld | datum | verwachting |
        | personen/CD005_JW301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @ijw @JW301 @CD007
      Voorbeelden: CD007_JW301_fail (CD007)
        | voorbeeld | datum | verwachting |
        | personen/CD007_JW301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @iwmo @WMO301 @CD007
      Voorbeelden: CD007_WMO301_fail (CD007)
        | voorbeeld | datum | verwachting |
        | personen/CD007_WMO301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @iwmo @WMO301 @CD009
      Voorbeelden: CD009_WMO301_fail (CD009)
        | voorbeeld | datum | verwachting |
        | personen/CD009_WMO301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @ijw @JW301 @CD009
      Voorbeelden: CD009_JW301_fail (CD009)
        | voorbeeld | datum | verwachting |
        | personen/CD009_JW301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @ijw @JW301 @CD025
      Voorbeelden: CD025_JW301_fail (CD025)
        | voorbeeld | datum | verwachting |
        | personen/CD025_JW301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @iwmo @WMO301 @CD025
      Voorbeelden: CD025_WMO301_fail (CD025)
        | voorbeeld | datum | verwachting |
        | personen/CD025_WMO301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @iwmo @WMO301 @CD034
      Voorbeelden: CD034_WMO301_fail (CD034)
        | voorbeeld | datum | verwachting |
        | personen/CD034_WMO301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @ijw @JW301 @CD034
      Voorbeelden: CD034_JW301_fail (CD034)
        | voorbeeld | datum | verwachting |
        | personen/CD034_JW301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW305
      Voorbeelden: onbekende_geboortedatum_JW305_ok (geldig)
        | voorbeeld | datum | verwachting |
        | personen/onbekende_geboortedatum_JW305_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO307
      Voorbeelden: geboortedatum_120_jaar_WMO307_ok (geldig)
        | voorbeeld | datum | verwachting |
        | personen/geboortedatum_120_jaar_WMO307_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-aanbieder @ijw @JW301
      Voorbeelden: relaties_en_adressen_JW301_ok (geldig)
        | voorbeeld | datum | verwachting |
        | personen/relaties_en_adressen_JW301_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-aanbieder @iwmo @WMO301
      Voorbeelden: relaties_en_adressen_WMO301_ok (geldig)
        | voorbeeld | datum | verwachting |
        | personen/relaties_en_adressen_WMO301_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO305
      Voorbeelden: twee_starts_WMO305_ok (geldig)
        | voorbeeld | datum | verwachting |
        | personen/twee_starts_WMO305_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @ijw @JW323
      Voorbeelden: twee_clienten_JW323_ok (geldig)
        | voorbeeld | datum | verwachting |
        | personen/twee_clienten_JW323_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-aanbieder @iwmo @WMO301 @TR302
      Voorbeelden: TR302_WMO301_fail (TR302)
        | voorbeeld | datum | verwachting |
        | producten/TR302_WMO301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @ijw @JW301 @TR302
      Voorbeelden: TR302_JW301_fail (TR302)
        | voorbeeld | datum | verwachting |
        | producten/TR302_JW301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW315 @TR386
      Voorbeelden: TR386_JW315_fail (TR386)
        | voorbeeld | datum | verwachting |
        | producten/TR386_JW315_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO315 @TR386
      Voorbeelden: TR386_WMO315_fail (TR386)
        | voorbeeld | datum | verwachting |
        | producten/TR386_WMO315_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO317 @TR410
      Voorbeelden: TR410_WMO317_fail (TR410)
        | voorbeeld | datum | verwachting |
        | producten/TR410_WMO317_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW317 @TR410
      Voorbeelden: TR410_JW317_fail (TR410)
        | voorbeeld | datum | verwachting |
        | producten/TR410_JW317_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @ijw @JW301 @CD041
      Voorbeelden: CD041_JW301_fail (CD041)
        | voorbeeld | datum | verwachting |
        | producten/CD041_JW301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO317 @CD075
      Voorbeelden: CD075_WMO317_fail (CD075)
        | voorbeeld | datum | verwachting |
        | producten/CD075_WMO317_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW315 @CD076
      Voorbeelden: CD076_JW315_fail (CD076)
        | voorbeeld | datum | verwachting |
        | producten/CD076_JW315_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @iwmo @WMO301 @CD077 @CD078
      Voorbeelden: CD077_WMO301_fail (CD077, CD078)
        | voorbeeld | datum | verwachting |
        | producten/CD077_WMO301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW317 @CD077 @CD078
      Voorbeelden: CD078_JW317_fail (CD077, CD078)
        | voorbeeld | datum | verwachting |
        | producten/CD078_JW317_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO315 @CD079
      Voorbeelden: CD079_WMO315_fail (CD079)
        | voorbeeld | datum | verwachting |
        | producten/CD079_WMO315_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @ijw @JW301 @CD080
      Voorbeelden: CD080_JW301_fail (CD080)
        | voorbeeld | datum | verwachting |
        | producten/CD080_JW301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @iwmo @WMO301 @CD080
      Voorbeelden: CD080_WMO301_fail (CD080)
        | voorbeeld | datum | verwachting |
        | producten/CD080_WMO301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO315 @CD095
      Voorbeelden: CD095_WMO315_fail (CD095)
        | voorbeeld | datum | verwachting |
        | producten/CD095_WMO315_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW315 @CD095
      Voorbeelden: CD095_JW315_fail (CD095)
        | voorbeeld | datum | verwachting |
        | producten/CD095_JW315_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW317 @CD096
      Voorbeelden: CD096_JW317_fail (CD096)
        | voorbeeld | datum | verwachting |
        | producten/CD096_JW317_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO317 @CD096
      Voorbeelden: CD096_WMO317_fail (CD096)
        | voorbeeld | datum | verwachting |
        | producten/CD096_WMO317_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @iwmo @WMO301 @CS003
      Voorbeelden: CS003_WMO301_fail (CS003)
        | voorbeeld | datum | verwachting |
        | producten/CS003_WMO301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @ijw @JW301 @CS003
      Voorbeelden: CS003_contact_zonder_begindatum_JW301_fail (CS003)
        | voorbeeld | datum | verwachting |
        | producten/CS003_contact_zonder_begindatum_JW301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @iwmo @WMO301 @CS003
      Voorbeelden: CS003_omgekeerd_niet_overlappend_WMO301_fail (CS003)
        | voorbeeld | datum | verwachting |
        | producten/CS003_omgekeerd_niet_overlappend_WMO301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @ijw @JW301 @CS335
      Voorbeelden: CS335_JW301_fail (CS335)
        | voorbeeld | datum | verwachting |
        | producten/CS335_JW301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @iwmo @WMO301 @CS336
      Voorbeelden: CS336_WMO301_fail (CS336)
        | voorbeeld | datum | verwachting |
        | producten/CS336_WMO301_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW317 @CS338
      Voorbeelden: CS338_JW317_fail (CS338)
        | voorbeeld | datum | verwachting |
        | producten/CS338_JW317_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO315 @CS343
      Voorbeelden: CS343_WMO315_fail (CS343)
        | voorbeeld | datum | verwachting |
        | producten/CS343_WMO315_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW315 @CS343
      Voorbeelden: CS343_JW315_fail (CS343)
        | voorbeeld | datum | verwachting |
        | producten/CS343_JW315_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @ijw @JW301
      Voorbeelden: aansluitend_JW301_ok (geldig)
        | voorbeeld | datum | verwachting |
        | producten/aansluitend_JW301_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-aanbieder @iwmo @WMO301
      Voorbeelden: verwijderd_WMO301_ok (geldig)
        | voorbeeld | datum | verwachting |
        | producten/verwijderd_WMO301_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO315
      Voorbeelden: hulpmiddelen_WMO315_ok (geldig)
        | voorbeeld | datum | verwachting |
        | producten/hulpmiddelen_WMO315_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @ijw @JW317
      Voorbeelden: ander_product_JW317_ok (geldig)
        | voorbeeld | datum | verwachting |
        | producten/ander_product_JW317_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-aanbieder @iwmo @WMO301
      Voorbeelden: budget_generiek_WMO301_ok (geldig)
        | voorbeeld | datum | verwachting |
        | producten/budget_generiek_WMO301_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-aanbieder @ijw @JW301
      Voorbeelden: omvang_voor_2021_JW301_ok (geldig)
        | voorbeeld | datum | verwachting |
        | producten/omvang_voor_2021_JW301_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO315
      Voorbeelden: einde_gelijk_WMO315_ok (geldig)
        | voorbeeld | datum | verwachting |
        | producten/einde_gelijk_WMO315_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO305
      Voorbeelden: CS015_WMO305_fail (XSD)
        | voorbeeld | datum | verwachting |
        | technisch/CS015_WMO305_fail.xml | 2026-01-12 | stuurt het systeem geen retourbericht |

      @rol-aanbieder @ijw @JW301
      Voorbeelden: CS025_JW301_fail (XSD)
        | voorbeeld | datum | verwachting |
        | technisch/CS025_JW301_fail.xml | 2026-01-12 | stuurt het systeem geen retourbericht |

      @rol-gemeente @ijw @JW323
      Voorbeelden: CS319_JW323_fail (XSD)
        | voorbeeld | datum | verwachting |
        | technisch/CS319_JW323_fail.xml | 2026-01-12 | stuurt het systeem geen retourbericht |

      @rol-gemeente @iwmo @WMO305
      Voorbeelden: XSD_WMO305_fail (XSD)
        | voorbeeld | datum | verwachting |
        | technisch/XSD_WMO305_fail.xml | 2026-01-12 | stuurt het systeem geen retourbericht |

      @rol-gemeente @iwmo @WMO307 @TR018
      Voorbeelden: TR018_WMO307_fail (TR018)
        | voorbeeld | datum | verwachting |
        | verzoeken/TR018_WMO307_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW307 @TR018
      Voorbeelden: TR018_JW307_fail (TR018)
        | voorbeeld | datum | verwachting |
        | verzoeken/TR018_JW307_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW305 @CS058
      Voorbeelden: CS058_JW305_fail (CS058)
        | voorbeeld | datum | verwachting |
        | verzoeken/CS058_JW305_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO307 @CS058
      Voorbeelden: CS058_WMO307_fail (CS058)
        | voorbeeld | datum | verwachting |
        | verzoeken/CS058_WMO307_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW307
      Voorbeelden: stop_zelfde_dag_JW307_ok (geldig)
        | voorbeeld | datum | verwachting |
        | verzoeken/stop_zelfde_dag_JW307_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @ijw @JW307
      Voorbeelden: stop_verwijderen_JW307_ok (geldig)
        | voorbeeld | datum | verwachting |
        | verzoeken/stop_verwijderen_JW307_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO305
      Voorbeelden: start_verwijderen_WMO305_ok (geldig)
        | voorbeeld | datum | verwachting |
        | verzoeken/start_verwijderen_WMO305_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @ijw @JW315 @TR101 @TR383
      Voorbeelden: TR383_JW315_fail (TR101, TR383)
        | voorbeeld | datum | verwachting |
        | verzoeken/TR383_JW315_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO315 @TR101 @TR383
      Voorbeelden: TR383_WMO315_fail (TR101, TR383)
        | voorbeeld | datum | verwachting |
        | verzoeken/TR383_WMO315_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO315 @CD043
      Voorbeelden: CD043_WMO315_fail (CD043)
        | voorbeeld | datum | verwachting |
        | verzoeken/CD043_WMO315_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW315 @CD043
      Voorbeelden: CD043_JW315_fail (CD043)
        | voorbeeld | datum | verwachting |
        | verzoeken/CD043_JW315_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW315 @CD066
      Voorbeelden: CD066_JW315_fail (CD066)
        | voorbeeld | datum | verwachting |
        | verzoeken/CD066_JW315_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO315 @CD066
      Voorbeelden: CD066_WMO315_fail (CD066)
        | voorbeeld | datum | verwachting |
        | verzoeken/CD066_WMO315_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO315 @CD067
      Voorbeelden: CD067_WMO315_fail (CD067)
        | voorbeeld | datum | verwachting |
        | verzoeken/CD067_WMO315_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW315 @CD067
      Voorbeelden: CD067_JW315_fail (CD067)
        | voorbeeld | datum | verwachting |
        | verzoeken/CD067_JW315_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW315 @CD068
      Voorbeelden: CD068_JW315_fail (CD068)
        | voorbeeld | datum | verwachting |
        | verzoeken/CD068_JW315_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO315 @CD068
      Voorbeelden: CD068_WMO315_fail (CD068)
        | voorbeeld | datum | verwachting |
        | verzoeken/CD068_WMO315_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO315
      Voorbeelden: twee_aanvragen_WMO315_ok (geldig)
        | voorbeeld | datum | verwachting |
        | verzoeken/twee_aanvragen_WMO315_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @ijw @JW315
      Voorbeelden: beschikking_JW315_ok (geldig)
        | voorbeeld | datum | verwachting |
        | verzoeken/beschikking_JW315_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @ijw @JW315
      Voorbeelden: verwijzer_huisarts_agb_JW315_ok (geldig)
        | voorbeeld | datum | verwachting |
        | verzoeken/verwijzer_huisarts_agb_JW315_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @ijw @JW315
      Voorbeelden: verwijzer_jeugdarts_naam_JW315_ok (geldig)
        | voorbeeld | datum | verwachting |
        | verzoeken/verwijzer_jeugdarts_naam_JW315_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO315
      Voorbeelden: verwijzer_specialist_naam_WMO315_ok (geldig)
        | voorbeeld | datum | verwachting |
        | verzoeken/verwijzer_specialist_naam_WMO315_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO315
      Voorbeelden: verwijzer_rechter_naam_WMO315_ok (geldig)
        | voorbeeld | datum | verwachting |
        | verzoeken/verwijzer_rechter_naam_WMO315_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO317 @TR352
      Voorbeelden: TR352_WMO317_fail (TR352)
        | voorbeeld | datum | verwachting |
        | verzoeken/TR352_WMO317_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW317 @TR353
      Voorbeelden: TR353_JW317_fail (TR353)
        | voorbeeld | datum | verwachting |
        | verzoeken/TR353_JW317_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO317 @TR353
      Voorbeelden: TR353_WMO317_fail (TR353)
        | voorbeeld | datum | verwachting |
        | verzoeken/TR353_WMO317_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @iwmo @WMO317 @TR380
      Voorbeelden: TR380_WMO317_fail (TR380)
        | voorbeeld | datum | verwachting |
        | verzoeken/TR380_WMO317_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW317 @TR380
      Voorbeelden: TR380_JW317_fail (TR380)
        | voorbeeld | datum | verwachting |
        | verzoeken/TR380_JW317_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-gemeente @ijw @JW317
      Voorbeelden: alleen_te_wijzigen_JW317_ok (geldig)
        | voorbeeld | datum | verwachting |
        | verzoeken/alleen_te_wijzigen_JW317_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-gemeente @iwmo @WMO317
      Voorbeelden: nieuw_dag_na_dagtekening_WMO317_ok (geldig)
        | voorbeeld | datum | verwachting |
        | verzoeken/nieuw_dag_na_dagtekening_WMO317_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-aanbieder @iwmo @WMO319 @CD085
      Voorbeelden: CD085_WMO319_fail (CD085)
        | voorbeeld | datum | verwachting |
        | verzoeken/CD085_WMO319_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @ijw @JW319 @CD086
      Voorbeelden: CD086_JW319_fail (CD086)
        | voorbeeld | datum | verwachting |
        | verzoeken/CD086_JW319_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @ijw @JW319 @TR377
      Voorbeelden: TR377_JW319_fail (TR377)
        | voorbeeld | datum | verwachting |
        | verzoeken/TR377_JW319_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @ijw @JW319 @TR409
      Voorbeelden: TR409_JW319_fail (TR409)
        | voorbeeld | datum | verwachting |
        | verzoeken/TR409_JW319_fail.xml | 2026-01-12 | keurt de ontvanger het bericht af met retourcode "0001" op "Header" |

      @rol-aanbieder @ijw @JW319
      Voorbeelden: woonplaatsbeginsel_JW319_ok (geldig)
        | voorbeeld | datum | verwachting |
        | verzoeken/woonplaatsbeginsel_JW319_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-aanbieder @ijw @JW319
      Voorbeelden: in_onderzoek_JW319_ok (geldig)
        | voorbeeld | datum | verwachting |
        | verzoeken/in_onderzoek_JW319_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-aanbieder @iwmo @WMO319
      Voorbeelden: in_onderzoek_WMO319_ok (geldig)
        | voorbeeld | datum | verwachting |
        | verzoeken/in_onderzoek_WMO319_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

      @rol-aanbieder @iwmo @WMO319
      Voorbeelden: reden_8_WMO319_ok (geldig)
        | voorbeeld | datum | verwachting |
        | verzoeken/reden_8_WMO319_ok.xml | 2026-01-12 | bevat zijn retour geen technische afkeur |

  Regel: Een bericht dat niet te lezen of niet te herkennen is, krijgt geen retourbericht en laat niets na
    De ketenpartner levert de bytes van het voorbeeld letterlijk af (een BOM, Latin-1, afgebroken XML,
    een entiteitenbom, een externe entiteit, een andere release of namespace). Het systeem weigert het
    buiten het berichtenverkeer om, haalt niets van buiten op, en verwerkt het volgende gewone bericht
    zoals een correcte ontvanger.

    Abstract Scenario: De ketenpartner levert het voorbeeld <voorbeeld> letterlijk af
      Gegeven het is "<datum>"
      Als de ketenpartner het corpusvoorbeeld "<voorbeeld>" letterlijk aflevert
      Dan stuurt het systeem geen retourbericht
      En verwerkt het systeem daarna een gewoon bericht van de ketenpartner zoals een correcte ontvanger

      @iwmo @OP192
      Voorbeelden: OP192_bom_WMO305_fail (OP192, letterlijk)
        | voorbeeld | datum |
        | technisch/OP192_bom_WMO305_fail.xml | 2026-01-12 |

      @iwmo @OP192
      Voorbeelden: OP192_latin1_WMO305_fail (OP192, letterlijk)
        | voorbeeld | datum |
        | technisch/OP192_latin1_WMO305_fail.xml | 2026-01-12 |

      @iwmo
      Voorbeelden: XML_afgebroken_WMO305_fail (XML, letterlijk)
        | voorbeeld | datum |
        | technisch/XML_afgebroken_WMO305_fail.xml | 2026-01-12 |

      @iwmo
      Voorbeelden: XML_xxe_fail (XML, letterlijk)
        | voorbeeld | datum |
        | technisch/XML_xxe_fail.xml | 2026-01-12 |

      @iwmo
      Voorbeelden: XML_billion_laughs_fail (XML, letterlijk)
        | voorbeeld | datum |
        | technisch/XML_billion_laughs_fail.xml | 2026-01-12 |

      @iwmo
      Voorbeelden: IDENT_release31_WMO305_fail (IDENT, letterlijk)
        | voorbeeld | datum |
        | technisch/IDENT_release31_WMO305_fail.xml | 2026-01-12 |

      @iwmo
      Voorbeelden: IDENT_onbekend_bericht_fail (IDENT, letterlijk)
        | voorbeeld | datum |
        | technisch/IDENT_onbekend_bericht_fail.xml | 2026-01-12 |

      @iwmo
      Voorbeelden: IDENT_verkeerde_root_fail (IDENT, letterlijk)
        | voorbeeld | datum |
        | technisch/IDENT_verkeerde_root_fail.xml | 2026-01-12 |

      @iwmo
      Voorbeelden: IDENT_geen_namespace_fail (IDENT, letterlijk)
        | voorbeeld | datum |
        | technisch/IDENT_geen_namespace_fail.xml | 2026-01-12 |
