import Foundation
import GRDB
import Logging
import Synchronization

/// What an import reports as it goes; the command line prints these, the terminal app
/// turns them into progress bars.
public enum IngestEvent: Sendable {
    case started(file: String, index: Int, total: Int)
    case imported(file: String, meetingId: Int64, title: String, date: String, states: Int)
    case duplicate(file: String)
    case failed(file: String, message: String)
}

public struct IngestSummary: Sendable {
    public var imported = 0
    public var duplicates = 0
    public var failures: [String] = []
    public var cancelled = false
    public var ok: Bool { failures.isEmpty }
}

/// Files → transcripts → extractions → one write transaction per meeting. A file that
/// fails never stops the others, and a meeting is stored whole or not at all.
public final class IngestPipeline: Sendable {
    let store: Store
    let extractor: Extractor
    let extractorName: String
    let loader = TranscriptLoader()
    /// Computes the stored turns' sentence vectors in the background; told after each
    /// meeting is stored, so import never waits for the model.
    public let indexer: VectorIndexer?
    let log = AppLog.logger("ingest")
    private let threads = Mutex(max(1, ProcessInfo.processInfo.activeProcessorCount))
    /// Threads reading and extracting ahead of the writer; the terminal app uses fewer so
    /// the interface keeps a core to itself.
    public var parallelism: Int {
        get { threads.withLock { $0 } }
        set { threads.withLock { $0 = newValue } }
    }

    public init(store: Store, extractor: Extractor = RuleExtractor(), extractorName: String = "rules",
                indexer: VectorIndexer? = nil) {
        self.store = store
        self.extractor = extractor
        self.extractorName = extractorName
        self.indexer = indexer
    }

