public import Foundation

/// Where a contest stands at an instant: which phase is open, and whether submissions and
/// registrations are accepted. Pure: the definition, the time and whether results are published
/// decide everything (the database enforces the same rule with its `contest_phases` rows).
///
/// A phase is open at `now` when `starts_at <= now < ends_at` (a missing bound is unbounded).
/// Phases may overlap; the current phase is the first open one in definition order. A published
/// contest is sealed: nothing is accepted any more.
public struct ContestLifecycle: Sendable, Equatable {
    /// What a team tries to do.
    public enum Activity: String, Sendable {
        case submissions
        case registrations
    }

    /// One phase with its window parsed.
    public struct Window: Sendable, Equatable {
        public var name: String
        public var startsAt: Date?
        public var endsAt: Date?
        public var submissions: Bool
        public var registration: Bool

        /// Whether `now` falls inside the window.
        public func contains(_ now: Date) -> Bool {
            (startsAt.map { $0 <= now } ?? true) && (endsAt.map { now < $0 } ?? true)
        }
    }

    public let contestId: String
    public let windows: [Window]
    public let now: Date
    public let published: Bool

    public init(definition: ContestDefinition, now: Date, published: Bool) {
        self.contestId = definition.id
        self.windows = definition.phases.map {
            Window(
                name: $0.name, startsAt: $0.startsAt.flatMap(Self.parse), endsAt: $0.endsAt.flatMap(Self.parse),
                submissions: $0.submissions, registration: $0.registration)
        }
        self.now = now
        self.published = published
    }

    /// The first phase open at `now`, if any (also after publication: phases are a calendar).
    public var currentPhase: Window? { windows.first { $0.contains(now) } }

    /// Whether a team may submit now.
    public var submissionsOpen: Bool { isOpen(for: .submissions) }

    /// Whether a team may register now (the organizer's registration switch and invite code are
    /// checked separately).
    public var registrationOpen: Bool { isOpen(for: .registrations) }

    /// Whether `activity` is accepted now.
    public func isOpen(for activity: Activity) -> Bool {
        guard !published else { return false }
        return windows.contains { window in
            window.contains(now) && (activity == .submissions ? window.submissions : window.registration)
        }
    }

    /// Why `activity` is refused now, for a person, with the phase times; nil when it is open.
    public func closedMessage(for activity: Activity) -> String? {
        guard !isOpen(for: activity) else { return nil }
        if published {
            return "\(contestId) is published: its results are sealed and no more \(activity.rawValue) are accepted"
        }
        let allowing = windows.filter { activity == .submissions ? $0.submissions : $0.registration }
        guard !allowing.isEmpty else { return "no phase of \(contestId) accepts \(activity.rawValue)" }
        let times = allowing.map { "\($0.name) \(Self.format($0.startsAt)) – \(Self.format($0.endsAt))" }
        let upcoming = allowing.compactMap(\.startsAt).filter { $0 > now }.min()
        let next = upcoming.map { "; next opening \(Self.format($0))" } ?? ""
        return "\(activity.rawValue) to \(contestId) are closed now (\(Self.format(now))); phases accepting them: "
            + times.joined(separator: ", ") + next
    }

    /// Parses an ISO-8601 UTC instant such as `2030-01-01T00:00:00Z` (fractional seconds allowed).
    public static func parse(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    static func format(_ date: Date?) -> String {
        guard let date else { return "open" }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
