import Foundation

/// What a clause does in its sentence. Only main clauses (and the reported content of
/// "I think …" or minutes' "reported that …") assert anything; a condition ("if the
/// vendor is late"), a limit ("until legal signs off"), a reason or a relative clause
/// describes circumstances.
enum ClauseKind: Sendable, Equatable {
    case main
    case condition
    case waitFor
    case reason
    case time
    case relative
    case concession
    case complement
}

struct Clause: Sendable {
    var range: Range<Int>
    var kind: ClauseKind
    /// The subordinator or conjunction that opened it.
    var opener: String?
    var verb: VerbGroup?
    var subject: NounPhrase?
    var objects: [NounPhrase]
    var prepObjects: [(prep: String, np: NounPhrase)]
    /// After a copula ("is blocked", "is on hold", "is a risk").
    var complement: Range<Int>?
    var phrases: [NounPhrase]
}

/// One sentence of one speaker, tagged and divided into clauses.
struct ParsedSentence: Sendable {
    var words: [Word]
    var phrases: [NounPhrase]
    var clauses: [Clause]
    var speaker: String
    /// The turn it starts in (turns of one speaker in a row are read together).
    var turn: Int
    var isQuestion: Bool
    /// The speaker broke off before finishing it.
    var isUnfinished: Bool
    var isFirstInTurn: Bool
    var isLastInTurn: Bool
    var section: String?

    /// The words as said, for evidence.
    var text: String { ClauseParser.render(words) }
    var contentWords: [Word] { words.filter { !$0.isPunct } }
}

enum ClauseParser {
    /// Verbs whose clause object is itself a clause: "I think we wait", "Ms Cho reported that …".
    static let clauseTakingVerbs: Set<String> = ["think", "guess", "say", "believe", "know", "hear", "feel", "reckon",
        "suppose", "hope", "mean", "report", "confirm", "note", "explain", "advise", "state", "indicate", "understand",
        "agree", "tell", "find", "expect", "assume", "suspect", "realise", "realize", "fear", "worry", "doubt", "bet",
        "imagine", "add", "announce", "mention", "reply", "respond", "suggest", "propose", "decide", "warn", "claim"]

    static func parse(_ words: [Word], wordNet: WordNet?) -> (phrases: [NounPhrase], clauses: [Clause]) {
        let phrases = PhraseFinder.nounPhrases(words)
        let groups = PhraseFinder.verbGroups(words, wordNet: wordNet)
        var bounds: [(start: Int, kind: ClauseKind, opener: String?)] = [(0, .main, nil)]
        func groupBefore(_ k: Int) -> Bool {
            let start = bounds.last!.start
            return groups.contains { $0.main >= start && $0.main < k }
        }
        func hasVerbAhead(_ k: Int) -> Bool {
            var e = k
            while e < words.count, !(words[e].isClauseMark || words[e].isTerminal) { e += 1 }
            return groups.contains { $0.main >= k && $0.main < e }
        }
        for k in words.indices {
            let w = words[k]
            if w.isClauseMark || w.isTerminal {
                if k + 1 < words.count { bounds.append((k + 1, kindAfter(words, k + 1, previous: bounds.last!.kind), nil)) }
                continue
            }
            switch w.tag {
            case .sconj:
                let kind = subordinateKind(w.lower, words, k)
                if bounds.last!.start == k { bounds[bounds.count - 1] = (k, kind, w.lower) } else { bounds.append((k, kind, w.lower)) }
            case .conj where ["but", "yet"].contains(w.lower):
                if bounds.last!.start != k { bounds.append((k, .main, w.lower)) }
            case .conj where ["and", "or", "&"].contains(w.lower):
                // "and" joins clauses when a new subject and verb follow.
                if groupBefore(k), hasVerbAhead(k + 1), k + 1 < words.count,
                   words[k + 1].tag == .pron || words[k + 1].tag == .det || words[k + 1].tag == .propn || words[k + 1].tag == .noun
                    || words[k + 1].tag == .aux || words[k + 1].tag == .verb {
                    bounds.append((k, bounds.last!.kind == .main || bounds.last!.kind == .complement ? .main : bounds.last!.kind, w.lower))
                }
            case .pron where ["which", "who"].contains(w.lower) && k > 0 && (words[k - 1].isNounLike || words[k - 1].isClauseMark):
                bounds.append((k, .relative, w.lower))
            case .intj where k > bounds.last!.start:
                // Recogniser text: "ok", "yeah" inside a run-on turn start a new thought.
                bounds.append((k, .main, nil))
            case .pron where FunctionWords.subjectPronouns.contains(w.lower) && k > bounds.last!.start && groupBefore(k):
                // A new subject after a complete clause in unpunctuated speech: "sock two's
                // fine it's just plodding". After "think"/"said" it is what was thought.
                let previousVerb = groups.last { $0.main < k && $0.main >= bounds.last!.start }
                // "I", "we", "they" are never the object of a verb or a preposition: after
                // "the portal is out" or "it's done", they begin a new clause.
                let nominative = ["i", "we", "they", "he", "she"].contains(w.lower)
                let prev = words[k - 1]
                if prev.tag == .verb && clauseTakingVerbs.contains(prev.lemma) || previousVerb.map({ clauseTakingVerbs.contains($0.lemma) && $0.main == k - 1 }) ?? false {
                    bounds.append((k, .complement, nil))
                } else if (prev.tag != .prep && prev.tag != .verb || nominative) && prev.tag != .aux && prev.tag != .modal && prev.tag != .part
                            && prev.tag != .sconj && prev.tag != .neg && hasVerbAhead(k + 1) {
                    // "if QA gets the branch late we're going to slip": a condition's consequence.
                    bounds.append((k, bounds.last!.kind == .condition ? .condition : .main, nil))
                }
            default:
                break
            }
        }
        var clauses: [Clause] = []
        for (n, b) in bounds.enumerated() {
            let end = n + 1 < bounds.count ? bounds[n + 1].start : words.count
            guard b.start < end else { continue }
            var range = b.start..<end
            while range.upperBound > range.lowerBound, words[range.upperBound - 1].isClauseMark || words[range.upperBound - 1].isTerminal {
                range = range.lowerBound..<(range.upperBound - 1)
            }
            guard !range.isEmpty else { continue }
            clauses.append(build(range, b.kind, b.opener, words, phrases, groups))
        }
        return (phrases, clauses)
    }

