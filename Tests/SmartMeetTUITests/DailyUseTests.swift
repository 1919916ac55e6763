import XCTest
@testable import SmartMeetCore
@testable import SmartMeetTUI

/// See where it was said (transcript), fix what is wrong (corrections), see the whole
/// board: update and view on the test backend, and through the runtime on a real store.
final class DailyUseTests: XCTestCase {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../sample-meetings").standardized.path

    func base(_ w: Int = 120, _ h: Int = 30) -> AppState {
        var s = AppState(width: w, height: h, databasePath: "/data/sm.db", startFolder: "/data")
        s.themes = Theme.builtIn
        s.loaded = true
        s.meetings = [MeetingSummary(id: 7, title: "Mobile weekly", date: "2026-03-09", source: "b.vtt", speakers: 3, changes: 1, turns: 4)]
        s.entities = [EntitySummary(id: 10, name: "Offline mode", type: .feature, state: .blocked, owner: "Tomás Rivera")]
        return s
    }

    static let doc = MeetingTranscript(
        meeting: MeetingSummary(id: 7, title: "Mobile weekly", date: "2026-03-09", source: "b.vtt", speakers: 3, changes: 0, turns: 4),
        turns: [
            Turn(index: 0, speaker: "Maya Chen", text: "Morning. Offline mode first?"),
            Turn(index: 1, speaker: "Tomás Rivera", text: "Backend has not shipped the merge endpoint. So offline mode is blocked on backend, nothing I can do this week."),
            Turn(index: 2, speaker: "Maya Chen", text: "Understood. And the release?"),
            Turn(index: 3, speaker: "Aisha Karim", text: "The release is fine. Offline mode is out of it anyway."),
        ],
        focus: 1, quote: "So offline mode is blocked on backend.", entityName: "Offline mode", mentions: [0, 1, 3])

    // MARK: - Transcript

    func testATimelineRowOpensTheTranscriptAtTheTurnWithTheQuoteHighlighted() {
        var s = base()
        s.detail = .entity(s.entities[0], [TimelineEntry(meetingId: 7, meetingTitle: "Mobile weekly", date: "2026-03-09", state: .blocked,
                                                        owner: nil, due: nil, evidence: "So offline mode is blocked on backend.", from: nil, turn: 1)])
        s.focus = .detail
        var fx: [Effect]
        (s, fx) = Update.update(s, .key(.enter))
        XCTAssertEqual(fx, [.loadTranscript(TranscriptRequest(meetingId: 7, meetingTitle: "Mobile weekly", date: "2026-03-09", turn: 1,
                                                              quote: "So offline mode is blocked on backend.", entityId: 10))])
        (s, _) = Update.update(s, .transcriptLoaded(Self.doc, TranscriptRequest(meetingId: 7)))
        XCTAssertEqual(s.mode, .transcript)
        let screen = View.render(s)
        let text = screen.text
        XCTAssertTrue(text.contains("Transcript — Mobile weekly · Mar 9 · b.vtt"), text)
        XCTAssertTrue(text.contains("n/N: mentions of Offline mode (3)"))
        // The focused turn has the bar, the quoted sentence is highlighted, speakers are coloured.
        let focusLine = screen.lines.firstIndex { $0.contains("Backend has not shipped") }!
        XCTAssertTrue(screen.lines[focusLine].contains("▌•"), screen.lines[focusLine])
        let quoteCells = (0..<screen.width).map { screen[$0, focusLine] }.filter { $0.style.bg == .selection }.map(\.text).joined()
        XCTAssertTrue(quoteCells.hasPrefix("So offline mode is blocked"), quoteCells)
        XCTAssertFalse(quoteCells.contains("Backend"))
        let maya = screen.lines.firstIndex { $0.contains("Maya Chen") }!
        let tomas = screen.lines.firstIndex { $0.contains("Tomás Rivera") }!
        XCTAssertNotEqual(screen[3, maya].style.fg, screen[3, tomas].style.fg, "speakers have their own colours")
        // n and N step through the mentions, wrapping round.
        (s, _) = Update.update(s, .key(.char("n")))
        XCTAssertEqual(s.transcript?.focus, 3)
        XCTAssertEqual(s.message, "mention 3 of 3")
        (s, _) = Update.update(s, .key(.char("n")))
        XCTAssertEqual(s.transcript?.focus, 0)
        (s, _) = Update.update(s, .key(.char("N")))
        XCTAssertEqual(s.transcript?.focus, 3)
        // / searches within; n follows the matches; Esc ends the search, then closes.
        (s, _) = Update.update(s, .key(.char("/")))
        for c in "release" { (s, _) = Update.update(s, .key(.char(c))) }
        XCTAssertTrue(View.render(s).text.contains("search this meeting: release"))
        (s, _) = Update.update(s, .key(.enter))
        XCTAssertEqual(s.transcript?.hits, [2, 3])
        XCTAssertEqual(s.transcript?.focus, 3)
        (s, _) = Update.update(s, .key(.char("n")))
        XCTAssertEqual(s.transcript?.focus, 2)
        let matched = View.render(s)
        let line = matched.lines.firstIndex { $0.contains("And the release?") }!
        XCTAssertTrue((0..<matched.width).contains { matched[$0, line].style.reverse && matched[$0, line].text == "r" }, "matches are highlighted")
        (s, _) = Update.update(s, .key(.escape))
        XCTAssertEqual(s.mode, .transcript)
        XCTAssertEqual(s.transcript?.search, "")
        (s, _) = Update.update(s, .key(.escape))
        XCTAssertEqual(s.mode, .normal)
        XCTAssertEqual(s.focus, .detail, "back to the pane it was opened from")
        XCTAssertNil(s.transcript)
    }

