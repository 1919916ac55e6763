import Foundation

/// Gives each word a part of speech and a lemma. Open-class words get the classes WordNet
/// lists for them, weighted by how often each class is used; a handful of context rules
/// (what a determiner, a modal, "to", a subject pronoun or "be" leaves room for) pick one
/// where a word has several ("plan", "display", "walk"). Words WordNet does not know are
/// names when capitalised, and otherwise nouns: recogniser text writes names in lowercase
/// ("driftwood", "loki"), and jargon is nominal far more often than not.
struct Tagger {
    let wordNet: WordNet?

    init(wordNet: WordNet? = WordNet.shared) { self.wordNet = wordNet }

    static func isLightVerb(_ lemma: String) -> Bool { StatusLexicon.lightVerbs.contains(lemma) }

    /// Splits contractions ("we're" → "we" "are") so the grammar sees every word.
    static func expandContractions(_ words: [Word]) -> [Word] {
        var out: [Word] = []
        for w in words {
            if !w.isPunct, let parts = FunctionWords.contractions[w.lower] {
                for (i, p) in parts.enumerated() {
                    var piece = w
                    piece.lower = p
                    piece.text = i == 0 && w.isCapitalized ? p.prefix(1).uppercased() + p.dropFirst() : p
                    out.append(piece)
                }
                continue
            }
            // "Anh's", "loki's": a name with 's is a possessive or a contracted "is"/"has".
            if !w.isPunct, w.lower.hasSuffix("'s"), w.lower.count > 2 {
                var stem = w
                stem.text = String(w.text.dropLast(2))
                stem.lower = String(w.lower.dropLast(2))
                var s = w
                s.text = "'s"
                s.lower = "'s"
                out.append(stem)
                out.append(s)
                continue
            }
            out.append(w)
        }
        return out
    }

    /// Lowercase forms of words the meeting writes with a capital inside a sentence: names,
    /// even where they open one ("Quarry sent a quote" when "Quarry Analytics" is a client).
    var namesInMeeting: Set<String> = []
    /// Lowercase first and last names of the meeting's speakers and attendees.
    var peopleInMeeting: Set<String> = []

    static func capitalisedInside(_ words: [Word]) -> [String] {
        let first = words.firstIndex { !$0.isPunct } ?? 0
        return words.indices.filter { i in
            i > first && words[i].isCapitalized && !words[i].isPunct && words[i].text != "I"
                && !(words[i - 1].isTerminal || words[i - 1].text == ":" || words[i - 1].text == "\"")
                && words[i].text != words[i].text.uppercased() || words[i].text.count >= 2 && words[i].text == words[i].text.uppercased() && i > first
        }.map { words[$0].lower }
    }

    func tag(_ input: [Word]) -> [Word] {
        var words = input
        let first = words.firstIndex { !$0.isPunct } ?? 0
        for i in words.indices {
            words[i].isCapitalizedMidSentence = i > first && words[i].isCapitalized && !words[i].isPunct
                && !(i > 0 && (words[i - 1].isTerminal || words[i - 1].text == ":" || words[i - 1].text == "\""))
                && words[i].text != "I"
            if i == first, words[i].isCapitalized, namesInMeeting.contains(words[i].lower), !FunctionWords.all.contains(words[i].lower) {
                words[i].isCapitalizedMidSentence = true
            }
        }
        for i in words.indices where !words[i].isPunct && peopleInMeeting.contains(words[i].lower) && !FunctionWords.all.contains(words[i].lower) {
            words[i].isPersonName = true
        }
        // "Cllr Baxter", "Mr Lowe", "Dr Okafor": the title is part of the name, so the
        // phrase is one person (as the subject who asked or reported), not a title and then
        // a name. Capitalised only: "we'll miss Ana" has a verb, not a title.
        for i in words.indices.dropLast() where words[i].isCapitalized && PeopleDirectory.titles.contains(words[i].lower) && words[i + 1].isPersonName {
            words[i].isPersonName = true
        }
        for i in words.indices {
            let (tag, lemma) = choose(words, i)
            words[i].tag = tag
            words[i].lemma = lemma
        }
        resolvePossessiveS(&words)
        repairCompounds(&words)
        return words
    }

