"""Decision documents written by the tests, in the seeds' layout (text as it comes out of a PDF).

Paragraphs are wrapped at a fixed width with a trailing space, headings stand on their own
line, the table's header is broken across lines and the SUMMA row wraps its last cell, as in
tests/knowledge/fixtures/*.txt. Every figure is a parameter so a test can check each one.
"""

from __future__ import annotations

import subprocess
import textwrap
from dataclasses import dataclass
from pathlib import Path

BULLET = "\uf0b7"  # the private-use bullet Word's PDFs use for list items


class Writer:
    """Lines as a PDF's text comes out: paragraphs wrapped at ``width``, each line with a trailing space."""

    def __init__(self, width: int = 88) -> None:
        self.width = width
        self.out: list[str] = []

    def line(self, text: str, end: str = " ") -> Writer:
        self.out.append(f"{text}{end}" if text else end)
        return self

    def lines(self, text: str) -> Writer:
        for line in text.split("\n"):
            self.line(line)
        return self

    def heading(self, text: str) -> Writer:
        return self.line(text)

    def blank(self) -> Writer:
        self.out.append("")
        return self

    def para(self, text: str, width: int | None = None) -> Writer:
        for line in textwrap.wrap(" ".join(text.split()), width or self.width):
            self.line(line)
        return self

    def text(self) -> str:
        return "\n".join(self.out) + "\n"


