-- Abuse controls: submission quotas enforced atomically, and registration controls.
--
-- Quotas: an upload first takes a reservation under a per-team transaction-scoped advisory lock
-- (arena_reserve_submission), BEFORE any byte of the body is read. A reservation counts as
-- in flight, as possibly charged and as possibly invalid until the API settles it (stores the
-- submission, then deletes the reservation) or it expires (an API process that died mid-upload).
-- So however many uploads of one team race, the caps hold: in flight + open reservations never
-- exceeds max_in_flight, charged + open never exceeds submissions_per_day, invalid + open never
-- exceeds invalid_submissions_per_day.
--
-- Registration: caps per contest and per client address, single-use invites for invite-only
-- contests and the team members' contact addresses (unique per contest) when the contest asks
-- for them, all checked and written in one transaction under a per-contest advisory lock
-- (arena_register_team). The lifecycle trigger of 0005 (teams_require_open) still applies.

CREATE TABLE submission_reservations (
    id          bigserial PRIMARY KEY,
    team_id     bigint NOT NULL REFERENCES teams(id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);
CREATE INDEX submission_reservations_team ON submission_reservations (team_id, expires_at);

-- Takes a reservation for one upload of p_team, or says which cap refuses it. Counts are those
-- of the UTC day starting at p_since (in flight: any age). Refusals, in this order:
-- too_many_in_flight, quota_exceeded, invalid_quota_exceeded.
CREATE FUNCTION arena_reserve_submission(
    p_team bigint, p_since timestamptz, p_per_day integer, p_max_in_flight integer,
    p_invalid_per_day integer, p_ttl_seconds integer)
RETURNS TABLE (reservation_id bigint, refusal text, charged integer, invalid integer, in_flight integer,
               reserved integer)
LANGUAGE plpgsql AS $$
DECLARE
    v_charged integer;
    v_invalid integer;
    v_in_flight integer;
    v_reserved integer;
    v_id bigint;
BEGIN
    -- One team's reservations are serialised; other teams are not blocked (the key is the team).
    PERFORM pg_advisory_xact_lock(727274014, (p_team % 2147483647)::integer);
    DELETE FROM submission_reservations r WHERE r.team_id = p_team AND r.expires_at <= now();
    SELECT count(*) FILTER (WHERE s.charged AND s.created_at >= p_since),
           count(*) FILTER (WHERE s.status = 'rejected' AND s.created_at >= p_since),
           count(*) FILTER (WHERE s.status IN ('received', 'validating', 'queued', 'running'))
      INTO v_charged, v_invalid, v_in_flight
      FROM submissions s WHERE s.team_id = p_team;
    SELECT count(*) INTO v_reserved FROM submission_reservations r WHERE r.team_id = p_team;
    IF v_in_flight + v_reserved >= p_max_in_flight THEN
        RETURN QUERY SELECT NULL::bigint, 'too_many_in_flight'::text, v_charged, v_invalid, v_in_flight, v_reserved;
        RETURN;
    END IF;
    IF v_charged + v_reserved >= p_per_day THEN
        RETURN QUERY SELECT NULL::bigint, 'quota_exceeded'::text, v_charged, v_invalid, v_in_flight, v_reserved;
        RETURN;
    END IF;
    IF v_invalid + v_reserved >= p_invalid_per_day THEN
        RETURN QUERY SELECT NULL::bigint, 'invalid_quota_exceeded'::text, v_charged, v_invalid, v_in_flight,
            v_reserved;
        RETURN;
    END IF;
    INSERT INTO submission_reservations (team_id, expires_at)
    VALUES (p_team, now() + make_interval(secs => p_ttl_seconds)) RETURNING id INTO v_id;
    RETURN QUERY SELECT v_id, NULL::text, v_charged, v_invalid, v_in_flight, v_reserved + 1;
END
$$;

-- Who registered a team: the client address (as the API resolved it, IPv6 by /64) for the
-- per-address cap, and the invite it used.
CREATE TABLE team_registrations (
    team_id        bigint PRIMARY KEY REFERENCES teams(id),
    contest_id     text NOT NULL REFERENCES contests(id),
    address        text NOT NULL,
    invite_sha256  bytea,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX team_registrations_address ON team_registrations (contest_id, address);

-- Members' contact addresses (lower-cased): one team per address and contest.
CREATE TABLE team_members (
    contest_id  text NOT NULL REFERENCES contests(id),
    email       text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    team_id     bigint NOT NULL REFERENCES teams(id),
    PRIMARY KEY (contest_id, email)
);
CREATE INDEX team_members_team ON team_members (team_id);

-- Single-use invites of invite-only contests (stored by SHA-256; the code is shown once).
CREATE TABLE contest_invites (
    code_sha256   bytea PRIMARY KEY,
    contest_id    text NOT NULL REFERENCES contests(id),
    created_by    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    used_by_team  bigint REFERENCES teams(id),
    used_at       timestamptz
);
CREATE INDEX contest_invites_contest ON contest_invites (contest_id);

-- Registers a team under the contest's controls, or says which one refuses it: name_taken,
-- contest_full (p_max_teams), address_full (p_max_per_address), invite_required (invite-only and
-- no unused invite of this contest with hash p_invite), member_taken (a member address already
-- in another team of the contest). Null caps mean unlimited. Raises PA409 through the lifecycle
-- trigger when registration is closed by the contest's phases or publication.
CREATE FUNCTION arena_register_team(
    p_contest text, p_name text, p_token_sha256 bytea, p_address text, p_members text[],
    p_max_teams integer, p_max_per_address integer, p_invite_only boolean, p_invite bytea)
RETURNS TABLE (team_id bigint, created_at timestamptz, refusal text)
LANGUAGE plpgsql AS $$
DECLARE
    v_id bigint;
    v_created timestamptz;
    v_count integer;
    v_invite bytea;
BEGIN
    PERFORM pg_advisory_xact_lock(727274015, hashtext(p_contest));
    IF EXISTS (SELECT 1 FROM teams t WHERE t.contest_id = p_contest AND t.name = p_name) THEN
        RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, 'name_taken'::text;
        RETURN;
    END IF;
    IF p_max_teams IS NOT NULL THEN
        SELECT count(*) INTO v_count FROM teams t WHERE t.contest_id = p_contest;
        IF v_count >= p_max_teams THEN
            RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, 'contest_full'::text;
            RETURN;
        END IF;
    END IF;
    IF p_max_per_address IS NOT NULL THEN
        SELECT count(*) INTO v_count FROM team_registrations r
        WHERE r.contest_id = p_contest AND r.address = p_address;
        IF v_count >= p_max_per_address THEN
            RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, 'address_full'::text;
            RETURN;
        END IF;
    END IF;
    IF p_invite_only THEN
        SELECT i.code_sha256 INTO v_invite FROM contest_invites i
        WHERE i.code_sha256 = p_invite AND i.contest_id = p_contest AND i.used_at IS NULL FOR UPDATE;
        IF v_invite IS NULL THEN
            RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, 'invite_required'::text;
            RETURN;
        END IF;
    END IF;
    IF EXISTS (SELECT 1 FROM team_members m WHERE m.contest_id = p_contest AND m.email = ANY (p_members)) THEN
        RETURN QUERY SELECT NULL::bigint, NULL::timestamptz, 'member_taken'::text;
        RETURN;
    END IF;
    INSERT INTO teams (contest_id, name) VALUES (p_contest, p_name)
    RETURNING teams.id, teams.created_at INTO v_id, v_created;
    INSERT INTO team_tokens (token_sha256, team_id) VALUES (p_token_sha256, v_id);
    INSERT INTO team_registrations (team_id, contest_id, address, invite_sha256)
    VALUES (v_id, p_contest, p_address, v_invite);
    INSERT INTO team_members (contest_id, email, team_id)
    SELECT p_contest, m, v_id FROM unnest(p_members) AS m;
    IF v_invite IS NOT NULL THEN
        UPDATE contest_invites SET used_by_team = v_id, used_at = now() WHERE code_sha256 = v_invite;
    END IF;
    RETURN QUERY SELECT v_id, v_created, NULL::text;
END
$$;

-- Privileges: later tables get every privilege for both roles by default (0005); narrow them.
-- The API takes and settles reservations, registers teams and issues invites; runners may only
-- read who registered a team.
REVOKE ALL ON submission_reservations, team_registrations, team_members, contest_invites FROM arena_api, arena_runner;
REVOKE ALL ON SEQUENCE submission_reservations_id_seq FROM arena_api, arena_runner;
GRANT SELECT, INSERT, DELETE ON submission_reservations TO arena_api;
GRANT USAGE, SELECT ON SEQUENCE submission_reservations_id_seq TO arena_api;
GRANT SELECT, INSERT ON team_registrations, team_members, contest_invites TO arena_api;
GRANT UPDATE (used_by_team, used_at) ON contest_invites TO arena_api;
GRANT SELECT ON team_registrations TO arena_runner;
