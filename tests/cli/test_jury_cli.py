"""``trygghetsbot jury ...`` in-process through ``main``: the contract, every refusal, the JSON shape."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from bot.nominations.model import NominationStatus
from store import open_store
from tests.texts import ADDED_VALUE, DESCRIPTION
from trygghetsbot.cli import main

NOMINATION: dict[str, Any] = {
    "partners": ["Polisen", "Fältassistenterna"],
    "description": DESCRIPTION,
    "added_value": ADDED_VALUE,
    "nominator": {"name": "Anna Andersson", "email": "anna@example.se"},
}
AFTER = "2023-09-15"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def score_args(nid: str, juror: str, value: str = "3", yes: str = "yes", *extra: str) -> list[str]:
    return [
        "jury",
        "score",
        nid,
        "--juror",
        juror,
        "--collaboration",
        yes,
        "--added-value",
        yes,
        "--innovation",
        value,
        "--inspiration",
        value,
        "--results",
        value,
        *extra,
    ]


@pytest.fixture
def ids(env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Three nominations submitted in the period (the third then withdrawn); the clock after the period."""
    monkeypatch.setenv("JURY_USER_IDS", "J1,J2,J3")
    monkeypatch.setenv("JURY_CHAIR_ID", "J1")
    for name in ("TRYGGHETSBOT_JURY_DEADLINE", "TRYGGHETSBOT_REMIND_DAYS", "JURY_DEPUTY_CHAIR_ID"):
        monkeypatch.delenv(name, raising=False)
    made = []
    for nominee in ("Trygga Tensta", "Ljusa Husby", "Lugna Rinkeby"):
        path = env / f"{nominee}.json"
        path.write_text(json.dumps({**NOMINATION, "nominee": nominee}, ensure_ascii=False), "utf-8")
        code, out, _ = run(capsys, "nominate", "--file", str(path), "--json")
        assert code == 0
        made.append(json.loads(out)["id"])

    async def withdraw() -> None:
        with open_store(env / "data" / "db.json") as db:
            n = await db.nominations.get(made[2])
            assert n is not None
            await db.nominations.save(n.model_copy(update={"status": NominationStatus.withdrawn}))

    asyncio.run(withdraw())
    monkeypatch.setenv("TRYGGHETSBOT_NOW", AFTER)
    return made


def assert_refused(code: int, out: str, err: str, *, json_out: bool = False, words: str = "") -> str:
    assert code == 1
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    if json_out:
        assert json.loads(out) == {"error": lines[0]}
    else:
        assert out == ""
    assert words in lines[0]
    return lines[0]


def ranking(capsys: pytest.CaptureFixture[str], juror: str = "J1", *extra: str) -> dict[str, Any]:
    code, out, err = run(capsys, "jury", "ranking", "--juror", juror, "--json", *extra)
    assert code == 0, err
    result: dict[str, Any] = json.loads(out)
    return result


# --- the happy path and the JSON shape ---------------------------------------------------


