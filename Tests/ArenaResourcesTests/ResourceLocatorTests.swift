import ArenaResources
import Foundation
import Testing

/// The search order for `Migrations/`, `Seeds/` and the Python SDK: explicit flag, environment,
/// the install next to the executable, the checkout above the executable, the checkout above the
/// current directory; and errors that list every place tried.
@Suite struct ResourceLocatorTests {
    @Test func anInstallNextToTheExecutableIsFoundFromAnyDirectory() throws {
        try withScratch { scratch in
            let migrations = try scratch.make("opt/perparena/share/perparena/Migrations/0001_initial.sql")
            let locator = scratch.locator(executable: "opt/perparena/bin/arena-server", currentDirectory: "elsewhere")
            #expect(try locator.directory(for: .migrations) == migrations)
        }
    }

    @Test func aBuildInACheckoutFindsTheCheckoutFromAnyDirectory() throws {
        try withScratch { scratch in
            try scratch.make("repo/Seeds/contests/demo.yaml")
            let seeds = scratch.path("repo/Seeds")
            let sdk = try scratch.make("repo/Sources/PythonSDK/perparena.py")
            let locator = scratch.locator(
                executable: "repo/.build/x86_64-unknown-linux-gnu/debug/arena-server", currentDirectory: "elsewhere")
            #expect(try locator.directory(for: .seeds) == seeds)
            #expect(try locator.directory(for: .pythonSDK) == sdk)
            #expect(try locator.file("contests/demo.yaml", in: .seeds) == seeds + "/contests/demo.yaml")
        }
    }

    @Test func theCurrentDirectoryIsSearchedLast() throws {
        try withScratch { scratch in
            let checkout = try scratch.make("repo/Migrations/0001_initial.sql")
            try scratch.make("repo/deep/inside/.keep")
            let other = try scratch.make("bin-repo/Migrations/0001_initial.sql")
            let fromCurrent = scratch.locator(executable: "usr/bin/arena-server", currentDirectory: "repo/deep/inside")
            #expect(try fromCurrent.directory(for: .migrations) == checkout)
            let fromExecutable = scratch.locator(executable: "bin-repo/bin/arena-server", currentDirectory: "repo")
            #expect(try fromExecutable.directory(for: .migrations) == other)
        }
    }

    @Test func explicitDirectoriesWinInOrderFlagVariableSharedDirectory() throws {
        try withScratch { scratch in
            try scratch.make("opt/share/perparena/Seeds/contests/demo.yaml")
            let flag = try scratch.make("flag/Seeds/.keep")
            let variable = try scratch.make("variable/Seeds/.keep")
            let shared = try scratch.make("shared/Seeds/.keep")
            var configuration = scratch.configuration(executable: "opt/bin/arena-server", currentDirectory: "")
            configuration.environment = ["ARENA_RESOURCES_DIR": scratch.path("shared")]
            #expect(try ResourceLocator(configuration: configuration).directory(for: .seeds) == shared)
            configuration.environment["ARENA_SEEDS_DIR"] = variable
            #expect(try ResourceLocator(configuration: configuration).directory(for: .seeds) == variable)
            configuration.explicit[.seeds] = flag
            #expect(try ResourceLocator(configuration: configuration).directory(for: .seeds) == flag)
        }
    }

    @Test func aMissingExplicitDirectoryIsAnErrorNotAFallback() throws {
        try withScratch { scratch in
            try scratch.make("opt/share/perparena/Migrations/0001_initial.sql")
            var configuration = scratch.configuration(executable: "opt/bin/arena-server", currentDirectory: "")
            configuration.environment = ["ARENA_MIGRATIONS_DIR": scratch.path("nowhere")]
            let error = #expect(throws: ResourceLocatorError.self) {
                try ResourceLocator(configuration: configuration).directory(for: .migrations)
            }
            #expect(error?.code == .explicitPathMissing)
            #expect(error?.description.contains("ARENA_MIGRATIONS_DIR") == true)
        }
    }

    @Test func notFoundListsEveryPlaceTried() throws {
        try withScratch { scratch in
            try scratch.make("work/.keep")
            let locator = scratch.locator(executable: "opt/bin/arena-server", currentDirectory: "work")
            let error = #expect(throws: ResourceLocatorError.self) { try locator.directory(for: .migrations) }
            #expect(error?.code == .notFound)
            #expect(
                error?.tried == [
                    "ARENA_MIGRATIONS_DIR (not set)", "ARENA_RESOURCES_DIR (not set)",
                    "the install next to the executable: \(scratch.path("opt/share/perparena/Migrations"))",
                    "Migrations/ in \(scratch.path("opt/bin")) and its parents (the executable's)",
                    "Migrations/ in \(scratch.path("work")) and its parents (the current directory)",
                ])
            #expect(error?.description.contains("share/perparena/Migrations") == true)
        }
    }

    @Test func aSearchedDirectoryWithoutItsMarkerDoesNotCount() throws {
        try withScratch { scratch in
            try scratch.make("opt/share/perparena/Seeds/README")
            try scratch.make("repo/Seeds/contests/demo.yaml")
            let repo = scratch.path("repo/Seeds")
            let locator = scratch.locator(executable: "opt/bin/arena-server", currentDirectory: "repo")
            #expect(try locator.directory(for: .seeds) == repo)
        }
    }

    @Test func aMissingFileInAFoundDirectoryNamesIt() throws {
        try withScratch { scratch in
            try scratch.make("repo/Seeds/contests/demo.yaml")
            let locator = scratch.locator(executable: "repo/bin/arena", currentDirectory: "")
            let error = #expect(throws: ResourceLocatorError.self) { try locator.file("demo-teams.json", in: .seeds) }
            #expect(error?.code == .fileMissing)
        }
    }

    @Test func thisTestProcessFindsTheRepositoryMigrations() throws {
        let directory = try ResourceLocator(configuration: .process()).directory(for: .migrations)
        #expect(FileManager.default.fileExists(atPath: directory + "/0001_initial.sql"))
    }
}
