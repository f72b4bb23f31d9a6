import json

from bot.nominations.rules import FieldError
from handlers.slack.listeners.view_submissions import inline_errors
from handlers.slack.transport.payloads import ModalSubmission


def body(values: dict[str, str | None], metadata: str = "{}") -> dict[str, object]:
    state = {field: {field: {"type": "plain_text_input", "value": value}} for field, value in values.items()}
    return {
        "user": {"id": "U1", "name": "anna", "username": "anna", "team_id": "T1"},
        "view": {"id": "V1", "type": "modal", "state": {"values": state}, "private_metadata": metadata},
    }


def test_modal_values_become_nomination_content() -> None:
    submission = ModalSubmission.from_body(
        body(
            {
                "nominee": "Trygga Gatan",
                "partners": "Polisen\nFältgruppen, Skolan",
                "description": "En beskrivning",
                "added_value": "Ett mervärde",
                "innovation": "  ",
                "results": None,
            }
        )
    )
    content = submission.content()
    assert content.partners == ["Polisen", "Fältgruppen", "Skolan"]
    assert content.innovation is None and content.results is None
    assert submission.nomination_id is None


def test_edit_metadata_is_read_and_garbage_ignored() -> None:
    assert ModalSubmission.from_body(body({}, json.dumps({"nomination_id": "abc"}))).nomination_id == "abc"
    assert ModalSubmission.from_body(body({}, "not json")).nomination_id is None


def test_core_errors_map_to_modal_blocks() -> None:
    errors = [
        FieldError(field="partners", criterion="collaboration", message="för få"),
        FieldError(field="nominator.email", message="ogiltig"),
        FieldError(field="period", message="stängd"),
    ]
    assert inline_errors(errors) == {"partners": "för få", "nominator_email": "ogiltig", "nominee": "stängd"}
