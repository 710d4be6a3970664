"""Pure rules: who gets a seat, which date wins, when a reminder is due. No I/O here."""
