import Foundation
import SmartMeetCore

/// The app's behaviour: a pure function from the state and one message to the next
/// state and the work to start. No I/O happens here.
public enum Update {
    public static func update(_ state: AppState, _ msg: Msg) -> (AppState, [Effect]) {
        var s = state
        var fx: [Effect] = []
        switch msg {
        case .resize(let w, let h):
            s.width = w
            s.height = h
            if var t = s.transcript {
                t.layout(width: transcriptInner(s).width)
                t.show(turn: t.focus, height: transcriptRows(s))
                s.transcript = t
            }
            clampAll(&s)
        case .tick(let now):
            s.importing?.now = now
        case .searchStatus(let text):
            s.searchStatus = text
        case .loaded(let snap):
            s.meetings = snap.meetings
            s.entities = snap.entities
            s.loaded = true
            clampAll(&s)
            // Refresh what was last asked for (it may not have landed yet), else what is
            // shown; with nothing asked for yet, show the first entity.
            if let want = s.detailWanted ?? s.detail.map(subject), want != .answer {
                request(want, &s, &fx)
            } else if s.detail == nil, let first = s.visibleEntities.first {
                request(.entity(first.id), &s, &fx)
            }
        case .detailLoaded(let d):
            guard isWanted(d, s) else { break }
            // A refresh of what is shown keeps the cursor; something new starts at the top.
            if !sameSubject(s.detail, d) { s.detailCursor = ListCursor() }
            s.detail = d
            clampDetail(&s)
        case .answered(let q, let a):
            s.pending = nil
            s.detail = .answer(question: q, answer: a)
            s.detailWanted = .answer
            s.detailCursor = ListCursor()
            if s.focus != .detail { s.detailOrigin = s.focus }
            s.focus = .detail
        case .pickerListed(let path, let entries, let error):
            let cameFrom = s.picker.path
            s.picker.path = path
            s.picker.entries = entries
            s.picker.error = error
            s.picker.cursor = ListCursor()
            // Going up a folder puts the cursor on the folder you came from.
            if (cameFrom as NSString).deletingLastPathComponent == path,
               let i = s.picker.visibleEntries.firstIndex(where: { $0.isDirectory && $0.name == (cameFrom as NSString).lastPathComponent }) {
                s.picker.cursor.index = i
                s.picker.cursor.clamp(count: s.picker.visibleEntries.count, visible: pickerPage(s))
            }
        case .ingest(let event, let at):
            guard var p = s.importing else { break }
            p.now = at
            switch event {
            case .started(let file, _, let total):
                p.currentFile = file
                p.fileStartedAt = at
                p.total = max(p.total, total)
            case .imported:
                p.done += 1
                fx.append(.reload)
            case .duplicate:
                p.done += 1
            case .failed(_, let message):
                p.done += 1
                p.failed += 1
                s.failures.append(message)
            }
            s.importing = p
        case .ingestFinished(let summary, _):
            s.importing = nil
            s.lastImport = ImportReport(imported: summary.imported, duplicates: summary.duplicates,
                                        failures: summary.failures, cancelled: summary.cancelled)
            s.failures = summary.failures
            s.message = summary.cancelled ? "Import cancelled: \(summary.imported) imported." :
                "Imported \(summary.imported), \(summary.duplicates) already imported, \(summary.failures.count) failed."
            if !summary.failures.isEmpty {
                s.message! += " f lists the failures."
                // The reasons stay on screen until dismissed; `f` opens them again.
                if s.mode == .normal { s.mode = .failures; s.failuresScroll = 0 }
            }
            fx.append(.reload)
            if s.board != nil { fx.append(.loadBoard) }
        case .transcriptLoaded(let doc, _):
            let back = s.mode == .board ? ReturnPoint(mode: .board, focus: s.focus) : ReturnPoint(mode: .normal, focus: s.focus)
            s.transcript = TranscriptState(doc: doc, back: back, width: transcriptInner(s).width, height: transcriptRows(s))
            s.mode = .transcript
            if let name = doc.entityName {
                s.message = doc.mentions.isEmpty ? "\(name) is not mentioned by name here · / searches" : "n / N: next, previous mention of \(name) (\(doc.mentions.count))"
            }
        case .boardLoaded(let board):
            if s.message == "Loading the board…" { s.message = nil }
            let order = s.visibleEntities.map(\.id)
            if var b = s.board {
                b.board = board
                b.order = order
                b.clamp(boardGeometry(s))
                s.board = b
            } else {
                var b = BoardState(board: board, order: order, back: ReturnPoint(mode: s.mode == .board ? .normal : s.mode, focus: s.focus))
                b.clamp(boardGeometry(s))
                s.board = b
                s.mode = .board
            }
        case .corrected(let result):
            s.message = result.message + (result.undoable ? " u undoes." : "")
            fx.append(.reload)
            if case .entity? = s.detail {
                // Show the entity as it is now (a merge or an undo can give it a new id); a
                // dismissed one leaves the pane to the next entity unless dismissed ones are shown.
                if let id = result.entityId { request(.entity(id), &s, &fx) } else if !s.showDismissed { s.detail = nil; s.detailWanted = nil }
            }
            if s.board != nil { fx.append(.loadBoard) }
        case .failed(let m):
            s.message = m
            s.pending = nil
        case .mouse(let x, let y, let kind):
            mouse(&s, x, y, kind, &fx)
        case .key(let key):
            self.key(&s, key, &fx)
        }
        return (s, fx)
    }

