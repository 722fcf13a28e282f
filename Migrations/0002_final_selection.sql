-- Final-submission selection: while a phase with `final_selection: true` is open, a team marks
-- one of its valid submissions; evaluations then use it instead of the team's newest.
ALTER TABLE submissions ADD COLUMN selected_at timestamptz;
CREATE UNIQUE INDEX submissions_one_selected ON submissions (team_id) WHERE selected_at IS NOT NULL;