    func testLongTranscriptsScrollAndWrapToTheWidth() {
        var turns: [Turn] = []
        for i in 0..<60 { turns.append(Turn(index: i, speaker: i % 2 == 0 ? "Ana Ruiz" : "Ben Ode", text: "Turn \(i) " + String(repeating: "words ", count: 30))) }
        let doc = MeetingTranscript(meeting: Self.doc.meeting, turns: turns, focus: 40, quote: nil, entityName: nil, mentions: [])
        var s = base(80, 24)
        (s, _) = Update.update(s, .transcriptLoaded(doc, TranscriptRequest(meetingId: 7)))
        let screen = View.render(s)
        XCTAssertTrue(screen.text.contains("Turn 40 words"), "opens at the turn")
        XCTAssertFalse(screen.text.contains("Turn 0 words"))
        XCTAssertTrue(screen.lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        (s, _) = Update.update(s, .key(.char("g")))
        XCTAssertTrue(View.render(s).text.contains("Turn 0 words"))
        (s, _) = Update.update(s, .key(.char("G")))
        XCTAssertTrue(View.render(s).text.contains("Turn 59 words"))
        (s, _) = Update.update(s, .resize(width: 120, height: 30))
        XCTAssertEqual(s.transcript?.width, Layout(width: 120, height: 30, importing: false).body.inner.width)
    }

    // MARK: - Answers: quotes as a list, each opening its transcript

    func testAnAnswersSourcesAreListedAndOpenTheirTranscript() {
        var s = base(100, 30)
        let answer = Answer(intent: "history", answer: "Offline mode: in progress on March 2 → blocked on March 9.",
                            entities: [Answer.EntityRef(id: 10, name: "Offline mode", state: "blocked")],
                            sources: [Answer.Source(meetingId: 7, meeting: "Mobile weekly", date: "2026-03-09", turn: 1, speaker: "Tomás Rivera",
                                                    quote: "So offline mode is blocked on backend, nothing I can do this week, and the merge endpoint is still not there.")])
        (s, _) = Update.update(s, .answered(question: "history of offline mode", answer: answer))
        let text = View.render(s).text
        XCTAssertTrue(text.contains("Where it was said"), text)
        XCTAssertTrue(text.contains("Tomás Rivera · Mobile"), text)
        XCTAssertTrue(text.contains("there.”"), "the quote wraps instead of being cut:\n\(text)")
        let inner = Layout(width: 100, height: 30, importing: false).detail.inner
        let shown = DetailContent.blocks(s.detail, width: inner.width).last!.lines.map { $0.map(\.text).joined() }
        let quoteLines = shown.drop { !$0.contains("“") }
        XCTAssertEqual(quoteLines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " "), "“\(answer.sources[0].quote)”")
        XCTAssertTrue(shown.allSatisfy { DisplayWidth.of($0) <= inner.width - 2 }, "\(shown)")
        var fx: [Effect]
        (s, fx) = Update.update(s, .key(.enter))
        XCTAssertEqual(fx, [.loadEntity(10)], "the first row is the entity")
        (s, _) = Update.update(s, .key(.down))
        (s, fx) = Update.update(s, .key(.enter))
        XCTAssertEqual(fx, [.loadTranscript(TranscriptRequest(meetingId: 7, meetingTitle: "Mobile weekly", date: "2026-03-09", turn: 1,
                                                              quote: answer.sources[0].quote, entityId: 10))])
        // An answer without sources falls back to its evidence, found by title and date.
        let old = Answer(intent: "said", answer: "…", evidence: [Answer.Evidence(meeting: "Mobile weekly", date: "2026-03-09", speaker: "Maya Chen", quote: "Offline mode first?")])
        (s, _) = Update.update(s, .answered(question: "what did we say about offline", answer: old))
        (s, fx) = Update.update(s, .key(.enter))
        XCTAssertEqual(fx, [.loadTranscript(TranscriptRequest(meetingTitle: "Mobile weekly", date: "2026-03-09", quote: "Offline mode first?"))])
    }

