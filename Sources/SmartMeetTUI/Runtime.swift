import Foundation
import GRDB
import SmartMeetCore
import Synchronization

/// Runs the app: reads input, feeds messages to `Update`, runs the effects it returns on
/// background queues (which report back only through messages) and draws `View`'s screen.
// @unchecked is safe: `state` and the lazy `search`/`engine` are used only on the thread running `run()`; what
// background work touches is a `let`, the inbox (under `inbox`) or the reload flags (under `reloadLock`).
public final class AppRuntime: @unchecked Sendable {
    let store: Store
    let backend: TerminalBackend
    let settingsPath: String
    private(set) public var state: AppState
    private let inbox = NSLock()
    private var queued: [Msg] = []
    private let reads = DispatchQueue(label: "smartmeet.reads")
    private let imports = DispatchQueue(label: "smartmeet.import")
    private let writes = DispatchQueue(label: "smartmeet.corrections")
    private let cancelFlag = CancelFlag()
    /// Reloads are coalesced: during an import every stored meeting asks for one, and the
    /// interface only needs the latest.
    private let reloadLock = NSLock()
    private var reloadRunning = false
    private var reloadWanted = false
    private let searchChoice = EmbedderSetup.choose()
    private lazy var search = HybridSearch(store: store, embedder: searchChoice.embedder)
    private lazy var engine = QueryEngine(store: store, search: search)
    /// Computes search vectors behind imports and resumes what an earlier run left, on one
    /// thread: the interface keeps a core to itself, as the import does.
    private lazy var indexer = VectorIndexer(store: store, embedder: searchChoice.embedder, threads: 1) { [weak self] p in
        guard let self else { return }
        self.send(.searchStatus(self.searchLabel(p)))
    }

    func searchLabel(_ p: VectorIndexer.Progress?) -> String {
        if searchChoice.isFallback { return "search: hashed (no model)" }
        guard let p, p.running, p.indexed < p.total else { return "search: model" }
        return "search: indexing \(Int(p.fraction * 100))%"
    }

    let llm: LLMClient?

    public init(store: Store, backend: TerminalBackend, themes: [Theme], settingsPath: String, llmMode: String = "off",
                llm: LLMClient? = nil) {
        self.llm = llm
        self.store = store
        self.backend = backend
        self.settingsPath = settingsPath
        let settings = Settings.load(from: settingsPath)
        let size = backend.size
        let folder = settings.lastFolder.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
            ?? FileManager.default.currentDirectoryPath
        var s = AppState(width: size.width, height: size.height, databasePath: store.path, startFolder: folder)
        s.themes = themes.isEmpty ? [Theme.fallback] : themes
        s.themeIndex = s.themes.firstIndex { $0.name == settings.theme } ?? 0
        s.history = settings.history
        s.colorDepth = backend.colorDepth
        s.llmMode = llmMode
        state = s
    }

    /// Safe from any thread: background work reports here.
    public func send(_ msg: Msg) {
        inbox.lock()
        queued.append(msg)
        inbox.unlock()
    }

    /// Handles one message now (tests drive the app this way).
    public func dispatch(_ msg: Msg) {
        let (next, effects) = Update.update(state, msg)
        state = next
        for e in effects { run(e) }
    }

    /// Takes everything queued by background work.
    public func drainInbox() {
        inbox.lock()
        let pending = queued
        queued = []
        inbox.unlock()
        for m in pending { dispatch(m) }
    }

    public func render() {
        backend.draw(View.render(state), theme: state.theme)
    }

    /// The loop: input (waits at most one tick), background results, a frame when needed.
    public func run() {
        dispatch(.resize(width: backend.size.width, height: backend.size.height))
        dispatch(.searchStatus(searchLabel(nil)))
        indexer.notify()
        run(.reload)
        var lastFrame: AppState?
        var lastTick = Date()
        while !state.quitting {
            if let msg = backend.poll() { dispatch(msg) }
            drainInbox()
            if state.importing != nil, Date().timeIntervalSince(lastTick) > 0.25 {
                lastTick = Date()
                dispatch(.tick(lastTick))
            }
            if lastFrame != state { render(); lastFrame = state }
        }
        cancelFlag.set()
        saveSettings()
        finishBackgroundWork()
    }

