import Foundation
import Sandbox
import Testing

/// `runtime.json` of an installed runtime is read by every runner: one that names packages
/// outside its own directory, or a malformed identity, is refused before any bot starts.
@Suite("Runtime manifests")
struct RuntimeManifestTests {
    static let hash = String(repeating: "ab", count: 32)

    /// A runtime directory `python-x` under a fresh temporary directory, with `manifest` as its
    /// runtime.json and an empty site-packages.
    static func install(_ manifest: String) throws -> String {
        let directory = NSTemporaryDirectory() + "runtime-manifest-\(UUID().uuidString)"
        let root = directory + "/python-x"
        try FileManager.default.createDirectory(atPath: root + "/site-packages", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/lib", withIntermediateDirectories: true)
        try Data(manifest.utf8).write(to: URL(fileURLWithPath: root + "/runtime.json"))
        return directory
    }

    static func refusal(_ manifest: String) throws -> String? {
        let directory = try install(manifest)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            _ = try RuntimeEnvironment.load(name: "python-x", directory: directory)
            return nil
        } catch {
            #expect(error.code == .runtimeMissing)
            return error.detail
        }
    }

    @Test("a well-formed manifest loads with its identity and packages inside its directory")
    func loads() throws {
        let directory = try Self.install(
            #"{"name":"python-x","lock_sha256":"\#(Self.hash)","python":"3.11.2","site_packages":"lib"}"#)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let runtime = try RuntimeEnvironment.load(name: "python-x", directory: directory)
        #expect(runtime.lockSHA256 == Self.hash)
        #expect(runtime.sitePackages == directory + "/python-x/lib")
    }

    @Test("site_packages outside the runtime's directory is refused (no host paths on PYTHONPATH)")
    func packagesOutside() throws {
        for path in ["../../usr/lib/python3/dist-packages", "/usr/lib/python3/dist-packages", "lib/../..", ".", "a:b"] {
            let detail = try Self.refusal(
                #"{"name":"python-x","lock_sha256":"\#(Self.hash)","site_packages":"\#(path)"}"#)
            #expect(detail?.contains("site_packages must be a path inside") == true, "\(path): \(detail ?? "loaded")")
        }
    }

    @Test("a lock hash that is not 64 lowercase hex digits, or another runtime's name, is refused")
    func identity() throws {
        let upper = String(repeating: "AB", count: 32)
        #expect(try Self.refusal(#"{"name":"python-x","lock_sha256":"\#(upper)"}"#)?.contains("lock_sha256") == true)
        let spaces = String(repeating: " ", count: 64)
        #expect(try Self.refusal(#"{"name":"python-x","lock_sha256":"\#(spaces)"}"#)?.contains("lock_sha256") == true)
        #expect(
            try Self.refusal(#"{"name":"python-ml","lock_sha256":"\#(Self.hash)"}"#)?.contains("describes python-ml")
                == true)
    }

    @Test("runtime names cannot leave the runtimes directory")
    func names() throws {
        for name in ["python-../../etc", "python-", "python-ML", "ruby-ml", "python-a/b"] {
            #expect(throws: SandboxError.self) { try RuntimeEnvironment.load(name: name, directory: "/tmp") }
        }
    }
}