@dataclass(frozen=True)
class BudgetDecision:
    year: int = 2026
    total: str = "3,8 mkr"
    # name, then one cell per column ("–" for no figure); columns Förslag {year}, Utfall/Budget {year - 1}
    rows: tuple[tuple[str, str, str, str], ...] = (
        ("Trygghetsvärdar", "2,2 mkr", "1,9 mkr", "2 mkr"),
        ("Stöd till lokala arbetsgrupper", "0,6 mkr", "0,6 mkr", "0,7 mkr"),
        ("Insatser i samverkan med lokala aktörer", "0,6 mkr", "0,6 mkr", "0,7 mkr"),
        ("Nattvandring", "300 tkr", "–", "–"),
        ("Övriga insatser", "100 000 kr", "0,1 mkr", "0,1 mkr"),
    )
    summa: tuple[str, str, str] = ("3,8 mkr", "3,2 mkr", "3,5 mkr")
    decision: str = (
        "2,2 miljoner kronor kommer att fördelas till trygghetsvärdar, 600 000 kronor till stöd till lokala "
        "arbetsgrupper, 600 000 kronor till insatser i samverkan med lokala aktörer, 300 000 kronor till "
        "nattvandring och 100 000 kronor till övriga insatser."
    )
    increase: str = "200 tkr"
    pair_total: str = "1,2 mkr"
    per_inhabitant: int = 24
    grant_total: str = "2,6 mkr"
    grant_year: int = 2025
    # The law the grant is given under, as the document names it ("" for a document that names none).
    law: str = "lagen för kommuners ansvar för brottsförebyggande arbete (2023:196)"
    new_area: str = "Boo"  # the area the trygghetsvärdar's work is widened to this year
    outcome_reason: str = "färre akuta insatser behövdes än planerat, då läget varit lugnare än förväntat"
    dated: str = "28 januari 2026"
    table: str | None = None  # the whole table, to write a broken one
    extra_text: str = ""

    def text(self) -> str:
        y, p = self.year, self.year - 1
        w = Writer()
        w.line(f" Trygghetspaketet {y}").blank()
        w.heading("Förslag till beslut")
        w.line("Kommunstyrelsens trygghetsutskott föreslår att kommunstyrelsen fattar följande beslut.").blank()
        w.para(
            "Kommunstyrelsen beslutar i enlighet med trygghetsutskottets förslag om fördelning av medel "
            f"för {y} års trygghetspaket enligt följande."
        ).line("").para(self.decision).blank()
        w.heading("Sammanfattning av ärendet")
        w.para(f"Kommunfullmäktige har beslutat att avsätta totalt {self.total} för {y} till trygghetspaketet.").blank()
        w.para(
            "I förslaget till fördelning finns en utökad satsning på trygghetsvärdar att även verka i "
            f"{self.new_area}. "
            f"Fördelningen av medel till trygghetsvärdar föreslås därför att utökas med {self.increase} under {y}. "
            f"Totalt {self.pair_total} föreslås fördelas som stöd till lokala arbetsgrupper och till insatser för "
            "samverkan med lokala aktörer."
        ).blank()
        w.heading("Ärendet").blank().heading("Bakgrund")
        w.para(
            "I mål och budget för 2018–2020 fattade kommunfullmäktige beslut om att anslå fem miljoner kronor i "
            "ett särskilt trygghetspaket. Kommunstyrelsen fick avgöra hur pengarna skulle prioriteras. 2019 "
            "utökades trygghetspaketets anslag till 6 mkr och har sedan dess legat kvar på denna nivå, varav 1 mkr "
            "direkt har gått till socialnämnden för stöd till polarna och ungdomsverksamheten och följs därmed upp "
            "av socialnämnden. De återstående 5 mkr har använts till bland annat trygghetsvärdar, stöd till "
            "nattvandrarna, SSPF (skola, socialtjänst, polis och fritid) samt insatser i samverkan med lokala "
            "grupper samt annan brottsförebyggande verksamhet."
        )
        w.para(
            f"Bedömningen är att prioriteringarna av medlen har varit väl avvägda och prioriteringen för {p} blev "
            "ungefär densamma som tidigare år."
        ).blank()
        w.heading(f"Trygghetspaketet {y}")
        w.para(f"Kommunstyrelsen har beslutat om {self.total} för {y} års trygghetspaket.").line("")
        w.para(
            "Satsningen på trygghetsvärdar i Fisksätra och Orminge fortsätter i samverkan med fastighetsägare. "
            f"Under {y} föreslås insatsen med trygghetsvärdar att utökas även i {self.new_area}."
        ).line("")
        w.para(
            "Nattvandring får från i år en egen rad i fördelningen. Nattvandring sker i Orminge och Fisksätra i "
            "samverkan med lokala föreningar."
        ).line("")
        w.para(
            "Stöd till lokala arbetsgrupper består framför allt av administrativt stöd i samband med gruppernas "
            f"möten. Under punkten övriga insatser finns utrymme för tillkommande satsningar. {self.extra_text}"
        ).line("")
        w.para(
            f"Anledningen till att utfallet för {p} understiger budgeterat belopp är att {self.outcome_reason}. "
            "En buffert för oförutsedda händelser behöver finnas även framöver."
        ).blank()
        w.heading(f"Förslag till fördelning av trygghetspaketets {self.total} för {y}").line("")
        w.lines(self.table if self.table is not None else self._table())
        w.heading(" Ekonomiska konsekvenser")
        w.para(
            f"Den föreslagna fördelningen ligger i linje med beslutad budget. {self._under_law()} generella statliga "
            "bidrag för det "
            f"brottförebyggande arbetet med {self.per_inhabitant} kr per invånare, totalt cirka {self.grant_total} "
            f"för {self.grant_year}, som är menat att användas för detta syfte."
        ).line("").blank()
        w.heading("Konsekvenser för barn")
        w.para(
            "Aktiviteterna inom trygghetspaketet har stort fokus på barn och unga. Nattvandringen möter unga där "
            "de är på kvällarna."
        ).line("").blank()
        w.heading("Handlingar i ärendet").line(f"Tjänsteskrivelse daterad den {self.dated}").line("").blank()
        w.line("Henrik Ahl").line("Stabs- och säkerhetsdirektör").line("Stadsledningskontoret").blank()
        w.line("Jonas Raber").line("Säkerhetschef").line("Säkerhetsstaben")
        return w.text()

    def _under_law(self) -> str:
        return f"Inom {self.law} får kommunen årligen" if self.law else "Kommunen får årligen"

    def _table(self) -> str:
        y, p = self.year, self.year - 1
        rows = "\n".join(" ".join(row) for row in self.rows)
        first, second, third = self.summa
        return f"Trygghetspaketet Förslag\n\n{y}\nUtfall\n{p} Budget {p}\n\n{rows}\n\nSUMMA {first} {second}\n{third}"


