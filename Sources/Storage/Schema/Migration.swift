import Crypto
import Foundation

/// One forward-only schema migration read from `Migrations/NNNN_name.sql`.
public struct Migration: Sendable, Hashable {
    /// File name, e.g. `0001_initial.sql`.
    public var name: String
    public var sql: String
    /// Hex SHA-256 of the file's bytes.
    public var sha256: String

    public init(name: String, sql: String) {
        self.name = name
        self.sql = sql
        self.sha256 = SHA256.hash(data: Data(sql.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Loads every `NNNN_*.sql` file of `directory`, sorted by name. Finding the directory is the
    /// caller's job (`ArenaResources.ResourceLocator` in the executables).
    public static func load(from directory: String) throws(StorageError) -> [Migration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw StorageError(.migrationsMissing, "cannot read migrations directory \(directory)")
        }
        let files = names.filter { $0.hasSuffix(".sql") && $0.prefix(4).allSatisfy(\.isNumber) }.sorted()
        guard !files.isEmpty else { throw StorageError(.migrationsMissing, "no migrations in \(directory)") }
        var migrations: [Migration] = []
        for file in files {
            guard let text = try? String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8) else {
                throw StorageError(.migrationsMissing, "cannot read migration \(file)")
            }
            migrations.append(Migration(name: file, sql: text))
        }
        return migrations
    }
}
