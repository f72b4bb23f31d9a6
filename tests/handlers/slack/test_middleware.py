from handlers.slack.transport.middleware import delivery_key


def test_only_events_have_a_delivery_key() -> None:
    assert delivery_key({"event_id": "Ev9", "type": "event_callback"}) == "slack-event:Ev9"
    assert delivery_key({"command": "/trygghet"}) is None
    assert delivery_key({"event_id": 5}) is None
