-- Integrity reports (docs/INTEGRITY.md): when an evaluation's last run completes, the runner
-- computes the fair-play report from the runs' transcripts with the contest's published
-- thresholds and stores its canonical JSON here with the SHA-256 of those bytes. The report is a
-- pure function of the transcripts and the thresholds, so `arena verify --contest` recomputes
-- the same bytes after publication.
--
-- Append-only: nobody (not even the owner) updates or deletes a report. A rerun that changes a
-- run of a complete evaluation (before publication) adds a newer report for the same evaluation;
-- the newest one (highest id) is the evaluation's report. Runners insert (only a report whose
-- bytes hash to the stated SHA-256, for an evaluation of the stated contest); the API only reads.
-- Organizer decisions about findings go to the audit log (`integrity.cleared`,
-- `integrity.acknowledged`), never into this table: a flag never changes a board by itself.

CREATE TABLE integrity_reports (
    id             bigserial PRIMARY KEY,
    evaluation_id  bigint NOT NULL REFERENCES evaluations(id),
    contest_id     text NOT NULL REFERENCES contests(id),
    report         bytea NOT NULL,
    sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    flagged_teams  integer NOT NULL CHECK (flagged_teams >= 0),
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (evaluation_id, sha256)
);
CREATE INDEX integrity_reports_contest ON integrity_reports (contest_id, evaluation_id DESC, id DESC);

CREATE FUNCTION arena_integrity_report_checked() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF encode(sha256(NEW.report), 'hex') <> NEW.sha256 THEN
        RAISE EXCEPTION 'integrity report of evaluation % does not hash to %', NEW.evaluation_id, NEW.sha256
            USING ERRCODE = 'PA403';
    END IF;
    IF NOT EXISTS (
        SELECT 1 FROM evaluations WHERE id = NEW.evaluation_id AND contest_id = NEW.contest_id AND status = 'complete')
    THEN
        RAISE EXCEPTION 'evaluation % of contest % is not complete', NEW.evaluation_id, NEW.contest_id
            USING ERRCODE = 'PA403';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER integrity_reports_checked BEFORE INSERT ON integrity_reports
    FOR EACH ROW EXECUTE FUNCTION arena_integrity_report_checked();
CREATE TRIGGER integrity_reports_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON integrity_reports
    FOR EACH STATEMENT EXECUTE FUNCTION arena_refuse_change();

REVOKE ALL ON integrity_reports FROM arena_api, arena_runner;
REVOKE ALL ON SEQUENCE integrity_reports_id_seq FROM arena_api, arena_runner;
GRANT SELECT ON integrity_reports TO arena_api, arena_runner;
GRANT INSERT (evaluation_id, contest_id, report, sha256, flagged_teams) ON integrity_reports TO arena_runner;
GRANT USAGE, SELECT ON SEQUENCE integrity_reports_id_seq TO arena_runner;