@dataclass(frozen=True)
class PrizeDirection:
    year: int = 2024
    theme: str = "Trygghet i skolan och på fritiden"
    focus: str = "verksamheter som gör skolvägen och fritiden tryggare för barn och unga"
    prize_sum: str = "60 000 kronor"
    period: str = "15 maj till 15 augusti 2024"
    conference: str = "den 24 oktober"
    months: str = "oktober"
    decided: str = (
        "Den 18 oktober 2023 beslutade kommunstyrelsen att priset ska fortsätta att delas ut årligen fram till 2027."
    )
    term: str = "två år"
    mandatory: tuple[str, ...] = (
        "insatsen ska ske i samverkan mellan flera verksamheter/organisationer",
        "insatsen är utvecklande och innehåller ett mervärde utöver ordinarie verksamhet",
    )
    assessment: tuple[str, ...] = (
        "insatsen är innovativ och nyskapande",
        "insatsen är långsiktig och kan leva vidare efter prisåret",
    )
    # year, theme, winner (with a description after a comma, if any)
    winners: tuple[tuple[int, str, str], ...] = (
        (
            2023,
            "Stärkt samverkan för ökad trygghet",
            "Föreningen Trygga Gatan, ett samarbete mellan skolor och polisen i Rinkeby",
        ),
        (
            2022,
            "socialtjänstens brottsförebyggande arbete",
            "IGOR, ett samverkansprojekt mellan Polisen och Södermalms stadsdelsförvaltning",
        ),
        (2021, "missbruk, beroende och kriminalitet", "Föreningen Gatans lag FF"),
    )
    attested: tuple[str, ...] = ("2024-04-29", "2024-04-30")
    # What starts a criterion's line: "" when the PDF's bullet glyph was lost in the text extraction.
    bullet: str = f"{BULLET} "
    signers: tuple[tuple[str, str], ...] = (
        ("Veronica Wolgast Carstorp", "Socialdirektör"),
        ("Lina Blombergsson", "Avdelningschef"),
    )

    def text(self) -> str:
        y = self.year
        (name1, title1), (name2, title2) = self.signers
        w = Writer(width=66)
        w.line(f" Trygghetspriset {y}").blank().line(f"Tema: {self.theme}").line("").blank()
        w.heading("Förvaltningens förslag till beslut")
        w.line(f"1. Socialnämnden godkänner inriktningen för trygghetspriset {y}.").blank()
        w.line("2. Beslutet justeras omedelbart.").blank()
        w.heading("Sammanfattning")
        w.para(
            "Trygghetspriset har delats ut årligen sedan 2012 i syfte att stimulera verksamheter som bidrar till "
            "en ökad trygghet i staden. Priset delas ut i samband med socialnämndens trygghetskonferens. "
            f"Prissumman är {self.prize_sum}."
        ).blank()
        w.para(f"Utifrån detta föreslår socialförvaltningen att {y} års trygghetspris ska tilldelas {self.focus}.")
        w.blank().heading("Bakgrund")
        w.para(
            "2012 instiftades ett trygghetspris av kommunstyrelsen på förslag av socialnämnden. "
            f"{self.decided} Prissumman är {self.prize_sum}."
        ).blank()
        w.para(
            "Syftet med priset är att stimulera verksamheter och organisationer att verka för en ökad trygghet i "
            "staden. Verksamheter eller organisationer som arbetar framgångsrikt för trygghet kan nomineras till "
            f"trygghetspriset. Prisutdelning sker årligen i {self.months} månad på en trygghetskonferens som "
            "anordnas av socialförvaltningen."
        ).blank()
        w.para(
            "Beslutande för trygghetspriset är en jury. Socialborgarrådet är ordförande i juryn, och utser "
            f"jurymedlemmar som innehar uppdraget under {self.term}. Juryns uppdrag är att utse en vinnare."
        ).blank()
        w.para("Det första trygghetspriset delades ut år 2012. Tidigare års vinnare och teman är:").blank()
        for year, theme, winner in self.winners:
            w.line(f" {BULLET} {year}: ”{theme}”").para(winner, 60).blank()
        w.blank().heading("Ärendet")
        w.para("De verksamheter som nomineras till stadens trygghetspris ska uppfylla följande två kriterier:")
        w.blank().lines("\n".join(f"{self.bullet}{c}" for c in self.mandatory)).blank()
        w.para("Vid bedömning av de inkomna nomineringarna tas även hänsyn till om följande kriterier uppfylls:")
        w.blank().lines("\n".join(f"{self.bullet}{c}" for c in self.assessment)).blank()
        w.para(
            f"Nomineringsperioden är {self.period}. Därefter färdigställs underlaget för bedömning och juryn fattar "
            "beslut om vinnare. Priset delas ut vid trygghetskonferensen, som i år kommer att hållas "
            f"{self.conference}."
        ).blank()
        w.heading("Förvaltningens synpunkter och förslag")
        w.para(f"Förvaltningen föreslår att socialnämnden godkänner inriktningen för trygghetspriset {y}.").blank()
        w.line("").line("")
        w.line(f"{name1}  {name2}").line(f"{title1}  {title2}").line("Socialförvaltningen  Socialförvaltningen")
        w.blank().blank().blank()
        w.line("Attesterat av", end="").line("Detta dokument har godkänts digitalt av följande personer:", end="")
        w.blank().line("Namn Datum", end="")
        w.line(f"{name1}, {title1} {self.attested[0]}", end="").line(f"{name2}, {title2} {self.attested[1]}", end="")
        return w.text()


