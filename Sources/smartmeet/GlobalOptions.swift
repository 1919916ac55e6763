import ArgumentParser
import Foundation
import SmartMeetCore

/// Options that may stand anywhere on the command line (`smartmeet --db X ingest …` or
/// `smartmeet ingest --db X …`), taken out before the subcommand parser runs.
enum GlobalOptions {
    nonisolated(unsafe) static var databasePath: String?
    nonisolated(unsafe) static var llmMode: String?

    static func extract(from arguments: [String]) -> [String] {
        var rest: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--db" || a == "--llm", i + 1 < arguments.count {
                if a == "--db" { databasePath = arguments[i + 1] } else { llmMode = arguments[i + 1] }
                i += 2
                continue
            }
            if a.hasPrefix("--db=") { databasePath = String(a.dropFirst(5)); i += 1; continue }
            if a.hasPrefix("--llm=") { llmMode = String(a.dropFirst(6)); i += 1; continue }
            rest.append(a)
            i += 1
        }
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
