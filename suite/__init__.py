"""The conformance suite around the feature files: the ``ketenproef run``/``suts`` commands, the evidence a run
leaves (Allure labels and attachments, sequence diagrams, junit.xml, the rule coverage matrix) and the driver
the step definitions use to play a conversation from either side."""
