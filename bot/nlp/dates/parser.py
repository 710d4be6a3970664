"""The grammar's entry point: the expression at a token, read by the rule groups."""

from __future__ import annotations

from bot.nlp.dates.combine import p_expr
from bot.nlp.dates.cursor import Cursor

__all__ = ["Cursor", "p_expr"]
