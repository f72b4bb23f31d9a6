"""Answers about Trygghetspriset: winners, themes, criteria, period, jury, facts."""

from __future__ import annotations

from bot.answering import lexicon as lx
from bot.answering.query import Query
from bot.knowledge.models import Criterion, Decision, Winner
from bot.nominations.rounds import period_state_on
from bot.texts import quoted


def _winner_sentence(q: Query, winner: Winner, key: str) -> None:
    r = q.draft
    r.fact(f"prize.winners[{winner.year}].winner", winner.winner, winner.source)
    r.fact(f"prize.winners[{winner.year}].theme", winner.theme, winner.source)
    r.say(key, year=winner.year, winner=winner.winner, theme=winner.theme)
    if winner.description:
        r.say("prize.winner_description", description=winner.description)


def _known_span(q: Query) -> tuple[int, int]:
    years = [w.year for w in q.knowledge.prize.winners]
    return min(years), max(years)


def winner_by_year(q: Query) -> None:
    prize, r = q.knowledge.prize, q.draft
    if not q.years:
        winners_list(q)
        return
    for year in q.years:
        winner = prize.winner_for(year)
        checks = q.entities.winner_years if lx.is_yes_no(q.text) else []
        for named_year in checks:  # "vann IGOR 2021?": answer the check first
            named = prize.winner_for(named_year)
            if named and named_year == year:
                r.say("check.yes")
            elif named:
                r.say("prize.check_other_year", winner=named.winner, winner_year=named_year, year=year)
        if winner:
            _winner_sentence(q, winner, "prize.winner_of_year")
            if q.has(lx.PRIZE_AMOUNT):  # "vad är prissumman för vinnaren 2019?"
                _amount(q)
            continue
        first, last = _known_span(q)
        round_ = prize.round_for(year)
        if round_:
            r.fact(f"prize.rounds[{year}].conference_date", str(round_.conference_date), round_.source)
            r.not_found("prize.winner_not_decided", year=year, first=first, last=last)
            if round_.after_close:  # how that year's winner will be chosen, as the direction says
                r.fact(f"prize.rounds[{year}].after_close", round_.after_close, round_.source)
                r.say("prize.after_close", text=round_.after_close)
        else:
            r.not_found("prize.winner_unknown", year=year, first=first, last=last)


def other_contest(q: Query) -> None:
    """Winners of other contests are not in the documents: say so, and show how to ask about ours."""
    known = [w.year for w in q.knowledge.prize.winners]
    year = q.years[0] if q.years and q.years[0] in known else max(known)
    q.draft.not_found("prize.other_contest", year=year)


def year_by_winner(q: Query) -> None:
    prize = q.knowledge.prize
    for year in q.entities.winner_years:
        winner = prize.winner_for(year)
        if winner:
            _winner_sentence(q, winner, "prize.year_of_winner")
            if q.has(lx.DESCRIPTION) and not winner.description:  # "vad gör de?": say what is not known
                q.draft.say("prize.no_description", winner=winner.winner)
    if q.has(lx.PRIZE_MONEY) or q.has(lx.MONEY):  # "hur mycket fick Gatans lag?": the prize sum
        _amount(q)


def winners_list(q: Query) -> None:
    r = q.draft
    winners = sorted(q.knowledge.prize.winners, key=lambda w: w.year)
    if q.has(lx.EARLIEST) or q.has(lx.LATEST):  # "vem vann första gången?", "vem vann senast?"
        _winner_sentence(q, winners[0] if q.has(lx.EARLIEST) else winners[-1], "prize.winner_of_year")
        return
    described = [w for w in winners if w.year in q.entities.described_winner_years]
    if described:
        if q.has(lx.HOW_MANY):  # "hur många gånger har polisen vunnit?": the count first
            times = (
                r.text("prize.times_once") if len(described) == 1 else r.text("prize.times_many", count=len(described))
            )
            r.say("prize.times_won", times=times, years=r.join([str(w.year) for w in described]))
        for winner in described:
            _winner_sentence(q, winner, "prize.winner_of_year")
        return
    if q.years and q.has(lx.PRIZE_UNTIL):  # "… fram till 2022": the winners up to that year
        winners = [w for w in winners if w.year <= max(q.years)] or winners
    items = []
    for winner in winners:
        r.fact(f"prize.winners[{winner.year}].winner", winner.winner, winner.source)
        items.append(r.text("prize.winner_item", year=winner.year, winner=winner.winner))
    r.say(
        "prize.winners_list", count=len(winners), first=winners[0].year, last=winners[-1].year, items="; ".join(items)
    )


