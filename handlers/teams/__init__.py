"""Microsoft Teams: the same core behind the Microsoft 365 Agents SDK's activity model and auth."""
