"""Tags, markers and the links to the informatiemodel."""

from ketenproef import corpus
from suite import tags
from suite.genereer import main as genereer


def test_every_register_rule_and_message_is_a_marker():
    markers = tags.alle_markers()
    assert set(corpus.rule_register()) <= set(markers)
    assert {"WMO301", "JW325", "iwmo", "ijw", "release-3.2", "rol-aanbieder", "rol-gemeente"} <= set(markers)


def test_rule_url_follows_the_informatiemodel():
    assert tags.regel_url("TR019", "iJw") == \
        "https://informatiemodel.istandaarden.nl/informatiemodel/ijw/3.2/regels/technische-regel/tr019/"
    assert tags.regel_url("OP033x1", "iWmo").endswith("/iwmo/3.2/regels/bedrijfsregel/op033x1/")
    assert "/conditie/cd085/" in tags.regel_url("CD085")
    assert "/ijw/" in tags.regel_url("OP359", "iWmo")  # an iJw-only rule links to iJw


def test_reading_tags():
    t = ["TR413", "WMO307", "JW307", "iwmo", "rol-gemeente", "release-3.2"]
    assert tags.regels_in(t) == ["TR413"]
    assert tags.berichten_in(t) == ["JW307", "WMO307"]
    assert tags.standaard_in(t) == "iWmo" and tags.standaard_in(["iwmo", "ijw"]) is None
    assert tags.rol_in(t) == "gemeente"


def test_generated_feature_files_are_up_to_date():
    assert genereer(["--controleer"]) == 0, "draai: python -m suite.genereer"
