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
            if s.detail == nil, let first = s.visibleEntities.first { fx.append(.loadEntity(first.id)) }
            if case .entity(let e, _)? = s.detail { fx.append(.loadEntity(e.id)) }
        case .detailLoaded(let d):
            s.detail = d
            s.detailCursor = ListCursor()
        case .answered(let q, let a):
            s.pending = nil
            s.detail = .answer(question: q, answer: a)
            s.detailCursor = ListCursor()
            s.focus = .detail
        case .pickerListed(let path, let entries, let error):
            s.picker.path = path
            s.picker.entries = entries
            s.picker.error = error
            s.picker.cursor = ListCursor()
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
            case .failed:
                p.done += 1
                p.failed += 1
            }
            s.importing = p
        case .ingestFinished(let summary, _):
            s.importing = nil
            s.lastImport = ImportReport(imported: summary.imported, duplicates: summary.duplicates,
                                        failures: summary.failures, cancelled: summary.cancelled)
            s.message = summary.cancelled ? "Import cancelled: \(summary.imported) imported." :
                "Imported \(summary.imported), \(summary.duplicates) already imported, \(summary.failures.count) failed."
            fx.append(.reload)
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

    // MARK: - Keys

    static func key(_ s: inout AppState, _ key: Key, _ fx: inout [Effect]) {
        if key == .ctrl("c") { s.quitting = true; fx.append(.quit); return }
        switch s.mode {
        case .help:
            s.mode = .normal
        case .filter, .query, .pickerPath:
            textInput(&s, key, &fx)
        case .picker:
            pickerKey(&s, key, &fx)
        case .normal:
            normalKey(&s, key, &fx)
        }
    }

    static func normalKey(_ s: inout AppState, _ key: Key, _ fx: inout [Effect]) {
        let layout = Layout(width: s.width, height: s.height, importing: s.importing != nil)
        let page = layout.visibleRows(s.focus)
        s.message = nil
        switch key {
        case .char("q"): s.quitting = true; fx.append(.quit)
        case .char("?"): s.mode = .help
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
        case .escape:
            if !s.filterText.isEmpty || s.stateFilter != nil || s.typeFilter != nil {
                s.filterText = ""; s.stateFilter = nil; s.typeFilter = nil
                s.entityCursor = ListCursor()
            } else if s.focus == .detail { s.focus = .entities }
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
        case .char("s"):
            let all = [nil] + EntityState.allCases.map { Optional($0) }
            let i = all.firstIndex(of: s.stateFilter) ?? 0
            s.stateFilter = all[(i + 1) % all.count]
            s.entityCursor = ListCursor()
            s.message = "State filter: \(s.stateFilter?.spoken ?? "all")"
        case .char("t"):
            let types = [nil] + EntityType.allCases.filter(\.isTrackable).map { Optional($0) }
            let i = types.firstIndex(of: s.typeFilter) ?? 0
            s.typeFilter = types[(i + 1) % types.count]
            s.entityCursor = ListCursor()
            s.message = "Type filter: \(s.typeFilter?.rawValue ?? "all")"
        case .char("o"):
            let all = EntitySort.allCases
            s.sort = all[((all.firstIndex(of: s.sort) ?? 0) + 1) % all.count]
            s.message = "Sorted by \(s.sort.rawValue)"
        case .char("T"):
            s.themeIndex = (s.themeIndex + 1) % max(1, s.themes.count)
            s.message = "Theme: \(s.theme.name)"
            fx.append(.saveSettings)
        case .char("x"):
            if s.importing != nil { s.importing?.cancelling = true; fx.append(.cancelImport) }
        case .char("r"): fx.append(.reload)
        default: break
        }
    }

    static func move(_ s: inout AppState, _ delta: Int, _ page: Int, _ fx: inout [Effect]) {
        switch s.focus {
        case .meetings:
            s.meetingCursor.move(delta, count: s.meetings.count, visible: page)
        case .entities:
            let before = s.entityCursor.index
            let list = s.visibleEntities
            s.entityCursor.move(delta, count: list.count, visible: page)
            if s.entityCursor.index != before, s.entityCursor.index < list.count { fx.append(.loadEntity(list[s.entityCursor.index].id)) }
        case .detail:
            s.detailCursor.move(delta, count: s.detailRowCount, visible: page)
        }
    }

    static func open(_ s: inout AppState, _ fx: inout [Effect]) {
        switch s.focus {
        case .meetings:
            guard s.meetingCursor.index < s.meetings.count else { return }
            fx.append(.loadMeeting(s.meetings[s.meetingCursor.index].id))
            s.focus = .detail
        case .entities:
            let list = s.visibleEntities
            guard s.entityCursor.index < list.count else { return }
            fx.append(.loadEntity(list[s.entityCursor.index].id))
            s.focus = .detail
        case .detail:
            switch s.detail {
            case .entity(_, let t)?:
                // Jump from a timeline row to the meeting it came from.
                guard s.detailCursor.index < t.count else { return }
                let id = t[s.detailCursor.index].meetingId
                if let i = s.meetings.firstIndex(where: { $0.id == id }) { s.meetingCursor.index = i }
                fx.append(.loadMeeting(id))
            case .meeting(let m)?:
                guard s.detailCursor.index < m.rows.count else { return }
                fx.append(.loadEntity(m.rows[s.detailCursor.index].entityId))
            case .answer(_, let a)?:
                guard s.detailCursor.index < a.entities.count else { return }
                fx.append(.loadEntity(a.entities[s.detailCursor.index].id))
            case nil: break
            }
        }
    }

    static func textInput(_ s: inout AppState, _ key: Key, _ fx: inout [Effect]) {
        switch key {
        case .escape:
            if s.mode == .pickerPath { s.mode = .picker } else { s.mode = .normal }
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

    static func pickerKey(_ s: inout AppState, _ key: Key, _ fx: inout [Effect]) {
        let visible = s.picker.visibleEntries
        let page = max(1, s.height * 7 / 10 - 6)
        switch key {
        case .escape, .char("q"): s.mode = .normal
        case .char("j"), .down: s.picker.cursor.move(1, count: visible.count, visible: page)
        case .char("k"), .up: s.picker.cursor.move(-1, count: visible.count, visible: page)
        case .pageDown: s.picker.cursor.move(page, count: visible.count, visible: page)
        case .pageUp: s.picker.cursor.move(-page, count: visible.count, visible: page)
        case .char("g"), .home: s.picker.cursor.move(-1_000_000, count: visible.count, visible: page)
        case .char("G"), .end: s.picker.cursor.move(1_000_000, count: visible.count, visible: page)
        case .backspace, .left, .char("h"):
            fx.append(.listDirectory((s.picker.path as NSString).deletingLastPathComponent.isEmpty ? "/" : (s.picker.path as NSString).deletingLastPathComponent))
        case .char(" "):
            guard s.picker.cursor.index < visible.count, !visible[s.picker.cursor.index].isDirectory else { break }
            let name = visible[s.picker.cursor.index].name
            if s.picker.selected.contains(name) { s.picker.selected.remove(name) } else { s.picker.selected.insert(name) }
            s.picker.cursor.move(1, count: visible.count, visible: page)
        case .char("a"):
            let files = visible.filter { !$0.isDirectory }.map(\.name)
            s.picker.selected = s.picker.selected.count == files.count ? [] : Set(files)
        case .char("."): s.picker.showHidden.toggle(); s.picker.cursor = ListCursor()
        case .char("*"): s.picker.showAllFiles.toggle(); s.picker.cursor = ListCursor()
        case .char("/"), .char(":"):
            s.mode = .pickerPath
            s.input = s.picker.path.hasSuffix("/") ? s.picker.path : s.picker.path + "/"
        case .right, .char("l"), .enter:
            if !s.picker.selected.isEmpty, key == .enter {
                let paths = s.picker.selected.sorted().map { (s.picker.path as NSString).appendingPathComponent($0) }
                beginImport(&s, paths, &fx)
                break
            }
            guard s.picker.cursor.index < visible.count else { break }
            let entry = visible[s.picker.cursor.index]
            let full = (s.picker.path as NSString).appendingPathComponent(entry.name)
            if entry.isDirectory { fx.append(.listDirectory(full)) } else if key == .enter { beginImport(&s, [full], &fx) }
        case .char("I"):
            // Import the whole folder shown.
            beginImport(&s, [s.picker.path], &fx)
        default: break
        }
    }

    static func beginImport(_ s: inout AppState, _ paths: [String], _ fx: inout [Effect]) {
        guard s.importing == nil else { s.message = "An import is already running."; return }
        s.mode = .normal
        let now = Date()
        s.importing = ImportProgress(total: paths.count, startedAt: now, fileStartedAt: now, now: now)
        s.lastImport = nil
        fx.append(.startImport(paths))
        fx.append(.saveSettings)
    }

    static func expand(_ path: String, relativeTo base: String) -> String {
        var p = path
        if p.hasPrefix("~") { p = NSHomeDirectory() + p.dropFirst() }
        if !p.hasPrefix("/") { p = (base as NSString).appendingPathComponent(p) }
        return (p as NSString).standardizingPath
    }

    // MARK: - Mouse

    static func mouse(_ s: inout AppState, _ x: Int, _ y: Int, _ kind: MouseKind, _ fx: inout [Effect]) {
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
                let row = y - inner.y + s.meetingCursor.offset
                if row >= 0, row < s.meetings.count { s.meetingCursor.index = row; s.meetingCursor.clamp(count: s.meetings.count, visible: page); open(&s, &fx) }
            case .entities:
                let row = y - inner.y - 1 + s.entityCursor.offset
                let list = s.visibleEntities
                if row >= 0, row < list.count { s.entityCursor.index = row; s.entityCursor.clamp(count: list.count, visible: page); fx.append(.loadEntity(list[row].id)) }
            case .detail:
                break
            }
        }
    }

    static func clampAll(_ s: inout AppState) {
        let layout = Layout(width: s.width, height: s.height, importing: s.importing != nil)
        s.meetingCursor.clamp(count: s.meetings.count, visible: layout.visibleRows(.meetings))
        s.entityCursor.clamp(count: s.visibleEntities.count, visible: layout.visibleRows(.entities))
        s.detailCursor.clamp(count: s.detailRowCount, visible: layout.visibleRows(.detail))
    }
}
