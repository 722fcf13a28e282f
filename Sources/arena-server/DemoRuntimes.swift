import APIModels
import ContestModel
import Foundation
import NIOHTTP1
import Sandbox

/// The demo's teams that need an installed runtime (python-ml): left out, with a message, where
/// it is not installed; after the run, what their run reports say (runtime identity, decisions).
enum DemoRuntimes {
    /// Why a team needing `runtime` cannot play on this machine, or nil when it can: the runtime
    /// is not installed, or was built from another lock than the one `contest` pins (its runs
    /// would fail, and with them every heat it is in).
    static func missing(_ runtime: String?, contest: ContestDefinition) -> String? {
        guard let runtime, !["rules", "python", "exec"].contains(runtime) else { return nil }
        let directory = RuntimePaths.sandbox().runtimesDirectory
        let installed: RuntimeEnvironment
        do {
            installed = try RuntimeEnvironment.load(name: runtime, directory: directory)
        } catch {
            return "its bot needs the \(runtime) runtime, which is not installed in \(directory) "
                + "(install it with `Deployment/runtimes/build.sh \(runtime)` or `arena runtime install \(runtime)`)"
        }
        if let pinned = contest.runtimeSettings.limits[runtime]?.lockSHA256, pinned != installed.lockSHA256 {
            return "the contest pins \(runtime) to lock sha256 \(pinned), but \(installed.root) was built from "
                + "\(installed.lockSHA256) (rebuild it with `Deployment/runtimes/build.sh \(runtime)`)"
        }
        return nil
    }

    /// One line per team whose bot ran in an installed runtime: its run report's runtime and lock
    /// hash, and how many decisions it recorded (with the first one).
    static func reports(_ client: DemoClient, board: LeaderboardView, tokenFile: String) async -> [String] {
        guard let data = FileManager.default.contents(atPath: tokenFile),
            let tokens = try? JSONDecoder().decode([String: String].self, from: data)
        else { return [] }
        var lines: [String] = []
        for row in board.rows {
            guard let token = tokens[row.team], let run = row.runs.first,
                let report = try? await client.json(
                    RunReportView.self, .GET, "/v1/runs/\(run.runId)/report", token: token),
                let lock = report.runtimeLockSha256, let runtime = report.runtime
            else { continue }
            let decisions = report.decisions ?? []
            var line =
                "\(row.team): run \(run.runId) ran in runtime \(runtime) (lock sha256 \(lock)); "
                + "\(decisions.count) decisions recorded in its transcript"
            if let first = decisions.first {
                line +=
                    ", first at tick \(first.tick): \(first.model) → \(first.output) (`arena decisions \(run.runId)`)"
            }
            lines.append(line)
        }
        return lines
    }
}
