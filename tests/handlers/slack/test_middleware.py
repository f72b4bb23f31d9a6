from handlers.slack.middleware import SeenEvents, delivery_key


def test_an_event_id_is_handled_once() -> None:
    seen = SeenEvents()
    assert seen.first_time("event:Ev1")
    assert not seen.first_time("event:Ev1")
    assert seen.first_time("event:Ev2")


def test_old_ids_expire_and_the_set_stays_bounded() -> None:
    seen = SeenEvents(ttl_seconds=0, max_size=2)
    assert seen.first_time("a")
    assert seen.first_time("a")  # expired at once
    bounded = SeenEvents(max_size=2)
    for key in "abc":
        bounded.first_time(key)
    assert bounded.first_time("a")  # evicted as the oldest


def test_only_events_have_a_delivery_key() -> None:
    assert delivery_key({"event_id": "Ev9", "type": "event_callback"}) == "event:Ev9"
    assert delivery_key({"command": "/trygghet"}) is None
