import Foundation

/// Which files of a bundle directory are left out of `arena submit` and `arena backtest`: built-in
/// defaults (plots, caches, virtualenvs, version control, `.arena*`), then the bundle's
/// `.arenaignore`, a subset of gitignore: one pattern per line, `#` comments, `!` re-includes,
/// a trailing `/` matches only directories, a pattern with a `/` elsewhere is relative to the
/// bundle root, otherwise it matches a name at any depth; globs as in ``GlobPattern``. The last
/// matching pattern wins; an ignored directory is skipped whole.
struct ArenaIgnore: Sendable {
    /// One pattern line.
    struct Rule: Sendable, Equatable {
        var glob: GlobPattern
        var negated: Bool
        var directoryOnly: Bool
        /// Matched against the whole relative path (else against the last component).
        var anchored: Bool
        /// The line as written, for messages.
        var text: String
    }

    /// The file's name in a bundle directory.
    static let fileName = ".arenaignore"

    /// Applied before the bundle's own patterns (negate one with `!pattern`).
    static let defaults = [
        ".git/", ".hg/", ".svn/", ".DS_Store", "__pycache__/", "*.pyc", "*.pyo", ".venv/", "venv/",
        ".mypy_cache/", ".pytest_cache/", ".ruff_cache/", ".ipynb_checkpoints/", "*.svg", ".arena*",
    ]

    var rules: [Rule]

    /// The defaults followed by the patterns in `text`.
    init(text: String = "") {
        rules =
            (Self.defaults + text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init))
            .compactMap(Self.rule)
    }

    /// The rules for the bundle at `directory` (its `.arenaignore`, if any).
    static func load(directory: String) throws(CLIError) -> ArenaIgnore {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return ArenaIgnore() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError.usage("cannot read \(path)", hint: "check its permissions")
        }
        return ArenaIgnore(text: String(decoding: data, as: UTF8.self))
    }

    /// Whether `path` (relative, `/`-separated) is left out.
    func ignores(_ path: String, isDirectory: Bool) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var ignored = false
        for rule in rules where !rule.directoryOnly || isDirectory {
            if rule.glob.matches(rule.anchored ? path : name) { ignored = !rule.negated }
        }
        return ignored
    }

    /// Whether the file at `path` is left out, itself or through one of its directories.
    func excludes(file path: String) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        for end in parts.indices.dropLast()
        where ignores(parts[...end].joined(separator: "/"), isDirectory: true) {
            return true
        }
        return ignores(path, isDirectory: false)
    }

    private static func rule(_ line: String) -> Rule? {
        var text = line
        while text.hasSuffix(" ") && !text.hasSuffix("\\ ") { text.removeLast() }
        if text.hasSuffix("\r") { text.removeLast() }
        guard !text.isEmpty, !text.hasPrefix("#") else { return nil }
        var pattern = Substring(text)
        let negated = pattern.hasPrefix("!")
        if negated { pattern = pattern.dropFirst() }
        if pattern.hasPrefix("\\#") || pattern.hasPrefix("\\!") { pattern = pattern.dropFirst() }
        let directoryOnly = pattern.hasSuffix("/")
        while pattern.hasSuffix("/") { pattern = pattern.dropLast() }
        var anchored = pattern.contains("/")
        if pattern.hasPrefix("/") {
            pattern = pattern.dropFirst()
            anchored = true
        }
        guard !pattern.isEmpty else { return nil }
        return Rule(
            glob: GlobPattern(String(pattern)), negated: negated, directoryOnly: directoryOnly, anchored: anchored,
            text: line)
    }
}
