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
    case transcriptLoaded(MeetingTranscript, TranscriptRequest)
    case boardLoaded(StatusBoard)
    case corrected(CorrectionResult)
    case failed(String)
    /// What search runs on and how far its background indexing is (title bar).
    case searchStatus(String)
}

/// Which meeting to open, and where: from a timeline row, an answer's source or a board
/// cell (meeting id and turn), or from an older answer's quote (title, date and words).
public struct TranscriptRequest: Equatable, Sendable {
    public var meetingId: Int64?
    public var meetingTitle: String?
    public var date: String?
    public var turn: Int?
    public var quote: String?
    /// The entity whose mentions n / N step through.
    public var entityId: Int64?

    public init(meetingId: Int64? = nil, meetingTitle: String? = nil, date: String? = nil, turn: Int? = nil,
                quote: String? = nil, entityId: Int64? = nil) {
        self.meetingId = meetingId
        self.meetingTitle = meetingTitle
        self.date = date
        self.turn = turn
        self.quote = quote
        self.entityId = entityId
    }
}

/// A correction the user made in the app, for the runtime to store.
public enum CorrectionRequest: Equatable, Sendable {
    case rename(Int64, to: String)
    case merge(Int64, into: Int64)
    case dismiss(Int64)
    case restore(Int64)
    case state(Int64, meeting: Int64, StateEdit)
    case undo
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
    case loadTranscript(TranscriptRequest)
    case loadBoard
    case correct(CorrectionRequest)
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
        /// The turn the evidence was said in.
        public var turn = 0
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
    /// Why the file would not import as a meeting ("is not a meeting: …"); nil when it
    /// looks like one or was not looked at.
    public var problem: String?

    public init(name: String, isDirectory: Bool, isTranscript: Bool, problem: String? = nil) {
        self.name = name
        self.isDirectory = isDirectory
        self.isTranscript = isTranscript
        self.problem = problem
    }
}
