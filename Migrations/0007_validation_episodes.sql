-- Validation episodes and the active entry a team controls.
--
-- Before a submission is queued for ranking a runner plays it alone in a short practice market
-- (a `validate` job naming the submission). The submission stays `validating` until then; a bot
-- that crashes, times out, breaks the protocol or (when the contest asks) never trades is
-- `rejected` and not charged. A passing one becomes the team's active entry.
--
-- The active entry: among a team's validated submissions (queued, running, scored, superseded),
-- the one activated last. Passing validation activates a submission; so do `POST
-- /v1/submissions/{id}/activate` (arena_activate_submission) and re-submitting identical bytes.
-- Evaluations take each team's final selection when it has one, else its active entry.

ALTER TABLE submissions ADD COLUMN activated_at timestamptz;
UPDATE submissions SET activated_at = created_at WHERE status IN ('queued', 'running', 'scored', 'superseded');
CREATE INDEX submissions_team_activated ON submissions (team_id, activated_at DESC NULLS LAST, id DESC);

ALTER TABLE jobs ADD COLUMN submission_id bigint REFERENCES submissions(id);
ALTER TABLE jobs DROP CONSTRAINT jobs_kind_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_kind_check CHECK (kind IN ('evaluate', 'run', 'publish', 'validate'));
ALTER TABLE jobs ADD CONSTRAINT jobs_validate_names_submission CHECK (kind <> 'validate' OR submission_id IS NOT NULL);
CREATE UNIQUE INDEX jobs_one_active_validation ON jobs (submission_id)
    WHERE kind = 'validate' AND status IN ('queued', 'running');

-- Makes p_submission the active entry of p_team. Returns 'activated', 'unchanged' (it already
-- was), 'not_found' (no such submission of the team) or 'not_activatable:<status>' (it has not
-- passed validation). Raises PA409 (arena_require_open) when the contest accepts no submissions
-- now: the team may change its entry exactly while it may submit.
CREATE FUNCTION arena_activate_submission(p_team bigint, p_submission bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_status text;
    v_contest text;
    v_active bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(727274016, (p_team % 2147483647)::integer);
    SELECT s.status, s.contest_id INTO v_status, v_contest FROM submissions s
    WHERE s.id = p_submission AND s.team_id = p_team FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 'not_found';
    END IF;
    IF v_status NOT IN ('queued', 'running', 'scored', 'superseded') THEN
        RETURN 'not_activatable:' || v_status;
    END IF;
    PERFORM arena_require_open(v_contest, 'submissions');
    SELECT s.id INTO v_active FROM submissions s
    WHERE s.team_id = p_team AND s.status IN ('queued', 'running', 'scored', 'superseded')
    ORDER BY s.activated_at DESC NULLS LAST, s.id DESC LIMIT 1;
    IF v_active = p_submission THEN
        RETURN 'unchanged';
    END IF;
    UPDATE submissions SET activated_at = clock_timestamp(), updated_at = now() WHERE id = p_submission;
    RETURN 'activated';
END
$$;

REVOKE EXECUTE ON FUNCTION arena_activate_submission(bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION arena_activate_submission(bigint, bigint) TO arena_api;

-- The API queues validation jobs; the runners activate the submissions that pass.
GRANT INSERT (submission_id) ON jobs TO arena_api;
GRANT UPDATE (activated_at) ON submissions TO arena_runner;
