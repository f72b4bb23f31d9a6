"""The outbox, in one home: its messages (:mod:`bot.outbox.model`), the ports the core writes and
the workers read them through (:mod:`bot.outbox.ports`), and the delivery policy
(:mod:`bot.outbox.policy`). The adapters are ``store.outbox`` and ``store.postgres.outbox``; the
one worker is ``handlers.outbox_worker``. See docs/outbox.md."""
