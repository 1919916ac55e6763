import Foundation

/// A noun phrase: what a clause can be about.
struct NounPhrase: Sendable {
    /// Every word of the phrase, determiners included.
    var range: Range<Int>
    /// The words that name something: no determiner, quantifier or describing adjective.
    var nameRange: Range<Int>
    var head: Int
    var determiner: String?
    var isPronoun: Bool
    /// Contains a capitalised name ("Riverside Hall", "Dalton opening").
    var isProper: Bool
    /// "Anh's thesis": the possessor's words.
    var possessor: Range<Int>?
}

/// Verbs, auxiliaries, modals, negation and particles that make one predicate.
struct VerbGroup: Sendable {
    var range: Range<Int>
    /// The main verb, or the copula when there is no other verb.
    var main: Int
    /// The predicate's dictionary form; a phrasal verb WordNet lists is joined ("call_off").
    var lemma: String
    var particle: Int?
    var negated: Bool
    /// "could", "would", "might", "should", "will", "must", "can", "going to", "have to", "want to", "need to".
    var modal: String?
    var isPassive: Bool
    var isProgressive: Bool
    var isPerfect: Bool
    var isCopula: Bool
    var isImperative: Bool
}

/// Finds noun phrases and verb groups in a tagged sentence.
enum PhraseFinder {
    /// Adjectives that describe or place rather than name: dropped from the edge of a
    /// name ("the new portal" is "portal"). Relative and evaluative adjectives are a closed,
    /// small set in English.
    static let describingAdjectives: Set<String> = [
        "new", "old", "big", "small", "whole", "first", "last", "next", "final", "quick", "proper", "full", "current",
        "same", "other", "second", "third", "main", "real", "entire", "little", "huge", "major", "minor", "own",
        "overall", "initial", "actual", "existing", "upcoming", "previous", "latest", "basic", "simple", "certain",
        "particular", "various", "different", "nice", "great", "good", "bad", "additional", "extra", "further",
        "separate", "single", "original", "updated", "revised", "possible", "potential", "usual", "such", "more",
        "most", "some", "many", "much", "few", "several", "any", "every", "each", "both", "all", "only", "just",
        "important", "key", "critical", "urgent", "specific", "general", "overall", "obvious", "right", "wrong",
        "best", "better", "worse", "worst", "whole", "huge", "tiny", "long", "short", "early", "late", "recent",
        "likely", "unlikely", "sure", "certain", "ready", "fine", "okay", "ok", "interesting", "exciting", "tricky",
        "difficult", "easy", "hard", "fun", "cool", "awesome", "annoying", "silly", "crazy", "weird", "strange",
        "draft", "proposed", "interim", "provisional", "planned", "agreed", "approved", "suggested", "preliminary",
    ]

    static func nounPhrases(_ w: [Word]) -> [NounPhrase] {
        var out: [NounPhrase] = []
        var i = 0
        while i < w.count {
            let t = w[i]
            if t.tag == .pron, !["which", "what", "who", "how", "where", "when", "why"].contains(t.lower) || t.lower == "which" {
                out.append(NounPhrase(range: i..<(i + 1), nameRange: i..<(i + 1), head: i, determiner: nil, isPronoun: true,
                                      isProper: false, possessor: nil))
                i += 1
                continue
            }
            guard canStart(w, i) else { i += 1; continue }
            var j = i
            var determiner: String?
            while j < w.count, w[j].tag == .det || w[j].tag == .poss && w[j].lower != "'s" {
                determiner = determiner ?? w[j].lower
                j += 1
            }
            let bodyStart = j
            var head: Int?
            var possessor: Range<Int>?
            while j < w.count {
                let x = w[j]
                // A person's name begins or ends a phrase: "ana toast" in notes is Ana, then
                // the toast; "Ana Lucero" stays whole, "Anh's thesis" joins below.
                if j > bodyStart, w[j].isPersonName != w[j - 1].isPersonName, w[j].isNounLike, w[j - 1].isNounLike { break }
                if x.tag == .noun || x.tag == .propn || x.tag == .num || x.tag == .adj || isModifierVerb(w, j) {
                    // English adjectives come before the noun: "ideas next week" is two phrases.
                    if x.tag == .adj, head != nil { break }
                    if x.tag == .num, head != nil, !isNameNumber(w, j) { break }
                    if x.tag == .noun || x.tag == .propn || x.tag == .num { head = j }
                    if x.tag == .adj || isModifierVerb(w, j) {
                        // An adjective or participle only belongs if a noun follows.
                        guard j + 1 < w.count, w[j + 1].tag == .noun || w[j + 1].tag == .propn || w[j + 1].tag == .adj
                              || isModifierVerb(w, j + 1) || w[j + 1].tag == .num else { break }
                    }
                    j += 1
                    continue
                }
                // "Anh's thesis": a possessive joins two phrases.
                if x.tag == .poss, x.lower == "'s", head != nil, j + 1 < w.count, w[j + 1].isNounLike || w[j + 1].tag == .adj {
                    possessor = bodyStart..<j
                    j += 1
                    continue
                }
                // "Hollis & Crane", "R&D", "phase-2".
                if x.isPunct, x.text == "&" || x.text == "/", head != nil, j + 1 < w.count, w[j + 1].isNounLike { j += 1; continue }
                if x.tag == .conj, x.lower == "&", head != nil, j + 1 < w.count, w[j + 1].isNounLike { j += 1; continue }
                break
            }
            guard let h = head else { i = max(i + 1, bodyStart); continue }
            let end = h + 1
            // "Anh's" with nothing after it is a possessor without a possessed thing.
            if let p = possessor, p.upperBound >= h { possessor = nil }
            var nameStart = possessor.map { $0.upperBound + 1 } ?? bodyStart
            while nameStart < h, describingAdjectives.contains(w[nameStart].lower) || w[nameStart].tag == .num && !isNameNumber(w, nameStart) {
                nameStart += 1
            }
            let proper = (bodyStart..<end).contains { w[$0].tag == .propn }
            out.append(NounPhrase(range: i..<end, nameRange: nameStart..<end, head: h, determiner: determiner,
                                  isPronoun: false, isProper: proper, possessor: possessor))
            i = end
        }
        return out
    }

