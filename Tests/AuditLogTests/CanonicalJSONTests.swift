import AuditLog
import Testing

@Suite("Canonical JSON")
struct CanonicalJSONTests {
    @Test("one byte form: sorted keys, no whitespace, minimal escapes, integers")
    func encoding() throws {
        let value = CanonicalJSON.object([
            "b": .array([.integer(-3), .bool(true), .null]), "a": .string("q\"\\/\n\t\u{1}é"), "B": .integer(0),
        ])
        #expect(
            String(decoding: value.encoded(), as: UTF8.self) == #"{"B":0,"a":"q\"\\/\n\t\u0001é","b":[-3,true,null]}"#)
        #expect(try CanonicalJSON.parse(value.encoded()) == value)
    }

    @Test(
        "strict parsing",
        arguments: [
            #"{"a":1,"a":2}"#, #"{"a":1.5}"#, #"{"a":1e3}"#, #"[1,]"#, #"{"a":1} x"#, "\"\u{1}\"", #"{"a":"\ud800"}"#,
            #"{"a":99999999999999999999}"#,
        ])
    func rejects(_ text: String) {
        #expect(throws: TranscriptError.self) { try CanonicalJSON.parse(Array(text.utf8)) }
    }

    @Test(
        "non-canonical but valid JSON parses, and is told apart",
        arguments: [#"{ "a":1}"#, #"{"b":1,"a":2}"#, #"{"a":"\u0041"}"#, #"{"a":01}"#])
    func nonCanonical(_ text: String) throws {
        let bytes = Array(text.utf8)
        let value = try CanonicalJSON.parse(bytes)
        #expect(value.encoded() != bytes)
        #expect(throws: TranscriptError.self) { try CanonicalJSON.parseCanonical(bytes, what: "it") }
    }
}
