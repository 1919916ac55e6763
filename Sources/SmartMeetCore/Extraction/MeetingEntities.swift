import Foundation

/// The things one meeting talks about, built up sentence by sentence. Later mentions
/// ("the migration", "it's done") are matched against what the meeting already named.
struct MeetingEntities {
    struct Local {
        var name: String
        var type: EntityType
        var aliases: [String]
        var heads: Set<String>
        var anchor: String?
        var isGeneric: Bool
        var isProper: Bool
        var turns: [Int]
        var lastSeen: Int
        /// Every identifying word of every name: a mention sharing none cannot match.
        var words: Set<String> = []
    }

    private(set) var all: [Local] = []
    private(set) var surfaceForms: [(tokens: [String], local: Int)] = []
    private var clock = 0

    /// Registers a mention; returns the local entity index it refers to, or nil for a
    /// generic mention with nothing to point back to yet.
    mutating func register(_ m: Mention, turn: Int, recentProper: Int?) -> Int {
        clock += 1
        if m.local >= 0 {
            touch(m.local, turn: turn)
            return m.local
        }
        if m.isGeneric, let head = m.head {
            if let i = mostRecent(where: { $0.heads.contains(head) && !$0.isGeneric }) {
                touch(i, turn: turn)
                return i
            }
            if Lexicon.heads[head] == .deal, let p = recentProper {
                attachDeal(head: head, surface: m.name, to: p)
                touch(p, turn: turn)
                return p
            }
            if let i = mostRecent(where: { $0.heads.contains(head) }) { touch(i, turn: turn); return i }
            return create(m, turn: turn)
        }
        if m.type == .deal, !m.isProper, m.anchor == nil, let p = recentProper, all[p].isProper {
            attachDeal(head: m.head ?? "deal", surface: m.name, to: p)
            touch(p, turn: turn)
            return p
        }
        var best: (score: Int, index: Int)?
        let mentionWords = Set(([m.name] + m.aliases + (m.anchor.map { [$0] } ?? [])).flatMap(NameMatcher.contentTokens))
        for (i, e) in all.enumerated() {
            if !e.isGeneric, e.words.isDisjoint(with: mentionWords) { continue }
            if e.isGeneric {
                // A named mention with the same head gives a generic one its name.
                if let h = m.head, e.heads.contains(h), best == nil { best = (1, i) }
                continue
            }
            let s = NameMatcher.score(mention: [m.name] + m.aliases, mentionAnchor: m.anchor,
                                      candidate: [e.name] + e.aliases, candidateAnchor: e.anchor ?? (e.isProper ? e.name : nil))
            if s > 0, s > (best?.score ?? 0) || (s == best?.score && e.lastSeen > all[best!.index].lastSeen) { best = (s, i) }
        }
        if let b = best {
            merge(m, into: b.index)
            touch(b.index, turn: turn)
            return b.index
        }
        return create(m, turn: turn)
    }

    private mutating func create(_ m: Mention, turn: Int) -> Int {
        all.append(Local(name: m.name, type: m.type, aliases: m.aliases, heads: m.head.map { [$0] } ?? [],
                         anchor: m.anchor, isGeneric: m.isGeneric, isProper: m.isProper, turns: [], lastSeen: clock))
        let i = all.count - 1
        if let a = m.anchor { all[i].words.formUnion(NameMatcher.contentTokens(a)) }
        addSurface(m.name, i)
        m.aliases.forEach { addSurface($0, i) }
        touch(i, turn: turn)
        return i
    }

    private mutating func merge(_ m: Mention, into i: Int) {
        var e = all[i]
        if e.isGeneric {
            e.aliases.append(e.name)
            e.name = m.name
            e.isGeneric = false
            e.type = m.type
        } else if NameMatcher.normalize(m.name) != NameMatcher.normalize(e.name), !e.aliases.contains(m.name) {
            // Keep the most specific name as the name: more words name more precisely.
            if NameMatcher.contentTokens(m.name).count > NameMatcher.contentTokens(e.name).count && !m.isProper && !e.isProper {
                e.aliases.append(e.name)
                e.name = m.name
                e.type = m.type
            } else {
                e.aliases.append(m.name)
            }
        }
        for a in m.aliases where !e.aliases.contains(a) && a != e.name { e.aliases.append(a) }
        if let h = m.head { e.heads.insert(h) }
        if e.isProper && !m.isProper && m.head != nil { e.isProper = false; e.anchor = e.anchor ?? e.name }
        all[i] = e
        addSurface(m.name, i)
        m.aliases.forEach { addSurface($0, i) }
    }

    /// "I'm handling the contract" after "the Riverside Hall people": the contract is the
    /// Riverside Hall contract, and both names refer to it.
    private mutating func attachDeal(head: String, surface: String, to p: Int) {
        var e = all[p]
        let anchor = e.anchor ?? e.name
        if e.isProper {
            e.aliases.append(e.name)
            e.name = anchor + " " + head
            e.isProper = false
        }
        e.anchor = anchor
        e.type = .deal
        e.heads.insert(head)
        if !e.aliases.contains(surface), NameMatcher.normalize(surface) != head { e.aliases.append(surface) }
        all[p] = e
        addSurface(surface, p)
    }

    mutating func setType(_ i: Int, _ t: EntityType) { all[i].type = t }

    private mutating func touch(_ i: Int, turn: Int) {
        all[i].lastSeen = clock
        if all[i].turns.last != turn { all[i].turns.append(turn) }
    }

    private func mostRecent(where f: (Local) -> Bool) -> Int? {
        all.indices.filter { f(all[$0]) }.max { all[$0].lastSeen < all[$1].lastSeen }
    }

    private mutating func addSurface(_ name: String, _ i: Int) {
        all[i].words.formUnion(NameMatcher.contentTokens(name))
        let tokens = SentenceSplitter.tokenize(name).filter { !$0.isPunctuation }.map { NameMatcher.singular($0.lower) }
        let content = tokens.drop { Lexicon.determiners.contains($0) }
        guard !content.isEmpty else { return }
        // A lone head noun is not a name; "the migration" is handled as a generic mention.
        if content.count == 1, Lexicon.heads[content.first!] != nil { return }
        if !surfaceForms.contains(where: { $0.local == i && $0.tokens == Array(content) }) {
            surfaceForms.append((Array(content), i))
        }
        // "offline mode" is also said as "offline" (but "warehouse migration" is not "the warehouse").
        if content.count >= 2, let last = content.last, Lexicon.heads[last] != nil {
            let short = Array(content.dropLast())
            if short.count == 1, Lexicon.heads[short[0]] != nil { return }
            if short.count >= 1, !short.allSatisfy({ Lexicon.stopwords.contains($0) || Lexicon.genericAdjectives.contains($0) }),
               short.joined().count >= 4, !surfaceForms.contains(where: { $0.tokens == short }) {
                surfaceForms.append((short, i))
            }
        }
    }
}
