import Foundation

/// Which search hits may answer "what did we say about …". A turn that is only a
/// backchannel ("That's me.", "LCD display. Mm-hmm. Okay.") never answers on its own.
/// While the vector side of search is hashed words (no meaning), a hit must also share
/// a content word with the question; with a real embedding model, search's own relevance
/// floor decides, and this check only drops backchannels.
struct RelevanceCheck: Sendable {
    let topicWords: [String]
    let lexical: Bool

    init(topic: String, lexical: Bool) {
        var seen = Set<String>()
        topicWords = Self.contentWords(topic).filter { !QuestionWords.ignorable.contains($0) && seen.insert($0).inserted }
        self.lexical = lexical
    }

    /// A question with no content word is about nothing in particular.
    var hasTopic: Bool { !topicWords.isEmpty }

    /// Topic words a text shares: more is more on topic.
    func matched(_ text: String) -> Int {
        let words = Set(Self.contentWords(text))
        return topicWords.filter { t in words.contains { Self.related(t, $0) } }.count
    }

    /// A long topic needs two of its words in a hit, a short one needs one.
    func keeps(_ text: String) -> Bool {
        guard !Self.isBackchannel(text) else { return false }
        return !lexical || matched(text) >= (topicWords.count >= 3 ? 2 : 1)
    }

    static func isBackchannel(_ text: String) -> Bool { contentWords(text).count <= 3 }

    /// Too short to read alone: shown with the turns around it. Fewer than seven spaces,
    /// counted by byte and stopping at the seventh: every state an answer reads is checked.
    static func isShort(_ text: String) -> Bool {
        var spaces = 0
        for b in text.utf8 where b == 0x20 {
            spaces += 1
            if spaces == 7 { return false }
        }
        return true
    }

    /// Lowercase words that carry meaning: no function words, fillers or transcript markers.
    static func contentWords(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            .filter { $0.count >= 2 && !Lexicon.stopwords.contains($0) && !fillers.contains($0) }
    }

    static let fillers: Set<String> = ["mm", "hmm", "mhm", "uh", "um", "huh", "er", "erm", "ah", "oh", "okay", "ok", "yeah", "yes",
                                       "no", "thanks", "thank", "cool", "great", "sure", "alright", "right", "fine", "good", "nice",
                                       "vocal", "sound", "noise", "inaudible", "laugh", "laughs", "gap", "disfmarker", "vocalsound"]

    /// The same word up to an ending: "budget", "budgets", "budgeting".
    static func related(_ a: String, _ b: String) -> Bool {
        if a == b || NameMatcher.singular(a) == NameMatcher.singular(b) { return true }
        let (s, l) = a.count <= b.count ? (a, b) : (b, a)
        return s.count >= 4 && l.count - s.count <= 4 && l.hasPrefix(s)
    }
}
