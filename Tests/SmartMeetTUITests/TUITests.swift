import XCTest
@testable import SmartMeetCore
@testable import SmartMeetTUI

/// Update and view on the test backend: whole screens asserted as text.
final class TUITests: XCTestCase {
    func state(_ w: Int = 120, _ h: Int = 30) -> AppState {
        var s = AppState(width: w, height: h, databasePath: "/data/sm.db", startFolder: "/data")
        s.themes = Theme.builtIn
        s.loaded = true
        return s
    }

    func populated(_ w: Int = 120, _ h: Int = 30) -> AppState {
        var s = state(w, h)
        s.meetings = [
            MeetingSummary(id: 2, title: "Mobile weekly", date: "2026-03-09", source: "b.vtt", speakers: 5, changes: 3, turns: 20),
            MeetingSummary(id: 1, title: "Mobile weekly", date: "2026-03-02", source: "a.txt", speakers: 5, changes: 4, turns: 40),
        ]
        s.entities = [
            EntitySummary(id: 10, name: "Offline mode", type: .feature, state: .blocked, owner: "Tomás Rivera", due: "2026-03-27", lastChange: "2026-03-09"),
            EntitySummary(id: 11, name: "Card freeze", type: .feature, state: .completed, owner: "Jordan Blake", lastChange: "2026-03-09"),
            EntitySummary(id: 12, name: "Release 4.2", type: .release, state: .at_risk, due: "2026-03-20", lastChange: "2026-03-09"),
        ]
        return s
    }

    func testEmptyStartScreen() {
        let text = View.render(state()).text
        XCTAssertTrue(text.hasPrefix(" smartmeet /data/sm.db"), text)
        XCTAssertTrue(text.contains("No meetings yet"), text)
        XCTAssertTrue(text.contains("i to import"))
        XCTAssertTrue(text.contains("Nothing tracked yet"))
        XCTAssertTrue(text.contains("Select an entity to see its"))
        XCTAssertTrue(text.contains("0 meetings · 0 entities · theme default · LLM off"), text)
        XCTAssertTrue(View.render(state()).lines.last!.contains("? help"))
    }

    func testPopulatedStoreShowsPanesWithBadges() {
        let screen = View.render(populated())
        let lines = screen.lines
        XCTAssertTrue(lines[2].contains("Date   Meeting"), lines[2])
        XCTAssertTrue(lines[3].contains("Mar 9  Mobile"), lines[3])
        XCTAssertTrue(screen.text.contains("Offline mode"))
        XCTAssertTrue(screen.text.contains("■ blocked"))
        XCTAssertTrue(screen.text.contains("✓ completed"))
        XCTAssertTrue(screen.text.contains("! at risk"))
        // Sorted by name: Card freeze first.
        let names = lines.compactMap { l -> String? in ["Card freeze", "Offline mode", "Release 4.2"].first { l.contains($0) } }
        XCTAssertEqual(names, ["Card freeze", "Offline mode", "Release 4.2"])
    }

    func testKeysMoveFocusFilterAndSort() {
        var s = populated()
        (s, _) = Update.update(s, .key(.tab))
        XCTAssertEqual(s.focus, .detail)
        (s, _) = Update.update(s, .key(.backTab))
        XCTAssertEqual(s.focus, .entities)
        var fx: [Effect]
        (s, fx) = Update.update(s, .key(.char("j")))
        XCTAssertEqual(s.entityCursor.index, 1)
        XCTAssertEqual(fx, [.loadEntity(10)])
        (s, _) = Update.update(s, .key(.char("/")))
        for c in "rel" { (s, _) = Update.update(s, .key(.char(c))) }
        XCTAssertEqual(s.visibleEntities.map(\.name), ["Release 4.2"])
        (s, _) = Update.update(s, .key(.enter))
        (s, _) = Update.update(s, .key(.escape))
        XCTAssertEqual(s.visibleEntities.count, 3)
        (s, _) = Update.update(s, .key(.char("s")))
        XCTAssertEqual(s.stateFilter, .proposed)
        (s, _) = Update.update(s, .key(.escape))
        (s, _) = Update.update(s, .key(.char("o")))
        (s, _) = Update.update(s, .key(.char("o")))
        XCTAssertEqual(s.sort, .due)
        XCTAssertEqual(s.visibleEntities.map(\.name), ["Release 4.2", "Offline mode", "Card freeze"])
        (s, fx) = Update.update(s, .key(.char("q")))
        XCTAssertTrue(s.quitting)
        XCTAssertEqual(fx, [.quit])
    }

