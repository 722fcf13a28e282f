-- PerpArena initial schema. Forward-only; applied in one transaction by `arena-server migrate`.

CREATE TABLE organizers (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organizer_tokens (
    token_sha256  bytea PRIMARY KEY,
    organizer_id  bigint NOT NULL REFERENCES organizers(id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz
);

CREATE TABLE contests (
    id                 text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name               text NOT NULL,
    definition         jsonb NOT NULL,
    definition_sha256  text NOT NULL,
    registration_open  boolean NOT NULL DEFAULT true,
    invite_code_sha256 bytea,
    frozen_at          timestamptz,
    frozen_board       jsonb,
    published_at       timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE teams (
    id                 bigserial PRIMARY KEY,
    contest_id         text NOT NULL REFERENCES contests(id),
    name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    created_at         timestamptz NOT NULL DEFAULT now(),
    disqualified_at    timestamptz,
    disqualify_reason  text,
    UNIQUE (contest_id, name)
);

CREATE TABLE team_tokens (
    token_sha256  bytea PRIMARY KEY,
    team_id       bigint NOT NULL REFERENCES teams(id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz
);
CREATE INDEX team_tokens_team ON team_tokens (team_id);

CREATE TABLE submissions (
    id                 bigserial PRIMARY KEY,
    team_id            bigint NOT NULL REFERENCES teams(id),
    contest_id         text NOT NULL REFERENCES contests(id),
    sha256             text NOT NULL,
    runtime            text NOT NULL,
    bundle             bytea NOT NULL,
    status             text NOT NULL CHECK (status IN
                         ('received', 'validating', 'rejected', 'queued', 'running', 'scored', 'failed', 'superseded')),
    status_history     jsonb NOT NULL DEFAULT '[]',
    validation_report  text,
    charged            boolean NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX submissions_team ON submissions (team_id, created_at DESC);
CREATE INDEX submissions_contest_status ON submissions (contest_id, status);

-- One evaluation = a snapshot of every active team's latest valid submission, split into runs.
CREATE TABLE evaluations (
    id           bigserial PRIMARY KEY,
    contest_id   text NOT NULL REFERENCES contests(id),
    status       text NOT NULL CHECK (status IN ('pending', 'running', 'complete', 'failed')),
    runs_total   integer NOT NULL DEFAULT 0,
    runs_done    integer NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    completed_at timestamptz
);

CREATE TABLE runs (
    id               bigserial PRIMARY KEY,
    evaluation_id    bigint NOT NULL REFERENCES evaluations(id),
    contest_id       text NOT NULL REFERENCES contests(id),
    round            integer NOT NULL,
    heat             integer NOT NULL,
    seed             bigint NOT NULL,
    seed_public      boolean NOT NULL,
    status           text NOT NULL CHECK (status IN ('queued', 'running', 'complete', 'failed')),
    engine_version   text,
    config_sha256    text,
    transcript       bytea,
    transcript_root  text,
    attestation      jsonb,
    created_at       timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    finished_at      timestamptz
);
CREATE INDEX runs_evaluation ON runs (evaluation_id);

CREATE TABLE run_entries (
    run_id         bigint NOT NULL REFERENCES runs(id),
    team_id        bigint NOT NULL REFERENCES teams(id),
    submission_id  bigint NOT NULL REFERENCES submissions(id),
    slot           integer NOT NULL,
    PRIMARY KEY (run_id, team_id),
    UNIQUE (run_id, slot)
);

-- The job queue: runners claim with FOR UPDATE SKIP LOCKED and hold a lease by heartbeat.
CREATE TABLE jobs (
    id                bigserial PRIMARY KEY,
    kind              text NOT NULL CHECK (kind IN ('evaluate', 'run')),
    contest_id        text NOT NULL REFERENCES contests(id),
    evaluation_id     bigint REFERENCES evaluations(id),
    run_id            bigint REFERENCES runs(id),
    status            text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    attempts          integer NOT NULL DEFAULT 0,
    max_attempts      integer NOT NULL DEFAULT 5,
    available_at      timestamptz NOT NULL DEFAULT now(),
    lease_owner       text,
    lease_expires_at  timestamptz,
    last_error        text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_claimable ON jobs (available_at, id) WHERE status IN ('queued', 'running');

CREATE TABLE run_results (
    run_id          bigint NOT NULL REFERENCES runs(id),
    team_id         bigint NOT NULL REFERENCES teams(id),
    submission_id   bigint NOT NULL REFERENCES submissions(id),
    final_equity    bigint NOT NULL,
    pnl             bigint NOT NULL,
    score           bigint,
    fees            bigint NOT NULL,
    funding         bigint NOT NULL,
    trades          integer NOT NULL,
    liquidations    integer NOT NULL,
    max_drawdown    bigint NOT NULL,
    fault_code      text,
    fault_tick      bigint,
    rank_in_run     integer NOT NULL,
    report          jsonb NOT NULL DEFAULT '{}',
    logs            text NOT NULL DEFAULT '',
    PRIMARY KEY (run_id, team_id)
);

CREATE TABLE leaderboard_rows (
    contest_id         text NOT NULL REFERENCES contests(id),
    team_id            bigint NOT NULL REFERENCES teams(id),
    evaluation_id      bigint NOT NULL REFERENCES evaluations(id),
    rank               integer NOT NULL,
    score              bigint,
    score_ci           bigint,
    status             text NOT NULL,
    row                jsonb NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (contest_id, team_id)
);
CREATE INDEX leaderboard_rank ON leaderboard_rows (contest_id, rank);

-- Append-only, hash-chained audit log of organizer and system actions.
CREATE TABLE audit_events (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL,
    action      text NOT NULL,
    subject     text NOT NULL,
    details     jsonb NOT NULL DEFAULT '{}',
    prev_hash   text NOT NULL,
    hash        text NOT NULL UNIQUE
);

CREATE FUNCTION audit_events_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_events_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();

CREATE TABLE attestation_keys (
    key_id      text PRIMARY KEY,
    public_key  bytea NOT NULL,
    active      boolean NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
