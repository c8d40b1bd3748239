"""How to reach a system under test (SUT): one interface, several adapters, and built-in reference systems."""