    /// Timelines load in the background and can land out of order: a refresh of the entity
    /// on screen, asked for when a reload finished, landing after the one just opened with
    /// Enter, must not put the old one back (the end-to-end test saw it once in seven runs).
    func testAStaleTimelineNeverReplacesTheOneAskedFor() {
        var s = populated(160, 30)
        let first = s.visibleEntities[0], second = s.visibleEntities[1]
        (s, _) = Update.update(s, .detailLoaded(.entity(first, [])))
        s.focus = .entities
        s.entityCursor.index = 1
        var fx: [Effect]
        (s, fx) = Update.update(s, .key(.enter))
        XCTAssertEqual(fx, [.loadEntity(second.id)])
        // A reload lands before the opened timeline: it refreshes what was asked for.
        (s, fx) = Update.update(s, .loaded(Snapshot(meetings: s.meetings, entities: s.entities)))
        XCTAssertEqual(fx, [.loadEntity(second.id)])
        (s, _) = Update.update(s, .detailLoaded(.entity(second, [])))
        // The refresh of the old one, asked for earlier, lands last and is dropped.
        (s, _) = Update.update(s, .detailLoaded(.entity(first, [])))
        XCTAssertTrue(View.render(s).text.contains("Timeline — \(second.name)"))
        // The first load with nothing shown reads one timeline, once.
        var fresh = populated(160, 30)
        fresh.detail = nil
        fresh.detailWanted = nil
        (fresh, fx) = Update.update(fresh, .loaded(Snapshot(meetings: fresh.meetings, entities: fresh.entities)))
        XCTAssertEqual(fx, [.loadEntity(fresh.visibleEntities[0].id)])
    }

    func testTimelineRowsAndJumpToMeeting() {
        var s = populated(160, 30)
        let e = s.entities[0]
        let timeline = [
            TimelineEntry(meetingId: 1, meetingTitle: "Mobile weekly", date: "2026-03-02", state: .in_progress, owner: "Tomás Rivera", due: "2026-03-27", evidence: "So offline mode is moving.", from: nil),
            TimelineEntry(meetingId: 2, meetingTitle: "Mobile weekly", date: "2026-03-09", state: .blocked, owner: "Tomás Rivera", due: "2026-03-27", evidence: "So offline mode is blocked on backend.", from: .in_progress),
        ]
        (s, _) = Update.update(s, .detailLoaded(.entity(e, timeline)))
        let text = View.render(s).text
        XCTAssertTrue(text.contains("Timeline — Offline mode"))
        XCTAssertTrue(text.contains("Mar 2  ▶ in progress"))
        XCTAssertTrue(text.contains("Mar 9  in progress → ■ blocked"))
        XCTAssertTrue(text.contains("“So offline mode is blocked on backend.”"))
        s.focus = .detail
        (s, _) = Update.update(s, .key(.down))
        // Enter on a timeline row opens the transcript where it was said.
        let (_, fx) = Update.update(s, .key(.enter))
        XCTAssertEqual(fx, [.loadTranscript(TranscriptRequest(meetingId: 2, meetingTitle: "Mobile weekly", date: "2026-03-09", turn: 0,
                                                              quote: "So offline mode is blocked on backend.", entityId: 10))])
    }

    func testQueryPromptHistoryAndAnswer() {
        var s = populated()
        s.history = ["what is blocked?"]
        var fx: [Effect]
        (s, _) = Update.update(s, .key(.char(":")))
        XCTAssertEqual(s.mode, .query)
        (s, _) = Update.update(s, .key(.up))
        XCTAssertEqual(s.input, "what is blocked?")
        XCTAssertTrue(View.render(s).text.contains("ask: what is blocked?"))
        (s, fx) = Update.update(s, .key(.enter))
        XCTAssertEqual(fx, [.ask("what is blocked?"), .saveSettings])
        let answer = Answer(intent: "list_by_state", answer: "1 thing is blocked: Offline mode.",
                            entities: [Answer.EntityRef(id: 10, name: "Offline mode", state: "blocked")])
        (s, _) = Update.update(s, .answered(question: "what is blocked?", answer: answer))
        let text = View.render(s).text
        XCTAssertTrue(text.contains("? what is blocked?"))
        XCTAssertTrue(text.contains("1 thing is blocked: Offline mode."), text)
        XCTAssertTrue(text.contains("• Offline mode  ■ blocked"))
        (s, fx) = Update.update(s, .key(.enter))
        XCTAssertEqual(fx, [.loadEntity(10)])
    }

