import Foundation

/// Word wrapping by display width. Each line is a slice of the text, with where it starts,
/// so a highlight given as a range of the text can be drawn on the wrapped lines.
public enum TextWrap {
    public struct Line: Equatable, Sendable {
        public var text: String
        /// Characters of the original text before this line.
        public var start: Int
    }

    /// Breaks at spaces; a word wider than the line is cut where it must be.
    public static func lines(_ text: String, width: Int) -> [Line] {
        let chars = Array(text)
        guard width > 0, !chars.isEmpty else { return chars.isEmpty ? [] : [Line(text: text, start: 0)] }
        var out: [Line] = []
        var start = 0
        while start < chars.count {
            while start < chars.count, chars[start] == " " { start += 1 }
            guard start < chars.count else { break }
            var used = 0
            var end = start
            var lastSpace: Int?
            while end < chars.count {
                let w = DisplayWidth.of(chars[end])
                if used + w > width { break }
                if chars[end] == " " { lastSpace = end }
                used += w
                end += 1
            }
            if end < chars.count, chars[end] != " ", let space = lastSpace, space > start { end = space }
            if end == start { end = start + 1 } // a character wider than the line
            var piece = String(chars[start..<end])
            while piece.hasSuffix(" ") { piece.removeLast() }
            out.append(Line(text: piece, start: start))
            start = end
        }
        return out
    }

    /// Just the wrapped strings.
    public static func wrap(_ text: String, _ width: Int) -> [String] {
        lines(text, width: width).map(\.text)
    }
}
