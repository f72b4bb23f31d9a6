"""Swedish texts for the database's errors and for operating-system errors (by errno)."""

TEXTS: dict[str, str] = {
    "store.empty": "{path}: filen är tom; den är ingen Trygghetsbot-databas.",
    "store.bad_json": "{path}: inte giltig JSON (rad {line}, kolumn {column}); filen har lämnats orörd.",
    "store.bad_utf8": "{path}: inte giltig UTF-8-text; filen har lämnats orörd.",
    "store.too_deep": "{path}: JSON-datan är för djupt nästlad för att läsas; filen har lämnats orörd.",
    "store.not_tinydb": "{path}: inte en TinyDB-databas; filen har lämnats orörd.",
    "store.not_ours": "{path}: inte en Trygghetsbot-databas (märkningen {app} saknas); filen har lämnats orörd.",
    "store.schema": "{path}: schemaversion {version}, men den här versionen av Trygghetsbot läser {expected}.",
    "store.bad_record": "{path}: en sparad post ({table}) är ogiltig: {detail}. Filen har lämnats orörd.",
    "store.dedupe_bad_line": "{path}: rad {line} är inte en giltig händelsenyckel; filen har lämnats orörd (dedupe).",
    "store.locked": (
        "{path}: en annan Trygghetsbot-process skriver i databasen och blev inte klar inom {seconds} sekunder. "
        "Försök igen om en stund."
    ),
    "store.closed": "databasen är stängd.",
    "store.read_only": "{path}: databasen är öppnad bara för läsning.",
    "store.no_outbox": "det finns inget utskick med id {id}.",
    "store.cannot_read": "{path}: kan inte läsas ({reason}).",
    "store.cannot_write": "{path}: kan inte skrivas ({reason}).",
    "store.cannot_lock": "{path}: låsfilen kan inte öppnas ({reason}).",
    "store.bad_tenant": "ogiltig arbetsyta (tenant) {tenant}: bara bokstäver, siffror och _.:- (högst 100 tecken).",
    "store.pg_unreachable": "{url}: kan inte ansluta till PostgreSQL ({reason}).",
    "store.pg_error": "{url}: databasfel ({reason}).",
    "store.pg_unavailable": "{url}: PostgreSQL går inte att nå just nu ({reason}).",
    "store.pg_schema_old": "Databasens schema är version {found}, den här versionen kräver {wanted}: kör `trygghetsbot db upgrade`.",
    "store.pg_schema_new": "Databasens schema är version {found}, nyare än den här versionen av Trygghetsbot ({wanted}): uppgradera Trygghetsbot.",
    "store.registry_default_only": "arbetsytornas installationer finns bara i standardarbetsytans databas, inte i en annan arbetsytas.",
    "store.no_jury_message": "det finns inget jurymeddelande med id {id}.",
    # --- operating-system errors, by errno name -------------------------------------
    "os.ENOENT": "filen eller mappen finns inte",
    "os.EACCES": "åtkomst nekad",
    "os.EPERM": "åtgärden är inte tillåten",
    "os.EISDIR": "det är en mapp, inte en fil",
    "os.ENOTDIR": "en del av sökvägen är inte en mapp",
    "os.EEXIST": "finns redan",
    "os.ENOSPC": "disken är full",
    "os.EDQUOT": "diskkvoten är slut",
    "os.EROFS": "filsystemet är skrivskyddat",
    "os.ENAMETOOLONG": "namnet är för långt",
    "os.ELOOP": "för många symboliska länkar",
    "os.other": "systemfel {number}",
}
