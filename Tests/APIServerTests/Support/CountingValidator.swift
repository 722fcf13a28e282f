import BundleKit
import ContestModel
import Foundation
import Synchronization

/// `ScriptedValidator` that counts its calls and, for archives reading `slow …`, blocks until
/// `open()` is called (to hold the validation executor's threads).
final class CountingValidator: BundleValidating, Sendable {
    private let calls = Atomic(0)
    private let gate = DispatchSemaphore(value: 0)
    private let waiting = Atomic(0)

    var count: Int { calls.load(ordering: .relaxed) }
    /// Validations blocked on the gate.
    var blocked: Int { waiting.load(ordering: .relaxed) }

    func validate(archive: [UInt8], contest: ContestDefinition) -> BundleValidation {
        calls.add(1, ordering: .relaxed)
        let text = String(decoding: archive, as: UTF8.self)
        if text.hasPrefix("slow ") {
            waiting.add(1, ordering: .relaxed)
            gate.wait()
            waiting.subtract(1, ordering: .relaxed)
            return .valid(sha256: String(text.dropFirst("slow ".count)), runtime: "yaml", report: "ok")
        }
        return ScriptedValidator().validate(archive: archive, contest: contest)
    }

    /// Lets `count` blocked validations finish.
    func open(_ count: Int = 1) {
        for _ in 0..<count { gate.signal() }
    }
}
