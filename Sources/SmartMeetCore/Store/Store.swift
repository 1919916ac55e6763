import Foundation
import GRDB

/// The SQLite database behind everything: one file, WAL journal so readers never wait
/// for an import, a busy timeout so two processes queue instead of failing, and files
/// readable by their owner only (meeting transcripts are private).
public final class Store: Sendable {
    public let path: String
    public let pool: DatabasePool

    public struct OpenError: Error, CustomStringConvertible {
        public let description: String
    }

    public init(path: String) throws {
        self.path = path
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty, !FileManager.default.fileExists(atPath: dir) {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // A question reads one entity's whole history: hundreds of states, each with
            // its meeting and turn on pages of their own. SQLite's default 2 MB cache
            // holds too few of them, so each question re-read ~800 pages from the file
            // (at 10,000 meetings); a reader keeps up to 16 MB, allocated as it fills.
            if db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -16000") }
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw OpenError(description: "\(path): cannot open the database (\(Store.describe(error)))")
        }
        // Two processes opening a new database at once would both create the tables; an
        // exclusive lock on a sidecar file makes the check-and-migrate one step.
        let lockFD = open(path + ".lock", O_CREAT | O_RDWR, 0o600)
        if lockFD >= 0 { _ = flock(lockFD, LOCK_EX) }
        defer {
            if lockFD >= 0 {
                _ = flock(lockFD, LOCK_UN)
                close(lockFD)
            }
        }
        let applied = try pool.read { db in try Schema.migrator.appliedIdentifiers(db) }
        let known = Set(Schema.migrator.migrations)
        if let unknown = applied.first(where: { !known.contains($0) }) {
            throw OpenError(description: "\(path): written by a newer smartmeet (schema step \"\(unknown)\"); refusing to change it — upgrade smartmeet")
        }
        do {
            try Schema.migrator.migrate(pool)
        } catch {
            throw OpenError(description: "\(path): cannot prepare the database (\(Store.describe(error)))")
        }
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path + suffix)
        }
    }

    /// `$SMARTMEET_DB`, else `$XDG_DATA_HOME/smartmeet/smartmeet.db`, else `~/.local/share/…`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let p = environment["SMARTMEET_DB"], !p.isEmpty { return p }
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".local/share")
        return ((data as NSString).appendingPathComponent("smartmeet") as NSString).appendingPathComponent("smartmeet.db")
    }

    public static func describe(_ error: Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e.resultCode)" }
        return "\(error)"
    }
}
