import XCTest
import GRDB
@testable import SmartMeetCore

/// What a small model that invents does to an import: its ungrounded states are dropped and
/// counted, the rules read what it could not, and `auto` stops preferring a model that
/// disagrees with the rules on the first meetings.
final class LLMGroundingTests: XCTestCase {
    static let meetings: [String: String] = [
        "2026-03-02-team.txt": "Title: Team\nDate: 2026-03-02\n\nAna Ruiz: The billing migration is in progress.\nBen Ode: The portal relaunch is blocked on legal.\n",
        "2026-03-09-team.txt": "Title: Team\nDate: 2026-03-09\n\nAna Ruiz: The billing migration is done, it shipped on Monday.\nBen Ode: Legal signed, so the portal relaunch is back in progress.\n",
        "2026-03-16-team.txt": "Title: Team\nDate: 2026-03-16\n\nAna Ruiz: We cancelled the data warehouse project.\nBen Ode: The portal relaunch is complete.\n",
        "2026-03-23-team.txt": "Title: Team\nDate: 2026-03-23\n\nAna Ruiz: The mobile app redesign is planned for next quarter.\n",
    ]

    func config(_ base: String, mode: LLMConfig.Mode) -> LLMConfig {
        var c = LLMConfig()
        c.mode = mode
        c.baseURL = base
        c.models = ["inventive-model"]
        c.maxRetries = 0
        return c
    }

    /// A model that answers every meeting with things the meeting never said.
    func inventive() -> [String: String] {
        var out: [String: String] = [:]
        for date in ["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"] {
            out[date] = #"{"entities": [{"name": "Quantum roadmap", "type": "project"}], "states": [{"entity": "Quantum roadmap", "state": "completed", "evidence": "we finished the quantum roadmap"}, {"entity": "billing migration", "state": "blocked", "evidence": "billing is blocked by finance"}]}"#
        }
        return out
    }

    func storedStates(_ store: Store) throws -> Set<String> {
        Set(try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT e.name, s.state FROM states s JOIN entities e ON e.id = s.entity_id").map { "\($0["name"] as String)=\($0["state"] as String)" }
        })
    }

    func testAnInventingModelLosesNothingTheRulesFindAndItsClaimsAreCounted() throws {
        let server = try LLMTests.Server(script: ["responses": inventive()])
        let dir = TestSupport.folder(Self.meetings)
        let rulesStore = try TestSupport.store()
        XCTAssertTrue(IngestPipeline(store: rulesStore).ingest(paths: [dir]).ok)

        let store = try TestSupport.store()
        let client = LLMClient(config: config(server.base, mode: .on), cache: store)
        let summary = IngestPipeline(store: store, extractor: LLMExtractor(client: client), extractorName: "llm+rules").ingest(paths: [dir])
        XCTAssertTrue(summary.ok)
        XCTAssertEqual(summary.imported, 4, "every meeting is stored")
        let expected = try storedStates(rulesStore)
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(try storedStates(store), expected, "nothing invented is stored; the rules read every chunk the model could not ground")
        XCTAssertEqual(client.stats.proposed, 8)
        XCTAssertEqual(client.stats.kept, 0)
        // "billing migration" is named in two meetings, so there only its quote gives it away.
        XCTAssertEqual(client.stats.dropped, ["entity_not_in_chunk": 6, "evidence_not_in_chunk": 2])
        XCTAssertEqual(client.stats.fallbacksToRules, 4)
        XCTAssertEqual(client.stats.chunks, 4)
    }

    func testAutoKeepsTheRulesForAModelThatDisagreesAndStopsCallingIt() throws {
        let server = try LLMTests.Server(script: ["responses": inventive()])
        let files = Self.meetings.keys.sorted()
        let dir = TestSupport.folder(Self.meetings)
        let store = try TestSupport.store()
        let client = LLMClient(config: config(server.base, mode: .auto), cache: store)
        let extractor = LLMExtractor(client: client)
        XCTAssertEqual(extractor.trial.decision, .trial)
        let pipeline = IngestPipeline(store: store, extractor: extractor, extractorName: "llm+rules")
        pipeline.parallelism = 1
        for f in files.prefix(3) { XCTAssertTrue(pipeline.ingest(paths: [dir + "/" + f]).ok) }
        XCTAssertEqual(extractor.trial.decision, .rules)
        XCTAssertEqual(extractor.trial.current.meetings, 3)
        XCTAssertEqual(extractor.trial.current.agreement, 0)
        let calls = try server.stats()["calls"] as! Int
        XCTAssertEqual(calls, 3)

        // A new run against the same database remembers the verdict: no call at all.
        let again = LLMExtractor(client: LLMClient(config: config(server.base, mode: .auto), cache: store))
        XCTAssertEqual(again.trial.decision, .rules)
        XCTAssertTrue(IngestPipeline(store: store, extractor: again, extractorName: "llm+rules").ingest(paths: [dir + "/" + files[3]]).ok)
        XCTAssertEqual(try server.stats()["calls"] as! Int, calls, "auto makes no extraction call to a model it decided against")
        let all = try ModelTrial.all(in: store)
        XCTAssertEqual(all.map(\.model), ["inventive-model at \(server.base)"])
        XCTAssertTrue(ModelTrial.describe(all[0].record).hasPrefix("rules preferred"))

        // Nor does it let that model phrase answers.
        let offline = Answer(intent: "status", answer: "The offline answer.", entities: [.init(id: 1, name: "billing migration", state: "blocked")])
        XCTAssertEqual(LLMAnswerer(client: LLMClient(config: config(server.base, mode: .auto), cache: store))
            .compose(question: "status of billing?", offline: offline).answer, "The offline answer.")
        XCTAssertEqual(try server.stats()["calls"] as! Int, calls)

        // `on` still uses the model, as asked.
        let forced = LLMClient(config: config(server.base, mode: .on), cache: nil)
        _ = LLMExtractor(client: forced).extract(try TranscriptLoader().load(path: dir + "/" + files[0]))
        XCTAssertEqual(forced.stats.calls, 1)
    }

    func testAutoPrefersAModelThatAgreesWithTheRules() throws {
        // A faithful model: the rules' own states, quoted from the meeting.
        var responses: [String: String] = [:]
        for (name, text) in Self.meetings {
            let t = try TestSupport.transcript(text, name: name)
            let ex = RuleExtractor().extract(t)
            let states = ex.states.map { s -> [String: Any] in
                ["entity": ex.entities[s.entity].name, "state": s.state.rawValue, "evidence": t.turns.first { $0.index == s.turnIndex }!.text]
            }
            responses[t.date] = String(decoding: try JSONSerialization.data(withJSONObject: ["entities": [], "states": states]), as: UTF8.self)
        }
        let server = try LLMTests.Server(script: ["responses": responses])
        let store = try TestSupport.store()
        let extractor = LLMExtractor(client: LLMClient(config: config(server.base, mode: .auto), cache: store))
        for name in Self.meetings.keys.sorted().prefix(3) {
            _ = extractor.extract(try TestSupport.transcript(Self.meetings[name]!, name: name))
        }
        XCTAssertEqual(extractor.trial.decision, .model)
        XCTAssertGreaterThanOrEqual(extractor.trial.current.agreement, ModelTrial.agreementNeeded)
    }
}
