"""Swedish texts."""
