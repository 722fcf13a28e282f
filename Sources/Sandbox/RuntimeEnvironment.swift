import Foundation

/// An installed bot runtime built from a lock file (e.g. `python-ml`): a directory of packages a
/// Python bot may import besides the standard library and the SDK, mounted read-only into the
/// sandbox at its host path. Built by `Deployment/runtimes/build.sh NAME`, which writes
/// `runtime.json` (docs/OPERATIONS.md, "Bot runtimes").
public struct RuntimeEnvironment: Sendable, Hashable {
    /// Runtime name, e.g. `python-ml`.
    public var name: String
    /// SHA-256 (hex) of the lock file the runtime was built from: its identity.
    public var lockSHA256: String
    /// SHA-256 over every installed file (path and content), as the build script computed it.
    public var filesSHA256: String
    /// Python version the runtime was built for, e.g. `3.11.2`.
    public var pythonVersion: String
    /// The runtime's directory (mounted read-only at the same path).
    public var root: String
    /// Directory put on the bot's `PYTHONPATH`.
    public var sitePackages: String

    /// Creates a value.
    public init(
        name: String, lockSHA256: String, filesSHA256: String = "", pythonVersion: String = "", root: String,
        sitePackages: String
    ) {
        self.name = name
        self.lockSHA256 = lockSHA256
        self.filesSHA256 = filesSHA256
        self.pythonVersion = pythonVersion
        self.root = root
        self.sitePackages = sitePackages
    }

    /// The default directory of installed runtimes on runner hosts and team machines.
    public static let defaultDirectory = "/opt/perparena/runtimes"

    /// Runtime names: `python-` and then lowercase letters, digits and dashes.
    public static func isValidName(_ name: String) -> Bool {
        guard name.hasPrefix("python-"), name.count <= 40, name.count > 7 else { return false }
        return name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    /// Reads `directory/name/runtime.json`; throws `runtimeMissing` when there is no usable runtime.
    public static func load(name: String, directory: String) throws(SandboxError) -> RuntimeEnvironment {
        guard isValidName(name) else { throw SandboxError(.runtimeMissing, "\(name) is not a runtime name") }
        let root = "\(directory)/\(name)"
        let manifest = "\(root)/runtime.json"
        struct Manifest: Decodable {
            var name: String
            var lockSHA256: String
            var filesSHA256: String?
            var python: String?
            var sitePackages: String?
            enum CodingKeys: String, CodingKey {
                case name
                case lockSHA256 = "lock_sha256"
                case filesSHA256 = "files_sha256"
                case python
                case sitePackages = "site_packages"
            }
        }
        guard let data = FileManager.default.contents(atPath: manifest) else {
            throw SandboxError(
                .runtimeMissing,
                "runtime \(name) is not installed (no \(manifest)); install it with "
                    + "`Deployment/runtimes/build.sh \(name)` or `arena runtime install \(name)`")
        }
        let decoded: Manifest
        do {
            decoded = try JSONDecoder().decode(Manifest.self, from: data)
        } catch {
            throw SandboxError(.runtimeMissing, "\(manifest) is not a runtime manifest: \(error)")
        }
        guard decoded.name == name else {
            throw SandboxError(.runtimeMissing, "\(manifest) describes \(decoded.name), not \(name)")
        }
        guard decoded.lockSHA256.count == 64,
            decoded.lockSHA256.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { throw SandboxError(.runtimeMissing, "\(manifest): lock_sha256 is not 64 lowercase hex digits") }
        // The packages must lie inside the runtime's directory: that directory is all the sandbox
        // mounts, and a runtime.json pointing elsewhere (`../..`, `/usr/lib/python3/dist-packages`)
        // would put host paths on the bot's PYTHONPATH.
        let relative = decoded.sitePackages ?? "site-packages"
        guard !relative.isEmpty, !relative.hasPrefix("/"), !relative.contains("\0"), !relative.contains(":"),
            !relative.split(separator: "/").contains(where: { $0 == ".." || $0 == "." })
        else {
            throw SandboxError(
                .runtimeMissing, "\(manifest): site_packages must be a path inside \(root), not \(relative)")
        }
        let sitePackages = "\(root)/\(relative)"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: sitePackages, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw SandboxError(.runtimeMissing, "runtime \(name) has no \(sitePackages)") }
        return RuntimeEnvironment(
            name: name, lockSHA256: decoded.lockSHA256, filesSHA256: decoded.filesSHA256 ?? "",
            pythonVersion: decoded.python ?? "", root: root, sitePackages: sitePackages)
    }
}
