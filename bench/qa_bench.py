"""Question-answering speed, in-process: answers per second and p50/p99 latency.

    python bench/qa_bench.py                       # the questions in bench/questions.txt
    python bench/qa_bench.py path/to/cases.jsonl   # or any JSON Lines file with a "q" field

Both run twice in one run: on the shipped documents, and with a 2026 budget decision and a
2024 prize direction imported (written in the shipped layout, as the import tests write them).

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

ROUNDS = 20


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
    print(f"== shipped documents ({len(default_knowledge().documents)})")
    run(default_knowledge(), conversations, path)
    with tempfile.TemporaryDirectory() as folder:
        for text in (budget_2026(), prize_2024()):
            save(Path(folder), parse_document(text, known=default_knowledge(), file_name="bench.txt").item)
        imported = knowledge_in(Path(folder))
        print(f"== with imported documents ({len(imported.documents)})")
        run(imported, conversations, path)
    return 0


def run(knowledge: KnowledgeBase, conversations: list[list[str]], path: Path) -> None:
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
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    print(f"questions: {len(latencies) // ROUNDS} x {ROUNDS} rounds from {path.name}")
    print(f"answerer start-up: {startup * 1000:.1f} ms")
    print(f"answers per second: {len(latencies) / elapsed:,.0f}")
    print(f"latency p50: {p50:.3f} ms   p99: {p99:.3f} ms   max: {latencies[-1] * 1000:.3f} ms")
    print(f"goal p50 < 1 ms: {'met' if p50 < 1 else 'NOT met'}")


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
