import Foundation

/// The words of a question that name what it asks about — "the marketing budget" in
/// "what happened with the marketing budget?" — kept as the person wrote them, so an
/// answer can say exactly what it did not find.
enum SubjectPhrase {
    private static let months = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"

    /// What kind of entity question a cue opens.
    enum Cue: Equatable, Sendable { case history, status, owner, due, decided, said }

    /// Phrasings that put the subject right after them. Order matters: the first match wins.
    private static let cues: [(Cue, NSRegularExpression)] = ([
        (.decided, #"\b(?:decided|decide|decision|decisions|agreed|agree|agreement|settled|settle|concluded|conclude|conclusion)\s+(?:about|on|for|regarding|concerning|with|re)\s+(.+)"#),
        (.said, #"\b(?:say|said|talk|talked|discuss|discussed|mention|mentioned|hear|heard|anything)\s+(?:about|on|regarding|concerning)\s+(.+)"#),
        (.history, #"\bhappen(?:ed|ing|s)?\s+(?:with|to|on|about)\s+(.+)"#),
        (.history, #"\b(?:history|timeline|story)\s+(?:of|for|on)\s+(.+)"#),
        (.history, #"\bwhat\s+became\s+of\s+(.+)"#),
        (.history, #"\bhow\s+(?:did|has|have)\s+(.+?)\s+(?:evolved?|progress(?:ed)?|gone|go|develop(?:ed)?|changed?)\b"#),
        (.owner, #"\bwho(?:'s|\s+is|\s+was|\s+will\s+be)?\s+(?:owns?|owning|runs?|running|handles?|handling|leads?|leading|drives?|driving|in\s+charge\s+of|responsible\s+for|working\s+on|looking\s+after)\s+(.+)"#),
        (.owner, #"\b(?:owner|lead)\s+(?:of|for|on)\s+(.+)"#),
        (.due, #"\bwhen\s+(?:is|are|was|will|does|do|should)\s+(.+?)\s+(?:be\s+)?(?:due|finished|finish|ready|expected|delivered|ship|shipped|shipping|land|landing|launch|launching|open|opening|start|starting|begin|go\s+live|wrap\s+up)\b"#),
        (.due, #"\b(?:deadline|due\s+date|target\s+date)\s+(?:for|of|on)\s+(.+)"#),
        (.status, #"\b(?:status|state)\s+(?:of|on|for|with)\s+(.+)"#),
        (.status, #"\bupdate\s+(?:on|about|for)\s+(.+)"#),
        (.status, #"\bwhere\s+(?:are|do)\s+we\s+(?:stand\s+)?(?:with|on)\s+(.+)"#),
        (.status, #"\bhow(?:'s|\s+is|\s+are)\s+(.+?)\s+(?:going|doing|coming\s+along|looking|progressing)\b"#),
    ] as [(Cue, String)]).map { ($0.0, try! NSRegularExpression(pattern: "(?i)" + $0.1)) }

    /// Where a subject stops: time and meeting references, dates, fillers, the question mark.
    private static let tail = try! NSRegularExpression(pattern: """
        (?i)\\s+(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|(?:\(months))\\.?\\s+[0-9]{1,2}(?:st|nd|rd|th)?|[0-9]{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:\(months))|since|between|before|after|until|during|as\\s+of|so\\s+far|right\\s+now|now|yet|these\\s+days|lately|recently|\
        currently|any\\s?more|again|today|this\\s+(?:week|month)|last\\s+(?:week|month|time|meeting)|in\\s+(?:the|our)\\s+(?:last|latest|most\\s+recent)\\b|\
        (?:in|at)\\s+the\\s+\\S+(?:\\s+\\S+)?\\s+meeting|on\\s+(?:[0-9]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))\\b.*$
        """)

    /// The cue and subject of a question, when it is phrased as a question about one thing.
    static func find(in raw: String) -> (cue: Cue, phrase: String)? {
        let text = raw.replacingOccurrences(of: "’", with: "'")
        let ns = text as NSString
        for (cue, re) in cues {
            guard let m = re.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { continue }
            if let phrase = clean(ns.substring(with: m.range(at: 1))) { return (cue, phrase) }
        }
        return nil
    }

    /// A captured phrase without its time or meeting tail, punctuation and leading
    /// determiners; nil when nothing in it could name a thing ("everything", "things
    /// that are blocked").
    static func clean(_ phrase: String) -> String? {
        let ns = phrase as NSString
        // A leading space lets a phrase that is all tail ("since May", "2026-05-20") vanish.
        var s = tail.stringByReplacingMatches(in: " " + phrase, range: NSRange(location: 0, length: ns.length + 1), withTemplate: "")
        s = s.trimmingCharacters(in: CharacterSet(charactersIn: "?!.,;:\"'“”‘’ ").union(.whitespaces))
        var words = s.split(separator: " ").map(String.init)
        while let f = words.first, Lexicon.determiners.contains(f.lowercased()) { words.removeFirst() }
        s = words.joined(separator: " ")
        return EntityLinker.askedWords(s).isEmpty ? nil : s
    }

    /// The run of naming words around the words that linked an entity ("marketing budget"
    /// around "budget" in "was the marketing budget approved?"), as written. Modifiers
    /// come before the head in English, so the run grows freely to the left; to the right
    /// only by words that continue a name ("relaunch", "2"), not verbs ("open").
    static func around(_ linked: String, in raw: String, stop: Set<String>) -> String {
        let words = raw.replacingOccurrences(of: "’", with: "'")
            .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "." || $0 == "'" || $0 == "-" || $0 == "&" || $0 == "/") })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".'")) }.filter { !$0.isEmpty }
        let keys = words.map { NameMatcher.normalize($0) }
        let target = linked.split(separator: " ").map(String.init)
        guard !target.isEmpty, keys.count >= target.count,
              let start = (0...(keys.count - target.count)).first(where: { Array(keys[$0..<$0 + target.count]) == target }) else { return linked }
        func naming(_ i: Int) -> Bool {
            let k = keys[i]
            return !k.isEmpty && !QuestionWords.ignorable.contains(k) && !Lexicon.prepositions.contains(k) && !stop.contains(k)
        }
        var lo = start, hi = start + target.count - 1
        while lo > 0, naming(lo - 1) { lo -= 1 }
        func continuesName(_ i: Int) -> Bool {
            let k = NameMatcher.singular(keys[i])
            return Lexicon.heads[k] != nil || Lexicon.headExtensions.contains(k) || k.allSatisfy { $0.isNumber || $0 == "." }
        }
        while hi < keys.count - 1, naming(hi + 1), continuesName(hi + 1) { hi += 1 }
        return words[lo...hi].joined(separator: " ")
    }
}
