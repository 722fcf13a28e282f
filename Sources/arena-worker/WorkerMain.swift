import BotProtocol
import Foundation
import MarketModel
import StrategyKit

/// `arena-worker <strategy.yaml>`: hosts a `rules` strategy as a bot speaking protocol v1 on
/// stdin/stdout. It runs inside the sandbox; errors go to stderr (captured for the team).
@main
struct WorkerMain {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count == 2 else {
            FileHandle.standardError.write(Data("usage: arena-worker <strategy.yaml>\n".utf8))
            exit(2)
        }
        do {
            var session = try WorkerSession(strategyPath: arguments[1])
            try session.run()
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("arena-worker: \(error)\n".utf8))
            exit(1)
        }
    }
}
