import Foundation
import SmartMeetCore

public enum Pane: Int, CaseIterable, Sendable { case meetings, entities, detail }

public enum Mode: Equatable, Sendable {
    case normal, filter, query, picker, pickerPath, help
    /// A meeting's transcript fills the body; `transcriptSearch` types a search in it.
    case transcript, transcriptSearch
    /// Entities down, meetings across.
    case board
    /// The last import's failures, over everything.
    case failures
    /// Typing a correction (`editing` says which).
    case edit
}

/// Where Esc returns to from a view opened over the panes.
public struct ReturnPoint: Equatable, Sendable {
    public var mode: Mode
    public var focus: Pane
}

/// A correction being typed at the prompt.
public struct EditRequest: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case rename, merge, state }
    public var kind: Kind
    public var entityId: Int64
    public var entityName: String
    public var meetingId: Int64?
    public var meetingLabel: String?
    public var back: ReturnPoint

    /// The words before the typed text.
    public var prompt: String {
        switch kind {
        case .rename: return "rename \(entityName) to: "
        case .merge: return "merge \(entityName) into: "
        case .state: return "\(entityName) at \(meetingLabel ?? "the meeting") (state [owner NAME] [due DATE], none clears): "
        }
    }
}

public enum EntitySort: String, CaseIterable, Sendable { case name, lastChange = "last change", due }

/// A scrollable list position.
public struct ListCursor: Equatable, Sendable {
    public var index = 0
    public var offset = 0

    /// Moves by `delta` within `count` rows and keeps the cursor inside a window of `visible` rows.
    public mutating func move(_ delta: Int, count: Int, visible: Int) {
        guard count > 0 else { index = 0; offset = 0; return }
        index = max(0, min(count - 1, index + delta))
        clamp(count: count, visible: visible)
    }

    public mutating func clamp(count: Int, visible: Int) {
        index = count == 0 ? 0 : max(0, min(count - 1, index))
        let v = max(1, visible)
        if index < offset { offset = index }
        if index >= offset + v { offset = index - v + 1 }
        offset = max(0, min(offset, max(0, count - v)))
    }
}

public struct PickerState: Equatable, Sendable {
    public var path: String
    public var entries: [PickerEntry] = []
    public var cursor = ListCursor()
    public var selected: Set<String> = []
    public var showAllFiles = false
    public var showHidden = false
    public var error: String?

    public var visibleEntries: [PickerEntry] {
        entries.filter { e in
            (showHidden || !e.name.hasPrefix(".")) && (e.isDirectory || showAllFiles || e.isTranscript)
        }
    }

    /// The folder's files that look like meetings (or could not be looked at).
    public var meetingFiles: [String] {
        visibleEntries.filter { !$0.isDirectory && $0.isTranscript && $0.problem == nil }.map(\.name)
    }
}

public struct ImportProgress: Equatable, Sendable {
    public var total: Int
    public var done = 0
    public var failed = 0
    public var currentFile: String?
    public var startedAt: Date
    public var fileStartedAt: Date
    public var now: Date
    public var cancelling = false
}

public struct ImportReport: Equatable, Sendable {
    public var imported: Int
    public var duplicates: Int
    public var failures: [String]
    public var cancelled: Bool
}

/// The one state the app has. `update` makes a new one from a message; `view` draws it.
public struct AppState: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var databasePath: String
    public var llmMode = "off"
    /// "search: model", "search: indexing 40%" or "search: hashed (no model)".
    public var searchStatus = ""
    public var colorDepth = 256

    public var meetings: [MeetingSummary] = []
    public var entities: [EntitySummary] = []
    public var loaded = false

    public var focus: Pane = .entities
    public var mode: Mode = .normal
    public var meetingCursor = ListCursor()
    public var entityCursor = ListCursor()
    public var detailCursor = ListCursor()

    public var filterText = ""
    public var stateFilter: EntityState?
    public var typeFilter: EntityType?
    public var sort: EntitySort = .name

    public var detail: Detail?
    /// What the detail pane was last asked to show (see `Update.request`).
    public var detailWanted: DetailRequest?
    public var input = ""
    public var history: [String] = []
    public var historyIndex: Int?
    public var pending: String?

    public var picker: PickerState
    public var importing: ImportProgress?
    public var lastImport: ImportReport?
    /// The last import's failures ("file: reason"); kept until the next import starts.
    public var failures: [String] = []
    public var failuresScroll = 0
    public var helpScroll = 0

    /// The pane that opened what the detail pane shows; Esc goes back there.
    public var detailOrigin: Pane = .entities
    public var transcript: TranscriptState?
    public var board: BoardState?
    public var editing: EditRequest?
    /// Dismissed entities are listed (dimmed) so they can be restored.
    public var showDismissed = false

    public var themes: [Theme] = [Theme.fallback]
    public var themeIndex = 0
    public var message: String?
    public var quitting = false

    public init(width: Int, height: Int, databasePath: String, startFolder: String) {
        self.width = width
        self.height = height
        self.databasePath = databasePath
        picker = PickerState(path: startFolder)
    }

    public var theme: Theme { themes[min(themeIndex, themes.count - 1)] }

    /// Entities after the filter text, state and type filters, in the chosen order.
    public var visibleEntities: [EntitySummary] {
        let needle = filterText.lowercased()
        let list = entities.filter { e in
            e.state != nil && (showDismissed || !e.dismissed)
                && (needle.isEmpty || e.name.lowercased().contains(needle) || e.aliases.contains { $0.lowercased().contains(needle) }
                    || (e.owner?.lowercased().contains(needle) ?? false))
                && (stateFilter == nil || e.state == stateFilter)
                && (typeFilter == nil || e.type == typeFilter)
        }
        switch sort {
        case .name:
            // Lowercased once per entity, not once per comparison: this runs every frame.
            return list.map { ($0.name.lowercased(), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        case .lastChange: return list.sorted { ($0.lastChange ?? "") > ($1.lastChange ?? "") || (($0.lastChange ?? "") == ($1.lastChange ?? "") && $0.name < $1.name) }
        case .due: return list.sorted { ($0.due ?? "9999") < ($1.due ?? "9999") || (($0.due ?? "9999") == ($1.due ?? "9999") && $0.name < $1.name) }
        }
    }

    /// Entities that count: those with a state, not dismissed.
    public var trackedCount: Int { entities.filter { $0.state != nil && !$0.dismissed }.count }

    public static let minWidth = 60
    public static let minHeight = 16
    public var tooSmall: Bool { width < Self.minWidth || height < Self.minHeight }
}
