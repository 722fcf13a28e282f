-- An evaluation runs under one set of rules: the contest definition the runner planned it with is
-- stored on the evaluation (with its SHA-256), and every run of the evaluation executes that
-- stored definition, not whatever the contest says when the run is claimed. An organizer who
-- edits the contest while heats run changes the next evaluation, never half of the current one.
-- The columns are written once, by the runner, when the evaluation is created; nobody may change
-- them afterwards (no UPDATE grant on them, and the trigger below for the owner role too).

ALTER TABLE evaluations ADD COLUMN definition_json text;
ALTER TABLE evaluations ADD COLUMN definition_sha256 text CHECK (definition_sha256 ~ '^[0-9a-f]{64}$');

CREATE FUNCTION arena_evaluation_definition_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.definition_json IS DISTINCT FROM OLD.definition_json
       OR NEW.definition_sha256 IS DISTINCT FROM OLD.definition_sha256 THEN
        RAISE EXCEPTION 'evaluation %: the definition it was planned with cannot change', OLD.id
            USING ERRCODE = 'PA403';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER evaluations_definition_immutable BEFORE UPDATE ON evaluations
    FOR EACH ROW EXECUTE FUNCTION arena_evaluation_definition_immutable();

GRANT INSERT (definition_json, definition_sha256) ON evaluations TO arena_runner;
