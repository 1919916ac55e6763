import Foundation
import Logging
import Synchronization

/// smartmeet's log, for finding out afterwards what went wrong: imports, failures with
/// their reasons, language-model calls (status, latency, retries, breaker changes — never
/// keys or transcript text) and crashes. Lines go to `$XDG_STATE_HOME/smartmeet/smartmeet.log`
/// and, with `--verbose`, also to stderr; nothing is written anywhere until `start` is
/// called, so a library user or a test sees no output it did not ask for.
public enum AppLog {
    struct Sinks {
        var file: LogFile?
        var echo = false
        var level: Logger.Level = .info
    }

    static let sinks = Mutex(Sinks())

    /// `$XDG_STATE_HOME/smartmeet/smartmeet.log`, else `~/.local/state/smartmeet/smartmeet.log`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".local/state")
        return ((state as NSString).appendingPathComponent("smartmeet") as NSString).appendingPathComponent("smartmeet.log")
    }

    /// Opens the log file (creating its folder 0700 and the file 0600) and, with `echo`,
    /// copies every line to stderr. A log that cannot be opened is reported to the caller,
    /// which carries on without one.
    public static func start(path: String = defaultPath(), echo: Bool = false, level: Logger.Level = .info,
                             maxBytes: Int = 1 << 20) throws {
        let fd = try sinks.withLock { s in
            let file = try LogFile(path: path, maxBytes: maxBytes)
            s = Sinks(file: file, echo: echo, level: level)
            return file.fd
        }
        CrashLog.install(fd: fd)
    }

    /// Stops or resumes the copy to stderr; the terminal app turns it off while it owns the screen.
    public static func setEcho(_ on: Bool) { sinks.withLock { $0.echo = on } }

    /// Closes the log; later lines go nowhere.
    public static func stop() {
        CrashLog.install(fd: -1)
        sinks.withLock { $0 = Sinks() }
    }

    /// A logger whose lines go to smartmeet's log (not through swift-log's global
    /// bootstrap, so no other handler ever prints them).
    public static func logger(_ label: String) -> Logger {
        Logger(label: "smartmeet." + label) { LineHandler(label: $0) }
    }

    /// Routes swift-log's global factory here too, for libraries that log on their own.
    public static func bootstrapSwiftLog() {
        LoggingSystem.bootstrap { LineHandler(label: $0) }
    }

    static func emit(_ level: Logger.Level, _ line: @autoclosure () -> String) {
        sinks.withLock { s in
            guard s.file != nil || s.echo, level >= s.level else { return }
            let text = line()
            s.file?.write(text)
            if s.echo { FileHandle.standardError.write(Data((text + "\n").utf8)) }
        }
    }
}

/// One line per event: time, level, where it came from, the message, then key=value metadata.
struct LineHandler: LogHandler {
    let label: String
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        AppLog.emit(event.level, Self.format(level: event.level, label: label, message: event.message.description, metadata: all))
    }

    static let timeStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func format(level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) -> String {
        let time = Date().formatted(timeStyle)
        var line = "\(time) \(level.rawValue) [\(label)] \(message)"
        for key in metadata.keys.sorted() { line += " \(key)=\(metadata[key]!)" }
        // One event, one line, however the message was built; no control characters.
        return TextSanitizer.cleanLine(line)
    }
}
