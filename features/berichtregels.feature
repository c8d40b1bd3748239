# language: nl
# GEGENEREERD door `python -m suite.genereer` uit het corpus; niet met de hand bewerken.
@release-3.2
Functionaliteit: Berichten volgens de regels
  Elk bericht dat het systeem in zijn rol verstuurt, in een gewoon verloop, voldoet aan de XSD en
  aan elke regel die binnen een bericht te controleren is; de ketenpartner beoordeelt het als
  ontvanger. Voor een retourbericht (302 ... 325) beoordeelt hij of het systeem precies antwoordt
  zoals een correcte ontvanger. Elk voorbeeldblok draagt de regels van het register die voor dat
  bericht gelden.

  Regel: Een correct systeem verstuurt alleen berichten die aan de regels voldoen

    Abstract Scenario: Het systeem verstuurt een correct bericht <bericht>
      Gegeven het is "2026-01-12"
      Als het systeem in een gewoon verloop een bericht <bericht> verstuurt
      Dan keurt de ontvanger het bericht niet af

      @rol-aanbieder @iwmo @WMO305 @CS002 @CS015 @CS025 @CS058 @CS139 @IV009 @IV034 @IV046 @IV096 @OP033x2 @OP079 @OP179 @OP192 @OP252 @RS001 @RS002 @RS006 @RS007 @RS008 @RS009 @RS010 @RS012 @RS013 @RS014 @RS015 @RS016 @RS017 @RS028 @RS032 @RS033 @RS035 @RS036 @RS037 @RS045 @RS047 @RS048 @TR002 @TR101 @TR134
      Voorbeelden: WMO305 van een aanbieder
        | bericht | standaard | rol |
        | 305 | iWmo | aanbieder |

      @rol-aanbieder @ijw @JW305 @CS002 @CS015 @CS025 @CS058 @CS139 @IV009 @IV034 @IV046 @IV096 @OP033x2 @OP079 @OP179 @OP192 @OP252 @RS001 @RS002 @RS006 @RS007 @RS008 @RS009 @RS010 @RS012 @RS013 @RS014 @RS015 @RS016 @RS017 @RS028 @RS032 @RS033 @RS035 @RS036 @RS037 @RS045 @RS047 @RS048 @TR002 @TR101 @TR134
      Voorbeelden: JW305 van een aanbieder
        | bericht | standaard | rol |
        | 305 | iJw | aanbieder |

      @rol-aanbieder @iwmo @WMO307 @CS002 @CS015 @CS025 @CS058 @CS139 @IV009 @IV034 @IV046 @IV096 @OP033x2 @OP079 @OP179 @OP192 @OP252 @RS001 @RS002 @RS006 @RS007 @RS008 @RS009 @RS010 @RS012 @RS013 @RS014 @RS015 @RS016 @RS017 @RS028 @RS032 @RS033 @RS035 @RS036 @RS037 @RS045 @RS047 @RS048 @TR002 @TR018 @TR101 @TR134
      Voorbeelden: WMO307 van een aanbieder
        | bericht | standaard | rol |
        | 307 | iWmo | aanbieder |

      @rol-aanbieder @ijw @JW307 @CS002 @CS015 @CS025 @CS058 @CS139 @IV009 @IV034 @IV046 @IV096 @OP033x2 @OP079 @OP179 @OP192 @OP252 @RS001 @RS002 @RS006 @RS007 @RS008 @RS009 @RS010 @RS012 @RS013 @RS014 @RS015 @RS016 @RS017 @RS028 @RS032 @RS033 @RS035 @RS036 @RS037 @RS045 @RS047 @RS048 @TR002 @TR018 @TR101 @TR134
      Voorbeelden: JW307 van een aanbieder
        | bericht | standaard | rol |
        | 307 | iJw | aanbieder |

      @rol-aanbieder @iwmo @WMO315 @CD041 @CD043 @CD066 @CD067 @CD068 @CD075 @CD076 @CD077 @CD078 @CD079 @CD095 @CS002 @CS003 @CS015 @CS025 @CS139 @CS343 @IV009 @IV024 @IV034 @IV042 @IV046 @IV052 @OP079 @OP179 @OP192 @OP252 @OP297 @OP347 @RS001 @RS002 @RS005 @RS006 @RS007 @RS008 @RS009 @RS010 @RS012 @RS013 @RS014 @RS015 @RS016 @RS017 @RS024 @RS025 @RS028 @RS031 @RS032 @RS033 @RS035 @RS036 @RS037 @RS045 @RS047 @RS048 @TR002 @TR101 @TR134 @TR383 @TR386
      Voorbeelden: WMO315 van een aanbieder
        | bericht | standaard | rol |
        | 315 | iWmo | aanbieder |

      @rol-aanbieder @ijw @JW315 @CD041 @CD043 @CD066 @CD067 @CD068 @CD075 @CD076 @CD077 @CD078 @CD079 @CD095 @CS002 @CS003 @CS015 @CS025 @CS139 @CS343 @IV009 @IV024 @IV034 @IV042 @IV046 @IV052 @OP079 @OP179 @OP192 @OP252 @OP297 @OP347 @RS001 @RS002 @RS005 @RS006 @RS007 @RS008 @RS009 @RS010 @RS012 @RS013 @RS014 @RS015 @RS016 @RS017 @RS024 @RS025 @RS028 @RS031 @RS032 @RS033 @RS035 @RS036 @RS037 @RS045 @RS047 @RS048 @TR002 @TR101 @TR134 @TR383 @TR386
      Voorbeelden: JW315 van een aanbieder
        | bericht | standaard | rol |
        | 315 | iJw | aanbieder |

      @rol-aanbieder @iwmo @WMO317 @CD041 @CD075 @CD076 @CD077 @CD078 @CD079 @CD096 @CS002 @CS003 @CS015 @CS025 @CS338 @IV024 @IV034 @IV042 @IV046 @OP079 @OP179 @OP192 @OP347 @RS001 @RS002 @RS005 @RS006 @RS007 @RS008 @RS009 @RS010 @RS012 @RS014 @RS015 @RS017 @RS024 @RS032 @RS033 @RS035 @RS036 @RS037 @RS047 @RS048 @TR101 @TR352 @TR353 @TR380 @TR410
      Voorbeelden: WMO317 van een aanbieder
        | bericht | standaard | rol |
        | 317 | iWmo | aanbieder |

      @rol-aanbieder @ijw @JW317 @CD041 @CD075 @CD076 @CD077 @CD078 @CD079 @CD096 @CS002 @CS003 @CS015 @CS025 @CS338 @IV024 @IV034 @IV042 @IV046 @OP079 @OP179 @OP192 @OP347 @RS001 @RS002 @RS005 @RS006 @RS007 @RS008 @RS009 @RS010 @RS012 @RS014 @RS015 @RS017 @RS024 @RS032 @RS033 @RS035 @RS036 @RS037 @RS047 @RS048 @TR101 @TR352 @TR353 @TR380 @TR410
      Voorbeelden: JW317 van een aanbieder
        | bericht | standaard | rol |
        | 317 | iJw | aanbieder |

      @rol-aanbieder @iwmo @WMO323 @CD060 @CD087 @CS002 @CS015 @CS025 @CS100 @CS319 @CS325 @CS337 @CS339 @CS340 @IV024 @IV034 @IV042 @IV046 @IV076 @IV078 @IV079 @IV086 @OP079 @OP179 @OP192 @OP280 @OP367 @RS001 @RS002 @RS005 @RS006 @RS007 @RS008 @RS009 @RS010 @RS012 @RS014 @RS015 @RS017 @RS019 @RS032 @RS033 @RS035 @RS036 @RS037 @RS040 @RS047 @RS048 @TR101 @TR134 @TR137 @TR315 @TR316 @TR319 @TR335 @TR358 @TR416
      Voorbeelden: WMO323 van een aanbieder
        | bericht | standaard | rol |
        | 323 | iWmo | aanbieder |

      @rol-aanbieder @ijw @JW323 @CD060 @CD087 @CS002 @CS015 @CS025 @CS100 @CS319 @CS325 @CS337 @CS339 @CS340 @IV024 @IV034 @IV042 @IV046 @IV076 @IV078 @IV079 @IV086 @OP079 @OP179 @OP192 @OP280 @OP367 @RS001 @RS002 @RS005 @RS006 @RS007 @RS008 @RS009 @RS010 @RS012 @RS014 @RS015 @RS017 @RS019 @RS032 @RS033 @RS035 @RS036 @RS037 @RS040 @RS047 @RS048 @TR101 @TR134 @TR137 @TR315 @TR316 @TR319 @TR335 @TR358 @TR416
      Voorbeelden: JW323 van een aanbieder
        | bericht | standaard | rol |
        | 323 | iJw | aanbieder |

      @rol-aanbieder @iwmo @WMO302 @IV032 @IV033 @IV034 @RS007 @RS011 @RS017 @RS032 @RS033 @RS048
      Voorbeelden: WMO302 van een aanbieder
        | bericht | standaard | rol |
        | 302 | iWmo | aanbieder |

      @rol-aanbieder @ijw @JW302 @IV032 @IV033 @IV034 @RS007 @RS011 @RS017 @RS032 @RS033 @RS048
      Voorbeelden: JW302 van een aanbieder
        | bericht | standaard | rol |
        | 302 | iJw | aanbieder |

      @rol-aanbieder @iwmo @WMO320 @IV032 @IV033 @IV034 @RS007 @RS011 @RS017 @RS032 @RS033 @RS048
      Voorbeelden: WMO320 van een aanbieder
        | bericht | standaard | rol |
        | 320 | iWmo | aanbieder |

      @rol-aanbieder @ijw @JW320 @IV032 @IV033 @IV034 @RS007 @RS011 @RS017 @RS032 @RS033 @RS048
      Voorbeelden: JW320 van een aanbieder
        | bericht | standaard | rol |
        | 320 | iJw | aanbieder |

      @rol-gemeente @iwmo @WMO301 @CD005 @CD007 @CD009 @CD025 @CD034 @CD041 @CD075 @CD076 @CD077 @CD078 @CD079 @CD080 @CS002 @CS003 @CS015 @CS025 @CS050 @CS089 @CS139 @CS335 @CS336 @CS338 @IV002 @IV007 @IV009 @IV024 @IV034 @IV042 @IV046 @IV047 @OP076 @OP079 @OP091 @OP130 @OP179 @OP192 @OP252 @OP259 @RS001 @RS002 @RS004 @RS005 @RS006 @RS007 @RS008 @RS009 @RS010 @RS011 @RS012 @RS013 @RS014 @RS015 @RS016 @RS017 @RS018 @RS019 @RS020 @RS021 @RS023 @RS024 @RS026 @RS028 @RS031 @RS032 @RS033 @RS034 @RS035 @RS036 @RS037 @RS045 @RS046 @RS047 @RS048 @TR002 @TR006 @TR061 @TR101 @TR134 @TR302
      Voorbeelden: WMO301 van een gemeente
        | bericht | standaard | rol |
        | 301 | iWmo | gemeente |

      @rol-gemeente @ijw @JW301 @CD005 @CD007 @CD009 @CD025 @CD034 @CD041 @CD075 @CD076 @CD077 @CD078 @CD079 @CD080 @CS002 @CS003 @CS015 @CS025 @CS050 @CS089 @CS139 @CS318 @CS335 @CS336 @CS338 @IV002 @IV007 @IV009 @IV024 @IV034 @IV042 @IV045 @IV046 @IV047 @OP076 @OP079 @OP091 @OP130 @OP179 @OP192 @OP252 @OP259 @RS001 @RS002 @RS004 @RS005 @RS006 @RS007 @RS008 @RS009 @RS010 @RS011 @RS012 @RS013 @RS014 @RS015 @RS016 @RS017 @RS018 @RS019 @RS020 @RS021 @RS023 @RS024 @RS026 @RS028 @RS031 @RS032 @RS033 @RS034 @RS035 @RS036 @RS037 @RS045 @RS046 @RS047 @RS048 @TR002 @TR006 @TR061 @TR101 @TR134 @TR302
      Voorbeelden: JW301 van een gemeente
        | bericht | standaard | rol |
        | 301 | iJw | gemeente |

      @rol-gemeente @iwmo @WMO319 @CD085 @CD086 @CS015 @CS025 @IV034 @IV046 @OP179 @OP192 @RS001 @RS002 @RS007 @RS008 @RS009 @RS010 @RS014 @RS017 @RS024 @RS032 @RS033 @RS035 @RS036 @RS047 @RS048
      Voorbeelden: WMO319 van een gemeente
        | bericht | standaard | rol |
        | 319 | iWmo | gemeente |

      @rol-gemeente @ijw @JW319 @CD085 @CD086 @CS015 @CS025 @IV034 @IV046 @IV095 @OP179 @OP192 @RS001 @RS002 @RS007 @RS008 @RS009 @RS010 @RS014 @RS017 @RS024 @RS032 @RS033 @RS035 @RS036 @RS047 @RS048 @TR377 @TR409
      Voorbeelden: JW319 van een gemeente
        | bericht | standaard | rol |
        | 319 | iJw | gemeente |

      @rol-gemeente @iwmo @WMO306 @IV032 @IV033 @IV034 @RS007 @RS011 @RS017 @RS032 @RS033 @RS048
      Voorbeelden: WMO306 van een gemeente
        | bericht | standaard | rol |
        | 306 | iWmo | gemeente |

      @rol-gemeente @ijw @JW306 @IV032 @IV033 @IV034 @RS007 @RS011 @RS017 @RS032 @RS033 @RS048
      Voorbeelden: JW306 van een gemeente
        | bericht | standaard | rol |
        | 306 | iJw | gemeente |

      @rol-gemeente @iwmo @WMO308 @IV032 @IV033 @IV034 @RS007 @RS011 @RS017 @RS032 @RS033 @RS048
      Voorbeelden: WMO308 van een gemeente
        | bericht | standaard | rol |
        | 308 | iWmo | gemeente |

      @rol-gemeente @ijw @JW308 @IV032 @IV033 @IV034 @RS007 @RS011 @RS017 @RS032 @RS033 @RS048
      Voorbeelden: JW308 van een gemeente
        | bericht | standaard | rol |
        | 308 | iJw | gemeente |

      @rol-gemeente @iwmo @WMO316 @IV032 @IV033 @IV034 @RS007 @RS011 @RS017 @RS032 @RS033 @RS048
      Voorbeelden: WMO316 van een gemeente
        | bericht | standaard | rol |
        | 316 | iWmo | gemeente |

      @rol-gemeente @ijw @JW316 @IV032 @IV033 @IV034 @RS007 @RS011 @RS017 @RS032 @RS033 @RS048
      Voorbeelden: JW316 van een gemeente
        | bericht | standaard | rol |
        | 316 | iJw | gemeente |

      @rol-gemeente @iwmo @WMO318 @IV032 @IV033 @IV034 @RS007 @RS011 @RS017 @RS032 @RS033 @RS048
      Voorbeelden: WMO318 van een gemeente
        | bericht | standaard | rol |
        | 318 | iWmo | gemeente |

      @rol-gemeente @ijw @JW318 @IV032 @IV033 @IV034 @RS007 @RS011 @RS017 @RS032 @RS033 @RS048
      Voorbeelden: JW318 van een gemeente
        | bericht | standaard | rol |
        | 318 | iJw | gemeente |

      @rol-gemeente @iwmo @WMO325 @CD060 @CS002 @CS015 @CS025 @CS325 @IV024 @IV033 @IV034 @IV046 @IV088 @OP079 @OP179 @OP192 @RS001 @RS002 @RS005 @RS006 @RS007 @RS008 @RS009 @RS010 @RS011 @RS012 @RS014 @RS015 @RS017 @RS019 @RS032 @RS033 @RS035 @RS036 @RS037 @RS040 @RS047 @RS048 @TR101 @TR134 @TR137 @TR342
      Voorbeelden: WMO325 van een gemeente
        | bericht | standaard | rol |
        | 325 | iWmo | gemeente |

      @rol-gemeente @ijw @JW325 @CD060 @CS002 @CS015 @CS025 @CS325 @IV024 @IV033 @IV034 @IV046 @IV088 @OP079 @OP179 @OP192 @RS001 @RS002 @RS005 @RS006 @RS007 @RS008 @RS009 @RS010 @RS011 @RS012 @RS014 @RS015 @RS017 @RS019 @RS032 @RS033 @RS035 @RS036 @RS037 @RS040 @RS047 @RS048 @TR101 @TR134 @TR137 @TR342
      Voorbeelden: JW325 van een gemeente
        | bericht | standaard | rol |
        | 325 | iJw | gemeente |
