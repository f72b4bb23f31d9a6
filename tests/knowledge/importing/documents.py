"""Decision documents written by the tests in the layout of the shipped ones (PDF text, broken table)."""

from __future__ import annotations


def budget_decision(
    year: int,
    rows: list[tuple[str, str, str, str]],
    summa: tuple[str, str, str],
    *,
    total_text: str,
    dated: str,
) -> str:
    """A Trygghetspaketet decision for ``year``: rows are (name, proposal, outcome, budget) cells as written."""
    previous = year - 1
    table = "\n".join(f"{name} {a} {b} {c} " for name, a, b, c in rows)
    return f""" Trygghetspaketet {year} 

Förslag till beslut 
Kommunstyrelsens trygghetsutskott föreslår att kommunstyrelsen fattar följande beslut.  

Kommunstyrelsen beslutar i enlighet med trygghetsutskottets förslag om fördelning av 
medel för {year} års trygghetspaket enligt tabellen nedan. 

Sammanfattning av ärendet 
Kommunfullmäktige har beslutat att avsätta totalt {total_text} för {year} till trygghetspaketet.  

Ärendet 

Bakgrund 
I mål och budget för 2018–2020 fattade kommunfullmäktige beslut om att anslå fem 
miljoner kronor i ett särskilt trygghetspaket. 2019 utökades trygghetspaketets anslag till 6 mkr och har sedan dess 
legat kvar på denna nivå. De 
återstående 5 mkr har använts till bland annat trygghetsvärdar, stöd till skolvärdarna, 
SSPF samt annan brottsförebyggande verksamhet. 

Trygghetspaketet {year} 
Kommunstyrelsen har beslutat om {total_text} för {year} års trygghetspaket. 
 
Nattvandring i Orminge och Fisksätra ges en egen post från och med {year}, för 
vuxna som rör sig ute på kvällar och helger. 
 
Anledningen till att utfallet för {previous} understiger budgeterat belopp är att 
färre insatser behövdes under hösten. En 
buffert behöver finnas även framöver. 

Förslag till fördelning av trygghetspaketets {total_text} för {year} 
 
Trygghetspaketet Förslag 

{year} 
Utfall 
{previous} Budget {previous} 

{table}

SUMMA {summa[0]} {summa[1]} 
{summa[2]} 
 Ekonomiska konsekvenser 
Den föreslagna fördelningen ligger i linje med beslutad 
budget. Inom lagen för kommuners ansvar för brottsförebyggande arbete (2023:196) får 
kommunen årligen generella statliga bidrag för det brottförebyggande arbetet med 25 kr 
per invånare, totalt cirka 2,7 mkr för {previous}, som är menat att användas för detta syfte. 
 

Konsekvenser för barn 
Aktiviteterna inom trygghetspaketet har stort fokus på barn och unga. 
 

Handlingar i ärendet 
Tjänsteskrivelse daterad den {dated} 
 

Henrik Ahl 
Stabs- och säkerhetsdirektör 
Stadsledningskontoret 
"""


def prize_direction(
    year: int, *, theme: str, amount: str, opens: str, closes: str, conference: str, winner: str
) -> str:
    """A Trygghetspriset direction for ``year``, whose winners list starts with last year's ``winner``."""
    last = year - 1
    return f""" Trygghetspriset {year} 

Tema: {theme} 
 

Förvaltningens förslag till beslut 
1. Socialnämnden godkänner inriktningen för trygghetspriset 

{year}. 

Sammanfattning 
Trygghetspriset har delats ut årligen sedan 2012 i syfte att stimulera 
verksamheter som bidrar till en ökad trygghet i staden. Priset delas 
ut i samband med socialnämndens trygghetskonferens. Prissumman 
är {amount} kronor.  

Bakgrund 
2012 instiftades ett trygghetspris av kommunstyrelsen på förslag av 
socialnämnden. Den 18 oktober {last} 
beslutade kommunstyrelsen att priset ska fortsätta att delas ut 
årligen fram till {year + 2}. 

Syftet med priset är att stimulera verksamheter och organisationer 
att verka för en ökad trygghet i staden. Verksamheter eller organisationer som är värda att 
uppmärksammas för ett framgångsrikt trygghetsskapande arbete kan 
 nomineras till trygghetspriset.  Prisutdelning sker årligen i oktober 
eller november månad på en trygghetskonferens. 

Beslutande för trygghetspriset är en jury. Socialborgarrådet är 
ordförande i juryn, och utser jurymedlemmar som innehar 
uppdraget under ett år. Juryns uppdrag är att utse en vinnare. 

Det första trygghetspriset delades ut år 2012. Tidigare års vinnare 
och teman är: 

 {last}:”stärkt samverkan för ökad trygghet”  
{winner} 

 2022:”socialtjänstens brottsförebyggande arbete”  
IGOR, ett samverkansprojekt mellan Polisen och 
Södermalms stadsdelsförvaltning 

Ärendet 
De verksamheter som nomineras till stadens trygghetspris ska 
uppfylla följande två kriterier:  

\uf0b7 insatsen ska ske i samverkan mellan flera verksamheter/ 
organisationer  

\uf0b7 insatsen är utvecklande och innehåller ett mervärde utöver 
ordinarie verksamhet  

 
Vid bedömning av de inkomna nomineringarna tas även hänsyn till 
om följande kriterier uppfylls:  

\uf0b7 insatsen är innovativ och nyskapande  
\uf0b7 insatsen kan inspirera andra verksamheter/organisationer  
\uf0b7 insatsen visar goda resultat  

Nomineringsperioden är {opens} till {closes} {year}. Därefter 
färdigställs underlaget för bedömning och juryn fattar beslut om 
vinnare. Priset delas ut vid trygghetskonferensen, som i år kommer 
att hållas den {conference}.  

Förvaltningens synpunkter och förslag 
Utifrån det som beskrivits i ärendet föreslår socialförvaltningen att 
{year} års trygghetspris ska tilldelas verksamheter som förebygger 
brott i samverkan. 

Namn Datum
Veronica Wolgast Carstorp, Socialdirektör {year}-04-20
"""


ROWS_2026 = [
    ("Trygghetsvärdar", "2,2 mkr", "1,9 mkr", "2 mkr"),
    ("SSPF", "0", "0", "0"),
    ("Stöd till lokala arbetsgrupper", "0,6 mkr", "0,7 mkr", "0,7 mkr"),
    ("Insatser i samverkan med lokala aktörer", "0,5 mkr", "0,6 mkr", "0,7 mkr"),
    ("Övriga insatser", "0,1 mkr", "0,1 mkr", "0,1 mkr"),
    ("Nattvandring", "0,4 mkr", "–", "–"),
]


def budget_2026(summa: tuple[str, str, str] = ("3,8 mkr", "3,3 mkr", "3,5 mkr")) -> str:
    return budget_decision(2026, ROWS_2026, summa, total_text="3,8 mkr", dated="3 februari 2026")


def prize_2024() -> str:
    return prize_direction(
        2024,
        theme="Trygga mötesplatser för unga",
        amount="60 000",
        opens="15 maj",
        closes="31 augusti",
        conference="24 oktober",
        winner="Föreningen Trygga Gatan i Rinkeby",
    )
