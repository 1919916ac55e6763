import Foundation

/// BERT's uncased WordPiece tokeniser, as the Hugging Face fast tokenizer runs it for
/// all-MiniLM-L6-v2: clean the text (drop NUL, U+FFFD and control characters, turn
/// whitespace into spaces), put spaces around CJK ideographs, strip accents (NFD, drop
/// non-spacing marks), lowercase, split on whitespace and punctuation, then greedy
/// longest-match word pieces with `##` continuations; a word that cannot be pieced, or is
/// over 100 characters, is `[UNK]`. Output is `[CLS] … [SEP]`, at most `maxTokens` long.
public struct WordPieceTokenizer: Sendable {
    public let vocabulary: [String: Int32]
    public let maxTokens: Int
    let unknown: Int32
    let classify: Int32
    let separator: Int32

    public struct VocabularyError: Error, CustomStringConvertible {
        public let description: String
    }

    public init(vocabularyPath path: String, maxTokens: Int = 128) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw VocabularyError(description: "\((path as NSString).lastPathComponent): cannot be read as UTF-8 text")
        }
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        try self.init(tokens: lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }, maxTokens: maxTokens)
    }

    /// `tokens[i]` is the word piece with id i (the lines of `vocab.txt`).
    public init(tokens: [String], maxTokens: Int = 128) throws {
        var v: [String: Int32] = [:]
        v.reserveCapacity(tokens.count)
        for (i, t) in tokens.enumerated() where v[t] == nil { v[t] = Int32(i) }
        guard let unk = v["[UNK]"], let cls = v["[CLS]"], let sep = v["[SEP]"] else {
            throw VocabularyError(description: "vocab.txt: lacks one of [UNK], [CLS], [SEP]")
        }
        vocabulary = v
        unknown = unk
        classify = cls
        separator = sep
        self.maxTokens = max(2, maxTokens)
    }

    /// Token ids of one text, `[CLS]` and `[SEP]` included, truncated to `maxTokens`.
    public func encode(_ text: String) -> [Int32] {
        var ids: [Int32] = [classify]
        let budget = maxTokens - 1
        outer: for word in Self.words(text) {
            for piece in pieces(word) {
                if ids.count == budget { break outer }
                ids.append(piece)
            }
        }
        ids.append(separator)
        return ids
    }

    /// The pre-tokenised words: normalised, split on whitespace and around punctuation.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { words.append(String(current)); current = String.UnicodeScalarView() }
        }
        for scalar in normalize(text) {
            if scalar == " " { flush(); continue }
            if isPunctuation(scalar) || isCJK(scalar) {
                flush()
                words.append(String(Character(scalar)))
                continue
            }
            current.append(scalar)
        }
        flush()
        return words
    }

    /// Cleaning, accent stripping and lowercasing, in the order the fast tokenizer applies
    /// them. Whitespace comes out as single spaces (splitting treats runs alike).
    static func normalize(_ text: String) -> [Unicode.Scalar] {
        var cleaned = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s.value == 0 || s.value == 0xFFFD { continue }
            if isWhitespace(s) { cleaned.append(" "); continue }
            if isControl(s) { continue }
            cleaned.append(s)
        }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(cleaned.count)
        for s in String(cleaned).decomposedStringWithCanonicalMapping.unicodeScalars {
            if s.properties.generalCategory == .nonspacingMark { continue }
            if s.isASCII {
                out.append(s.value >= 65 && s.value <= 90 ? Unicode.Scalar(s.value + 32)! : s)
            } else {
                out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return out
    }

    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\n" || s == "\r" || s.properties.isWhitespace
    }

    /// Unicode "other" categories (Cc, Cf, Cs, Co, Cn); tab and newlines count as whitespace.
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    /// ASCII punctuation (which includes symbols such as `$`, `+`, `^`) and Unicode P*.
    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v) { return true }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    /// The CJK Unified Ideographs blocks BERT spaces out (not kana or hangul).
    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
             0x2B740...0x2B81F, 0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F: return true
        default: return false
        }
    }

    /// Greedy longest-match-first word pieces of one word.
    func pieces(_ word: String) -> [Int32] {
        let scalars = Array(word.unicodeScalars)
        if scalars.count > 100 { return [unknown] }
        if let whole = vocabulary[word] { return [whole] }
        var out: [Int32] = []
        var start = 0
        while start < scalars.count {
            var end = scalars.count
            var found: Int32?
            while start < end {
                var piece = String(String.UnicodeScalarView(scalars[start..<end]))
                if start > 0 { piece = "##" + piece }
                if let id = vocabulary[piece] { found = id; break }
                end -= 1
            }
            guard let id = found else { return [unknown] }
            out.append(id)
            start = end
        }
        return out
    }
}
