/// A directory of data files the programs read at run time. In a checkout they sit in the
/// repository; an install copies them to `<prefix>/share/perparena/<installedName>` next to
/// `<prefix>/bin/`.
public enum ArenaResource: String, Sendable, CaseIterable {
    /// The SQL schema migrations, `NNNN_name.sql`.
    case migrations
    /// The demo contest, the sample teams and their strategies, example scenarios.
    case seeds
    /// The Python bot SDK (`perparena.py`), mounted read-only for Python bots.
    case pythonSDK

    /// The environment variable that names this directory explicitly.
    public var environmentVariable: String {
        switch self {
        case .migrations: "ARENA_MIGRATIONS_DIR"
        case .seeds: "ARENA_SEEDS_DIR"
        case .pythonSDK: "ARENA_PYTHON_SDK"
        }
    }

    /// The directory's name under `share/perparena/` and under `ARENA_RESOURCES_DIR`.
    public var installedName: String {
        switch self {
        case .migrations: "Migrations"
        case .seeds: "Seeds"
        case .pythonSDK: "PythonSDK"
        }
    }

    /// The directory's path in a checkout of the repository.
    public var repositoryPath: String {
        switch self {
        case .migrations: "Migrations"
        case .seeds: "Seeds"
        case .pythonSDK: "Sources/PythonSDK"
        }
    }

    /// A file a searched directory must contain to count as this resource (so that an unrelated
    /// `Seeds/` folder on the way up is not taken). Explicitly named directories need only exist.
    public var marker: String {
        switch self {
        case .migrations: "0001_initial.sql"
        case .seeds: "contests/demo.yaml"
        case .pythonSDK: "perparena.py"
        }
    }
}
