"""The grammar: the rule groups combined."""

from __future__ import annotations

from bot.nlp.dates.clock import ClockRules
from bot.nlp.dates.combine import CombinationRules
from bot.nlp.dates.days import DayRules
from bot.nlp.dates.relative import RelativeRules


class Parser(CombinationRules, RelativeRules, ClockRules, DayRules):
    """The whole grammar: every rule group over one message's tokens."""
