import Foundation

/// A noun phrase judged able to name a piece of work, with the name it would carry.
struct NamedThing: Sendable {
    /// "Bramley Road depot relocation", "status page", "Driftwood".
    var name: String
    /// Other ways the phrase put it ("relocation of the Bramley Road depot", "the arm thing").
    var aliases: [String]
    /// Lowercase content words, singular.
    var words: [String]
    var head: String
    var type: EntityType
    /// Contains a name (capitalised, or unknown to the dictionary): a product, client or codename.
    var isProper: Bool
    /// One ordinary dictionary noun ("the migration", "budget", "design"): it can point
    /// back to a named thing, but needs strong evidence to be a thing of its own.
    var isLoneCommon: Bool
    /// Very frequent English nouns ("cost", "time", "design") never stand alone as names.
    var isGenericWord: Bool
    /// Said with "the", "this", "that" or a possessive: it points at something known.
    var isDefinite = false
    /// Only a name ("Riverside Hall", "Alder Bank", "Quarry"): a counterparty or product,
    /// which a deal can be named after.
    var isBareName = false
}

/// Decides whether a noun phrase can name a piece of work and what to call it. The test is
/// grammatical and lexical, not a list of head nouns: the head must be a noun whose usual
/// meaning (WordNet's lexicographer file) is a kind of thing, act, event, document,
/// possession or place — never a person, a time, a quantity, a feeling or a body part —
/// and names are never pronouns, numbers, fillers or people.
struct EntityNamer: Sendable {
    let wordNet: WordNet?
    let isPerson: @Sendable (String) -> Bool

    /// Kinds of meaning a piece of work can have.
    private static let workFiles: Set<String> = ["noun.act", "noun.artifact", "noun.communication", "noun.event",
        "noun.possession", "noun.location", "noun.object", "noun.substance", "noun.process", "noun.group",
        "noun.cognition", "noun.phenomenon", "noun.state", "noun.attribute", "noun.food", "noun.Tops"]
    /// Kinds that never are: who, when, how much, how it feels.
    private static let nonWorkFiles: Set<String> = ["noun.person", "noun.time", "noun.quantity", "noun.feeling", "noun.body",
                                                    "noun.animal", "noun.plant", "noun.motive", "noun.relation", "noun.shape"]
    /// Words for when work is due, not for work: "the target", "the deadline".
    static let scheduleWords: Set<String> = ["target", "deadline", "date", "timeline", "timescale", "schedule", "eta", "timing",
                                             "timeframe", "due", "window", "slot"]

    /// Nouns that stand for "the thing" or "that matter" without naming anything.
    static let placeholders: Set<String> = ["thing", "things", "stuff", "one", "ones", "bit", "bits", "piece", "part", "side",
        "lot", "kind", "sort", "type", "way", "point", "question", "issue", "topic", "item", "matter", "idea", "update",
        "news", "status", "plan", "end", "rest", "number", "numbers", "time", "day", "week", "today", "everyone", "guy",
        "guys", "people", "folks", "team", "meeting", "call", "agenda", "minute", "minutes", "second", "sec", "moment",
        "problem", "problems", "answer", "fact", "reason", "case", "option", "options", "chance", "sense", "deal", "idea"]

    /// Words that make a number an amount: "point five", "euro fifty", "ten percent".
    static let amountWords: Set<String> = ["point", "euro", "euros", "cent", "cents", "pound", "pounds", "dollar", "dollars",
                                           "percent", "per", "half", "quarter", "and", "k"]

    /// Nouns that add nothing to the name before them: "the rabbit thing", "the arm bit".
    /// After a name, "people", "folks", "guys" mean the organisation: "the Riverside Hall people".
    static let emptyHeads: Set<String> = ["thing", "things", "stuff", "one", "ones", "bit", "bits", "piece", "side", "lot",
                                          "kind", "sort", "type", "way", "business", "people", "folks", "guys", "crowd"]

