"""Question-answering speed, in-process: answers per second and p50/p99 latency.

    python bench/qa_bench.py                       # the questions in bench/questions.txt
    python bench/qa_bench.py path/to/cases.jsonl   # or any JSON Lines file with a "q" field

Each runs three times: on the shipped documents; with a 2026 budget decision and a 2024 prize
direction imported; and with ten years of budget decisions and prize directions imported (all
written in the shipped layout, as the import tests write them, and read by the real importer).
p50 and p95 are printed side by side: the cost of answering must not grow with the years held.

Lines containing " || " are conversations: each part is asked with the previous context.
Goal: p50 below 1 ms on a 2-core machine.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.answering import Answerer, ConversationContext  # noqa: E402
from bot.knowledge import KnowledgeBase, default_knowledge, knowledge_in  # noqa: E402
from bot.knowledge.imported import save  # noqa: E402
from bot.knowledge.importing import parse_document  # noqa: E402
from tests.knowledge.importing.documents import budget_2026, prize_2024  # noqa: E402
from tests.knowledge.importing.written import BudgetDecision, PrizeDirection  # noqa: E402

ROUNDS = 20
YEARS = 10


def ten_years(first: int = 2026) -> list[str]:
    """A budget decision and a prize direction for each of ``YEARS`` years, in the seeds' layout."""
    texts: list[str] = []
    for year in range(first, first + YEARS):
        step = year - first  # the figures move a little each year, as real decisions do
        hosts, groups = 2_000 + 100 * step, 600 + 10 * step
        rows = (
            ("Trygghetsvärdar", _mkr(hosts + 200), _mkr(hosts - 100), _mkr(hosts)),
            ("Stöd till lokala arbetsgrupper", _mkr(groups), _mkr(groups), _mkr(groups)),
            ("Insatser i samverkan med lokala aktörer", _mkr(groups), _mkr(groups), _mkr(groups)),
            ("Nattvandring", "300 tkr", "–", "–"),
            ("Övriga insatser", "100 000 kr", "0,1 mkr", "0,1 mkr"),
        )
        proposal = hosts + 200 + 2 * groups + 400
        summa = (_mkr(proposal), _mkr(hosts - 100 + 2 * groups + 100), _mkr(hosts + 2 * groups + 100))
        texts.append(
            BudgetDecision(
                year=year,
                total=_mkr(proposal),
                rows=rows,
                summa=summa,
                dated=f"28 januari {year}",
                grant_year=year - 1,
            ).text()
        )
        texts.append(
            PrizeDirection(
                year=year,
                period=f"15 maj till 15 augusti {year}",
                decided=f"Den 18 oktober {year - 1} beslutade kommunstyrelsen att priset ska fortsätta att delas ut "
                f"årligen fram till {year + 3}.",
                winners=(
                    (year - 1, f"Tema för {year - 1}", f"Föreningen Vinnare {year - 1}, ett samarbete i Orminge"),
                ),
                attested=(f"{year}-04-29", f"{year}-04-30"),
            ).text()
        )
    return texts


def _mkr(tkr: int) -> str:
    """ "2,3 mkr" for 2 300 tkr, as the tables write amounts."""
    whole, rest = divmod(tkr, 1000)
    return f"{whole},{rest // 100} mkr" if rest % 100 == 0 else f"{tkr} tkr"


def load_conversations(path: Path) -> list[list[str]]:
    conversations: list[list[str]] = []
    for raw in path.read_text("utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if path.suffix == ".jsonl":
            q = json.loads(raw)["q"]
            conversations.append(q if isinstance(q, list) else [q])
        else:
            conversations.append(raw.split(" || "))
    return conversations


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("questions.txt")
    conversations = load_conversations(path)
    figures: list[tuple[str, float, float]] = []
    print(f"== shipped documents ({len(default_knowledge().documents)})")
    figures.append(("shipped", *run(default_knowledge(), conversations, path)))
    for label, texts in (("next year imported", [budget_2026(), prize_2024()]), ("ten years imported", ten_years())):
        with tempfile.TemporaryDirectory() as folder:
            known = default_knowledge()
            for index, text in enumerate(texts):
                save(Path(folder), parse_document(text, known=known, file_name=f"bench-{index}.txt").item)
                known = knowledge_in(Path(folder))
            print(f"== {label} ({len(known.documents)} documents)")
            figures.append((label, *run(known, conversations, path)))
    print("\n== side by side (ms)")
    print(f"{'documents':<22}{'p50':>8}{'p95':>8}")
    for label, p50, p95 in figures:
        print(f"{label:<22}{p50:>8.3f}{p95:>8.3f}")
    grows = figures[-1][1] > 1.5 * figures[0][1] + 0.05
    print(f"p50 with ten years against shipped: {'GROWS' if grows else 'flat'}")
    return 0 if figures[-1][1] < 1 and not grows else 1


def run(knowledge: KnowledgeBase, conversations: list[list[str]], path: Path) -> tuple[float, float]:
    """Prints the figures; returns p50 and p95 in milliseconds."""
    started = time.perf_counter()
    answerer = Answerer(knowledge)
    startup = time.perf_counter() - started
    for conversation in conversations:  # warm-up: caches, first imports
        _ask_all(answerer, conversation)
    latencies: list[float] = []
    began = time.perf_counter()
    for _ in range(ROUNDS):
        for conversation in conversations:
            latencies.extend(_ask_all(answerer, conversation))
    elapsed = time.perf_counter() - began
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p95 = latencies[int(len(latencies) * 0.95) - 1] * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    print(f"questions: {len(latencies) // ROUNDS} x {ROUNDS} rounds from {path.name}")
    print(f"answerer start-up: {startup * 1000:.1f} ms")
    print(f"answers per second: {len(latencies) / elapsed:,.0f}")
    print(f"latency p50: {p50:.3f} ms   p95: {p95:.3f} ms   p99: {p99:.3f} ms   max: {latencies[-1] * 1000:.3f} ms")
    print(f"goal p50 < 1 ms: {'met' if p50 < 1 else 'NOT met'}")
    return p50, p95


def _ask_all(answerer: Answerer, conversation: list[str]) -> list[float]:
    context = ConversationContext()
    timings = []
    for question in conversation:
        start = time.perf_counter()
        context = answerer.answer(question, context).context
        timings.append(time.perf_counter() - start)
    return timings


if __name__ == "__main__":
    raise SystemExit(main())
