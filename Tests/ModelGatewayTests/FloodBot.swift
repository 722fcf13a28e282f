import Foundation

/// A raw-protocol Python bot that sends 40 `llm_request` lines at every decision point, reads
/// the 40 answers and logs their outcomes (`ok=16 malformed_request=24`).
enum FloodBot {
    static let source = #"""
        import json, sys
        out = sys.stdout
        for raw in sys.stdin:
            msg = json.loads(raw)
            if msg.get("type") == "end":
                break
            if msg.get("type") != "observation":
                continue
            if msg.get("decision_point"):
                for i in range(40):
                    out.write(json.dumps({"type": "llm_request", "id": "f%d" % i,
                                          "messages": [{"role": "user", "content": "mark=1 sma=1"}]}) + "\n")
                out.flush()
                counts = {}
                while sum(counts.values()) < 40:
                    answer = json.loads(sys.stdin.readline())
                    if answer.get("type") == "llm_response":
                        counts[answer["outcome"]] = counts.get(answer["outcome"], 0) + 1
                line = " ".join("%s=%d" % kv for kv in sorted(counts.items()))
                out.write(json.dumps({"type": "log", "message": line}) + "\n")
            out.write(json.dumps({"type": "actions", "tick": msg["tick"], "actions": []}) + "\n")
            out.flush()
        """#

    /// Writes the bundle to a fresh directory every sandbox user can read; returns its path.
    static func write() throws -> String {
        let directory = "/tmp/flood-bot-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let file = directory + "/bot.py"
        try Data(source.utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        return directory
    }
}
