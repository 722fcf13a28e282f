import Foundation

/// Writes a line to standard output immediately (no buffering), so progress shows in pipes too.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