    private static func canStart(_ w: [Word], _ i: Int) -> Bool {
        switch w[i].tag {
        case .det, .poss, .noun, .propn, .adj, .num: return w[i].lower != "'s"
        case .verb: return isModifierVerb(w, i)
        default: return false
        }
    }

    /// "the spinning wheel", "scheduled maintenance", "the working design": a participle
    /// in front of a noun describes it.
    static func isModifierVerb(_ w: [Word], _ i: Int) -> Bool {
        guard w[i].tag == .verb, i + 1 < w.count, w[i + 1].tag == .noun || w[i + 1].tag == .propn else { return false }
        guard w[i].lower.hasSuffix("ing") || w[i].lower.hasSuffix("ed") else { return false }
        if i == 0 { return true }
        let p = w[i - 1].tag
        // "about revamping push notifications": after a preposition an -ing verb is a gerund
        // taking an object, not a describing word.
        if w[i].lower.hasSuffix("ing"), p == .prep || p == .sconj || p == .punct { return false }
        // After a noun only an -ing form compounds ("crash reporting migration"); "the
        // cutover happened friday" is a verb.
        if p == .noun || p == .propn { return w[i].lower.hasSuffix("ing") }
        return p == .det || p == .poss || p == .adj || p == .prep || p == .punct || p == .conj || p == .num
    }