    /// `asLabel`: the phrase is put up front as the item under discussion ("luis. spring",
    /// a heading): then even a word that usually names a time or a food names the item.
    func name(_ np: NounPhrase, in s: ParsedSentence, asLabel: Bool = false) -> NamedThing? {
        let w = s.words
        guard !np.isPronoun else { return nil }
        var range = np.nameRange
        // "the rabbit thing", "the arm thing": an empty head after a name is dropped (but a
        // "hiring plan" or a "login issue" is a plan and an issue).
        while range.count > 1, Self.emptyHeads.contains(w[range.upperBound - 1].lower) {
            range = range.lowerBound..<(range.upperBound - 1)
        }
        while range.count > 1, PhraseFinder.describingAdjectives.contains(w[range.lowerBound].lower) {
            range = (range.lowerBound + 1)..<range.upperBound
        }
        // "a ten minute job", "the two week sprint", "a five mile run": a number and a unit
        // measure the thing; they are no part of its name, which is what is left.
        if range.count > 1, range.lowerBound > 0, w[range.lowerBound - 1].tag == .num || FunctionWords.isNumber(w[range.lowerBound - 1].lower),
           let f = headFile(w[range.lowerBound]), f == "noun.time" || f == "noun.quantity" {
            range = (range.lowerBound + 1)..<range.upperBound
        }
        // Recogniser text runs names together: "wes driftwood", "ilse postgres", "ty ana
        // toast", "suppression guy thurs". People and days are not part of a thing's name;
        // keep the longest stretch without them.
        func isBreak(_ i: Int) -> Bool {
            let x = w[i].lower
            return isPerson(x) || FunctionWords.weekdays.contains(x) || FunctionWords.weekdays.contains(NameMatcher.singular(x))
                || (FunctionWords.months.contains(x) && x != "may")
                || x == "today" || x == "tomorrow" || x == "tonight" || x == "yesterday"
        }
        var best = range.lowerBound..<range.lowerBound
        var start = range.lowerBound
        for i in range.lowerBound...range.upperBound {
            if i == range.upperBound || isBreak(i) {
                if i - start > best.count { best = start..<i }
                start = i + 1
            }
        }
        if best.count < range.count { range = best }
        guard !range.isEmpty else { return nil }
        let content = range.filter { !w[$0].isPunct }
        guard let headIndex = content.last else { return nil }
        let head = w[headIndex]
        // A version ("4.2") names a release; other numbers and dates name nothing.
        let isVersion = content.count == 1 && head.lower.contains(".") && head.lower.split(separator: ".").allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        if !isVersion, content.allSatisfy({ isPerson(w[$0].lower) || w[$0].tag == .num }) { return nil }
        if content.allSatisfy({ w[$0].tag == .adj }) { return nil }
        // "Item 4.", "agenda item six", "chapter two": a numbered place in an agenda or a
        // document, not a piece of work (see WordNet.isPartLabel).
        if !isVersion, content.count >= 2, let wn = wordNet, FunctionWords.isNumber(head.lower) || head.tag == .num,
           wn.isPartLabel(w[content[content.count - 2]].lower) { return nil }
        if !isVersion, content.allSatisfy({ FunctionWords.isNumber(w[$0].lower) || w[$0].tag == .num || FunctionWords.months.contains(w[$0].lower)
                                || FunctionWords.weekdays.contains(w[$0].lower) }) { return nil }
        if content.contains(where: { FunctionWords.fillers.contains(w[$0].lower) || FunctionWords.backchannels.contains(w[$0].lower) && content.count == 1 }) { return nil }
        if content.count == 1, Self.placeholders.contains(head.lower) || Self.placeholders.contains(NameMatcher.singular(head.lower)) { return nil }
        // "one idea", "a random thought", "the big problem": only described, never named.
        if Self.placeholders.contains(NameMatcher.singular(head.lower)),
           content.dropLast().allSatisfy({ w[$0].tag == .adj || w[$0].tag == .num }) { return nil }
        // A single word that the dictionary knows, but not as a noun ("Anyway", "Maybe",
        // "Basically", "Say", "Finished"), names nothing, whatever its capital.
        if content.count == 1, let wn = wordNet, wn.lemmas(head.lower, .noun).isEmpty, !wn.senses(head.lower).isEmpty || FunctionWords.all.contains(head.lower)
            || FunctionWords.commonAdverbs.contains(head.lower) || FunctionWords.discourseMarkers.contains(head.lower) {
            return nil
        }
        if content.contains(where: { w[$0].lower.count == 1 && !w[$0].lower.first!.isNumber }) && content.count <= 2,
           !content.contains(where: { w[$0].tag == .propn && w[$0].lower.count > 1 }) { return nil }
        let proper = isVersion || content.contains { w[$0].tag == .propn } || content.contains { isUnknown(w[$0]) }
        let lexfile = headFile(head)
        // A modified head may be read in a less frequent sense: the "evening clinic pilot"
        // is a trial, not an aviator.
        let workSense = content.count > 1 && wordNet.map { wn in
            wn.senses(head.lemma.isEmpty ? head.lower : head.lemma, .noun).contains { !Self.nonWorkFiles.contains(LexicalFile.names[Int($0.lexfile)]) }
        } == true
        if !proper, !asLabel, !workSense, let f = lexfile, Self.nonWorkFiles.contains(f) { return nil }
        if asLabel, let f = lexfile, f == "noun.person" { return nil }
        if content.count == 1, Self.scheduleWords.contains(head.lower) { return nil }
        // "point five", "euro fifty", "euros": an amount is not a thing.
        if content.allSatisfy({ FunctionWords.isNumber(w[$0].lower) || Self.amountWords.contains(w[$0].lower) }) { return nil }
        if let wn = wordNet {
            // "redesigning" alone: an act with nothing it is done to, and no noun of its own.
            if content.count == 1, head.lower.hasSuffix("ing"), wn.lemmas(head.lower, .noun).isEmpty, !wn.lemmas(head.lower, .verb).isEmpty { return nil }
            // "requiremen", "spea": a word the speaker broke off, one or two letters short
            // of a dictionary word. (Capitals-only words are acronyms.)
            if content.contains(where: { i in
                let x = w[i]
                return x.lower.count >= 4 && x.lower.allSatisfy(\.isLetter) && x.text != x.text.uppercased() && wn.senses(x.lower).isEmpty
                    && wn.lemmas(x.lower, .noun).isEmpty && !isPerson(x.lower) && wn.isPrefixOfLongerWord(x.lower, within: 2)
            }) { return nil }
        }
        // Councils, committees, teams and departments act; they are not the work.
        // ("Full Council", "Legal Services", "the board"; but an "evening clinic" is a thing to run.)
        if lexfile == "noun.group", content.count <= 3, !content.contains(where: { isUnknown(w[$0]) }),
           content.dropLast().allSatisfy({ w[$0].tag == .propn || w[$0].tag == .adj }) { return nil }
        if proper, content.count == 1, isPerson(head.lower) { return nil }
        func bare(_ x: String) -> String { x.lowercased().hasSuffix("-wise") && x.count > 6 ? String(x.dropLast(5)) : x }
        let words = content.map { NameMatcher.singular(bare(w[$0].lower)) }
        var text = content.map { bare(w[$0].text) }.joined(separator: " ")
        var aliases: [String] = []

        if let p = np.possessor, !p.isEmpty {
            let owner = p.map { w[$0].text }.joined(separator: " ")
            aliases.append(owner + "'s " + text)
        }
        // "relocation of the Bramley Road depot" is the "Bramley Road depot relocation".
        var resultWords = words
        if !proper, let (ofPhrase, ofWords) = ofComplement(np, s), lexfile == "noun.act" || lexfile == "noun.event" || head.lower.hasSuffix("ing") {
            aliases.append(text + " of " + ofPhrase)
            text = ofPhrase + " " + text
            resultWords = ofWords + words
        }
        let lone = resultWords.count == 1 && !proper
        let generic = lone && isFrequent(head.lemma.isEmpty ? head.lower : head.lemma)
        return NamedThing(name: Self.display(text), aliases: aliases, words: resultWords, head: NameMatcher.singular(head.lower),
                          type: type(of: head, lexfile: lexfile), isProper: proper, isLoneCommon: lone, isGenericWord: generic,
                          isDefinite: np.determiner.map { FunctionWords.definiteDeterminers.contains($0) } ?? false,
                          isBareName: content.allSatisfy { w[$0].tag == .propn })
    }