    func testPickerListsSelectsAndImports() {
        var s = state()
        var fx: [Effect]
        (s, fx) = Update.update(s, .key(.char("i")))
        XCTAssertEqual(fx, [.listDirectory("/data")])
        (s, _) = Update.update(s, .pickerListed(path: "/data", entries: [
            PickerEntry(name: "old", isDirectory: true, isTranscript: false),
            PickerEntry(name: "2026-03-02-weekly.txt", isDirectory: false, isTranscript: true),
            PickerEntry(name: "notes.pdf", isDirectory: false, isTranscript: false),
            PickerEntry(name: ".hidden.vtt", isDirectory: false, isTranscript: true),
        ], error: nil))
        XCTAssertEqual(s.picker.visibleEntries.map(\.name), ["old", "2026-03-02-weekly.txt"])
        var text = View.render(s).text
        XCTAssertTrue(text.contains("Import transcripts"))
        XCTAssertTrue(text.contains("old/"))
        XCTAssertTrue(text.contains("[ ] ● 2026-03-02-weekly.txt"))
        XCTAssertFalse(text.contains("notes.pdf"))
        (s, _) = Update.update(s, .key(.char("*")))
        (s, _) = Update.update(s, .key(.char(".")))
        XCTAssertEqual(s.picker.visibleEntries.count, 4)
        (s, _) = Update.update(s, .key(.char("*")))
        (s, _) = Update.update(s, .key(.char(".")))
        (s, _) = Update.update(s, .key(.down))
        (s, _) = Update.update(s, .key(.char(" ")))
        text = View.render(s).text
        XCTAssertTrue(text.contains("[x] ● 2026-03-02-weekly.txt"))
        (s, fx) = Update.update(s, .key(.enter))
        XCTAssertEqual(fx, [.startImport(["/data/2026-03-02-weekly.txt"]), .saveSettings])
        XCTAssertEqual(s.mode, .normal)
        XCTAssertNotNil(s.importing)
    }

    func testImportInProgressShowsBarsAndFinishes() {
        var s = populated(100, 30)
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        s.importing = ImportProgress(total: 4, startedAt: t0, fileStartedAt: t0, now: t0)
        (s, _) = Update.update(s, .ingest(.started(file: "a.txt", index: 0, total: 4), at: t0))
        (s, _) = Update.update(s, .ingest(.imported(file: "a.txt", meetingId: 1, title: "A", date: "2026-01-01", states: 2), at: t0.addingTimeInterval(2)))
        (s, _) = Update.update(s, .ingest(.started(file: "b.vtt", index: 1, total: 4), at: t0.addingTimeInterval(2)))
        (s, _) = Update.update(s, .tick(t0.addingTimeInterval(3)))
        let text = View.render(s).text
        XCTAssertTrue(text.contains("25% 1/4 files · 0 failed · 3s elapsed · ~9s left"), text)
        XCTAssertTrue(text.contains("b.vtt · 1s"))
        XCTAssertTrue(text.contains("x cancels"))
        var fx: [Effect]
        (s, fx) = Update.update(s, .key(.char("x")))
        XCTAssertEqual(fx, [.cancelImport])
        var summary = IngestSummary()
        summary.imported = 1
        summary.failures = ["bad.srt: line 2 should be a cue timing like 00:00:01,000 --> 00:00:04,000"]
        summary.cancelled = true
        (s, _) = Update.update(s, .ingestFinished(summary, at: t0))
        XCTAssertNil(s.importing)
        XCTAssertTrue(View.render(s).text.contains("Import cancelled: 1 imported."))
    }

    func testHelpOverlayListsKeys() {
        var s = populated()
        (s, _) = Update.update(s, .key(.char("?")))
        let text = View.render(s).text
        for key in ["Tab / Shift-Tab", "Enter", "Esc", ":", "/"] { XCTAssertTrue(text.contains(key), key) }
        // Taller than the terminal: it scrolls, and every key is there.
        for _ in 0..<40 { (s, _) = Update.update(s, .key(.down)) }
        let end = View.render(s).text
        for key in ["T", "? q Ctrl-C", "5p 5Δ"] { XCTAssertTrue(end.contains(key), key + "\n" + end) }
        XCTAssertTrue(end.contains("5 people spoke, 5 changes of state"), end)
        (s, _) = Update.update(s, .key(.char("z")))
        XCTAssertEqual(s.mode, .normal)
    }

    func testTinyTerminalShowsAMessage() {
        let s = state(40, 10)
        let lines = View.render(s).lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        XCTAssertEqual(lines, ["Terminal too small", "need 60×16, have 40×10", "enlarge it or press q"])
    }

