import AuditLog
import MarketModel

/// Reads what a bot did from a finished transcript.
enum EpisodeActivity {
    /// Orders of `account` the exchange accepted (every tick of the transcript).
    static func acceptedOrders(in transcript: Transcript, account: AccountID) -> Int {
        guard let records = try? Transcript.decode(transcript.bytes).records else { return 0 }
        var count = 0
        for record in records {
            for case .orderAccepted(_, let request) in record.events where request.account == account { count += 1 }
        }
        return count
    }
}
