"""``trygghetsbot nominate`` and ``nominations list|export`` run in-process through ``main``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.texts import ADDED_VALUE, DESCRIPTION
from trygghetsbot.cli import main

GOOD: dict[str, Any] = {
    "nominee": "Trygga Tensta",
    "partners": ["Polisen", "Fältassistenterna"],
    "description": DESCRIPTION + "\nVarje helg; hela året.",
    "added_value": ADDED_VALUE,
    "innovation": '=HYPERLINK("x")',
    "nominator": {"name": "Anna Andersson", "email": "anna@example.se"},
}


def write(env: Path, data: object, name: str = "n.json") -> str:
    path = env / name
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    code, out, _ = run(capsys, "nominations", "list", "--json")
    assert code == 0
    result: list[dict[str, Any]] = json.loads(out)
    return result


def test_nominate_json_success_and_idempotent_retry(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(env, GOOD)
    code, out, _ = run(capsys, "nominate", "--file", path, "--json")
    assert code == 0
    created = json.loads(out)
    assert created["status"] == "submitted" and created["id"]
    code, out, _ = run(capsys, "nominate", "--file", path, "--json")
    assert code == 0 and json.loads(out)["id"] == created["id"]
    assert [n["id"] for n in listed(capsys)] == [created["id"]]


def test_nominate_text_output_names_the_id(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "nominate", "--file", write(env, GOOD))
    assert code == 0 and "inskickad med id" in out


def test_nominate_flags_a_second_nomination_of_the_same_effort(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "nominate", "--file", write(env, GOOD), "--json")
    changed = {**GOOD, "description": "En annan beskrivning av samma insats: " + DESCRIPTION}
    code, out, _ = run(capsys, "nominate", "--file", write(env, changed, "b.json"), "--json")
    assert code == 0 and "duplicate_of" in json.loads(out)
    assert len(listed(capsys)) == 2


@pytest.mark.parametrize(
    ("changes", "field", "criterion"),
    [
        ({"partners": ["trygga  TENSTA"]}, "partners", "collaboration"),
        ({"partners": []}, "partners", "collaboration"),
        ({"nominee": "Nattvandring Tensta", "partners": ["Föreningen Nattvandrarna"]}, "partners", "collaboration"),
        # The effort's own name among the partners is not an organisation (the README's example).
        ({"nominee": "Trygga Gatan", "partners": ["Trygga Gatan", "Polisen"]}, "partners", "collaboration"),
        (
            {"nominee": "Nattvandring Tensta", "partners": ["Föreningen Nattvandrarna", "Nattvandring Tensta"]},
            "partners",
            "collaboration",
        ),
        ({"added_value": "Bra grej"}, "added_value", "added_value"),
        ({"added_value": "det är bra för alla"}, "added_value", "added_value"),
        ({"description": "   "}, "description", None),
        ({"description": "x"}, "description", None),
        ({"nominee": "x" * 151}, "nominee", None),
        ({"nominee": "Trygga\x00Tensta"}, "nominee", None),
        ({"nominator": {"name": "Anna", "email": "anna(at)example.se"}}, "nominator.email", None),
        ({"nominator": {"name": " ", "email": "anna@example.se"}}, "nominator.name", None),
    ],
)
def test_nominate_refuses_with_field_criterion_and_message(
    env: Path, capsys: pytest.CaptureFixture[str], changes: dict[str, Any], field: str, criterion: str | None
) -> None:
    code, out, _ = run(capsys, "nominate", "--file", write(env, {**GOOD, **changes}), "--json")
    assert code == 1
    errors = json.loads(out)["errors"]
    assert (field, criterion) in [(e["field"], e["criterion"]) for e in errors]
    assert all(e["message"] for e in errors)
    assert listed(capsys) == []


def test_nominate_missing_and_unknown_fields(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = {k: v for k, v in GOOD.items() if k != "description"} | {"extra": 1}
    code, out, _ = run(capsys, "nominate", "--file", write(env, data), "--json")
    assert code == 1
    errors = {e["field"]: e["message"] for e in json.loads(out)["errors"]}
    assert errors["description"] == "Fältet ”beskrivning” får inte vara tomt."
    assert "extra" in errors


def test_nominate_text_errors_go_to_stderr(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "nominate", "--file", write(env, {**GOOD, "added_value": ""}))
    assert code == 1 and out == "" and "mervärde" in err


def test_nominate_bad_file(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (env / "bad.json").write_text("{nope", "utf-8")
    code, out, _ = run(capsys, "nominate", "--file", str(env / "bad.json"), "--json")
    assert code == 2 and json.loads(out)["errors"][0]["field"] == "file"
    code, _, err = run(capsys, "nominate", "--file", str(env / "missing.json"))
    assert code == 2 and "Kan inte läsa" in err


def test_nominate_outside_the_period_stores_nothing(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRYGGHETSBOT_NOW", "2023-09-02T08:00")
    code, out, _ = run(capsys, "nominate", "--file", write(env, GOOD), "--json")
    assert code == 1
    (error,) = json.loads(out)["errors"]
    assert error["field"] == "period" and "1 september 2023" in error["message"]
    assert listed(capsys) == []


def test_unknown_round_setting_is_a_clear_error(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRYGGHETSBOT_ROUND", "2031")
    code, _, err = run(capsys, "nominate", "--file", write(env, GOOD))
    assert code == 2 and "2031" in err


def test_corrupt_database_is_reported_and_kept(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = env / "data" / "db.json"
    db.parent.mkdir()
    db.write_text("not json", "utf-8")
    code, _, err = run(capsys, "nominate", "--file", write(env, GOOD))
    assert code == 2 and "Databasen kan inte användas" in err
    code, _, err = run(capsys, "nominations", "list")
    assert code == 2 and "Databasen kan inte användas" in err
    assert db.read_text("utf-8") == "not json"


def test_list_filters_by_round_and_prints_text(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "nominate", "--file", write(env, GOOD))
    code, out, _ = run(capsys, "nominations", "list")
    assert code == 0 and "Trygga Tensta" in out and "inskickad" in out
    assert out.startswith("1 nominering:\n")
    code, out, _ = run(capsys, "nominations", "list", "--json", "--round", "2022")
    assert code == 0 and json.loads(out) == []


@pytest.mark.parametrize("word", ["inskickad", "Inskickad", "submitted", " SUBMITTED "])
def test_list_status_takes_the_words_the_list_prints(env: Path, capsys: pytest.CaptureFixture[str], word: str) -> None:
    run(capsys, "nominate", "--file", write(env, GOOD))
    code, out, err = run(capsys, "nominations", "list", "--status", word)
    assert code == 0, err
    assert "Trygga Tensta" in out and "inskickad" in out
    code, out, err = run(capsys, "nominations", "list", "--status", "utkast", "--status", "återkallad")
    assert code == 0 and out == "0 nomineringar:\n", err
    code, out, err = run(capsys, "nominations", "export", "--format", "json", "--status", word)
    assert code == 0 and "Trygga Tensta" in out, err


def test_list_status_refuses_an_unknown_word_naming_the_choices(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["nominations", "list", "--status", "klar"])
    _, err = capsys.readouterr()
    assert exited.value.code == 2
    assert "klar" in err and "inskickad" in err and "submitted" in err


def test_export_csv_for_swedish_excel(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "nominate", "--file", write(env, GOOD))
    out_file = env / "export.csv"
    code, _, err = run(capsys, "nominations", "export", "--format", "csv", "--out", str(out_file))
    assert code == 0 and "1 nominering skriven till" in err
    raw = out_file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][:3] == ["Id", "Omgång", "Status"]
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Nominerad insats/organisation"] == "Trygga Tensta"
    assert row["Samverkanspartner"] == "Polisen, Fältassistenterna"
    assert row["Beskrivning"] == GOOD["description"]
    # A cell that Excel would run as a formula is made plain text.
    assert row["Nyskapande"].startswith("'=")


def test_export_json_to_stdout_skips_withdrawn_by_default(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "nominations", "export", "--format", "json")
    assert code == 0 and json.loads(out) == []
    run(capsys, "nominate", "--file", write(env, GOOD))
    code, out, _ = run(capsys, "nominations", "export", "--format", "json")
    assert [n["nominee"] for n in json.loads(out)] == ["Trygga Tensta"]


def test_sending_the_same_file_again_says_it_was_already_submitted(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(env, GOOD)
    code, out, _ = run(capsys, "nominate", "--file", path)
    assert code == 0
    first_id = out.split("id ")[1].strip().rstrip(".")
    code, out, err = run(capsys, "nominate", "--file", path)
    assert code == 0 and "redan inskickad" in out and first_id in out and err == ""
    code, out, _ = run(capsys, "nominate", "--file", path, "--json")
    assert json.loads(out) == {"id": first_id, "status": "submitted", "already_submitted": True}
    assert len(listed(capsys)) == 1


def test_reusing_a_key_for_other_content_is_refused(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "nominate", "--file", write(env, GOOD), "--key", "K", "--json")
    assert code == 0
    first_id = json.loads(out)["id"]
    other = {**GOOD, "nominee": "Trygga Rinkeby"}
    code, out, err = run(capsys, "nominate", "--file", write(env, other, "b.json"), "--key", "K")
    assert code == 1 and out == ""
    (line,) = err.strip().splitlines()
    assert "”K”" in line and first_id in line and "annat innehåll" in line
    code, out, _ = run(capsys, "nominate", "--file", write(env, other, "b.json"), "--key", "K", "--json")
    assert code == 1 and json.loads(out)["errors"][0]["field"] == "key"
    # The same content under the same key is a retry, not a reuse.
    code, out, _ = run(capsys, "nominate", "--file", write(env, GOOD, "c.json"), "--key", "K", "--json")
    assert code == 0 and json.loads(out)["id"] == first_id
    assert [n["nominee"] for n in listed(capsys)] == ["Trygga Tensta"]


def test_nominate_reports_every_error_of_the_file_at_once(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = {
        "partners": ["Polisen", 7],
        "description": "För kort.",
        "added_value": "Bra.",
        "nominator": {"name": "", "email": "inte-en-adress"},
        "extra": 1,
    }
    code, out, _ = run(capsys, "nominate", "--file", write(env, data), "--json")
    assert code == 1
    errors = {e["field"]: e for e in json.loads(out)["errors"]}
    assert set(errors) == {
        "nominee",
        "partners",
        "description",
        "added_value",
        "nominator.name",
        "nominator.email",
        "extra",
    }
    assert errors["nominee"]["message"] == "Fältet ”nominerad insats eller organisation” får inte vara tomt."
    assert errors["partners"]["message"] == "Fältet ”samverkande organisationer nr 2”: ska vara text"
    assert errors["added_value"]["criterion"] == "added_value"
    assert listed(capsys) == []


def test_nominate_uses_the_dialogs_messages_for_the_same_mistakes(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing field and an empty one are the same mistake, as in the dialog and the forms."""
    missing = {k: v for k, v in GOOD.items() if k != "nominee"}
    code, out, _ = run(capsys, "nominate", "--file", write(env, missing), "--json")
    from_missing = json.loads(out)["errors"]
    code_empty, out, _ = run(capsys, "nominate", "--file", write(env, {**GOOD, "nominee": "  "}), "--json")
    assert code == code_empty == 1
    assert from_missing == json.loads(out)["errors"]


def test_nominate_needs_no_email_like_the_dialog_and_the_card(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "nominate", "--file", write(env, {**GOOD, "nominator": {"name": "Anna"}}), "--json")
    assert code == 0, (out, err)
    assert json.loads(out)["status"] == "submitted"
    assert listed(capsys)[0]["nominator"]["email"] is None
