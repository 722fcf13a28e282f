import Foundation

/// Writing to the standard streams without ever crashing: a reader that went away
/// (`arena status | head -1`) ends the process quietly with exit code 0, and a failing standard
/// error is ignored. `arena` ignores `SIGPIPE` (see ``Arena/main()``), so a closed pipe shows up
/// here as `EPIPE`.
enum Console {
    /// Writes `text` and a newline to standard output.
    static func out(_ text: String) {
        write(text + "\n", to: STDOUT_FILENO)
    }

    /// Writes `text` and a newline to standard error.
    static func err(_ text: String) {
        write(text + "\n", to: STDERR_FILENO)
    }

    /// Writes without a newline to standard error (progress lines).
    static func errRaw(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    /// Writes all of `text` to `descriptor`, retrying short writes and `EINTR`.
    static func write(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written > 0 {
                offset += written
                continue
            }
            let code = written < 0 ? errno : EIO
            if code == EINTR { continue }
            guard descriptor == STDOUT_FILENO else { return }
            outputFailed(errno: code)
        }
    }

    /// Standard output is gone: quietly for a closed pipe (the reader has what it wanted),
    /// with a message for anything else (a full disk, a closed descriptor).
    private static func outputFailed(errno code: Int32) -> Never {
        if code == EPIPE { exit(ExitCodes.success) }
        write("error: cannot write to standard output: \(String(cString: strerror(code)))\n", to: STDERR_FILENO)
        exit(ExitCodes.usage)
    }
}