    func testALongAnswerScrollsAndTheTimelineKeepsTheSelectedRowInView() {
        var s = base(90, 20)
        let long = (1...40).map { "Sentence number \($0) of a long answer." }.joined(separator: " ")
        (s, _) = Update.update(s, .answered(question: "q", answer: Answer(intent: "x", answer: long)))
        XCTAssertFalse(View.render(s).text.contains("number 40"))
        XCTAssertTrue(View.render(s).text.contains("▼"), "a mark says there is more")
        for _ in 0..<3 { (s, _) = Update.update(s, .key(.down)) }
        XCTAssertEqual(s.detailCursor.offset, 3, "nothing to select: j scrolls by lines")
        (s, _) = Update.update(s, .key(.char("G")))
        XCTAssertTrue(View.render(s).text.contains("number 40"), View.render(s).text)
        let rows = (1...12).map { i in
            TimelineEntry(meetingId: Int64(i), meetingTitle: "Weekly \(i)", date: String(format: "2026-03-%02d", i), state: i % 2 == 0 ? .blocked : .in_progress,
                          owner: nil, due: nil, evidence: "Quote number \(i) that is long enough to wrap onto a second line in a narrow pane.", from: nil)
        }
        s.detailWanted = .entity(s.entities[0].id)   // as opening it from the list asks
        (s, _) = Update.update(s, .detailLoaded(.entity(s.entities[0], rows)))
        for _ in 0..<11 { (s, _) = Update.update(s, .key(.down)) }
        let text = View.render(s).text
        XCTAssertTrue(text.contains("Quote number 12"), text)
        XCTAssertTrue(text.contains("Mar 12"), text)
    }

    // MARK: - Board

