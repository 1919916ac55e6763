import Foundation

/// A word or punctuation mark, with its lowercase form for matching and its original
/// spelling for names and evidence.
struct Token: Equatable {
    var text: String
    var lower: String
    var isPunctuation: Bool

    var isCapitalized: Bool { text.first?.isUppercase == true }
    var isClauseBoundary: Bool { isPunctuation && [",", ";", ":", "—", "–", "-", "(", ")", "\""].contains(text) }
    var isVersion: Bool {
        let parts = lower.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}

/// One sentence of one turn, tokenised, with the clause structure the extractor needs:
/// where clauses start, which tokens sit in a subordinate clause ("until legal signs
/// off") and whether the whole sentence is a question or a hypothetical.
struct Sentence {
    var tokens: [Token]
    var text: String
    var turnIndex: Int
    var speaker: String
    /// Position of the sentence within its turn (0 = first).
    var positionInTurn: Int
    var isLastInTurn = false
    var isQuestion: Bool
    var isHypothetical: Bool
    /// Clause number of each token; boundaries are commas, semicolons, dashes and "but"/"so".
    var clause: [Int]
    /// True for tokens inside "until …", "if …", "before …" clauses: not asserted.
    var subordinate: [Bool]
    /// The lowercase tokens joined by single spaces, and each token's offset in it,
    /// so regular expressions can be mapped back to token positions.
    var joined: String
    var offsets: [Int]

    /// Token index containing the UTF-16 offset `o` of `joined`.
    func tokenIndex(atUTF16 o: Int) -> Int {
        var lo = 0, hi = offsets.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if offsets[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    func tokenRange(of r: NSRange) -> Range<Int> {
        let start = tokenIndex(atUTF16: r.location)
        let end = tokenIndex(atUTF16: max(r.location, r.location + r.length - 1))
        return start..<(end + 1)
    }
}

enum SentenceSplitter {
    static let subordinators: Set<String> = ["until", "unless", "if", "before", "once", "whenever", "till", "til"]
    static let hypotheticalOpeners: Set<String> = ["if", "unless", "suppose", "supposing", "assuming", "imagine", "hypothetically", "say", "what if", "in case"]
    static let discourse: Set<String> = ["so", "and", "but", "okay", "ok", "yeah", "yes", "well", "oh", "honestly",
                                         "also", "then", "right", "alright", "now", "um", "uh", "anyway", "plus"]

    static func split(turn: Turn) -> [Sentence] {
        let words = tokenize(turn.text)
        var sentences: [[Token]] = []
        var current: [Token] = []
        for t in words {
            current.append(t)
            if t.isPunctuation, [".", "?", "!", "…"].contains(t.text) {
                sentences.append(current)
                current = []
            }
        }
        if !current.isEmpty { sentences.append(current) }
        var out: [Sentence] = []
        for tokens in sentences where tokens.contains(where: { !$0.isPunctuation }) {
            out.append(make(tokens, turn: turn, position: out.count))
        }
        if !out.isEmpty { out[out.count - 1].isLastInTurn = true }
        return out
    }

    private static func make(_ tokens: [Token], turn: Turn, position: Int) -> Sentence {
        var clause = [Int](repeating: 0, count: tokens.count)
        var subordinate = [Bool](repeating: false, count: tokens.count)
        var c = 0
        var inSub = false
        for (i, t) in tokens.enumerated() {
            if t.isClauseBoundary || (!t.isPunctuation && ["but", "so", "though"].contains(t.lower) && i > 0) {
                c += 1
                inSub = false
            } else if t.lower == "and", i + 1 < tokens.count,
                      ["i", "we", "it", "they", "he", "she", "you", "that", "i'm", "we're", "it's", "i've", "we've", "i'll", "we'll"].contains(tokens[i + 1].lower) {
                c += 1
                inSub = false
            }
            if subordinators.contains(t.lower) { inSub = true }
            // "Now the portal is out, I'm on it": a leading "now" + clause gives a reason.
            if i == 0, t.lower == "now", tokens.count > 2, Lexicon.determiners.contains(tokens[1].lower) || tokens[1].lower == "that" { inSub = true }
            clause[i] = c
            subordinate[i] = inSub
        }
        let content = tokens.filter { !$0.isPunctuation }
        let firstWords = content.drop(while: { discourse.contains($0.lower) }).prefix(2).map(\.lower)
        let opener = firstWords.first ?? ""
        let hypothetical = hypotheticalOpeners.contains(opener) || firstWords.joined(separator: " ") == "what if"
            || firstWords.joined(separator: " ") == "in case"
        var joined = ""
        var offsets: [Int] = []
        for t in tokens {
            if !joined.isEmpty { joined += " " }
            offsets.append((joined as NSString).length)
            joined += t.lower
        }
        let text = render(tokens)
        return Sentence(tokens: tokens, text: text, turnIndex: turn.index, speaker: turn.speaker, positionInTurn: position,
                        isQuestion: tokens.last?.text == "?", isHypothetical: hypothetical,
                        clause: clause, subordinate: subordinate, joined: joined, offsets: offsets)
    }

    /// Re-joins tokens the way they were written (no space before punctuation).
    static func render(_ tokens: [Token]) -> String {
        var s = ""
        for t in tokens {
            if t.isPunctuation, [",", ".", "?", "!", ";", ":", ")", "…"].contains(t.text) { s += t.text; continue }
            if !s.isEmpty, !s.hasSuffix("(") { s += " " }
            s += t.text
        }
        return s
    }

    private static let splitPunct: Set<Character> = [",", ".", "?", "!", ";", ":", "(", ")", "\"", "“", "”", "…", "—", "–"]

    static func tokenize(_ text: String) -> [Token] {
        var out: [Token] = []
        let normalized = text.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'")
        for raw in normalized.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            var word = Substring(raw)
            var leading: [Token] = []
            while let f = word.first, splitPunct.contains(f) || f == "'" || f == "*" {
                if f != "*" && f != "'" { leading.append(punct(String(f))) }
                word = word.dropFirst()
            }
            var trailing: [Token] = []
            while let l = word.last, splitPunct.contains(l) || l == "'" || l == "*" {
                // Keep the dot of a version ("4.2") and of one-letter abbreviations.
                if l == "'" && word.lowercased().hasSuffix("s'") { word = word.dropLast(); continue }
                if l != "*" && l != "'" { trailing.insert(punct(String(l)), at: 0) }
                word = word.dropLast()
            }
            out.append(contentsOf: leading)
            if !word.isEmpty {
                // Em-dashes glued between words ("4.2—Aisha") split the words.
                let pieces = word.split(whereSeparator: { $0 == "—" || $0 == "–" })
                for (i, p) in pieces.enumerated() {
                    if i > 0 { out.append(punct("—")) }
                    out.append(Token(text: String(p), lower: p.lowercased(), isPunctuation: false))
                }
            }
            out.append(contentsOf: trailing)
        }
        return out
    }

    private static func punct(_ s: String) -> Token {
        let mapped = (s == "“" || s == "”") ? "\"" : (s == "–" ? "—" : s)
        return Token(text: mapped, lower: mapped, isPunctuation: true)
    }
}
