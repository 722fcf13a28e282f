import Foundation
import Testing

@testable import BotProtocol

@Suite("Decision in actions replies")
struct DecisionCodecTests {
    let codec = BotProtocolCodec()

    func decode(_ text: String) throws(ProtocolError) -> BotMessage {
        try codec.decodeBotLine(Array(text.utf8))
    }

    func code(_ text: String) -> ProtocolError.Code? {
        do {
            _ = try decode(text)
            return nil
        } catch {
            return error.code
        }
    }

    static let place =
        #"{"action":"place","symbol":"BTC-PERP","side":"buy","type":"market","quantity":"0.01","client_id":8}"#

    @Test("a decision is decoded with its fields and bound to the reply's client ids")
    func decodes() throws {
        let line =
            #"{"type":"actions","tick":5,"actions":[\#(Self.place)],"decision":{"model":"lgbm","version":"3","inputs_digest":"sha256:ab","inputs":"ret_5=0.01","output":"up p=0.7","rationale":"trend","confidence":"0.7"}}"#
        guard case .actions(let actions) = try decode(line) else {
            Issue.record("not actions")
            return
        }
        let decision = try #require(actions.decision)
        #expect(decision.model == "lgbm" && decision.version == "3" && decision.output == "up p=0.7")
        #expect(decision.inputsDigest == "sha256:ab" && decision.confidence == "0.7")
        #expect(try decision.validate(against: actions.actions) == [8])
    }

    @Test("replies without a decision decode as before (v1 compatible)")
    func absentIsNil() throws {
        guard case .actions(let actions) = try decode(#"{"type":"actions","tick":5,"actions":[\#(Self.place)]}"#) else {
            Issue.record("not actions")
            return
        }
        #expect(actions.decision == nil)
    }

    @Test("a decision that is too long, empty, badly confident or bound to nothing is a protocol violation")
    func invalid() {
        func line(_ decision: String, actions: String = Self.place) -> String {
            #"{"type":"actions","tick":5,"actions":[\#(actions)],"decision":\#(decision)}"#
        }
        let long = String(repeating: "x", count: Decision.maxRationaleBytes + 1)
        #expect(code(line(#"{"model":"m","output":"o","rationale":"\#(long)"}"#)) == .invalidDecision)
        #expect(code(line(#"{"model":"","output":"o"}"#)) == .invalidDecision)
        #expect(code(line(#"{"model":"m","output":"o","confidence":"1.5"}"#)) == .invalidDecision)
        #expect(code(line(#"{"model":"m","output":"o","confidence":"-0.1"}"#)) == .invalidDecision)
        #expect(code(line(#"{"model":"m","output":"o","client_ids":[9]}"#)) == .invalidDecision)
        #expect(code(line(#"{"model":"m","output":"o"}"#, actions: #"{"action":"cancel_all"}"#)) == .invalidDecision)
        #expect(code(line(#"{"model":"m","output":"o","confidence":"1"}"#)) == nil)
        #expect(code(line(#"{"model":"m","output":"o","confidence":0.5}"#)) == .invalidMessage)
    }

    /// client_id 0 is recorded as "no client id", so a decision bound to it could never be
    /// matched to its order by `arena verify`: it binds nothing.
    @Test("client_id 0 binds no decision (the transcript has no client id 0 to check it against)")
    func zeroBindsNothing() throws {
        func line(_ decision: String) -> String {
            let zero = Self.place.replacingOccurrences(of: #""client_id":8"#, with: #""client_id":0"#)
            return #"{"type":"actions","tick":5,"actions":[\#(zero),\#(Self.place)],"decision":\#(decision)}"#
        }
        #expect(code(line(#"{"model":"m","output":"o","client_ids":[0]}"#)) == .invalidDecision)
        guard case .actions(let actions) = try decode(line(#"{"model":"m","output":"o"}"#)) else {
            Issue.record("not actions")
            return
        }
        #expect(try actions.decision?.validate(against: actions.actions) == [8])
        let onlyZero =
            #"{"type":"actions","tick":5,"actions":[\#(Self.place.replacingOccurrences(of: "8}", with: "0}"))],"decision":{"model":"m","output":"o"}}"#
        #expect(code(onlyZero) == .invalidDecision)
    }
}
