import BundleKit
import Foundation
import Testing

@Suite struct WriteTests {
    private func bundle(_ extra: [BundleFile] = []) throws(BundleError) -> BundleKit.Bundle {
        try BundleKit.Bundle(
            files: [
                BundleFile(path: "strategy.yaml", bytes: Array("name: x\nruntime: exec\nentry: bin/run\n".utf8)),
                BundleFile(path: "bin/run", bytes: Array("#!/bin/sh\n".utf8), executable: true),
                BundleFile(path: "lib/util.py", bytes: Array("evil = True\n".utf8)),
            ] + extra)
    }

    @Test func preplantedDirectorySymlinkIsRefusedAndNothingEscapes() throws {
        let target = try TempDirectory()
        defer { target.remove() }
        let outside = try TempDirectory()
        defer { outside.remove() }
        #expect(symlink(outside.path, target.url("lib")) == 0)
        let error = refusal { () throws(BundleError) in try BundleArchive.write(try bundle(), to: target.path) }
        #expect(error?.code == .link)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test func preplantedFileSymlinkIsNotFollowed() throws {
        let target = try TempDirectory()
        defer { target.remove() }
        let outside = try TempDirectory()
        defer { outside.remove() }
        try outside.write("victim", "original")
        #expect(symlink(outside.url("victim"), target.url("strategy.yaml")) == 0)
        #expect(symlink(outside.url("new"), target.url("bin")) == 0)
        let error = refusal { () throws(BundleError) in try BundleArchive.write(try bundle(), to: target.path) }
        #expect(error?.code == .link)
        #expect(try String(contentsOfFile: outside.url("victim"), encoding: .utf8) == "original")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path) == ["victim"])
    }

    @Test func destinationRootSymlinkIsRefused() throws {
        let base = try TempDirectory()
        defer { base.remove() }
        try base.mkdir("real")
        #expect(symlink(base.url("real"), base.url("alias")) == 0)
        let error = refusal { () throws(BundleError) in try BundleArchive.write(try bundle(), to: base.url("alias")) }
        #expect(error?.code == .io)
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.url("real")).isEmpty)
    }

    @Test func existingFileIsNotOverwritten() throws {
        let target = try TempDirectory()
        defer { target.remove() }
        try target.write("strategy.yaml", "keep")
        let error = refusal { () throws(BundleError) in try BundleArchive.write(try bundle(), to: target.path) }
        #expect(error?.code == .duplicatePath)
        #expect(try String(contentsOfFile: target.url("strategy.yaml"), encoding: .utf8) == "keep")
    }

    @Test func tamperedBundlePathsAreRevalidated() throws {
        let target = try TempDirectory()
        defer { target.remove() }
        var tampered = try bundle()
        tampered.files.append(BundleFile(path: "../escaped", bytes: [1]))
        let error = refusal { () throws(BundleError) in try BundleArchive.write(tampered, to: target.path) }
        #expect(error?.code == .pathTraversal)
        #expect(!FileManager.default.fileExists(atPath: target.path + "/../escaped"))
    }

    @Test func writesFilesWithExpectedModes() throws {
        let target = try TempDirectory()
        defer { target.remove() }
        try BundleArchive.write(try bundle(), to: target.path)
        var info = stat()
        #expect(lstat(target.url("bin/run"), &info) == 0 && info.st_mode & 0o7777 == 0o755)
        #expect(lstat(target.url("lib/util.py"), &info) == 0 && info.st_mode & 0o7777 == 0o644)
        #expect(try String(contentsOfFile: target.url("lib/util.py"), encoding: .utf8) == "evil = True\n")
    }
}
