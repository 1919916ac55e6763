import SmartMeetCore

/// What the detail pane was last asked to show.
public enum DetailRequest: Equatable, Sendable {
    case entity(Int64)
    case meeting(Int64)
    case answer
}

/// Timelines and meetings load on a background queue, so results can land out of order:
/// a refresh of the entity on screen, asked for when a reload finished, may land after
/// the timeline the user has just opened with Enter, and would put the old one back. Every
/// load goes through `request`, which remembers what is wanted, and a result that is not
/// the one wanted is dropped.
extension Update {
    static func request(_ r: DetailRequest, _ s: inout AppState, _ fx: inout [Effect]) {
        s.detailWanted = r
        switch r {
        case .entity(let id): fx.append(.loadEntity(id))
        case .meeting(let id): fx.append(.loadMeeting(id))
        case .answer: break
        }
    }

    /// What a loaded detail shows, in the terms it was asked for.
    static func subject(of d: Detail) -> DetailRequest {
        switch d {
        case .entity(let e, _): .entity(e.id)
        case .meeting(let m): .meeting(m.meeting.id)
        case .answer: .answer
        }
    }

    static func isWanted(_ d: Detail, _ s: AppState) -> Bool {
        s.detailWanted.map { $0 == subject(of: d) } ?? true
    }
}
