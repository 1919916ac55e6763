import Foundation

/// Plain values the rest of the app reads; no GRDB types leak past the store.
public struct MeetingSummary: Equatable, Sendable, Codable {
    public var id: Int64
    public var title: String
    public var date: String
    public var source: String
    public var speakers: Int
    public var changes: Int
    public var turns: Int

    public init(id: Int64, title: String, date: String, source: String, speakers: Int, changes: Int, turns: Int) {
        self.id = id; self.title = title; self.date = date; self.source = source
        self.speakers = speakers; self.changes = changes; self.turns = turns
    }
}

public struct EntitySummary: Equatable, Sendable, Codable {
    public var id: Int64
    public var name: String
    public var type: EntityType
    public var aliases: [String]
    public var state: EntityState?
    public var owner: String?
    public var due: String?
    public var lastChange: String?
    public var lastMentioned: String?
    /// Renamed or merged by the user.
    public var edited = false
    /// Hidden by the user; only listed when asked for.
    public var dismissed = false

    public init(id: Int64, name: String, type: EntityType, aliases: [String] = [], state: EntityState?, owner: String? = nil,
                due: String? = nil, lastChange: String? = nil, lastMentioned: String? = nil, edited: Bool = false, dismissed: Bool = false) {
        self.id = id; self.name = name; self.type = type; self.aliases = aliases; self.state = state
        self.owner = owner; self.due = due; self.lastChange = lastChange; self.lastMentioned = lastMentioned
        self.edited = edited; self.dismissed = dismissed
    }
}

public struct TimelineEntry: Equatable, Sendable, Codable {
    public var meetingId: Int64
    public var meetingTitle: String
    public var date: String
    public var state: EntityState
    /// Said in this meeting, or carried over from the last meeting that said it.
    public var owner: String?
    public var due: String?
    public var evidence: String
    /// The state before this one when it changed here.
    public var from: EntityState?
    /// 0-based position of the turn the evidence was said in (`turns.position`).
    public var turn = 0
    /// Set or changed by the user's correction at this meeting.
    public var byUser = false
    /// What the extractor said here before the user changed the state, when it did.
    public var extractorState: EntityState?

    public init(meetingId: Int64, meetingTitle: String, date: String, state: EntityState, owner: String?, due: String?,
                evidence: String, from: EntityState?, turn: Int = 0, byUser: Bool = false, extractorState: EntityState? = nil) {
        self.meetingId = meetingId; self.meetingTitle = meetingTitle; self.date = date; self.state = state
        self.owner = owner; self.due = due; self.evidence = evidence; self.from = from
        self.turn = turn; self.byUser = byUser; self.extractorState = extractorState
    }
}
