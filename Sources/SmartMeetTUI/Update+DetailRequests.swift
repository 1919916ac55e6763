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

    static func isWanted(_ d: Detail, _ s: AppState) -> Bool {
        guard let want = s.detailWanted else { return true }
        switch d {
        case .entity(let e, _): return want == .entity(e.id)
        case .meeting(let m): return want == .meeting(m.meeting.id)
        case .answer: return want == .answer
        }
    }
}