    func testTheBoardShowsStatesAcrossMeetingsAndACellOpensItsTranscript() {
        let meetings = [MeetingSummary(id: 1, title: "Weekly", date: "2026-03-02", source: "a.txt", speakers: 3, changes: 1, turns: 9),
                        MeetingSummary(id: 2, title: "Weekly", date: "2026-03-09", source: "b.txt", speakers: 3, changes: 1, turns: 9),
                        MeetingSummary(id: 3, title: "Weekly", date: "2026-03-16", source: "c.txt", speakers: 3, changes: 0, turns: 9)]
        let offline = EntitySummary(id: 10, name: "Offline mode", type: .feature, state: .blocked)
        let card = EntitySummary(id: 11, name: "Card freeze", type: .feature, state: .completed)
        func cell(_ m: Int, _ st: EntityState, changed: Bool, user: Bool = false) -> StatusBoard.Cell {
            StatusBoard.Cell(meeting: m, state: st, changed: changed, byUser: user, owner: nil, due: nil, evidence: "Said at \(m).", turn: 4, speaker: "Ana Ruiz")
        }
        let board = StatusBoard(meetings: meetings, rows: [
            StatusBoard.Row(entity: card, cells: [cell(0, .in_progress, changed: true), cell(2, .completed, changed: true, user: true)]),
            StatusBoard.Row(entity: offline, cells: [cell(0, .in_progress, changed: true), cell(1, .blocked, changed: true)]),
        ])
        var s = base(100, 30)
        s.entities = [offline, card]
        var fx: [Effect]
        (s, fx) = Update.update(s, .key(.char("b")))
        XCTAssertEqual(fx, [.loadBoard])
        (s, _) = Update.update(s, .boardLoaded(board))
        XCTAssertEqual(s.mode, .board)
        var screen = View.render(s)
        XCTAssertTrue(screen.text.contains("Board — 2 entities × 3 meetings"), screen.text)
        let cardRow = screen.lines.first { $0.contains("Card freeze") }!
        XCTAssertTrue(cardRow.contains("›▶  · ›✓*"), cardRow)
        let offlineRow = screen.lines.first { $0.contains("Offline mode") }!
        XCTAssertTrue(offlineRow.contains("›▶ ›■  ·"), offlineRow)
        XCTAssertTrue(screen.text.contains("Card freeze · Mar 16 Weekly: ✓ completed (was in progress) · edited by you"), "rows follow the entities pane's order")
        // The state filter applies on the board too.
        (s, _) = Update.update(s, .key(.char("s")))
        (s, _) = Update.update(s, .key(.char("s")))
        (s, _) = Update.update(s, .key(.char("s")))
        (s, _) = Update.update(s, .key(.char("s")))
        XCTAssertEqual(s.stateFilter, .blocked)
        screen = View.render(s)
        XCTAssertFalse(screen.text.contains("Card freeze"))
        (s, _) = Update.update(s, .key(.char("h")))
        (s, fx) = Update.update(s, .key(.enter))
        XCTAssertEqual(fx, [.loadTranscript(TranscriptRequest(meetingId: 2, meetingTitle: "Weekly", date: "2026-03-09", turn: 4, quote: "Said at 1.", entityId: 10))])
        // A transcript opened from the board goes back to the board.
        (s, _) = Update.update(s, .transcriptLoaded(Self.doc, TranscriptRequest(meetingId: 2)))
        (s, _) = Update.update(s, .key(.escape))
        XCTAssertEqual(s.mode, .board)
        XCTAssertTrue(View.render(s).text.contains("Board —"))
        (s, _) = Update.update(s, .key(.escape))
        XCTAssertEqual(s.mode, .normal)
        XCTAssertNil(s.board)
    }

    // MARK: - Corrections from the keyboard

