import XCTest
@testable import SmartMeetCore
@testable import SmartMeetTUI

/// Every rough edge a new user hit (issue 13, part 4), on the test backend.
final class RoughEdgesTests: XCTestCase {
    func state(_ w: Int, _ h: Int) -> AppState {
        var s = AppState(width: w, height: h, databasePath: "/data/sm.db", startFolder: "/data")
        s.themes = Theme.builtIn
        s.loaded = true
        s.meetings = [
            MeetingSummary(id: 2, title: "Clinic operations weekly", date: "2026-02-23", source: "b.json", speakers: 5, changes: 5, turns: 20),
            MeetingSummary(id: 1, title: "Clinic ops", date: "2026-02-09", source: "a.srt", speakers: 4, changes: 4, turns: 18),
        ]
        s.entities = [
            EntitySummary(id: 1, name: "Patient portal relaunch", type: .project, state: .in_progress, owner: "Dev Patel", due: "2026-03-06"),
            EntitySummary(id: 2, name: "Radiology equipment lease", type: .deal, state: .blocked, owner: "Luis Moreno"),
            EntitySummary(id: 3, name: "EHR upgrade", type: .project, state: .completed, owner: "Hannah Okafor", due: "2026-02-07"),
        ]
        return s
    }

    static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes").standardized.path

    // MARK: - Themes travel with the binary

    func testBuiltInThemesAreTheThemeFilesCompiledIn() throws {
        XCTAssertEqual(Theme.builtIn.map(\.name), ["default", "high-contrast", "light", "monochrome", "solarized"])
        // The embedded copies are the files, not a second hand-kept set.
        let (fromFiles, errors) = Theme.loadAll(from: Self.themesFolder)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(Theme.ordered(fromFiles), Theme.builtIn)
        var s = state(120, 30)
        XCTAssertTrue(View.render(s).lines[0].contains("theme default"))
        (s, _) = Update.update(s, .key(.char("T")))
        XCTAssertEqual(s.message, "Theme: high-contrast (2 of 5)")
        XCTAssertTrue(View.render(s).lines[0].contains("theme high-contrast"))
    }

    func testUserThemesComeFromTheConfigFolderAndBadOnesSayFileLineAndProblem() throws {
        let dir = NSTemporaryDirectory() + "themes-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "[colors]\naccent = 201\n".write(toFile: dir + "/mine.toml", atomically: true, encoding: .utf8)
        try "[colors]\naccent = 46\n".write(toFile: dir + "/default.toml", atomically: true, encoding: .utf8)
        try "# broken\n[colors]\naccent = \"#12345\"\n".write(toFile: dir + "/badcolour.toml", atomically: true, encoding: .utf8)
        try "[colors]\naccent = [1, 2\n".write(toFile: dir + "/syntax.toml", atomically: true, encoding: .utf8)
        try "[colors]\n\nacent = 4\n".write(toFile: dir + "/typo.toml", atomically: true, encoding: .utf8)
        let (themes, errors) = Theme.available(userFolder: dir)
        XCTAssertEqual(themes.first?.name, "default")
        XCTAssertEqual(themes.first?.color(.accent), 46, "a user theme replaces the built-in of the same name")
        XCTAssertEqual(themes.first { $0.name == "mine" }?.color(.accent), 201)
        XCTAssertEqual(themes.count, 6)
        XCTAssertEqual(errors.count, 3)
        XCTAssertTrue(errors.contains { $0.hasPrefix(dir + "/badcolour.toml line 3: accent has unknown colour \"#12345\"") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.hasPrefix(dir + "/syntax.toml line ") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.hasPrefix(dir + "/typo.toml line 3: unknown colour role \"acent\"") }, "\(errors)")
        XCTAssertEqual(Theme.userFolder(environment: ["XDG_CONFIG_HOME": "/x"]), "/x/smartmeet/themes")
        XCTAssertEqual(Theme.userFolder(environment: ["HOME": "/home/ana"]), "/home/ana/.config/smartmeet/themes")
    }

    // MARK: - Import failures stay until dismissed