    private static func kindAfter(_ words: [Word], _ k: Int, previous: ClauseKind) -> ClauseKind {
        // A condition's consequence after the comma is still hypothetical: "if X, we'd be blocked".
        if previous == .condition, k < words.count {
            let next = words[k...].prefix(3).map(\.lower)
            if next.contains(where: { ["we'd", "would", "'d", "then", "could", "might", "will", "'ll"].contains($0) }) { return .condition }
        }
        return .main
    }

    private static func subordinateKind(_ w: String, _ words: [Word], _ k: Int) -> ClauseKind {
        if FunctionWords.conditionals.contains(w) { return .condition }
        if FunctionWords.temporalLimits.contains(w) { return .waitFor }
        switch w {
        case "because", "cause", "'cause", "cos", "coz", "b/c", "since", "as": return .reason
        case "although", "though", "whereas": return .concession
        case "when", "whenever", "while", "after", "where", "wherever": return .time
        case "that": return .complement
        case "so": return .main
        default: return .main
        }
    }

    private static func build(_ range: Range<Int>, _ kind: ClauseKind, _ opener: String?, _ words: [Word],
                              _ phrases: [NounPhrase], _ groups: [VerbGroup]) -> Clause {
        let inside = phrases.filter { range.contains($0.range.lowerBound) && $0.range.upperBound <= range.upperBound }
        let verb = groups.first { range.contains($0.main) }
        var subject: NounPhrase?
        var objects: [NounPhrase] = []
        var preps: [(String, NounPhrase)] = []
        var complement: Range<Int>?
        if let v = verb {
            subject = inside.last { $0.range.upperBound <= v.range.lowerBound && !isAfterPreposition($0, words, range) }
            for np in inside where np.range.lowerBound >= v.range.upperBound || (v.particle != nil && np.range.lowerBound > v.main && np.range.upperBound <= (v.particle ?? 0)) {
                if let p = preposition(before: np, words, floor: v.range.upperBound) { preps.append((p, np)) } else { objects.append(np) }
            }
            if v.isCopula { complement = (v.main + 1)..<range.upperBound }
        } else {
            // No verb: a heading, a fragment ("Dalton.", "And sock two?") or shorthand
            // ("hood's in", "blocked on permits").
            for np in inside {
                if let p = preposition(before: np, words, floor: range.lowerBound) { preps.append((p, np)) } else if subject == nil { subject = np } else { objects.append(np) }
            }
        }
        return Clause(range: range, kind: kind, opener: opener, verb: verb, subject: subject, objects: objects,
                      prepObjects: preps, complement: complement, phrases: inside)
    }

    private static func isAfterPreposition(_ np: NounPhrase, _ words: [Word], _ clause: Range<Int>) -> Bool {
        preposition(before: np, words, floor: clause.lowerBound) != nil
    }

    /// The preposition governing a phrase ("on the migration", "for the gala").
    static func preposition(before np: NounPhrase, _ words: [Word], floor: Int) -> String? {
        var k = np.range.lowerBound - 1
        while k >= floor, words[k].tag == .adv { k -= 1 }
        guard k >= floor, k >= 0 else { return nil }
        return words[k].tag == .prep || (words[k].tag == .part && words[k].lower != "to") ? words[k].lower : nil
    }

    /// Re-joins words with single spaces (no space before punctuation): for traces.
    static func render(_ words: [Word]) -> String {
        var s = ""
        for w in words {
            if w.isPunct, [",", ".", "?", "!", ";", ":", ")", "…", "]"].contains(w.text) { s += w.text; continue }
            if !s.isEmpty, !s.hasSuffix("(") { s += " " }
            s += w.text
        }
        return s
    }
}
