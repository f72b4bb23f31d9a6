"""What the app posts on its own, each exactly once: the nomination events to the jury channels
(the outbox worker) and the jury's messages (decision, reminders, digest)."""
