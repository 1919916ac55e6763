import Foundation

/// Finds the names of work in one sentence: names the meeting already used, head-noun
/// phrases ("the crash reporting migration"), gerund phrases ("revamping push
/// notifications"), capitalised names ("Alder Bank"), versions ("4.2") and one-name
/// fragments ("And offline?").
struct MentionFinder {
    let people: PeopleDirectory
    /// Lowercase words the meeting capitalises mid-sentence somewhere: proper names even
    /// when they open a sentence.
    let capitalisedElsewhere: Set<String>

    private static let verbBlockers: Set<String> = ["i", "we", "you", "they", "he", "she", "it", "will", "would", "can",
        "could", "should", "must", "might", "may", "to", "let's", "please", "not", "never", "don't", "didn't", "won't",
        "can't", "i'll", "we'll", "you'll", "they'll", "i'd", "we'd", "did", "does", "do", "shall", "gonna", "wanna", "just",
        "i'm", "we're", "they're", "you're", "who", "that", "which"]
    private static let versionHeads: Set<String> = ["project", "release", "version", "program", "programme", "initiative", "operation", "phase"]
    private static let numberWords: Set<String> = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million",
        "dozen", "dozens", "half", "several", "couple"]
    private static let commonVerbs: Set<String> = ["ran", "runs", "went", "goes", "came", "comes", "sent", "got", "gets",
        "looks", "needs", "starts", "works", "lands", "broke", "moves", "closes", "opens", "uploads", "takes", "took",
        "makes", "made", "gave", "gives", "keeps", "kept", "says", "said", "means", "seems", "feels", "hurts", "sits",
        "stays", "wants", "knows", "thinks", "lets", "shows", "reads", "writes", "uses", "meets", "met", "left", "hit",
        "put", "set", "saw", "told", "asked", "paid", "arrived", "happened", "worked", "moved", "launched", "shipped"]

    static let objectWords: Set<String> = ["it", "them", "us", "me", "him", "her", "the", "a", "an", "our", "their", "this", "these", "those"]

    /// "the catalog idea", "the budget thing": the noun before names the reference.
    static let referenceNouns: Set<String> = ["idea", "thing", "stuff", "question", "topic", "discussion", "item", "piece", "side", "point", "issue", "situation", "front"]

    static func likelyVerb(_ w: String) -> Bool {
        commonVerbs.contains(w) || (w.hasSuffix("ed") && w.count > 4)
    }

    func find(in s: Sentence, known: [(tokens: [String], local: Int)]) -> [Mention] {
        var taken = [Bool](repeating: false, count: s.tokens.count)
        var out: [Mention] = []
        func add(_ m: Mention) {
            guard !m.range.isEmpty, !m.range.contains(where: { taken[$0] }) else { return }
            m.range.forEach { taken[$0] = true }
            out.append(m)
        }
        // Head phrases first: "the Q1 training budget" should win over a known "training budget".
        for m in wiseTopics(s) { add(m) }
        for m in gerundPhrases(s) { add(m) }
        for m in headPhrases(s) { add(m) }
        for m in knownNames(s, known) { add(m) }
        for m in properNames(s) { add(m) }
        for m in versions(s) { add(m) }
        if out.isEmpty, let f = fragment(s) { add(f) }
        if out.count == 1, isShortVerbless(s) {
            // "Good news on Hollis." names a topic; "The SDK uploads symbol files." does not.
            let rest = s.tokens.indices.filter { !out[0].range.contains($0) && !s.tokens[$0].isPunctuation }
            if rest.allSatisfy({ Lexicon.stopwords.contains(s.tokens[$0].lower) || Lexicon.nonTopics.contains(s.tokens[$0].lower)
                || people.isPerson(s.tokens[$0].lower) || ["news", "one", "quick", "update", "item", "speaking", "regarding"].contains(s.tokens[$0].lower) }) {
                out[0].isFragment = true
            }
        }
        addAcronyms(s, &out)
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// "Project Phoenix (PHX)": the acronym becomes an alias, so later "PHX" is known.
    private func addAcronyms(_ s: Sentence, _ out: inout [Mention]) {
        for i in out.indices {
            let end = out[i].range.upperBound
            guard end + 2 < s.tokens.count, s.tokens[end].text == "(", s.tokens[end + 2].text == ")" else { continue }
            let a = s.tokens[end + 1].text
            if a.count >= 2, a.count <= 6, a.allSatisfy({ $0.isUppercase || $0.isNumber }) { out[i].aliases.append(a) }
        }
    }

    // MARK: - Kinds of mention

    private func knownNames(_ s: Sentence, _ known: [(tokens: [String], local: Int)]) -> [Mention] {
        var out: [Mention] = []
        guard !known.isEmpty else { return out }
        let lower = s.tokens.map { NameMatcher.singular($0.lower) }
        let byFirst = Dictionary(grouping: known.filter { !$0.tokens.isEmpty }, by: { $0.tokens[0] })
        var i = 0
        while i < lower.count {
            var best: (len: Int, local: Int)?
            for k in byFirst[lower[i]] ?? [] where i + k.tokens.count <= lower.count {
                if Array(lower[i..<(i + k.tokens.count)]) == k.tokens, k.tokens.count > (best?.len ?? 0) {
                    best = (k.tokens.count, k.local)
                }
            }
            if let b = best {
                let r = i..<(i + b.len)
                var m = makeMention(s, r, head: nil, type: .feature, generic: false, proper: false)
                m.local = b.local
                out.append(m)
                i += b.len
            } else {
                i += 1
            }
        }
        return out
    }

    /// "Gala-wise, …" names the topic of what follows.
    private func wiseTopics(_ s: Sentence) -> [Mention] {
        s.tokens.indices.compactMap { i in
            let t = s.tokens[i]
            guard t.lower.hasSuffix("-wise"), t.lower.count > 6 else { return nil }
            let stem = String(t.text.dropLast(5))
            let lemma = NameMatcher.singular(stem.lowercased())
            var m = makeMention(s, i..<(i + 1), head: Lexicon.heads[lemma] != nil ? lemma : nil,
                                type: Lexicon.heads[lemma] ?? .feature, generic: Lexicon.heads[lemma] != nil, proper: false)
            m.name = stem
            m.isFragment = true
            return m
        }
    }

    private func gerundPhrases(_ s: Sentence) -> [Mention] {
        var out: [Mention] = []
        for (i, t) in s.tokens.enumerated() {
            let afterTrigger = i > 0 && Lexicon.verbNounTriggers.contains(s.tokens[i - 1].lower)
            guard let noun = Lexicon.gerundNouns[t.lower] ?? (afterTrigger ? Lexicon.verbNouns[t.lower] : nil) else { continue }
            var j = i + 1
            while j < s.tokens.count, Lexicon.determiners.contains(s.tokens[j].lower) { j += 1 }
            var k = j
            while k < s.tokens.count, k - j < 3, isNameWord(s, k) { k += 1 }
            guard k > j else { continue }
            let object = s.tokens[j..<k].map(\.text).joined(separator: " ")
            var m = makeMention(s, i..<k, head: noun, type: Lexicon.heads[noun] ?? .project, generic: false, proper: false)
            m.name = object + " " + noun
            m.aliases = [object]
            out.append(m)
        }
        return out
    }

    private func headPhrases(_ s: Sentence) -> [Mention] {
        var out: [Mention] = []
        var i = 0
        while i < s.tokens.count {
            let t = s.tokens[i]
            let lemma = NameMatcher.singular(t.lower)
            guard !t.isPunctuation, let type = Lexicon.heads[lemma] else { i += 1; continue }
            if i > 0, Self.verbBlockers.contains(s.tokens[i - 1].lower) { i += 1; continue }
            // "Finance reviews it next week": a head word taking an object is a verb.
            if i + 1 < s.tokens.count, Self.objectWords.contains(s.tokens[i + 1].lower), t.lower != lemma || i == 0 { i += 1; continue }
            var heads = [lemma]
            var end = i + 1
            while end < s.tokens.count, !s.tokens[end].isPunctuation {
                let next = NameMatcher.singular(s.tokens[end].lower)
                if Lexicon.headExtensions.contains(next) || (Lexicon.heads[next] != nil && !Self.likelyVerb(s.tokens[end].lower)
                    && !(end + 1 < s.tokens.count && Lexicon.determiners.contains(s.tokens[end + 1].lower))) { heads.append(next); end += 1; continue }
                if end == i + 1, NameMatcher.isVersion(s.tokens[end].lower) { end += 1; continue }
                if Self.versionHeads.contains(lemma), end == i + 1, s.tokens[end].isCapitalized,
                   !people.isPerson(s.tokens[end].lower), !Lexicon.stopwords.contains(s.tokens[end].lower) { end += 1; continue }
                break
            }
            // "the onboarding screens": a head noun followed by another noun is a modifier.
            if end < s.tokens.count, isNameWord(s, end), !Self.likelyVerb(s.tokens[end].lower),
               !Self.referenceNouns.contains(s.tokens[end].lower),
               Lexicon.heads[NameMatcher.singular(s.tokens[end].lower)] == nil { i = end; continue }
            var start = i
            while start > 0, i - start < 4, isModifier(s, start - 1) { start -= 1 }
            while start < i, Lexicon.genericAdjectives.contains(s.tokens[start].lower) { start += 1 }
            let isPlural = t.lower != lemma
            var generic = start == i && end == i + 1
            // "Excavation for the annex", "migration of the billing system": a bare head
            // named by what follows is the "annex excavation".
            if generic, end + 1 < s.tokens.count, ["for", "of"].contains(s.tokens[end].lower) {
                var a = end + 1
                while a < s.tokens.count, Lexicon.determiners.contains(s.tokens[a].lower) { a += 1 }
                var b = a
                while b < s.tokens.count, b - a < 3, isNameWord(s, b), !Self.likelyVerb(s.tokens[b].lower),
                      Lexicon.heads[NameMatcher.singular(s.tokens[b].lower)] == nil { b += 1 }
                if b > a, b == s.tokens.count || !isNameWord(s, b) {
                    var m = makeMention(s, i..<b, head: lemma, type: type, generic: false, proper: false)
                    m.name = s.tokens[a..<b].map(\.text).joined(separator: " ") + " " + t.lower
                    m.aliases = [s.tokens[i..<b].map(\.text).joined(separator: " ")]
                    out.append(m)
                    i = b
                    generic = false
                    continue
                }
            }
            if generic {
                let before = i > 0 ? s.tokens[i - 1].lower : ""
                // "the migration" points back; "a migration" or "migrations" do not.
                let definite = Lexicon.definiteDeterminers.contains(before) || Lexicon.genericAdjectives.contains(before)
                    && i > 1 && Lexicon.definiteDeterminers.contains(s.tokens[i - 2].lower)
                if !definite || isPlural { i = end; continue }
            }
            var m = makeMention(s, start..<end, head: heads.last!, type: Lexicon.heads[heads.last!] ?? type, generic: generic, proper: false)
            m.aliases = []
            out.append(m)
            i = end
        }
        return out
    }

    private func properNames(_ s: Sentence) -> [Mention] {
        var out: [Mention] = []
        let firstContent = s.tokens.firstIndex { !$0.isPunctuation } ?? 0
        var i = 0
        while i < s.tokens.count {
            guard isProperWord(s, i) else { i += 1; continue }
            var end = i + 1
            while end < s.tokens.count, isProperWord(s, end) || (s.tokens[end].lower.contains(where: \.isNumber) && !s.tokens[end].isPunctuation && !NameMatcher.isVersion(s.tokens[end].lower)) {
                end += 1
            }
            // "Legal", "Security": a team on its own is not a name of work ("Customer 360" is).
            if end - i == 1, Lexicon.teamWords.contains(s.tokens[i].lower) { i = end; continue }
            let atStart = i == firstContent || (i >= 2 && s.tokens[i - 1].text == "," && people.isPerson(s.tokens[i - 2].lower))
            if atStart, end - i < 2, !capitalisedElsewhere.contains(s.tokens[i].lower) { i = end; continue }
            if s.tokens[i].text.count < 2 { i = end; continue }
            out.append(makeMention(s, i..<end, head: nil, type: .project, generic: false, proper: true))
            i = end
        }
        return out
    }

    private func versions(_ s: Sentence) -> [Mention] {
        s.tokens.indices.filter { NameMatcher.isVersion(s.tokens[$0].lower) }.map { i in
            var m = makeMention(s, i..<(i + 1), head: nil, type: .release, generic: false, proper: false)
            m.name = "Release " + s.tokens[i].text
            m.aliases = [s.tokens[i].text]
            return m
        }
    }

    /// "Offline." / "And offline?" / "Jordan, card freeze." — the last clause alone names a topic.
    private func fragment(_ s: Sentence) -> Mention? {
        guard isShortVerbless(s) else { return nil }
        var end = s.tokens.count
        while end > 0, s.tokens[end - 1].isPunctuation { end -= 1 }
        var start = end
        while start > 0, !s.tokens[start - 1].isClauseBoundary { start -= 1 }
        while start < end, SentenceSplitter.discourse.contains(s.tokens[start].lower) || Lexicon.determiners.contains(s.tokens[start].lower)
                || ["speaking", "first", "next", "on", "about", "re", "regarding"].contains(s.tokens[start].lower) {
            start += 1
        }
        while end > start, ["first", "next", "then", "again", "too", "please", "now"].contains(s.tokens[end - 1].lower) { end -= 1 }
        guard end > start, end - start <= 4 else { return nil }
        for k in start..<end where !isNameWord(s, k) { return nil }
        if StatusCues.matches(in: s).contains(where: { $0.range.overlaps(start..<end) }) { return nil }
        guard !Lexicon.nonTopics.contains(s.tokens[end - 1].lower) else { return nil }
        let lemma = NameMatcher.singular(s.tokens[end - 1].lower)
        // "Gala." alone is the gala already known, not a new thing called "Gala".
        var m = makeMention(s, start..<end, head: Lexicon.heads[lemma] != nil ? lemma : nil,
                            type: Lexicon.heads[lemma] ?? .feature, generic: end - start == 1 && Lexicon.heads[lemma] != nil, proper: false)
        m.isFragment = true
        return m
    }

    // MARK: - Word tests

    /// Short sentences without a finite verb ("Good news on Hollis.", "Crash reporting?").
    func isShortVerbless(_ s: Sentence) -> Bool {
        let content = s.tokens.filter { !$0.isPunctuation }
        let verbs: Set<String> = ["is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did",
                                  "will", "would", "can", "could", "should", "it's", "that's", "we're", "i'm", "i've",
                                  "we've", "they're", "i'll", "we'll", "'s", "want", "need", "think", "know", "got"]
        return content.count <= 7 && !content.contains { verbs.contains($0.lower) || $0.lower.hasSuffix("ed") && $0.lower.count > 4 }
    }

    private func isNameWord(_ s: Sentence, _ k: Int) -> Bool {
        let t = s.tokens[k]
        if t.isPunctuation || people.isPerson(t.lower) { return false }
        if Lexicon.stopwords.contains(t.lower) || Self.numberWords.contains(t.lower) { return false }
        if Lexicon.teamWords.contains(t.lower) && t.lower.count < 4 { return false }
        if Lexicon.capitalisedNonNames.contains(t.lower) { return false }
        if t.lower.hasSuffix("'s") || t.lower.hasSuffix("ly") { return false }
        return t.lower.contains(where: { $0.isLetter || $0.isNumber })
    }

    private func isModifier(_ s: Sentence, _ k: Int) -> Bool {
        let t = s.tokens[k]
        // "Q3 budget", "2027 plan": quarters and years name which one.
        if t.lower.count == 2, t.lower.first == "q", t.lower.last?.isNumber == true { return true }
        if t.lower.count == 4, t.lower.allSatisfy(\.isNumber) { return true }
        guard isNameWord(s, k) || NameMatcher.isVersion(t.lower) else { return false }
        if Lexicon.capitalisedNonNames.contains(t.lower), !t.lower.hasPrefix("q") { return false }
        if !t.isCapitalized, t.lower.hasSuffix("ed"), t.lower.count > 4 { return false }
        if Lexicon.gerundNouns[t.lower] != nil { return false }
        // "we're targeting store submission": an -ing word after a subject is a verb.
        if t.lower.hasSuffix("ing"), k > 0, Self.verbBlockers.contains(s.tokens[k - 1].lower)
            || (k > 0 && ["is", "are", "was", "were", "be", "been", "am"].contains(s.tokens[k - 1].lower)) { return false }
        return true
    }

    private func isProperWord(_ s: Sentence, _ k: Int) -> Bool {
        let t = s.tokens[k]
        guard !t.isPunctuation, t.isCapitalized else { return false }
        let l = t.lower
        if Lexicon.stopwords.contains(l) || Lexicon.capitalisedNonNames.contains(l) { return false }
        if people.isPerson(l) || l.hasSuffix("'s") || Lexicon.nonTopics.contains(l) { return false }
        // All-capital short words are mostly acronyms of tools (API, SDK, PIN); an acronym
        // counts once the text introduces it next to its name.
        if t.text.count <= 5, t.text.allSatisfy({ $0.isUppercase || $0.isNumber }), !t.text.contains(where: \.isNumber) { return false }
        return l.contains(where: \.isLetter)
    }

    private func makeMention(_ s: Sentence, _ r: Range<Int>, head: String?, type: EntityType, generic: Bool, proper: Bool) -> Mention {
        var k = r.lowerBound - 1
        while k >= 0, Lexicon.determiners.contains(s.tokens[k].lower) || Lexicon.genericAdjectives.contains(s.tokens[k].lower) { k -= 1 }
        // "half of the Customer 360 tables": an of-phrase belongs to the noun before it.
        let firstWord = s.tokens.firstIndex { !$0.isPunctuation && !SentenceSplitter.discourse.contains($0.lower) }
        // "On the radiology lease, we agreed …": an opening preposition marks the topic.
        let prepositional = k >= 0 && Lexicon.prepositions.contains(s.tokens[k].lower) && s.tokens[k].lower != "of" && k != firstWord
        let name = s.tokens[r].map(\.text).joined(separator: " ")
        return Mention(range: r, name: name, head: head, type: type, isGeneric: generic, isProper: proper,
                       isPrepositional: prepositional, preposition: prepositional ? s.tokens[k].lower : nil,
                       isSubordinate: s.subordinate[r.lowerBound])
    }

    /// Builds a mention for the words a status phrase says something about, when no
    /// other rule found them ("Push is stuck" → "Push").
    func phrase(_ s: Sentence, _ r: Range<Int>, asSubject: Bool = false) -> Mention? {
        guard !r.isEmpty, r.allSatisfy({ isNameWord(s, $0) && !Self.likelyVerb(s.tokens[$0].lower) }) else { return nil }
        // "Finance reviews it": a team and a verb, not a name ("design tokens" after a verb is fine).
        if asSubject, Lexicon.teamWords.contains(s.tokens[r.lowerBound].lower),
           r.count == 1 || s.tokens[r.upperBound - 1].lower.hasSuffix("s")
            || Lexicon.heads[NameMatcher.singular(s.tokens[r.upperBound - 1].lower)] == nil { return nil }
        if !asSubject, r.count == 1, Lexicon.teamWords.contains(s.tokens[r.lowerBound].lower) { return nil }
        guard !Lexicon.nonTopics.contains(s.tokens[r.upperBound - 1].lower) else { return nil }
        let lemma = NameMatcher.singular(s.tokens[r.upperBound - 1].lower)
        let isHead = Lexicon.heads[lemma] != nil
        // A lone plural ("invitations went out") is a kind of thing, not one thing.
        if r.count == 1, !isHead, lemma != s.tokens[r.lowerBound].lower, !capitalisedElsewhere.contains(s.tokens[r.lowerBound].lower) { return nil }
        return makeMention(s, r, head: isHead ? lemma : nil, type: Lexicon.heads[lemma] ?? .feature,
                           generic: isHead && r.count == 1, proper: false)
    }
}
