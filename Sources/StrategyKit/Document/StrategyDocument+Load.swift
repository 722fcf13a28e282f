import Foundation

extension StrategyDocument {
    /// Reads and parses `path`: a `strategy.yaml` file or a bundle directory containing one.
    ///
    /// - Throws: `StrategyError` (`unreadable` when the file cannot be read, otherwise as `parse`).
    public static func load(path: String) throws(StrategyError) -> StrategyDocument {
        let (text, file) = try text(path: path)
        return try parse(yaml: text, fileName: file)
    }

    /// The text of `path` (a `strategy.yaml` file or a bundle directory containing one) and the
    /// file's path, for diagnostics.
    ///
    /// - Throws: `StrategyError` (`unreadable`, or `input_too_large` for an oversized file).
    public static func text(path: String) throws(StrategyError) -> (text: String, file: String) {
        var isDirectory: ObjCBool = false
        var file = path
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            file = (path as NSString).appendingPathComponent("strategy.yaml")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        if let size = attributes?[.size] as? NSNumber, size.intValue > InputGuard.maxBytes {
            throw unreadable(
                file, "file is \(size.intValue) bytes; the limit is \(InputGuard.maxBytes)", .inputTooLarge)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw unreadable(file, "cannot read '\(file)'", .unreadable)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw unreadable(file, "'\(file)' is not UTF-8 text", .unreadable)
        }
        return (text, file)
    }

    private static func unreadable(_ file: String, _ message: String, _ code: StrategyErrorCode) -> StrategyError {
        StrategyError(
            code: code,
            diagnostics: [
                Diagnostic(
                    file: file, line: 1, column: 1, offendingText: "", message: message,
                    expected: "a readable strategy.yaml (or a bundle directory containing one)")
            ])
    }
}
