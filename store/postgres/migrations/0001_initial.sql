-- Trygghetsbot schema version 1: nominations, outbox, conversations, delivery dedupe.
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
CREATE INDEX outbox_pending ON outbox (tenant, next_attempt_at) WHERE status = 'pending';
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