    /// A number that is part of a name ("Postgres 16", "phase 2", "SOC 2", "4.2") rather
    /// than a count ("three dishes").
    static func isNameNumber(_ w: [Word], _ i: Int) -> Bool {
        if i > 0, w[i - 1].isNounLike { return true }
        return w[i].lower.contains(".") && w[i].lower.split(separator: ".").allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    // MARK: - Verb groups

    /// "'s" before "been", "got", or a participle with an object after it, is "has".
    static func contractedHas(_ w: [Word], _ at: Int) -> Bool {
        var k = at + 1
        while k < w.count, w[k].tag == .adv || w[k].tag == .neg { k += 1 }
        guard k < w.count else { return false }
        if ["been", "got", "gotten", "had"].contains(w[k].lower) { return true }
        guard w[k].tag == .verb, !w[k].lower.hasSuffix("ing"), k + 1 < w.count else { return false }
        return [.det, .poss, .pron, .num, .noun].contains(w[k + 1].tag)
    }

    private static let linking: Set<String> = ["be", "seem", "look", "feel", "sound", "get", "become", "stay", "remain", "go", "keep"]

    static func verbGroups(_ w: [Word], wordNet: WordNet?) -> [VerbGroup] {
        var out: [VerbGroup] = []
        var i = 0
        while i < w.count {
            guard [.aux, .modal, .verb, .neg].contains(w[i].tag) || w[i].lower == "to" && w[i].tag == .part
                    || (w[i].tag == .adv && i + 1 < w.count && [.aux, .modal, .verb].contains(w[i + 1].tag)) else { i += 1; continue }
            var j = i
            var negated = false
            var modal: String?
            var sawBe = false, sawHave = false, sawProgressive = false, sawPassive = false
            var main: Int?
            var lastAux: Int?
            var hortative = false
            while j < w.count {
                let x = w[j]
                if x.tag == .neg || (x.tag == .pron && FunctionWords.negators.contains(x.lower) && main == nil && lastAux != nil) { negated = true; j += 1; continue }
                if x.tag == .adv, j + 1 < w.count, [.aux, .modal, .verb, .neg, .adv].contains(w[j + 1].tag) || x.lower.hasSuffix("ly") && w[j + 1].tag != .punct {
                    if main == nil || FunctionWords.commonAdverbs.contains(x.lower) { j += 1; continue }
                }
                if x.tag == .modal { modal = x.lemma; j += 1; lastAux = j - 1; continue }
                if x.tag == .aux {
                    if x.lemma == "be" { sawBe = true } else if x.lemma == "have" { sawHave = true } else if x.lemma == "would" { modal = "would" }
                    // "'s" is "is" or "has": "the scoreboard's cancelled" is passive, "she's
                    // cancelled the order" and "it's been" are perfect (an object follows).
                    if x.lower == "'s" { if Self.contractedHas(w, j) { sawHave = true } else { sawBe = true } }
                    // "is being written": the passive in the progressive, an act under way.
                    if x.lower == "being" { sawProgressive = true }
                    lastAux = j
                    j += 1
                    continue
                }
                if x.tag == .verb {
                    // "let's park it": the speaker decides for the group; the verb after
                    // "let us" is the predicate, said as a command.
                    if x.lemma == "let", main == nil, j + 2 < w.count, w[j + 1].lower == "us", w[j + 2].tag == .verb {
                        hortative = true
                        j += 2
                        continue
                    }
                    // "going to", "have to", "need to", "want to": a modal meaning, then the verb.
                    if ["go", "have", "need", "want", "hope", "plan", "try", "aim", "intend", "expect", "like", "love", "wish"].contains(x.lemma),
                       j + 2 < w.count, w[j + 1].lower == "to", w[j + 1].tag == .part, w[j + 2].tag == .verb || w[j + 2].tag == .aux {
                        modal = x.lemma == "go" ? (x.lower == "going" ? "going to" : modal) : x.lemma + " to"
                        j += 2
                        continue
                    }
                    if x.lower.hasSuffix("ing"), sawBe { sawProgressive = true }
                    // After "be", any verb form but "-ing" is a participle: "is approved", "is green-lit".
                    if sawBe, !x.lower.hasSuffix("ing") { sawPassive = true }
                    main = j
                    j += 1
                    break
                }
                if x.lower == "to", x.tag == .part { j += 1; continue }
                break
            }
            let copula = main == nil && sawBe
            let m = main ?? lastAux ?? -1
            guard m >= 0 else { i = max(j, i + 1); continue }
            var lemma = main != nil ? w[m].lemma : "be"
            var particle: Int?
            // A phrasal verb: "call off", "put it off", "wrap up", "hold up".
            var k = j
            if k < w.count, w[k].tag == .pron, k + 1 < w.count, w[k + 1].tag == .part { k += 1 }
            if main != nil, k < w.count, w[k].tag == .part || w[k].tag == .prep || w[k].tag == .adv,
               let wn = wordNet, wn.contains(lemma + "_" + w[k].lower, .verb) {
                lemma = lemma + "_" + w[k].lower
                particle = k
                if k == j { j += 1 }
            }
            let isImperative = hortative || i == m && modal == nil && !sawBe && (m == 0 || w[m - 1].isPunct || w[m - 1].tag == .intj
                || w[m - 1].tag == .conj) && w[m].lower == w[m].lemma
            let copulaLike = copula || (main != nil && linking.contains(w[m].lemma) && !sawPassive && j < w.count
                                        && (w[j].tag == .adj || w[j].tag == .prep || w[j].tag == .adv || (w[j].tag == .verb && w[j].lower.hasSuffix("ed"))))
            out.append(VerbGroup(range: i..<j, main: m, lemma: copula ? "be" : lemma, particle: particle, negated: negated, modal: modal,
                                 isPassive: sawPassive, isProgressive: sawProgressive, isPerfect: sawHave, isCopula: copulaLike,
                                 isImperative: isImperative))
            i = max(j, i + 1)
        }
        return out
    }
}