def theme_by_year(q: Query) -> None:
    prize, r = q.knowledge.prize, q.draft
    if not q.years:
        themes_list(q)
        return
    for year in q.years:
        round_ = prize.round_for(year)
        winner = prize.winner_for(year)
        if round_:
            r.fact(f"prize.rounds[{year}].theme", round_.theme, round_.source)
            r.say("prize.round_theme", year=year, theme=round_.theme, focus=round_.focus)
        elif winner:
            r.fact(f"prize.winners[{year}].theme", winner.theme, winner.source)
            r.say("prize.theme_of_year", year=year, theme=winner.theme, winner=winner.winner)
        else:
            first, last = _known_span(q)
            r.not_found("prize.theme_unknown", year=year, first=first, last=last + 1)


def year_by_theme(q: Query, years: list[int]) -> None:
    prize, r = q.knowledge.prize, q.draft
    for year in years:
        winner = prize.winner_for(year)
        round_ = prize.round_for(year)
        if winner:
            r.fact(f"prize.winners[{year}].theme", winner.theme, winner.source)
            r.say("prize.year_of_theme", year=year, theme=winner.theme, winner=winner.winner)
        elif round_:
            r.fact(f"prize.rounds[{year}].theme", round_.theme, round_.source)
            r.say("prize.year_of_round_theme", year=year, theme=round_.theme)


def themes_list(q: Query) -> None:
    r = q.draft
    items = []
    for winner in sorted(q.knowledge.prize.winners, key=lambda w: w.year):
        r.fact(f"prize.winners[{winner.year}].theme", winner.theme, winner.source)
        items.append(r.text("prize.theme_item", year=winner.year, theme=winner.theme))
    for round_ in q.knowledge.prize.rounds:
        r.fact(f"prize.rounds[{round_.year}].theme", round_.theme, round_.source)
        items.append(r.text("prize.theme_item", year=round_.year, theme=round_.theme))
    r.say("prize.themes_list", items="; ".join(items))


def _quoted_criteria(q: Query, criteria: list[Criterion]) -> list[str]:
    for criterion in criteria:
        q.draft.fact(f"prize.criteria.{criterion.key}", criterion.text, criterion.source)
    return [quoted(c.text, q.draft.lang) for c in criteria]


def _mandatory_criteria(q: Query) -> None:
    mandatory = _quoted_criteria(q, q.knowledge.prize.mandatory_criteria)
    q.draft.say("prize.mandatory_criteria", count=len(mandatory), items=q.draft.join(mandatory))


def criteria(q: Query) -> None:
    if not (q.has(lx.ASSESSMENT) and not q.has(lx.NOMINATION)):  # not only the assessment criteria
        _mandatory_criteria(q)
    assessment = _quoted_criteria(q, q.knowledge.prize.assessment_criteria)
    q.draft.say("prize.assessment_criteria", items=q.draft.join(assessment))


def criteria_scenario(q: Query) -> None:
    """A scenario the mandatory criteria decide: done alone (collaboration) or ordinary work (added value)."""
    prize, r = q.knowledge.prize, q.draft
    wanted = (
        ("added_value", "prize.scenario_ordinary") if q.has(lx.ORDINARY) else ("collaboration", "prize.scenario_solo")
    )
    criterion = next((c for c in prize.mandatory_criteria if c.key == wanted[0]), None)
    if criterion is None:  # a direction without that criterion: all of them, as the document gives them
        _mandatory_criteria(q)
        return
    r.fact(f"prize.mandatory_criteria.{criterion.key}", criterion.text, criterion.source)
    r.say(wanted[1], criterion=criterion.text)


def eligibility(q: Query) -> None:
    """Who may be nominated: the document's sentence, then the criteria every nominee must meet."""
    prize, r = q.knowledge.prize, q.draft
    r.fact("prize.eligible", prize.eligible.text, prize.eligible.source)
    r.say("prize.eligible", text=prize.eligible.text)
    _mandatory_criteria(q)
    r.say("prize.eligible_nothing_more")


