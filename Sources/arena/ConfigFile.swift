import Foundation

/// The CLI's configuration file: named profiles, each with a server URL and a token.
///
/// Location: `$ARENA_CONFIG`, else `$XDG_CONFIG_HOME/arena/config.json`, else
/// `~/.config/arena/config.json`. Always written with mode 0600 (it holds tokens).
struct ConfigFile: Codable, Sendable, Equatable {
    /// One server identity.
    struct Profile: Codable, Sendable, Equatable {
        var server: String
        var token: String?
        /// The contest the team belongs to (set by `register` and `login`).
        var contest: String?
        var teamId: Int64?
        var teamName: String?
        /// `team` or `organizer`.
        var role: String?
    }

    static let defaultServer = "http://127.0.0.1:8080"

    var currentProfile: String = "default"
    var profiles: [String: Profile] = [:]

    /// The file's path for `environment`.
    static func path(environment: [String: String]) -> String {
        if let explicit = environment["ARENA_CONFIG"], !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/arena/config.json" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/arena/config.json"
    }

    /// Reads the file, or an empty configuration when there is none.
    static func load(path: String) throws(CLIError) -> ConfigFile {
        guard FileManager.default.fileExists(atPath: path) else { return ConfigFile() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError(
                "config_unreadable", "cannot read the configuration file \(path)",
                hint: "check its permissions, or point ARENA_CONFIG at another file", exitCode: ExitCodes.usage)
        }
        do {
            return try Self.decoder.decode(ConfigFile.self, from: data)
        } catch {
            throw CLIError(
                "config_invalid", "the configuration file \(path) is not valid JSON: \(error)",
                hint: "fix or delete it; `arena login` writes a new one", exitCode: ExitCodes.usage)
        }
    }

    /// Writes atomically with mode 0600 (a temporary file in the same directory, then a rename).
    func save(path: String) throws(CLIError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(self)
            let temporary = directory + "/.config.\(getpid()).tmp"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission) }
            _ = fchmod(fd, 0o600)
            let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
            guard written == data.count, rename(temporary, path) == 0 else {
                unlink(temporary)
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            throw CLIError(
                "config_unwritable", "cannot write the configuration file \(path)",
                hint: "check the directory's permissions, or set ARENA_CONFIG to a writable path",
                exitCode: ExitCodes.usage)
        }
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