    func testCorrectionKeysAskForWhatTheyNeedAndSendTheCorrection() {
        var s = base()
        s.entities.append(EntitySummary(id: 11, name: "Offline sync", type: .feature, state: .in_progress))
        var fx: [Effect]
        (s, _) = Update.update(s, .key(.char("R")))
        XCTAssertEqual(s.mode, .edit)
        XCTAssertTrue(View.render(s).text.contains("rename Offline mode to: Offline mode"))
        (s, _) = Update.update(s, .key(.ctrl("u")))
        for c in "Offline first" { (s, _) = Update.update(s, .key(.char(c))) }
        (s, fx) = Update.update(s, .key(.enter))
        XCTAssertEqual(fx, [.correct(.rename(10, to: "Offline first"))])
        XCTAssertEqual(s.mode, .normal)
        (s, _) = Update.update(s, .key(.char("m")))
        for c in "offline sync" { (s, _) = Update.update(s, .key(.char(c))) }
        (s, fx) = Update.update(s, .key(.enter))
        XCTAssertEqual(fx, [.correct(.merge(10, into: 11))])
        (s, _) = Update.update(s, .key(.char("m")))
        for c in "zebra crossing" { (s, _) = Update.update(s, .key(.char(c))) }
        (s, fx) = Update.update(s, .key(.enter))
        XCTAssertEqual(fx, [])
        XCTAssertTrue(s.message?.hasPrefix("No entity called \"zebra crossing\".") == true, s.message ?? "")
        (s, fx) = Update.update(s, .key(.char("d")))
        XCTAssertEqual(fx, [.correct(.dismiss(10))])
        (s, fx) = Update.update(s, .key(.char("u")))
        XCTAssertEqual(fx, [.correct(.undo)])
        // e on a timeline row: the state at that row's meeting.
        s.detail = .entity(s.entities[0], [TimelineEntry(meetingId: 7, meetingTitle: "Mobile weekly", date: "2026-03-09", state: .blocked,
                                                        owner: nil, due: nil, evidence: "x", from: nil, turn: 1)])
        s.focus = .detail
        (s, _) = Update.update(s, .key(.char("e")))
        XCTAssertTrue(View.render(s).text.contains("Offline mode at Mar 9 Mobile weekly (state [owner NAME] [due DATE], none clears):"), View.render(s).text + "\(s.mode) \(s.message ?? "")")
        for c in "at risk due 2026-04-01" { (s, _) = Update.update(s, .key(.char(c))) }
        (s, fx) = Update.update(s, .key(.enter))
        XCTAssertEqual(fx, [.correct(.state(10, meeting: 7, StateEdit(state: .set(.at_risk), due: .set("2026-04-01"))))])
        (s, _) = Update.update(s, .key(.char("e")))
        for c in "stuck" { (s, _) = Update.update(s, .key(.char(c))) }
        (s, fx) = Update.update(s, .key(.enter))
        XCTAssertEqual(fx, [])
        XCTAssertTrue(s.message?.hasPrefix("unknown state \"stuck\"") == true)
        // A dismissed entity shows (dimmed) only with D, and d on it restores it.
        s.entities[0].dismissed = true
        s.focus = .entities
        XCTAssertFalse(s.visibleEntities.contains { $0.id == 10 })
        (s, _) = Update.update(s, .key(.char("D")))
        XCTAssertTrue(View.render(s).text.contains("Offline mode (dismis"))
        (s, fx) = Update.update(s, .key(.char("d")))
        XCTAssertEqual(fx, [.correct(.restore(10))])
        (s, fx) = Update.update(s, .corrected(CorrectionResult(message: "Dismissed Offline mode.", entityId: nil)))
        XCTAssertEqual(s.message, "Dismissed Offline mode. u undoes.")
        (s, fx) = Update.update(s, .corrected(CorrectionResult(message: "Restored Offline mode.", entityId: 10, undoable: false)))
        XCTAssertEqual(s.message, "Restored Offline mode.")
        XCTAssertTrue(fx.contains(.reload))
    }

