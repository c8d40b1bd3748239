"""Adapters that reach a vendor's system under test: an HTTP trigger endpoint, a command, or a person."""
