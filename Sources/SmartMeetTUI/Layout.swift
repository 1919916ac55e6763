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
    /// Everything between the title and the progress bars / prompt: where the panes go,
    /// and where the transcript and board views go instead of them.
    public var body: Rect
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
        self.body = body
        // Meetings need a date, a short title and "5p 5Δ"; entities need a name, a state,
        // an owner and a due date; the timeline takes what is left for its quotes.
        let left = max(22, min(36, width / 6 + 2))
        let middle = max(30, min(72, width * 9 / 20 + 2, width - left - 28))
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

    /// Rows a pane shows (inside its border, below the header line of the two lists); for
    /// the detail pane, lines.
    public func visibleRows(_ pane: Pane) -> Int {
        switch pane {
        case .meetings: return max(1, meetings.inner.height - 1)
        case .entities: return max(1, entities.inner.height - 1)
        case .detail: return max(1, detail.inner.height)
        }
    }
}

/// How the entities pane splits its width: the name first, then (as room allows) the
/// state's word next to its icon, the due date (first when sorting by it) and the owner.
public struct EntityColumns: Equatable, Sendable {
    public var name: Int
    /// 14 for "▶ in progress", 2 for the icon alone.
    public var badge: Int
    public var owner: Int
    public var due: Int

    public static func plan(width inner: Int, longestName: Int, sortByDue: Bool) -> EntityColumns {
        let avail = inner - 1
        var plan = EntityColumns(name: 0, badge: 2, owner: 0, due: 0)
        var used = 2
        // Names get up to 24 columns before the state's word, 20 before owner and due.
        let full = max(8, min(longestName, 24))
        let enough = max(8, min(longestName, 20))
        let steps: [(Int, Int, WritableKeyPath<EntityColumns, Int>, Int)] = [(12, full, \.badge, 14), (7, enough, \.due, 7), (11, enough, \.owner, 11)]
        let order = sortByDue ? [steps[1], steps[0], steps[2]] : steps
        for (extra, want, key, value) in order where avail - used - extra >= want {
            plan[keyPath: key] = value
            used += extra
        }
        plan.name = max(4, avail - used)
        return plan
    }
}