    /// Noun compounds the left-to-right pass read as verbs: "Card freeze is underway" (a
    /// verb is not followed by "is"), "the Hollis grant report" (a base-form word between
    /// two nouns of one phrase is a noun).
    private func repairCompounds(_ words: inout [Word]) {
        for i in words.indices where words[i].tag == .verb && i > 0 {
            let prev = words[i - 1]
            // "revamping push notifications": a word between a verb and a noun is the noun's modifier.
            if prev.tag == .verb, i + 1 < words.count, words[i + 1].tag == .noun, let wn = wordNet,
               let noun = wn.lemmas(words[i].lower, .noun).first, words[i].lower == noun {
                words[i].tag = .noun
                words[i].lemma = noun
                continue
            }
            guard prev.tag == .noun || prev.tag == .propn, let wn = wordNet else { continue }
            let next = i + 1 < words.count ? words[i + 1] : nil
            let followedByAux = next.map { ($0.tag == .aux && $0.lemma == "be" || $0.tag == .modal) } ?? false
            // "the push revamp is approved": even a word WordNet knows only as a verb.
            if followedByAux, wn.lemmas(words[i].lower, .noun).isEmpty, !words[i].lower.hasSuffix("ed") {
                words[i].tag = .noun
                words[i].lemma = words[i].lower
                continue
            }
            // "Crash reporting?": an -ing word closing a phrase is the activity named.
            if words[i].lower.hasSuffix("ing"), next == nil || next!.isPunct || next!.tag == .prep, !wn.lemmas(words[i].lower, .noun).isEmpty {
                words[i].tag = .noun
                words[i].lemma = words[i].lower
                continue
            }
            guard let noun = wn.lemmas(words[i].lower, .noun).first else {
                // English makes nouns of verbs freely ("the newsletter redesign, is that …"):
                // a bare verb form closing a phrase a determiner opened cannot be a finite
                // verb, since a singular subject would need "-s".
                if Self.closesDeterminerPhrase(words, i), next == nil || next!.isPunct || next!.tag == .prep || next!.tag == .conj,
                   prev.tag == .noun || prev.tag == .propn, !prev.lower.hasSuffix("s"), words[i].lower == words[i].lemma,
                   !words[i].lower.hasSuffix("ed"), !words[i].lower.hasSuffix("ing") {
                    words[i].tag = .noun
                }
                continue
            }
            // "card freeze launched": a base form between a noun and a past-tense verb is a noun.
            let beforePast = next.map { $0.tag == .verb && $0.lower.hasSuffix("ed") && words[i].lower == noun } ?? false
            let betweenNouns = next.map { ($0.tag == .noun || $0.tag == .propn) && words[i].lower == noun } ?? beforePast
                || beforePast
            let version = next.map { $0.tag == .num && $0.lower.contains(".") } ?? false
            // "our Q3 budget request, …": the last word of a phrase that began with a determiner.
            var k = i - 1
            while k > 0, words[k].tag == .noun || words[k].tag == .propn || words[k].tag == .adj || words[k].tag == .num { k -= 1 }
            // Inside a phrase a determiner opened ("the Hollis grant report", "the newsletter
            // redesign"), a word that can be a noun and is not followed by an object is one.
            let nextAllowsNoun = next == nil || next!.isPunct || next!.tag == .prep || next!.tag == .part || next!.tag == .aux || next!.tag == .adv || next!.tag == .modal
                || (next!.tag == .verb && !(wn.lemmas(next!.lower, .noun).isEmpty)) || next!.tag == .noun || next!.tag == .conj
            let phraseEnd = (words[k].tag == .det || words[k].tag == .poss) && nextAllowsNoun
                && (words[i].lower == noun || wn.lemmas(words[i].lower, .noun).first != words[i].lower)
            if followedByAux || betweenNouns || version || phraseEnd {
                words[i].tag = .noun
                words[i].lemma = noun
            }
        }
        // "The onboarding survey is stuck": between a determiner and the verb "be" or a
        // modal there is only a noun phrase, so words read as verbs there are its nouns.
        for k in words.indices where words[k].tag == .det && !["that", "this", "what", "which"].contains(words[k].lower) {
            var j = k + 1
            func finiteVerb(_ x: Word) -> Bool { x.tag == .verb && x.lower != x.lemma && !x.lower.hasSuffix("ing") }
            while j < words.count, [.noun, .propn, .adj, .verb, .num].contains(words[j].tag), !(j > k + 1 && finiteVerb(words[j])) { j += 1 }
            // …and so is what stands before a verb in the past or in "-s": "the install planning kicked off".
            guard j < words.count, j - k >= 2, words[j].tag == .aux && words[j].lemma == "be" || words[j].tag == .modal || finiteVerb(words[j]) else { continue }
            for m in (k + 1)..<j where words[m].tag == .verb && !words[m].lower.hasSuffix("ed") {
                words[m].tag = .noun
                words[m].lemma = wordNet?.lemmas(words[m].lower, .noun).first ?? words[m].lower
            }
            // The phrase ends in its noun: "the evil rollout is …" (a word read as an adjective there).
            if j - k >= 3, words[j - 1].tag == .adj, [.noun, .propn, .num, .adj].contains(words[j - 2].tag) {
                words[j - 1].tag = .noun
                words[j - 1].lemma = words[j - 1].lower
            }
        }
        // "the bank API keeps failing", "it stops working": a verb in "-s" followed by an
        // "-ing" verb is the verb of the sentence, not a plural noun.
        if let wn = wordNet {
            for i in words.indices.dropLast() where i > 0 && words[i].tag == .noun && words[i].lower.hasSuffix("s")
                && (words[i - 1].tag == .noun || words[i - 1].tag == .propn || words[i - 1].tag == .pron) && words[i + 1].lower.hasSuffix("ing") {
                guard let verb = wn.lemmas(words[i].lower, .verb).first, let next = wn.lemmas(words[i + 1].lower, .verb).first else { continue }
                words[i].tag = .verb
                words[i].lemma = verb
                words[i + 1].tag = .verb
                words[i + 1].lemma = next
            }
        }
        // "Radiology lease: the install …": a short label before a colon names the item.
        if let colon = words.firstIndex(where: { $0.text == ":" }), (1...4).contains(colon),
           words[..<colon].allSatisfy({ [.noun, .propn, .adj, .verb].contains($0.tag) }), words[colon - 1].tag == .verb,
           let wn = wordNet, let noun = wn.lemmas(words[colon - 1].lower, .noun).first {
            words[colon - 1].tag = .noun
            words[colon - 1].lemma = noun
        }
        // "until the new rota policy lands": after a subordinator, a phrase with no verb
        // yet ends in its verb.
        for k in words.indices where FunctionWords.subordinators.contains(words[k].lower) {
            var j = k + 1
            while j < words.count, [.det, .adj, .noun, .propn, .num, .poss].contains(words[j].tag) { j += 1 }
            let end = j
            guard end - k >= 3, end == words.count || words[end].isPunct, words[end - 1].tag == .noun,
                  words[end - 1].lower.hasSuffix("s"), !words[end - 1].lower.hasSuffix("ss"),
                  let wn = wordNet, let verb = wn.lemmas(words[end - 1].lower, .verb).first else { continue }
            words[end - 1].tag = .verb
            words[end - 1].lemma = verb
        }
        // "Makes sense.", "Looks good to me", "Needs a second pair of eyes": notes and
        // replies drop the subject; a sentence opening with a word in "-s" that can be a
        // verb, before a noun phrase or an adjective, opens with its verb.
        if let wn = wordNet, let d = words.firstIndex(where: { !$0.isPunct && $0.tag != .intj && $0.tag != .conj }),
           d + 1 < words.count, words[d].tag == .noun || words[d].tag == .propn, words[d].lower.hasSuffix("s"), !words[d].lower.hasSuffix("ss"),
           [.noun, .det, .adj].contains(words[d + 1].tag), d + 2 >= words.count || !words[d + 2].lower.hasSuffix("ing"),
           let verb = wn.lemmas(words[d].lower, .verb).first,
           wn.lemmas(words[d].lower, .noun).isEmpty || wn.weight(verb, .verb) > wn.lemmas(words[d].lower, .noun).map({ wn.weight($0, .noun) }).max() ?? 0 {
            words[d].tag = .verb
            words[d].lemma = verb
        }
        // "That frees budget for …": a demonstrative opening a sentence, then a word in
        // "-s" that can be a verb, is a subject and its verb.
        if let wn = wordNet, let d = words.firstIndex(where: { !$0.isPunct && $0.tag != .intj && $0.tag != .conj }),
           ["that", "this"].contains(words[d].lower), d + 2 < words.count, words[d + 1].tag == .noun,
           words[d + 1].lower.hasSuffix("s"), !words[d + 1].lower.hasSuffix("ss"), [.noun, .det, .adj, .pron, .propn].contains(words[d + 2].tag),
           let verb = wn.lemmas(words[d + 1].lower, .verb).first {
            words[d].tag = .pron
            words[d + 1].tag = .verb
            words[d + 1].lemma = verb
        }
        // "the Lumen 3 rollout for now": a word the dictionary does not know as an
        // adjective, after a name or noun and closing the phrase, is its noun.
        if let wn = wordNet {
            for i in words.indices.dropFirst() where words[i].tag == .adj && [.noun, .propn, .num].contains(words[i - 1].tag)
                && wn.lemmas(words[i].lower, .adjective).isEmpty
                && (i + 1 == words.count || words[i + 1].isPunct || [.prep, .aux, .modal, .conj].contains(words[i + 1].tag)) {
                words[i].tag = .noun
                words[i].lemma = words[i].lower
            }
        }
        // "Okay, push notifications.": a verbless fragment naming a topic.
        let verbs = words.indices.filter { words[$0].tag == .verb || words[$0].tag == .aux || words[$0].tag == .modal }
        if verbs.count == 1, let i = verbs.first, words[i].tag == .verb, i + 1 < words.count,
           words[i + 1].tag == .noun, i == 0 || words[i - 1].isPunct || words[i - 1].tag == .intj,
           words[(i + 1)...].allSatisfy({ $0.isPunct || $0.tag == .noun || $0.tag == .propn }),
           let wn = wordNet, let noun = wn.lemmas(words[i].lower, .noun).first {
            words[i].tag = .noun
            words[i].lemma = noun
        }
        // "Push is stuck": a sentence does not open with a verb followed by "is".
        if let i = words.firstIndex(where: { !$0.isPunct && $0.tag != .intj && $0.tag != .conj }), words[i].tag == .verb,
           i + 1 < words.count, words[i + 1].tag == .aux, words[i + 1].lemma == "be", let wn = wordNet, let noun = wn.lemmas(words[i].lower, .noun).first {
            words[i].tag = .noun
            words[i].lemma = noun
        }
        // "…, Tomás, crash reporting?": a short verbless stretch after the last comma of a
        // question names what is asked about.
        if words.last?.text == "?", let comma = words.lastIndex(where: { $0.text == "," }) {
            let tail = ((comma + 1)..<words.count).filter { !words[$0].isPunct }
            if (1...2).contains(tail.count), tail.allSatisfy({ words[$0].tag == .verb || words[$0].tag == .noun }),
               tail.contains(where: { words[$0].tag == .verb }), let wn = wordNet,
               tail.allSatisfy({ !wn.lemmas(words[$0].lower, .noun).isEmpty }) {
                for i in tail { words[i].tag = .noun; words[i].lemma = wn.lemmas(words[i].lower, .noun).first ?? words[i].lower }
            }
        }
        // "Jordan, push?": a lone word after a name addressed is what is asked about.
        let content = words.indices.filter { !words[$0].isPunct }
        if content.count <= 3, let last = content.last, words[last].tag == .verb, words.last?.text == "?" || words.last?.text == ".",
           content.dropLast().allSatisfy({ words[$0].tag == .propn || words[$0].tag == .conj || words[$0].tag == .intj || words[$0].tag == .noun }),
           let wn = wordNet, let noun = wn.lemmas(words[last].lower, .noun).first {
            words[last].tag = .noun
            words[last].lemma = noun
        }
        // A capitalised word before a version number names a release: "Release 4.2".
        for i in words.indices.dropLast() where words[i].tag == .verb && words[i + 1].tag == .num && words[i + 1].lower.contains(".") {
            words[i].tag = words[i].isCapitalized ? .propn : .noun
            words[i].lemma = words[i].lower
        }
    }

