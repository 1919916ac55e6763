import Foundation
import SmartMeetCore

/// The board view's data and where its cursor is: a row per entity (the current filter
/// and order applied), a column per meeting, oldest on the left.
public struct BoardState: Equatable, Sendable {
    public var board: StatusBoard
    /// Entity ids in display order (the entities pane's filter and sort).
    public var order: [Int64]
    public var row = 0
    public var col: Int
    public var rowOffset = 0
    public var colOffset = 0
    public var back: ReturnPoint

    public init(board: StatusBoard, order: [Int64], back: ReturnPoint) {
        self.board = board
        self.order = order
        self.back = back
        col = max(0, board.meetings.count - 1)
    }

    /// The board's rows in display order.
    public var rows: [StatusBoard.Row] {
        let byId = Dictionary(uniqueKeysWithValues: board.rows.map { ($0.entity.id, $0) })
        return order.compactMap { byId[$0] }
    }

    /// Columns of one meeting: change mark, state glyph, edit mark.
    public static let cellWidth = 3

    /// Where things go in the board's inner area.
    public struct Geometry: Equatable {
        public var nameWidth: Int
        public var columns: Int
        public var rows: Int
    }

    public static func geometry(inner: Rect) -> Geometry {
        let name = max(12, min(28, inner.width * 3 / 10))
        // Two header lines above the rows; three lines below for the cell in hand and the legend.
        return Geometry(nameWidth: name, columns: max(1, (inner.width - name - 1) / cellWidth), rows: max(1, inner.height - 5))
    }

    /// Moves the cursor and keeps it on screen.
    public mutating func move(rows dr: Int, cols dc: Int, geometry g: Geometry) {
        let count = rows.count
        row = max(0, min(max(0, count - 1), row + dr))
        col = max(0, min(max(0, board.meetings.count - 1), col + dc))
        clamp(g)
    }

    public mutating func clamp(_ g: Geometry) {
        row = max(0, min(row, max(0, rows.count - 1)))
        if row < rowOffset { rowOffset = row }
        if row >= rowOffset + g.rows { rowOffset = row - g.rows + 1 }
        rowOffset = max(0, min(rowOffset, max(0, rows.count - g.rows)))
        if col < colOffset { colOffset = col }
        if col >= colOffset + g.columns { colOffset = col - g.columns + 1 }
        colOffset = max(0, min(colOffset, max(0, board.meetings.count - g.columns)))
    }

    /// The entity and meeting under the cursor, and the cell there (stated or carried).
    public var selection: (row: StatusBoard.Row, meeting: MeetingSummary, cell: (cell: StatusBoard.Cell, stated: Bool)?)? {
        let list = rows
        guard row < list.count, col < board.meetings.count else { return nil }
        return (list[row], board.meetings[col], list[row].cell(at: col))
    }
}