    /// "relocation of the Bramley Road depot", "excavation for the annex": what the act is done to.
    private func ofComplement(_ np: NounPhrase, _ s: ParsedSentence) -> (String, [String])? {
        let w = s.words
        let after = np.range.upperBound
        guard after + 1 < w.count, ["of", "for", "to", "on"].contains(w[after].lower),
              let next = s.phrases.first(where: { $0.range.lowerBound == after + 1 }), !next.isPronoun,
              !next.nameRange.allSatisfy({ isPerson(w[$0].lower) }) else { return nil }
        let content = next.nameRange.filter { !w[$0].isPunct }
        guard !content.isEmpty, content.count <= 4 else { return nil }
        if let f = headFile(w[next.head]), ["noun.time", "noun.quantity", "noun.person"].contains(f), !content.contains(where: { w[$0].tag == .propn }) { return nil }
        if content.contains(where: { FunctionWords.weekdays.contains(w[$0].lower) || FunctionWords.months.contains(w[$0].lower) || isPerson(w[$0].lower) }) { return nil }
        return (content.map { w[$0].text }.joined(separator: " "), content.map { NameMatcher.singular(w[$0].lower) })
    }

    private func isUnknown(_ x: Word) -> Bool {
        guard let wn = wordNet, x.tag == .noun || x.tag == .propn else { return false }
        return x.lower.count > 2 && wn.senses(x.lemma.isEmpty ? x.lower : x.lemma).isEmpty && wn.senses(x.lower).isEmpty
            && !FunctionWords.all.contains(x.lower) && x.lower.allSatisfy { $0.isLetter || $0 == "-" }
    }