    /// Lets the import (cancelled between files) and the vector indexer (after its current
    /// batch) stop before the process exits: exiting under a thread still inside the
    /// extractor or BLAS crashed the app on quit (exit status 139) right after a large import.
    func finishBackgroundWork() {
        imports.sync {}
        reads.sync {}
        indexer.stop()
    }

    // MARK: - Effects

    func run(_ effect: Effect) {
        switch effect {
        case .quit: break
        case .saveSettings: saveSettings()
        case .cancelImport: cancelFlag.set()
        case .reload:
            reloadLock.lock()
            if reloadRunning { reloadWanted = true; reloadLock.unlock(); return }
            reloadRunning = true
            reloadLock.unlock()
            reads.async { [store] in
                do {
                    let reader = StoreReader(store: store)
                    self.send(.loaded(Snapshot(meetings: try reader.meetings(), entities: try reader.entities(includeDismissed: true))))
                } catch { self.send(.failed("Cannot read the database: \(Store.describe(error))")) }
                // At most a few refreshes a second while meetings keep landing.
                Thread.sleep(forTimeInterval: 0.2)
                self.reloadLock.lock()
                let again = self.reloadWanted
                self.reloadWanted = false
                self.reloadRunning = false
                self.reloadLock.unlock()
                if again { self.run(.reload) }
            }
        case .loadEntity(let id):
            reads.async { [store] in
                do {
                    let reader = StoreReader(store: store)
                    guard let e = try reader.entities(includeDismissed: true).first(where: { $0.id == id }) else { return }
                    self.send(.detailLoaded(.entity(e, try reader.timeline(entityId: id))))
                } catch { self.send(.failed("Cannot read the timeline: \(Store.describe(error))")) }
            }
        case .loadMeeting(let id):
            reads.async { [store] in
                do { self.send(.detailLoaded(.meeting(try Self.meetingDetail(store, id)))) } catch {
                    self.send(.failed("Cannot read the meeting: \(Store.describe(error))"))
                }
            }
        case .ask(let q):
            reads.async { [search, engine] in
                do {
                    search.invalidate()
                    self.send(.answered(question: q, answer: try engine.ask(q)))
                } catch { self.send(.failed("Could not answer: \(Store.describe(error))")) }
            }
        case .loadTranscript(let request):
            reads.async { [store] in
                do {
                    guard let id = try request.meetingId ?? Self.meetingId(store, title: request.meetingTitle, date: request.date),
                          let doc = try MeetingTranscript.load(store, meetingId: id, turn: request.turn, quote: request.quote, entityId: request.entityId) else {
                        self.send(.failed("That meeting is no longer in the database."))
                        return
                    }
                    self.send(.transcriptLoaded(doc, request))
                } catch { self.send(.failed("Cannot read the transcript: \(Store.describe(error))")) }
            }
        case .loadBoard:
            reads.async { [store] in
                do { self.send(.boardLoaded(try StatusBoard.load(store))) } catch {
                    self.send(.failed("Cannot read the board: \(Store.describe(error))"))
                }
            }
        case .correct(let request):
            // Corrections write; they queue behind a running import's meeting, never in the
            // interface's way.
            writes.async { [store] in
                let corrections = Corrections(store: store)
                do {
                    let result: CorrectionResult
                    switch request {
                    case .rename(let id, let name): result = try corrections.rename(id, to: name)
                    case .merge(let id, let target): result = try corrections.merge(id, into: target)
                    case .dismiss(let id): result = try corrections.dismiss(id)
                    case .restore(let id): result = try corrections.restore(id)
                    case .state(let id, let meeting, let edit): result = try corrections.setState(id, meetingId: meeting, edit)
                    case .undo: result = try corrections.undo()
                    }
                    self.send(.corrected(result))
                } catch let e as CorrectionError {
                    self.send(.failed(e.description))
                } catch {
                    self.send(.failed("Could not save the correction: \(Store.describe(error))"))
                }
            }
        case .listDirectory(let path):
            reads.async { self.send(Self.listing(path)) }
        case .startImport(let paths):
            cancelFlag.reset()
            imports.async { [store, cancelFlag] in
                let pipeline = self.llm.map { IngestPipeline(store: store, extractor: LLMExtractor(client: $0), extractorName: "llm+rules", indexer: self.indexer) }
                    ?? IngestPipeline(store: store, indexer: self.indexer)
                pipeline.parallelism = 1
                let summary = pipeline.ingest(paths: paths, progress: { self.send(.ingest($0, at: Date())) },
                                              isCancelled: { cancelFlag.isSet })
                if let llm = self.llm { try? llm.stats.persist(to: store, breaker: llm.breaker.state) }
                self.send(.ingestFinished(summary, at: Date()))
            }
        }
    }

