import GRDB
import XCTest
@testable import SmartMeetCore

/// The user's corrections over the extractor's output: applied, hidden where they hide,
/// kept through re-resolution, undone back to exactly what the extractor said.
final class CorrectionsTests: XCTestCase {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../sample-meetings").standardized.path
    static let files = ["2026-01-12-clinic-ops.txt", "2026-01-19-clinic-ops.vtt", "2026-01-26-clinic-ops.md",
                        "2026-02-09-clinic-ops.srt", "2026-02-23-clinic-ops.json"]

    func ingest(_ store: Store, _ names: [String]) {
        let summary = IngestPipeline(store: store).ingest(paths: names.map { Self.samples + "/" + $0 })
        XCTAssertTrue(summary.ok, "\(summary.failures)")
    }

    func entity(_ store: Store, _ name: String, dismissed: Bool = false) throws -> EntitySummary {
        let all = try StoreReader(store: store).entities(includeDismissed: true).filter { $0.dismissed == dismissed }
        return try XCTUnwrap(all.first { $0.name.lowercased().contains(name.lowercased()) }, "\(name) in \(all.map(\.name))")
    }

    func exportObject(_ store: Store) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Exporter(store: store).json()) as? [String: Any])
    }

    /// The export with ids replaced by names, so two stores (or one before and after
    /// re-resolution) compare by content.
    func normalized(_ store: Store) throws -> String {
        let o = try exportObject(store)
        let entities = (o["entities"] as? [[String: Any]] ?? [])
        let names = Dictionary(uniqueKeysWithValues: entities.map { ($0["id"] as! String, $0["name"] as! String) })
        let states = (o["states"] as? [[String: Any]] ?? []).map { s in
            "\(names[s["entity_id"] as! String] ?? "?")@\(s["meeting_id"]!)=\(s["state"]!) \(s["owner"] ?? "-") \(s["due"] ?? "-") \(s["by"] ?? "")"
        }.sorted()
        let transitions = (o["transitions"] as? [[String: Any]] ?? []).map { t in
            "\(names[t["entity_id"] as! String] ?? "?")@\(t["meeting_id"]!) \(t["from"]!)>\(t["to"]!) \(t["by"] ?? "")"
        }.sorted()
        let list = entities.map { "\($0["name"]!) \($0["state"] ?? "-") \($0["by"] ?? "")" }.sorted()
        return (list + states + transitions).joined(separator: "\n")
    }

    func testRenameMergeDismissAndStateAreAppliedAndMarkedAsTheUsers() throws {
        let store = try TestSupport.store()
        ingest(store, Self.files)
        let c = Corrections(store: store)
        let portal = try entity(store, "portal relaunch")
        XCTAssertEqual(try c.rename(portal.id, to: "Patient portal").message, "Renamed Patient portal relaunch to Patient portal.")
        // "Sessions start in March" is about the training budget's sessions: merged into it.
        let sessions = try entity(store, "sessions")
        let budget = try entity(store, "training budget")
        let budgetStatesBefore = try StoreReader(store: store).timeline(entityId: budget.id).count
        let sessionStates = try StoreReader(store: store).timeline(entityId: sessions.id).count
        _ = try c.merge(sessions.id, into: budget.id)
        let cutover = try entity(store, "cutover")
        _ = try c.dismiss(cutover.id)
        let ehr = try entity(store, "EHR")
        let jan26 = try c.meeting(matching: "2026-01-26")
        _ = try c.setState(ehr.id, meetingId: jan26.id, StateEdit(state: .set(.at_risk), owner: .set("Dev Patel")))

        let names = try StoreReader(store: store).entities().map(\.name)
        XCTAssertTrue(names.contains("Patient portal"))
        XCTAssertFalse(names.contains("Sessions"), "merged away")
        XCTAssertFalse(names.contains("Cutover"), "dismissed entities are not listed")
        let merged = try entity(store, "training budget")
        XCTAssertTrue(merged.edited)
        XCTAssertTrue(merged.aliases.contains("Sessions"), "aliases combined: \(merged.aliases)")
        let mergedTimeline = try StoreReader(store: store).timeline(entityId: merged.id)
        XCTAssertGreaterThanOrEqual(mergedTimeline.count, max(budgetStatesBefore, sessionStates), "histories combined")

        let timeline = try StoreReader(store: store).timeline(entityId: ehr.id)
        let edited = try XCTUnwrap(timeline.first { $0.date == "2026-01-26" })
        XCTAssertEqual(edited.state, .at_risk)
        XCTAssertTrue(edited.byUser)
        XCTAssertEqual(edited.extractorState, .in_progress, "the extractor's original is kept")
        XCTAssertEqual(edited.from, .in_progress)
        XCTAssertEqual(timeline.first { $0.date == "2026-02-09" }?.from, .at_risk, "transitions recomputed")

        // Export: the user's changes carry "by": "user"; the dismissed entity is nowhere.
        let o = try exportObject(store)
        let json = String(decoding: try Exporter(store: store).json(), as: UTF8.self)
        let entities = o["entities"] as! [[String: Any]]
        XCTAssertFalse(entities.contains { $0["name"] as? String == "Cutover" })
        XCTAssertFalse(json.contains("\"name\" : \"Cutover\""))
        XCTAssertEqual(entities.first { $0["name"] as? String == "Patient portal" }?["by"] as? String, "user")
        let states = o["states"] as! [[String: Any]]
        XCTAssertEqual(states.filter { $0["by"] as? String == "user" }.count, 1)
        let transitions = o["transitions"] as! [[String: Any]]
        XCTAssertTrue(transitions.contains { $0["to"] as? String == "at_risk" && $0["by"] as? String == "user" })
        XCTAssertTrue(transitions.contains { $0["from"] as? String == "at_risk" && $0["by"] as? String == "user" })

        // Answers and the board leave the dismissed entity out too.
        let answer = try QueryEngine(store: store).ask("what is planned?")
        XCTAssertFalse(answer.entities.contains { $0.id == cutover.id }, answer.answer)
        XCTAssertFalse(answer.answer.contains("- Cutover"), answer.answer)
        XCTAssertFalse(try StatusBoard.load(store).rows.contains { $0.entity.id == cutover.id })
        XCTAssertTrue(try QueryEngine(store: store).ask("status of patient portal").answer.hasPrefix("Patient portal is"))
    }

    func testCorrectionsSurviveReResolutionWhenAnOlderMeetingArrives() throws {
        let store = try TestSupport.store()
        ingest(store, Array(Self.files.dropFirst()))
        let c = Corrections(store: store)
        let lease = try entity(store, "radiology")
        _ = try c.rename(lease.id, to: "Scanner lease")
        _ = try c.dismiss(try entity(store, "training budget").id)
        let ehr = try entity(store, "EHR")
        _ = try c.setState(ehr.id, meetingId: try c.meeting(matching: "2026-02-09").id, StateEdit(owner: .set("Erin Walsh")))

        // The first meeting arrives last: every later meeting is resolved again from scratch.
        ingest(store, [Self.files[0]])
        let after = try StoreReader(store: store).entities(includeDismissed: true)
        XCTAssertTrue(after.contains { $0.name == "Scanner lease" && !$0.dismissed }, after.map(\.name).joined(separator: ", "))
        XCTAssertTrue(after.contains { $0.name.contains("training budget") && $0.dismissed })
        let newEHR = try entity(store, "EHR")
        let feb9 = try XCTUnwrap(try StoreReader(store: store).timeline(entityId: newEHR.id).first { $0.date == "2026-02-09" })
        XCTAssertEqual(feb9.owner, "Erin Walsh")
        XCTAssertTrue(feb9.byUser)

        // The same files again are duplicates, and change nothing.
        let before = try normalized(store)
        ingest(store, Self.files)
        XCTAssertEqual(try normalized(store), before)
    }

    func testUndoBringsBackExactlyWhatTheExtractorSaid() throws {
        let store = try TestSupport.store()
        ingest(store, Self.files)
        let original = try normalized(store)
        let c = Corrections(store: store)
        _ = try c.rename(try entity(store, "evening clinic").id, to: "Late clinic")
        _ = try c.merge(try entity(store, "sessions").id, into: try entity(store, "training budget").id)
        _ = try c.dismiss(try entity(store, "cutover").id)
        let ehr = try entity(store, "EHR")
        _ = try c.setState(ehr.id, meetingId: try c.meeting(matching: "2026-01-19").id, StateEdit(state: .clear))
        _ = try c.setState(try entity(store, "compliance").id, meetingId: try c.meeting(matching: "2026-02-23").id,
                           StateEdit(state: .set(.blocked), due: .set("2026-03-01")))
        XCTAssertNotEqual(try normalized(store), original)
        var undone: [String] = []
        for _ in 0..<5 { undone.append(try c.undo().message) }
        XCTAssertEqual(undone.first, "Undid: Compliance audit at 2026-02-23 (2026-02-23-clinic-ops.json): blocked, due 2026-03-01.")
        XCTAssertEqual(try normalized(store), original)
        XCTAssertThrowsError(try c.undo()) { XCTAssertEqual(($0 as? CorrectionError)?.description, "Nothing to undo.") }
        XCTAssertEqual(try c.list().filter(\.undone).count, 5, "undone corrections stay on record")
    }

    func testDismissIsRestorableAndTheExtractionIsNeverTouched() throws {
        let store = try TestSupport.store()
        ingest(store, Self.files)
        let payloads = try store.pool.read { try String.fetchAll($0, sql: "SELECT payload FROM extractions ORDER BY meeting_id") }
        let c = Corrections(store: store)
        let renewal = try entity(store, "cutover")
        _ = try c.dismiss(renewal.id)
        XCTAssertThrowsError(try c.dismiss(renewal.id))
        let hidden = try entity(store, "cutover", dismissed: true)
        XCTAssertEqual(try c.restore(hidden.id).message, "Restored Cutover.")
        XCTAssertFalse(try entity(store, "cutover").dismissed)
        XCTAssertThrowsError(try c.restore(hidden.id)) { XCTAssertTrue("\($0)".contains("not dismissed")) }
        _ = try c.setState(renewal.id, meetingId: try c.meeting(matching: "2026-01-12").id, StateEdit(state: .set(.cancelled)))
        XCTAssertEqual(try store.pool.read { try String.fetchAll($0, sql: "SELECT payload FROM extractions ORDER BY meeting_id") }, payloads)
    }

    func testBadCorrectionsAreOneClearSentence() throws {
        let store = try TestSupport.store()
        ingest(store, Self.files)
        let c = Corrections(store: store)
        let ehr = try entity(store, "EHR")
        XCTAssertThrowsError(try c.rename(ehr.id, to: "  ")) { XCTAssertEqual("\($0)", "A new name cannot be empty.") }
        XCTAssertThrowsError(try c.merge(ehr.id, into: ehr.id))
        XCTAssertThrowsError(try c.meeting(matching: "2031-01-01")) { XCTAssertEqual("\($0)", "No meeting on 2031-01-01.") }
        XCTAssertThrowsError(try c.meeting(matching: "board offsite")) { XCTAssertTrue("\($0)".contains("No meeting matches")) }
        XCTAssertEqual(try c.meeting(matching: "2026-02-09-clinic-ops.srt").date, "2026-02-09")
        XCTAssertEqual(try c.meeting(matching: "clinic ops").date, "2026-02-09", "words of the title")
    }

    func testStateEditReadsWhatPeopleType() {
        XCTAssertEqual(StateEdit.parse("in progress owner Dev Patel due 2026-03-01").edit,
                       StateEdit(state: .set(.in_progress), owner: .set("Dev Patel"), due: .set("2026-03-01")))
        XCTAssertEqual(StateEdit.parse("none").edit, StateEdit(state: .clear))
        XCTAssertEqual(StateEdit.parse("owner none").edit, StateEdit(owner: .clear))
        XCTAssertEqual(StateEdit.parse("blocked due none").edit, StateEdit(state: .set(.blocked), due: .clear))
        XCTAssertNotNil(StateEdit.parse("stuck").problem)
        XCTAssertNotNil(StateEdit.parse("blocked due friday").problem)
        XCTAssertNotNil(StateEdit.parse("").problem)
    }

    func testReportSaysWhatChangedWhatIsBlockedOverdueAndWhoOwnsWhat() throws {
        let store = try TestSupport.store()
        ingest(store, Array(Self.files.prefix(4)))
        let md = StatusReport(board: try StatusBoard.load(store), since: CalendarDay(iso: "2026-02-01")).render(markdown: true)
        XCTAssertTrue(md.hasPrefix("# Status report — February 9, 2026\n"), md)
        XCTAssertTrue(md.contains("## What changed since February 1"))
        XCTAssertTrue(md.contains("- **Radiology lease**: in progress → blocked — “Medline wants a second site inspection"), md)
        XCTAssertTrue(md.contains("## Blocked or at risk\n- **Radiology lease** — blocked since February 9"), md)
        XCTAssertTrue(md.contains("(Luis Moreno, Clinic ops, February 9)"), "the quote names who said it")
        XCTAssertTrue(md.contains("## Who owns what"))
        XCTAssertTrue(md.contains("- **Dev Patel**: "))
        XCTAssertFalse(md.contains("EHR upgrade (completed"), "closed work owns nothing")
        let plain = StatusReport(board: try StatusBoard.load(store)).render(markdown: false)
        XCTAssertTrue(plain.contains("What changed at the last meeting (February 9)\n---"), plain)
        XCTAssertFalse(plain.contains("**"))
        XCTAssertEqual(StatusReport.escape("a*b_c"), "a\\*b\\_c")
    }

    func testTranscriptOpensAtTheTurnWithTheEntitysMentions() throws {
        let store = try TestSupport.store()
        ingest(store, Self.files)
        let ehr = try entity(store, "EHR")
        let entry = try XCTUnwrap(try StoreReader(store: store).timeline(entityId: ehr.id).first { $0.state == .completed })
        let t = try XCTUnwrap(try MeetingTranscript.load(store, meetingId: entry.meetingId, turn: entry.turn, quote: entry.evidence, entityId: ehr.id))
        XCTAssertEqual(t.turns[t.focus].index, entry.turn)
        XCTAssertTrue(t.turns[t.focus].text.contains("EHR upgrade is done"), t.turns[t.focus].text)
        XCTAssertTrue(t.mentions.contains(t.focus))
        XCTAssertNotNil(MeetingTranscript.range(of: entry.evidence, in: t.turns[t.focus].text))
        let byQuote = try XCTUnwrap(try MeetingTranscript.load(store, meetingId: entry.meetingId, quote: "the ehr upgrade is DONE"))
        XCTAssertEqual(byQuote.focus, t.focus, "found by the quoted words alone")
    }
}
