import Foundation

/// A team's latest submission eligible for evaluation.
public struct EligibleEntry: Sendable, Equatable {
    public var teamId: Int64
    public var teamName: String
    public var submissionId: Int64
}
