TEXTS: dict[str, str] = {
    # formatting
    "fmt.months": "January,February,March,April,May,June,July,August,September,October,November,December",
    "fmt.date": "{day} {month} {year}",
    "fmt.and": " and ",
    "fmt.or": " or ",
    "fmt.quote": "“{text}”",
    "fmt.decimal_point": ".",
    "fmt.days.one": "1 day",
    "fmt.days.many": "{count} days",
    "column.forslag": "proposal {year}",
    "column.utfall": "outcome {year}",
    "column.budget": "budget {year}",
    # sources
    "source.one": "Source: {parts}.",
    "source.many": "Sources: {parts}.",
    "source.part": "{title}, {sections}",
    "source.about": "Sources: {documents}.",
    "source.none": "Source: no answer in my sources ({documents}).",
    # the prize
    "prize.winner_of_year": "Trygghetspriset {year} went to {winner} (theme: “{theme}”).",
    "prize.winner_description": "The document describes it as {description}.",
    "prize.winner_not_decided": (
        "The {year} winner is not stated in my documents, so I cannot answer that. "
        "I know the winners {first}–{last}."
    ),
    "prize.other_contest": (
        "Sorry, I cannot answer that: I only know about Trygghetspriset, not other contests or prizes. "
        "Try for example “who won Trygghetspriset in {year}?”."
    ),
    "prize.no_description": "Nothing more about {winner} than its name, year and theme is stated in my documents.",
    "check.yes": "Yes, that is right.",
    "check.no": "No, that is not right.",
    "prize.check_other_year": "No – {winner} won in {winner_year}, not in {year}.",
    "prize.winner_unknown": (
        "A winner in {year} is not stated in the documents; I have no information about it. "
        "I can answer about the winners {first}–{last}."
    ),
    "prize.year_of_winner": "{winner} won Trygghetspriset in {year} (theme: “{theme}”).",
    "prize.winner_item": "{year}: {winner}",
    "prize.winners_list": "Trygghetspriset has gone to {count} winners {first}–{last}: {items}.",
    "prize.round_theme": "The theme of Trygghetspriset {year} is “{theme}”: the prize goes to {focus}.",
    "prize.theme_of_year": "The theme in {year} was “{theme}”. Winner: {winner}.",
    "prize.theme_unknown": (
        "The theme in {year} is not stated in the documents; I have no information about it. "
        "I know the themes for {first}–{last}."
    ),
    "prize.year_of_theme": "“{theme}” was the theme in {year}. Winner that year: {winner}.",
    "prize.year_of_round_theme": "“{theme}” is the theme of Trygghetspriset {year}.",
    "prize.theme_item": "{year}: “{theme}”",
    "prize.themes_list": "The themes of Trygghetspriset: {items}.",
    "prize.mandatory_criteria": "Nominees must meet {count} mandatory criteria: {items}.",
    "prize.assessment_criteria": (
        "The assessment also considers whether {items}. These assessment criteria are not requirements."
    ),
    "prize.round_unknown": "I have no nomination period for {year}; my information covers {known}.",
    "prize.nomination_period": (
        "The nomination period for Trygghetspriset {year} runs from {opens} to {closes} (both days included). "
        "The theme is “{theme}”."
    ),
    "prize.conference_date": "The prize is awarded at the safety conference on {date}.",
    "prize.period_open_today": "The period is open today; {days_left} days left (up to and including {closes}).",
    "prize.period_open_last_day": "The period is open today, which is the last day.",
    "prize.period_not_yet_open_today": "The period has not opened yet: it opens on {opens}, in {days}. You can nominate then.",
    "prize.period_closed_today": "The period closed on {closes}, so nominations cannot be made now.",
    "prize.nomination_count_unknown": "It is not stated in the documents how many nominations came in, for any year.",
    "prize.jury_size_unknown": "It is not stated in the documents how many members the jury has.",
    "prize.jury_pay_unknown": "It is not stated in the documents what the jury's chair or members are paid.",
    "prize.other_body_chair_unknown": "Who chairs or sits on that body is not stated in the documents; they name only the jury's chair.",
    "prize.jury_members_unknown": "It is not stated in the documents who sits on the jury; they name only the chair.",
    "prize.times_won": "According to the document {times}: {years}.",
    "prize.times_once": "once",
    "prize.times_many": "{count} times",
    "doc.dated": "{document} is dated {dated} and comes from {issuer}.",
    "doc.registration_number": "{document} has the registration number {number}.",
    "doc.no_registration_number": "It is not stated in the documents what registration number (diarienummer) {document} has.",
    "doc.attachments": "{document} has the attachment: {items}.",
    "doc.case_documents": "The documents in the case of {document}: {items}.",
    "doc.no_case_documents": "Which documents are in the case of {document} is not stated in the documents.",
    "doc.no_attachments": "It is not stated in the documents that {document} has any attachment.",
    "doc.approval": "{name}, {title}, approved {document} digitally on {on} ({iso}).",
    "doc.no_approvals": "It is not stated in the documents who approved {document} or when.",
    "doc.not_handled": "It is not stated in the documents where or when {document} was handled before the decision.",
    "doc.quote": "{document} says: “{text}”",
    "doc.issuer": "{document} comes from {issuer}.",
    "doc.no_proposal": "It is not stated in the documents what decision {document} proposes.",
    "doc.proposal": "The proposed decision in {document}: {items}",
    "budget.partner_payment_unknown": "It is not stated in the documents what {partner} pay or contribute to {line}; they give only the safety package's money.",
    "general.latest_covered": "The documents go up to {year}, so this answer is for {year}:",
    "general.cost_unknown": "It is not stated in the documents what that costs; they give only the safety package's amounts and the prize sum.",
    "budget.unknown_subject": "It is not stated in the documents what {subject} got; {subject} has no line of its own in the budget table.",
    "budget.lines_are": "The table's lines are {lines}.",
    "doc.allocation": "The allocation in the table ({column}): {items}.",
    "doc.signatory": "{name} is {title}, {unit}, and signed {document} ({dated}).",
    "doc.new_signatory": "{document} is signed by {names}, who did not sign {older}, which {name} signed.",
    "doc.no_new_signatory": "{document} has no new signatory in place of {name}.",
    "doc.no_signatory": "I find no such signature in my documents.",
    "budget.no_unit_cost": (
        "A cost or wage per hour, person or month is not stated in my documents; they give only each line's whole amount."
    ),
    "budget.no_head_count": "It is not stated in the documents how many people work within the line; they give only its whole amount.",
    "budget.no_such_column": "{missing} is not stated in the document; for {year} it gives only {available}.",
    "budget.line_minus": "{first_line} − {second_line} in {column}: {first} − {second} = {result}.",
    "budget.line_more": "{first_line} has {delta} more than {second_line} in {column}.",
    "budget.line_less": "{first_line} has {delta} less than {second_line} in {column}.",
    "budget.lines_equal": "{first_line} and {second_line} have the same in {column}, {amount}.",
    "budget.premise_wrong": "{first_line} does not have {asked} than {second_line} in {column}: it has {delta} {actual}.",
    "budget.word_more": "more",
    "budget.word_less": "less",
    "budget.excluded": "{lines} is left out.",
    "budget.total_percent_change": "The total goes from {before} to {after}: {delta}, that is {percent} %.",
    "budget.least_removed": "{lines} gets {amount} in {column}, but is no longer part of the package: {note}",
    "budget.least_funded": "Least of the lines that get money in {column}: {lines} with {amount}.",
    "budget.no_municipality": "The document on Trygghetspaketet names no municipality.",
    "prize.how_to_nominate": "Type “nominera” and I will help you nominate.",
    "prize.jury": (
        "A jury decides Trygghetspriset. It is chaired by {chair} (the social affairs commissioner), who "
        "appoints the jury members for {term} year. The jury's task is {task} (to choose a winner)."
    ),
    "prize.summary": "{name} is awarded every year to recognise work that makes the city safer.",
    "prize.amount_in_year": "According to the {year} decision the prize sum of {name} is {amount}.",
    "prize.amount_unknown_year": "The prize sum in {years} is not stated in my documents.",
    "prize.money_use_unknown": "It is not stated in the documents what the winner may use the prize money for.",
    "prize.amount_rose": "The prize sum went up from {before} ({first}) to {after} ({last}), that is {delta} more.",
    "prize.amount_fell": "The prize sum went down from {before} ({first}) to {after} ({last}), that is {delta} less.",
    "prize.amount": "The prize sum of {name} is {amount}.",
    "prize.first_awarded": "Trygghetspriset was first awarded in {year}. The document says: “{decision}”",
    "prize.awarded_at": "The prize is awarded in {months} at the safety conference of the social services.",
    "prize.conference_unknown": "The date of the safety conference in {year} is not stated in the documents.",
    "prize.awarded_until": "The prize is awarded every year until {year}. The document says: “{decision}”",
    "prize.decision": "{year}: “{text}”",
    "prize.eligible": "The document says who can be nominated: “{text}”",
    "prize.eligible_nothing_more": "The document says nothing more about who may nominate or be nominated.",
    "prize.purpose": "The purpose of {name}, in the document's words: “{purpose}”.",
    # the safety package
    "budget.table": "the budget table",
    "budget.year_unknown": (
        "Figures for {what} for {years} are not stated in the documents; I have no information about them. "
        "The table in Trygghetspaketet only has the columns {columns}."
    ),
    "budget.figure": "{amount} ({column})",
    "budget.figure_missing": "no figure ({column})",
    "budget.not_in_table": "no figure",
    "budget.no_own_line": "{line} has no line of its own in the budget table for {columns}, so no amount of its own is stated.",
    "budget.outcome_unknown_year": "The outcome for {years} is not stated in the documents; the table has no outcome for that year. The background gives only the allocation:",
    "budget.own_line_in": "It has a line of its own with {figures}.",
    "budget.no_outcome_reason": "My documents do not explain why that year's outcome differs from the budget.",
    "budget.in_one_table": "In only one of the tables ({before}, {after}): {items}.",
    "budget.percent_change": "That is about {percent} % compared with {before_column}.",
    "budget.against_budget": "Outcome against budget ({outcome} against {planned}): under budget: {under}. Over budget: {over}. As budgeted: {matched}.",
    "budget.line_count": "The table has {count} lines ({columns}).",
    "budget.outcome_gap": "The gap: {planned} − {outcome} = {gap}.",
    "budget.share_of_rest": "Without {gone}: {total} − {removed} = {rest} ({column}); {line} gets {amount} of that, about {percent} %.",
    "budget.sum_change": "From {before_column} to {after_column}: {after} − {before}, {direction} {delta}.",
    "budget.average": "The average: ({terms}) / {count} = {mean}.",
    "budget.rank": "{line} is in place {place} of {count} lines in {column}: {amount}.",
    "budget.rank_ahead": "Ahead of it: {lines}.",
    "budget.total_under_budget": "In total {spent} ({outcome}) against {meant} ({planned}): {meant} − {spent} = {delta} under budget.",
    "budget.total_over_budget": "In total {spent} ({outcome}) against {meant} ({planned}): {spent} − {meant} = {delta} over budget.",
    "budget.total_as_budgeted": "In total {spent} ({outcome}), as budgeted ({planned}).",
    "budget.why_below": "The document's explanation: {reason}",
    "budget.why_below_year": "The document's explanation for {year}: {reason}",
    "budget.no_area_split": "It is not stated in the documents how much of the amount goes to {area}; they give only the line's whole amount.",
    "budget.unknown_place": "{place} is not mentioned in my documents, so I cannot say anything about it. What the document does give:",
    "budget.line_sum": "{line} in total: {amount}.",
    "budget.line_amount": "{line} {amount}",
    "budget.line_figures": "{line}: {figures}.",
    "budget.note": "The document says: “{note}”",
    "budget.stated_change": "That is an increase of {delta} compared with {column}: “{reason}”",
    "budget.line_below_budget": "The outcome was {diff} below budget.",
    "budget.line_description": "{line}: “{description}”",
    "budget.no_expansion": "{line} is not an abbreviation in my documents.",
    "budget.expansion": "{line} stands for “{expansion}” (school, social services, police and leisure).",
    "budget.no_activities": "My documents give no example activities for {line}. They say: “{description}”",
    "budget.activities": "Example activities under {line}: {items}. “{description}”",
    "budget.no_partners": "It is not stated in the documents which organisations take part in or work together within {line}.",
    "budget.partners": "{line} is done together with: {items}.",
    "budget.line_areas": "{line}: the document says “{description}”",
    "budget.change_reason": "{line} increases by {delta}: “{reason}”",
    "budget.change": (
        "{line} increases by {delta}, from {before} ({before_column}) to {after} ({after_column}). “{reason}”"
    ),
    "budget.difference": "{line}: {before} ({before_column}) against {after} ({after_column}), {direction} {delta}.",
    "budget.up": "an increase of",
    "budget.down": "a decrease of",
    "budget.same": "unchanged,",
    "budget.totals": "{name} in total: {figures}.",
    "budget.discrepancy": (
        "Note: the lines for {column} add up to {computed}, which does not match the document's SUMMA, {stated}. "
        "I give the document's figure."
    ),
    "budget.history_unknown": "The package for {years} is not stated in the documents; I have no information about it.",
    "budget.history_entry": "The document says: “{text}”",
    "budget.outcome_reason": (
        "The outcome ({outcome}: {outcome_total}) was below budget ({planned}: {planned_total}) because: “{reason}”"
    ),
    "budget.state_grant_change": "Per inhabitant: {before_per} ({before_year}) and {after_per} ({after_year}); in total about {before_total} and {after_total}.",
    "budget.state_grant_no_law": (
        "The municipality receives a general state grant for crime prevention of {per_inhabitant} per "
        "inhabitant each year, about {total} in {year}."
    ),
    "budget.state_grant": (
        "The municipality receives a general state grant for crime prevention of {per_inhabitant} per "
        "inhabitant each year, about {total} in {year}, under {law} ({sfs})."
    ),
    "budget.areas_change": "The funds for {line} are proposed to increase by {delta} in {year}.",
    "budget.areas_change_down": "The funds for {line} are proposed to decrease by {delta} in {year}.",
    "budget.left_package": "What {line} costs per year now is not stated in the documents: the line has no amount in the safety package for {column}.",
    "budget.unbudgeted": "A separate amount for that is not stated in the documents; there is no line of its own in the budget table. “{text}”",
    "budget.children": "“{text}”",
    "budget.activity": (
        "A separate amount for {activity} is not stated in the documents; it has no budget line of its own and is "
        "named as an example under {line}: {figures}."
    ),
    "budget.decided_by": "The document says: “{text}”",
    "budget.second_most": "Second most in {column}: {lines} with {amount}.",
    "budget.second_least": "Second least in {column}: {lines} with {amount}.",
    "budget.most": "Most in {column}: {lines} with {amount}.",
    "budget.least": "Least in {column}: {lines} with {amount}.",
    "budget.sum_of_lines": "{lines} get {amount} together ({column}).",
    "budget.share_together": "Together, {lines} get {amount} of {total} in {column}, about {percent} %.",
    "budget.percent_under": "{subject}: {outcome} ({outcome_column}) against {planned} ({planned_column}): {planned} − {outcome} = {diff}, that is {percent} % under budget ({used} % of the budget was used).",
    "budget.percent_over": "{subject}: {outcome} ({outcome_column}) against {planned} ({planned_column}): {outcome} − {planned} = {diff}, that is {percent} % over budget ({used} % of the budget was used).",
    "budget.share": "{line} gets {amount} of {total} in {column}, about {percent} %.",
    "budget.delta_item": "{line} ({delta})",
    "budget.none": "none",
    "budget.largest_change": "That is the line that {direction} {extent} from {before} to {after}.",
    "budget.largest_change_many": "Those are the lines that {direction} {extent} from {before} to {after}.",
    "budget.no_change_direction": "No budget line {direction} from {before} to {after}.",
    "budget.rose": "increased",
    "budget.fell": "decreased",
    "budget.most_word": "the most",
    "budget.least_word": "the least",
    "budget.changes": "From {before} to {after}, increased: {rose}. Decreased: {fell}. Unchanged: {same}.",
    "budget.total_difference": "The total goes from {before} to {after}, {direction} {delta}.",
    "budget.line_in_column": "{line} ({column})",
    "budget.total_in_column": "the total for {column}",
    "budget.lines_with_amount": "{amount}: {items}.",
    "budget.no_line_with_amount": "No budget line has {amount} in the columns you asked about.",
    # general
    "general.help": (
        "I answer questions about Trygghetspriset (winners, themes, criteria, nomination, jury, prize sum) "
        "and Trygghetspaketet (budget lines, totals, history, state grant, areas). "
        "Try “who won in 2019?”, “how much did SSPF get in 2024?” or “when can I nominate?”. "
        "Type “nominera” to nominate for Trygghetspriset."
    ),
    "general.year_only": "What would you like to know about {year}? Ask for example {examples}.",
    "general.example_winner": "“who won in {year}?”",
    "general.example_theme": "“what was the theme in {year}?”",
    "general.example_budget": "“how much did trygghetsvärdar get in {year}?”",
    "general.year_unknown": "{year} is not stated in the documents; I have no information about it.",
    "general.type_not_stated.date": "It is not stated in the documents when that happens or happened.",
    "general.type_not_stated.organisation": "It is not stated in the documents who or which organisation that is.",
    "general.type_not_stated.place": "It is not stated in the documents where that happens.",
    "general.type_not_stated.count": "It is not stated in the documents how many there are.",
    "general.yes_no_not_stated": "“{subject}” is not stated anywhere in the documents, so I cannot answer yes or no.",
    "general.type_not_stated.nominator": "It is not stated in the documents who nominated or who may nominate.",
    "general.type_not_stated.contact": "An e-mail address, phone number or postal address is not stated in the documents.",
    "general.type_not_stated.split": "It is not stated in the documents how the prize money was split between the winners.",
    "general.type_not_stated.named": "It is not stated in the documents which ones by name; they mention them only as a group.",
    "general.type_not_stated.name": "It is not stated in the documents what the person or body is called; they give only the title or role.",
    "general.type_not_stated.reason": "It is not stated in the documents why; they say only what is done.",
    "general.passage": "The document says (in Swedish): “{text}”",
    "prize.scenario_solo": (
        "No, not under the criteria. A mandatory criterion is “{criterion}” (the effort is a collaboration "
        "between several organisations), so an effort one organisation carried out entirely alone does not meet it."
    ),
    "prize.scenario_ordinary": (
        "No, not under the criteria. A mandatory criterion is “{criterion}” (value beyond ordinary operations), "
        "so ordinary operations are not enough."
    ),
    "prize.after_close": "After the period, the document says (in Swedish): {text}",
    "general.out_of_scope": (
        "Sorry, I cannot answer that: it is not stated in my documents. I only answer questions about "
        "Trygghetspriset (winners, themes, criteria, nomination, jury) and Trygghetspaketet (budget lines, "
        "totals, history, state grant)."
    ),
}
