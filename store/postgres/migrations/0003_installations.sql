-- The registry of installed workspaces (store.postgres.installations): who installed the app
-- where, by Enterprise Grid org and workspace (Slack enterprise_id and team_id; '' for none),
-- and the one-time states of OAuth flows under way. These tables have no tenant column: a
-- workspace's team_id IS its tenant, and the registry is how a request finds it.
CREATE TABLE slack_installations (
    enterprise_id text        NOT NULL DEFAULT '',
    team_id       text        NOT NULL DEFAULT '',
    user_id       text        NOT NULL DEFAULT '',
    installed_at  timestamptz NOT NULL,
    data          jsonb       NOT NULL,
    PRIMARY KEY (enterprise_id, team_id, user_id)
);

CREATE TABLE slack_bots (
    enterprise_id text        NOT NULL DEFAULT '',
    team_id       text        NOT NULL DEFAULT '',
    installed_at  timestamptz NOT NULL,
    data          jsonb       NOT NULL,
    PRIMARY KEY (enterprise_id, team_id)
);

CREATE TABLE oauth_states (
    state      text        PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX oauth_states_expires_at ON oauth_states (expires_at);

-- The first version of the OAuth flow kept installations in the records table (migration 0002),
-- under the default tenant: they move here, and the states of flows under way are dropped.
INSERT INTO slack_bots (enterprise_id, team_id, installed_at, data)
SELECT coalesce(value->>'enterprise_id', ''),
       CASE WHEN (value->>'is_enterprise_install')::boolean THEN '' ELSE coalesce(value->>'team_id', '') END,
       to_timestamp(coalesce((value->>'installed_at')::double precision, 0)),
       value
FROM records WHERE tenant = 'default' AND kind = 'slack_bot'
ON CONFLICT DO NOTHING;

INSERT INTO slack_installations (enterprise_id, team_id, user_id, installed_at, data)
SELECT coalesce(value->>'enterprise_id', ''),
       CASE WHEN (value->>'is_enterprise_install')::boolean THEN '' ELSE coalesce(value->>'team_id', '') END,
       coalesce(value->>'user_id', ''),
       to_timestamp(coalesce((value->>'installed_at')::double precision, 0)),
       value
FROM records WHERE tenant = 'default' AND kind = 'slack_installation'
ON CONFLICT DO NOTHING;

DELETE FROM records WHERE tenant = 'default' AND kind IN ('slack_bot', 'slack_installation', 'slack_oauth_state');