    func testImportFailuresAreListedWithTheirReasonsUntilDismissedAndCanBeReopened() {
        var s = state(100, 30)
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        s.importing = ImportProgress(total: 10, startedAt: t0, fileStartedAt: t0, now: t0)
        var summary = IngestSummary()
        summary.imported = 2
        summary.failures = (1...8).map { "bad-\($0).vtt: line \($0 + 2) has a malformed cue timing: 00:00:0\($0).000 --> 00:00:xx.000" }
        (s, _) = Update.update(s, .ingestFinished(summary, at: t0))
        XCTAssertEqual(s.mode, .failures)
        var text = View.render(s).text
        XCTAssertTrue(text.contains("8 files not imported"), text)
        for i in 1...6 { XCTAssertTrue(text.contains("bad-\(i).vtt"), "file \(i) is listed:\n\(text)") }
        XCTAssertTrue(text.contains("line 3 has a malformed cue timing"), "the reason is readable, not cut")
        // Other keys do not dismiss it; scrolling shows the rest.
        (s, _) = Update.update(s, .key(.char("j")))
        (s, _) = Update.update(s, .key(.char("j")))
        XCTAssertEqual(s.mode, .failures)
        XCTAssertTrue(View.render(s).text.contains("bad-8.vtt"))
        (s, _) = Update.update(s, .key(.escape))
        XCTAssertEqual(s.mode, .normal)
        (s, _) = Update.update(s, .key(.char("j")))
        text = View.render(s).text
        XCTAssertTrue(text.contains("8 files failed to import · f lists them with the reasons"), text)
        (s, _) = Update.update(s, .key(.char("f")))
        XCTAssertEqual(s.mode, .failures)
        XCTAssertTrue(View.render(s).text.contains("bad-1.vtt"))
        (s, _) = Update.update(s, .key(.escape))
        // The next import starts with a clean list.
        var fx: [Effect] = []
        Update.beginImport(&s, ["/data/x.txt"], &fx)
        XCTAssertTrue(s.failures.isEmpty)
    }

    // MARK: - What is not a meeting

    func testThePickerMarksWhatLooksLikeAMeetingAndSelectsOnlyThose() throws {
        let dir = NSTemporaryDirectory() + "picker-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        try "Title: Sync\nDate: 2026-02-02\n\nAna Ruiz: The portal is live.\n".write(toFile: dir + "/2026-02-02-sync.txt", atomically: true, encoding: .utf8)
        try "# Project\n\nHow to build it.\n".write(toFile: dir + "/README.md", atomically: true, encoding: .utf8)
        try "{\"floors\": {\"f1\": 0.9}}".write(toFile: dir + "/quality-floors.json", atomically: true, encoding: .utf8)
        guard case .pickerListed(let path, let entries, nil) = AppRuntime.listing(dir) else { return XCTFail("listing failed") }
        XCTAssertEqual(path, dir)
        XCTAssertNil(entries.first { $0.name == "2026-02-02-sync.txt" }?.problem)
        XCTAssertEqual(entries.first { $0.name == "README.md" }?.problem, "is not a meeting: no one speaks in it and it gives no meeting date or attendees")
        XCTAssertNotNil(entries.first { $0.name == "quality-floors.json" }?.problem)
        var s = state(120, 30)
        (s, _) = Update.update(s, .key(.char("i")))
        (s, _) = Update.update(s, .pickerListed(path: dir, entries: entries, error: nil))
        let text = View.render(s).text
        XCTAssertTrue(text.contains("● 2026-02-02-sync.txt"), text)
        XCTAssertTrue(text.contains("README.md — not a meeting"), text)
        (s, _) = Update.update(s, .key(.char("a")))
        XCTAssertEqual(s.picker.selected, ["2026-02-02-sync.txt"], "a selects the meetings only")
    }

    // MARK: - Layout at 80×24, 120 and 200 columns

    func testColumnsAtEachWidth() {
        // 120 columns: owner and due are shown, and sorting by due keeps the due column.
        var s = state(120, 30)
        var text = View.render(s).text
        XCTAssertTrue(text.contains("Owner") && text.contains("Due"), text)
        XCTAssertTrue(text.contains("Dev"), text)
        (s, _) = Update.update(s, .key(.char("o")))
        (s, _) = Update.update(s, .key(.char("o")))
        XCTAssertEqual(s.message, "Sorted by due")
        text = View.render(s).text
        XCTAssertTrue(text.contains("Mar 6"), text)
        // 80×24: names keep their room; the state shows as its icon.
        s = state(80, 24)
        text = View.render(s).text
        XCTAssertTrue(text.contains("Patient portal relaunch"), text)
        XCTAssertTrue(text.contains("Radiology equipment lease"), text)
        let row = View.render(s).lines.first { $0.contains("Patient portal relaunch") } ?? ""
        XCTAssertTrue(row.contains("▶") && !row.contains("in progress"), row)
        // 200 columns: the meetings pane stays the size of what it holds.
        let wide = Layout(width: 200, height: 60, importing: false)
        XCTAssertLessThanOrEqual(wide.meetings.width, 36)
        XCTAssertGreaterThan(wide.detail.width, 80, "the room goes to the quotes")
        for w in [80, 100, 120, 160, 200] {
            let l = Layout(width: w, height: 30, importing: false)
            XCTAssertEqual(l.meetings.width + l.entities.width + l.detail.width, w)
            XCTAssertGreaterThanOrEqual(l.detail.width, 28, "the timeline keeps room at \(w)")
        }
    }