def nomination_period(q: Query) -> None:
    prize, r = q.knowledge.prize, q.draft
    rounds = [prize.round_for(year) for year in q.years] if q.years else [prize.round_on(q.today)]
    for year, round_ in zip(q.years or [prize.round_on(q.today).year], rounds, strict=True):
        if round_ is None:
            r.not_found("prize.round_unknown", year=year, known=r.join([str(x.year) for x in prize.rounds]))
            continue
        r.fact(f"prize.rounds[{year}].nomination_opens", str(round_.nomination_opens), round_.source)
        r.fact(f"prize.rounds[{year}].nomination_closes", str(round_.nomination_closes), round_.source)
        r.say(
            "prize.nomination_period",
            year=year,
            opens=r.date(round_.nomination_opens),
            closes=r.date(round_.nomination_closes),
            theme=round_.theme,
        )
        if round_.conference_date:
            r.say("prize.conference_date", year=year, date=r.date(round_.conference_date))
        if round_.after_close and q.has(lx.AFTER_CLOSE):  # "vad händer efter att perioden stängt?"
            r.fact(f"prize.rounds[{year}].after_close", round_.after_close, round_.source)
            r.say("prize.after_close", text=round_.after_close)
    current = prize.round_on(q.today)
    if q.years and current.year not in q.years:
        return
    # Whether one can nominate now: the app's clock decides (TRYGGHETSBOT_NOW pins it).
    state = period_state_on(current, q.today)
    if state == "open":
        days_left = (current.nomination_closes - q.today).days + 1  # the closing day counts
        if days_left == 1:
            r.say("prize.period_open_last_day")
        else:
            r.say("prize.period_open_today", days_left=days_left, closes=r.date(current.nomination_closes))
        r.say("prize.how_to_nominate")
    elif state == "not_yet_open":
        days = (current.nomination_opens - q.today).days
        r.say("prize.period_not_yet_open_today", opens=r.date(current.nomination_opens), days=r.days(days))
    else:
        r.say("prize.period_closed_today", closes=r.date(current.nomination_closes))


def nomination_count(q: Query) -> None:
    q.draft.not_found("prize.nomination_count_unknown")


def jury(q: Query) -> None:
    jury_, r = q.knowledge.prize.jury, q.draft
    r.fact("prize.jury.chair", jury_.chair, jury_.source)
    r.fact("prize.jury.term_years", jury_.term_years, jury_.source)
    if q.has(lx.HOW_MANY):
        r.not_found("prize.jury_size_unknown")
    elif q.has(lx.JURY_MEMBERS) and not (q.has(lx.ASKS_NAME) and q.has(lx.JURY_CHAIR)):
        r.not_found("prize.jury_members_unknown")
    if q.has(lx.PER_UNIT):  # "vad tjänar juryns ordförande?": pay is not in the document
        r.not_found("prize.jury_pay_unknown")
    if q.has(lx.OTHER_BODY) and not q.has(lx.JURY_WORD):  # the chair of another body: only the jury's is named
        r.not_found("prize.other_body_chair_unknown")
    r.say("prize.jury", chair=jury_.chair, appointed_by=jury_.appointed_by, term=jury_.term_years, task=jury_.task)


def prize_facts(q: Query) -> None:
    prize, r = q.knowledge.prize, q.draft
    facets = [
        (lx.PRIZE_UNTIL, _until),
        (lx.PRIZE_FIRST, _first),
        (lx.PRIZE_CONFERENCE, _conference),
        (lx.PRIZE_DECISIONS, _decisions),
        (lx.PRIZE_PURPOSE, _purpose),
        (lx.PRIZE_AMOUNT, _amount),
    ]
    chosen = [answer for cue, answer in facets if q.has(cue)]
    if q.has(lx.USE_OF_MONEY) and q.has(lx.MONEY):  # "vad får vinnaren använda pengarna till?"
        chosen = [_money_use, *(answer for answer in chosen if answer is not _amount)]
    if not chosen:
        r.say("prize.summary", name=prize.name)
        chosen = [_purpose, _amount, _first]
    if chosen[0] is _until:
        chosen = [_until]
    for answer in chosen[:2]:
        answer(q)


def _money_use(q: Query) -> None:
    """No document says what the prize money may be used for: say so, then the sum they do give."""
    q.draft.not_found("prize.money_use_unknown")
    _amount(q)