    /// Whether the nouns and modifiers just before `i` were opened by a determiner or a
    /// possessive ("the newsletter …", "our Q3 budget …").
    static func closesDeterminerPhrase(_ words: [Word], _ i: Int) -> Bool {
        var k = i - 1
        while k > 0, words[k].tag == .noun || words[k].tag == .propn || words[k].tag == .adj || words[k].tag == .num { k -= 1 }
        return k >= 0 && k < i - 1 && (words[k].tag == .det || words[k].tag == .poss)
    }

    /// "'s" after a noun is a possessive before another noun ("Anh's thesis") and a verb
    /// otherwise ("loki's got everything", "sock two's fine").
    private func resolvePossessiveS(_ words: inout [Word]) {
        for i in words.indices where words[i].lower == "'s" {
            let next = i + 1 < words.count ? words[i + 1] : nil
            if let n = next, n.tag == .noun || n.tag == .propn || n.tag == .adj && i + 2 < words.count && words[i + 2].isNounLike {
                words[i].tag = .poss
                words[i].lemma = "'s"
            } else {
                let perfect = next.map { $0.lower == "been" || $0.lower == "got" || $0.lower == "gotten" || ($0.tag == .verb && $0.lower.hasSuffix("ed")) } ?? false
                words[i].tag = .aux
                words[i].lemma = perfect ? "have" : "be"
            }
        }
    }

