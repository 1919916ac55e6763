import Foundation
import SmartMeetCore

/// Corrections from the keyboard: R rename, m merge into, d dismiss or restore, D show
/// dismissed, e set a state at a meeting, u undo. The runtime stores them and answers
/// with `.corrected`.
extension Update {
    /// Handles a correction key; false when `key` is not one.
    static func correctionKey(_ s: inout AppState, _ key: Key, _ fx: inout [Effect]) -> Bool {
        let back = ReturnPoint(mode: s.mode, focus: s.focus)
        switch key {
        case .char("u"):
            fx.append(.correct(.undo))
        case .char("D"):
            s.showDismissed.toggle()
            s.entityCursor = ListCursor()
            s.message = s.showDismissed ? "Showing dismissed entities (d restores one)." : "Dismissed entities hidden."
            let order = s.visibleEntities.map(\.id)
            if s.board != nil { s.board?.order = order }
        case .char("R"), .char("m"), .char("d"):
            guard let e = selectedEntity(s) else {
                s.message = "Select an entity first (in the entities pane, a timeline or the board)."
                return true
            }
            if key == .char("d") {
                fx.append(.correct(e.dismissed ? .restore(e.id) : .dismiss(e.id)))
                return true
            }
            s.editing = EditRequest(kind: key == .char("R") ? .rename : .merge, entityId: e.id, entityName: e.name, back: back)
            s.input = key == .char("R") ? e.name : ""
            s.mode = .edit
        case .char("e"):
            guard let (entity, meeting, label) = selectedStatePlace(s) else {
                s.message = "e corrects a state on a timeline row, a meeting's row or a board cell."
                return true
            }
            s.editing = EditRequest(kind: .state, entityId: entity.id, entityName: entity.name, meetingId: meeting, meetingLabel: label, back: back)
            s.input = ""
            s.mode = .edit
        default:
            return false
        }
        return true
    }

    /// The entity a correction key acts on: the board's row, the selected list row, or
    /// what the detail pane shows.
    static func selectedEntity(_ s: AppState) -> EntitySummary? {
        let byId = { (id: Int64) in s.entities.first { $0.id == id } }
        if s.mode == .board { return s.board?.selection?.row.entity }
        switch s.focus {
        case .entities:
            let list = s.visibleEntities
            return s.entityCursor.index < list.count ? list[s.entityCursor.index] : nil
        case .detail:
            if let id = selectedBlock(s)?.entity { return byId(id) }
            if case .entity(let e, _)? = s.detail { return byId(e.id) ?? e }
            return nil
        case .meetings:
            return nil
        }
    }

    /// The entity and meeting a state correction is about, and how to name the meeting.
    static func selectedStatePlace(_ s: AppState) -> (EntitySummary, Int64, String)? {
        if s.mode == .board, let sel = s.board?.selection {
            return (sel.row.entity, sel.meeting.id, "\(View.short(sel.meeting.date)) \(sel.meeting.title)")
        }
        guard s.focus == .detail, let block = selectedBlock(s), let id = block.entity, let meeting = block.meetingId,
              let e = s.entities.first(where: { $0.id == id }) else { return nil }
        return (e, meeting, block.meetingLabel ?? "the meeting")
    }

    /// Enter at a correction prompt.
    static func submitEdit(_ s: inout AppState, _ text: String, _ fx: inout [Effect]) {
        guard let edit = s.editing else { s.mode = .normal; return }
        s.mode = edit.back.mode
        s.editing = nil
        guard !text.isEmpty else { s.message = "Nothing changed."; return }
        switch edit.kind {
        case .rename:
            fx.append(.correct(.rename(edit.entityId, to: text)))
        case .merge:
            let candidates = s.entities.filter { $0.id != edit.entityId && !$0.dismissed }
            let linker = EntityLinker(entities: candidates)
            guard let target = candidates.first(where: { $0.name.lowercased() == text.lowercased() }) ?? linker.link(text) else {
                let close = linker.closest(text, limit: 3).map(\.name)
                s.message = "No entity called \"\(text)\"." + (close.isEmpty ? "" : " Closest: \(close.joined(separator: ", ")).")
                return
            }
            fx.append(.correct(.merge(edit.entityId, into: target.id)))
        case .state:
            let (parsed, problem) = StateEdit.parse(text)
            guard let parsed, let meeting = edit.meetingId else { s.message = problem ?? "Cannot read that."; return }
            fx.append(.correct(.state(edit.entityId, meeting: meeting, parsed)))
        }
    }
}