    func testEntityColumnsGiveNamesRoomFirst() {
        XCTAssertEqual(EntityColumns.plan(width: 28, longestName: 25, sortByDue: false), EntityColumns(name: 25, badge: 2, owner: 0, due: 0))
        XCTAssertEqual(EntityColumns.plan(width: 54, longestName: 25, sortByDue: false), EntityColumns(name: 21, badge: 14, owner: 11, due: 7))
        let byDue = EntityColumns.plan(width: 36, longestName: 20, sortByDue: true)
        XCTAssertEqual(byDue.due, 7, "sorting by due shows the due date first")
    }

    func testHelpAndEmptyFilterWrapInsteadOfCuttingWords() {
        var s = state(80, 24)
        (s, _) = Update.update(s, .key(.char("?")))
        var seen = ""
        for _ in 0..<40 {
            seen += View.render(s).text + "\n"
            (s, _) = Update.update(s, .key(.down))
        }
        // Every word of every explanation shows whole somewhere in the scrolled help.
        let shown = Set(seen.split { !$0.isLetter && !$0.isNumber }.map(String.init))
        for (_, text) in View.helpLines {
            for word in text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) { XCTAssertTrue(shown.contains(String(word)), "help cuts \"\(word)\"") }
        }
        s = state(80, 24)
        s.filterText = "zzz"
        let text = View.render(s).lines.joined(separator: " ")
        XCTAssertTrue(text.contains("(Esc clears it)") || text.contains("(Esc") && text.contains("clears it)"), text)
        XCTAssertFalse(text.contains("(Esc clear "), text)
    }

    // MARK: - Going back where you came from

    func testGoingUpAFolderPutsTheCursorOnTheFolderYouCameFrom() {
        var s = state(120, 30)
        s.mode = .picker
        let entries = ["alpha", "beta", "gamma"].map { PickerEntry(name: $0, isDirectory: true, isTranscript: false) }
        (s, _) = Update.update(s, .pickerListed(path: "/data/gamma", entries: [], error: nil))
        var fx: [Effect]
        (s, fx) = Update.update(s, .key(.left))
        XCTAssertEqual(fx, [.listDirectory("/data")])
        (s, _) = Update.update(s, .pickerListed(path: "/data", entries: entries, error: nil))
        XCTAssertEqual(s.picker.visibleEntries[s.picker.cursor.index].name, "gamma")
    }

    func testEscOutOfAMeetingGoesBackToTheMeetingsPane() {
        var s = state(120, 30)
        s.focus = .meetings
        var fx: [Effect]
        (s, fx) = Update.update(s, .key(.enter))
        XCTAssertEqual(fx, [.loadMeeting(2)])
        XCTAssertEqual(s.focus, .detail)
        (s, _) = Update.update(s, .key(.escape))
        XCTAssertEqual(s.focus, .meetings)
        // And from a timeline opened from the entities pane, back to the entities.
        (s, _) = Update.update(s, .key(.tab))
        (s, _) = Update.update(s, .key(.enter))
        (s, _) = Update.update(s, .key(.escape))
        XCTAssertEqual(s.focus, .entities)
    }

    // MARK: - 5p 5Δ explained

    func testTheMeetingsListSaysWhat5p5ΔMeans() {
        let wide = View.render(state(200, 30)).lines[2]
        XCTAssertTrue(wide.contains("Date   Meeting") && wide.contains("people·changes"), wide)
        let narrow = View.render(state(80, 24)).lines[2]
        XCTAssertTrue(narrow.contains("p Δ"), narrow)
        var s = state(120, 30)
        s.focus = .meetings
        XCTAssertTrue(View.render(s).lines.last!.contains("p people Δ changes"))
        XCTAssertTrue(View.helpLines.contains { $0.0 == "5p 5Δ" && $0.1.contains("5 people spoke, 5 changes of state") })
    }
}
