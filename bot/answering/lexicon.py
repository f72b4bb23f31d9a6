"""The question vocabulary: words that signal an intent, a facet or a column.

Written with diacritics for readability and folded on import. A cue is
  "word"    an exact token,
  "stem*"   a token starting with the stem,
  "*part*"  a token containing the part (Swedish compounds: "bedömningskriterier"),
  "a b"     a phrase of tokens.
These are recognisers, not answers: every fact comes from the knowledge data.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.answering.normalize import Normalized, fold


class Cue:
    """A recogniser for a group of words; ``cue.in_(question)`` is a set lookup.

    Which cues a token triggers is worked out once per distinct token and cached, so a
    question costs a few dictionary lookups however many cues there are (phrases, which
    span tokens, are checked on the whole text).
    """

    __slots__ = ("id", "parts", "phrases", "prefixes", "words")

    def __init__(self, words: frozenset[str], prefixes: tuple[str, ...], parts: tuple[str, ...], phrases: tuple[str, ...]):
        self.words = words
        self.prefixes = prefixes
        self.parts = parts
        self.phrases = phrases
        self.id = _registry.add(self)

    @classmethod
    def of(cls, *patterns: str) -> Cue:
        words, prefixes, parts, phrases = set(), [], [], []
        for raw in patterns:
            pattern = fold(raw)
            if " " in pattern:
                phrases.append(pattern)
            elif pattern.startswith("*") and pattern.endswith("*"):
                parts.append(pattern.strip("*"))
            elif pattern.endswith("*"):
                prefixes.append(pattern.rstrip("*"))
            else:
                words.add(pattern)
        return cls(frozenset(words), tuple(prefixes), tuple(parts), tuple(phrases))

    def matches_token(self, token: str) -> bool:
        return token in self.words or token.startswith(self.prefixes) or any(part in token for part in self.parts)

    def in_(self, question: Normalized) -> bool:
        return self.id in _registry.present(question)

    def vocabulary(self) -> Iterable[str]:
        yield from self.words
        yield from (p for p in self.prefixes if len(p) >= 5)
        for phrase in self.phrases:
            yield from phrase.split()


class _Registry:
    """Every cue, and per token the ids of the cues it triggers."""

    MAX_CACHED_TOKENS = 50_000

    def __init__(self) -> None:
        self.cues: list[Cue] = []
        self.phrase_ids: dict[str, set[int]] = {}  # "hur mycket" -> cues containing that phrase
        self.longest_phrase = 1
        self.token_hits: dict[str, frozenset[int]] = {}

    def add(self, cue: Cue) -> int:
        self.cues.append(cue)
        cue_id = len(self.cues) - 1
        for phrase in cue.phrases:
            self.phrase_ids.setdefault(phrase, set()).add(cue_id)
            self.longest_phrase = max(self.longest_phrase, len(phrase.split()))
        self.token_hits.clear()  # a new cue may match tokens seen before
        return cue_id

    def hits(self, token: str) -> frozenset[int]:
        found = self.token_hits.get(token)
        if found is None:
            found = frozenset(cue.id for cue in self.cues if cue.matches_token(token))
            if len(self.token_hits) >= self.MAX_CACHED_TOKENS:
                self.token_hits.clear()
            self.token_hits[token] = found
        return found

    def present(self, question: Normalized) -> frozenset[int]:
        cached: frozenset[int] | None = question.__dict__.get("_cue_ids")
        if cached is None:
            ids: set[int] = set()
            for token in question.tokens:
                ids |= self.hits(token)
            # Phrases: every run of 2..n tokens, looked up (numbers may hold spaces, so split the text).
            words = question.text.split()
            for size in range(2, min(self.longest_phrase, len(words)) + 1):
                for start in range(len(words) - size + 1):
                    hit = self.phrase_ids.get(" ".join(words[start : start + size]))
                    if hit:
                        ids |= hit
            cached = frozenset(ids)
            question.__dict__["_cue_ids"] = cached  # computed once per question
        return cached


_registry = _Registry()


def cues_in(question: Normalized) -> frozenset[int]:
    """Ids of every cue the question contains (``cue.id in cues_in(q)`` == ``cue.in_(q)``)."""
    return _registry.present(question)


# --- language -------------------------------------------------------------
ENGLISH = Cue.of(
    "who", "what", "when", "where", "which", "why", "how", "much", "many", "did", "does", "do", "the", "is", "was",
    "won", "win", "wins", "winner", "winners", "theme", "prize", "get", "got", "gets", "money", "spent",
    "year", "in", "of", "for", "and", "will", "stand", "about", "tell", "me", "you", "can", "weather", "tomorrow",
    "there", "are", "lines", "line", "total",
)
SWEDISH = Cue.of(
    "vem", "vad", "när", "hur", "mycket", "vann", "fick", "får", "tema", "temat", "priset", "och", "är", "var",
    "vilket", "vilka", "vilken", "varför", "kronor", "till", "för", "det", "den", "om", "året", "år", "blir",
    "finns", "ska", "kan", "man", "jag", "du", "hej", "mkt", "e", "pengar", "utfall", "utfallet", "budgeten",
    "summan", "totalt", "innan", "efter", "eller", "av", "med",
)

# --- conversation ---------------------------------------------------------
HELP = Cue.of(
    "hjälp", "help", "vad kan du", "what can you", "kommandon", "commands", "hjälpa",
)
GREETING = Cue.of(
    "hej", "hejsan", "tjena", "hallå", "hello", "hi", "hey", "god morgon", "tack", "thanks",
)
FOLLOW_UP = Cue.of(
    "och", "and", "what about", "hur är det med", "än", "samma", "vad då", "till vad", "för vad", "what for",
    "like what", "such as", "till vilka", "vilka då", "som vad",
)
WHY = Cue.of(
    "varför", "why", "anledning*", "anledningen", "reason", "orsak*", "how come", "hur kommer det",
)
THEN = Cue.of("då", "then", "det året", "that year", "samma år", "same year")
WHO = Cue.of("vem", "vilka", "who", "vilken verksamhet", "vilken organisation", "which organisation", "which organization")
LAST_YEAR = Cue.of("förra året", "i fjol", "ifjol", "fjolårets", "last year", "förra årets")
THIS_YEAR = Cue.of("i år", "this year", "årets", "innevarande år", "current year")
EARLIEST = Cue.of("först", "första", "first", "earliest", "tidigaste")
LATEST = Cue.of(
    "senast", "senaste", "latest", "most recent", "last", "nyligen", "recently", "förra gången", "senaste gången",
    "sist", "last time",
)
YEAR_BEFORE = Cue.of("året innan", "året före", "föregående år", "year before", "previous year", "år innan")
# Calendar-relative when the conversation has no year to lean on ("vad får SSPF nästa år?").
NEXT_YEAR = Cue.of("nästa år", "next year", "kommande år", "nästkommande år", "coming year")
YEAR_AFTER = Cue.of("året efter", "året därpå", "nästa år", "year after", "following year", "next year", "året därefter", "därefter", "efterföljande år", "the year after that", "the following year")

# --- the prize ------------------------------------------------------------
WIN = Cue.of(
    "vann", "vinna", "vinner", "vinnare*", "vunnit", "won", "win", "wins", "winner*", "pristagare*", "tilldelades",
    "fick priset", "fick trygghetspriset", "awarded to", "received the prize", "got the prize",
)
WINNER_LIST = Cue.of(
    "alla", "lista", "tidigare", "samtliga", "all", "list", "previous", "past", "vinnarna",
)
# Other contests and prizes: "vem vann melodifestivalen 2019?" is not about Trygghetspriset.
OTHER_CONTEST = Cue.of(
    "melodifestival*", "eurovision*", "nobel*", "oscar*", "oscars", "grammis*", "grammy*", "emmy*", "guldbagg*",
    "polarpris*", "augustpris*", "fredspris*", "litteraturpris*", "allsvenskan", "superettan", "vm", "em", "os", "sm",
    "världsmästerskap*", "europamästerskap*", "mästerskap*", "championship*", "olympi*", "world cup",
    "super bowl", "champions league", "stanley cup", "tour de france", "wimbledon", "vasaloppet", "*festivalen",
)
# Prize names of the form "<something>priset" that are still Trygghetspriset, or no prize in particular.
_GENERIC_PRIZE_PREFIXES = frozenset(
    fold(word) for word in ("trygghets", "första", "andra", "tredje", "vinnar", "huvud", "penning", "heders",
                            "stadens", "stads", "kommunens", "årets", "special", "juryns", "jury")
)
_PRIZE_SUFFIXES = ("priset", "prisen", "priser", "pris")


def names_another_prize(question: Normalized) -> bool:
    """ "vem fick nobelpriset 2019?": a compound prize name that is not Trygghetspriset."""
    if "pris" not in question.text:
        return False
    for token in question.tokens:
        for suffix in _PRIZE_SUFFIXES:
            if token.endswith(suffix) and len(token) > len(suffix) + 2:
                return token[: -len(suffix)] not in _GENERIC_PRIZE_PREFIXES
    return False

THEME = Cue.of(
    "handlade", "handlar",
    "tema", "temat", "teman", "temana", "theme*", "inriktning*", "focus",
)
YEAR_QUESTION = Cue.of(
    "vilket år", "vilka år", "när", "which year", "what year", "when", "årtal",
)
PRIZE = Cue.of("*pris*", "prize", "award")
CRITERIA = Cue.of(
    "*kriteri*", "krav", "kraven", "villkor*", "criteria", "criterion", "requirement*", "obligatorisk*",
    "måste uppfyllas", "must", "uppfylla", "bedöms", "bedömning*", "assessed", "assessment", "judged", "krävs",
    "kräver", "required", "requires", "qualify", "kvalificera*", "måste", "behöver", "have to", "has to",
    "need to", "needs to", "mervärde*", "innovativ*", "nyskapande", "inspirera*", "goda resultat", "added value",
    "innovative", "inspire", "good results",
)
ASSESSMENT = Cue.of(
    "bedöm*", "utöver", "assessment", "assessed", "judged", "also", "också", "dessutom", "mer", "övriga",
    "additional", "other",
)
# Who may be nominated ("vem kan nomineras?", "kan man nominera sig själv?").
ELIGIBLE = Cue.of(
    "vem kan nomineras", "vilka kan nomineras", "vem får nomineras", "vilka får nomineras", "kan nomineras",
    "får nomineras", "who can be nominated", "who is eligible", "eligible",
    "eligibility", "can be nominated", "can i nominate", "can we nominate", "nominera sig själv", "nominate ourselves",
    "nominate myself", "nominate our own",
)
# Scenarios the mandatory criteria decide: an effort done alone, or ordinary work.
SOLO = Cue.of(
    "själv", "själva", "ensam", "ensamma", "på egen hand", "egen regi", "utan samarbete", "utan samverkan",
    "utan partner*", "utan andra", "en enda organisation", "en enda förening", "alone", "on its own",
    "on their own", "by itself", "by themselves", "without partners", "single organisation", "single organization",
    "bara en organisation", "bara en förening", "endast en organisation", "en organisation", "one organisation",
    "one organization", "only one",
)
# "kan man nominera sig själv?": who may nominate, not an effort done alone.
SELF_NOMINATION = Cue.of(
    "sig själv", "sig själva", "oss själva", "mig själv", "nominate ourselves", "nominate myself", "nominate themselves",
    "min egen", "mitt eget", "vår egen", "vårt eget", "our own", "my own",
)
ORDINARY = Cue.of(
    "ordinarie verksamhet", "ordinarie arbete", "vanlig verksamhet", "vanliga verksamhet", "vanliga arbete",
    "vardaglig*", "löpande verksamhet", "ordinary", "regular work", "business as usual", "day-to-day", "daily work",
    "normal operations", "normal work", "normala verksamhet", "ordinarie uppdrag", "vanliga uppdrag", "regular operations",
)
# "räcker det …?": a yes/no question about what qualifies.
ENOUGH = Cue.of(
    "räcker det", "räcker", "is it enough", "enough", "duger det", "räknas det", "does it count", "counts", "qualif*",
)
# "vad händer efter att perioden stängt?": what the direction says comes next.
AFTER_CLOSE = Cue.of(
    "vad händer efter", "vad händer sen", "vad händer sedan", "vad händer när", "därefter", "efter att", "efteråt",
    "after the", "what happens", "what next", "next step*", "nästa steg",
)
# "kan privatpersoner nomineras?": who may be nominated, the subject between the words.
MAY = Cue.of("kan", "får", "can", "may", "could", "is it possible")
BE_NOMINATED = Cue.of("nomineras", "be nominated", "get nominated", "nominated")
NOMINATION = Cue.of(
    "nominer*", "nominate*", "nomination*", "deadline", "sista dag", "sista dagen", "sista datum", "sista datumet",
    "ansök*", "period*", "*perioden", "apply", "submit", "last day",
)
JURY = Cue.of(
    "jury*", "juryn", "ordförande", "chair*", "vem bestämmer", "vem beslutar", "vem utser", "who decides",
    "who chooses", "who picks", "jurymedlem*", "beslutande", "juror*", "ledamot", "ledamöter",
)
JURY_ONLY = Cue.of("jury*", "juryn", "jurymedlem*", "ordförande", "chair*", "juror*")
PRIZE_MONEY = Cue.of("hur mycket", "how much", "pengar", "money", "kronor", "prissumma*", "belopp*", "amount")
PRIZE_AMOUNT = Cue.of(
    "prissumma*", "*summa*", "hur mycket", "hur stor", "how much", "how big", "pengar", "kronor", "money", "värd",
    "worth", "belopp*", "amount",
)
PRIZE_FIRST = Cue.of(
    "först*", "first", "sedan när", "since when", "instift*", "started", "start*", "began", "founded",
    "established", "inrättades", "historia", "history", "grundades", "grundat*", "skapades", "created", "funnits",
    "existed", "hur länge har", "how long has",
)
PRIZE_CONFERENCE = Cue.of(
    "*konferens*", "conference", "prisutdelning*", "delas ut", "delas", "delar ut", "ceremony", "awarded",
    "handed out",
)
PRIZE_PURPOSE = Cue.of(
    "syfte*", "purpose", "varför finns", "why does", "mål", "målet", "aim", "goal",
)
PRIZE_UNTIL = Cue.of(
    "fram till", "until", "hur länge ska", "hur länge kommer", "how long will", "fortsätta", "continue", "upphör*",
    "hur ofta", "how often", "årligen", "varje år", "every year", "annually", "how frequently",
    "fortfarande", "still", "finns kvar", "läggs ner", "discontinued",
)
PRIZE_DECISIONS = Cue.of("beslut*", "beslöt", "kommunstyrelsen", "decision*", "decided", "vem instiftade")

# --- the safety package ---------------------------------------------------
PACKAGE = Cue.of("trygghetspaket*", "paketet", "package", "safety package", "security package")
TOTAL = Cue.of(
    "totalt", "total*", "summa", "summan", "sammanlagt", "sammantaget", "hela", "allt", "overall", "in total",
    "altogether", "sum", "omfattning", "ram*",
)
MONEY = Cue.of(
    "hur mycket", "hur mkt", "pengar", "kronor", "kr", "mkr", "tkr", "belopp*", "how much", "money", "amount",
    "funding", "funds", "fick", "får", "få", "got", "get", "gets", "receive*", "budget*", "anslag*", "anslogs",
    "avsatt*", "kostar", "kostade", "cost*", "medel", "medlen",
)
HISTORY = Cue.of(
    "bakgrund*", "historik", "historia", "history", "background", "mål och budget", "tidigare år", "anslogs",
    "anslag*", "socialnämnden", "social welfare", "social services committee", "började", "startade", "infördes", "began", "started",
    "från början", "ursprungligen", "originally", "at first", "initially", "from the start", "to begin with",
    "introduced", "introduce", "established", "set up", "inrättades", "kom till", "tillkom", "first created",
)
STATE_GRANT = Cue.of(
    "statsbidrag*", "statligt", "statliga", "staten", "state", "government", "per invånare", "per inhabitant",
    "per capita", "invånare", "inhabitant*", "vilken lag", "lagen", "law", "generella",
)
AREAS = Cue.of(
    "var ska", "var finns", "var kommer", "var jobbar", "var verkar", "var arbetar", "var är", "where", "område*",
    "orter", "platser", "kommundel*", "stadsdel*", "areas", "area", "places", "vilka delar", "i vilka",
)
CHILDREN = Cue.of(
    "barn", "barnen", "unga", "ungdomar", "children", "young", "youth", "konsekvenser för barn",
)
OUTCOME_REASON = Cue.of(
    "lägre", "under budget", "understiger", "understeg", "mindre än", "lower", "below", "less than", "underskott",
    "överskott", "inte använts", "oanvänd*", "underspend*", "buffert",
)

# --- table columns and facets ---------------------------------------------
COLUMN_FORSLAG = Cue.of(
    "förslag*", "föreslå*", "föreslag*", "proposal", "proposed", "plan", "planned", "ska få",
)
COLUMN_UTFALL = Cue.of(
    "utfall*", "använt", "använde", "användes", "använts", "förbrukat*", "spenderat*", "spent", "outcome",
    "actual*", "gick åt", "kostade", "used", "blev",
)
COLUMN_BUDGET = Cue.of("budget", "budgeten", "budgeterat*", "budgeterade*", "budgeted", "budgetera*")
EXPANSION = Cue.of(
    "står", "star for", "betyder", "betydelse", "stand for", "stands for", "förkortning*", "abbreviation",
    "mean", "means", "förkortar", "utläses", "stand", "stands",
)
DESCRIPTION = Cue.of(
    "vad är", "vad ar", "what is", "what are", "vad gör", "vad betalar", "betalar", "pays", "pay for",
    "används till", "används", "vad ingår", "ingår", "innebär", "består", "what does", "beskriv*", "describe",
    "vad handlar", "handlar om", "gå till", "går till", "vad går", "vad för", "tell me about", "berätta om",
    "info om", "information om", "information about", "more about", "mer om",
)
# "alla poster utom trygghetsvärdar": every line but the ones named.
EXCEPT = Cue.of(
    "utom", "förutom", "except", "apart from", "besides", "other than", "exklusive", "excluding", "exclude",
    "bortsett från", "bortser från", "bortse från", "bortser man från", "undantaget", "med undantag av",
    "utan att räkna", "not counting", "leaving out", "aside from",
)
# "hur mycket mer fick X än Y?", "X jämfört med Y": one line set against another.
LINE_VERSUS = Cue.of(
    "än", "than", "jämfört med", "jämfört mot", "compared with", "compared to", "versus", "vs",
    "i förhållande till", "relative to", "mellan",
)
# The direction a question takes for granted: "hur mycket mer …", "how much less …".
ASKED_MORE = Cue.of("mer", "more", "högre", "higher", "större", "bigger", "larger")
ASKED_LESS = Cue.of("mindre", "less", "lägre", "lower", "fewer")
# "vilken post fick mer, X eller Y?": asks which, so it takes no direction for granted.
WHICH_OF = Cue.of("eller", "or", "vilken", "vilket", "vilka", "which", "whether")
ACTIVITIES = Cue.of("exempel*", "aktivitet*", "example*", "activit*", "vad gör man", "insatser som")
PARTNERS = Cue.of(
    "partner*", "samarbetspartner*", "samarbetar", "samverkar", "tillsammans med", "med vem", "med vilka",
    "vilka aktörer", "with whom", "who works", "collaborat*", "vilka parter", "parter", "vilka är med",
    "vilka ingår i", "vilka deltar", "who is in", "who takes part", "who participates", "medlemmar", "members",
)
# "vilka vann mellan 2015 och 2017?": every year of the span, not only its ends.
YEAR_RANGE = Cue.of("mellan", "between", "från", "from", "till och med", "through")
CHANGE = Cue.of(
    "utökas", "utökning*", "utökad*", "utökat", "ökar", "ökning*", "ökade", "ökat", "höjs", "höjning*", "increase*",
    "förändring*", "förändras", "ändras", "change*", "minskar", "minskning*", "sänks", "decrease*", "mer än",
    "more than", "minskade", "minskat", "sänktes", "höjdes", "rose", "fell", "increased", "decreased",
)

# --- questions over the table ---------------------------------------------
MOST = Cue.of(
    "mest", "störst*", "högst*", "största", "most", "largest", "biggest", "highest", "max*", "mesta",
    "näststörst*", "nästhögst*", "näst mest",
)
# "näst störst", "second largest": the rank after the first.
SECOND_RANK = Cue.of("näst", "näststörst*", "nästhögst*", "nästminst*", "nästlägst*", "second", "runner up")
LEAST = Cue.of(
    "minst", "lägst*", "minsta", "least", "smallest", "lowest", "minimum", "nästminst*", "nästlägst*",  # not "min": Swedish "my"
)
ROSE = Cue.of(
    "ökade", "ökat", "ökar", "ökning*", "höjdes", "höjs", "höjt", "höjer", "rose", "risen", "increased", "increase*",
    "grew", "upp",
)
FELL = Cue.of(
    "minskade", "minskat", "minskar", "minskning*", "sänktes", "fell", "decreased", "decrease*", "dropped", "ner",
    "lower", "krympte", "krympt", "shrink*", "shrank", "shrunk", "reduced", "reduction", "cut", "drop",
)
DIFFERENCE = Cue.of(
    "skillnad*", "difference", "differ*", "avvik*", "jämfört", "compared", "jämför*",
)
SUM_OF = Cue.of(
    "summan av", "summan för", "summa för", "sum of", "tillsammans", "together", "combined", "sammanlagt", "plus",
    "totalt för",
)
WHICH_LINES = Cue.of(
    "vilka poster", "vilken post", "vilka rader", "vilken rad", "which line*", "which item*", "vilka delar",
    "vilken del", "vilka budgetposter", "vilken budgetpost", "vilka insatser", "vilken insats", "what line*",
)

COMPARATIVE = Cue.of("mer", "mindre", "more", "less", "högre", "lägre", "higher", "lower", "större", "bigger")
UNCHANGED = Cue.of("oförändrad*", "unchanged", "ligger still", "står still", "samma belopp", "same amount", "stayed the same")
DISCREPANCY = Cue.of(
    "stämmer", "går ihop", "går inte ihop", "add up", "adds up", "fel i", "felaktig*", "felräkn*", "inte ihop",
    "discrepanc*", "mismatch", "inconsisten*", "error in", "wrong in", "summerar", "summeras",
)
# "vilka poster gick under budget?": an outcome against its budget, line by line.
UNDER_BUDGET = Cue.of(
    "under budget", "understeg", "understiger", "underskred", "lägre än budget", "mindre än budget",
    "below budget", "under budget", "underspent", "over budget", "över budget", "överskred", "overspent",
)
SHARE = Cue.of("andel*", "procent*", "share", "percent*", "proportion", "hur stor del", "how large a part", "what part")
DISTRIBUTION = Cue.of(
    "fördelas", "fördelning*", "fördelade", "fördelat", "distribut*", "breakdown", "uppdelning*", "uppdelat",
    "vilka budgetposter", "vilka poster", "budgetposter*", "poster", "lines", "spent on", "går pengarna till",
    "tabell*", "table", "visa budgeten", "show the budget", "alla poster", "all lines", "all budget lines",
    "per line", "per post", "per budgetpost", "each line", "every line", "varje post", "varje budgetpost",
)
# The package's money as a thing someone decides on ("vem bestämmer hur pengarna fördelas?").
BUDGET_MONEY = Cue.of(
    "pengar", "pengarna", "medel", "medlen", "budget*", "anslag*", "money", "funds", "funding", "fördelning*",
    "fördelas",
)
# The unit a reader asks for: "hur mycket fick SSPF i tkr?", "how many kronor?".
UNIT_THOUSANDS = Cue.of("tkr", "tusen kronor", "tusentals kronor", "ksek", "in thousands", "thousand kronor")
UNIT_KRONOR = Cue.of("i kronor", "in kronor", "hur många kronor", "how many kronor", "i sek", "in sek", "exakt belopp")
# A yes/no question states a fact to check: "fick SSPF 2 mkr 2024?", "vann IGOR 2021?".
_YES_NO_OPENERS = frozenset(
    fold(word)
    for word in ("fick", "får", "är", "var", "stämmer", "vann", "blev", "gick", "hade", "har", "did", "does", "do",
                 "is", "was", "were", "has", "had", "got", "gets", "won")
)
CHECK = Cue.of("stämmer det", "är det sant", "är det rätt", "is it true", "is it correct", "is it right")


def is_yes_no(question: Normalized) -> bool:
    return bool(question.tokens) and (question.tokens[0] in _YES_NO_OPENERS or CHECK.in_(question))


# The kind of answer asked for (bot/answering/answer_types.py checks the answer gives it).
ASKS_COUNT = Cue.of("hur många", "how many", "antalet", "number of")
ASKS_DATE = Cue.of("när", "when", "vilket datum", "vilken dag", "what date", "which date", "what day")
ASKS_PLACE = Cue.of("where", "vilken lokal", "vilken plats", "vilken ort", "which venue", "what venue", "which place")
ASKS_ORGANISATION = Cue.of(
    "vem", "who", "vilken förvaltning", "vilken nämnd", "vilken myndighet", "vilken organisation", "vilken förening",
    "vilken avdelning", "vilket kontor", "vilken enhet", "vilket organ", "which office", "which department",
    "which committee", "which board", "which organisation", "which organization", "which body",
)
HOW_MANY = Cue.of("hur många", "how many", "antal", "antalet", "number of")
PACKAGE_DECISION = Cue.of(
    "beslut*", "beslöt", "vem bestämmer", "vem bestämde", "who decides", "who decided", "decision*", "decided",
    "decide", "decides", "appropriat*", "anslog", "avsatte", "allocated by",
    "kommunfullmäktige", "kommunstyrelsen", "trygghetsutskott*", "municipal council", "city council",
    "executive board", "municipal executive",
)
# The bodies that decide the package (the prize's founding decisions name the prize as well).
DECISION_BODY = Cue.of(
    "kommunfullmäktige", "kommunstyrelsen", "trygghetsutskott*", "municipal council", "city council",
    "executive board", "municipal executive", "appropriat*", "anslog", "avsatte",
)


# "hur många dagar är det kvar?": the period, counted from today.
DAYS_LEFT = Cue.of(
    "dagar kvar", "days left", "hur länge kvar", "tid kvar", "time left", "hur lång tid har", "how long do i have",
    "hinner jag", "är det öppet", "is it open", "öppen nu", "open now", "dagar är det kvar", "dagar återstår",
    "dagar har jag", "dagar har vi", "days until", "days remain", "days are left", "är det kvar", "återstår det",
)
# "kan jag nominera nu?": the period as of today, not who may be nominated.
NOMINATE_NOW = Cue.of(
    "nu", "just nu", "now", "right now", "fortfarande", "still", "för sent", "too late", "öppen", "öppet", "open",
    "stängd", "stängt", "closed", "i dag", "idag", "today",
)
# A count of nominations: the documents give none.
NOMINATION_COUNT = Cue.of(
    "hur många nomineringar", "hur många nominerade", "antal nomineringar", "antalet nomineringar",
    "how many nominations", "number of nominations", "hur många har nominerats", "hur många nominerades",
    "hur många kom in", "how many were nominated",
)
# "vilken kommun gäller trygghetspaketet?": the package's document names no municipality.
MUNICIPALITY = Cue.of(
    "kommun", "kommunen", "kommuner", "vilken stad", "municipality", "which city", "which town", "what city",
)
# "vilka sitter i juryn?": the members, whom the document does not name.
JURY_MEMBERS = Cue.of(
    "vilka satt", "vem satt", "who sat", "sat on", "who was on", "who were on", "who served", "vilka var med",
    "vilka sitter", "vilka är med", "vilka ingår", "vem sitter", "who is on", "who are on", "who sits", "members",
    "medlemmarna", "ledamöter", "ledamöterna", "namnen på", "vad heter", "heter", "namn", "names", "named",
)
# A cost per hour, person or month: the documents give only each line's total.
PER_UNIT = Cue.of(
    "per timme", "i timmen", "timpris", "timkostnad", "timlön", "lön", "lönen", "löner", "per hour", "hourly",
    "salary", "wage", "per person", "per styck", "styckpris", "per dag", "per månad", "per vecka", "per day",
    "per month", "per week", "per trygghetsvärd", "i månaden", "i veckan", "om dagen", "a month", "an hour",
    "tjänar", "earn", "earns", "rate",
)
# "hur många trygghetsvärdar finns det?": a head count, which the documents do not give.
HEAD_COUNT = Cue.of("hur många", "how many", "antal", "antalet", "number of")
# Who signed a document ("vem har skrivit under?"); titles themselves come from the data.
SIGNED = Cue.of(
    "skrev under", "skrivit under", "undertecknat", "undertecknade", "signerat", "signed", "who wrote",
    "vem har skrivit", "vem skrev", "författare", "author",
)



# --- what a document says about itself --------------------------------------
DOCUMENT_WORDS = Cue.of(
    "tjänsteskrivelse*", "ärende*", "*ärendet", "dokument*", "skrivelse*", "handling*", "document*", "case", "memo",
    "report", "paper", "beslutsunderlag*",
)
REGISTRATION_NUMBER = Cue.of(
    "diarienummer*", "diarienr", "dnr", "registration number", "reference number", "case number", "ärendenummer*",
    "registreringsnummer*", "file number", "record number",
)
DOCUMENT_DATE = Cue.of(
    "datum", "datumet", "daterad*", "dated", "date", "när skrevs", "när skrev", "when was", "när är", "vilken dag",
    "what day",
)
PREPARED_BY = Cue.of(
    "vilket kontor", "vilken förvaltning", "vilken avdelning", "vilken enhet", "vilken stab", "which office",
    "which department", "which unit", "which administration", "what office", "what department", "tagit fram",
    "tog fram", "beredde", "berett", "beretts", "prepared", "drew up", "drawn up", "wrote", "written", "skrivit",
    "skrev", "författat", "upprättat",
)
APPROVED = Cue.of(
    "godkänd*", "godkänt*", "godkände", "attester*", "approved", "approval", "digitalt", "digitally", "signed off",
)
HANDLED = Cue.of(
    "behandlades", "behandlats", "behandlat", "förvaltningsgrupp*", "beredning*", "handled", "considered",
    "discussed", "management group", "rådet för funktionshinderfrågor", "funktionshinder*", "disability council",
)
ATTACHMENT = Cue.of("bilag*", "attachment*", "appendix", "appendices", "enclosure*", "annex*", "attached")
PROPOSED_DECISION = Cue.of(
    "förslag till beslut", "förslaget till beslut", "vad föreslår", "föreslår att", "ska besluta", "besluta om",
    "beslutspunkt*", "beslutsförslag*", "asked to decide", "proposed decision", "decision proposed", "decide on",
    "decide about", "to decide", "vad ska nämnden", "vad ska kommunstyrelsen", "vad ska socialnämnden",
)
OFFICE = Cue.of(
    "vilket kontor", "vilken förvaltning", "vilken avdelning", "vilken enhet", "vilken stab", "which office",
    "which department", "which unit", "which administration", "what office", "what department",
)
# A cost the documents do not give (the jury's work, arranging the conference): not a line, not the prize sum.
COST = Cue.of(
    "kostar", "kostade", "kostnad*", "kosta", "cost", "costs", "costing", "expense*", "utgift*", "arvode*",
)
# Someone else paying ("hur mycket betalar fastighetsägarna?"): the documents give the municipality's money only.
PAYS = Cue.of(
    "betalar", "betalade", "betala", "bidrar", "bidrog", "finansierar", "finansierade", "medfinansier*", "pay",
    "pays", "paid", "contribute*", "co-fund*", "funds",
)
ORGANISATIONS = Cue.of(
    "vilka organisationer", "vilka föreningar", "vilka aktörer", "vilka verksamheter", "vilka myndigheter",
    "which organisations", "which organizations", "what organisations", "what organizations", "which partners",
    "which actors", "who is part of", "who are part of", "vilka ingår", "vilka är med", "vilka deltar",
)
ALL_CUES: tuple[Cue, ...] = tuple(value for value in list(globals().values()) if isinstance(value, Cue))
