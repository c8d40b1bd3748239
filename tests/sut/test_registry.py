"""The registry's table of reference systems, which ``ketenproef run`` and the xdist controller read instead of
importing the systems, says what the systems themselves register."""

from sut import registry


def test_the_reference_roles_known_without_loading_are_the_registered_ones():
    ingebouwd = {s.name: s.role for s in registry.systems() if not s.broken}
    assert ingebouwd == registry.REFERENTIE_ROLLEN


def test_rol_answers_for_every_built_in_system_and_none_for_anything_else():
    for systeem in registry.systems():
        assert registry.rol(systeem.name) == systeem.role
    assert registry.rol("mutant-gemeente-TR019") == "gemeente"
    for ander in ("http://localhost:9", "cmd:/bin/true", "handmatig:gemeente", "referentie", "onbekend"):
        assert registry.rol(ander) is None
