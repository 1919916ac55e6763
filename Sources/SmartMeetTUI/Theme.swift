import Foundation
import SmartMeetCore
import TOMLKit

/// What a colour is for; themes map roles to colours.
public enum ColorRole: String, CaseIterable, Hashable, Sendable {
    case background, text, muted, accent, border, borderFocus, selection, selectionText, title, status, statusText
    case proposed, planned, in_progress, blocked, at_risk, on_hold, completed, cancelled
    case error, progress
}

/// A colour theme: built in from `themes/NAME.toml`, or the user's own file of the same shape.
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

    /// Parses a theme file with a real TOML parser: an optional top-level `name`, and a
    /// `[colors]` table of `role = "#rrggbb" | 0-255 | "name"`. Any problem is one
    /// sentence naming the file, the line and what is wrong.
    public static func parse(_ text: String, name: String, file: String? = nil) throws -> Theme {
        let label = file ?? "\(name).toml"
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw ThemeError(message: "\(label) line \(e.source.begin.line): \(e.description)")
        }
        for key in table.keys where key != "colors" && key != "name" {
            throw ThemeError(message: "\(label) line \(line(of: key, in: text)): unknown key \"\(key)\" (a theme has name and [colors])")
        }
        guard let colorTable = table["colors"] else { return Theme(name: name, colors: [:]) }
        guard let rolesTable = colorTable.table else {
            throw ThemeError(message: "\(label) line \(line(of: "colors", in: text)): colors must be a table ([colors])")
        }
        var colors: [ColorRole: Int] = [:]
        for key in rolesTable.keys {
            let at = line(of: key, in: text, after: "[colors]")
            guard let role = ColorRole(rawValue: key) else {
                throw ThemeError(message: "\(label) line \(at): unknown colour role \"\(key)\"; roles are \(ColorRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let value = rolesTable[key]
            let spelled = value?.int.map(String.init) ?? value?.string
            guard let spelled, let c = color(spelled) else {
                let shown = spelled.map { "\"\($0)\"" } ?? "a \(value?.type.rawValue ?? "missing") value"
                throw ThemeError(message: "\(label) line \(at): \(key) has unknown colour \(shown) (use 0-255, \"#rrggbb\", a colour name or \"default\")")
            }
            colors[role] = c
        }
        return Theme(name: name, colors: colors)
    }

    /// The 1-based line where `key =` is written (after `section` when given), for messages
    /// about values the parser accepted but a theme cannot use.
    static func line(of key: String, in text: String, after section: String? = nil) -> Int {
        var inSection = section == nil
        for (n, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if let section, line.hasPrefix("[") { inSection = line.hasPrefix(section) }
            guard inSection else { continue }
            let bare = line.hasPrefix("\"") ? String(line.dropFirst()) : line
            if bare.hasPrefix(key), bare.dropFirst(key.count).drop(while: { $0 == " " || $0 == "\"" }).first == "=" { return n + 1 }
            if section == nil, line == "[\(key)]" { return n + 1 }
        }
        return 1
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

    /// The themes compiled into the binary from `themes/*.toml`, default first.
    public static let builtIn: [Theme] = {
        let themes = EmbeddedThemes.files.compactMap { try? parse($0.text, name: $0.name) }
        return ordered(themes.isEmpty ? [fallback] : themes)
    }()

    /// `$XDG_CONFIG_HOME/smartmeet/themes` (else `~/.config/smartmeet/themes`): the user's own.
    public static func userFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".config")
        return ((base as NSString).appendingPathComponent("smartmeet") as NSString).appendingPathComponent("themes")
    }

    /// The built-in themes plus those in `folder`; a user theme with a built-in's name
    /// replaces it. A file that cannot be used is left out and named in `errors`.
    public static func available(userFolder folder: String?) -> (themes: [Theme], errors: [String]) {
        var themes = builtIn
        guard let folder else { return (themes, []) }
        let (own, errors) = loadAll(from: folder)
        for t in own {
            if let i = themes.firstIndex(where: { $0.name == t.name }) { themes[i] = t } else { themes.append(t) }
        }
        return (ordered(themes), errors)
    }

    /// Themes from a folder's `*.toml` files, by file name.
    public static func loadAll(from dir: String) -> (themes: [Theme], errors: [String]) {
        var out: [Theme] = []
        var errors: [String] = []
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir))?.filter { $0.hasSuffix(".toml") }.sorted() ?? []
        for f in files {
            let path = (dir as NSString).appendingPathComponent(f)
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                out.append(try parse(text, name: String(f.dropLast(5)), file: path))
            } catch let e as ThemeError {
                errors.append(e.message)
            } catch {
                errors.append("\(path): cannot be read as UTF-8 text")
            }
        }
        return (out, errors)
    }

    static func ordered(_ themes: [Theme]) -> [Theme] {
        var out = themes
        if let i = out.firstIndex(where: { $0.name == "default" }), i != 0 { out.insert(out.remove(at: i), at: 0) }
        return out
    }
}

public struct ThemeError: Error { public let message: String }
