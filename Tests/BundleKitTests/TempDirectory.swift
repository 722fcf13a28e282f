import BundleKit
import Foundation

/// A fresh temporary directory, removed when the test ends (call `remove()` in a `defer`).
struct TempDirectory {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "bundlekit-XXXXXX").utf8CString)
        let result = template.withUnsafeMutableBufferPointer { buffer -> UnsafeMutablePointer<CChar>? in
            guard let base = buffer.baseAddress else { return nil }
            return mkdtemp(base)
        }
        guard let result else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: result)
    }

    func url(_ relative: String) -> String { path + "/" + relative }

    func write(_ relative: String, _ text: String, executable: Bool = false) throws {
        try write(relative, Array(text.utf8), executable: executable)
    }

    func write(_ relative: String, _ bytes: [UInt8], executable: Bool = false) throws {
        let full = url(relative)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true
        )
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        _ = chmod(full, executable ? 0o755 : 0o644)
    }

    func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: url(relative), withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A small valid bundle: manifest, python entry (executable), a nested helper and data file.
    static func sampleBundle() throws -> TempDirectory {
        let dir = try TempDirectory()
        try dir.write("strategy.yaml", "name: momentum\nruntime: python\nentry: bot.py\nrules: []\n")
        try dir.write("bot.py", "#!/usr/bin/env python3\nprint('hi')\n", executable: true)
        try dir.write("lib/util.py", "def f():\n    return 42\n")
        try dir.write("data/deep/prices.csv", String(repeating: "1,2,3\n", count: 500))
        return dir
    }
}

/// Runs `body` and returns the error it throws (nil if it succeeds).
func refusal<T>(_ body: () throws(BundleError) -> T) -> BundleError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

/// Unpacks with `limits` and returns the refusal code (nil if accepted).
func unpackCode(_ archive: [UInt8], limits: BundleLimits = BundleLimits()) -> BundleError.Code? {
    refusal { () throws(BundleError) in try BundleArchive.unpack(archive, limits: limits) }?.code
}