    /// Whether two details show the same thing (a refresh) rather than something new.
    static func sameSubject(_ a: Detail?, _ b: Detail) -> Bool {
        guard let a, subject(of: a) != .answer else { return false }
        return subject(of: a) == subject(of: b)
    }

    // MARK: - Keys

    static func key(_ s: inout AppState, _ key: Key, _ fx: inout [Effect]) {
        if key == .ctrl("c") { s.quitting = true; fx.append(.quit); return }
        switch s.mode {
        case .help: helpKey(&s, key)
        case .failures: failuresKey(&s, key)
        case .filter, .query, .pickerPath, .transcriptSearch, .edit: textInput(&s, key, &fx)
        case .picker: pickerKey(&s, key, &fx)
        case .transcript: transcriptKey(&s, key, &fx)
        case .board: boardKey(&s, key, &fx)
        case .normal: normalKey(&s, key, &fx)
        }
    }

    static func normalKey(_ s: inout AppState, _ key: Key, _ fx: inout [Effect]) {
        let layout = Layout(width: s.width, height: s.height, importing: s.importing != nil)
        let page = layout.visibleRows(s.focus)
        s.message = nil
        if correctionKey(&s, key, &fx) { return }
        switch key {
        case .char("q"): s.quitting = true; fx.append(.quit)
        case .char("?"): s.mode = .help; s.helpScroll = 0
        case .tab: s.focus = Pane(rawValue: (s.focus.rawValue + 1) % 3)!
        case .backTab: s.focus = Pane(rawValue: (s.focus.rawValue + 2) % 3)!
        case .char("h"), .left: s.focus = Pane(rawValue: max(0, s.focus.rawValue - 1))!
        case .char("l"), .right: s.focus = Pane(rawValue: min(2, s.focus.rawValue + 1))!
        case .char("j"), .down: move(&s, 1, page, &fx)
        case .char("k"), .up: move(&s, -1, page, &fx)
        case .pageDown, .ctrl("d"): move(&s, page, page, &fx)
        case .pageUp, .ctrl("u"): move(&s, -page, page, &fx)
        case .char("g"), .home: move(&s, -1_000_000, page, &fx)
        case .char("G"), .end: move(&s, 1_000_000, page, &fx)
        case .enter: open(&s, &fx)
        case .char("v"): openTranscript(&s, &fx)
        case .escape:
            if !s.filterText.isEmpty || s.stateFilter != nil || s.typeFilter != nil {
                s.filterText = ""; s.stateFilter = nil; s.typeFilter = nil
                s.entityCursor = ListCursor()
            } else if s.focus == .detail {
                s.focus = s.detailOrigin == .detail ? .entities : s.detailOrigin
            }
        case .char("/"):
            s.mode = .filter
            s.focus = .entities
            s.input = s.filterText
        case .char(":"):
            s.mode = .query
            s.input = ""
            s.historyIndex = nil
        case .char("i"):
            s.mode = .picker
            s.picker.selected = []
            fx.append(.listDirectory(s.picker.path))
        case .char("b"):
            fx.append(.loadBoard)
            s.message = "Loading the board…"
        case .char("f"):
            if s.failures.isEmpty { s.message = "No import failures to show." } else { s.mode = .failures; s.failuresScroll = 0 }
        case .char("s"), .char("t"):
            cycleFilter(&s, key)
        case .char("o"):
            let all = EntitySort.allCases
            s.sort = all[((all.firstIndex(of: s.sort) ?? 0) + 1) % all.count]
            s.message = "Sorted by \(s.sort.rawValue)"
        case .char("T"):
            s.themeIndex = (s.themeIndex + 1) % max(1, s.themes.count)
            s.message = "Theme: \(s.theme.name) (\(s.themeIndex + 1) of \(s.themes.count))"
            fx.append(.saveSettings)
        case .char("x"):
            if s.importing != nil { s.importing?.cancelling = true; fx.append(.cancelImport) }
        case .char("r"): fx.append(.reload)
        default: break
        }
    }

