import Foundation
import GRDB

/// Every entity's state at every meeting: what the board view draws and the status report
/// summarises. Only the meetings that stated something are stored per entity; the state in
/// between carries over from the last one that did.
public struct StatusBoard: Equatable, Sendable {
    public struct Cell: Equatable, Sendable {
        /// Index into `meetings`.
        public var meeting: Int
        public var state: EntityState
        /// The state differs from the one before (or is the first one).
        public var changed: Bool
        /// Set by the user's correction.
        public var byUser: Bool
        public var owner: String?
        public var due: String?
        public var evidence: String
        public var turn: Int
        public var speaker: String?
    }

    public struct Row: Equatable, Sendable {
        public var entity: EntitySummary
        /// By meeting index, oldest first.
        public var cells: [Cell]

        /// The state said at this meeting, or carried over from an earlier one (`stated` false).
        public func cell(at meeting: Int) -> (cell: Cell, stated: Bool)? {
            var lo = 0, hi = cells.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if cells[mid].meeting <= meeting { lo = mid + 1 } else { hi = mid }
            }
            guard lo > 0 else { return nil }
            let c = cells[lo - 1]
            return (c, c.meeting == meeting)
        }
    }

    /// Oldest first.
    public var meetings: [MeetingSummary]
    /// Entities with a state, by name.
    public var rows: [Row]

    public init(meetings: [MeetingSummary], rows: [Row]) {
        self.meetings = meetings
        self.rows = rows
    }

    /// The board of the whole store, the user's corrections applied and dismissed entities left out.
    public static func load(_ store: Store) throws -> StatusBoard {
        let meetings = Array(try StoreReader(store: store).meetings().reversed())
        let entities = try StoreReader(store: store).entities().filter { $0.state != nil }
        let index = Dictionary(uniqueKeysWithValues: meetings.enumerated().map { ($1.id, $0) })
        var cells: [Int64: [Cell]] = [:]
        try store.pool.read { db in
            for row in try GRDB.Row.fetchAll(db, sql: """
                SELECT s.entity_id, s.meeting_id, s.state, s.owner, s.due, s.evidence, s.turn_position, s.by_user, t.speaker
                FROM states s JOIN entities e ON e.id = s.entity_id AND e.dismissed = 0
                LEFT JOIN turns t ON t.meeting_id = s.meeting_id AND t.position = s.turn_position
                """) {
                guard let m = index[row["meeting_id"]], let state = EntityState(rawValue: row["state"]) else { continue }
                let speaker: String? = row["speaker"]
                cells[row["entity_id"], default: []].append(Cell(
                    meeting: m, state: state, changed: false, byUser: row["by_user"], owner: row["owner"], due: row["due"],
                    evidence: row["evidence"], turn: row["turn_position"], speaker: speaker == Turn.unknownSpeaker ? nil : speaker))
            }
        }
        let rows = entities.map { e -> Row in
            var list = (cells[e.id] ?? []).sorted { $0.meeting < $1.meeting }
            for i in list.indices { list[i].changed = i == 0 || list[i - 1].state != list[i].state }
            return Row(entity: e, cells: list)
        }
        return StatusBoard(meetings: meetings, rows: rows)
    }
}
