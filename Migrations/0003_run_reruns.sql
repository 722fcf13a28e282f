-- Reruns: an organizer may queue a new `run` job for an existing run. At most one job per run
-- may be waiting or running at a time, so two concurrent rerun requests cannot both queue one.
CREATE UNIQUE INDEX jobs_one_active_per_run ON jobs (run_id)
    WHERE run_id IS NOT NULL AND status IN ('queued', 'running');