    /// Expands folders into the transcript files inside them (sorted, so dated file
    /// names import oldest first); a folder without transcripts is itself a failure.
    public static func expand(_ paths: [String]) -> (files: [String], failures: [String]) {
        var files: [String] = []
        var failures: [String] = []
        for p in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
                failures.append("\(p): no such file or folder")
                continue
            }
            if isDir.boolValue {
                guard let items = FileManager.default.enumerator(atPath: p) else {
                    failures.append("\(p): folder cannot be read")
                    continue
                }
                var found: [String] = []
                for case let item as String in items {
                    let name = (item as NSString).lastPathComponent
                    if name.hasPrefix(".") || !TranscriptLoader.isSupported(name) { continue }
                    let full = (p as NSString).appendingPathComponent(item)
                    var sub: ObjCBool = false
                    if FileManager.default.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { found.append(full) }
                }
                if found.isEmpty { failures.append("\(p): folder holds no .txt, .md, .vtt, .srt or .json transcripts") }
                files.append(contentsOf: found.sorted { ($0 as NSString).lastPathComponent < ($1 as NSString).lastPathComponent })
            } else {
                files.append(p)
            }
        }
        return (files, failures)
    }

    public func ingest(paths: [String], progress: (IngestEvent) -> Void = { _ in },
                       isCancelled: () -> Bool = { false }) -> IngestSummary {
        var summary = IngestSummary()
        let (files, failures) = Self.expand(paths)
        let started = Date()
        log.info("import started", metadata: ["files": "\(files.count)", "extractor": "\(extractorName)"])
        for f in failures {
            summary.failures.append(f)
            log.error("import failed", metadata: ["reason": "\(f)"])
            progress(.failed(file: f, message: f))
        }
        // Reading and extracting are pure and run ahead on every core; writes
        // stay in file order on this thread, one transaction per meeting.
        let slots = PreparedSlots(count: files.count)
        let window = DispatchSemaphore(value: 32)
        let stop = StopFlag()
        let workers = OperationQueue()
        workers.maxConcurrentOperationCount = max(1, parallelism)
        workers.qualityOfService = .utility
        Thread.detachNewThread { [self] in
            for (i, path) in files.enumerated() {
                window.wait()
                if stop.isSet { slots.put(i, .failure(CancellationError())); continue }
                workers.addOperation { slots.put(i, Result { try self.prepare(path: path) }) }
            }
        }
        defer {
            stop.set()
            workers.cancelAllOperations()
        }
        for (i, path) in files.enumerated() {
            if isCancelled() {
                summary.cancelled = true
                stop.set()
                for _ in 0..<32 { window.signal() }
                break
            }
            let name = (path as NSString).lastPathComponent
            progress(.started(file: name, index: i, total: files.count))
            let prepared = slots.take(i)
            window.signal()
            do {
                let ready = try prepared.get()
                let transcript = ready.transcript
                // The indexer gives way while the meeting is written; during a bulk import it
                // keeps its low-priority share of the cores between meetings.
                switch try (indexer.map { i in try i.givingWay { try write(ready) } } ?? write(ready)) {
                case .duplicate:
                    summary.duplicates += 1
                    log.info("already imported", metadata: ["file": "\(name)"])
                    progress(.duplicate(file: name))
                case .imported(let id, let states):
                    summary.imported += 1
                    indexer?.notify()
                    log.info("imported", metadata: ["file": "\(name)", "meeting_id": "\(id)", "states": "\(states)"])
                    progress(.imported(file: name, meetingId: id, title: transcript.title, date: transcript.date, states: states))
                }
            } catch let e as TranscriptError {
                summary.failures.append(e.description)
                log.error("import failed", metadata: ["file": "\(name)", "reason": "\(e.description)"])
                progress(.failed(file: name, message: e.description))
            } catch {
                let message = "\(name): could not be stored (\(Store.describe(error)))"
                summary.failures.append(message)
                log.error("import failed", metadata: ["file": "\(name)", "reason": "\(message)"])
                progress(.failed(file: name, message: message))
            }
        }
        log.info(summary.cancelled ? "import cancelled" : "import finished",
                 metadata: ["imported": "\(summary.imported)", "already_imported": "\(summary.duplicates)",
                            "failed": "\(summary.failures.count)", "seconds": "\(String(format: "%.2f", Date().timeIntervalSince(started)))"])
        return summary
    }

    public enum Outcome: Equatable { case imported(meetingId: Int64, states: Int), duplicate }

    /// A meeting read and analysed, ready to be written.
    struct Prepared: Sendable {
        let transcript: Transcript
        let extraction: MeetingExtraction
        let payload: String
    }

    func prepare(path: String) throws -> Prepared {
        try prepare(try loader.load(path: path))
    }

    func prepare(_ transcript: Transcript) throws -> Prepared {
        let extraction = extractor.extract(transcript)
        let payload = String(decoding: try JSONEncoder().encode(extraction), as: UTF8.self)
        return Prepared(transcript: transcript, extraction: extraction, payload: payload)
    }

    /// Stores one parsed meeting and everything derived from it in one transaction.
    public func ingest(_ transcript: Transcript) throws -> Outcome {
        let outcome = try indexer.map { i in try i.givingWay { try write(try prepare(transcript)) } } ?? write(try prepare(transcript))
        if case .imported = outcome { indexer?.notify() }
        return outcome
    }

    func write(_ ready: Prepared) throws -> Outcome {
        let transcript = ready.transcript
        let extraction = ready.extraction
        let payload = ready.payload
        return try store.pool.write { db -> Outcome in
            if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM meetings WHERE content_hash = ?"), arguments: [transcript.contentHash]) == true {
                return .duplicate
            }
            let attendees = String(decoding: try JSONEncoder().encode(transcript.attendees), as: UTF8.self)
            try db.cachedStatement(sql: """
                INSERT INTO meetings (title, date, source, format, content_hash, attendees, turn_count, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [transcript.title, transcript.date, transcript.source, transcript.format.rawValue,
                                 transcript.contentHash, attendees, transcript.turns.count, ISO8601DateFormatter().string(from: Date())])
            let meetingId = db.lastInsertedRowID
            let insertTurn = try db.cachedStatement(sql: "INSERT INTO turns (meeting_id, position, speaker, text, section) VALUES (?, ?, ?, ?, ?)")
            let insertFTS = try db.cachedStatement(sql: "INSERT INTO turns_fts (rowid, text, speaker) VALUES (?, ?, ?)")
            for turn in transcript.turns {
                try insertTurn.execute(arguments: [meetingId, turn.index, turn.speaker, turn.text, turn.section])
                try insertFTS.execute(arguments: [db.lastInsertedRowID, turn.text, turn.speaker])
            }
            try db.cachedStatement(sql: "INSERT INTO extractions (meeting_id, extractor, payload) VALUES (?, ?, ?)")
                .execute(arguments: [meetingId, extractorName, payload])
            for person in extraction.people {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO people (name) VALUES (?)").execute(arguments: [person])
            }
            let states = try Self.resolve(db, meetingId: meetingId, date: transcript.date, source: transcript.source, extraction: extraction)
            return .imported(meetingId: meetingId, states: states)
        }
    }

    /// Resolves the new meeting; if meetings dated after it are already stored, their
    /// resolution is undone and redone in date order so the result never depends on
    /// the order files arrived in.
    static func resolve(_ db: Database, meetingId: Int64, date: String, source: String, extraction: MeetingExtraction) throws -> Int {
        let resolver = EntityResolver(db: db)
        let tracker = StateTracker(db: db)
        let later = try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT 1 FROM meetings WHERE id != ? AND (date > ? OR (date = ? AND source > ?)) LIMIT 1
            """), arguments: [meetingId, date, date, source]) ?? false
        if later {
            try reresolve(db, from: date)
        } else {
            let touched = try resolver.resolve(meetingId: meetingId, date: date, extraction: extraction)
            try tracker.appendTransitions(meetingId: meetingId, date: date, for: touched)
            // Resolution renames entities from their aliases; the user's corrections are
            // laid back over what it wrote (a no-op when there are none).
            try CorrectionLayer(db: db).reapply()
        }
        return try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM states WHERE meeting_id = ?"), arguments: [meetingId]) ?? 0
    }
}