    func saveSettings() {
        var s = Settings()
        s.history = Array(state.history.suffix(200))
        s.lastFolder = state.picker.path
        s.theme = state.theme.name
        s.save(to: settingsPath)
    }

    static func listing(_ path: String) -> Msg {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
            return .pickerListed(path: (path as NSString).deletingLastPathComponent, entries: [], error: "\(path): no such folder")
        }
        guard let names = try? fm.contentsOfDirectory(atPath: path) else {
            return .pickerListed(path: path, entries: [], error: "\(path): cannot be read (permission denied)")
        }
        // Files with a transcript's extension are read as an import would read them, so
        // the picker can mark what looks like a meeting (a few hundred, small ones only).
        var looked = 0
        let entries = names.sorted().map { name -> PickerEntry in
            var d: ObjCBool = false
            let full = (path as NSString).appendingPathComponent(name)
            _ = fm.fileExists(atPath: full, isDirectory: &d)
            let supported = TranscriptLoader.isSupported(name)
            var problem: String?
            if supported, !d.boolValue, !name.hasPrefix("."), looked < 500 {
                looked += 1
                if case .problem(let p) = MeetingShape.look(path: full) { problem = p }
            }
            return PickerEntry(name: name, isDirectory: d.boolValue, isTranscript: supported, problem: problem)
        }.sorted { ($0.isDirectory ? 0 : 1, $0.name.lowercased()) < ($1.isDirectory ? 0 : 1, $1.name.lowercased()) }
        return .pickerListed(path: path, entries: entries, error: nil)
    }

    static func meetingDetail(_ store: Store, _ id: Int64) throws -> MeetingDetail {
        try store.pool.read { db in
            guard let m = try StoreReaderAccess.meeting(db, id) else { throw NSError(domain: "smartmeet", code: 1) }
            let attendees = try String.fetchAll(db, sql: "SELECT DISTINCT speaker FROM turns WHERE meeting_id = ? AND speaker != 'Unknown' ORDER BY position", arguments: [id])
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.entity_id, e.name, s.state, s.evidence, s.turn_position,
                       (SELECT t.from_state FROM transitions t WHERE t.entity_id = s.entity_id AND t.meeting_id = s.meeting_id) AS from_state
                FROM states s JOIN entities e ON e.id = s.entity_id WHERE s.meeting_id = ? AND e.dismissed = 0 ORDER BY s.turn_position
                """, arguments: [id]).map {
                MeetingDetail.Row(entityId: $0["entity_id"], name: $0["name"], state: EntityState(rawValue: $0["state"]) ?? .in_progress,
                                  from: ($0["from_state"] as String?).flatMap(EntityState.init(rawValue:)), evidence: $0["evidence"],
                                  turn: $0["turn_position"])
            }
            return MeetingDetail(meeting: m, attendees: attendees, rows: rows)
        }
    }
}

extension AppRuntime {
    /// An older answer names its quote's meeting by title and date only.
    static func meetingId(_ store: Store, title: String?, date: String?) throws -> Int64? {
        guard let date else { return nil }
        return try store.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM meetings WHERE date = ? ORDER BY title = ? DESC, id LIMIT 1", arguments: [date, title ?? ""])
        }
    }
}

enum StoreReaderAccess {
    static func meeting(_ db: Database, _ id: Int64) throws -> MeetingSummary? {
        try Row.fetchOne(db, sql: "SELECT id, title, date, source, turn_count FROM meetings WHERE id = ?", arguments: [id]).map {
            MeetingSummary(id: $0["id"], title: $0["title"], date: $0["date"], source: $0["source"], speakers: 0, changes: 0, turns: $0["turn_count"])
        }
    }
}

/// A flag background work checks between files.
final class CancelFlag: Sendable {
    private let value = Atomic(false)
    var isSet: Bool { value.load(ordering: .acquiring) }
    func set() { value.store(true, ordering: .releasing) }
    func reset() { value.store(false, ordering: .releasing) }
}