    /// `s` and `t` cycle the state and type filters (in the lists and on the board).
    static func cycleFilter(_ s: inout AppState, _ key: Key) {
        if key == .char("s") {
            let all = [nil] + EntityState.allCases.map { Optional($0) }
            let i = all.firstIndex(of: s.stateFilter) ?? 0
            s.stateFilter = all[(i + 1) % all.count]
            s.message = "State filter: \(s.stateFilter?.spoken ?? "all")"
        } else {
            let types = [nil] + EntityType.allCases.filter(\.isTrackable).map { Optional($0) }
            let i = types.firstIndex(of: s.typeFilter) ?? 0
            s.typeFilter = types[(i + 1) % types.count]
            s.message = "Type filter: \(s.typeFilter?.rawValue ?? "all")"
        }
        s.entityCursor = ListCursor()
    }

    static func move(_ s: inout AppState, _ delta: Int, _ page: Int, _ fx: inout [Effect]) {
        switch s.focus {
        case .meetings:
            s.meetingCursor.move(delta, count: s.meetings.count, visible: page)
        case .entities:
            let before = s.entityCursor.index
            let list = s.visibleEntities
            s.entityCursor.move(delta, count: list.count, visible: page)
            if s.entityCursor.index != before, s.entityCursor.index < list.count { request(.entity(list[s.entityCursor.index].id), &s, &fx) }
        case .detail:
            moveDetail(&s, delta)
        }
    }

    /// Moves between the detail pane's selectable rows, scrolling so the whole row shows;
    /// with nothing to select (a long answer) it scrolls by lines.
    static func moveDetail(_ s: inout AppState, _ delta: Int) {
        let inner = Layout(width: s.width, height: s.height, importing: s.importing != nil).detail.inner
        let blocks = DetailContent.blocks(s.detail, width: inner.width)
        let selectable = DetailContent.selectable(blocks)
        let (starts, total) = DetailContent.starts(blocks)
        let visible = max(1, inner.height)
        if selectable.isEmpty {
            s.detailCursor.offset = max(0, min(s.detailCursor.offset + delta, total - visible))
            return
        }
        s.detailCursor.index = max(0, min(selectable.count - 1, s.detailCursor.index + delta))
        let b = selectable[s.detailCursor.index]
        let top = s.detailCursor.index == 0 ? 0 : starts[b]
        let bottom = starts[b] + blocks[b].lines.count
        if top < s.detailCursor.offset { s.detailCursor.offset = top }
        if bottom > s.detailCursor.offset + visible { s.detailCursor.offset = min(starts[b], bottom - visible) }
        s.detailCursor.offset = max(0, min(s.detailCursor.offset, max(0, total - visible)))
    }

    static func clampDetail(_ s: inout AppState) {
        let blocks = DetailContent.blocks(s.detail, width: Layout(width: s.width, height: s.height, importing: s.importing != nil).detail.inner.width)
        let count = DetailContent.selectable(blocks).count
        s.detailCursor.index = max(0, min(s.detailCursor.index, max(0, count - 1)))
        moveDetail(&s, 0)
    }

    /// The detail row under the cursor, when the detail pane has focus.
    static func selectedBlock(_ s: AppState) -> DetailBlock? {
        let blocks = DetailContent.blocks(s.detail, width: Layout(width: s.width, height: s.height, importing: s.importing != nil).detail.inner.width)
        let selectable = DetailContent.selectable(blocks)
        guard s.detailCursor.index < selectable.count else { return nil }
        return blocks[selectable[s.detailCursor.index]]
    }

    static func open(_ s: inout AppState, _ fx: inout [Effect]) {
        switch s.focus {
        case .meetings:
            guard s.meetingCursor.index < s.meetings.count else { return }
            request(.meeting(s.meetings[s.meetingCursor.index].id), &s, &fx)
            s.detailOrigin = .meetings
            s.focus = .detail
        case .entities:
            let list = s.visibleEntities
            guard s.entityCursor.index < list.count else { return }
            request(.entity(list[s.entityCursor.index].id), &s, &fx)
            s.detailOrigin = .entities
            s.focus = .detail
        case .detail:
            guard let block = selectedBlock(s) else { return }
            if block.enterOpensTranscript, let request = block.transcript {
                fx.append(.loadTranscript(request))
            } else if let id = block.entity {
                request(.entity(id), &s, &fx)
            }
        }
    }

    /// `v`: the transcript of the selected row, or of the meeting under the cursor.
    static func openTranscript(_ s: inout AppState, _ fx: inout [Effect]) {
        switch s.focus {
        case .meetings:
            guard s.meetingCursor.index < s.meetings.count else { return }
            let m = s.meetings[s.meetingCursor.index]
            fx.append(.loadTranscript(TranscriptRequest(meetingId: m.id, meetingTitle: m.title, date: m.date)))
        case .detail:
            if let request = selectedBlock(s)?.transcript { fx.append(.loadTranscript(request)) }
        case .entities:
            s.message = "Enter opens the timeline; v on a timeline row opens the transcript."
        }
    }

