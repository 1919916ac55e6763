import ArgumentParser
import Foundation
import SmartMeetCore
import Synchronization

/// Options that may stand anywhere on the command line (`smartmeet --db X ingest …` or
/// `smartmeet ingest --db X …`, and `--verbose`), taken out before the subcommand parser runs.
enum GlobalOptions {
    struct Values {
        var databasePath: String?
        var llmMode: String?
        var verbose = false
    }

    /// Set once by `extract` before any command runs; read by the commands.
    static let values = Mutex(Values())
    static var databasePath: String? { values.withLock { $0.databasePath } }
    static var llmMode: String? { values.withLock { $0.llmMode } }
    static var verbose: Bool { values.withLock { $0.verbose } }

    static func extract(from arguments: [String]) -> [String] {
        var found = Values()
        var rest: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--db" || a == "--llm", i + 1 < arguments.count {
                if a == "--db" { found.databasePath = arguments[i + 1] } else { found.llmMode = arguments[i + 1] }
                i += 2
                continue
            }
            if a.hasPrefix("--db=") { found.databasePath = String(a.dropFirst(5)); i += 1; continue }
            if a.hasPrefix("--llm=") { found.llmMode = String(a.dropFirst(6)); i += 1; continue }
            if a == "--verbose" { found.verbose = true; i += 1; continue }
            rest.append(a)
            i += 1
        }
        values.withLock { $0 = found }
        return rest
    }

    /// Opens the database. Only commands that import (`ingest`, the app) create one; the
    /// others refuse a path where none exists, so a mistyped `--db` is an error, not a
    /// new empty database.
    static func openStore(creating: Bool = false) throws -> Store {
        let path = databasePath ?? Store.defaultPath()
        if !creating, !FileManager.default.fileExists(atPath: path) {
            Output.error("smartmeet: \(path): no such database; import meetings first with `smartmeet ingest FILES` (or check --db)")
            throw ExitCode(2)
        }
        return try Store(path: path)
    }
}

/// Printing that never lets transcript text act on the terminal.
enum Output {
    static func line(_ s: String) {
        print(TextSanitizer.cleanLine(s))
    }

    static func error(_ s: String) {
        FileHandle.standardError.write(Data((TextSanitizer.cleanLine(s) + "\n").utf8))
    }

    static func json(_ data: Data) {
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
