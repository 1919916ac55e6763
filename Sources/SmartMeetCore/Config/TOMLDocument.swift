import Foundation
import TOMLKit

/// A TOML file parsed by TOMLKit, whose problems read as one sentence naming the file and
/// the line: "config.toml: line 4, column 9: expected a value". TOMLKit reports where a
/// syntax error is; for a value of the wrong type the line is found by its key.
public struct TOMLDocument {
    public let path: String
    public let root: TOMLTable
    let lines: [String]

    public struct Malformed: Error, CustomStringConvertible {
        public let description: String
    }

    public init(text: String, path: String) throws(Malformed) {
        self.path = path
        lines = text.components(separatedBy: "\n")
        do {
            root = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw Malformed(description: "\(path): line \(e.source.begin.line), column \(e.source.begin.column): \(e.description)")
        } catch {
            throw Malformed(description: "\(path): cannot be read as TOML (\(error))")
        }
    }

    /// The table `[name]`, if the file has one.
    public func table(_ name: String) -> TOMLTable? { root[name]?.table }

    /// "path: line N: message", naming the line where `key` is set inside `[section]`.
    public func problem(_ message: String, key: String, section: String?) -> String {
        line(of: key, in: section).map { "\(path): line \($0): \(message)" } ?? "\(path): \(message)"
    }

    /// The 1-based line that assigns `key` within `[section]` (or before any section).
    public func line(of key: String, in section: String?) -> Int? {
        var current: String?
        for (i, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                current = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t"))
                continue
            }
            guard current == section else { continue }
            let name = line.prefix { $0 != "=" }.trimmingCharacters(in: .whitespaces)
            if line.contains("="), name == key || name == "\"\(key)\"" { return i + 1 }
        }
        return nil
    }
}