    /// Through the runtime on a real store: rename, merge, dismiss and undo from the
    /// keyboard, then import the same files again and the corrections are still there.
    func testCorrectionsThroughTheRuntimeSurviveReimport() throws {
        let store = try Store(path: NSTemporaryDirectory() + "daily-\(UUID().uuidString).db")
        let backend = TestBackend(width: 140, height: 40)
        let runtime = AppRuntime(store: store, backend: backend, themes: Theme.builtIn,
                                 settingsPath: NSTemporaryDirectory() + "daily-\(UUID().uuidString).json")
        let files = ["2026-01-19-clinic-ops.vtt", "2026-01-26-clinic-ops.md", "2026-02-09-clinic-ops.srt", "2026-02-23-clinic-ops.json"]
        XCTAssertTrue(IngestPipeline(store: store).ingest(paths: files.map { Self.samples + "/" + $0 }).ok)
        func settle(_ until: () -> Bool) {
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline, !until() {
                runtime.drainInbox()
                Thread.sleep(forTimeInterval: 0.01)
            }
            runtime.drainInbox()
            Thread.sleep(forTimeInterval: 0.25)
            runtime.drainInbox()
        }
        func select(_ name: String) {
            runtime.dispatch(.key(.char("/")))
            runtime.dispatch(.key(.ctrl("u")))
            for c in name { runtime.dispatch(.key(.char(c))) }
            runtime.dispatch(.key(.enter))
        }
        func type(_ text: String) { for c in text { runtime.dispatch(.key(.char(c))) } }
        runtime.dispatch(.key(.char("r")))
        settle { runtime.state.loaded }
        select("radiology")
        runtime.dispatch(.key(.char("R")))
        runtime.dispatch(.key(.ctrl("u")))
        type("Scanner lease")
        runtime.dispatch(.key(.enter))
        settle { runtime.state.message?.hasPrefix("Renamed") == true }
        XCTAssertEqual(runtime.state.message, "Renamed Radiology lease to Scanner lease. u undoes.")
        select("sessions")
        runtime.dispatch(.key(.char("m")))
        type("training budget")
        runtime.dispatch(.key(.enter))
        settle { runtime.state.message?.hasPrefix("Merged") == true }
        select("cutover")
        runtime.dispatch(.key(.char("d")))
        settle { runtime.state.message?.hasPrefix("Dismissed") == true }
        select("evening")
        runtime.dispatch(.key(.char("d")))
        settle { runtime.state.message?.hasPrefix("Dismissed Evening") == true }
        runtime.dispatch(.key(.char("u")))
        settle { runtime.state.message?.hasPrefix("Undid") == true }
        XCTAssertEqual(runtime.state.message, "Undid: dismiss Evening clinic pilot.")
        // Import every file: the first meeting is older, so every later one is resolved again.
        runtime.dispatch(.key(.escape))
        runtime.dispatch(.key(.char("i")))
        runtime.dispatch(.key(.char("/")))
        runtime.dispatch(.key(.ctrl("u")))
        type(Self.samples)
        runtime.dispatch(.key(.enter))
        settle { runtime.state.picker.path == Self.samples && !runtime.state.picker.entries.isEmpty }
        runtime.dispatch(.key(.char("a")))
        runtime.dispatch(.key(.enter))
        settle { runtime.state.importing == nil && runtime.state.message?.hasPrefix("Imported") == true }
        XCTAssertEqual(runtime.state.message, "Imported 1, 4 already imported, 0 failed.")
        runtime.dispatch(.key(.escape))
        runtime.render()
        let text = backend.screen.text
        let listed = runtime.state.visibleEntities.map(\.name)
        XCTAssertTrue(text.contains("Scanner lease"), text)
        XCTAssertTrue(listed.contains("Scanner lease"), "\(listed)")
        XCTAssertFalse(listed.contains("Sessions"), "merged away: \(listed)")
        XCTAssertFalse(listed.contains("Cutover"), "dismissed: \(listed)")
        XCTAssertTrue(listed.contains("Evening clinic pilot"), "the undone dismissal stays undone")
        XCTAssertTrue(text.contains("Meetings (5)"))
        // The board and a transcript from the real store.
        runtime.dispatch(.key(.char("b")))
        settle { runtime.state.mode == .board }
        runtime.render()
        XCTAssertTrue(backend.screen.text.contains("Board — 8 entities × 5 meetings"), backend.screen.text)
        runtime.dispatch(.key(.enter))
        settle { runtime.state.mode == .transcript }
        runtime.render()
        XCTAssertTrue(backend.screen.text.contains("Transcript — Clinic operations weekly · Feb 23"), backend.screen.text)
    }
}
