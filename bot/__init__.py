"""Trygghetsbot: a chat bot for municipal safety work.

The core (knowledge, question answering, nominations, dialog) lives here and
knows nothing about chat platforms; ``handlers`` adapts platforms to it.
"""

__version__ = "0.1.0"
