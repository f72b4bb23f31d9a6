-- Small JSON records by kind and key (store.postgres.records): Slack installations, OAuth
-- states, each workspace's settings. A record past expires_at counts as gone.
CREATE TABLE records (
    tenant     text        NOT NULL,
    kind       text        NOT NULL,
    key        text        NOT NULL,
    value      jsonb       NOT NULL,
    expires_at timestamptz,
    PRIMARY KEY (tenant, kind, key)
);
