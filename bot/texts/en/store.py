"""English texts for the database's errors and for operating-system errors (by errno)."""

TEXTS: dict[str, str] = {
    "store.empty": "{path}: the file is empty; it is not a Trygghetsbot database.",
    "store.bad_json": "{path}: not valid JSON (line {line}, column {column}); the file is left untouched.",
    "store.bad_utf8": "{path}: not valid UTF-8 text; the file is left untouched.",
    "store.too_deep": "{path}: the JSON data is nested too deeply to read; the file is left untouched.",
    "store.not_tinydb": "{path}: not a TinyDB database; the file is left untouched.",
    "store.not_ours": "{path}: not a Trygghetsbot database (no {app} marker); the file is left untouched.",
    "store.schema": "{path}: schema version {version}, but this version of Trygghetsbot reads {expected}.",
    "store.bad_record": "{path}: a stored record ({table}) is invalid: {detail}. The file is left untouched.",
    "store.dedupe_bad_line": "{path}: line {line} is not a valid event key; the file is left untouched (dedupe).",
    "store.locked": (
        "{path}: another Trygghetsbot process is writing the database and did not finish within {seconds} seconds. "
        "Try again in a moment."
    ),
    "store.closed": "the database is closed.",
    "store.read_only": "{path}: the database is open for reading only.",
    "store.no_outbox": "there is no outbox message with id {id}.",
    "store.cannot_read": "{path}: cannot be read ({reason}).",
    "store.cannot_write": "{path}: cannot be written ({reason}).",
    "store.cannot_lock": "{path}: the lock file cannot be opened ({reason}).",
    "store.bad_tenant": "invalid workspace (tenant) {tenant}: only letters, digits and _.:- (at most 100 characters).",
    "store.pg_unreachable": "{url}: cannot connect to PostgreSQL ({reason}).",
    "store.pg_error": "{url}: database error ({reason}).",
    "store.pg_unavailable": "{url}: PostgreSQL cannot be reached right now ({reason}).",
    "store.pg_schema_old": "The database schema is version {found}, this version needs {wanted}: run `trygghetsbot db upgrade`.",
    "store.pg_schema_new": "The database schema is version {found}, newer than this version of Trygghetsbot ({wanted}): upgrade Trygghetsbot.",
    "store.registry_default_only": "the workspaces' installations are kept in the default workspace's database only, not in another workspace's.",
    "store.no_jury_message": "there is no jury message with id {id}.",
    # --- operating-system errors, by errno name -------------------------------------
    "os.ENOENT": "no such file or folder",
    "os.EACCES": "permission denied",
    "os.EPERM": "operation not permitted",
    "os.EISDIR": "it is a folder, not a file",
    "os.ENOTDIR": "part of the path is not a folder",
    "os.EEXIST": "already exists",
    "os.ENOSPC": "the disk is full",
    "os.EDQUOT": "the disk quota is exhausted",
    "os.EROFS": "the file system is read-only",
    "os.ENAMETOOLONG": "the name is too long",
    "os.ELOOP": "too many symbolic links",
    "os.other": "system error {number}",
}
