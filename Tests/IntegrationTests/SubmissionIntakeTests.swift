import APIModels
import APIServer
import Foundation
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Storage
import Testing

/// An upload is stored with its verdict in one transaction: a failure anywhere in it (here the
/// validation job's insert) leaves no submission behind to hold one of the team's in-flight slots.
@Suite(.serialized)
struct SubmissionIntakeTests {
    @Test func aFailureMidwayLeavesNothingAndASuccessStoresEverything() async throws {
        try await ServiceFixture.with { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.router) { raw in
                let client = TestClient(client: raw)
                let organizer = try await fixture.organizerToken()
                try await fixture.createContest(
                    client, organizer: organizer, yaml: ServiceFixture.contestYAML(id: "intake"))
                let team = try await fixture.register(client, contest: "intake", name: "careful")
                let store = fixture.store
                func sql(_ text: String) async throws -> [String] {
                    let rows = try await store.client.query(PostgresQuery(unsafeSQL: text), logger: store.logger)
                    var values: [String] = []
                    for try await value in rows.decode(String?.self) { values.append(value ?? "") }
                    return values
                }
                func intake(_ verdict: SubmissionVerdict, sha: String) async throws -> Int64 {
                    try await store.intakeSubmission(
                        teamId: team.id, contestId: "intake", sha256: sha, runtime: "rules", bundle: Data([1, 2, 3]),
                        verdict: verdict)
                }
                // The job insert fails (a stand-in for a crash or a restarted database mid-upload).
                _ = try await sql(
                    """
                    CREATE FUNCTION intake_test_refuse() RETURNS trigger LANGUAGE plpgsql AS
                    $$ BEGIN RAISE EXCEPTION 'job table unavailable'; END $$
                    """)
                _ = try await sql(
                    "CREATE TRIGGER intake_test_refuse BEFORE INSERT ON jobs FOR EACH ROW EXECUTE FUNCTION intake_test_refuse()"
                )
                await #expect(throws: (any Error).self) { _ = try await intake(.accepted(report: "{}"), sha: "a1") }
                #expect(try await sql("SELECT count(*)::text FROM submissions WHERE team_id = \(team.id)") == ["0"])
                _ = try await sql("DROP TRIGGER intake_test_refuse ON jobs")

                let accepted = try await intake(.accepted(report: "{\"ok\":true}"), sha: "a1")
                #expect(
                    try await sql("SELECT status || ' ' || charged::text FROM submissions WHERE id = \(accepted)")
                        == ["validating true"])
                #expect(
                    try await sql("SELECT kind || ' ' || status FROM jobs WHERE submission_id = \(accepted)")
                        == ["validate queued"])
                let rejected = try await intake(.rejected(code: "bad_yaml", report: "{}"), sha: "b2")
                #expect(
                    try await sql("SELECT status || ' ' || charged::text FROM submissions WHERE id = \(rejected)")
                        == ["rejected false"])
                #expect(try await sql("SELECT count(*)::text FROM jobs WHERE submission_id = \(rejected)") == ["0"])
                let history = try #require(try await store.submission(id: rejected)?.statusHistoryJSON)
                #expect(history.contains("\"received\"") && history.contains("\"validating\""))
                #expect(history.contains("\"bad_yaml\""))
            }
        }
    }

    /// A manifest that smuggles a NUL (`runtime: "x\0y"`, which YAML decodes to a real NUL) is
    /// rejected and stored (422 with its report), not a 500 from the database.
    @Test func aManifestWithANulCharacterIsRejectedNotAServerError() async throws {
        try await ServiceFixture.with { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.router) { raw in
                let client = TestClient(client: raw)
                let organizer = try await fixture.organizerToken()
                try await fixture.createContest(
                    client, organizer: organizer, yaml: ServiceFixture.contestYAML(id: "nul"))
                let team = try await fixture.register(client, contest: "nul", name: "prankster")
                let directory = NSTemporaryDirectory() + "nul-\(UUID().uuidString.prefix(8))"
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(atPath: directory) }
                try "name: nul\nruntime: \"x\\0y\"\nentry: \"a\\0b\"\n".write(
                    toFile: directory + "/strategy.yaml", atomically: true, encoding: .utf8)
                // A plain `tar czf` (the CLI's packer would refuse the manifest before upload).
                let tar = Process()
                tar.executableURL = URL(fileURLWithPath: "/usr/bin/tar")
                tar.arguments = ["-C", directory, "-czf", directory + ".tar.gz", "strategy.yaml"]
                try tar.run()
                tar.waitUntilExit()
                defer { try? FileManager.default.removeItem(atPath: directory + ".tar.gz") }
                let bundle = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory + ".tar.gz")))
                let response = try await client.call(.post, "/v1/submissions", token: team.token, body: bundle)
                #expect(response.status == .unprocessableContent, "\(response.status) \(response.text)")
                let view = try response.decode(SubmissionView.self)
                #expect(view.status == "rejected")
                let stored = try #require(try await fixture.store.submission(id: view.id))
                #expect(stored.status == "rejected")
                #expect(!(stored.validationReport ?? "").contains("\0"))
            }
        }
    }
}
