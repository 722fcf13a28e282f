import Foundation

/// Locates the PostgreSQL server binaries (initdb, postgres, pg_isready, createdb).
struct PostgresBinaries {
    var directory: String

    func path(_ name: String) -> String { "\(directory)/\(name)" }

    /// Searches /usr/lib/postgresql/*/bin (newest first), then PATH.
    static func locate() throws(LocalPostgresError) -> PostgresBinaries {
        let fileManager = FileManager.default
        let root = "/usr/lib/postgresql"
        let versions = ((try? fileManager.contentsOfDirectory(atPath: root)) ?? [])
            .compactMap { Int($0) }.sorted(by: >)
        for version in versions {
            let directory = "\(root)/\(version)/bin"
            if fileManager.isExecutableFile(atPath: "\(directory)/postgres"),
                fileManager.isExecutableFile(atPath: "\(directory)/initdb")
            {
                return PostgresBinaries(directory: directory)
            }
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":").map(String.init)
        where fileManager.isExecutableFile(atPath: "\(directory)/postgres")
            && fileManager.isExecutableFile(atPath: "\(directory)/initdb")
        {
            return PostgresBinaries(directory: directory)
        }
        throw LocalPostgresError(
            .postgresNotInstalled,
            "PostgreSQL server binaries not found: install them with `apt-get install postgresql` "
                + "or set DATABASE_URL to an existing server")
    }
}
