import Foundation

/// What the user corrected. Corrections are the user's own records: they are laid over
/// what the extractor found and never replace it (its output stays in `extractions`).
public enum CorrectionKind: String, Codable, Sendable, CaseIterable {
    case rename, merge, dismiss, state
}

/// What a state correction does at one meeting. `nil` leaves a field as it is.
public struct StateEdit: Codable, Equatable, Sendable {
    /// The state to set, or `.clear` to say nothing was stated at this meeting.
    public enum Change<Value: Codable & Equatable & Sendable>: Codable, Equatable, Sendable {
        case set(Value)
        case clear
    }

    public var state: Change<EntityState>?
    public var owner: Change<String>?
    public var due: Change<String>?

    public init(state: Change<EntityState>? = nil, owner: Change<String>? = nil, due: Change<String>? = nil) {
        self.state = state
        self.owner = owner
        self.due = due
    }

    public var isEmpty: Bool { state == nil && owner == nil && due == nil }

    /// "blocked, owner Dev Patel, no due date" — for messages and the corrections list.
    public var spoken: String {
        var parts: [String] = []
        switch state {
        case .set(let s)?: parts.append(s.spoken)
        case .clear?: parts.append("no state")
        case nil: break
        }
        switch owner {
        case .set(let o)?: parts.append("owner \(o)")
        case .clear?: parts.append("no owner")
        case nil: break
        }
        switch due {
        case .set(let d)?: parts.append("due \(d)")
        case .clear?: parts.append("no due date")
        case nil: break
        }
        return parts.joined(separator: ", ")
    }

    /// Reads the words people type for a state correction: `blocked`, `in progress`,
    /// `none` (clear), then optional `owner NAME|none` and `due YYYY-MM-DD|none`, in any
    /// order after the state. Returns nil with a reason when the words do not fit.
    public static func parse(_ text: String) -> (edit: StateEdit?, problem: String?) {
        var edit = StateEdit()
        var words = text.split(separator: " ").map(String.init)
        func take(_ keyword: String) -> String? {
            guard let i = words.firstIndex(where: { $0.lowercased() == keyword }) else { return nil }
            var j = i + 1
            while j < words.count, !["owner", "due"].contains(words[j].lowercased()) { j += 1 }
            let value = words[(i + 1)..<j].joined(separator: " ")
            words.removeSubrange(i..<j)
            return value
        }
        if let owner = take("owner") {
            guard !owner.isEmpty else { return (nil, "owner needs a name (or none)") }
            edit.owner = owner.lowercased() == "none" ? .clear : .set(owner)
        }
        if let due = take("due") {
            if due.lowercased() == "none" { edit.due = .clear } else if let d = CalendarDay(iso: due) { edit.due = .set(d.iso) } else {
                return (nil, "due date \"\(due)\" is not YYYY-MM-DD (or none)")
            }
        }
        let state = words.joined(separator: " ").lowercased()
        if state == "none" || state == "clear" {
            edit.state = .clear
        } else if !state.isEmpty {
            guard let s = EntityState(rawValue: state.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")) else {
                return (nil, "unknown state \"\(state)\"; use one of \(EntityState.allCases.map(\.spoken).joined(separator: ", ")) or none")
            }
            edit.state = .set(s)
        }
        if edit.isEmpty { return (nil, "say a state, owner NAME or due DATE") }
        return (edit, nil)
    }
}

/// An entity named so that it can be found again after re-resolution gives it a new row
/// id: the normalised names and aliases it had when the user corrected it.
struct EntityKey: Codable, Equatable, Sendable {
    var names: [String]
    var type: String
}

/// One stored correction, as listed by `smartmeet corrections`.
public struct CorrectionRecord: Equatable, Sendable {
    public var id: Int64
    public var kind: CorrectionKind
    public var entityName: String
    public var otherName: String?
    public var meeting: String?
    public var value: String
    public var createdAt: String
    public var undone: Bool

    /// One line saying what the correction does.
    public var summary: String {
        switch kind {
        case .rename: return "rename \(entityName) → \(value)"
        case .merge: return "merge \(otherName ?? "?") into \(entityName)"
        case .dismiss: return "dismiss \(entityName)"
        case .state: return "\(entityName) at \(meeting ?? "?"): \(value)"
        }
    }
}

/// What a correction (or its undo) did, for the message line and for choosing what to show.
public struct CorrectionResult: Equatable, Sendable {
    public var message: String
    /// The entity to show afterwards (its id after the change), when there is one.
    public var entityId: Int64?
    /// Whether `undo` takes this back (an undo, or a restore, is not itself undone).
    public var undoable: Bool

    public init(message: String, entityId: Int64?, undoable: Bool = true) {
        self.message = message
        self.entityId = entityId
        self.undoable = undoable
    }
}

/// A correction that cannot be made, in one sentence.
public struct CorrectionError: Error, Equatable, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