    func testWideAndCombiningCharactersAreLaidOutByWidth() {
        var screen = Screen(width: 12, height: 1)
        let used = screen.write("日本語e\u{301}🚀!", x: 0, y: 0)
        XCTAssertEqual(used, 10)
        XCTAssertEqual(screen.lines[0], "日本語é🚀!  ")
        var clipped = Screen(width: 5, height: 1)
        clipped.write("日本語", x: 0, y: 0)
        XCTAssertEqual(clipped.lines[0], "日本 ", "a wide character never straddles the edge")
        XCTAssertEqual(DisplayWidth.truncate("Patient portal relaunch", 10), "Patient p…")
    }

    func testEscapeSequencesNeverReachTheScreen() {
        var s = populated()
        s.entities[0].name = "Evil\u{1B}]0;owned\u{7}\u{1B}[2J name"
        let cells = View.render(s).cells
        XCTAssertFalse(cells.contains { $0.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 } })
    }

    func testMouseClickSelectsAndWheelScrolls() {
        var s = populated()
        let layout = Layout(width: s.width, height: s.height, importing: false)
        var fx: [Effect]
        (s, fx) = Update.update(s, .mouse(x: layout.entities.x + 3, y: layout.entities.inner.y + 3, kind: .click))
        XCTAssertEqual(s.focus, .entities)
        XCTAssertEqual(s.entityCursor.index, 2)
        XCTAssertEqual(fx, [.loadEntity(12)])
        (s, _) = Update.update(s, .mouse(x: layout.meetings.x + 2, y: layout.meetings.inner.y, kind: .wheelDown))
        XCTAssertEqual(s.focus, .meetings)
        XCTAssertEqual(s.meetingCursor.index, 1)
    }

    func testResizeRedrawsAtOnce() {
        var s = populated()
        (s, _) = Update.update(s, .resize(width: 80, height: 24))
        XCTAssertEqual(View.render(s).width, 80)
        XCTAssertTrue(View.render(s).lines[1].hasPrefix("┌─ Meetings (2)"))
    }

    func testThemesParseAndDegrade() throws {
        let t = try Theme.parse("# c\n[colors]\nblocked = \"#dc322f\"\naccent = 39\nmuted = \"grey\"\n", name: "t")
        XCTAssertEqual(t.color(.accent), 39)
        XCTAssertEqual(t.color(.muted), 8)
        XCTAssertEqual(t.color(.blocked), 166, "nearest xterm-256 colour to #dc322f")
        XCTAssertEqual(Theme.to8(166), 1, "red stays red on 8 colours")
        XCTAssertThrowsError(try Theme.parse("[colors]\naccent = \"chartreuse-ish\"", name: "bad"))
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes").standardized.path
        let (themes, errors) = Theme.loadAll(from: dir)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(Set(themes.map(\.name)), ["default", "light", "high-contrast", "solarized", "monochrome"])
        XCTAssertEqual(themes.first?.name, "default")
    }

    func testRuntimeDrivesTheStoreThroughEffects() throws {
        let store = try Store(path: NSTemporaryDirectory() + "tui-\(UUID().uuidString).db")
        let backend = TestBackend(width: 120, height: 30)
        let runtime = AppRuntime(store: store, backend: backend, themes: [Theme.fallback],
                                 settingsPath: NSTemporaryDirectory() + "tui-\(UUID().uuidString).json")
        let dir = NSTemporaryDirectory() + "tui-in-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "Title: Sync\nDate: 2026-02-02\n\nAna Ruiz: The partner portal is blocked until legal signs off.\n"
            .write(toFile: dir + "/2026-02-02-sync.txt", atomically: true, encoding: .utf8)
        runtime.dispatch(.key(.char("i")))
        runtime.dispatch(.key(.char("/")))
        runtime.dispatch(.key(.ctrl("u")))
        for c in dir { runtime.dispatch(.key(.char(c))) }
        runtime.dispatch(.key(.enter))
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            runtime.drainInbox()
            if runtime.state.picker.path == dir, !runtime.state.picker.entries.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        runtime.dispatch(.key(.char("a")))
        runtime.dispatch(.key(.enter))
        while Date() < deadline {
            runtime.drainInbox()
            if runtime.state.importing == nil, !runtime.state.entities.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        runtime.render()
        XCTAssertTrue(backend.screen.text.contains("Partner portal"), backend.screen.text)
        XCTAssertTrue(backend.screen.text.contains("■ blocked"))
    }
}

