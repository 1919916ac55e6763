import Foundation
import SmartMeetCore

/// A key press, already decoded by the backend.
public enum Key: Equatable, Sendable {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
}

public enum MouseKind: Equatable, Sendable { case click, wheelUp, wheelDown }

/// Everything that can happen to the app. `update` is the only place that reacts.
public enum Msg: Sendable {
    case key(Key)
    case mouse(x: Int, y: Int, kind: MouseKind)
    case resize(width: Int, height: Int)
    case tick(Date)
    case loaded(Snapshot)
    case detailLoaded(Detail)
    case answered(question: String, answer: Answer)
    case pickerListed(path: String, entries: [PickerEntry], error: String?)
    case ingest(IngestEvent, at: Date)
    case ingestFinished(IngestSummary, at: Date)
    case failed(String)
    /// What search runs on and how far its background indexing is (title bar).
    case searchStatus(String)
}

/// Work `update` asks the runtime to do; results come back as messages.
public enum Effect: Equatable, Sendable {
    case reload
    case loadEntity(Int64)
    case loadMeeting(Int64)
    case ask(String)
    case listDirectory(String)
    case startImport([String])
    case cancelImport
    case saveSettings
    case quit
}

public struct Snapshot: Equatable, Sendable {
    public var meetings: [MeetingSummary]
    public var entities: [EntitySummary]
    public init(meetings: [MeetingSummary], entities: [EntitySummary]) {
        self.meetings = meetings
        self.entities = entities
    }
}

public struct MeetingDetail: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var entityId: Int64
        public var name: String
        public var state: EntityState
        public var from: EntityState?
        public var evidence: String
    }
    public var meeting: MeetingSummary
    public var attendees: [String]
    public var rows: [Row]
}

/// What the right-hand pane shows.
public enum Detail: Equatable, Sendable {
    case entity(EntitySummary, [TimelineEntry])
    case meeting(MeetingDetail)
    case answer(question: String, answer: Answer)
}

public struct PickerEntry: Equatable, Sendable {
    public var name: String
    public var isDirectory: Bool
    public var isTranscript: Bool
}
