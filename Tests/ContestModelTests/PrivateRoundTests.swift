import ContestModel
import Foundation
import Testing

@Suite struct PrivateRoundTests {
    @Test func aPrivateRoundWithASeedIsRefusedWithTheReason() {
        let yaml = "id: p\nname: P\nevaluation: { rounds: [{seed: 1, public: true}, {seed: 7741, public: false}] }\n"
        #expect {
            try ContestDefinitionLoader.parse(yaml)
        } throws: { error in
            guard let error = error as? ContestError else { return false }
            return error.field == "evaluation.rounds[1].seed" && error.message.contains("server draws")
        }
    }

    @Test func aPublicRoundNeedsItsSeed() {
        #expect {
            try ContestDefinitionLoader.parse("id: p\nname: P\nevaluation: { rounds: [{public: true}] }\n")
        } throws: { error in
            (error as? ContestError)?.field == "evaluation.rounds[0].seed"
        }
    }

    @Test func thePublicDefinitionHasNoSecrets() throws {
        let definition = try ContestDefinitionLoader.parse(
            """
            id: p
            name: P
            evaluation: { rounds: [{seed: 5, public: true}, {public: false}] }
            registration: { invite_code: hunter2 }
            """)
        let publicJSON = try definition.publicCanonicalJSON()
        #expect(!publicJSON.contains("hunter2"))
        #expect(!publicJSON.contains("invite_code"))
        #expect(publicJSON.contains(#"{"public":false}"#), "\(publicJSON)")
        #expect(try definition.sha256() == (try definition.publicDefinition.sha256()))
        let secret = try #require(try definition.secretJSON())
        #expect(secret == #"{"invite_code":"hunter2"}"#)
        let salt = [UInt8](repeating: 7, count: 32)
        let commitment = ContestDefinition.secretCommitment(secretJSON: secret, salt: salt)
        #expect(commitment.count == 64)
        #expect(
            commitment != ContestDefinition.secretCommitment(secretJSON: secret, salt: [UInt8](repeating: 8, count: 32))
        )
        #expect(try ContestDefinitionLoader.parse("id: q\nname: Q\n").secretJSON() == nil)
    }
}