extension IngestPipeline {
    /// Undoes and redoes the resolution of every meeting dated `date` or later, from the
    /// stored extractions, then lays the user's corrections back over it. Used when an
    /// older meeting arrives late, and when undoing a correction needs the extractor's
    /// original back.
    static func reresolve(_ db: Database, from date: String) throws {
        let resolver = EntityResolver(db: db)
        let tracker = StateTracker(db: db)
        var touched = try tracker.unwind(from: date)
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.id, m.date, e.payload FROM meetings m JOIN extractions e ON e.meeting_id = m.id
            WHERE m.date >= ? ORDER BY m.date, m.source, m.id
            """, arguments: [date])
        for row in rows {
            let ex = try JSONDecoder().decode(MeetingExtraction.self, from: Data((row["payload"] as String).utf8))
            touched.formUnion(try resolver.resolve(meetingId: row["id"], date: row["date"], extraction: ex))
        }
        for id in touched { try resolver.refreshName(id) }
        try tracker.recomputeTransitions(for: touched)
        try CorrectionLayer(db: db).reapply()
    }
}

/// Results of work running ahead, taken in order by the writer.
final class PreparedSlots: Sendable {
    private let values: Mutex<[Result<IngestPipeline.Prepared, Error>?]>
    private let ready: [DispatchSemaphore]

    init(count: Int) {
        values = Mutex(Array(repeating: nil, count: count))
        ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    }

    func put(_ i: Int, _ value: Result<IngestPipeline.Prepared, Error>) {
        values.withLock { $0[i] = value }
        ready[i].signal()
    }

    func take(_ i: Int) -> Result<IngestPipeline.Prepared, Error> {
        ready[i].wait()
        return values.withLock { v in
            defer { v[i] = nil }
            return v[i]!
        }
    }
}

/// Tells the read-ahead thread to stop queueing work.
final class StopFlag: Sendable {
    private let value = Atomic(false)
    var isSet: Bool { value.load(ordering: .acquiring) }
    func set() { value.store(true, ordering: .releasing) }
}
