import APIModels
import Foundation

/// Printing values as the CLI's stable JSON: the one encoder configuration of every `--json`
/// output (the API's conventions: snake_case keys, ISO-8601 dates; pretty-printed, sorted keys).
enum Output {
    /// The encoder every `--json` output uses.
    static func encoder() -> JSONEncoder {
        let encoder = APIJSON.encoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` as pretty, sorted, snake_case JSON on standard output.
    static func json<T: Encodable>(_ value: T) {
        let data = (try? encoder().encode(value)) ?? Data("null".utf8)
        Console.out(String(decoding: data, as: UTF8.self))
    }
}
