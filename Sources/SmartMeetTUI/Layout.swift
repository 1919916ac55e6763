import Foundation

public struct Rect: Equatable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public func contains(_ px: Int, _ py: Int) -> Bool { px >= x && px < x + width && py >= y && py < y + height }
    /// The inside of a bordered box.
    public var inner: Rect { Rect(x: x + 1, y: y + 1, width: max(0, width - 2), height: max(0, height - 2)) }
}

/// Where everything goes for a terminal size; `update` uses it for mouse clicks and page
/// sizes, `view` for drawing, so the two never disagree.
public struct Layout: Equatable, Sendable {
    public var title: Rect
    public var meetings: Rect
    public var entities: Rect
    public var detail: Rect
    public var progress: Rect?
    public var prompt: Rect
    public var status: Rect

    public init(width: Int, height: Int, importing: Bool) {
        title = Rect(x: 0, y: 0, width: width, height: 1)
        status = Rect(x: 0, y: height - 1, width: width, height: 1)
        prompt = Rect(x: 0, y: height - 2, width: width, height: 1)
        var body = Rect(x: 0, y: 1, width: width, height: height - 3)
        if importing {
            let h = 5
            progress = Rect(x: 0, y: body.y + body.height - h, width: width, height: h)
            body.height -= h
        }
        let left = max(24, width * 24 / 100)
        let middle = max(28, width * 34 / 100)
        meetings = Rect(x: 0, y: body.y, width: left, height: body.height)
        entities = Rect(x: left, y: body.y, width: middle, height: body.height)
        detail = Rect(x: left + middle, y: body.y, width: width - left - middle, height: body.height)
    }

    public func rect(_ pane: Pane) -> Rect {
        switch pane {
        case .meetings: return meetings
        case .entities: return entities
        case .detail: return detail
        }
    }

    /// Rows a pane shows (inside its border, below the entity pane's header line).
    public func visibleRows(_ pane: Pane) -> Int {
        switch pane {
        case .meetings: return max(1, meetings.inner.height)
        case .entities: return max(1, entities.inner.height - 1)
        case .detail: return max(1, (detail.inner.height - 2) / 2)
        }
    }
}
