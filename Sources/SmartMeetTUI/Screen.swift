import Foundation
import SmartMeetCore

/// How a cell looks. Colours are theme roles, resolved to terminal colours by the backend,
/// so the same screen renders in 256, 8 or no colours.
public struct Style: Hashable, Sendable {
    public var fg: ColorRole
    public var bg: ColorRole
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false

    public init(fg: ColorRole = .text, bg: ColorRole = .background, bold: Bool = false, reverse: Bool = false,
                underline: Bool = false, dim: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()
}

public struct Cell: Hashable, Sendable {
    /// One grapheme; empty for the right half of a wide character.
    public var text: String
    public var style: Style

    public static let blank = Cell(text: " ", style: .plain)
}

/// The whole terminal as a grid of cells. Views draw here; a backend flushes it (only
/// what changed) to the terminal, the test backend keeps it for assertions.
public struct Screen: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style) {
        for yy in max(0, y)..<min(height, y + h) {
            for xx in max(0, x)..<min(width, x + w) { self[xx, yy] = Cell(text: " ", style: style) }
        }
    }

    /// Writes text from (x, y), clipped to `maxWidth` columns, laid out by display width;
    /// returns the columns used. Text is sanitised here as a last line of defence.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width - x, maxWidth ?? width)
        var col = 0
        // Printable ASCII is one column a byte and has nothing to strip.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            var col = 0
            for b in text.utf8 {
                if col >= limit { break }
                if x + col >= 0 { self[x + col, y] = Cell(text: String(UnicodeScalar(b)), style: style) }
                col += 1
            }
            return col
        }
        // Most other text has nothing to strip either; cleaning it anyway was most of a frame's cost.
        let safe = text.unicodeScalars.allSatisfy(Self.isInert)
        for g in safe ? text : TextSanitizer.clean(text).replacingOccurrences(of: "\n", with: " ") {
            let w = DisplayWidth.of(g)
            if w == 0 { continue }
            if col + w > limit { break }
            if x + col >= 0 {
                self[x + col, y] = Cell(text: String(g), style: style)
                if w == 2, x + col + 1 < width { self[x + col + 1, y] = Cell(text: "", style: style) }
            }
            col += w
        }
        return col
    }

    /// A scalar `TextSanitizer.clean` keeps as it is (and that is not a newline).
    static func isInert(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0xFEFF: return false
        default: return true
        }
    }

    /// The screen as lines of text, wide characters written once: what tests compare.
    public var lines: [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width { s += self[x, y].text }
            return s
        }
    }

    public var text: String { lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n") }
}

/// Terminal column width of a grapheme: 2 for East Asian wide and emoji, 0 for combining
/// marks and controls, else 1.
public enum DisplayWidth {
    public static func of(_ g: Character) -> Int {
        guard let first = g.unicodeScalars.first else { return 0 }
        let v = first.value
        // Printable ASCII and box drawing, alone, are one column: no property lookups.
        if (0x20..<0x7F).contains(v) || (0x2500...0x259F).contains(v), g.unicodeScalars.count == 1 { return 1 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        let cat = first.properties.generalCategory
        if cat == .nonspacingMark || cat == .enclosingMark || cat == .format { return 0 }
        if first.properties.isEmojiPresentation || g.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        let wide: [ClosedRange<UInt32>] = [0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
                                           0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
                                           0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    public static func of(_ s: String) -> Int { s.reduce(0) { $0 + of($1) } }

    /// Cuts to at most `width` columns, ending with "…" when cut.
    public static func truncate(_ s: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        if of(s) <= width { return s }
        var out = ""
        var used = 0
        for g in s {
            let w = of(g)
            if used + w > width - 1 { break }
            out.append(g)
            used += w
        }
        return out + "…"
    }
}
