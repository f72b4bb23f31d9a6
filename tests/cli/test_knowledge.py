"""`trygghetsbot knowledge import`: a new year's documents answered at once, with no code change."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from bot.answering import Answerer
from bot.config import load_settings
from bot.knowledge import knowledge_in
from bot.nominations.model import NominationContent
from bot.nominations.rules import Rules, checklist_lines
from tests.knowledge.importing.documents import budget_2026, prize_2024
from tests.knowledge.importing.written import PrizeDirection
from trygghetsbot.cli import main
from trygghetsbot.compose import settings_knowledge, settings_round


@pytest.fixture
def knowledge_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TRYGGHETSBOT_DB", str(tmp_path / "db.json"))
    monkeypatch.delenv("TRYGGHETSBOT_KNOWLEDGE_DIR", raising=False)
    return tmp_path / "knowledge"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def ask(question: str, knowledge_dir: Path) -> str:
    return Answerer(knowledge_in(knowledge_dir)).answer(question).text


def test_import_prints_the_table_and_saves_after_yes(
    knowledge_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = write(tmp_path, "tp-2026.txt", budget_2026())
    assert main(["knowledge", "import", str(doc), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Nattvandring" in out and "0,4 mkr" in out and "Förslag 2026" in out
    assert "Raderna summerar till SUMMA-raden" in out
    assert (knowledge_dir / "trygghetspaketet-2026.json").exists()
    # The same document again changes nothing.
    before = (knowledge_dir / "trygghetspaketet-2026.json").stat().st_mtime_ns
    assert main(["knowledge", "import", str(doc), "--yes"]) == 0
    assert "redan inläst" in capsys.readouterr().out
    assert (knowledge_dir / "trygghetspaketet-2026.json").stat().st_mtime_ns == before


def test_dry_run_and_declining_save_nothing(
    knowledge_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = write(tmp_path, "tp-2026.txt", budget_2026())
    assert main(["knowledge", "import", str(doc), "--dry-run"]) == 0
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert main(["knowledge", "import", str(doc)]) == 1
    assert not knowledge_dir.exists() or not list(knowledge_dir.iterdir())


def test_a_document_of_neither_kind_is_refused_in_one_line(
    knowledge_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = write(tmp_path, "agenda.txt", "Dagordning\n\n1. Mötets öppnande\n")
    assert main(["knowledge", "import", str(doc), "--yes"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "ser inte ut som ett beslut" in err
    assert not knowledge_dir.exists()


def test_a_summa_that_disagrees_is_kept_and_named(
    knowledge_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = write(tmp_path, "tp-2026.txt", budget_2026(summa=("3,9 mkr", "3,3 mkr", "3,5 mkr")))
    assert main(["knowledge", "import", str(doc), "--yes", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["discrepancies"][0]["column"] == "forslag_2026"
    assert report["discrepancies"][0]["stated_sek"] == 3_900_000
    assert report["discrepancies"][0]["computed_sek"] == 3_800_000
    answer = ask("hur mycket är trygghetspaketet 2026?", knowledge_dir)
    assert "3,9 mkr" in answer and "3,8 mkr" in answer


def test_an_import_that_fails_half_way_saves_nothing(
    knowledge_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = write(tmp_path, "tp-2026.txt", budget_2026())

    def broken_replace(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        main(["knowledge", "import", str(doc), "--yes"])
    assert [p.name for p in knowledge_dir.iterdir()] == []  # no file, no temporary left behind


def test_answers_after_import_cover_new_and_old_years(knowledge_dir: Path, tmp_path: Path) -> None:
    assert main(["knowledge", "import", str(write(tmp_path, "tp-2026.txt", budget_2026())), "--yes"]) == 0
    new = ask("vad fick trygghetsvärdar 2026?", knowledge_dir)
    assert "2,2 mkr" in new and "Trygghetspaketet 2026" in new
    old = ask("vad fick trygghetsvärdar 2025?", knowledge_dir)
    # 2025: the proposal in the 2025 decision, the budget and outcome in the 2026 decision.
    assert "2 mkr" in old and "1,9 mkr" in old
    night = ask("hur mycket får nattvandring 2026?", knowledge_dir)
    assert "0,4 mkr" in night and "Trygghetspaketet 2026" in night
    assert "0 kr" not in ask("vad fick nattvandring i utfall 2025?", knowledge_dir)
    assert "1,5 mkr" in ask("vad fick SSPF 2024?", knowledge_dir)  # the older document still answers


def test_rounds_come_from_the_newest_direction(knowledge_dir: Path, tmp_path: Path) -> None:
    assert main(["knowledge", "import", str(write(tmp_path, "pris-2024.txt", prize_2024())), "--yes"]) == 0
    round_ = settings_round(load_settings())
    assert round_.year == 2024
    assert (round_.nomination_opens.isoformat(), round_.nomination_closes.isoformat()) == ("2024-05-15", "2024-08-31")
    assert "60 000 kr" in ask("hur stor är prissumman 2024?", knowledge_dir)
    assert "50 000 kr" in ask("vad var prissumman 2023?", knowledge_dir)
    assert "Trygga Gatan" in ask("vem vann 2023?", knowledge_dir)
    assert "IGOR" in ask("vem vann 2022?", knowledge_dir)
    assert "Process Kedjan" in ask("vem vann 2019?", knowledge_dir)  # only in the older direction


def test_a_broken_imported_file_is_one_line_for_every_command(
    knowledge_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    knowledge_dir.mkdir(parents=True)
    (knowledge_dir / "trasig.json").write_text("{", "utf-8")
    assert main(["ask", "vem vann 2019?"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "trasig.json" in err


@pytest.mark.parametrize(
    ("now", "year"),
    [
        ("2023-06-15", 2023),  # the README's example: the 2023 round was open that day
        ("2023-10-01", 2023),  # between the rounds: the latest that has started
        ("2024-05-15", 2024),  # the 2024 round's first day
        ("2025-01-10", 2024),
        ("2022-03-01", 2023),  # before every round: the earliest upcoming
    ],
)
def test_the_round_follows_the_date_after_a_new_direction(
    knowledge_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, now: str, year: int
) -> None:
    assert main(["knowledge", "import", str(write(tmp_path, "pris-2024.txt", prize_2024())), "--yes"]) == 0
    monkeypatch.setenv("TRYGGHETSBOT_NOW", now)
    monkeypatch.delenv("TRYGGHETSBOT_ROUND", raising=False)
    assert settings_round(load_settings()).year == year
    monkeypatch.setenv("TRYGGHETSBOT_ROUND", "2024")  # the setting still decides
    assert settings_round(load_settings()).year == 2024


def test_nominating_on_a_day_of_the_2023_round_after_importing_2024(
    knowledge_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TRYGGHETSBOT_NOW", "2023-06-15")
    monkeypatch.delenv("TRYGGHETSBOT_ROUND", raising=False)
    assert main(["knowledge", "import", str(write(tmp_path, "pris-2024.txt", prize_2024())), "--yes"]) == 0
    out = capsys.readouterr().out
    # The import says which round is in use now, and that it is not the new one yet.
    assert "Nomineringsomgången som gäller i dag (15 juni 2023) är 2023" in out
    monkeypatch.setattr("sys.stdin", io.StringIO("nominera\n"))
    assert main(["chat"]) == 0
    said = capsys.readouterr().out
    assert "har inte öppnat" not in said and "Vilken insats eller verksamhet vill du nominera" in said
    assert main(["ask", "när kan man nominera?"]) == 0
    answer = capsys.readouterr().out
    assert "1 juni" in answer and "15 maj" not in answer  # the answer follows the date too


def test_the_import_names_the_new_round_when_it_is_the_one_in_use(
    knowledge_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TRYGGHETSBOT_NOW", "2024-06-01")
    monkeypatch.delenv("TRYGGHETSBOT_ROUND", raising=False)
    assert main(["knowledge", "import", str(write(tmp_path, "pris-2024.txt", prize_2024())), "--yes"]) == 0
    assert "Nomineringsomgången som gäller i dag (1 juni 2024) är 2024" in capsys.readouterr().out
    monkeypatch.setenv("TRYGGHETSBOT_ROUND", "2023")
    assert main(["knowledge", "import", str(write(tmp_path, "pris-2024.txt", prize_2024())), "--yes"]) == 0
    assert "TRYGGHETSBOT_ROUND väljer omgång 2023" in capsys.readouterr().out


@pytest.mark.parametrize("args", [["ask", "vem vann 2019?"], ["knowledge", "list"], ["knowledge", "import", "x.txt"]])
def test_a_knowledge_folder_that_is_a_file_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    not_a_folder = write(tmp_path, "kunskap.txt", "")
    monkeypatch.setenv("TRYGGHETSBOT_DB", str(tmp_path / "db.json"))
    monkeypatch.setenv("TRYGGHETSBOT_KNOWLEDGE_DIR", str(not_a_folder))
    doc = write(tmp_path, "x.txt", prize_2024())
    assert main([*args[:-1], str(doc)] if args[0] == "knowledge" and len(args) == 3 else args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == (
        f"Kan inte starta: Ogiltig inställning TRYGGHETSBOT_KNOWLEDGE_DIR: {not_a_folder} är en fil, inte en mapp; "
        "ange en mapp för de inlästa dokumenten."
    )


def test_an_undated_direction_is_said_to_be_undated(
    knowledge_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its last nomination day (or any other date in the text) is not the document's date."""
    undated = prize_2024().split("Namn Datum")[0]
    assert main(["knowledge", "import", str(write(tmp_path, "pris-2024.txt", undated)), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Trygghetspriset 2024, daterat 2024-01-01." in out
    assert "Varning: Dokumentet har inget datum som går att läsa; 2024-01-01 används." in out


def test_a_direction_is_dated_by_its_signature_not_its_period(
    knowledge_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["knowledge", "import", str(write(tmp_path, "pris-2024.txt", prize_2024())), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Trygghetspriset 2024, daterat 2024-04-20." in out and "inget datum" not in out


# A direction whose criteria differ from 2023's: samverkan reworded, mervärde no longer mandatory
# but assessed, a new mandatory criterion; its bullets lost in the text extraction.
CHANGED_CRITERIA = PrizeDirection(
    mandatory=(
        "insatsen ska genomföras i samarbete mellan minst två organisationer",
        "insatsen ska vara långsiktig och kunna leva vidare efter prisåret",
    ),
    assessment=(
        "insatsen innehåller ett mervärde utöver ordinarie verksamhet",
        "insatsen är innovativ och nyskapande",
        "insatsen visar goda resultat",
    ),
    bullet="",
)
ONE_PARTNER = NominationContent(
    nominee="Trygga Tensta",
    partners=["Polisen"],
    description="Vuxna vandrar i Tensta på helgkvällar och pratar med unga om trygghet.",
    added_value="Mer än vanligt.",
)


def test_the_criteria_come_from_the_imported_direction(
    knowledge_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TRYGGHETSBOT_ROUND", raising=False)
    assert main(["knowledge", "import", str(write(tmp_path, "pris-2024.txt", CHANGED_CRITERIA.text())), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Hittar inga kriterier" not in out
    for criterion in (*CHANGED_CRITERIA.mandatory, *CHANGED_CRITERIA.assessment):
        assert f"Kriterium: {criterion}\n" in out
    assert "insatsen kan inspirera andra" not in out  # 2023's, not in the new direction

    monkeypatch.setenv("TRYGGHETSBOT_NOW", "2024-06-01")  # the 2024 round: its direction's rules
    settings = load_settings()
    rules = Rules(settings_knowledge(settings).prize, settings_round(settings))
    _, errors = rules.submission_errors(ONE_PARTNER)
    assert [(e.field, e.criterion) for e in errors] == [("partners", "collaboration")]  # mervärde: assessed only
    assert "”insatsen ska genomföras i samarbete mellan minst två organisationer”" in errors[0].message
    checks = checklist_lines(rules.checklist(ONE_PARTNER))
    assert any("insatsen ska vara långsiktig" in line and "juryn" in line for line in checks)

    monkeypatch.setenv("TRYGGHETSBOT_NOW", "2023-06-15")  # the 2023 round keeps its own direction's rules
    settings = load_settings()
    rules = Rules(settings_knowledge(settings).prize, settings_round(settings))
    _, errors = rules.submission_errors(ONE_PARTNER)
    assert [(e.field, e.criterion) for e in errors] == [("partners", "collaboration"), ("added_value", "added_value")]
    assert "flera verksamheter/organisationer" in errors[0].message