    static func textInput(_ s: inout AppState, _ key: Key, _ fx: inout [Effect]) {
        switch key {
        case .escape:
            switch s.mode {
            case .pickerPath: s.mode = .picker
            case .transcriptSearch: s.mode = .transcript
            case .edit: s.mode = s.editing?.back.mode ?? .normal; s.editing = nil
            default: s.mode = .normal
            }
            s.input = ""
        case .enter:
            let text = s.input.trimmingCharacters(in: .whitespaces)
            switch s.mode {
            case .filter:
                s.filterText = text
                s.mode = .normal
            case .query:
                s.mode = .normal
                guard !text.isEmpty else { break }
                if s.history.last != text { s.history.append(text) }
                if s.history.count > 200 { s.history.removeFirst(s.history.count - 200) }
                s.pending = text
                fx.append(.ask(text))
                fx.append(.saveSettings)
            case .pickerPath:
                s.mode = .picker
                let path = expand(text, relativeTo: s.picker.path)
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
                    beginImport(&s, [path], &fx)
                } else {
                    fx.append(.listDirectory(path))
                }
            case .transcriptSearch:
                s.mode = .transcript
                let rows = transcriptRows(s)
                s.message = s.transcript?.find(text, height: rows)
            case .edit:
                submitEdit(&s, text, &fx)
            default: break
            }
            s.input = ""
        case .backspace, .delete:
            if !s.input.isEmpty { s.input.removeLast() }
            if s.mode == .filter { s.filterText = s.input; s.entityCursor = ListCursor() }
        case .up where s.mode == .query:
            guard !s.history.isEmpty else { break }
            let i = max(0, (s.historyIndex ?? s.history.count) - 1)
            s.historyIndex = i
            s.input = s.history[i]
        case .down where s.mode == .query:
            guard let i = s.historyIndex else { break }
            if i + 1 < s.history.count { s.historyIndex = i + 1; s.input = s.history[i + 1] } else { s.historyIndex = nil; s.input = "" }
        case .ctrl("u"):
            s.input = ""
        case .char(let c):
            guard s.input.count < 300 else { break }
            s.input.append(c)
            if s.mode == .filter { s.filterText = s.input; s.entityCursor = ListCursor() }
        default: break
        }
    }

    // MARK: - Mouse

    static func mouse(_ s: inout AppState, _ x: Int, _ y: Int, _ kind: MouseKind, _ fx: inout [Effect]) {
        if s.mode == .transcript {
            let rows = transcriptRows(s)
            if kind != .click { s.transcript?.scrollBy(kind == .wheelUp ? -3 : 3, height: rows) }
            return
        }
        guard s.mode == .normal else { return }
        let layout = Layout(width: s.width, height: s.height, importing: s.importing != nil)
        guard let pane = Pane.allCases.first(where: { layout.rect($0).contains(x, y) }) else { return }
        s.focus = pane
        let page = layout.visibleRows(pane)
        switch kind {
        case .wheelUp: move(&s, -3, page, &fx)
        case .wheelDown: move(&s, 3, page, &fx)
        case .click:
            let inner = layout.rect(pane).inner
            switch pane {
            case .meetings:
                let row = y - inner.y - 1 + s.meetingCursor.offset
                if row >= 0, row < s.meetings.count { s.meetingCursor.index = row; s.meetingCursor.clamp(count: s.meetings.count, visible: page); open(&s, &fx) }
            case .entities:
                let row = y - inner.y - 1 + s.entityCursor.offset
                let list = s.visibleEntities
                if row >= 0, row < list.count { s.entityCursor.index = row; s.entityCursor.clamp(count: list.count, visible: page); request(.entity(list[row].id), &s, &fx) }
            case .detail:
                // The row whose lines were clicked.
                let blocks = DetailContent.blocks(s.detail, width: inner.width)
                let (starts, _) = DetailContent.starts(blocks)
                let line = y - inner.y + s.detailCursor.offset
                if let b = starts.lastIndex(where: { $0 <= line }), let i = DetailContent.selectable(blocks).firstIndex(of: b) {
                    s.detailCursor.index = i
                }
            }
        }
    }

    static func clampAll(_ s: inout AppState) {
        let layout = Layout(width: s.width, height: s.height, importing: s.importing != nil)
        s.meetingCursor.clamp(count: s.meetings.count, visible: layout.visibleRows(.meetings))
        s.entityCursor.clamp(count: s.visibleEntities.count, visible: layout.visibleRows(.entities))
        clampDetail(&s)
        if var b = s.board {
            b.order = s.visibleEntities.map(\.id)
            b.clamp(boardGeometry(s))
            s.board = b
        }
    }
}
