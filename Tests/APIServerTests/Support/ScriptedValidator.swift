import BundleKit
import ContestModel

/// A bundle validator for tests: an archive reading `valid <name>` is valid (its hash is the name),
/// anything else is rejected with `not_a_bundle`.
struct ScriptedValidator: BundleValidating {
    func validate(archive: [UInt8], contest: ContestDefinition) -> BundleValidation {
        let text = String(decoding: archive, as: UTF8.self)
        guard text.hasPrefix("valid ") else { return .invalid(code: "not_a_bundle", report: "not a bundle") }
        return .valid(sha256: String(text.dropFirst("valid ".count)), runtime: "yaml", report: "ok")
    }
}
