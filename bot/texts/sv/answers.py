TEXTS: dict[str, str] = {
    # formatting
    "fmt.months": "januari,februari,mars,april,maj,juni,juli,augusti,september,oktober,november,december",
    "fmt.date": "{day} {month} {year}",
    "fmt.and": " och ",
    "fmt.or": " eller ",
    "fmt.quote": "”{text}”",
    "fmt.decimal_point": ",",
    "fmt.days.one": "1 dag",
    "fmt.days.many": "{count} dagar",
    "column.forslag": "förslag {year}",
    "column.utfall": "utfall {year}",
    "column.budget": "budget {year}",
    # sources
    "source.one": "Källa: {parts}.",
    "source.many": "Källor: {parts}.",
    "source.part": "{title}, {sections}",
    "source.about": "Källor: {documents}.",
    "source.none": "Källa: inget svar i mina källor ({documents}).",
    # the prize
    "prize.winner_of_year": "Trygghetspriset {year} gick till {winner} (tema: ”{theme}”).",
    "prize.winner_description": "Det är {description}.",
    "prize.winner_not_decided": (
        "Vinnaren {year} framgår inte av mina dokument, så det kan jag inte svara på. "
        "Jag har uppgifter om vinnarna {first}–{last}."
    ),
    "prize.other_contest": (
        "Det kan jag tyvärr inte svara på: jag känner bara till Trygghetspriset, inte andra tävlingar eller priser. "
        "Fråga gärna till exempel ”vem vann Trygghetspriset {year}?”."
    ),
    "prize.no_description": "Mer än namnet, året och temat säger mina dokument inte om {winner}.",
    "check.yes": "Ja, det stämmer.",
    "check.no": "Nej, det stämmer inte.",
    "prize.check_other_year": "Nej – {winner} vann {winner_year}, inte {year}.",
    "prize.winner_unknown": (
        "Jag har ingen uppgift om någon vinnare {year} – det framgår inte av mina dokument. "
        "Jag kan svara om vinnarna {first}–{last}."
    ),
    "prize.year_of_winner": "{winner} vann Trygghetspriset {year} (tema: ”{theme}”).",
    "prize.winner_item": "{year}: {winner}",
    "prize.winners_list": "Trygghetspriset har gått till {count} vinnare {first}–{last}: {items}.",
    "prize.round_theme": "Temat för Trygghetspriset {year} är ”{theme}”: priset ska gå till {focus}.",
    "prize.theme_of_year": "Temat {year} var ”{theme}”. Vinnare: {winner}.",
    "prize.theme_unknown": (
        "Jag har ingen uppgift om temat {year} – det framgår inte av mina dokument. "
        "Jag känner till teman för {first}–{last}."
    ),
    "prize.year_of_theme": "Temat ”{theme}” var {year} års tema. Vinnare det året: {winner}.",
    "prize.year_of_round_theme": "Temat ”{theme}” gäller Trygghetspriset {year}.",
    "prize.theme_item": "{year}: ”{theme}”",
    "prize.themes_list": "Trygghetsprisets teman: {items}.",
    "prize.mandatory_criteria": "De nominerade ska uppfylla {count} obligatoriska kriterier: {items}.",
    "prize.assessment_criteria": (
        "Vid bedömningen tas även hänsyn till om {items}. Dessa bedömningskriterier är inte krav."
    ),
    "prize.round_unknown": "Jag har ingen nomineringsperiod för {year}; mina uppgifter gäller {known}.",
    "prize.nomination_period": (
        "Nomineringsperioden för Trygghetspriset {year} är {opens} till {closes} (båda dagarna inräknade). "
        "Temat är ”{theme}”."
    ),
    "prize.conference_date": "Priset delas ut vid trygghetskonferensen {date}.",
    "prize.period_open_today": "Perioden är öppen i dag; {days_left} dagar kvar (till och med {closes}).",
    "prize.period_open_last_day": "Perioden är öppen i dag, som är sista dagen.",
    "prize.period_not_yet_open_today": "Perioden har inte öppnat än: den öppnar {opens}, om {days}. Då kan du nominera.",
    "prize.period_closed_today": "Perioden stängde {closes}, så just nu går det inte att nominera.",
    "prize.nomination_count_unknown": "Hur många nomineringar som kommit in framgår inte av mina dokument, för något år.",
    "prize.jury_size_unknown": "Hur många jurymedlemmar det är framgår inte av dokumentet.",
    "prize.jury_pay_unknown": "Vad juryns ordförande eller ledamöter får i lön eller ersättning framgår inte av dokumentet.",
    "prize.other_body_chair_unknown": "Vem som är ordförande eller ledamot i det organet framgår inte av dokumenten; de nämner bara juryns ordförande.",
    "prize.jury_members_unknown": "Vilka som sitter i juryn framgår inte av dokumentet; det nämner bara ordföranden.",
    "prize.times_won": "Enligt dokumentet {times}: {years}.",
    "prize.times_once": "en gång",
    "prize.times_many": "{count} gånger",
    "doc.dated": "{document} är daterat {dated} och kommer från {issuer}.",
    "doc.registration_number": "{document} har diarienummer {number}.",
    "doc.no_registration_number": "Det framgår inte av dokumenten vilket diarienummer {document} har.",
    "doc.attachments": "Till {document} hör: {items}.",
    "doc.case_documents": "Handlingar i ärendet om {document}: {items}.",
    "doc.no_case_documents": "Vilka handlingar som finns i ärendet om {document} framgår inte av dokumenten.",
    "doc.no_attachments": "Det framgår inte av dokumenten att {document} har någon bilaga.",
    "doc.approval": "{name}, {title}, godkände {document} digitalt {on} ({iso}).",
    "doc.no_approvals": "Det framgår inte av dokumenten vem som godkände {document} eller när.",
    "doc.not_handled": "Det framgår inte av dokumenten var eller när {document} behandlades före beslutet.",
    "doc.quote": "{document} säger: ”{text}”",
    "doc.issuer": "{document} kommer från {issuer}.",
    "doc.no_proposal": "Det framgår inte av dokumenten vilket beslut {document} föreslår.",
    "doc.proposal": "Förslaget till beslut i {document}: {items}",
    "budget.partner_payment_unknown": "Det framgår inte av dokumenten vad {partner} betalar eller bidrar med till {line}; de anger bara trygghetspaketets medel.",
    "general.latest_covered": "Dokumenten sträcker sig till {year}, så svaret gäller {year}:",
    "general.cost_unknown": "Det framgår inte av dokumenten vad det kostar; de anger bara trygghetspaketets belopp och prissumman.",
    "budget.unknown_subject": "Det framgår inte av dokumenten vad {subject} fick; {subject} har ingen egen rad i budgettabellen.",
    "budget.lines_are": "Tabellens poster är {lines}.",
    "doc.allocation": "Fördelningen i tabellen ({column}): {items}.",
    "doc.signatory": "{name} är {title}, {unit}, och har undertecknat {document} ({dated}).",
    "doc.new_signatory": "{document} undertecknas av {names}, som inte fanns bland undertecknarna av {older} där {name} stod med.",
    "doc.no_new_signatory": "{document} har inga nya undertecknare i stället för {name}.",
    "doc.no_signatory": "Jag hittar ingen sådan underskrift i mina dokument.",
    "budget.no_unit_cost": (
        "Någon kostnad eller lön per timme, person eller månad framgår inte av dokumentet; det anger bara hela "
        "beloppet för varje post."
    ),
    "budget.no_head_count": (
        "Hur många personer som arbetar inom posten framgår inte av dokumentet; det anger bara hela beloppet."
    ),
    "budget.no_such_column": "{missing} framgår inte av dokumentet; för {year} anger det bara {available}.",
    "budget.line_minus": "{first_line} − {second_line} i {column}: {first} − {second} = {result}.",
    "budget.line_more": "{first_line} har {delta} mer än {second_line} i {column}.",
    "budget.line_less": "{first_line} har {delta} mindre än {second_line} i {column}.",
    "budget.lines_equal": "{first_line} och {second_line} har lika mycket i {column}, {amount}.",
    "budget.premise_wrong": "{first_line} har inte {asked} än {second_line} i {column}, utan {delta} {actual}.",
    "budget.word_more": "mer",
    "budget.word_less": "mindre",
    "budget.excluded": "{lines} är då inte medräknat.",
    "budget.total_percent_change": "Summan går från {before} till {after}: {delta}, det vill säga {percent} %.",
    "budget.least_removed": "{lines} får {amount} i {column}, men ingår inte längre i paketet: {note}",
    "budget.least_funded": "Minst av posterna som får pengar i {column}: {lines} med {amount}.",
    "budget.no_municipality": "Dokumentet om Trygghetspaketet nämner ingen kommun vid namn.",
    "prize.how_to_nominate": "Skriv ”nominera” så hjälper jag dig att nominera.",
    "prize.jury": (
        "Beslutande för Trygghetspriset är en jury. Ordförande är {chair}, som utser jurymedlemmar "
        "med uppdrag under {term} år. Juryns uppdrag är {task}."
    ),
    "prize.summary": "{name} delas ut årligen för att uppmärksamma trygghetsskapande arbete.",
    "prize.amount_in_year": "Enligt beslutet {year} är prissumman för {name} {amount}.",
    "prize.amount_unknown_year": "Prissumman {years} framgår inte av mina dokument.",
    "prize.money_use_unknown": "Vad vinnaren får använda prispengarna till framgår inte av dokumenten.",
    "prize.amount_rose": "Prissumman höjdes från {before} ({first}) till {after} ({last}), alltså {delta} mer.",
    "prize.amount_fell": "Prissumman sänktes från {before} ({first}) till {after} ({last}), alltså {delta} mindre.",
    "prize.amount": "Prissumman för {name} är {amount}.",
    "prize.first_awarded": "Det första Trygghetspriset delades ut {year}. {decision}",
    "prize.awarded_at": "Priset delas ut i {months} på socialförvaltningens trygghetskonferens.",
    "prize.conference_unknown": "Datumet för trygghetskonferensen {year} framgår inte av mina dokument.",
    "prize.awarded_until": "Priset delas ut årligen fram till {year}. {decision}",
    "prize.decision": "{year}: {text}",
    "prize.eligible": "Dokumentet säger: ”{text}”",
    "prize.eligible_nothing_more": "Mer än så säger dokumentet inte om vem som får nominera eller nomineras.",
    "prize.purpose": "Syftet med {name} är {purpose}.",
    # the safety package
    "budget.table": "budgettabellen",
    "budget.year_unknown": (
        "Jag har inga uppgifter om {what} för {years} – det framgår inte av mina dokument. "
        "Tabellen i Trygghetspaketet har bara kolumnerna {columns}."
    ),
    "budget.figure": "{amount} ({column})",
    "budget.figure_missing": "ingen uppgift ({column})",
    "budget.not_in_table": "ingen uppgift",
    "budget.no_own_line": "{line} har ingen egen post i budgettabellen för {columns}, så något eget belopp framgår inte.",
    "budget.outcome_unknown_year": "Utfallet för {years} framgår inte av dokumenten; tabellen har inget utfall för det året. Bakgrunden anger bara anslaget:",
    "budget.own_line_in": "En egen post finns med {figures}.",
    "budget.no_outcome_reason": "Mina dokument förklarar inte varför utfallet skiljer sig från budgeten det året.",
    "budget.in_one_table": "Bara i en av tabellerna ({before}, {after}): {items}.",
    "budget.percent_change": "Det är cirka {percent} % jämfört med {before_column}.",
    "budget.against_budget": "Utfallet mot budgeten ({outcome} mot {planned}): under budget: {under}. Över budget: {over}. Som budgeterat: {matched}.",
    "budget.line_count": "Tabellen har {count} poster ({columns}).",
    "budget.outcome_gap": "Skillnaden: {planned} − {outcome} = {gap}.",
    "budget.share_of_rest": "Utan {gone}: {total} − {removed} = {rest} ({column}); {line} får {amount} av det, cirka {percent} %.",
    "budget.sum_change": "Från {before_column} till {after_column}: {after} − {before}, {direction} {delta}.",
    "budget.average": "Genomsnittet: ({terms}) / {count} = {mean}.",
    "budget.rank": "{line} ligger på plats {place} av {count} poster i {column}: {amount}.",
    "budget.rank_ahead": "Före ligger {lines}.",
    "budget.total_under_budget": "Totalt {spent} ({outcome}) mot {meant} ({planned}): {meant} − {spent} = {delta} under budget.",
    "budget.total_over_budget": "Totalt {spent} ({outcome}) mot {meant} ({planned}): {spent} − {meant} = {delta} över budget.",
    "budget.total_as_budgeted": "Totalt {spent} ({outcome}), som budgeterat ({planned}).",
    "budget.why_below": "Dokumentets förklaring: {reason}",
    "budget.why_below_year": "Dokumentets förklaring för {year}: {reason}",
    "budget.no_area_split": "Hur beloppet fördelas på {area} framgår inte av dokumentet; det anger bara hela beloppet för posten.",
    "budget.unknown_place": "{place} nämns inte i mina dokument, så om det kan jag inte säga något. Det dokumentet anger är:",
    "budget.line_sum": "{line} sammanlagt: {amount}.",
    "budget.line_amount": "{line} {amount}",
    "budget.line_figures": "{line}: {figures}.",
    "budget.note": "{note}",
    "budget.stated_change": "Det är en utökning med {delta} jämfört med {column}: {reason}",
    "budget.line_below_budget": "Utfallet blev {diff} lägre än budgeterat.",
    "budget.line_description": "{line}: {description}",
    "budget.no_expansion": "{line} är ingen förkortning i mina dokument.",
    "budget.expansion": "{line} står för {expansion}.",
    "budget.no_activities": "Mina dokument ger inga exempel på aktiviteter för {line}. Det som står är: {description}",
    "budget.activities": "Exempel på aktiviteter inom {line}: {items}. {description}",
    "budget.no_partners": "Det framgår inte av dokumenten vilka organisationer som deltar i eller samverkar inom {line}.",
    "budget.partners": "{line} sker i samverkan med {items}.",
    "budget.line_areas": "{description}",
    "budget.change_reason": "{line} utökas med {delta}: {reason}",
    "budget.change": (
        "{line} utökas med {delta}, från {before} ({before_column}) till {after} ({after_column}). {reason}"
    ),
    "budget.difference": "{line}: {before} ({before_column}) mot {after} ({after_column}), {direction} {delta}.",
    "budget.up": "en ökning med",
    "budget.down": "en minskning med",
    "budget.same": "oförändrat,",
    "budget.totals": "{name} totalt: {figures}.",
    "budget.discrepancy": (
        "Observera: raderna för {column} summerar till {computed}, vilket inte stämmer med dokumentets SUMMA, {stated}. "
        "Jag återger dokumentets siffra."
    ),
    "budget.history_unknown": "Jag har inga uppgifter om trygghetspaketet för {years} – det framgår inte av mina dokument.",
    "budget.history_entry": "{text}",
    "budget.outcome_reason": (
        "Utfallet ({outcome}: {outcome_total}) blev lägre än budget ({planned}: {planned_total}) eftersom: {reason}"
    ),
    "budget.state_grant_change": "Per invånare: {before_per} ({before_year}) och {after_per} ({after_year}); totalt cirka {before_total} och {after_total}.",
    "budget.state_grant_no_law": (
        "Kommunen får årligen generella statliga bidrag för det brottsförebyggande arbetet med {per_inhabitant} "
        "per invånare, totalt cirka {total} för {year}."
    ),
    "budget.state_grant": (
        "Kommunen får årligen generella statliga bidrag för det brottsförebyggande arbetet med {per_inhabitant} "
        "per invånare, totalt cirka {total} för {year}, enligt {law} ({sfs})."
    ),
    "budget.areas_change": "Medlen till {line} föreslås utökas med {delta} under {year}.",
    "budget.areas_change_down": "Medlen till {line} föreslås minskas med {delta} under {year}.",
    "budget.left_package": "Vad {line} kostar per år nu framgår inte av dokumenten: posten har inget belopp i trygghetspaketet för {column}.",
    "budget.unbudgeted": "Ett eget belopp för det framgår inte av dokumenten; det finns ingen egen budgetpost för det i tabellen. {text}",
    "budget.children": "{text}",
    "budget.activity": (
        "Ett eget belopp för {activity} framgår inte av dokumenten; det har ingen egen budgetpost utan nämns som "
        "exempel inom {line}: {figures}."
    ),
    "budget.decided_by": "{text}",
    "budget.second_most": "Näst mest i {column}: {lines} med {amount}.",
    "budget.second_least": "Näst minst i {column}: {lines} med {amount}.",
    "budget.most": "Mest i {column}: {lines} med {amount}.",
    "budget.least": "Minst i {column}: {lines} med {amount}.",
    "budget.sum_of_lines": "{lines} får tillsammans {amount} ({column}).",
    "budget.share_together": "Tillsammans får {lines} {amount} av {total} i {column}, det vill säga cirka {percent} %.",
    "budget.percent_under": "{subject}: {outcome} ({outcome_column}) mot {planned} ({planned_column}): {planned} − {outcome} = {diff}, det vill säga {percent} % under budget ({used} % av budgeten användes).",
    "budget.percent_over": "{subject}: {outcome} ({outcome_column}) mot {planned} ({planned_column}): {outcome} − {planned} = {diff}, det vill säga {percent} % över budget ({used} % av budgeten användes).",
    "budget.share": "{line} får {amount} av {total} i {column}, det vill säga cirka {percent} %.",
    "budget.delta_item": "{line} ({delta})",
    "budget.none": "inga",
    "budget.largest_change": "Det är den post som {direction} {extent} från {before} till {after}.",
    "budget.largest_change_many": "Det är de poster som {direction} {extent} från {before} till {after}.",
    "budget.no_change_direction": "Ingen budgetpost {direction} från {before} till {after}.",
    "budget.rose": "ökade",
    "budget.fell": "minskade",
    "budget.most_word": "mest",
    "budget.least_word": "minst",
    "budget.changes": "Från {before} till {after} ökade: {rose}. Minskade: {fell}. Oförändrade: {same}.",
    "budget.total_difference": "Summan går från {before} till {after}, {direction} {delta}.",
    "budget.line_in_column": "{line} ({column})",
    "budget.total_in_column": "summan för {column}",
    "budget.lines_with_amount": "{amount} har: {items}.",
    "budget.no_line_with_amount": "Ingen budgetpost har {amount} i de kolumner du frågade om.",
    # general
    "general.help": (
        "Jag svarar på frågor om Trygghetspriset (vinnare, teman, kriterier, nominering, jury, prissumma) "
        "och om Trygghetspaketet (budgetposter, summor, historik, statsbidrag, områden). "
        "Prova till exempel ”vem vann 2019?”, ”vad fick trygghetsvärdar 2025?” eller ”när kan man nominera?”. "
        "Skriv ”nominera” för att nominera till Trygghetspriset."
    ),
    "general.year_only": "Vad vill du veta om {year}? Fråga till exempel {examples}.",
    "general.example_winner": "”vem vann {year}?”",
    "general.example_theme": "”vad var temat {year}?”",
    "general.example_budget": "”vad fick trygghetsvärdar {year}?”",
    "general.year_unknown": "Om {year} har jag inga uppgifter – det framgår inte av mina dokument.",
    "general.type_not_stated.date": "Det framgår inte av dokumenten när det sker eller skedde.",
    "general.type_not_stated.organisation": "Det framgår inte av dokumenten vem eller vilken organisation det gäller.",
    "general.type_not_stated.place": "Det framgår inte av dokumenten var det sker.",
    "general.type_not_stated.count": "Det framgår inte av dokumenten hur många det är.",
    "general.yes_no_not_stated": "Något om ”{subject}” framgår inte av dokumenten, så det kan jag inte svara ja eller nej på.",
    "general.type_not_stated.nominator": "Det framgår inte av dokumenten vem som nominerade eller vem som får nominera.",
    "general.type_not_stated.contact": "Det framgår inte av dokumenten någon e-postadress, något telefonnummer eller någon adress.",
    "general.type_not_stated.split": "Det framgår inte av dokumenten hur prissumman delades mellan vinnarna.",
    "general.type_not_stated.named": "Det framgår inte av dokumenten vilka det är; de nämner dem bara som grupp.",
    "general.type_not_stated.name": "Det framgår inte av dokumenten vad personen eller organisationen heter; de anger bara titeln eller rollen.",
    "general.type_not_stated.reason": "Varför framgår inte av dokumenten; de säger bara vad som görs.",
    "general.passage": "Så här står det i dokumentet: ”{text}”",
    "prize.scenario_solo": (
        "Nej, inte enligt kriterierna. Ett obligatoriskt kriterium är att ”{criterion}”, så en insats som en "
        "organisation gjort helt på egen hand uppfyller det inte."
    ),
    "prize.scenario_ordinary": (
        "Nej, inte enligt kriterierna. Ett obligatoriskt kriterium är att ”{criterion}”, så ordinarie "
        "verksamhet räcker inte."
    ),
    "prize.after_close": "Efter perioden säger dokumentet: {text}",
    "general.out_of_scope": (
        "Det kan jag tyvärr inte svara på – det framgår inte av mina dokument. Jag svarar bara på frågor om "
        "Trygghetspriset (vinnare, teman, kriterier, nominering, jury) och Trygghetspaketet (budgetposter, "
        "summor, historik, statsbidrag)."
    ),
}
