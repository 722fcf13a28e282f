-- Results nobody can move: the contest lifecycle enforced by the database, sealed and signed
-- board versions, committed private seed material, an audit log appended only through a
-- function, an append-only key list, and the database roles of the API and the runners.
-- Errors raised here use SQLSTATEs of class PA (mapped by Storage to StorageError codes):
--   PA409 contest_closed, PA412 evaluation_in_progress, PA404 nothing_to_publish,
--   PA422 reason_required, PA403 sealed (an append-only or immutable record).

-- ---------------------------------------------------------------------------------------------
-- Roles. Group roles without LOGIN; operators grant them to login roles (or enable LOGIN) —
-- see Deployment/CONFIGURATION.md. Roles are cluster-wide, so this tolerates their existence.
-- ---------------------------------------------------------------------------------------------
DO $$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY['arena_api', 'arena_runner'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', name);
            EXCEPTION
                WHEN duplicate_object OR unique_violation THEN NULL;
                WHEN insufficient_privilege THEN
                    RAISE EXCEPTION 'role % is missing and the migration owner may not create roles', name
                        USING HINT = 'create roles arena_api and arena_runner (NOLOGIN) as a superuser, then migrate again';
            END;
        END IF;
    END LOOP;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Audit log: every append goes through arena_audit_insert, which computes the hash chain in the
-- database (SHA-256 over previous hash, time, actor, action, subject and details joined by U+001F,
-- exactly as AuditChainEntry.hash). Callers pass the details as canonical JSON text.
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION arena_audit_insert(p_actor text, p_action text, p_subject text, p_details text)
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_previous text;
    v_at text;
    v_hash text;
BEGIN
    PERFORM pg_advisory_xact_lock(727274003);
    SELECT hash INTO v_previous FROM audit_events ORDER BY id DESC LIMIT 1;
    v_previous := coalesce(v_previous, repeat('0', 64));
    v_at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
    PERFORM p_details::jsonb;
    v_hash := encode(sha256(convert_to(
        v_previous || chr(31) || v_at || chr(31) || p_actor || chr(31) || p_action || chr(31) || p_subject
            || chr(31) || p_details, 'UTF8')), 'hex');
    INSERT INTO audit_events (at, actor, action, subject, details, prev_hash, hash)
    VALUES (v_at::timestamptz, p_actor, p_action, p_subject, p_details::jsonb, v_previous, v_hash);
    RETURN v_hash;
END
$$;

-- Appends one audit event (the only way the API and runner roles can write the log).
CREATE FUNCTION audit_append(p_actor text, p_action text, p_subject text, p_details text)
RETURNS text LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT arena_audit_insert(p_actor, p_action, p_subject, p_details);
$$;

-- ---------------------------------------------------------------------------------------------
-- Contest definitions: the stored definition is the redacted public one (no invite code), kept
-- also as the exact canonical bytes that `definition_sha256` covers; the secret part (invite
-- code) is committed by `secret_sha256` = SHA-256(salt || secret JSON) and kept in
-- contest_secrets. `sealed_evaluation_id` is the evaluation a publication seals.
-- ---------------------------------------------------------------------------------------------
ALTER TABLE contests ADD COLUMN public_definition text;
ALTER TABLE contests ADD COLUMN secret_sha256 text;
ALTER TABLE contests ADD COLUMN sealed_evaluation_id bigint REFERENCES evaluations(id);

CREATE TABLE contest_secrets (
    contest_id  text PRIMARY KEY REFERENCES contests(id),
    salt        bytea NOT NULL CHECK (length(salt) = 32),
    secret      text NOT NULL
);

-- Phases as rows, rewritten from the definition whenever it changes (the lifecycle triggers read
-- them; `now()` decides which are open).
CREATE TABLE contest_phases (
    contest_id       text NOT NULL REFERENCES contests(id),
    ordinal          integer NOT NULL,
    name             text NOT NULL,
    starts_at        timestamptz,
    ends_at          timestamptz,
    submissions      boolean NOT NULL,
    registration     boolean NOT NULL,
    final_selection  boolean NOT NULL,
    PRIMARY KEY (contest_id, ordinal)
);

CREATE FUNCTION arena_sync_phases() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    DELETE FROM contest_phases WHERE contest_id = NEW.id;
    INSERT INTO contest_phases (contest_id, ordinal, name, starts_at, ends_at, submissions, registration,
                                final_selection)
    SELECT NEW.id, p.ordinality::integer - 1, p.value->>'name', (p.value->>'starts_at')::timestamptz,
           (p.value->>'ends_at')::timestamptz, coalesce((p.value->>'submissions')::boolean, true),
           coalesce((p.value->>'registration')::boolean, true),
           coalesce((p.value->>'final_selection')::boolean, false)
    FROM jsonb_array_elements(coalesce(NEW.definition->'phases', '[]'::jsonb)) WITH ORDINALITY AS p(value, ordinality);
    RETURN NULL;
END
$$;

CREATE TRIGGER contests_sync_phases
    AFTER INSERT OR UPDATE OF definition ON contests
    FOR EACH ROW EXECUTE FUNCTION arena_sync_phases();

INSERT INTO contest_phases (contest_id, ordinal, name, starts_at, ends_at, submissions, registration, final_selection)
SELECT c.id, p.ordinality::integer - 1, p.value->>'name', (p.value->>'starts_at')::timestamptz,
       (p.value->>'ends_at')::timestamptz, coalesce((p.value->>'submissions')::boolean, true),
       coalesce((p.value->>'registration')::boolean, true), coalesce((p.value->>'final_selection')::boolean, false)
FROM contests c,
     jsonb_array_elements(coalesce(c.definition->'phases', '[]'::jsonb)) WITH ORDINALITY AS p(value, ordinality);

-- Refuses (PA409 contest_closed) when the contest is published, or — for submissions and
-- registrations — when no phase that allows them is open at now(). Locks the contest row
-- FOR SHARE, so it serialises with a publication in progress.
CREATE FUNCTION arena_require_open(p_contest text, p_what text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_published timestamptz;
BEGIN
    SELECT published_at INTO v_published FROM contests WHERE id = p_contest FOR SHARE;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    IF v_published IS NOT NULL THEN
        RAISE EXCEPTION 'contest % is published: % are closed', p_contest, p_what USING ERRCODE = 'PA409';
    END IF;
    IF p_what = 'evaluations' THEN
        RETURN;
    END IF;
    IF NOT EXISTS (
        SELECT 1 FROM contest_phases ph
        WHERE ph.contest_id = p_contest
          AND CASE p_what WHEN 'submissions' THEN ph.submissions ELSE ph.registration END
          AND (ph.starts_at IS NULL OR ph.starts_at <= now())
          AND (ph.ends_at IS NULL OR now() < ph.ends_at))
    THEN
        RAISE EXCEPTION 'no phase of contest % that accepts % is open', p_contest, p_what USING ERRCODE = 'PA409';
    END IF;
END
$$;

CREATE FUNCTION arena_submissions_open() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM arena_require_open(NEW.contest_id, 'submissions');
    RETURN NEW;
END
$$;

CREATE FUNCTION arena_registrations_open() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM arena_require_open(NEW.contest_id, 'registrations');
    RETURN NEW;
END
$$;

CREATE FUNCTION arena_evaluations_open() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM arena_require_open(NEW.contest_id, 'evaluations');
    IF NEW.seed_commitment IS NULL THEN
        RAISE EXCEPTION 'an evaluation needs its seed commitment before it is created' USING ERRCODE = 'PA403';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER submissions_require_open BEFORE INSERT ON submissions
    FOR EACH ROW EXECUTE FUNCTION arena_submissions_open();
CREATE TRIGGER teams_require_open BEFORE INSERT ON teams
    FOR EACH ROW EXECUTE FUNCTION arena_registrations_open();

-- A published contest is sealed: its definition, name and publication cannot change, and its
-- board is no longer frozen or unfrozen.
CREATE FUNCTION arena_contest_sealed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF OLD.published_at IS NOT NULL AND (
        NEW.definition IS DISTINCT FROM OLD.definition OR NEW.public_definition IS DISTINCT FROM OLD.public_definition
        OR NEW.definition_sha256 IS DISTINCT FROM OLD.definition_sha256 OR NEW.name IS DISTINCT FROM OLD.name
        OR NEW.secret_sha256 IS DISTINCT FROM OLD.secret_sha256
        OR NEW.published_at IS DISTINCT FROM OLD.published_at
        OR NEW.sealed_evaluation_id IS DISTINCT FROM OLD.sealed_evaluation_id
        OR NEW.frozen_at IS DISTINCT FROM OLD.frozen_at OR NEW.frozen_board IS DISTINCT FROM OLD.frozen_board)
    THEN
        RAISE EXCEPTION 'contest % is published: its definition and results are sealed', OLD.id
            USING ERRCODE = 'PA409';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER contests_sealed BEFORE UPDATE ON contests
    FOR EACH ROW EXECUTE FUNCTION arena_contest_sealed();

-- ---------------------------------------------------------------------------------------------
-- Seed material: 32 CSPRNG bytes per evaluation, drawn by the runner that plans it. The
-- evaluation row carries only the SHA-256 commitment (and the canonical commitment document,
-- material null), written before any run exists; the material lives in a table the API role
-- cannot read, and is revealed in the signed board at publication.
-- ---------------------------------------------------------------------------------------------
ALTER TABLE evaluations ADD COLUMN seed_commitment text CHECK (seed_commitment ~ '^[0-9a-f]{64}$');
ALTER TABLE evaluations ADD COLUMN seed_document text;
ALTER TABLE evaluations ADD COLUMN seed_reveal_document text;

CREATE TRIGGER evaluations_require_open BEFORE INSERT ON evaluations
    FOR EACH ROW EXECUTE FUNCTION arena_evaluations_open();

CREATE FUNCTION arena_commitment_immutable() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NEW.seed_commitment IS DISTINCT FROM OLD.seed_commitment
        OR NEW.seed_document IS DISTINCT FROM OLD.seed_document
        OR (OLD.seed_reveal_document IS NOT NULL AND NEW.seed_reveal_document IS DISTINCT FROM OLD.seed_reveal_document)
    THEN
        RAISE EXCEPTION 'the seed commitment of evaluation % cannot change', OLD.id USING ERRCODE = 'PA403';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER evaluations_commitment_immutable BEFORE UPDATE ON evaluations
    FOR EACH ROW EXECUTE FUNCTION arena_commitment_immutable();

CREATE TABLE evaluation_seed_material (
    evaluation_id  bigint PRIMARY KEY REFERENCES evaluations(id),
    material       bytea NOT NULL CHECK (length(material) = 32)
);

CREATE FUNCTION arena_material_matches() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM evaluations
        WHERE id = NEW.evaluation_id AND seed_commitment = encode(sha256(NEW.material), 'hex'))
    THEN
        RAISE EXCEPTION 'seed material of evaluation % does not match its commitment', NEW.evaluation_id
            USING ERRCODE = 'PA403';
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION arena_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'PA403';
END
$$;

CREATE TRIGGER evaluation_seed_material_matches BEFORE INSERT ON evaluation_seed_material
    FOR EACH ROW EXECUTE FUNCTION arena_material_matches();
CREATE TRIGGER evaluation_seed_material_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON evaluation_seed_material
    FOR EACH STATEMENT EXECUTE FUNCTION arena_refuse_change();

-- Private-round runs carry no seed until publication (the runner derives it from the material
-- when it runs the heat); a run of a private round needs the material to exist first.
ALTER TABLE runs ALTER COLUMN seed DROP NOT NULL;

CREATE FUNCTION arena_run_committed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT NEW.seed_public AND NOT EXISTS (
        SELECT 1 FROM evaluation_seed_material WHERE evaluation_id = NEW.evaluation_id)
    THEN
        RAISE EXCEPTION 'run of a private round before its seed material is committed' USING ERRCODE = 'PA403';
    END IF;
    IF NOT NEW.seed_public AND NEW.seed IS NOT NULL THEN
        RAISE EXCEPTION 'a private round''s heat seed is not stored before publication' USING ERRCODE = 'PA403';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER runs_committed BEFORE INSERT ON runs
    FOR EACH ROW EXECUTE FUNCTION arena_run_committed();

-- Attestations are served byte for byte (canonical JSON), so they are stored as text.
ALTER TABLE runs ALTER COLUMN attestation TYPE text USING attestation::text;

-- ---------------------------------------------------------------------------------------------
-- Results are written only through the lease-checked path: arena_finish_run completes the job
-- (only for the runner holding its lease) and stores results, transcript and attestation in the
-- caller's transaction. Returns 'lease_lost', 'recorded' or 'rerun' (a complete run replaced).
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION arena_finish_run(
    p_job bigint, p_owner text, p_run bigint, p_engine_version text, p_config_sha256 text,
    p_transcript bytea, p_transcript_root text, p_attestation text, p_results jsonb
) RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_status text;
BEGIN
    UPDATE jobs SET status = 'done', lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
    WHERE id = p_job AND run_id = p_run AND lease_owner = p_owner AND status = 'running';
    IF NOT FOUND THEN
        RETURN 'lease_lost';
    END IF;
    SELECT status INTO v_status FROM runs WHERE id = p_run FOR UPDATE;
    IF v_status = 'complete' THEN
        DELETE FROM run_results WHERE run_id = p_run;
    END IF;
    INSERT INTO run_results (run_id, team_id, submission_id, final_equity, pnl, score, fees, funding, trades,
                             liquidations, max_drawdown, fault_code, fault_tick, rank_in_run, report, logs)
    SELECT p_run, r.team_id, r.submission_id, r.final_equity, r.pnl, r.score, r.fees, r.funding, r.trades,
           r.liquidations, r.max_drawdown, r.fault_code, r.fault_tick, r.rank_in_run,
           coalesce(r.report, '{}')::jsonb, coalesce(r.logs, '')
    FROM jsonb_to_recordset(p_results) AS r(
        team_id bigint, submission_id bigint, final_equity bigint, pnl bigint, score bigint, fees bigint,
        funding bigint, trades integer, liquidations integer, max_drawdown bigint, fault_code text,
        fault_tick bigint, rank_in_run integer, report text, logs text);
    UPDATE runs SET status = 'complete', engine_version = p_engine_version, config_sha256 = p_config_sha256,
        transcript = p_transcript, transcript_root = p_transcript_root, attestation = p_attestation,
        finished_at = now()
    WHERE id = p_run;
    RETURN CASE WHEN v_status = 'complete' THEN 'rerun' ELSE 'recorded' END;
END
$$;

-- Transcripts and attestations as the API may serve them: always after publication, before it
-- only for public rounds (organizers); private-round artifacts stay NULL until publication.
CREATE FUNCTION arena_run_artifacts(p_run bigint)
RETURNS TABLE (transcript bytea, attestation text, published boolean, seed_public boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT CASE WHEN c.published_at IS NOT NULL OR r.seed_public THEN r.transcript END,
           CASE WHEN c.published_at IS NOT NULL OR r.seed_public THEN r.attestation END,
           c.published_at IS NOT NULL, r.seed_public
    FROM runs r JOIN contests c ON c.id = r.contest_id WHERE r.id = p_run;
$$;

-- ---------------------------------------------------------------------------------------------
-- Attestation keys: append-only and audited. A key's bytes never change and no key is deleted;
-- only `active` may flip (rotation), and every insert and flip is written to the audit log with
-- the database user that did it.
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION arena_key_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM arena_audit_insert(
            'db:' || session_user, 'key.registered', 'key:' || NEW.key_id,
            '{"active":"' || NEW.active::text || '","public_key":"' || encode(NEW.public_key, 'base64') || '"}');
        RETURN NULL;
    END IF;
    IF NEW.key_id IS DISTINCT FROM OLD.key_id OR NEW.public_key IS DISTINCT FROM OLD.public_key
        OR NEW.created_at IS DISTINCT FROM OLD.created_at
    THEN
        RAISE EXCEPTION 'attestation key % cannot change (the key list is append-only)', OLD.key_id
            USING ERRCODE = 'PA403';
    END IF;
    IF NEW.active IS DISTINCT FROM OLD.active THEN
        PERFORM arena_audit_insert(
            'db:' || session_user, CASE WHEN NEW.active THEN 'key.activated' ELSE 'key.deactivated' END,
            'key:' || NEW.key_id, '{}');
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER attestation_keys_guard BEFORE UPDATE ON attestation_keys
    FOR EACH ROW EXECUTE FUNCTION arena_key_guard();
CREATE TRIGGER attestation_keys_audit AFTER INSERT ON attestation_keys
    FOR EACH ROW EXECUTE FUNCTION arena_key_guard();
CREATE TRIGGER attestation_keys_append_only BEFORE DELETE OR TRUNCATE ON attestation_keys
    FOR EACH STATEMENT EXECUTE FUNCTION arena_refuse_change();

-- ---------------------------------------------------------------------------------------------
-- Board versions: the sealed final board, signed by a platform key, served byte for byte
-- forever. Version 1 is the publication; each amendment is version n+1 naming version n by the
-- SHA-256 of its served bytes, with a reason. Append-only; the insert trigger checks the chain.
-- `leaderboard` is the leaderboard rows rendered from the same results (what
-- /v1/contests/{id}/leaderboard serves after publication).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE board_versions (
    contest_id     text NOT NULL REFERENCES contests(id),
    version        integer NOT NULL CHECK (version >= 1),
    evaluation_id  bigint NOT NULL REFERENCES evaluations(id),
    body           text NOT NULL,
    sha256         text NOT NULL,
    amends_sha256  text,
    reason         text,
    key_id         text NOT NULL REFERENCES attestation_keys(key_id),
    leaderboard    text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (contest_id, version),
    CHECK ((version = 1) = (amends_sha256 IS NULL)),
    CHECK (version = 1 OR length(reason) > 0)
);

CREATE FUNCTION arena_board_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_latest integer;
    v_latest_sha text;
BEGIN
    PERFORM 1 FROM contests WHERE id = NEW.contest_id AND published_at IS NOT NULL FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'contest % is not published', NEW.contest_id USING ERRCODE = 'PA403';
    END IF;
    SELECT version, sha256 INTO v_latest, v_latest_sha FROM board_versions
    WHERE contest_id = NEW.contest_id ORDER BY version DESC LIMIT 1;
    IF NEW.version <> coalesce(v_latest, 0) + 1 THEN
        RAISE EXCEPTION 'board version % of % does not follow version %', NEW.version, NEW.contest_id,
            coalesce(v_latest, 0) USING ERRCODE = 'PA403';
    END IF;
    IF NEW.amends_sha256 IS DISTINCT FROM v_latest_sha THEN
        RAISE EXCEPTION 'board version % must name the SHA-256 of version %', NEW.version, v_latest
            USING ERRCODE = 'PA403';
    END IF;
    IF NEW.sha256 <> encode(sha256(convert_to(NEW.body, 'UTF8')), 'hex') THEN
        RAISE EXCEPTION 'board version % sha256 does not match its body', NEW.version USING ERRCODE = 'PA403';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER board_versions_chain BEFORE INSERT ON board_versions
    FOR EACH ROW EXECUTE FUNCTION arena_board_chain();
CREATE TRIGGER board_versions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON board_versions
    FOR EACH STATEMENT EXECUTE FUNCTION arena_refuse_change();

-- Publication is a `publish` job (the runners hold the platform key): the payload names the
-- version to produce, the sealed evaluation, the reason (amendments) and who asked.
ALTER TABLE jobs ADD COLUMN payload jsonb;
ALTER TABLE jobs DROP CONSTRAINT jobs_kind_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_kind_check CHECK (kind IN ('evaluate', 'run', 'publish'));
CREATE UNIQUE INDEX jobs_one_active_publish ON jobs (contest_id)
    WHERE kind = 'publish' AND status IN ('queued', 'running');

-- Seals the contest (first call: published_at, sealed evaluation = the newest complete one; an
-- evaluation still in progress is not part of the results) or asks for an amendment (later
-- calls: a reason is required; refused while a rerun of a sealed run is pending), and queues the
-- publish job. Returns the job id; an already queued publish job of the contest is returned as is.
CREATE FUNCTION arena_request_publication(p_contest text, p_actor text, p_reason text)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_published timestamptz;
    v_sealed bigint;
    v_latest integer;
    v_job bigint;
BEGIN
    SELECT published_at, sealed_evaluation_id INTO v_published, v_sealed FROM contests WHERE id = p_contest FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'contest % not found', p_contest USING ERRCODE = 'PA404';
    END IF;
    SELECT id INTO v_job FROM jobs
    WHERE kind = 'publish' AND contest_id = p_contest AND status IN ('queued', 'running');
    IF FOUND THEN
        RETURN v_job;
    END IF;
    SELECT max(version) INTO v_latest FROM board_versions WHERE contest_id = p_contest;
    IF v_published IS NULL THEN
        SELECT id INTO v_sealed FROM evaluations
        WHERE contest_id = p_contest AND status = 'complete' AND runs_total > 0 AND seed_commitment IS NOT NULL
        ORDER BY id DESC LIMIT 1;
        IF v_sealed IS NULL THEN
            RAISE EXCEPTION 'contest % has no complete evaluation (with a seed commitment) to publish; ask for an evaluation first', p_contest
                USING ERRCODE = 'PA404';
        END IF;
        UPDATE contests SET published_at = now(), sealed_evaluation_id = v_sealed, updated_at = now()
        WHERE id = p_contest;
    ELSIF v_latest IS NOT NULL THEN
        IF coalesce(length(trim(p_reason)), 0) = 0 THEN
            RAISE EXCEPTION 'contest % is published; an amendment needs a reason', p_contest USING ERRCODE = 'PA422';
        END IF;
        IF EXISTS (SELECT 1 FROM jobs j JOIN runs r ON r.id = j.run_id
                   WHERE r.evaluation_id = v_sealed AND j.status IN ('queued', 'running'))
        THEN
            RAISE EXCEPTION 'a rerun of a run of contest % is in progress; amend when it is complete', p_contest
                USING ERRCODE = 'PA412';
        END IF;
    END IF;
    INSERT INTO jobs (kind, contest_id, evaluation_id, status, payload)
    VALUES ('publish', p_contest, v_sealed, 'queued', jsonb_build_object(
        'version', coalesce(v_latest, 0) + 1, 'evaluation_id', v_sealed, 'actor', p_actor,
        'reason', CASE WHEN v_latest IS NULL THEN NULL ELSE trim(p_reason) END))
    RETURNING id INTO v_job;
    RETURN v_job;
END
$$;

-- Freezing copies the current leaderboard rows into the contest's frozen snapshot (what the
-- public sees while frozen); unfreezing clears it. The API cannot write boards any other way.
CREATE FUNCTION arena_set_frozen(p_contest text, p_frozen boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF p_frozen THEN
        UPDATE contests SET frozen_at = now(), updated_at = now(), frozen_board = (
            SELECT jsonb_build_object(
                'evaluation_id', max(evaluation_id), 'updated_at', max(updated_at),
                'rows', coalesce(jsonb_agg(row ORDER BY rank, team_id), '[]'::jsonb))
            FROM leaderboard_rows WHERE contest_id = p_contest)
        WHERE id = p_contest AND frozen_at IS NULL;
    ELSE
        UPDATE contests SET frozen_at = NULL, frozen_board = NULL, updated_at = now() WHERE id = p_contest;
    END IF;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Grants. The owner (who runs migrations) keeps everything. Functions are not executable by
-- PUBLIC; each role gets exactly the ones it calls.
-- ---------------------------------------------------------------------------------------------
REVOKE EXECUTE ON FUNCTION arena_audit_insert(text, text, text, text), audit_append(text, text, text, text),
    arena_require_open(text, text), arena_finish_run(bigint, text, bigint, text, text, bytea, text, text, jsonb),
    arena_run_artifacts(bigint), arena_request_publication(text, text, text), arena_set_frozen(text, boolean)
    FROM PUBLIC;

GRANT USAGE ON SCHEMA public TO arena_api, arena_runner;

-- The API: reads what it serves, writes contests, teams, tokens, submissions and queue entries;
-- no results, transcripts, attestations, boards, keys or seed material.
GRANT SELECT ON organizers, organizer_tokens, contests, contest_phases, contest_secrets, teams, team_tokens,
    submissions, evaluations, run_entries, jobs, run_results, leaderboard_rows, audit_events, attestation_keys,
    board_versions, schema_migrations TO arena_api;
GRANT SELECT (id, evaluation_id, contest_id, round, heat, seed, seed_public, status, engine_version, config_sha256,
    transcript_root, created_at, started_at, finished_at) ON runs TO arena_api;
GRANT INSERT (id, name, definition, public_definition, definition_sha256, secret_sha256, registration_open,
    invite_code_sha256) ON contests TO arena_api;
GRANT UPDATE (name, definition, public_definition, definition_sha256, secret_sha256, registration_open,
    invite_code_sha256, updated_at) ON contests TO arena_api;
GRANT INSERT, UPDATE ON contest_secrets TO arena_api;
GRANT INSERT (contest_id, name) ON teams TO arena_api;
GRANT UPDATE (disqualified_at, disqualify_reason) ON teams TO arena_api;
GRANT INSERT (token_sha256, team_id) ON team_tokens TO arena_api;
GRANT UPDATE (revoked_at) ON team_tokens TO arena_api;
GRANT INSERT (team_id, contest_id, sha256, runtime, bundle, status, status_history) ON submissions TO arena_api;
GRANT UPDATE (status, status_history, validation_report, charged, updated_at, selected_at) ON submissions TO arena_api;
GRANT UPDATE (status, completed_at) ON evaluations TO arena_api;
GRANT UPDATE (status, finished_at) ON runs TO arena_api;
GRANT INSERT (kind, contest_id, evaluation_id, run_id, status) ON jobs TO arena_api;
GRANT USAGE, SELECT ON SEQUENCE teams_id_seq, submissions_id_seq, jobs_id_seq TO arena_api;
GRANT EXECUTE ON FUNCTION audit_append(text, text, text, text), arena_run_artifacts(bigint),
    arena_request_publication(text, text, text), arena_set_frozen(text, boolean) TO arena_api;

-- The runners: read contests, bundles and the queue; plan evaluations (with their seed
-- material), run heats, write results only through arena_finish_run, rank boards, publish.
GRANT SELECT ON contests, contest_phases, teams, submissions, evaluations, evaluation_seed_material, runs,
    run_entries, jobs, run_results, leaderboard_rows, audit_events, attestation_keys, board_versions,
    schema_migrations TO arena_runner;
GRANT INSERT (id, contest_id, status, runs_total, runs_done, completed_at, seed_commitment, seed_document)
    ON evaluations TO arena_runner;
GRANT UPDATE (status, runs_done, completed_at, seed_reveal_document) ON evaluations TO arena_runner;
GRANT INSERT ON evaluation_seed_material TO arena_runner;
GRANT INSERT (evaluation_id, contest_id, round, heat, seed, seed_public, status) ON runs TO arena_runner;
GRANT UPDATE (status, started_at, finished_at, seed) ON runs TO arena_runner;
GRANT INSERT ON run_entries TO arena_runner;
GRANT INSERT (kind, contest_id, evaluation_id, run_id, status) ON jobs TO arena_runner;
GRANT UPDATE (status, attempts, available_at, lease_owner, lease_expires_at, last_error, updated_at) ON jobs
    TO arena_runner;
GRANT UPDATE (status, status_history, validation_report, charged, updated_at) ON submissions TO arena_runner;
GRANT INSERT, DELETE ON leaderboard_rows TO arena_runner;
GRANT INSERT ON board_versions TO arena_runner;
GRANT INSERT (key_id, public_key, active) ON attestation_keys TO arena_runner;
GRANT UPDATE (active) ON attestation_keys TO arena_runner;
GRANT USAGE, SELECT ON SEQUENCE evaluations_id_seq, runs_id_seq, jobs_id_seq TO arena_runner;
GRANT EXECUTE ON FUNCTION audit_append(text, text, text, text),
    arena_finish_run(bigint, text, bigint, text, text, bytea, text, text, jsonb) TO arena_runner;

-- Tables added by later migrations: readable and writable by both roles unless that migration
-- revokes (decide explicitly; IntegrationTests/DatabaseRoleTests lists every table's grants).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO arena_api, arena_runner;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO arena_api, arena_runner;
