import Foundation
import SmartMeetCore

/// What a colour is for; themes map roles to colours.
public enum ColorRole: String, CaseIterable, Hashable, Sendable {
    case background, text, muted, accent, border, borderFocus, selection, selectionText, title, status, statusText
    case proposed, planned, in_progress, blocked, at_risk, on_hold, completed, cancelled
    case error, progress
}

/// A colour theme from `themes/NAME.toml`: `[colors]` with `role = "#rrggbb" | 0-255 | "name"`.
public struct Theme: Equatable, Sendable {
    public var name: String
    /// Colour per role as a 256-colour index; -1 = the terminal's default.
    public var colors: [ColorRole: Int]

    public init(name: String, colors: [ColorRole: Int]) {
        self.name = name
        self.colors = colors
    }

    public func color(_ role: ColorRole) -> Int { colors[role] ?? Theme.fallback.colors[role] ?? -1 }

    public static let fallback = Theme(name: "builtin", colors: [
        .background: -1, .text: -1, .muted: 244, .accent: 39, .border: 240, .borderFocus: 39, .selection: 24,
        .selectionText: 15, .title: 75, .status: 236, .statusText: 252, .proposed: 141, .planned: 75,
        .in_progress: 40, .blocked: 196, .at_risk: 214, .on_hold: 245, .completed: 34, .cancelled: 241,
        .error: 203, .progress: 39,
    ])

    static let named: [String: Int] = ["default": -1, "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4,
                                       "magenta": 5, "cyan": 6, "white": 7, "gray": 8, "grey": 8, "bright_red": 9,
                                       "bright_green": 10, "bright_yellow": 11, "bright_blue": 12, "bright_magenta": 13,
                                       "bright_cyan": 14, "bright_white": 15]

    /// Parses the small TOML subset themes use: comments, one `[colors]` table, `key = value`.
    public static func parse(_ text: String, name: String) throws -> Theme {
        var colors: [ColorRole: Int] = [:]
        var section = ""
        for (n, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = stripComment(raw).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("[") { section = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")); continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw ThemeError(message: "\(name).toml line \(n + 1): expected key = value") }
            guard section == "colors" else { continue }
            guard let role = ColorRole(rawValue: parts[0]) else { continue }
            let value = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            guard let c = color(value) else { throw ThemeError(message: "\(name).toml line \(n + 1): unknown colour \"\(value)\"") }
            colors[role] = c
        }
        return Theme(name: name, colors: colors)
    }

    /// Drops a `# comment`, but not a `#` inside quotes ("#002b36").
    static func stripComment(_ line: String) -> String {
        var inQuote: Character?
        var out = ""
        for ch in line {
            if ch == "\"" || ch == "'" { inQuote = inQuote == ch ? nil : (inQuote ?? ch) }
            if ch == "#", inQuote == nil { break }
            out.append(ch)
        }
        return out
    }

    static func color(_ v: String) -> Int? {
        if let i = Int(v), (-1...255).contains(i) { return i }
        if let n = named[v.lowercased()] { return n }
        if v.hasPrefix("#"), v.count == 7, let rgb = Int(v.dropFirst(), radix: 16) {
            return rgbTo256(r: (rgb >> 16) & 255, g: (rgb >> 8) & 255, b: rgb & 255)
        }
        return nil
    }

    /// Nearest xterm-256 colour: the 6×6×6 cube or the grey ramp.
    static func rgbTo256(r: Int, g: Int, b: Int) -> Int {
        func level(_ c: Int) -> Int { c < 48 ? 0 : c < 115 ? 1 : (c - 35) / 40 }
        let (lr, lg, lb) = (level(r), level(g), level(b))
        let cube = 16 + 36 * lr + 6 * lg + lb
        let steps = [0, 95, 135, 175, 215, 255]
        let cubeErr = abs(steps[lr] - r) + abs(steps[lg] - g) + abs(steps[lb] - b)
        let grey = (r + g + b) / 3
        let gi = max(0, min(23, (grey - 3) / 10))
        let gv = 8 + gi * 10
        let greyErr = abs(gv - r) + abs(gv - g) + abs(gv - b)
        return greyErr < cubeErr ? 232 + gi : cube
    }

    /// Nearest of the 8 basic colours, for terminals without 256 colours.
    public static func to8(_ c: Int) -> Int {
        if c < 0 { return -1 }
        if c < 16 { return c % 8 }
        let rgb: (Int, Int, Int)
        if c >= 232 { let v = 8 + (c - 232) * 10; rgb = (v, v, v) } else {
            let i = c - 16
            let steps = [0, 95, 135, 175, 215, 255]
            rgb = (steps[i / 36], steps[(i / 6) % 6], steps[i % 6])
        }
        let basic = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229)]
        return basic.indices.min { a, b in
            let da = abs(basic[a].0 - rgb.0) + abs(basic[a].1 - rgb.1) + abs(basic[a].2 - rgb.2)
            let db = abs(basic[b].0 - rgb.0) + abs(basic[b].1 - rgb.1) + abs(basic[b].2 - rgb.2)
            return da < db
        }!
    }

    /// Themes from a folder, by file name; the built-in one when the folder has none.
    public static func loadAll(from dir: String) -> (themes: [Theme], errors: [String]) {
        var out: [Theme] = []
        var errors: [String] = []
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir))?.filter { $0.hasSuffix(".toml") }.sorted() ?? []
        for f in files {
            let name = String(f.dropLast(5))
            do {
                let text = try String(contentsOfFile: (dir as NSString).appendingPathComponent(f), encoding: .utf8)
                out.append(try parse(text, name: name))
            } catch let e as ThemeError {
                errors.append(e.message)
            } catch {
                errors.append("\(f): cannot be read")
            }
        }
        if out.isEmpty { out = [fallback] }
        if let i = out.firstIndex(where: { $0.name == "default" }), i != 0 { out.insert(out.remove(at: i), at: 0) }
        return (out, errors)
    }
}

public struct ThemeError: Error { public let message: String }
