"""Realistic nomination texts for tests: long enough to meet the prize's criteria as the core checks them."""

DESCRIPTION = (
    "Varje fredag och lördag nattvandrar vuxna från föreningen tillsammans med fältassistenter "
    "i Tensta centrum och samtalar med unga om trygghet."
)
ADDED_VALUE = (
    "Polisen, fältassistenterna och föreningen planerar kvällarna gemensamt och delar lägesbild, "
    "något ingen av dem gör i sin ordinarie verksamhet, så att insatserna når fler unga på rätt plats."
)
