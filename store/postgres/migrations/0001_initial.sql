-- Trygghetsbot schema version 1: nominations, outbox, conversations, delivery dedupe, the jury.
-- Every table is keyed by tenant (the workspace a row belongs to); every query filters by it.

CREATE TABLE nominations (
    tenant          text        NOT NULL,
    id              text        NOT NULL,
    round_year      integer     NOT NULL,
    status          text        NOT NULL CHECK (status IN ('draft', 'submitted', 'withdrawn')),
    nominee         text        NOT NULL,
    partners        jsonb       NOT NULL DEFAULT '[]',
    description     text        NOT NULL,
    added_value     text        NOT NULL,
    innovation      text,
    inspiration     text,
    results         text,
    contact         text,
    nominator       jsonb       NOT NULL,
    nominator_key   text        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    submitted_at    timestamptz,
    withdrawn_at    timestamptz,
    idempotency_key text,
    duplicate_of    text,
    revision        integer     NOT NULL DEFAULT 0,
    -- Idempotency keys of the latest edits: a replayed edit changes nothing.
    edit_keys       jsonb       NOT NULL DEFAULT '[]',
    -- What was submitted under idempotency_key: a reused key with other content is refused.
    content_fingerprint text,
    PRIMARY KEY (tenant, id),
    -- Exactly-once submit: a retried submit with the same key finds the first one.
    CONSTRAINT nominations_idempotency_key UNIQUE (tenant, idempotency_key)
);
CREATE INDEX nominations_by_round ON nominations (tenant, round_year, created_at, id);
CREATE INDEX nominations_by_nominator ON nominations (tenant, nominator_key);

CREATE TABLE outbox (
    tenant          text        NOT NULL,
    id              text        NOT NULL,
    -- Write order, to keep messages with equal created_at in the order they were written.
    seq             bigint      GENERATED ALWAYS AS IDENTITY,
    kind            text        NOT NULL,
    -- The chat platform whose worker delivers the message ('slack', 'teams').
    platform        text        NOT NULL DEFAULT 'slack',
    nomination_id   text        NOT NULL,
    round_year      integer     NOT NULL,
    created_at      timestamptz NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'sent')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    sent_at         timestamptz,
    -- channel id -> {"ts": ..., "delivered_at": ...}
    deliveries      jsonb       NOT NULL DEFAULT '{}',
    claimed_by      text,
    lease_until     timestamptz,
    -- Also confirm to the nominator; destination -> when a send with an unknown outcome started.
    notify_nominator boolean    NOT NULL DEFAULT false,
    in_flight       jsonb       NOT NULL DEFAULT '{}',
    PRIMARY KEY (tenant, id),
    FOREIGN KEY (tenant, nomination_id) REFERENCES nominations (tenant, id) ON DELETE CASCADE
);
CREATE INDEX outbox_pending ON outbox (tenant, platform, next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbox_by_nomination ON outbox (tenant, nomination_id, created_at, seq);

CREATE TABLE conversations (
    tenant     text        NOT NULL,
    key        text        NOT NULL,
    user_id    text        NOT NULL,
    updated_at timestamptz NOT NULL,
    state      jsonb       NOT NULL,
    PRIMARY KEY (tenant, key)
);

CREATE TABLE delivery_dedupe (
    tenant     text        NOT NULL,
    key        text        NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (tenant, key)
);
CREATE INDEX delivery_dedupe_expiry ON delivery_dedupe (tenant, expires_at);

-- The jury (store.postgres.jury). No foreign keys to nominations: the jury core checks the
-- nomination, and the records stay readable whatever happens to it (as in TinyDB).

-- One row per round that has any jury record; the decision columns stay NULL until the chair
-- decides. Every jury write of a round locks this row (SELECT … FOR UPDATE) first, so a score, a
-- conflict and the decision of one round are serialised across processes.
CREATE TABLE jury_decisions (
    tenant        text        NOT NULL,
    round_year    integer     NOT NULL,
    nomination_id text,
    chair         text,
    at            timestamptz,
    PRIMARY KEY (tenant, round_year),
    CHECK ((nomination_id IS NULL) = (chair IS NULL) AND (nomination_id IS NULL) = (at IS NULL))
);

CREATE TABLE jury_scores (
    tenant        text        NOT NULL,
    round_year    integer     NOT NULL,
    nomination_id text        NOT NULL,
    juror         text        NOT NULL,
    collaboration boolean     NOT NULL,
    added_value   boolean     NOT NULL,
    innovation    smallint    NOT NULL CHECK (innovation BETWEEN 1 AND 5),
    inspiration   smallint    NOT NULL CHECK (inspiration BETWEEN 1 AND 5),
    results       smallint    NOT NULL CHECK (results BETWEEN 1 AND 5),
    comment       text,
    at            timestamptz NOT NULL,
    -- One score set per juror and nomination: scoring again replaces it.
    PRIMARY KEY (tenant, round_year, nomination_id, juror)
);

CREATE TABLE jury_conflicts (
    tenant        text        NOT NULL,
    round_year    integer     NOT NULL,
    nomination_id text        NOT NULL,
    juror         text        NOT NULL,
    reason        text,
    at            timestamptz NOT NULL,
    PRIMARY KEY (tenant, round_year, nomination_id, juror)
);

CREATE TABLE jury_audit (
    tenant        text        NOT NULL,
    id            text        NOT NULL,
    -- Write order, to keep entries with equal times in the order they were written.
    seq           bigint      GENERATED ALWAYS AS IDENTITY,
    round_year    integer     NOT NULL,
    action        text        NOT NULL CHECK (action IN ('score', 'rescore', 'conflict', 'decision')),
    juror         text        NOT NULL,
    nomination_id text,
    at            timestamptz NOT NULL,
    details       jsonb       NOT NULL DEFAULT '{}',
    PRIMARY KEY (tenant, id)
);
CREATE INDEX jury_audit_by_round ON jury_audit (tenant, round_year, at, seq);

-- A sent reminder: at most one per round, juror and day (days before the deadline).
CREATE TABLE jury_reminders (
    tenant         text        NOT NULL,
    round_year     integer     NOT NULL,
    juror          text        NOT NULL,
    days_before    integer     NOT NULL,
    seq            bigint      GENERATED ALWAYS AS IDENTITY,
    nomination_ids jsonb       NOT NULL DEFAULT '[]',
    at             timestamptz NOT NULL,
    PRIMARY KEY (tenant, round_year, juror, days_before)
);

-- The jury's messages (decision announcement, reminders), apart from the nominations' outbox.
CREATE TABLE jury_messages (
    tenant        text        NOT NULL,
    id            text        NOT NULL,
    seq           bigint      GENERATED ALWAYS AS IDENTITY,
    kind          text        NOT NULL CHECK (kind IN ('jury_decision', 'jury_reminder')),
    round_year    integer     NOT NULL,
    nomination_id text,
    recipient     text,
    text          text        NOT NULL,
    created_at    timestamptz NOT NULL,
    status        text        NOT NULL CHECK (status IN ('pending', 'sent')),
    sent_at       timestamptz,
    PRIMARY KEY (tenant, id)
);
CREATE INDEX jury_messages_by_round ON jury_messages (tenant, round_year, created_at, seq);
CREATE INDEX jury_messages_pending ON jury_messages (tenant, created_at, seq) WHERE status = 'pending';
