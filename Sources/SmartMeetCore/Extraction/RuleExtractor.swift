import Foundation

/// The offline extractor: reads a transcript sentence by sentence, finds the things it
/// names, the status phrases and whom each phrase is about (the subject, the object,
/// or the topic under discussion), and keeps for each thing its status at the end of
/// the meeting. It only reads the meeting itself, so the same file always yields the
/// same extraction, whatever else is in the store.
public struct RuleExtractor: Extractor {
    public init() {}

    public func extract(_ transcript: Transcript) -> MeetingExtraction {
        var run = ExtractionRun(transcript)
        return run.run()
    }
}

private struct StateEvent {
    let state: EntityState
    let strength: Int
    let sentence: Int
    let order: Int
    let evidence: String
    let turn: Int
}

private struct ExtractionRun {
    let transcript: Transcript
    let people: PeopleDirectory
    let finder: MentionFinder
    let meetingDate: CalendarDay
    var entities = MeetingEntities()
    var topic: Int?
    var topicTurn = Int.min / 2
    var topicSpeaker = ""
    var states: [Int: [StateEvent]] = [:]
    var owners: [Int: [(name: String, explicit: Bool, order: Int)]] = [:]
    var dues: [Int: [(day: CalendarDay, order: Int)]] = [:]
    var order = 0
    var sentenceCount = 0
    var recentProper: (local: Int, turn: Int)?
    var pending: (events: [(Int, CueMatch, String)], speaker: String, turn: Int)?

    /// Topic carries over this many turns; after that a pronoun is too far from its noun.
    static let topicReach = 6

