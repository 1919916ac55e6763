import Foundation

/// Coarse parts of speech: enough to find noun phrases, verb groups and clauses.
enum Tag: UInt8, Sendable {
    case noun, propn, verb, adj, adv, pron, det, prep, conj, sconj, aux, modal, neg, num, part, intj, punct, poss, unknown
}

/// One word of a cleaned utterance, remembering where it came from so evidence can be
/// quoted from what was actually said.
struct Word: Sendable {
    var text: String
    var lower: String
    var isPunct: Bool
    /// The transcript turn it was said in.
    var turn: Int
    /// Character offsets in that turn's original text.
    var start: Int
    var end: Int
    var tag: Tag = .unknown
    /// Dictionary form for the chosen tag ("shelved" → "shelve").
    var lemma: String = ""
    /// Written with a capital where a sentence does not start: a name.
    var isCapitalizedMidSentence = false
    /// One of the meeting's people (a speaker's or attendee's first or last name), however
    /// it is written: "ana" in lowercase notes is Ana Lucero, not part of "ana toast".
    var isPersonName = false

    var isCapitalized: Bool { text.first?.isUppercase == true }
    /// A verb form that is neither the base, the -ing form nor the third person -s: the
    /// past tense or the past participle ("sent", "installed", "drafted").
    var isPastForm: Bool { lower != lemma && !lower.hasSuffix("ing") && !(lower.hasSuffix("s") && !lower.hasSuffix("ss")) }
    var isNounLike: Bool { tag == .noun || tag == .propn }
    /// Ends a sentence.
    var isTerminal: Bool { isPunct && (text == "." || text == "?" || text == "!" || text == "…") }
    /// Separates clauses within a sentence.
    var isClauseMark: Bool { isPunct && [",", ";", ":", "—", "(", ")", "\"", "/"].contains(text) }
}

enum Tokenizer {
    private static let split: Set<Character> = [",", ".", "?", "!", ";", ":", "(", ")", "\"", "“", "”", "…", "—", "–", "[", "]", "{", "}"]

    /// Words and punctuation of one turn's text, with their character offsets.
    static func words(_ text: String, turn: Int) -> [Word] {
        var out: [Word] = []
        let chars = Array(text)
        // Where each character starts, so a word is one slice of `text` rather than a
        // String built again character by character.
        let bounds = Array(text.indices) + [text.endIndex]
        var i = 0
        func emit(_ s: String, _ a: Int, _ b: Int, punct: Bool) {
            var t = s
            if punct { t = t == "“" || t == "”" ? "\"" : (t == "–" ? "—" : t) }
            out.append(Word(text: t, lower: punct ? t : t.lowercased(), isPunct: punct, turn: turn, start: a, end: b))
        }
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\n" || c == "\t" { i += 1; continue }
            var j = i
            while j < chars.count, !(chars[j] == " " || chars[j] == "\n" || chars[j] == "\t") { j += 1 }
            // One whitespace-separated chunk: peel punctuation off both ends.
            var a = i, b = j
            var leading: [(String, Int)] = []
            // "@Venky": the mention mark of chat tools becomes a token of its own before the name.
            while a < b, split.contains(chars[a]) || chars[a] == "'" || chars[a] == "‘" || chars[a] == "*" || chars[a] == "_" || chars[a] == "@" && a + 1 < b {
                if chars[a] != "'" && chars[a] != "‘" && chars[a] != "*" && chars[a] != "_" { leading.append((String(chars[a]), a)) }
                a += 1
            }
            var trailing: [(String, Int)] = []
            while b > a, split.contains(chars[b - 1]) || chars[b - 1] == "'" || chars[b - 1] == "’" || chars[b - 1] == "*" || chars[b - 1] == "_" {
                let ch = chars[b - 1]
                // Keep the dot of an abbreviation inside a version ("4.2") — it is not at the end.
                if ch != "'" && ch != "’" && ch != "*" && ch != "_" { trailing.insert((String(ch), b - 1), at: 0) }
                b -= 1
            }
            for (p, at) in leading { emit(p, at, at + 1, punct: true) }
            if a < b {
                // Dashes glued between words ("4.2—Aisha") separate them.
                var pieceStart = a
                for k in a...b {
                    if k == b || chars[k] == "—" || chars[k] == "–" {
                        if k > pieceStart {
                            var piece = String(text[bounds[pieceStart]..<bounds[k]])
                            // Foundation's replace costs ~10k instructions a word; most words
                            // have no curly apostrophe to replace.
                            if piece.unicodeScalars.contains("’") { piece = piece.replacingOccurrences(of: "’", with: "'") }
                            emit(piece, pieceStart, k, punct: false)
                        }
                        if k < b { emit("—", k, k + 1, punct: true) }
                        pieceStart = k + 1
                    }
                }
            }
            for (p, at) in trailing { emit(p, at, at + 1, punct: true) }
            i = j
        }
        // A lone hyphen between spaces is a dash.
        for k in out.indices where !out[k].isPunct && (out[k].text == "-" || out[k].text == "--") {
            out[k].isPunct = true
            out[k].text = "—"
            out[k].lower = "—"
        }
        return out
    }
}
