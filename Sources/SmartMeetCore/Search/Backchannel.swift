import Foundation

/// Short acknowledgements ("Okay.", "Thanks.", "That's me.", "Mm-hmm.") carry no content
/// of their own: they may lend their neighbours context, but are never a search hit alone.
enum Backchannel {
    static func isBackchannel(_ text: String) -> Bool {
        let words = TextTokens.words(withoutMarkers(text))
        guard words.count <= 4 else { return false }
        return words.filter { $0.count > 1 && !TextTokens.stopwords.contains($0) }.count <= 1
    }

    /// Transcript markers such as "[vocal sound]" are not words anyone said: each bracketed
    /// run becomes a space (an unclosed "[" is kept). A loop rather than a regular
    /// expression, which Foundation compiles again on every call, for every hit.
    static func withoutMarkers(_ text: String) -> String {
        guard text.unicodeScalars.contains("[") else { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let open = scalars.firstIndex(of: "["), let close = scalars[open...].firstIndex(of: "]") {
            out.append(contentsOf: scalars[..<open])
            out.append(" ")
            scalars = scalars[scalars.index(after: close)...]
        }
        out.append(contentsOf: scalars)
        return String(out)
    }
}
