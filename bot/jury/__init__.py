"""The jury's work on one nomination round: scoring, conflicts of interest, ranking, the decision.

Platform-free, like :mod:`bot.nominations`: the rules live in
:mod:`bot.jury.service` and :mod:`bot.jury.ranking`, storage behind the
:class:`bot.jury.ports.JuryRepository` Protocol (implemented by ``store.jury``).
Chat platforms and the command line call :class:`bot.jury.service.JuryService`.
"""
