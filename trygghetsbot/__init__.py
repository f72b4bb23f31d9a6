"""The application: the composition root that wires the core (``bot``), the stores (``store``) and
the chat-platform adapters (``handlers``), and the command line (``trygghetsbot.cli``).

The arrows run one way: ``trygghetsbot`` imports the three; ``handlers`` imports ``bot`` and
``store``; ``store`` implements the ports ``bot`` declares; ``bot`` imports none of them.
"""

from bot import __version__

__all__ = ["__version__"]