    func headFile(_ head: Word) -> String? {
        guard let wn = wordNet else { return nil }
        let lemma = head.lemma.isEmpty ? head.lower : head.lemma
        guard let sense = wn.senses(lemma, .noun).first ?? wn.senses(head.lower, .noun).first else { return nil }
        return LexicalFile.names[Int(sense.lexfile)]
    }

    /// A one-word name that cannot stand alone for a piece of work: an everyday word
    /// ("colour", "channels", "luck"), a word mostly used as something other than a noun
    /// ("say", "maybe"), a function word, or a fragment of two or three letters that is not
    /// an acronym ("Wi", "Ye", "Sh"). It may still point back at a known thing.
    /// A name written with a capital ("Toast", "Marrow") is a name even when the word is an
    /// everyday one; only fragments and function words are weak then.
    func isWeakSingleName(_ name: String, isProper: Bool = false) -> Bool {
        let words = name.split(separator: " ")
        guard words.count == 1, let word = words.first else { return false }
        let text = String(word)
        let lower = text.lowercased()
        let acronym = text.count >= 2 && text == text.uppercased() && text.contains { $0.isLetter }
        if acronym { return false }
        if text.count <= 3 { return true }
        if FunctionWords.all.contains(lower) || FunctionWords.commonAdverbs.contains(lower) || FunctionWords.discourseMarkers.contains(lower)
            || SpeechCleaner.isFiller(lower) || FunctionWords.isNumber(lower) { return true }
        guard let wn = wordNet else { return false }
        let nounLemmas = wn.lemmas(lower, .noun)
        if isProper {
            if nounLemmas.isEmpty { return wn.senses(lower).isEmpty && wn.isPrefixOfLongerWord(lower) && lower.count <= 7 }
            // "Listening", "Taking": a capital at a sentence's start on a word that is mostly a verb.
            let noun = nounLemmas.map { wn.weight($0, .noun) }.max() ?? 0
            let verb = wn.lemmas(lower, .verb).map { wn.weight($0, .verb) }.max() ?? 0
            if lower.hasSuffix("ing"), noun * 3 < verb { return true }
            // Capitals in transcribed speech are unreliable; a capitalised everyday word
            // ("Expertise", "Graphics") is a name only if WordNet knows it as one.
            return !nounLemmas.contains(where: { wn.isProperName($0) }) && nounLemmas.contains { isFrequent($0) }
        }
        let noun = nounLemmas.map { wn.weight($0, .noun) }.max() ?? 0
        let other = [WordClass.verb, .adjective, .adverb].map { cls in wn.lemmas(lower, cls).map { wn.weight($0, cls) }.max() ?? 0 }.max() ?? 0
        if noun == 0 { return other > 0 || (wn.isPrefixOfLongerWord(lower) && lower.count <= 7) }
        if noun * 3 < other { return true }
        if nounLemmas.contains(where: { wn.isProperName($0) }) { return false }
        // Any lemma it may be of that is an everyday noun: "channels" is also "channel".
        return nounLemmas.contains { lemma in
            let senses = wn.senses(lemma, .noun)
            return isFrequent(lemma) || senses.reduce(0) { $0 + Int($1.count) } >= 3
        }
    }

