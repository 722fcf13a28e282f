/// Finds the Python error in a crashed bot's stderr: the exception line of the last traceback
/// (or of a `SyntaxError` report) and the innermost line of the team's own code it points at,
/// e.g. `bot.py, line 3: SyntaxError: expected ':'`. The same text comes out of a sandboxed
/// worker (files under `/bot`) and a plain local process (files under the bundle directory).
public enum PythonErrorSummary {
    /// The summary, or nil when `stderr` holds no Python exception line.
    public static func summary(stderr: String, bundleDirectory: String) -> String? {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let errorIndex = lines.lastIndex(where: isExceptionLine) else { return nil }
        let error = lines[errorIndex].trimmingTrailingWhitespace
        var location: String?
        var fallback: String?
        for line in lines[..<errorIndex] {
            guard let (path, number) = fileLine(line) else { continue }
            let relative = relativePath(path, bundleDirectory: bundleDirectory)
            fallback = "\(relative ?? path), line \(number)"
            if let relative { location = "\(relative), line \(number)" }
        }
        guard let place = location ?? fallback else { return error }
        return "\(place): \(error)"
    }

    /// `Traceback`'s last line: `NameError: name 'x' is not defined`, `SyntaxError: …`, or a
    /// bare exception name such as `KeyboardInterrupt`.
    static func isExceptionLine(_ line: String) -> Bool {
        guard let first = line.first, first.isLetter || first == "_" else { return false }
        let name = line.prefix { $0 != ":" }
        guard !name.contains(" "), name.count < 100 else { return false }
        let simple = name.split(separator: ".").last.map(String.init) ?? String(name)
        return ["Error", "Exception", "Exit", "Interrupt", "Warning"].contains { simple.hasSuffix($0) }
    }

    /// `  File "/bot/bot.py", line 3` (optionally `, in on_tick`) → path and line number.
    static func fileLine(_ line: String) -> (String, Int)? {
        let trimmed = line.drop { $0 == " " }
        guard trimmed.hasPrefix("File \"") else { return nil }
        let rest = trimmed.dropFirst("File \"".count)
        guard let quote = rest.firstIndex(of: "\"") else { return nil }
        let path = String(rest[..<quote])
        let after = rest[rest.index(after: quote)...]
        guard after.hasPrefix(", line ") else { return nil }
        let digits = after.dropFirst(", line ".count).prefix { $0.isNumber }
        guard let number = Int(digits) else { return nil }
        return (path, number)
    }

    /// The path inside the bundle (`/bot/x.py` in the sandbox, `<bundle>/x.py` locally), or nil.
    static func relativePath(_ path: String, bundleDirectory: String) -> String? {
        for prefix in ["/bot/", bundleDirectory.hasSuffix("/") ? bundleDirectory : bundleDirectory + "/"]
        where !prefix.isEmpty && prefix != "/" && path.hasPrefix(prefix) {
            return String(path.dropFirst(prefix.count))
        }
        return nil
    }
}

extension String {
    fileprivate var trimmingTrailingWhitespace: String {
        var copy = self
        while let last = copy.last, last.isWhitespace { copy.removeLast() }
        return copy
    }
}
