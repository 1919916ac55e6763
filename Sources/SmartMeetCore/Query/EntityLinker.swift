import Foundation

/// Finds which entity a phrase or question means, through the same name matching as
/// ingestion (aliases, short forms) plus small typos ("offlne mode").
public struct EntityLinker {
    public let entities: [EntitySummary]
    private let names: [(entity: Int, norm: String, tokens: [String])]
    private let byNorm: [String: [Int]]
    private let byToken: [String: [Int]]

    public init(entities: [EntitySummary]) {
        self.entities = entities
        var n: [(Int, String, [String])] = []
        for (i, e) in entities.enumerated() {
            for name in [e.name] + e.aliases {
                let norm = NameMatcher.normalize(name)
                if !norm.isEmpty { n.append((i, norm, NameMatcher.contentTokens(name))) }
            }
        }
        names = n
        var norms: [String: [Int]] = [:]
        var tokens: [String: [Int]] = [:]
        for (i, name) in n.enumerated() {
            norms[name.1, default: []].append(i)
            for t in Set(name.2) { tokens[t, default: []].append(i) }
        }
        byNorm = norms
        byToken = tokens
    }

    /// Meaning-based matching, the last resort when no name matches by its words.
    public var semantic: SemanticNameMatcher? = SemanticNameMatcher.shared

    /// The entity a short phrase names, or nil.
    public func link(_ phrase: String) -> EntitySummary? {
        if let b = best(in: phrase, wholePhrase: true) { return entities[b.entity] }
        guard let m = semantic?.bestMatch(phrase, among: names.map(\.norm)) else { return nil }
        return entities[names[m.index].entity]
    }

    /// The entity named somewhere inside a question, with the words that named it.
    public func find(inQuestion q: String) -> (entity: EntitySummary, words: String)? {
        best(in: q, wholePhrase: false).map { (entities[$0.entity], $0.words) }
    }

    /// Names closest in spelling, for "no entity called …; did you mean …".
    public func closest(_ phrase: String, limit: Int) -> [EntitySummary] {
        let p = NameMatcher.normalize(phrase)
        var scored: [(Int, Int)] = []
        for (i, e) in entities.enumerated() {
            let d = ([e.name] + e.aliases).map { Self.distance(NameMatcher.normalize($0), p) }.min() ?? Int.max
            scored.append((d, i))
        }
        return scored.sorted { $0.0 < $1.0 }.prefix(limit).map { entities[$0.1] }
    }

    private func best(in text: String, wholePhrase: Bool) -> (entity: Int, words: String)? {
        let words = NameMatcher.normalize(text).split(separator: " ").map(String.init)
        guard !words.isEmpty else { return nil }
        var best: (score: Double, entity: Int, words: String)?
        func consider(_ score: Double, _ entity: Int, _ w: String) {
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
                // Exact names and names sharing a word come from the indexes; spelling
                // distance is tried against every name only when nothing else matched.
                var pool = Set(byNorm[gram] ?? [])
                if !fuzzy { for t in gramTokens { pool.formUnion(byToken[t] ?? []) } }
                let candidates = fuzzy ? Array(names.indices) : Array(pool)
                for ni in candidates {
                    let n = names[ni]
                    if fuzzy {
                        guard gram.count >= 5, abs(gram.count - n.norm.count) <= 2 else { continue }
                        let d = Self.distance(gram, n.norm)
                        if d <= (gram.count >= 9 ? 2 : 1) { consider(30 - Double(d), n.entity, gram) }
                        continue
                    }
                    if n.norm == gram { consider(100 + Double(len), n.entity, gram); continue }
                    // A head noun alone ("the migration") links when one entity has it.
                    if gramTokens.count == 1, let h = gramTokens.first, Lexicon.heads[h] != nil {
                        if n.tokens.last == h { consider(20, n.entity, gram) }
                        continue
                    }
                    let gs = Set(gramTokens), ns = Set(n.tokens)
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

    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
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
    ])
}
