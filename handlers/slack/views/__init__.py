"""What the app shows in Slack, as Block Kit: the nomination modal and posts, App Home, the jury's
views (score modal, cards, digest)."""