AGENDA = """Dagordning

Kommunstyrelsens trygghetsutskott
Sammanträde den 3 februari 2026 kl. 14.00

1. Mötets öppnande
2. Val av justerare
3. Information om trygghetsarbetet i kommundelarna
4. Övriga frågor
5. Mötets avslutande
"""


def _unicode_font() -> Path | None:
    """A TrueType font with å, ä and ö: DejaVuSans where it usually is, else whatever fontconfig knows."""
    usual = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if usual.is_file():
        return usual
    try:
        listed = subprocess.run(["fc-list", ":lang=sv", "file"], capture_output=True, text=True, check=False).stdout
    except OSError:
        return None
    fonts = sorted(line.split(":")[0].strip() for line in listed.splitlines() if line.split(":")[0].endswith(".ttf"))
    return Path(fonts[0]) if fonts else None


# Without a TrueType font the PDF uses a core font, which only has Latin-1: these stand in.
_LATIN1 = str.maketrans({"”": '"', "“": '"', "–": "-", "—": "-", BULLET: "*", "•": "*"})


def write_pdf(text: str, path: Path) -> Path:
    """The text as a PDF, one text line per PDF line (the layout the seeds were extracted from)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    font = _unicode_font()
    if font is not None:
        pdf.add_font("Body", fname=str(font))
        pdf.set_font("Body", size=10)
        text = text.replace(BULLET, "•")  # the private-use bullet has no glyph in an ordinary font
    else:
        pdf.set_font("Helvetica", size=10)
        text = text.translate(_LATIN1)
    pdf.add_page()
    for line in text.replace("\t", " ").split("\n"):
        pdf.cell(0, 5, line.rstrip(), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path
