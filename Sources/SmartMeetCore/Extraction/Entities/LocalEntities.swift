import Foundation

/// The things one meeting talks about, built up as they are named. A later mention
/// ("the upgrade", "Brennan", "the cert") is matched to what the meeting already named
/// when it shares its identifying words.
struct LocalEntities {
    struct Entity {
        var name: String
        var aliases: [String]
        var words: Set<String>
        var type: EntityType
        var isProper: Bool
        var isLoneCommon: Bool
        var isGenericWord: Bool
        var turns: [Int] = []
        var lastSeen = 0
        var lastSentence = 0
        /// Introduced as the thing under discussion (a heading, "Brennan.", "wes driftwood").
        var topicCount = 0
        var mentions = 0
        /// Other single-word forms it was named by ("migration" for "Kubernetes migration").
        var heads: Set<String> = []
        /// First named as "the X": a reference back to a thing named in another meeting.
        var isDefiniteReference = false
        var isBareName = false
        /// A status was said of it: it is work, not a counterparty a deal could be named by.
        var hasStatus = false
    }

    private(set) var all: [Entity] = []
    private var clock = 0

    /// Returns the local index the named thing refers to, creating it when new.
    mutating func register(_ t: NamedThing, turn: Int, sentence: Int) -> Int {
        clock += 1
        if let i = match(t) {
            absorb(t, into: i)
            touch(i, turn, sentence)
            return i
        }
        // Bridging: "the Riverside Hall people … I'm handling the contract", "Alder Bank …
        // a gala sponsorship". A deal is identified by its counterparty: the name just
        // mentioned.
        if t.type == .deal, !t.isProper,
           let p = recent(where: { $0.isBareName && !$0.hasStatus && $0.words.count <= 3 && sentence - $0.lastSentence <= 2 }),
           all[p].type != .deal {
            var e = all[p]
            let anchorName = e.name
            e.aliases.append(anchorName)
            e.name = anchorName + " " + t.head
            for a in [t.name] + t.aliases where !e.aliases.contains(a) { e.aliases.append(a) }
            e.words.insert(t.head)
            e.heads.insert(t.head)
            e.type = t.type
            e.isBareName = false
            all[p] = e
            touch(p, turn, sentence)
            return p
        }
        all.append(Entity(name: t.name, aliases: t.aliases, words: Set(t.words), type: t.type, isProper: t.isProper,
                          isLoneCommon: t.isLoneCommon, isGenericWord: t.isGenericWord, heads: [t.head],
                          isDefiniteReference: t.isLoneCommon && t.isDefinite, isBareName: t.isBareName))
        touch(all.count - 1, turn, sentence)
        return all.count - 1
    }

    func match(_ t: NamedThing) -> Int? {
        let key = NameMatcher.normalize(t.name)
        let words = Set(t.words)
        // The same name, or a name it was already called.
        if let i = recent(where: { e in NameMatcher.normalize(e.name) == key || e.aliases.contains { NameMatcher.normalize($0) == key } }) { return i }
        // "the upgrade" after "the Postgres 16 upgrade"; "Brennan" after "the Brennan deal".
        if t.words.count == 1, let w = t.words.first {
            // "the upgrade" is the Postgres upgrade (its head); "Brennan" is the Brennan deal
            // (a name); but "the old warehouse" is not the warehouse migration.
            if let i = recent(where: { $0.heads.contains(w) || (t.isProper || !t.isLoneCommon) && $0.words.contains(w) }) { return i }
            return nil
        }
        // "postgres upgrade" and "postgres 16 upgrade": one holds the other's words, and
        // they share a word that identifies (not only the head).
        if let i = recent(where: { e in
            let shared = e.words.intersection(words)
            let smaller = min(e.words.count, words.count)
            guard shared.count == smaller, smaller >= 1 else { return false }
            return shared.contains { $0 != t.head || e.isProper || t.isProper } && (e.words.count > 1 || e.isProper)
        }) { return i }
        return nil
    }

    private func recent(where f: (Entity) -> Bool) -> Int? {
        all.indices.filter { f(all[$0]) }.max { all[$0].lastSeen < all[$1].lastSeen }
    }

    private mutating func absorb(_ t: NamedThing, into i: Int) {
        var e = all[i]
        let key = NameMatcher.normalize(t.name)
        if key != NameMatcher.normalize(e.name), !e.aliases.contains(where: { NameMatcher.normalize($0) == key }) {
            // A lone common word that gets a fuller name takes it ("the pilot" → "evening clinic pilot").
            // A fuller name takes over: "the pilot" → "evening clinic pilot", "Millbrook" →
            // "Millbrook footbridge" (it holds every word of the shorter one).
            if e.isLoneCommon && !t.isLoneCommon || (t.words.count > e.words.count && (!e.isProper || Set(t.words).isSuperset(of: e.words))) {
                e.aliases.append(e.name)
                e.name = t.name
                e.type = t.type
                e.isLoneCommon = t.isLoneCommon
                e.isGenericWord = t.isGenericWord
            } else if !t.isLoneCommon || t.isProper {
                // A bare common word ("the contract", "programme") is a reference, not a name.
                e.aliases.append(t.name)
            }
        }
        for a in t.aliases where !e.aliases.contains(a) && a != e.name { e.aliases.append(a) }
        e.words.formUnion(t.words)
        e.heads.insert(t.head)
        e.isProper = e.isProper || t.isProper
        all[i] = e
    }

    private mutating func touch(_ i: Int, _ turn: Int, _ sentence: Int) {
        all[i].lastSeen = clock
        all[i].lastSentence = sentence
        all[i].mentions += 1
        if all[i].turns.last != turn { all[i].turns.append(turn) }
    }

    mutating func markTopic(_ i: Int) { all[i].topicCount += 1 }

    mutating func markStatus(_ i: Int) { all[i].hasStatus = true }

    /// "evening clinic" proposed as a pilot becomes the "evening clinic pilot".
    mutating func rename(_ i: Int, adding head: String) {
        guard !all[i].words.contains(head) else { return }
        all[i].aliases.append(all[i].name)
        all[i].name += " " + head
        all[i].words.insert(head)
        all[i].heads.insert(head)
        all[i].isLoneCommon = false
        all[i].isGenericWord = false
    }
}
