"""handlers/slack."""