    /// Frequent in WordNet's tagged texts: "cost", "design", "time", "standard" are everyday
    /// words that name nothing on their own.
    func isFrequent(_ lemma: String) -> Bool {
        guard let wn = wordNet else { return true }
        let nouns = wn.senses(lemma, .noun)
        // Frequent in tagged text, or with many meanings ("colour", "centre", "case").
        return nouns.reduce(0) { $0 + Int($1.count) } >= 5 || nouns.count >= 4
    }

    private func type(of head: Word, lexfile: String?) -> EntityType {
        if let t = Self.typeHints[NameMatcher.singular(head.lower)] { return t }
        switch lexfile {
        case "noun.act", "noun.process": return .project
        case "noun.event": return .project
        case "noun.communication": return .document
        case "noun.possession": return .budget
        case "noun.artifact": return .system
        default: return .project
        }
    }

    /// Heads whose kind of work WordNet's broad classes do not tell apart.
    private static let typeHints: [String: EntityType] = [
        "contract": .deal, "deal": .deal, "agreement": .deal, "sponsorship": .deal, "partnership": .deal, "lease": .deal,
        "renewal": .deal, "tender": .deal, "bid": .document, "negotiation": .deal, "grant": .deal, "insurance": .deal,
        "feature": .feature, "mode": .feature, "button": .feature, "display": .feature, "page": .feature, "screen": .feature,
        "release": .release, "launch": .release, "version": .release, "beta": .release, "menu": .release,
        "budget": .budget, "funding": .budget, "pot": .budget, "programme": .budget, "forecast": .budget,
        "report": .document, "proposal": .document, "policy": .document, "handbook": .document, "manuscript": .document,
        "thesis": .document, "paper": .document, "revision": .document, "case": .document, "permit": .document,
        "audit": .task, "review": .task, "drill": .task, "repair": .task, "study": .task, "evaluation": .task,
        "claim": .task, "submission": .task, "clearance": .task, "evidence": .task, "renewal_task": .task,
    ]

    /// Names read in lowercase recogniser text get a capital, as a person would write them.
    static func display(_ text: String) -> String {
        guard let f = text.first, f.isLowercase else { return text }
        return f.uppercased() + text.dropFirst()
    }
}