def test_score_conflict_ranking_decide(ids: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    a, b, _ = ids
    code, out, _ = run(capsys, *score_args(a, "J1", "4", "yes", "--comment", "Stark samverkan"))
    assert code == 0 and "är sparad" in out
    code, out, _ = run(capsys, *score_args(a, "J2", "5", "yes", "--json"))
    assert code == 0 and json.loads(out)["replaced"] is False
    code, out, _ = run(capsys, *score_args(a, "J2", "2", "yes", "--json"))
    assert code == 0 and json.loads(out)["replaced"] is True and json.loads(out)["innovation"] == 2
    code, out, _ = run(capsys, *score_args(b, "J1", "5", "no"))
    assert code == 0
    code, out, _ = run(capsys, "jury", "conflict", b, "--juror", "J3", "--reason", "Jag sitter i styrelsen", "--json")
    assert code == 0 and json.loads(out)["score_removed"] is False

    result = ranking(capsys)
    assert result == {
        "round": 2023,
        "winner": None,
        "ranking": [
            {"nomination_id": a, "nominee": "Trygga Tensta", "score": 3.0, "scored_by": 2, "conflicts": 0,
             "eligible": True},
            {"nomination_id": b, "nominee": "Ljusa Husby", "score": 5.0, "scored_by": 1, "conflicts": 1,
             "eligible": False},
        ],
        "missing": {"J2": [b], "J3": [a]},
    }  # fmt: skip

    code, out, _ = run(capsys, "jury", "decide", a, "--juror", "J1", "--json")
    assert code == 0
    assert json.loads(out)["winner"] == a and json.loads(out)["chair"] == "J1"
    assert ranking(capsys, "J3")["winner"] == a

    code, out, _ = run(capsys, "jury", "ranking", "--juror", "J2")
    assert code == 0 and "Vinnare: Trygga Tensta" in out and "1. Trygga Tensta" in out


def test_ranking_with_nothing_stored_reads_an_empty_round(env: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("JURY_USER_IDS", "J1")
    assert ranking(capsys) == {"round": 2023, "winner": None, "ranking": [], "missing": {}}
    assert not (env / "data" / "db.json").exists()


def test_a_conflict_removes_the_score(ids: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, *score_args(ids[0], "J2", "5"))
    code, out, _ = run(capsys, "jury", "conflict", ids[0], "--juror", "J2")
    assert code == 0 and "borttagen" in out
    [entry] = [r for r in ranking(capsys)["ranking"] if r["nomination_id"] == ids[0]]
    assert entry["scored_by"] == 0 and entry["conflicts"] == 1 and entry["score"] is None


# --- every refusal ------------------------------------------------------------------------


@pytest.mark.parametrize("as_json", [False, True])
@pytest.mark.parametrize(
    ("make_args", "words"),
    [
        (lambda ids: score_args(ids[0], "U999"), "inte med i juryn"),
        (lambda ids: ["jury", "conflict", ids[0], "--juror", "U999"], "inte med i juryn"),
        (lambda ids: ["jury", "ranking", "--juror", "U999"], "inte med i juryn"),
        (lambda ids: ["jury", "decide", ids[0], "--juror", "U999"], "inte med i juryn"),
        (lambda ids: score_args(ids[0], "J1", "0"), "1 till 5"),
        (lambda ids: score_args(ids[0], "J1", "6"), "1 till 5"),
        (lambda ids: score_args(ids[0], "J1", "tre"), "1 till 5"),
        (lambda ids: score_args(ids[0], "J1", "3", "kanske"), "ja eller nej"),
        (lambda ids: score_args("finnsinte", "J1"), "ingen inskickad nominering"),
        (lambda ids: score_args(ids[2], "J1"), "återkallad"),
        (lambda ids: ["jury", "conflict", ids[2], "--juror", "J1"], "återkallad"),
        (lambda ids: ["jury", "decide", ids[0], "--juror", "J2"], "ordförande"),
        (lambda ids: ["jury", "decide", ids[0], "--juror", "J1"], "ingen i juryn har bedömt"),
    ],
)
def test_refusals_exit_non_zero_with_one_swedish_line(
    ids: list[str], capsys: pytest.CaptureFixture[str], make_args: Any, words: str, as_json: bool
) -> None:
    args = make_args(ids)
    if as_json and args[1] != "remind":
        args = [*args, "--json"]
    code, out, err = run(capsys, *args)
    assert_refused(code, out, err, json_out=as_json, words=words)
    assert all(r["scored_by"] == 0 and r["conflicts"] == 0 for r in ranking(capsys)["ranking"])


def test_scoring_before_the_period_closed(ids: list[str], capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("TRYGGHETSBOT_NOW", "2023-09-01")
    code, out, err = run(capsys, *score_args(ids[0], "J1"))
    assert_refused(code, out, err, words="har inte öppnat")
    code, out, err = run(capsys, "jury", "decide", ids[0], "--juror", "J1", "--json")
    assert_refused(code, out, err, json_out=True, words="1 september 2023")


def test_scoring_after_a_conflict_or_the_decision(ids: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    a, b, _ = ids
    run(capsys, "jury", "conflict", a, "--juror", "J2")
    assert_refused(*run(capsys, *score_args(a, "J2")), words="jäv")
    assert_refused(*run(capsys, "jury", "conflict", a, "--juror", "J2"), words="redan anmält jäv")
    run(capsys, *score_args(b, "J1", "2", "no"))
    assert_refused(*run(capsys, "jury", "decide", b, "--juror", "J1"), words="kan inte vinna")
    run(capsys, *score_args(a, "J1", "4"))
    assert run(capsys, "jury", "decide", a, "--juror", "J1")[0] == 0
    assert_refused(*run(capsys, *score_args(b, "J3")), words="redan utsedd")
    assert_refused(*run(capsys, "jury", "conflict", b, "--juror", "J3"), words="redan utsedd")
    assert_refused(*run(capsys, "jury", "decide", a, "--juror", "J1"), words="redan utsedd")


def test_jav_keeps_the_chair_from_deciding_and_the_deputy_decides(
    ids: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, _ = ids
    run(capsys, *score_args(a, "J2", "4"))
    run(capsys, *score_args(b, "J2", "4"))
    run(capsys, "jury", "conflict", a, "--juror", "J1")
    assert_refused(*run(capsys, "jury", "decide", a, "--juror", "J1"), words="JURY_DEPUTY_CHAIR_ID")
    monkeypatch.setenv("JURY_DEPUTY_CHAIR_ID", "J3")
    assert_refused(
        *run(capsys, "jury", "decide", a, "--juror", "J1", "--json"), json_out=True, words="vice ordföranden J3"
    )
    assert_refused(*run(capsys, "jury", "decide", b, "--juror", "J3"), words="bara när ordföranden har anmält jäv")
    assert_refused(*run(capsys, "jury", "decide", a, "--juror", "U999"), words="inte med i juryn")
    assert ranking(capsys)["winner"] is None
    code, out, err = run(capsys, "jury", "decide", a, "--juror", "J3", "--json")
    assert code == 0, err
    assert json.loads(out)["winner"] == a and json.loads(out)["chair"] == "J3"


def test_scoring_three_years_late_is_refused_with_the_date_and_the_chair_still_decides(
    ids: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, _ = ids
    run(capsys, *score_args(a, "J2", "4"))
    monkeypatch.setenv("TRYGGHETSBOT_NOW", "2026-09-15")
    line = assert_refused(*run(capsys, *score_args(b, "J2", "4")), words="var 1 oktober 2023")
    assert "bedömningen är stängd" in line
    code, out, _ = run(capsys, "jury", "ranking", "--juror", "J1")
    assert code == 0 and "har kvar att bedöma" not in out and "Alla i juryn har bedömt" not in out
    monkeypatch.setenv("TRYGGHETSBOT_JURY_DEADLINE", "2026-12-31")
    code, out, _ = run(capsys, "jury", "ranking", "--juror", "J1")
    assert "har kvar att bedöma" in out  # while scoring is open
    monkeypatch.delenv("TRYGGHETSBOT_JURY_DEADLINE")
    assert run(capsys, "jury", "decide", a, "--juror", "J1")[0] == 0
    monkeypatch.setenv("TRYGGHETSBOT_JURY_DEADLINE", "2026-12-31")
    code, out, _ = run(capsys, "jury", "ranking", "--juror", "J1")
    assert code == 0 and "Vinnare: Trygga Tensta" in out and "har kvar att bedöma" not in out
    assert ranking(capsys)["missing"] == {}


def test_no_chair_configured(ids: list[str], capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.delenv("JURY_CHAIR_ID")
    run(capsys, *score_args(ids[0], "J1"))
    assert_refused(*run(capsys, "jury", "decide", ids[0], "--juror", "J1"), words="JURY_CHAIR_ID")


def test_a_chair_outside_the_jury_stops_start_up(ids: list[str], capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("JURY_CHAIR_ID", "U9")
    code, _, err = run(capsys, "jury", "ranking", "--juror", "J1")
    assert code == 2 and "JURY_CHAIR_ID" in err and "Traceback" not in err


def test_an_unknown_round_is_unusable(ids: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "jury", "ranking", "--juror", "J1", "--round", "1999")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "1999" in err
    # One prefix: the round's own message already says what is wrong.
    assert err.count("Ogiltig nomineringsomgång") == 1, err


# --- reminders ---------------------------------------------------------------------------


def test_remind_dry_run_then_once(ids: list[str], capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    a, b, _ = ids
    run(capsys, *score_args(a, "J1"))
    run(capsys, *score_args(b, "J1"))
    code, out, _ = run(capsys, "jury", "remind", "--dry-run")
    assert code == 0 and "Inga påminnelser" in out and "1 oktober 2023" in out
    monkeypatch.setenv("TRYGGHETSBOT_NOW", "2023-09-24")
    code, out, _ = run(capsys, "jury", "remind", "--dry-run")
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 2 and lines[0].startswith("Skulle skickas: J2: 2 nomineringar kvar")
    assert a in lines[0] and "Trygga Tensta" in lines[0] and "J1" not in out
    code, out, _ = run(capsys, "jury", "remind", "--dry-run")
    assert len(out.strip().splitlines()) == 2  # a dry run records nothing
    code, out, _ = run(capsys, "jury", "remind")
    assert code == 0 and [line.split(":")[0] for line in out.strip().splitlines()] == ["Köad för utskick"] * 2
    code, out, _ = run(capsys, "jury", "remind")
    assert "Inga påminnelser" in out
    code, out, _ = run(capsys, "jury", "remind", "--dry-run")
    assert "Inga påminnelser" in out


def test_remind_uses_the_deadline_and_days_settings(ids: list[str], capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("TRYGGHETSBOT_JURY_DEADLINE", "2023-09-20")
    monkeypatch.setenv("TRYGGHETSBOT_REMIND_DAYS", "5")
    code, out, _ = run(capsys, "jury", "remind", "--dry-run")
    assert code == 0 and len(out.strip().splitlines()) == 3 and "5 dagar före" in out and "20 september" in out


def test_one_nomination_one_day_in_the_singular(ids: list[str], capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    run(capsys, *score_args(ids[0], "J2"))
    monkeypatch.setenv("TRYGGHETSBOT_NOW", "2023-09-30")
    code, out, _ = run(capsys, "jury", "remind", "--dry-run")
    assert code == 0 and "J2: 1 nominering kvar, påminnelse 1 dag före sista dagen" in out, out


# --- exports -----------------------------------------------------------------------------


def test_the_jury_export_has_scores_conflicts_and_the_audit_but_the_nominators_export_does_not(
    ids: list[str], capsys: pytest.CaptureFixture[str], env: Path
) -> None:
    a, b, _ = ids
    run(capsys, *score_args(a, "J1", "4", "yes", "--comment", "=SUM(A1)"))
    run(capsys, "jury", "conflict", b, "--juror", "J2", "--reason", "Jäv")
    run(capsys, "jury", "decide", a, "--juror", "J1")

    code, out, _ = run(capsys, "jury", "export", "--juror", "J2", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["round"] == 2023 and data["winner"] == a
    assert [s["comment"] for s in data["scores"]] == ["=SUM(A1)"]
    assert [c["reason"] for c in data["conflicts"]] == ["Jäv"]
    assert [e["action"] for e in data["audit"]] == ["score", "conflict", "decision"]
    assert all(e["juror"] and e["at"] for e in data["audit"])

    out_file = env / "jury.csv"
    code, _, err = run(capsys, "jury", "export", "--juror", "J3", "--format", "csv", "--out", str(out_file))
    assert code == 0 and "jury.csv" in err
    rows = list(csv.reader(io.StringIO(out_file.read_text("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["post", "tid", "jurymedlem"]
    assert [r[0] for r in rows[1:]] == ["bedömning", "jäv", "beslut", "logg", "logg", "logg"]
    assert "'=SUM(A1)" in rows[1]
    # Excel-ready: a decimal comma, local times, the audit's actions and details in Swedish words.
    assert rows[1][rows[0].index("värde")] == "4,00" and "T" not in rows[1][1]
    assert [r[rows[0].index("åtgärd")] for r in rows[4:]] == ["ny bedömning", "jäv anmält", "vinnare utsedd"]
    assert rows[5][rows[0].index("detaljer")] == "skäl: Jäv; tidigare bedömning borttagen: nej"

    assert_refused(*run(capsys, "jury", "export", "--juror", "U999", "--format", "csv"), words="inte med i juryn")

    for fmt in ("csv", "json"):
        code, out, _ = run(capsys, "nominations", "export", "--format", fmt)
        assert code == 0 and a in out
        for secret in ("=SUM(A1)", "Jäv", "J1", "J2", "bedömning", "score"):
            assert secret not in out


# --- on PostgreSQL --------------------------------------------------------------------------


def test_score_and_ranking_on_postgres(
    env: Path, postgres_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRYGGHETSBOT_DATABASE_URL", postgres_url)
    monkeypatch.setenv("JURY_USER_IDS", "J1,J2")
    monkeypatch.setenv("JURY_CHAIR_ID", "J1")
    for name in ("TRYGGHETSBOT_JURY_DEADLINE", "TRYGGHETSBOT_REMIND_DAYS"):
        monkeypatch.delenv(name, raising=False)
    path = env / "n.json"
    path.write_text(json.dumps({**NOMINATION, "nominee": "Trygga Tensta"}, ensure_ascii=False), "utf-8")
    code, out, err = run(capsys, "nominate", "--file", str(path), "--json")
    assert code == 0, err
    nid = json.loads(out)["id"]
    monkeypatch.setenv("TRYGGHETSBOT_NOW", AFTER)

    code, out, err = run(capsys, *score_args(nid, "J1", "4", "yes", "--json"))
    assert code == 0, err
    assert json.loads(out)["replaced"] is False
    code, out, err = run(capsys, *score_args(nid, "J1", "5", "yes", "--json"))
    assert code == 0 and json.loads(out)["replaced"] is True, err

    assert ranking(capsys, "J2") == {
        "round": 2023,
        "winner": None,
        "ranking": [
            {"nomination_id": nid, "nominee": "Trygga Tensta", "score": 5.0, "scored_by": 1, "conflicts": 0,
             "eligible": True},
        ],
        "missing": {"J2": [nid]},
    }  # fmt: skip
    assert not (env / "data").exists()  # nothing went to the TinyDB file
