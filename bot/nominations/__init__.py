"""bot/nominations."""
