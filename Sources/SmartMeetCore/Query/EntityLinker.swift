import Foundation

/// Finds which entity a phrase or question means, through the same name matching as
/// ingestion (aliases, short forms) plus small typos ("offlne mode").
public struct EntityLinker {
    public let entities: [EntitySummary]
    /// Each name and alias, normalised, with its content tokens (also as a set, for the
    /// subset tests every question runs against each candidate).
    private let names: [(entity: Int, norm: String, tokens: [String], tokenSet: Set<String>)]
    private let byNorm: [String: [Int]]
    private let byToken: [String: [Int]]

    public init(entities: [EntitySummary]) {
        self.entities = entities
        var n: [(Int, String, [String], Set<String>)] = []
        for (i, e) in entities.enumerated() {
            for name in [e.name] + e.aliases {
                let norm = NameMatcher.normalize(name)
                let tokens = NameMatcher.contentTokens(name)
                if !norm.isEmpty { n.append((i, norm, tokens, Set(tokens))) }
            }
        }
        names = n
        var norms: [String: [Int]] = [:]
        var tokens: [String: [Int]] = [:]
        for (i, name) in n.enumerated() {
            norms[name.1, default: []].append(i)
            for t in name.3 { tokens[t, default: []].append(i) }
        }
        byNorm = norms
        byToken = tokens
    }

    /// Meaning-based matching, the last resort when no name matches by its words. The
    /// default comes from the search layer (the installed sentence model, if any).
    public var semantic: (any NameMeaningMatcher)? = EntityLinker.defaultMeaningMatcher

    /// The entity a short phrase names, or nil.
    public func link(_ phrase: String) -> EntitySummary? {
        if let b = best(in: phrase, wholePhrase: true) { return entities[b.entity] }
        guard let i = semantic?.bestMatchIndex(phrase, among: names.map(\.norm)) else { return nil }
        return entities[names[i].entity]
    }

    /// The entity named somewhere inside a question, with the words that named it.
    public func find(inQuestion q: String) -> (entity: EntitySummary, words: String)? {
        best(in: q, wholePhrase: false).map { (entities[$0.entity], $0.words) }
    }

    /// The entity a question's subject phrase names, and whether every word of the phrase
    /// belongs to it. `exact == false` means the answer is about a different thing than
    /// asked ("marketing budget" → "Q1 training budget") and must say so.
    public func resolve(_ phrase: String) -> (entity: EntitySummary, exact: Bool)? {
        guard let e = link(phrase) ?? find(inQuestion: phrase)?.entity else { return nil }
        let asked = Self.askedWords(phrase)
        let known = Self.tokens(e)
        let uncovered = asked.filter { a in !known.contains { NameSimilarity.sameWord(a, $0) } }
        if uncovered.isEmpty { return (e, true) }
        // Another thing stands in only when the words it shares with the question say what
        // it is ("budget", "portal") rather than what kind of thing ("project"), and no
        // other name shares them: "blockchain project" is not the "Design project".
        let shared = asked.filter { a in known.contains { NameSimilarity.sameWord(a, $0) } }
        guard !shared.allSatisfy(Self.genericWords.contains) else { return nil }
        let alike = entities.filter { other in shared.allSatisfy { a in Self.tokens(other).contains { NameSimilarity.sameWord(a, $0) } } }
        return alike.count == 1 ? (e, false) : nil
    }

    private static func tokens(_ e: EntitySummary) -> [String] {
        ([e.name] + e.aliases).flatMap(NameMatcher.contentTokens)
    }

    /// Words that say what kind of thing something is, not which one.
    static let genericWords: Set<String> = Lexicon.weakHeads.union([
        "project", "feature", "system", "task", "release", "document", "initiative", "program", "programme", "plan",
        "issue", "piece", "product", "process", "change", "version", "phase", "step", "design",
    ])

    /// Names most like a phrase, for "No entity called …; closest: …": ranked by the
    /// words they share with it, then by spelling distance, then by shared letter
    /// groups. Names like it in none of these ways are left out.
    public func closest(_ phrase: String, limit: Int) -> [EntitySummary] {
        let asked = Self.askedWords(phrase)
        let scored = entities.enumerated().compactMap { i, e -> (NameSimilarity, Int)? in
            let best = ([e.name] + e.aliases).map { NameSimilarity(asked: asked, phrase: phrase, name: $0) }.max()
            guard let best, best.isSimilar else { return nil }
            return (best, i)
        }
        return scored.sorted { $0.0 > $1.0 || ($0.0 == $1.0 && entities[$0.1].name < entities[$1.1].name) }
            .prefix(limit).map { entities[$0.1] }
    }

