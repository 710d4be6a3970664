"""Language seams of the nlp package: one module per language (``en``)."""
