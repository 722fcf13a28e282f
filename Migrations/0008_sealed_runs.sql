-- A published board never loses its evidence: a complete run of a published contest cannot be
-- replaced (its transcript, attestation and results are what the signed board names). A rerun
-- queued before publication that finishes afterwards is refused here and its job fails, leaving
-- the published run as it was; the API refuses to queue such a rerun in the first place.
-- (Runs that failed for a platform reason are not complete and may still be rerun and amended.)

CREATE OR REPLACE FUNCTION arena_finish_run(
    p_job bigint, p_owner text, p_run bigint, p_engine_version text, p_config_sha256 text,
    p_transcript bytea, p_transcript_root text, p_attestation text, p_results jsonb
) RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_status text;
    v_sealed boolean;
BEGIN
    UPDATE jobs SET status = 'done', lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
    WHERE id = p_job AND run_id = p_run AND lease_owner = p_owner AND status = 'running';
    IF NOT FOUND THEN
        RETURN 'lease_lost';
    END IF;
    SELECT r.status, c.published_at IS NOT NULL INTO v_status, v_sealed
    FROM runs r JOIN contests c ON c.id = r.contest_id WHERE r.id = p_run FOR UPDATE OF r;
    IF v_status = 'complete' AND v_sealed THEN
        RAISE EXCEPTION 'run % belongs to a published contest: its transcript and results are sealed', p_run
            USING ERRCODE = 'PA403';
    END IF;
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

-- Least privilege for tables added by later migrations: no write access by default; each new
-- table's migration grants exactly what the API and the runners need (DatabaseRoleTests lists
-- every table's grants, so a table without an explicit decision fails a test).
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE INSERT, UPDATE, DELETE ON TABLES FROM arena_api, arena_runner;
