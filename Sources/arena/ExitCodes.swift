import ArgumentParser

/// The exit codes of every `arena` command (documented in `arena --help` and docs/CLI.md).
enum ExitCodes {
    /// The command did what was asked.
    static let success: Int32 = 0
    /// The thing examined failed: check errors, a bot that faulted (backtest, or in its runs after
    /// `submit --wait`), a rejected or failed submission, a verification divergence, a broken
    /// audit chain.
    static let failed: Int32 = 1
    /// Bad arguments or a local file problem.
    static let usage: Int32 = 2
    /// No token, or the server refused the token (401/403).
    static let auth: Int32 = 3
    /// The server could not be reached.
    static let unreachable: Int32 = 4
    /// The server refused the request (not found, conflict, quota, validation).
    static let refused: Int32 = 5
    /// The server failed (5xx) or answered something unexpected.
    static let server: Int32 = 6
    /// `--wait` gave up before the work finished.
    static let timeout: Int32 = 7

    /// The table shown in `arena --help` and docs/CLI.md.
    static let help = """
        Exit codes:
          0  success
          1  the thing examined failed (check errors, a bot that faulted in
             backtest or in its runs, a rejected or failed submission,
             verification failure)
          2  usage error or unreadable local file
          3  not logged in or token refused (`arena login`, `arena register`)
          4  server unreachable (is it running? check --server / ARENA_SERVER)
          5  the server refused the request (not found, name taken, quota,
             registration closed)
          6  server error or unexpected answer
          7  --wait timed out (work continues; follow it with `arena status`)
        A reader that stops early (`arena status | head -1`) ends the command
        quietly with 0.
        """
}
