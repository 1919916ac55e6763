import Foundation

/// The closed status vocabulary of FORMAT.md.
public enum EntityState: String, Codable, CaseIterable, Sendable {
    case proposed, planned, in_progress, blocked, at_risk, on_hold, completed, cancelled

    /// "in progress", the way people say it.
    public var spoken: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}

public enum EntityType: String, Codable, CaseIterable, Sendable {
    case project, feature, system, task, release, deal, document, budget
    case person, team, organization

    public var isTrackable: Bool { ![.person, .team, .organization].contains(self) }
}

/// One thing a meeting talks about, as that meeting names it. Resolution maps it to a
/// canonical entity across meetings.
public struct ExtractedEntity: Equatable, Sendable, Codable {
    /// The most specific name the meeting uses ("push notifications revamp").
    public var name: String
    public var type: EntityType
    /// Every other surface form used in the meeting ("push revamp", "push").
    public var aliases: [String]
    /// A named counterparty or product the thing hangs on ("Riverside Hall" for the venue
    /// contract); mentions of the anchor elsewhere refer to the same thing.
    public var anchor: String?
    /// True when the meeting only used a bare head noun ("the migration"): such a mention
    /// can only refer to something already known, never introduce a new entity.
    public var isGeneric: Bool
    public var turnIndices: [Int]
    /// For a generic mention ("the works", "the reopening"): the thing under discussion when
    /// it was said (an index into the extraction's entities). When no known thing has the
    /// generic's head, what was said of it is said of this one.
    public var fallback: Int?

    public init(name: String, type: EntityType, aliases: [String] = [], anchor: String? = nil,
                isGeneric: Bool = false, turnIndices: [Int] = [], fallback: Int? = nil) {
        self.fallback = fallback
        self.name = name
        self.type = type
        self.aliases = aliases
        self.anchor = anchor
        self.isGeneric = isGeneric
        self.turnIndices = turnIndices
    }

    public var allNames: [String] { [name] + aliases }
}

/// An entity's status at the end of one meeting, with the words that show it.
public struct ExtractedState: Equatable, Sendable, Codable {
    /// Index into `MeetingExtraction.entities`.
    public var entity: Int
    public var state: EntityState
    public var owner: String?
    public var due: String?
    public var evidence: String
    public var turnIndex: Int

    public init(entity: Int, state: EntityState, owner: String? = nil, due: String? = nil, evidence: String, turnIndex: Int) {
        self.entity = entity
        self.state = state
        self.owner = owner
        self.due = due
        self.evidence = evidence
        self.turnIndex = turnIndex
    }
}

public struct MeetingExtraction: Equatable, Sendable, Codable {
    public var entities: [ExtractedEntity]
    public var states: [ExtractedState]
    public var people: [String]

    public init(entities: [ExtractedEntity] = [], states: [ExtractedState] = [], people: [String] = []) {
        self.entities = entities
        self.states = states
        self.people = people
    }
}

/// Anything that reads a transcript and says what it is about. The rule extractor is the
/// default; a language-model extractor can stand in front of it.
public protocol Extractor: Sendable {
    func extract(_ transcript: Transcript) -> MeetingExtraction
}