    private func choose(_ words: [Word], _ i: Int) -> (Tag, String) {
        let w = words[i]
        if w.isPunct { return (.punct, w.text) }
        let lower = w.lower
        let prev = i > 0 ? words[i - 1] : nil
        let next = i + 1 < words.count ? words[i + 1] : nil
        if let closed = closedClass(lower, prev: prev, next: next, words: words, i: i) { return closed }
        if FunctionWords.isNumber(lower) || FunctionWords.ordinalWords[lower] != nil && prev?.lower == "the" {
            return (.num, lower)
        }
        if lower.contains(where: \.isNumber) {
            return (lower.first!.isNumber ? .num : .noun, lower)
        }
        // A capitalised word inside a sentence is a name unless WordNet knows it as a
        // common word used that way (a title-cased heading is handled by the caller).
        let options = openClassOptions(lower)
        if w.isCapitalizedMidSentence, w.text != w.text.uppercased() || w.text.count <= 5 {
            return (.propn, lower)
        }
        // A name WordNet knows only as a name, whatever the case ("dalton", "loki").
        if let wn = wordNet, wn.isProperName(lower) { return (.propn, lower) }
        if options.isEmpty {
            // Words the status lexicon adds to WordNet ("green-lit", "descoped", "deprioritised").
            if StatusLexicon.supplement[lower] != nil { return (.verb, lower) }
            if StatusLexicon.nominalSupplement[lower] != nil { return (.adj, lower) }
            if w.isCapitalized && w.text.count > 1 && w.isCapitalizedMidSentence { return (.propn, lower) }
            if lower.hasSuffix("ly") { return (.adv, lower) }
            // Unknown words shaped like adjectives ("upgradable", "multifunctional").
            if ["able", "ible", "ous", "ful", "ive", "less", "ical", "ional", "ish"].contains(where: { lower.hasSuffix($0) && lower.count > $0.count + 3 }) {
                return (.adj, lower)
            }
            if w.isCapitalized && w.text.count > 1 { return (.propn, lower) }
            if lower.hasSuffix("ing") || lower.hasSuffix("ised") || lower.hasSuffix("ized") { return (.verb, lower) }
            return (.noun, lower)
        }
        var weights = options
        let p = prev?.tag
        let pl = prev?.lower ?? ""
        func boost(_ cls: WordClass, _ factor: Double) { if let v = weights[cls] { weights[cls] = v * factor } }
        if p == .det || p == .poss || p == .adj || p == .num || pl == "'s" && prev?.tag == .poss {
            // "the resurfacing of Elm Street": after a determiner an -ing word is the act itself.
            if lower.hasSuffix("ing"), weights[.noun] == nil, p == .det || p == .poss { return (.noun, lower) }
            boost(.verb, 0.05); boost(.noun, 3)
        }
        if p == .modal || pl == "to" && prev?.tag == .part || p == .neg && i >= 2 && [.aux, .modal].contains(words[i - 2].tag) && !FunctionWords.beForms.contains(words[i - 2].lower)
            || pl == "us" && i >= 2 && words[i - 2].lower == "let" || pl == "please" || (p == .aux && FunctionWords.doForms.contains(pl)) {
            boost(.verb, 20); boost(.noun, 0.1)
        }
        // After a preposition comes a noun phrase (or a gerund): "speaking of crashes".
        if p == .prep, !lower.hasSuffix("ing") { boost(.noun, 5); boost(.verb, 0.2) }
        if p == .pron, FunctionWords.subjectPronouns.contains(pl) || pl == "that" || pl == "who" || pl == "which" {
            boost(.verb, 6); boost(.noun, 0.3)
        }
        if p == .aux, FunctionWords.beForms.contains(pl) || FunctionWords.beForms.contains(prev?.lemma ?? "") {
            if lower.hasSuffix("ing") { boost(.verb, 10) } else if lower.hasSuffix("ed") || lower.hasSuffix("en") { boost(.verb, 4); boost(.adjective, 3) }
            boost(.adjective, 3)
        }
        if p == .aux, FunctionWords.haveForms.contains(pl), lower.hasSuffix("ed") || lower.hasSuffix("en") || wordNet?.lemmas(lower, .verb).first != lower {
            boost(.verb, 10)
        }
        if let n = next, n.tag == .unknown, FunctionWords.determiners.contains(n.lower) && n.lower != "that" || FunctionWords.possessives.contains(n.lower)
            || FunctionWords.objectPronouns.contains(n.lower) && n.lower != "you" && n.lower != "it" {
            // A noun phrase does not continue with a determiner: "the team ships the endpoint".
            boost(.verb, p == .noun || p == .propn ? 30 : 3)
        }
        if lower.hasSuffix("ly") { boost(.adverb, 4) }
        // A verb ending in -ing after a noun or at the start of a clause is often a gerund
        // naming an activity ("resurfacing of Elm Street"); keep it a verb, the chunker decides.
        let best = weights.max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }!.key
        let lemma = wordNet?.lemmas(lower, best).first ?? lower
        switch best {
        case .noun: return (.noun, lemma)
        case .verb: return (.verb, lemma)
        case .adjective: return (.adj, lemma)
        case .adverb: return (.adv, lemma)
        }
    }

    /// Class weights for an open-class word: tagged frequency per class, over every lemma
    /// the word could be an inflection of.
    private func openClassOptions(_ lower: String) -> [WordClass: Double] {
        guard let wn = wordNet else { return heuristicOptions(lower) }
        var out: [WordClass: Double] = [:]
        for cls in WordClass.allCases {
            let lemmas = wn.lemmas(lower, cls)
            guard !lemmas.isEmpty else { continue }
            out[cls] = Double(lemmas.map { wn.weight($0, cls) }.max() ?? 1)
        }
        return out
    }

    /// Without WordNet: word shapes only.
    private func heuristicOptions(_ lower: String) -> [WordClass: Double] {
        if lower.hasSuffix("ly") { return [.adverb: 1] }
        if lower.hasSuffix("ing") || lower.hasSuffix("ed") { return [.verb: 2, .adjective: 1, .noun: 1] }
        if lower.hasSuffix("ous") || lower.hasSuffix("ful") || lower.hasSuffix("ive") || lower.hasSuffix("able") { return [.adjective: 1] }
        return [.noun: 2, .verb: 1]
    }

    private func closedClass(_ w: String, prev: Word?, next: Word?, words: [Word], i: Int) -> (Tag, String)? {
        let nl = next?.lower ?? ""
        // "Morning.", "Good afternoon, all": a greeting.
        if ["morning", "afternoon", "evening", "night"].contains(w), words.filter({ !$0.isPunct }).count <= 3,
           (prev == nil || prev!.isPunct || prev!.lower == "good"), next == nil || next!.isPunct || ["all", "everyone", "folks", "team"].contains(nl) {
            return (.intj, w)
        }
        let pl = prev?.lower ?? ""
        switch w {
        case "to":
            // "to" before a verb is the infinitive marker.
            // …unless the next word is far more often a noun ("progressing to programme").
            let nounish = wordNet.map { wn in
                let v = wn.lemmas(nl, .verb).map { wn.weight($0, .verb) }.max() ?? 0
                let n = wn.lemmas(nl, .noun).map { wn.weight($0, .noun) }.max() ?? 0
                return n > 3 * v && (i + 2 >= words.count || words[i + 2].isPunct)
            } ?? false
            if let n = next, !n.isPunct, !FunctionWords.determiners.contains(nl), !FunctionWords.possessives.contains(nl),
               !FunctionWords.isNumber(nl), !FunctionWords.months.contains(nl), !FunctionWords.weekdays.contains(nl),
               wordNet.map({ !$0.lemmas(nl, .verb).isEmpty }) ?? true, !n.isCapitalizedMidSentence, !nounish {
                return (.part, "to")
            }
            return (.prep, "to")
        case "that", "this", "these", "those":
            // "reported that repairs were …": what was said follows.
            if w == "that", let p = prev, p.tag == .verb, ClauseParser.clauseTakingVerbs.contains(p.lemma) { return (.sconj, "that") }
            if w == "that", let p = prev, p.tag == .noun || p.tag == .propn || p.tag == .verb || p.tag == .adj,
               nl == "the" || FunctionWords.subjectPronouns.contains(nl) || FunctionWords.determiners.contains(nl) { return (.sconj, "that") }
            if let n = next, !n.isPunct, !FunctionWords.all.contains(nl) || nl == "one",
               (wordNet?.contains(wordNet?.lemmas(nl, .noun).first ?? nl, .noun) ?? true) && wordNet?.lemmas(nl, .verb).first != nl
                || (next?.isCapitalized ?? false) || nl == "one" {
                return (.det, w)
            }
            return (.pron, w)
        case "so":
            if let n = next, ["much", "many", "far", "good", "bad", "close", "long"].contains(n.lower) { return (.adv, w) }
            return (.sconj, w)
        case "like":
            if pl == "i" || pl == "we" || pl == "you" || pl == "they" || pl == "would" || pl == "'d" || pl == "not" { return (.verb, w) }
            return (.prep, w)
        case "up", "out", "off", "down", "over", "back", "on", "in", "through", "away", "along", "around", "ahead":
            // A particle when it follows a verb and does not start a noun phrase: "call it off",
            // "wrap up", "kick off next week".
            if let p = prev, p.tag == .verb || p.tag == .pron && i >= 2 && words[i - 2].tag == .verb,
               next == nil || next!.isPunct || !(FunctionWords.determiners.contains(nl) || FunctionWords.possessives.contains(nl)) || ["up", "out", "off", "down", "back", "away", "ahead", "along"].contains(w) {
                return (.part, w)
            }
            if FunctionWords.prepositions.contains(w) { return (.prep, w) }
            return (.adv, w)
        case "one", "ones":
            // "a small one", "the blue ones": a noun standing for one named before.
            if let p = prev, p.tag == .det || p.tag == .adj || p.tag == .poss { return (.noun, w) }
            if let n = next, !n.isPunct, n.tag == .unknown, wordNet?.contains(nl, .noun) ?? false { return (.num, w) }
            return (.pron, w)
        case "no":
            if let n = next, !n.isPunct, !FunctionWords.all.contains(nl) || FunctionWords.determiners.contains(nl) && nl == "more" { return (.det, w) }
            return (.neg, w)
        case "will", "can", "may", "must", "might", "shall":
            if w == "may", let n = next, FunctionWords.isNumber(nl) || n.lower.first?.isNumber == true { return (.propn, w) }
            if let p = prev, p.tag == .det || p.tag == .poss || p.tag == .adj { return (.noun, w) }
            return (.modal, w)
        case "have", "has", "had", "'ve":
            // An auxiliary before a participle ("had been approved", "has started"), a verb otherwise.
            if let n = next, n.lower == "been" || n.lower == "got" || n.lower == "not" || n.lower == "n't" || n.lower == "already"
                || n.lower == "just" || n.lower == "never" || n.lower == "still" || (n.lower.hasSuffix("ed") && n.lower.count > 4)
                || (wordNet?.lemmas(n.lower, .verb).first.map { $0 != n.lower } ?? false) && !(wordNet?.contains(n.lower, .noun) ?? false) {
                return (.aux, "have")
            }
            return (.verb, "have")
        case "need", "needs", "want", "wants", "do", "does", "did", "done", "going", "got", "get", "let":
            return nil
        case "right", "well", "fine", "still", "sure", "okay", "ok", "yeah", "yes", "yep", "yup":
            if w == "right" || w == "fine" || w == "sure" || w == "okay" || w == "ok",
               let p = prev, FunctionWords.beForms.contains(p.lower) || p.lower == "'s" || p.lower == "seems" || p.lower == "looks" || p.lower == "sounds" {
                return (.adj, w)
            }
            if ["yeah", "yes", "yep", "yup", "okay", "ok"].contains(w) { return (.intj, w) }
            if w == "still" || w == "well" { return (.adv, w) }
            return nil
        default:
            break
        }
        if FunctionWords.beForms.contains(w) && w != "s" { return (.aux, "be") }
        if FunctionWords.haveForms.contains(w) { return (.aux, w == "'d" ? "would" : "have") }
        // "doing" is never do-support ("we are doing it"): like "done", it is the main verb.
        if FunctionWords.doForms.contains(w) && w != "done" && w != "doing" { return (.aux, "do") }
        if FunctionWords.modals.contains(w) { return (.modal, w == "'ll" ? "will" : w) }
        if w == "not" || w == "n't" || w == "never" { return (.neg, w) }
        if FunctionWords.negators.contains(w) && !FunctionWords.determiners.contains(w) { return (.pron, w) }
        if FunctionWords.possessives.contains(w) {
            if w == "her", next == nil || next!.isPunct || FunctionWords.all.contains(nl) { return (.pron, w) }
            return (.poss, w)
        }
        if FunctionWords.subjectPronouns.contains(w) || FunctionWords.objectPronouns.contains(w)
            || FunctionWords.possessivePronouns.contains(w) || FunctionWords.indefinitePronouns.contains(w) { return (.pron, w) }
        if FunctionWords.whWords.contains(w) { return (.pron, w) }
        if FunctionWords.determiners.contains(w) { return (.det, w) }
        if FunctionWords.coordinators.contains(w) { return (.conj, w) }
        if FunctionWords.subordinators.contains(w) {
            // "before", "after", "since", "until" take noun phrases too.
            if FunctionWords.prepositions.contains(w), let n = next, n.isPunct || FunctionWords.determiners.contains(nl)
                || FunctionWords.possessives.contains(nl) || FunctionWords.isNumber(nl) || FunctionWords.months.contains(nl)
                || FunctionWords.weekdays.contains(nl) || ["then", "now", "today", "tomorrow", "christmas", "launch"].contains(nl) {
                return (.prep, w)
            }
            return (.sconj, w)
        }
        if FunctionWords.prepositions.contains(w) { return (.prep, w) }
        if SpeechCleaner.isFiller(w) || ["oh", "ah", "hey", "hi", "hello", "bye", "thanks", "wow", "ugh", "yay", "whoa", "oops",
                                          "cheers", "sorry", "please", "huh", "hmm", "ooh", "aha", "yay", "okey", "okey-dokey", "amen",
                                          "damn", "fuck", "shit", "crap", "gosh", "jeez", "jesus", "god", "wow", "yikes", "oi", "ta",
                                          "ouch", "phew", "blimey", "meh", "whoops", "eek", "alas", "hooray", "hurrah", "bingo", "voila", "yo",
                                          // chat shorthand for thanks
                                          "ty", "thx", "tx", "tks", "tysm"].contains(w) { return (.intj, w) }
        return nil
    }
}