    /// Notes name people without a speaker label ("Notes by Pete", "Marco says …",
    /// "Farah's question"): such names are people, not work.
    private static let personPatterns = [
        #"\b(?:by|except|from|ask|asked|told|tell|ping|thank|thanks|with|and|cc) ([A-Z][a-z]{2,})\b"#,
        #"(?<![A-Z][A-Za-z]{0,20} )\b([A-Z][a-z]{2,}) (?:says|said|asked|wants|thinks|thought|suggested|mentioned|joined|agreed|noted|reported|proposed|explained|confirmed|promised)\b"#,
        #"\b([A-Z][a-z]{2,})'s (?:question|idea|point|suggestion|numbers|team|proposal|update|concern)\b"#,
        #"\(([A-Z][a-z]{2,})\)"#,
        #"(?:^|\. )([A-Z][a-z]{2,}): [\"“]"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    init(_ t: Transcript) {
        transcript = t
        var directory = PeopleDirectory(t.people)
        for turn in t.turns {
            let text = ((turn.section.map { $0 + ". " } ?? "") + turn.text).replacingOccurrences(of: "’", with: "'")
            let ns = text as NSString
            for p in Self.personPatterns {
                for m in p.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                    let name = ns.substring(with: m.range(at: 1))
                    let l = name.lowercased()
                    if !Lexicon.stopwords.contains(l), !Lexicon.teamWords.contains(l), !Lexicon.capitalisedNonNames.contains(l),
                       Lexicon.heads[l] == nil, !Lexicon.nonTopics.contains(l) {
                        directory.add(name)
                    }
                }
            }
        }
        people = directory
        meetingDate = CalendarDay(iso: t.date) ?? CalendarDay(year: 2000, month: 1, day: 1)!
        var caps = Set<String>()
        for turn in t.turns {
            for s in SentenceSplitter.split(turn: turn) {
                let first = s.tokens.firstIndex { !$0.isPunctuation } ?? 0
                for (i, tok) in s.tokens.enumerated() where i > first && tok.isCapitalized && !tok.isPunctuation {
                    if i > 0, s.tokens[i - 1].isPunctuation, [":", "—"].contains(s.tokens[i - 1].text) { continue }
                    caps.insert(tok.lower)
                }
            }
        }
        finder = MentionFinder(people: people, capitalisedElsewhere: caps)
    }

    mutating func run() -> MeetingExtraction {
        var lastSection: String?
        var previousSpeaker: String?
        for turn in transcript.turns {
            if turn.speaker == Turn.unknownSpeaker, turn.section == nil || turn.section != lastSection {
                // A new note bullet starts its own topic.
                topic = nil
            }
            if let section = turn.section, section != lastSection {
                lastSection = section
                let heading = Turn(index: turn.index, speaker: Turn.unknownSpeaker, text: section + ".")
                for s in SentenceSplitter.split(turn: heading) {
                    var mentions = finder.find(in: s, known: entities.surfaceForms)
                    if mentions.isEmpty, let m = finder.phrase(s, contentRange(s)) { mentions = [m] }
                    if let m = mentions.first {
                        let local = entities.register(m, turn: turn.index, recentProper: nil)
                        setTopic(local, turn: turn.index)
                    }
                }
            }
            let sentences = SentenceSplitter.split(turn: turn)
            confirmPendingQuestion(turn: turn, first: sentences.first)
            for s in sentences { process(s, previousSpeaker: previousSpeaker) }
            if turn.speaker != previousSpeaker { previousSpeaker = turn.speaker }
        }
        return assemble()
    }

    private func contentRange(_ s: Sentence) -> Range<Int> {
        let idx = s.tokens.indices.filter { !s.tokens[$0].isPunctuation }
        guard let a = idx.first, let b = idx.last, b - a < 4 else { return 0..<0 }
        return a..<(b + 1)
    }

    private mutating func setTopic(_ local: Int, turn: Int, speaker: String = "") {
        topic = local
        topicTurn = turn
        topicSpeaker = speaker
    }

    private func topicIfRecent(_ turn: Int, strength: Int = 3) -> Int? {
        // A hint travels less far than a statement: "halfway" three turns later is small talk.
        let reach = strength >= 3 ? Self.topicReach : strength == 2 ? 2 : 1
        guard let t = topic, turn - topicTurn <= reach else { return nil }
        return t
    }

    // MARK: - One sentence

    private mutating func process(_ s: Sentence, previousSpeaker: String?) {
        sentenceCount += 1
        var mentions = finder.find(in: s, known: entities.surfaceForms)
        let proper = recentProper.flatMap { $0.turn == s.turnIndex ? $0.local : nil }
        for i in mentions.indices {
            mentions[i].local = entities.register(mentions[i], turn: s.turnIndex, recentProper: mentions[i].isProper ? nil : proper)
            if mentions[i].isProper, !mentions[i].isSubordinate { recentProper = (mentions[i].local, s.turnIndex) }
        }
        // A status word inside a name ("the freeze button") is not a status; a name inside a
        // longer phrase ("can't do anything on the migration until") is what it is about.
        let cues = StatusCues.matches(in: s).filter { cue in
            !mentions.contains { $0.range.contains(cue.range.lowerBound) || $0.range.contains(cue.range.upperBound - 1) }
        }
        var attributed: [Int] = []
        var objectOnly = Set<Int>()
        if !s.isHypothetical {
            for cue in cues {
                guard isAsserted(cue, in: s) else {
                    if Self.trace { FileHandle.standardError.write(Data("    not asserted: \(cue.cue.state)@\(cue.range)\n".utf8)) }
                    continue
                }
                guard let target = findTarget(cue, s, &mentions) else {
                    if Self.trace { FileHandle.standardError.write(Data("    no target: \(cue.cue.state)@\(cue.range)\n".utf8)) }
                    continue
                }
                if s.isQuestion && !cue.cue.allowedInQuestion {
                    stash(target, cue, s)
                    continue
                }
                if s.isQuestion && cue.cue.allowedInQuestion && !mentions.contains(where: { $0.local == target }) { continue }
                record(target, cue, evidence: s.text, turn: s.turnIndex)
                attributed.append(target)
                // "Procurement signed the support renewal": what another party did to a side
                // item does not change what we are talking about; "we restarted X" does.
                if cue.cue.state != .proposed, let m = mentions.first(where: { $0.local == target }), m.range.lowerBound > cue.range.lowerBound,
                   topicIfRecent(s.turnIndex) != nil, topic != target, !startsWithPeopleSubject(s, before: cue.range.lowerBound) {
                    objectOnly.insert(target)
                }
            }
            assignOwners(s, mentions: mentions, attributed: attributed, previousSpeaker: previousSpeaker)
            assignDues(s, mentions: mentions, attributed: attributed)
        }
        updateTopic(s, mentions: mentions, attributed: attributed.filter { !objectOnly.contains($0) })
        if Self.trace {
            let names = mentions.map { "\($0.name)\($0.isProper ? "/P" : "")\($0.isGeneric ? "/G" : "")\($0.isPrepositional ? "/PP" : "")" }
            FileHandle.standardError.write(Data("[\(s.turnIndex)] \(s.text)\n    mentions=\(names) cues=\(cues.map { "\($0.cue.state.rawValue)@\($0.range.lowerBound)" }) attributed=\(attributed.map { entities.all[$0].name }) topic=\(topic.map { entities.all[$0].name } ?? "-")\n".utf8))
        }
    }

    /// `SMARTMEET_TRACE=1 smartmeet extract FILE` shows how each sentence was read.
    static let trace = ProcessInfo.processInfo.environment["SMARTMEET_TRACE"] != nil

    private mutating func updateTopic(_ s: Sentence, mentions: [Mention], attributed: [Int]) {
        if s.isHypothetical { return }
        if let last = attributed.last { setTopic(last, turn: s.turnIndex, speaker: s.speaker); return }
        // "It would make dark mode easier": the pronoun is the topic, the name an object.
        let opener = s.tokens.first { !$0.isPunctuation && !SentenceSplitter.discourse.contains($0.lower) }?.lower ?? ""
        if Self.pronounSubjects.contains(opener), topicIfRecent(s.turnIndex) != nil, !mentions.contains(where: { $0.isFragment }) {
            topicTurn = s.turnIndex
            return
        }
        if let f = mentions.first(where: { $0.isFragment && !$0.isSubordinate }) { setTopic(f.local, turn: s.turnIndex); return }
        if let m = mentions.first(where: { !$0.isPrepositional && !$0.isSubordinate && !$0.isProper && !entities.all[$0.local].isGeneric }) {
            setTopic(m.local, turn: s.turnIndex)
        } else if let m = mentions.first(where: { !$0.isPrepositional && !$0.isSubordinate && $0.isProper }),
                  topicSpeaker != s.speaker || topic == nil {
            // A name a new speaker brings up takes over the topic; a speaker who set the
            // topic is still talking about it when naming a tool or partner in passing.
            setTopic(m.local, turn: s.turnIndex, speaker: s.speaker)
        } else if let m = mentions.first(where: { !$0.isSubordinate && !$0.isProper && !entities.all[$0.local].isGeneric }) {
            setTopic(m.local, turn: s.turnIndex)
        } else if let m = mentions.first(where: { !$0.isSubordinate }), topicIfRecent(s.turnIndex) == nil {
            setTopic(m.local, turn: s.turnIndex)
        }
    }

    // MARK: - Is the phrase asserted?

    private static let negators: Set<String> = ["not", "never", "no", "nothing", "nobody", "none", "without", "hardly"]
    private static let modals: Set<String> = ["would", "could", "might", "may", "should", "must", "wouldn't", "couldn't",
                                              "shouldn't", "we'd", "they'd", "it'd", "want", "wants", "wanted", "hope",
                                              "hoping", "need", "needs", "expect", "wish", "if", "whether"]
    private static let hedges: Set<String> = ["say", "call", "think", "guess", "bet", "imagine"]

    private func isAsserted(_ cue: CueMatch, in s: Sentence) -> Bool {
        let start = cue.range.lowerBound
        if s.subordinate[start] { return false }
        if cue.cue.selfContained { return true }
        let clause = s.clause[start]
        var k = start - 1
        var distance = 0
        while k >= 0, s.clause[k] == clause, distance < 5 {
            let w = s.tokens[k].lower
            if Self.negators.contains(w) || (w.hasSuffix("n't") && w != "won't" || w == "won't") { return false }
            if cue.cue.allowsModal { k -= 1; distance += 1; continue }
            if distance < 4, Self.modals.contains(w) { return false }
            if distance < 4, w == "i'd" || w == "'d", !(k + 1 < s.tokens.count && Self.hedges.contains(s.tokens[k + 1].lower)) { return false }
            if distance == 0, w == "to" { return false }
            if distance < 4, ["plan", "planning", "plans", "aim", "aiming", "going"].contains(w),
               k + 1 < s.tokens.count, s.tokens[k + 1].lower == "to", !cue.cue.allowsModal { return false }
            k -= 1
            distance += 1
        }
        return true
    }

    // MARK: - Whom is the phrase about?

    private static let skippable: Set<String> = ["still", "now", "fully", "finally", "officially", "already", "basically",
        "just", "also", "really", "totally", "completely", "actually", "pretty", "is", "are", "was", "were", "'s", "been",
        "has", "have", "had", "be", "got", "get", "getting", "went", "looking", "look", "looks", "definitely", "probably",
        "honestly", "kind", "sort", "of", "a", "bit", "little", "more", "or", "less", "mostly", "largely", "all", "very",
        "being", "gone", "seems", "seem", "feels", "officially", "clearly", "then", "so", "again", "back"]
    private static let pronounSubjects: Set<String> = ["it", "that", "this", "one", "it's", "that's", "this's", "they", "it’s", "which", "thing", "one's", "that'll", "it'll"]
    private static let peopleSubjects: Set<String> = ["i", "we", "you", "i'm", "we're", "you're", "i've", "we've", "i'll", "we'll", "he", "she", "they're", "us"]

    private mutating func findTarget(_ cue: CueMatch, _ s: Sentence, _ mentions: inout [Mention]) -> Int? {
        let start = cue.range.lowerBound
        let clause = s.clause[start]
        var k = start - 1
        while k >= 0, s.clause[k] == clause, Self.skippable.contains(s.tokens[k].lower), !isMentionEnd(k, mentions) { k -= 1 }
        var subject: String? = (k >= 0 && s.clause[k] == clause && !s.tokens[k].isPunctuation) ? s.tokens[k].lower : nil
        // "one" is a pronoun only as "that one"; "One more idea" is not about the topic.
        if subject == "one", !(k > 0 && ["that", "this", "the", "which"].contains(s.tokens[k - 1].lower)) { subject = "a" }
        // The object may follow a colon or dash: "Random idea while we're here: biometric login."
        let apposition = cue.cue.objectFirst && s.tokens.indices.first { $0 > start && s.clause[$0] == clause + 1 && [":", "—"].contains(s.tokens[$0].text) } != nil
        let object = mentions.first { m in m.range.upperBound > start && !m.isSubordinate
            && (s.clause[m.range.lowerBound] == clause || (apposition && s.clause[m.range.lowerBound] == clause + 1))
            // "from the old system" is not what a hint is about; "on the migration" can be.
            && (!entities.all[m.local].isGeneric || (cue.cue.strength >= 2 && (m.preposition == nil || m.preposition == "on"))) }
        if cue.cue.objectFirst, let o = object, o.range.lowerBound >= cue.range.upperBound - 1 { return o.local }
        if let m = mentions.last(where: { $0.range.upperBound <= start && s.clause[$0.range.lowerBound] == clause
                                          && !$0.isPrepositional && !$0.isSubordinate }) {
            return m.local
        }
        if let sub = subject, Self.pronounSubjects.contains(sub) {
            // "Which worries me for 4.2": a relative pronoun hands the phrase to what follows.
            if sub == "which", let o = object { return o.local }
            // "On the scheduling app, … so it's parked": the pronoun points at the name
            // the sentence opened with.
            if let m = mentions.last(where: { $0.range.upperBound <= start && !$0.isSubordinate && !$0.isPrepositional }) { return m.local }
            // "…pulled the plug on the terrace, it's out of scope": a name in an earlier
            // clause of the sentence, even after a preposition, is nearer than the topic.
            if let m = mentions.last(where: { $0.range.upperBound <= start && !$0.isSubordinate && s.clause[$0.range.lowerBound] < clause }) { return m.local }
            return topicIfRecent(s.turnIndex, strength: cue.cue.strength)
        }
        if cue.cue.objectFirst, let o = object { return o.local }
        // "I'm writing the staffing plan now" while the pilot is discussed: a hint about a
        // part of the topic is news about the topic.
        if cue.cue.strength == 1, cue.cue.state == .in_progress, let o = object, o.range.lowerBound > start, entities.all[o.local].turns.count == 1,
           entities.all[o.local].turns.first == s.turnIndex, let t = topicIfRecent(s.turnIndex, strength: 2), t != o.local {
            return t
        }
        if let sub = subject, !Self.peopleSubjects.contains(sub), !Lexicon.teamWords.contains(sub), !people.isPerson(sub) {
            var a = k
            while a > 0, s.clause[a - 1] == clause, start - a < 4, !s.tokens[a - 1].isPunctuation,
                  !Lexicon.stopwords.contains(s.tokens[a - 1].lower), !people.isPerson(s.tokens[a - 1].lower) { a -= 1 }
            let before = a > 0 ? s.tokens[a - 1] : nil
            // Bare names ("Card freeze is underway") are names; "the install planning" is a
            // description unless its head is a unit of work.
            let hasHead = Lexicon.heads[NameMatcher.singular(s.tokens[k].lower)] != nil
            // A speaker moving on to a new item names it with "the" too ("The pricing page is
            // out the door"), but not while answering about a topic someone else raised.
            let newItem = topic == nil || (topicSpeaker == s.speaker && topicTurn < s.turnIndex)
            let atClauseStart = before == nil || before!.isPunctuation || SentenceSplitter.discourse.contains(before!.lower)
                || ((hasHead || newItem) && Lexicon.definiteDeterminers.contains(before!.lower)) || Self.conjunctions.contains(before!.lower)
            if atClauseStart, cue.cue.strength >= 2, (k + 1 - a >= 2 || cue.cue.strength >= 3), let m = finder.phrase(s, a..<(k + 1), asSubject: true) {
                // "Steel frame?" — "Steel erection is ongoing": an answer may name the thing
                // asked about differently; a shared leading word keeps it the same thing.
                if let t = topicIfRecent(s.turnIndex, strength: 2), topicSpeaker != s.speaker,
                   let lead = NameMatcher.contentTokens(m.name).first, Lexicon.heads[lead] == nil,
                   entities.all[t].words.contains(lead) {
                    return t
                }
                return registerNew(m, s, &mentions)
            }
        }
        if let o = object { return o.local }
        if cue.cue.state == .proposed || cue.cue.objectFirst {
            var a = cue.range.upperBound
            while a < s.tokens.count, Lexicon.determiners.contains(s.tokens[a].lower) || Lexicon.genericAdjectives.contains(s.tokens[a].lower)
                    || ["about", "into", "on", "us", "for"].contains(s.tokens[a].lower) || Self.proposalVerbs.contains(s.tokens[a].lower) { a += 1 }
            var b = a
            while b < s.tokens.count, b - a < 4, !s.tokens[b].isPunctuation, !Lexicon.stopwords.contains(s.tokens[b].lower),
                  !people.isPerson(s.tokens[b].lower) { b += 1 }
            // The proposal ends at punctuation, or at a preposition after a short name
            // ("floated solar panels on the roof").
            let ends = b == s.tokens.count || s.tokens[b].isPunctuation || (b - a <= 3 && Lexicon.prepositions.contains(s.tokens[b].lower))
            if b > a, ends, let m = finder.phrase(s, a..<b) {
                return registerNew(m, s, &mentions)
            }
        }
        // "we're unblocked" in a clause of its own is about the topic, not another clause's object.
        let peopleSubject = subject.map { Self.peopleSubjects.contains($0) } ?? false
        if let m = mentions.last(where: { $0.range.upperBound <= start && !$0.isSubordinate && !$0.isPrepositional
                                          && (!peopleSubject || opensClause($0, s)) }) { return m.local }
        if let sub = subject, Lexicon.teamWords.contains(sub) { return nil }
        // "One more idea from me." announces what the next sentence names.
        if cue.cue.state == .proposed, cue.cue.objectFirst, !s.isLastInTurn { return nil }
        return topicIfRecent(s.turnIndex, strength: cue.cue.strength)
    }

    private static let conjunctions: Set<String> = ["since", "because", "and", "as", "after", "when", "once", "now", "that", "but", "while"]
    private static let proposalVerbs: Set<String> = ["consider", "considering", "think", "thinking", "about", "look", "looking",
        "into", "explore", "exploring", "approach", "approaching", "try", "trying", "build", "building", "do", "doing", "add",
        "adding", "start", "starting", "revisit", "revisiting", "bring", "get", "move", "introduce", "introducing", "create",
        "creating", "set", "setting", "up", "launch", "launching", "run", "running", "have", "having", "make", "making", "a", "an"]

    /// True when the mention is the first thing its clause names (its subject).
    private func opensClause(_ m: Mention, _ s: Sentence) -> Bool {
        let c = s.clause[m.range.lowerBound]
        var k = m.range.lowerBound - 1
        while k >= 0, s.clause[k] == c, Lexicon.determiners.contains(s.tokens[k].lower) || SentenceSplitter.discourse.contains(s.tokens[k].lower) { k -= 1 }
        return k < 0 || s.clause[k] != c || s.tokens[k].isPunctuation
    }

    private func startsWithPeopleSubject(_ s: Sentence, before index: Int) -> Bool {
        var k = index - 1
        while k >= 0, Self.skippable.contains(s.tokens[k].lower) { k -= 1 }
        return k >= 0 && Self.peopleSubjects.contains(s.tokens[k].lower)
    }

    private func isMentionEnd(_ k: Int, _ mentions: [Mention]) -> Bool {
        mentions.contains { $0.range.upperBound - 1 == k }
    }

    private mutating func registerNew(_ m: Mention, _ s: Sentence, _ mentions: inout [Mention]) -> Int {
        var m = m
        m.local = entities.register(m, turn: s.turnIndex, recentProper: nil)
        mentions.append(m)
        mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
        return m.local
    }

    // MARK: - Recording

    private mutating func record(_ target: Int, _ cue: CueMatch, evidence: String, turn: Int) {
        order += 1
        states[target, default: []].append(StateEvent(state: cue.cue.state, strength: cue.cue.strength, sentence: sentenceCount,
                                                      order: order, evidence: evidence, turn: turn))
    }

    private mutating func stash(_ target: Int, _ cue: CueMatch, _ s: Sentence) {
        if pending?.turn != s.turnIndex { pending = ([], s.speaker, s.turnIndex) }
        pending?.events.append((target, cue, s.text))
    }

    private static let affirmatives: Set<String> = ["yes", "yeah", "yep", "yup", "correct", "exactly", "right", "afraid",
                                                    "definitely", "absolutely", "indeed", "sadly", "unfortunately"]

    private mutating func confirmPendingQuestion(turn: Turn, first: Sentence?) {
        defer { pending = nil }
        guard let p = pending, p.speaker != turn.speaker, turn.index == p.turn + 1,
              let word = first?.tokens.first(where: { !$0.isPunctuation })?.lower, Self.affirmatives.contains(word) else { return }
        for (target, cue, evidence) in p.events {
            record(target, cue, evidence: evidence + " " + (first?.text ?? ""), turn: turn.index)
        }
    }

    private mutating func assignOwners(_ s: Sentence, mentions: [Mention], attributed: [Int], previousSpeaker: String?) {
        for claim in OwnerFinder.claims(in: s, people: people) {
            let name: String?
            switch claim.who {
            case .speaker: name = s.speaker == Turn.unknownSpeaker ? nil : s.speaker
            case .addressee:
                let prev = previousSpeaker == s.speaker ? nil : previousSpeaker
                name = OwnerFinder.addressee(in: s, people: people, previousSpeaker: prev)
            case .named(let n): name = n
            }
            guard let owner = name, owner != Turn.unknownSpeaker else { continue }
            let target: Int?
            if claim.needsObject {
                target = mentions.first(where: { $0.range.lowerBound >= claim.position && !$0.isSubordinate })?.local
            } else if claim.pronoun {
                target = attributed.first ?? topicIfRecent(s.turnIndex, strength: claim.explicit ? 3 : 1)
            } else {
                target = mentions.first(where: { $0.range.lowerBound >= claim.position && !$0.isSubordinate })?.local
                    ?? mentions.last(where: { !$0.isSubordinate })?.local ?? attributed.first ?? topicIfRecent(s.turnIndex)
            }
            guard let t = target else { continue }
            order += 1
            owners[t, default: []].append((people.fullName(owner), claim.explicit, order))
        }
    }

    private mutating func assignDues(_ s: Sentence, mentions: [Mention], attributed: [Int]) {
        for found in DueDateFinder.find(in: s, meetingDate: meetingDate) {
            let clause = s.clause[found.range.lowerBound]
            let sameClause = mentions.filter { s.clause[$0.range.lowerBound] == clause && !$0.isSubordinate }
            let target = attributed.first
                ?? sameClause.last(where: { $0.range.upperBound <= found.range.lowerBound })?.local
                ?? sameClause.first?.local
                ?? topicIfRecent(s.turnIndex)
                ?? mentions.first(where: { !$0.isSubordinate })?.local
            guard let t = target else { continue }
            order += 1
            dues[t, default: []].append((found.day, order))
        }
    }

    // MARK: - Result

    private func assemble() -> MeetingExtraction {
        var result = MeetingExtraction(people: people.fullNames)
        var index: [Int: Int] = [:]
        for (local, events) in states.sorted(by: { $0.key < $1.key }) {
            guard let chosen = Self.finalState(events) else { continue }
            let e = entities.all[local]
            if index[local] == nil {
                result.entities.append(ExtractedEntity(name: e.name, type: e.type, aliases: e.aliases, anchor: e.anchor,
                                                       isGeneric: e.isGeneric, turnIndices: e.turns))
                index[local] = result.entities.count - 1
            }
            let ownerList = owners[local] ?? []
            let owner = ownerList.last(where: { $0.explicit })?.name ?? ownerList.last?.name
            let due = dues[local]?.last?.day.iso
            result.states.append(ExtractedState(entity: index[local]!, state: chosen.state, owner: owner, due: due,
                                                evidence: String(chosen.evidence.prefix(300)), turnIndex: chosen.turn))
        }
        return result
    }

    /// Within a sentence the strongest phrase wins; across the meeting the last
    /// statement wins, and a mere hint counts only when nothing stronger was said.
    private static func finalState(_ events: [StateEvent]) -> StateEvent? {
        var perSentence: [StateEvent] = []
        for e in events {
            if let last = perSentence.last, last.sentence == e.sentence {
                if e.strength >= last.strength { perSentence[perSentence.count - 1] = e }
            } else {
                perSentence.append(e)
            }
        }
        let definite = perSentence.filter { $0.strength >= 2 }
        guard var chosen = definite.last ?? perSentence.last else { return nil }
        // "Leadership paused it … nothing moves until the review": a deliberate pause
        // explains the wait that follows; the thing is on hold, not blocked.
        if chosen.state == .blocked, let pause = definite.last(where: { $0.state == .on_hold }),
           !definite.contains(where: { $0.order > pause.order && ![.blocked, .on_hold].contains($0.state) }) {
            chosen = pause
        }
        return chosen
    }
}
