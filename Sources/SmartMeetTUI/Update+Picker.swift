import Foundation
import SmartMeetCore

/// The import file picker's keys.
extension Update {
    static func pickerPage(_ s: AppState) -> Int { max(1, s.height * 7 / 10 - 6) }

    static func pickerKey(_ s: inout AppState, _ key: Key, _ fx: inout [Effect]) {
        let visible = s.picker.visibleEntries
        let page = pickerPage(s)
        switch key {
        case .escape, .char("q"): s.mode = .normal
        case .char("j"), .down: s.picker.cursor.move(1, count: visible.count, visible: page)
        case .char("k"), .up: s.picker.cursor.move(-1, count: visible.count, visible: page)
        case .pageDown: s.picker.cursor.move(page, count: visible.count, visible: page)
        case .pageUp: s.picker.cursor.move(-page, count: visible.count, visible: page)
        case .char("g"), .home: s.picker.cursor.move(-1_000_000, count: visible.count, visible: page)
        case .char("G"), .end: s.picker.cursor.move(1_000_000, count: visible.count, visible: page)
        case .backspace, .left, .char("h"):
            let parent = (s.picker.path as NSString).deletingLastPathComponent
            fx.append(.listDirectory(parent.isEmpty ? "/" : parent))
        case .char(" "):
            guard s.picker.cursor.index < visible.count, !visible[s.picker.cursor.index].isDirectory else { break }
            let name = visible[s.picker.cursor.index].name
            if s.picker.selected.contains(name) { s.picker.selected.remove(name) } else { s.picker.selected.insert(name) }
            s.picker.cursor.move(1, count: visible.count, visible: page)
        case .char("a"):
            // All the files that look like meetings (a README is left out).
            let files = s.picker.meetingFiles
            s.picker.selected = s.picker.selected == Set(files) ? [] : Set(files)
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
        s.failures = []
        fx.append(.startImport(paths))
        fx.append(.saveSettings)
    }

    static func expand(_ path: String, relativeTo base: String) -> String {
        var p = path
        if p.hasPrefix("~") { p = NSHomeDirectory() + p.dropFirst() }
        if !p.hasPrefix("/") { p = (base as NSString).appendingPathComponent(p) }
        return (p as NSString).standardizingPath
    }
}