    /// The words of a phrase that must match a name: no question words or fillers.
    static func askedWords(_ phrase: String) -> [String] {
        NameMatcher.contentTokens(phrase).filter { !QuestionWords.ignorable.contains($0) && !Lexicon.prepositions.contains($0) }
    }

    private func best(in text: String, wholePhrase: Bool) -> (entity: Int, words: String)? {
        let words = NameMatcher.normalize(text).split(separator: " ").map(String.init)
        guard !words.isEmpty else { return nil }
        var best: (score: Double, entity: Int, words: String)?
        func consider(_ score: Double, _ entity: Int, _ w: String) {
            guard score > 0 else { return }
            if best == nil || score > best!.score
                || (score == best!.score && (entities[entity].lastMentioned ?? "") > (entities[best!.entity].lastMentioned ?? "")) {
                best = (score, entity, w)
            }
        }
        let maxLen = min(6, words.count)
        for fuzzy in [false, true] {
        if fuzzy && best != nil { break }
        for len in stride(from: maxLen, through: 1, by: -1) {
            for start in 0...(words.count - len) {
                if wholePhrase && (start != 0 || len != words.count) { continue }
                let gram = words[start..<(start + len)].joined(separator: " ")
                let gramTokens = NameMatcher.contentTokens(gram)
                guard !gramTokens.isEmpty, !gramTokens.allSatisfy({ QuestionWords.ignorable.contains($0) }) else { continue }
                let gs = Set(gramTokens)
                // Exact names and names sharing a word come from the indexes; spelling
                // distance is tried against every name only when nothing else matched.
                var pool = Set(byNorm[gram] ?? [])
                if !fuzzy { for t in gramTokens { pool.formUnion(byToken[t] ?? []) } }
                let candidates = fuzzy ? Array(names.indices) : Array(pool)
                for ni in candidates {
                    let n = names[ni]
                    if fuzzy {
                        guard gram.count >= 5, abs(gram.count - n.norm.count) <= 2 else { continue }
                        let d = NameSimilarity.distance(gram, n.norm)
                        if d <= (gram.count >= 9 ? 2 : 1) { consider(30 - Double(d), n.entity, gram) }
                        continue
                    }
                    if n.norm == gram { consider(100 + Double(len), n.entity, gram); continue }
                    // A head noun alone ("the migration") links when one entity has it.
                    // Failing that, a name holding it elsewhere ("portal" → "patient portal
                    // relaunch") links, a little weaker.
                    if gramTokens.count == 1, let h = gramTokens.first, Lexicon.heads[h] != nil {
                        consider(n.tokens.last == h ? 20 : n.tokens.contains(h) ? 18 : 0, n.entity, gram)
                        continue
                    }
                    let ns = n.tokenSet
                    if gs.isSubset(of: ns) || ns.isSubset(of: gs) {
                        let overlap = Double(gs.intersection(ns).count)
                        consider(40 + overlap * 5 - Double(abs(gs.count - ns.count)), n.entity, gram)
                        continue
                    }
                }
            }
        }
        }
        guard let b = best else { return nil }
        return (b.entity, b.words)
    }
}

enum QuestionWords {
    /// Words of a question that never name an entity on their own.
    static let ignorable: Set<String> = Lexicon.stopwords.union([
        "status", "happened", "happen", "history", "owns", "own", "owner", "due", "blocked", "risk", "hold", "done",
        "completed", "complete", "cancelled", "canceled", "cancel", "proposed", "planned", "progress", "show", "tell",
        "changed", "change", "changes", "meeting", "meetings", "since", "between", "overdue", "stale", "many",
        "count", "state", "type", "things", "thing", "item", "items", "stuff", "anything", "handling", "running",
        "working", "responsible", "lead", "leading", "approved", "right", "currently", "still", "only", "ideas",
        "idea", "which", "everything", "list", "entities", "projects", "features", "tasks", "deals", "said",
        "say", "talk", "discuss", "discussed", "mentioned", "we", "us", "our", "last", "latest", "recent", "week",
        "decided", "decide", "decision", "decisions", "agreed", "agree", "settled", "update", "updates", "timeline",
        "deadline", "whose", "charge", "expected", "finished", "finish", "happening", "going", "story",
    ])
}
