"""Nominations for Trygghetspriset, free of any platform and of the store.

* :mod:`~bot.nominations.model` — the nomination, nominator and outbox message models
* :mod:`~bot.nominations.rules` — input rules and the prize document's criteria
* :mod:`~bot.nominations.rounds` — the current round and its nomination period
* :mod:`~bot.nominations.service` — submit, save draft, edit, withdraw, list own
* :mod:`~bot.nominations.dialog` — the guided dialog (a state machine)
* :mod:`~bot.nominations.ports` — repository Protocols that ``store`` implements
* :mod:`~bot.nominations.state` — persisted conversation and dialog state
"""