def _amount(q: Query) -> None:
    prize, r = q.knowledge.prize, q.draft
    by_year = {  # each direction's prize sum for the rounds it set (the newer direction wins)
        round_.year: direction for direction in q.knowledge.prizes for round_ in direction.rounds
    }
    asked = [year for year in q.years if year in by_year]
    if q.entities.amounts and lx.is_yes_no(q.text):  # "är prissumman 100 000 kr?"
        amounts = {by_year[year].amount_sek for year in asked} or {prize.amount_sek}
        r.say("check.yes" if amounts & set(q.entities.amounts) else "check.no")
    other_years = [year for year in q.years if year not in by_year]
    if not q.years:
        r.fact("prize.amount_sek", prize.amount_sek, prize.amount_source)
        r.say("prize.amount", name=prize.name, amount=r.money(prize.amount_sek))
        return
    if not asked:  # "prissumman 2024?" with only the 2023 direction: the newest figure as its year's
        newest = max(by_year)
        asked = [newest]
    for year in asked:
        direction = by_year[year]
        r.fact(f"prize.amount_sek.{year}", direction.amount_sek, direction.amount_source)
        r.say("prize.amount_in_year", name=prize.name, amount=r.money(direction.amount_sek), year=year)
    if other_years:
        r.not_found("prize.amount_unknown_year", years=r.join([str(year) for year in other_years]))
    first, last = by_year[asked[0]].amount_sek, by_year[asked[-1]].amount_sek
    if len(asked) >= 2 and first != last:  # "hur mycket höjdes prissumman från 2023 till 2024?"
        key = "prize.amount_rose" if last > first else "prize.amount_fell"
        r.say(
            key,
            before=r.money(first),
            after=r.money(last),
            first=asked[0],
            last=asked[-1],
            delta=r.money(abs(last - first)),
        )


def _first(q: Query) -> None:
    prize = q.knowledge.prize
    founding = min(prize.decisions, key=lambda d: d.year)
    _year_with_decision(q, "prize.first_awarded_year", prize.first_awarded_year, "prize.first_awarded", founding)


def _year_with_decision(q: Query, path: str, year: int, key: str, decision: Decision) -> None:
    """A year the prize's decisions set (first award, last award), cited from that decision."""
    q.draft.fact(path, year, decision.source)
    q.draft.say(key, year=year, decision=decision.text)


def _conference(q: Query) -> None:
    prize, r = q.knowledge.prize, q.draft
    months = [r.month(number) for number in prize.awarded_at.months]
    r.fact("prize.awarded_at.months", ",".join(months), prize.awarded_at.source)
    r.say("prize.awarded_at", months=r.join(months, "fmt.or"))
    years = q.years or [prize.round_on(q.today).year]
    for year in years:
        round_ = prize.round_for(year)
        if round_ and round_.conference_date:
            r.fact(f"prize.rounds[{year}].conference_date", str(round_.conference_date), round_.source)
            r.say("prize.conference_date", year=year, date=r.date(round_.conference_date))
        elif q.years:
            r.not_found("prize.conference_unknown", year=year)


def _until(q: Query) -> None:
    prize = q.knowledge.prize
    latest = max(prize.decisions, key=lambda d: d.year)
    _year_with_decision(q, "prize.awarded_until_year", prize.awarded_until_year, "prize.awarded_until", latest)


def _decisions(q: Query) -> None:
    prize, r = q.knowledge.prize, q.draft
    # A decision the structured data does not hold ("vem godkänner inriktningen?"): the
    # document's own sentence, when one answers the question.
    passage = q.passages.best(q.text.raw) if q.passages else None
    if passage and not any(_overlap(passage.text, d.text) >= 0.5 for d in prize.decisions):
        r.fact(f"passage.{passage.source.document}", passage.text, passage.source)
        r.say("general.passage", text=passage.text)
    for decision in sorted(prize.decisions, key=lambda d: d.year):
        r.fact(f"prize.decisions[{decision.year}]", decision.text, decision.source)
        r.say("prize.decision", year=decision.year, text=decision.text)


def _overlap(first: str, second: str) -> float:
    """The share of the shorter text's words that the other has too (a paraphrase scores high)."""
    a, b = ({w for w in text.casefold().replace(".", " ").split() if len(w) > 3} for text in (first, second))
    return len(a & b) / max(1, min(len(a), len(b)))


def _purpose(q: Query) -> None:
    prize, r = q.knowledge.prize, q.draft
    r.fact("prize.purpose", prize.purpose.text, prize.purpose.source)
    r.say("prize.purpose", name=prize.name, purpose=prize.purpose.text)
