import Foundation

/// One statement of status about one thing in one meeting.
struct StatusEvent {
    let state: EntityState
    let strength: Int
    let sentence: Int
    let order: Int
    let evidence: String
    let turn: Int
    /// Said by approving or deciding ("Luis approved it"): no news of the work itself.
    var isApproval = false
}

/// Reads a meeting sentence by sentence and decides whom each status statement is
/// about. What a meeting is "about" at any moment is its topic: set by a heading, by a
/// speaker putting a name up front ("Brennan.", "wes driftwood", "On the rate card —"),
/// by a question ("and the portal?") and by the last thing a status was said of. A
/// statement with a named subject or object goes to that thing — never to the topic,
/// even when the thing is new — and one with a pronoun or no subject goes to the topic.
struct MeetingDiscourse {
    let transcript: Transcript
    let people: PeopleDirectory
    let namer: EntityNamer
    let reader: StatusReader
    let meetingDate: CalendarDay
    let stream: [SentenceStream.Item]

    var entities = LocalEntities()
    var topic: Int?
    var topicSentence = Int.min / 2
    var topicSpeaker = ""
    /// A person named with the topic ("wes driftwood", "luis. spring"): who will report on it.
    var topicReporter: String?
    var events: [Int: [StatusEvent]] = [:]
    var owners: [Int: [(name: String, strength: Int, order: Int)]] = [:]
    var dues: [Int: [(day: CalendarDay, order: Int)]] = [:]
    var order = 0
    var sentenceIndex = 0
    var pendingQuestion: (items: [(Int, StatusReading, String, Int)], speaker: String, sentence: Int)?
    var proposals: [(entity: Int, speaker: String, sentence: Int)] = []
    var ownerOffer: (entity: Int, to: String?, from: String, sentence: Int)?
    var lastQuestion: (speaker: String, sentence: Int, turn: Int)?
    var announcedProposal: Int?
    /// "the works", "the reopening" said while a topic is discussed: the topic, should no
    /// known thing have that head.
    var fallbacks: [Int: Int] = [:]
    /// The turn in which a topic was put up front (a label, a heading, "wes driftwood"):
    /// for a few turns after, what is said is said about it.
    var segmentTurn: Int?
    var segmentSpeaker = ""
    /// The turn that answers the one that put the topic up ("And insurance?" — "The
    /// broker's had quotes back…"): the reply is about the topic too, so a thing first
    /// named in it is a detail of the topic.
    var segmentAnswerTurn: Int?
    /// People named in each turn: whom a speaker hands the floor to.
    var addressed: [Int: Set<String>] = [:]
    static let segmentReach = 3

    /// A topic carries over this many sentences; after that, a pronoun is too far from its noun.
    static let topicReach = 10

    init(_ t: Transcript) {
        transcript = t
        let wn = WordNet.shared
        let stream = SentenceStream(wordNet: wn).sentences(t)
        self.stream = stream
        let directory = Self.findPeople(t, stream)
        people = directory
        namer = EntityNamer(wordNet: wn, isPerson: { directory.isPerson($0) || PeopleDirectory.titles.contains($0) })
        reader = StatusReader(lexicon: StatusLexicon.shared, wordNet: wn, isPerson: { directory.isPerson($0) || PeopleDirectory.titles.contains($0) })
        meetingDate = CalendarDay(iso: t.date) ?? CalendarDay(year: 2000, month: 1, day: 1)!
    }

    /// Speakers and attendees, plus people the text names: a capitalised word after a
    /// title ("Ms Cho"), or the subject of a verb of saying ("Marco says", "Farah agreed").
    static func findPeople(_ t: Transcript, _ stream: [SentenceStream.Item]) -> PeopleDirectory {
        var directory = PeopleDirectory(t.people)
        for item in stream {
            let w = item.sentence.words
            // "@Venky", "@thandi": chat tools' mention of a person, whatever the tagger made of the name.
            for i in w.indices.dropFirst() where w[i - 1].text == "@" && !w[i].isPunct && w[i].lower.count > 1 { directory.add(w[i].text) }
            for i in w.indices where w[i].tag == .propn && w[i].lower.count > 2 && !FunctionWords.all.contains(w[i].lower) {
                if i > 0, PeopleDirectory.titles.contains(w[i - 1].lower) { directory.add(w[i].text); continue }
                // Notes name people the way a note-taker would: "Notes by Pete", "except
                // Farah", "Farah's question", "(Pete)", "Ingrid: \"…\"".
                let before = i > 0 ? w[i - 1].lower : ""
                let after = i + 1 < w.count ? w[i + 1] : nil
                if ["by", "except", "from", "ask", "asked", "tell", "told", "thank", "thanks", "ping", "cc", "with"].contains(before),
                   after == nil || after!.isPunct || after!.tag == .conj {
                    directory.add(w[i].text); continue
                }
                // "(Pete)" is who said or owns it; "(PHX)" in capitals is an abbreviation.
                if before == "(", after?.text == ")", !Self.isAbbreviation(w[i].text) { directory.add(w[i].text); continue }
                if after?.lower == "'s", i + 2 < w.count, ["question", "idea", "point", "suggestion", "team", "proposal", "update",
                    "concern", "numbers", "call", "view", "take"].contains(w[i + 2].lower) { directory.add(w[i].text); continue }
                if after?.text == ":", i + 2 < w.count, w[i + 2].text == "\"", i == 0 || w[i - 1].isPunct { directory.add(w[i].text); continue }
                if Self.isVocative(w, i) { directory.add(w[i].text); continue }
                if i + 1 < w.count, w[i + 1].tag == .verb, Self.sayingVerbs.contains(w[i + 1].lemma),
                   i == 0 || !(w[i - 1].tag == .propn || w[i - 1].tag == .det) {
                    directory.add(w[i].text)
                }
            }
        }
        return directory
    }

    /// A name set off by a comma at the end of a sentence spoken to "you" is the person
    /// spoken to: "Can you let the supplier know, Helen?", "That one's yours, Priya.",
    /// "Thank you, Chair." Things are talked about, not talked to. A name at the start
    /// ("Brennan, can you chase them?") is left alone: topics are put up front that way
    /// too, and measured on series never read here, reading it as a person cost more than
    /// it gained. A word the dictionary knows as something other than a name or a person
    /// ("…, payroll?") is not taken either.
    static func isVocative(_ w: [Word], _ i: Int) -> Bool {
        let lower = w[i].lower
        guard i > 0, w[i - 1].text == ",", i + 1 < w.count, w[i + 1].isTerminal else { return false }
        if !GivenNames.all.contains(lower), let wn = WordNet.shared, wn.knows(lower), !wn.isProperName(lower),
           !wn.senses(lower, .noun).contains(where: { LexicalFile.names[Int($0.lexfile)] == "noun.person" }) {
            return false
        }
        // Contractions are already split ("you'll" is "you will") when sentences are parsed.
        return w.contains { !$0.isPunct && ["you", "your", "yours"].contains($0.lower) }
    }

    private static let sayingVerbs: Set<String> = ["say", "ask", "agree", "report", "confirm", "explain", "note", "suggest",
        "mention", "propose", "promise", "reply", "advise", "think", "want", "undertake", "state", "tell", "add", "warn"]

    // MARK: - The loop

    mutating func run() -> MeetingExtraction {
        var previousSpeaker: String?
        for item in stream {
            sentenceIndex += 1
            let s = item.sentence
            defer { if s.isQuestion { lastQuestion = (s.speaker, sentenceIndex, s.turn) } }
            if item.isHeading {
                heading(s)
                trace("## \(s.text) → topic=\(topic.map { entities.all[$0].name } ?? "-")\n    tags=\(s.words.map { "\($0.lower)/\($0.tag)" }.joined(separator: " ")) nps=\(s.phrases.map { s.words[$0.range].map(\.lower).joined(separator: " ") })")
                continue
            }
            answerPending(s, backchannel: item.isBackchannel)
            if let seg = segmentTurn, segmentAnswerTurn == nil, s.turn > seg, s.isFirstInTurn, !item.isBackchannel {
                // Only the very next speaker answers, and only when asked — by a question or
                // by name ("And insurance?", "Marrow. Owen?"); someone who labels their own
                // item and reports on it ("Customer 360 dashboard. Signed off…") is not
                // answered by the next speaker, who moves on to their own.
                let asked = lastQuestion.map { $0.turn == seg && $0.speaker == segmentSpeaker } ?? false
                    || addressed[seg]?.contains(s.speaker) == true
                segmentAnswerTurn = s.speaker != segmentSpeaker && asked ? s.turn : -1
            }
            for x in s.words where x.tag == .propn && people.isPerson(x.lower) {
                addressed[s.turn, default: []].insert(people.fullName(x.text))
            }
            let mentions = register(s)
            // "Item 5.", "Agenda item 3": a new item begins; nothing is its topic yet.
            if s.clauses.allSatisfy({ $0.verb == nil }), mentions.isEmpty, s.contentWords.count <= 3,
               s.contentWords.contains(where: { $0.tag == .num }),
               s.contentWords.contains(where: { ["item", "point", "agenda", "section", "no", "number", "part", "#"].contains($0.lower) }) {
                topic = nil
                segmentTurn = nil
            }
            frontTopic(s, mentions)
            reportedOn(s, mentions)
            proposeAnnounced(s, mentions)
            var recorded: [Int] = []
            if RuleExtractor.traceReadings { traceReadings(s) }
            if (!s.isUnfinished || s.clauses.count > 1) && !Self.announcesProposal(s) {
                for r in reader.read(s) {
                    guard let (target, asPart) = resolve(r, s, mentions, recordedSoFar: recorded) else {
                        trace("    no target: \(r.state)")
                        continue
                    }
                    var r = r
                    // "live the 20th", "launches next Friday": done on a day still to come is not done yet.
                    if r.state == .completed, isFuture(r, s) { r.state = .in_progress; r.strength = min(r.strength, 2) }
                    // A piece of the thing moving says the thing is under way; a piece stuck
                    // or late holds it up; a piece dropped or paused says nothing of it.
                    if asPart {
                        switch r.state {
                        case .completed, .in_progress: r.state = .in_progress; r.strength = min(r.strength, 2)
                        case .planned, .proposed: r.state = .in_progress; r.strength = 1
                        case .blocked, .at_risk: r.strength = min(r.strength, 2)
                        case .on_hold, .cancelled: continue
                        }
                    }
                    if r.isQuestion {
                        stashQuestion(target, r, s)
                        continue
                    }
                    record(target, r.state, r.strength, s, approval: r.concept == .approve || r.concept == .decide)
                    recorded.append(target)
                    if r.isProposal { proposals.append((target, s.speaker, sentenceIndex)) }
                    if r.isProposal, r.concept == .propose { nameProposedActivity(target, r, s) }
                }
            }
            findOwners(s, mentions, recorded, previousSpeaker: previousSpeaker)
            findDues(s, mentions, recorded)
            updateTopic(s, mentions, recorded)
            if RuleExtractor.trace {
                let names = mentions.map { "\(entities.all[$0.local].name)" }
                trace("[\(s.turn)] \(s.speaker): \(s.text)\n    tags=\(s.words.map { "\($0.lower)/\($0.tag)" }.joined(separator: " "))\n    nps=\(s.phrases.map { s.words[$0.range].map(\.lower).joined(separator: " ") }) clauses=\(s.clauses.map { "\($0.kind):" + s.words[$0.range].map(\.lower).joined(separator: " ") })\n    mentions=\(names) recorded=\(recorded.map { entities.all[$0].name }) topic=\(topic.map { entities.all[$0].name } ?? "-")")
            }
            if s.isLastInTurn { previousSpeaker = s.speaker }
        }
        let namer = self.namer
        return MeetingEvidence(entities: entities, events: events, owners: owners, dues: dues, people: people, fallbacks: fallbacks,
                               isWeakName: { namer.isWeakSingleName($0, isProper: $1) }).assemble()
    }

    /// `SMARTMEET_TRACE=json`: one JSON object per sentence with what the status reader
    /// found in it, before the discourse decides whom it is about — for scripts that
    /// measure the reader on labelled sentences (scripts/status-bank.py).
    private func traceReadings(_ s: ParsedSentence) {
        var readings: [[String: Any]] = []
        for r in reader.read(s) {
            var target = "topic"
            if case .phrase(let np) = r.target { target = s.words[np.range].map(\.text).joined(separator: " ") }
            if case .pronoun = r.target { target = "<pronoun>" }
            readings.append(["state": r.state.rawValue, "strength": r.strength, "target": target, "question": r.isQuestion,
                             "proposal": r.isProposal, "partial": r.isPartial])
        }
        let line: [String: Any] = ["turn": s.turn, "speaker": s.speaker, "text": s.text, "question": s.isQuestion, "readings": readings]
        if let d = try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]) {
            FileHandle.standardError.write(d + Data("\n".utf8))
        }
    }

    private func trace(_ line: String) {
        if RuleExtractor.trace { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }

    // MARK: - Mentions and topic

    struct Mention {
        let phrase: NounPhrase
        let local: Int
    }

    private mutating func register(_ s: ParsedSentence) -> [Mention] {
        var out: [Mention] = []
        for np in s.phrases where !np.isPronoun {
            guard var named = namer.name(np, in: s) else { continue }
            // "about revamping push notifications": the act done to a thing names the
            // work — the "push notifications revamp".
            let g = np.range.lowerBound - 1
            if g >= 0, s.words[g].tag == .verb, s.words[g].lower.hasSuffix("ing"), !Tagger.isLightVerb(s.words[g].lemma),
               g == 0 || [.prep, .det, .poss, .sconj, .punct, .conj].contains(s.words[g - 1].tag), let wn = WordNet.shared {
                let act = wn.actNoun(forVerb: s.words[g].lemma)
                named.aliases.append(named.name)
                named.name = named.name + " " + act
                named.words.append(act)
                named.isLoneCommon = false
                named.isGenericWord = false
            }
            // "The Phoenix project (PHX)": an abbreviation in brackets right after a name
            // is what the team will call it from now on.
            let after = np.range.upperBound
            if after + 2 < s.words.count, s.words[after].text == "(", s.words[after + 2].text == ")",
               Self.isAbbreviation(s.words[after + 1].text), s.words[after + 1].text.count < named.name.count {
                named.aliases.append(s.words[after + 1].text)
            }
            out.append(Mention(phrase: np, local: entities.register(named, turn: s.turn, sentence: sentenceIndex)))
        }
        return out
    }

    /// A phrase written with a capital where none is needed ("the Hartley fit-out", "SSL
    /// cert"), not one capitalised only because it opens the sentence.
    static func writtenAsName(_ np: NounPhrase, _ w: [Word]) -> Bool {
        np.nameRange.contains { i in
            guard let f = w[i].text.first, f.isUppercase else { return false }
            return i > 0 && !w[i - 1].isTerminal || w[i].text.count > 1 && w[i].text == w[i].text.uppercased()
        }
    }

    /// Written in capitals, two to six letters or digits with at least two capitals: "PHX", "Q3", "EHR".
    static func isAbbreviation(_ text: String) -> Bool {
        (2...6).contains(text.count) && text.allSatisfy { $0.isUppercase || $0.isNumber }
            && text.filter(\.isUppercase).count >= 2
    }

    /// "Also, an idea.", "One more thing: a proposal", a heading "New idea (Pete)": a
    /// sentence that only announces a proposal makes the next thing named the proposal.
    private mutating func proposeAnnounced(_ s: ParsedSentence, _ mentions: [Mention]) {
        if Self.announcesProposal(s) {
            announcedProposal = sentenceIndex
            // "Random idea while we're here: biometric login." — named after the colon.
            guard let colon = s.words.firstIndex(where: { $0.text == ":" || $0.text == "—" }),
                  mentions.contains(where: { $0.phrase.range.lowerBound > colon }) else { return }
        }
        guard let a = announcedProposal, sentenceIndex - a <= 2,
              let m = mentions.first(where: { (!entities.all[$0.local].isLoneCommon || entities.all[$0.local].isProper)
                  && !(Self.announcesProposal(s) && $0.phrase.range.lowerBound < (s.words.firstIndex { $0.text == ":" || $0.text == "—" } ?? 0)) }) else { return }
        announcedProposal = nil
        record(m.local, .proposed, 2, s)
        // "One idea: we could pilot a night shift": the proposal is the act, as below.
        for r in reader.read(s) where r.isProposal && r.concept == .propose {
            if case .phrase(let np) = r.target, np == m.phrase { nameProposedActivity(m.local, r, s) }
        }
        proposals.append((m.local, s.speaker, sentenceIndex))
        setTopic(m.local, s, strong: true)
    }

    static func announcesProposal(_ s: ParsedSentence) -> Bool {
        guard let first = s.clauses.first else { return false }
        let content = s.words[first.range].filter { !$0.isPunct }
        guard content.count <= 6, s.clauses.first?.verb == nil || s.clauses.first?.verb?.lemma == "have" else { return false }
        return content.contains { ["idea", "proposal", "suggestion", "thought", "pitch"].contains($0.lemma.isEmpty ? $0.lower : $0.lemma) }
    }

    /// A notes heading names the topic of the bullets under it.
    private mutating func heading(_ s: ParsedSentence) {
        if Self.announcesProposal(s) { announcedProposal = sentenceIndex }
        let mentions = register(s)
        if let m = mentions.first {
            setTopic(m.local, s, strong: true)
            // "Summer Gala, Saturday 11 July, Bramley Hall": a date set beside the name of an
            // item in its heading is its date. Only a date after the meeting counts: one on
            // the meeting's own day dates the meeting, an earlier one reports the past.
            if s.clauses.allSatisfy({ $0.verb == nil }),
               let date = DueDateFinder.find(in: s.words, meetingDate: meetingDate).first(where: { $0.day > meetingDate }) {
                order += 1
                dues[m.local, default: []].append((date.day, order))
            }
        } else {
            topic = nil
        }
    }

    /// "Brennan.", "dalton. jess", "kim, suppliers", "And sock two?", "On the rate card —",
    /// "wes driftwood": a name put up front with nothing said of it yet sets the topic.
    private mutating func frontTopic(_ s: ParsedSentence, _ givenMentions: [Mention]) {
        var mentions = givenMentions
        // A bare label names the item even with a word that usually names a season or a
        // dish ("luis. spring", "brunch."): read it as a label.
        if mentions.isEmpty, s.clauses.allSatisfy({ $0.verb == nil }), s.contentWords.count <= 3,
           let np = s.phrases.first(where: { !$0.isPronoun && !$0.nameRange.allSatisfy { people.isPerson(s.words[$0].lower) } }),
           let named = namer.name(np, in: s, asLabel: true) {
            mentions = [Mention(phrase: np, local: entities.register(named, turn: s.turn, sentence: sentenceIndex))]
        }
        guard var first = s.clauses.first else { return }
        let w = s.words
        // "Jordan, card freeze.": a sentence with no verb at all is read whole.
        if s.clauses.allSatisfy({ $0.verb == nil }), let last = s.clauses.last {
            first.range = first.range.lowerBound..<last.range.upperBound
        }
        let inFirst = mentions.filter { first.range.contains($0.phrase.range.lowerBound) }
        // A question asking after a thing's state, not one that names a state ("so we're
        // back on track?" asks for a yes, and "track" is no topic).
        let asksAfter = s.isQuestion && StatusIdioms.find(in: w, 0..<w.count).isEmpty
        // Every other word of the clause is a person, a discourse word or a preposition.
        let others = first.range.filter { i in !inFirst.contains { $0.phrase.range.contains(i) } && !w[i].isPunct }
        let bare = others.allSatisfy { i in
            people.isPerson(w[i].lower) || FunctionWords.discourseMarkers.contains(w[i].lower) || w[i].tag == .prep || w[i].tag == .poss
                || EntityNamer.placeholders.contains(w[i].lower)
                || w[i].tag == .det || w[i].tag == .conj || ["next", "first", "then", "update", "news", "item", "status", "now",
                "regarding", "re", "about", "what", "how", "how's", "where", "any", "quick", "one", "last", "finally", "also",
                "moving", "onto", "on", "to", "topic", "agenda", "please", "go", "lets", "let", "us", "talk"].contains(w[i].lower)
                || asksAfter && Self.isStatusQuestionWord(w[i])
        }
        // A fragment answering someone's question ("Detail screen.", "Data residency, I
        // think.") answers it; it does not move the meeting on.
        let answers = lastQuestion.map { $0.speaker != s.speaker && sentenceIndex - $0.sentence <= 2 && s.turn - $0.turn <= 1 } ?? false
        if first.verb == nil || first.verb.map({ (["be", "talk", "go", "move", "let"].contains($0.lemma) || StatusLexicon.lightVerbs.contains($0.lemma)) && s.isQuestion }) == true,
           bare, !answers, let m = inFirst.first(where: { m in
               // "Nice work." is not a topic; "Jordan, push?" (someone addressed) is.
               !m.phrase.isPronoun && (!entities.all[m.local].isGenericWord || others.contains { people.isPerson(w[$0].lower) } || s.isQuestion
                                       || m.phrase.range == m.phrase.nameRange)
           }) {
            setTopic(m.local, s, strong: true)
            topicReporter = others.map { w[$0] }.first { people.isPerson($0.lower) && $0.lower != "i" }.map { people.fullName($0.text) }
                ?? (s.isQuestion ? nil : topicReporter)
        }
    }

    /// The words a question asks after the state of a thing with, besides the thing:
    /// "where are we on the lease?", "how's the rebrand looking?", "what's the latest
    /// with Brennan?", "where do we stand on hiring?" — pronouns, auxiliaries, light verbs
    /// and the nouns that mean "state" or "news".
    static func isStatusQuestionWord(_ x: Word) -> Bool {
        if [.pron, .aux, .modal, .adv].contains(x.tag) { return true }
        if x.tag == .verb, StatusLexicon.lightVerbs.contains(x.lemma) { return true }
        return ["status", "latest", "news", "update", "updates", "progress", "state", "play", "things", "doing",
                "stand", "standing", "shaping", "coming", "along", "up"].contains(x.lower)
    }

    /// "Mr Mistry reported on the Millbrook footbridge", "Kim gave an update on Greenleaf",
    /// "do you want to kick off with driftwood", "moving on to the budget": reporting on a
    /// thing, or taking it up next, opens it as the topic.
    private mutating func reportedOn(_ s: ParsedSentence, _ mentions: [Mention]) {
        // Each verb of reporting or of taking up an item, with the preposition it takes.
        let agendaVerbs: [String: Set<String>] = [
            "speak": ["of", "on", "about", "to"],
            "report": ["on", "about"], "update": ["on", "about"], "brief": ["on", "about"],
            "talk": ["about"], "present": ["on"], "give": ["on"], "start": ["with"], "begin": ["with"], "kick_off": ["with"],
            "kick": ["with"], "lead": ["with"], "open": ["with"], "move": ["to", "onto"], "turn": ["to"], "jump": ["to"], "switch": ["to"],
        ]
        for c in s.clauses where c.kind == .main || c.kind == .complement {
            // Any verb of the clause: "let's start with the EHR upgrade".
            guard let verbAt = c.range.first(where: { s.words[$0].tag == .verb && agendaVerbs[s.words[$0].lemma] != nil }),
                  let preps = agendaVerbs[s.words[verbAt].lemma],
                  let p = c.prepObjects.first(where: { preps.contains($0.prep) && $0.np.range.lowerBound > verbAt }),
                  let m = mentions.first(where: { $0.phrase == p.np }), !entities.all[m.local].isGenericWord else { continue }
            setTopic(m.local, s, strong: true)
            return
        }
    }

    private mutating func setTopic(_ local: Int, _ s: ParsedSentence, strong: Bool = false) {
        if topic != local { topicReporter = nil }
        topic = local
        topicSentence = sentenceIndex
        topicSpeaker = s.speaker
        if strong {
            entities.markTopic(local)
            segmentTurn = s.turn
            segmentSpeaker = s.speaker
            segmentAnswerTurn = nil
        } else if segmentTurn.map({ s.turn - $0 > Self.segmentReach }) ?? false {
            segmentTurn = nil
        }
    }

    private func currentTopic() -> Int? {
        guard let t = topic, sentenceIndex - topicSentence <= Self.topicReach else { return nil }
        return t
    }

    private mutating func updateTopic(_ s: ParsedSentence, _ mentions: [Mention], _ recorded: [Int]) {
        // "Gala-wise, …": a topic marker.
        if let m = mentions.first(where: { s.words[$0.phrase.head].lower.hasSuffix("-wise") }) {
            setTopic(m.local, s, strong: true)
        }
        // A lone common noun ("invitations went out") does not take the topic from a thing with a name.
        if let last = recorded.last(where: { !entities.all[$0].isLoneCommon || entities.all[$0].topicCount > 0 || currentTopic() == nil }) {
            if last != topic { setTopic(last, s) } else { topicSentence = sentenceIndex }
            return
        }
        // Under a heading that names nothing ("New idea (Pete)"), the first thing named is it.
        if currentTopic() == nil, let m = mentions.first(where: { !entities.all[$0.local].isLoneCommon }) {
            setTopic(m.local, s)
            return
        }
        // Still talking about it: a pronoun keeps the topic alive.
        if s.words.contains(where: { $0.tag == .pron && ["it", "that", "this", "they", "them"].contains($0.lower) }), currentTopic() != nil {
            topicSentence = sentenceIndex
        }
    }

    // MARK: - Whom a reading is about

    /// "Permit?" — "The city issued the annex permit": the reply names the topic in full,
    /// it is not a piece of it.
    private func namesFully(_ e: LocalEntities.Entity, _ topic: Int) -> Bool {
        let t = entities.all[topic]
        return !t.words.isEmpty && t.words.isSubset(of: e.words) || !t.heads.isDisjoint(with: e.heads)
    }

    /// The local thing a reading is about, and whether it was said of a part of it.
    private mutating func resolve(_ r: StatusReading, _ s: ParsedSentence, _ mentions: [Mention], recordedSoFar: [Int] = []) -> (Int, Bool)? {
        // Within a sentence, a clause that names nothing continues the one before it when
        // that one's subject was the thing: "The Juniper upgrade is approved, we haven't
        // started yet". A thing acted on by someone else ("Procurement signed the support
        // renewal, so we're unblocked") is the cause, and the topic stays what is meant.
        let sentenceSubject = recordedSoFar.last.flatMap { last in
            s.clauses.contains { c in c.subject.map { np in mentions.contains { $0.phrase == np && $0.local == last } } ?? false } ? last : nil
        }
        let current = sentenceSubject ?? currentTopic()
        switch r.target {
        case .phrase(let np):
            if let m = mentions.first(where: { $0.phrase == np }) {
                let e = entities.all[m.local]
                if let t = currentTopic(), t != m.local, e.topicCount == 0, e.mentions == 1 {
                    // "The new login flow is built" while the portal is discussed: a piece
                    // finished is progress on the thing under discussion.
                    if r.byResult, !Self.writtenAsName(np, s.words) { return (t, true) }
                    // A part of the thing ("the API side") reports on the thing under discussion.
                    if r.partSubject, e.isLoneCommon { return (t, true) }
                    // "Have not started the build yet": a bare act noun as the object is the
                    // topic's work — unless a known thing has that head ("the migration").
                    let isSubject = s.clauses.contains { $0.subject == np }
                    if e.isLoneCommon, !isSubject, let f = namer.headFile(s.words[np.head]), f == "noun.act", fallbacks[m.local] == nil {
                        fallbacks[m.local] = t
                        return (m.local, false)
                    }
                    // "the deletion logic" while the deletion pipeline is discussed: a new
                    // thing sharing a describing word with the topic is a piece of it.
                    let topicWords = entities.all[t].words
                    if !e.isProper, e.words.count > 1, !e.words.subtracting(e.heads).isDisjoint(with: topicWords) { return (t, true) }
                    // Under a label or just after a topic was put up front ("Dalton: fire
                    // marshal showed, health inspection on the books"), a thing named for
                    // the first time is a detail of the topic; so is a new subject in the
                    // reply to "And insurance?" ("The broker's had quotes back") — but not a
                    // thing someone acted on ("Procurement signed the support renewal").
                    if let seg = segmentTurn, s.turn == seg || s.turn == segmentAnswerTurn && isSubject && !e.isProper && !namesFully(e, t), !r.isProposal { return (t, true) }
                    // Working on something first named right after the topic was raised
                    // ("I'm working through the appointment history page now") is work on
                    // a piece of the topic, not a new thing to track.
                    if r.strength <= 1, r.concept == .progress, !r.isProposal, sentenceIndex - topicSentence <= 4 { return (t, true) }
                    if e.isLoneCommon, e.isDefiniteReference, fallbacks[m.local] == nil { fallbacks[m.local] = t }
                }
                return (m.local, false)
            }
            // "Chapter two of the grant report is finished": a part of a named whole
            // reports on the whole, as a part. Planning a part ("section 3 of the bid
            // be approved") plans the whole: it is not yet under way. A count
            // ("forty of sixty forms are back") names no part, only how many.
            if r.partSubject, np.range.contains(where: { s.words[$0].tag == .noun || s.words[$0].tag == .propn }),
               np.range.upperBound < s.words.count, s.words[np.range.upperBound].lower == "of",
               let m = mentions.first(where: { $0.phrase.range.lowerBound == np.range.upperBound + 1 }) {
                return (m.local, r.state != .planned && r.state != .proposed)
            }
            // Not a nameable thing: a time ("the date is tight"), "everything", "the rest".
            let head = s.words[np.head]
            if reader.isTimePhrase(np, s.words) || ["everything", "rest", "date", "deadline", "timeline", "schedule", "plan",
                                                    "timing", "launch", "whole"].contains(head.lower) || r.partSubject {
                return currentTopic().map { ($0, r.partSubject) }
            }
            return nil
        case .pronoun:
            // The nearest established thing named earlier in the sentence (an earlier
            // clause's subject, or a thing already talked about), else the topic.
            // Objects of earlier clauses count too: "I'm handing the hiring plan to Eva, it's approved".
            let subjects = s.clauses.compactMap(\.subject) + s.clauses.filter { $0.range.upperBound <= r.position }.flatMap(\.objects)
            if let m = mentions.last(where: { m in
                // (a lone everyday word as subject — "leadership wants to wait" — is an agent, not the work)
                m.phrase.range.upperBound <= r.position && (subjects.contains(m.phrase) && !entities.all[m.local].isLoneCommon || entities.all[m.local].mentions > 1
                    || entities.all[m.local].topicCount > 0 || entities.all[m.local].hasStatus || currentTopic() == nil)
            }) {
                // In the reply to "And insurance?", "that's a July problem" said after a detail
                // first named in the reply is said of the matter the reply is about: "that"
                // and "this" point back to what was said, "it" to the thing named
                // ("…until we renew the support contract, and procurement hasn't signed it").
                let e = entities.all[m.local]
                let pointer = s.clauses.first { $0.range.contains(r.position) }?.subject.map { s.words[$0.head].lower }
                if let t = currentTopic(), t != m.local, s.turn == segmentAnswerTurn, e.mentions == 1, e.topicCount == 0, !e.isProper, !r.isProposal,
                   pointer == "that" || pointer == "this", !namesFully(e, t) {
                    return (t, true)
                }
                return (m.local, false)
            }
            return current.map { ($0, false) }
        case .topic:
            return current.map { ($0, false) }
        }
    }

    /// "We could pilot an evening clinic": what is proposed is the act, named by its noun —
    /// the "evening clinic pilot" — when the verb has one of its own (pilot, relocation,
    /// upgrade, replacement), not a mere gerund ("building").
    private mutating func nameProposedActivity(_ target: Int, _ r: StatusReading, _ s: ParsedSentence) {
        let w = s.words
        guard r.position < w.count, w[r.position].tag == .verb, let wn = WordNet.shared else { return }
        // Only the verb's own object: "pilot an evening clinic", not "approach them about X".
        guard case .phrase(let np) = r.target, np.range.lowerBound > r.position,
              ((r.position + 1)..<np.range.lowerBound).allSatisfy({ w[$0].tag == .det || w[$0].tag == .adj || w[$0].tag == .poss }) else { return }
        let verb = w[r.position].lemma
        guard !Tagger.isLightVerb(verb), StatusLexicon.shared?.concept(verb, .verb) == nil else { return }
        let act = wn.actNoun(forVerb: verb)
        guard !act.hasSuffix("ing"), wn.contains(act, .noun) else { return }
        entities.rename(target, adding: act)
    }

    private func isFuture(_ r: StatusReading, _ s: ParsedSentence) -> Bool {
        guard let clause = s.clauses.first(where: { $0.range.contains(r.position) }) else { return false }
        if let v = clause.verb, s.words[v.main].isPastForm { return false }
        let days = DueDateFinder.find(in: Array(s.words[clause.range]), meetingDate: meetingDate)
        return days.contains { $0.day > meetingDate }
    }

    // MARK: - Recording, questions, proposals

    private mutating func record(_ target: Int, _ state: EntityState, _ strength: Int, _ s: ParsedSentence, approval: Bool = false) {
        order += 1
        if strength >= 2 { entities.markStatus(target) }
        events[target, default: []].append(StatusEvent(state: state, strength: strength, sentence: sentenceIndex, order: order,
                                                       evidence: evidence(s), turn: s.turn, isApproval: approval))
    }

    /// The words as they were said, from the stored turn, not the cleaned copy.
    private func evidence(_ s: ParsedSentence) -> String {
        var pieces: [String] = []
        var byTurn: [(turn: Int, start: Int, end: Int)] = []
        for w in s.words {
            if let last = byTurn.last, last.turn == w.turn {
                byTurn[byTurn.count - 1] = (w.turn, min(last.start, w.start), max(last.end, w.end))
            } else {
                byTurn.append((w.turn, w.start, w.end))
            }
        }
        for piece in byTurn {
            // By the turn's own index: a chunk of a meeting (the model path's fallback) holds
            // turns 12–14, not 0–2.
            let turn = piece.turn < transcript.turns.count && transcript.turns[piece.turn].index == piece.turn
                ? transcript.turns[piece.turn] : transcript.turns.first { $0.index == piece.turn }
            guard let turn else { continue }
            let chars = Array(turn.text)
            let a = max(0, min(piece.start, chars.count)), b = max(a, min(piece.end, chars.count))
            pieces.append(String(chars[a..<b]))
        }
        return String(pieces.joined(separator: " ").prefix(300))
    }

    private mutating func stashQuestion(_ target: Int, _ r: StatusReading, _ s: ParsedSentence) {
        if pendingQuestion?.speaker != s.speaker || pendingQuestion.map({ sentenceIndex - $0.sentence > 2 }) ?? true {
            pendingQuestion = ([], s.speaker, sentenceIndex)
        }
        let quote = evidence(s)
        pendingQuestion?.items.append((target, r, quote, s.turn))
        pendingQuestion?.sentence = sentenceIndex
    }

    /// "Is the migration blocked?" — "Yes, still." confirms; a proposal followed by
    /// "let's do it", "agreed", "sounds good" from someone else is a decision.
    private mutating func answerPending(_ s: ParsedSentence, backchannel: Bool) {
        let firstWords = s.contentWords.prefix(4).map(\.lower)
        let opener = firstWords.first ?? ""
        if let q = pendingQuestion, q.speaker != s.speaker, s.isFirstInTurn {
            pendingQuestion = nil
            if ["yes", "yeah", "yep", "yup", "correct", "exactly", "right", "afraid", "definitely", "absolutely", "indeed",
                "sadly", "unfortunately", "still", "ya"].contains(opener) {
                for (target, r, ev, turn) in q.items {
                    order += 1
                    // The quote is the question, in its own turn: a quote never spans two turns.
                    events[target, default: []].append(StatusEvent(state: r.state, strength: r.strength, sentence: sentenceIndex,
                                                                   order: order, evidence: ev, turn: turn))
                }
            }
        }
        guard s.isFirstInTurn else { return }
        proposals.removeAll { sentenceIndex - $0.sentence > 8 }
        let decisive = Self.isDecisiveAcceptance(s)
        for p in proposals where p.speaker != s.speaker && decisive {
            order += 1
            events[p.entity, default: []].append(StatusEvent(state: .planned, strength: 2, sentence: sentenceIndex, order: order,
                                                             evidence: evidence(s), turn: s.turn))
        }
        if decisive { proposals.removeAll { $0.speaker != s.speaker } }
        if let offer = ownerOffer, offer.from != s.speaker, sentenceIndex - offer.sentence <= 3 {
            let accepted = FunctionWords.acceptances.contains(opener) || firstWords.contains("i'll") || firstWords.starts(with: ["i", "will"])
                || firstWords.starts(with: ["i", "can"])
            if accepted, offer.to == nil || offer.to == s.speaker || people.fullName(offer.to!) == s.speaker {
                addOwner(offer.entity, s.speaker, 3)
            }
            ownerOffer = nil
        }
    }

    private static let decisivePhrases = [" let us do it ", " let us go with ", " agreed ", " sounds good ", " sounds great ",
        " good idea ", " great idea ", " go for it ", " makes sense ", " fine by me ", " happy with that ", " do it ", " approved ",
        " deal ", " definitely ", " absolutely ", " love it ", " works for me ", " yes let us ", " let us go ahead "]
    /// The first word of each phrase: a sentence with none of them cannot contain one.
    private static let acceptanceOpeners = Set(decisivePhrases.compactMap { $0.split(separator: " ").first.map(String.init) })

    /// An acceptance that decides, not a listener's "yeah": "let's do it", "agreed",
    /// "sounds good", "good idea", "go for it", "makes sense", "fine by me".
    static func isDecisiveAcceptance(_ s: ParsedSentence) -> Bool {
        let words = s.contentWords.map(\.lower)
        guard !words.isEmpty, !s.isQuestion else { return false }
        // Most sentences contain no phrase's first word: skip building the text.
        guard words.contains(where: { Self.acceptanceOpeners.contains($0) }) else { return false }
        let text = " " + words.joined(separator: " ") + " "
        if words.contains(where: { ["but", "not", "n't", "no", "although", "however", "unless", "worried", "expensive"].contains($0) }) { return false }
        return Self.decisivePhrases.contains { text.contains($0) }
    }

    // MARK: - Owners

    /// Verbs by which someone takes on a piece of work.
    private static let takingVerbs: Set<String> = ["take", "own", "handle", "lead", "drive", "run", "manage", "cover", "chase",
        "sort", "pick_up", "look_into", "deal", "coordinate", "oversee", "arrange", "organise", "organize", "follow_up",
        "write", "draft", "prepare", "send", "build", "do", "fix", "finish", "get", "have", "book", "set_up", "ask", "raise"]

    private mutating func findOwners(_ s: ParsedSentence, _ mentions: [Mention], _ recorded: [Int], previousSpeaker: String?) {
        let w = s.words
        for c in s.clauses where c.kind != .condition {
            guard let subject = c.subject else { continue }
            let subjectWord = w[subject.head]
            let who: String?
            if subject.isPronoun, subjectWord.lower == "i" {
                who = s.speaker == Turn.unknownSpeaker ? nil : s.speaker
            } else if subject.isPronoun, subjectWord.lower == "you" {
                who = addressee(s, previousSpeaker)
            } else if !subject.isPronoun, subject.nameRange.allSatisfy({ people.isPerson(w[$0].lower) || PeopleDirectory.titles.contains(w[$0].lower) }) {
                who = people.fullName(w[subject.nameRange.upperBound - 1].text)
            } else {
                who = nil
            }
            guard let person = who, person != Turn.unknownSpeaker else { continue }
            let thing = c.objects.compactMap { o in mentions.first { $0.phrase == o }?.local }.first
                ?? c.prepObjects.compactMap { p in ["on", "for", "with"].contains(p.prep) ? mentions.first { $0.phrase == p.np }?.local : nil }.first
            let target = thing ?? recorded.first ?? currentTopic()
            guard let t = target else { continue }
            if let v = c.verb {
                let lemma = v.lemma
                // "I'll ask legal" takes on the chasing; "Cllr Baxter asked about it", said
                // in the past, only reports what was said.
                let reportedTalk = StatusReader.talkVerbs.contains(w[v.main].lemma) && w[v.main].isPastForm && v.modal == nil && !v.isProgressive && !v.isPerfect
                let taking = (Self.takingVerbs.contains(lemma) || Self.takingVerbs.contains(w[v.main].lemma)) && !reportedTalk
                // "jonah do you want to own it" — asked, and accepted in the next turn.
                if s.isQuestion || c.kind == .main && (w[c.range.lowerBound].tag == .aux || w[c.range.lowerBound].tag == .modal) {
                    if taking, subjectWord.lower == "you" { ownerOffer = (t, who, s.speaker, sentenceIndex) }
                    continue
                }
                if v.negated { continue }
                if taking && (v.modal == "will" || v.modal == "can" || v.modal == "going to" || v.isProgressive || v.modal == nil) {
                    addOwner(t, person, subjectWord.lower == "i" || subjectWord.lower == "you" ? 3 : 2)
                } else if v.isCopula, let comp = c.complement,
                          // The complement leads with it: "Kim's on it", "Jess is the lead", not "Kim is off on Friday".
                          let first = comp.first(where: { w[$0].tag != .det && w[$0].tag != .adv && !w[$0].isPunct }),
                          ["on", "point", "responsible", "lead", "charge", "owner", "in"].contains(w[first].lower),
                          w[first].lower != "in" || comp.contains(where: { w[$0].lower == "charge" }) {
                    addOwner(t, person, 3)   // "Kim's on it", "Jess is point on Dalton"
                } else if recorded.contains(t), subjectWord.lower == "i" {
                    addOwner(t, person, 1)   // "I'm blocked", "I've finished it": the one doing it
                } else if c.kind == .main, v.isProgressive || v.isPerfect || isPastAct(v, w), subjectWord.lower == "i" || !subject.isPronoun {
                    addOwner(t, person, 1)   // "Ana installed the router": the one who did the work
                }
            }
        }
        // "Anh's thesis", "Helen's CRM migration": a thing said as a person's is theirs.
        for m in mentions {
            guard let p = m.phrase.possessor, !p.isEmpty, p.allSatisfy({ people.isPerson(w[$0].lower) }) else { continue }
            addOwner(m.local, people.fullName(w[p.upperBound - 1].text), 1)
        }
        // "I'm handing the push revamp to Jordan", "passing it to Kim".
        for c in s.clauses where c.kind == .main {
            guard let v = c.verb, !v.negated, ["hand", "pass", "give", "assign", "reassign", "transfer", "hand_over", "delegate"].contains(w[v.main].lemma) || v.lemma == "hand_over",
                  let to = c.prepObjects.first(where: { $0.prep == "to" && $0.np.nameRange.allSatisfy { people.isPerson(w[$0].lower) } }) else { continue }
            let thing = c.objects.compactMap { o in mentions.first { $0.phrase == o }?.local }.first ?? currentTopic()
            if let t = thing { addOwner(t, people.fullName(w[to.np.head].text), 3) }
        }
        // "That one's yours, Priya", "it's mine", "that's me", "on me".
        let lower = s.contentWords.map(\.lower)
        if let t = recorded.first ?? currentTopic() {
            if lower.contains("mine") || lower.suffix(2) == ["on", "me"] || lower.suffix(2) == ["with", "me"] || (lower.count <= 4 && lower.contains("me") && lower.contains("that")) {
                if s.speaker != Turn.unknownSpeaker { addOwner(t, s.speaker, 3) }
            }
            if lower.contains("yours"), let to = addressee(s, previousSpeaker) { addOwner(t, to, 3) }
        }
        // The person the chair named with the topic reports on it: "wes driftwood".
        if let reporter = topicReporter, recorded.contains(where: { $0 == topic }), s.speaker == reporter || people.fullName(s.speaker) == reporter,
           let t = topic {
            addOwner(t, reporter, 1)
        }
        // The thing a name in a line points at: the next thing named, else what the line
        // recorded, else the topic.
        func thing(after i: Int) -> Int? { mentions.first { $0.phrase.range.lowerBound > i }?.local ?? recorded.first ?? currentTopic() }
        // "Go-live Mon 21st still on. @Venky": a mention tags the person the line is for.
        for i in w.indices.dropFirst() where w[i - 1].text == "@" && people.isPerson(w[i].lower) {
            if let t = thing(after: i) { addOwner(t, people.fullName(w[i].text), 2) }
        }
        // "Action: Ana to sort it", "Ana to chase legal", "Theo (by Fri)".
        for i in w.indices where i + 2 < w.count && w[i].tag == .propn && people.isPerson(w[i].lower) && w[i + 1].lower == "to" && w[i + 2].tag == .verb {
            if let t = thing(after: i) { addOwner(t, people.fullName(w[i].text), 2) }
        }
    }

    /// A verb in the simple past naming an act that ends in a result ("sent", "drafted",
    /// "installed"), not talk ("discussed", "asked"), travel or an approval ("signed off").
    private func isPastAct(_ v: VerbGroup, _ w: [Word]) -> Bool {
        guard !v.isPassive, !v.isCopula, v.modal == nil, let wn = WordNet.shared else { return false }
        let lemma = w[v.main].lemma
        let approving: Set<String> = ["approve", "sign", "sign_off", "accept", "reject"]
        guard w[v.main].isPastForm, !StatusReader.talkVerbs.contains(lemma), !StatusReader.decidingVerbs.contains(lemma),
              !approving.contains(lemma), !approving.contains(v.lemma),
              let sense = wn.senses(v.lemma, .verb).first ?? wn.senses(lemma, .verb).first else { return false }
        // Sending and delivering are motion in WordNet, and work done all the same.
        let file = LexicalFile.names[Int(sense.lexfile)]
        return StatusReader.resultFiles.contains(file) || file == "verb.motion" && !["go", "come", "leave", "run", "walk", "fly"].contains(lemma)
    }

    /// A person said to be back, off, away or out.
    private func isPresence(_ c: Clause, _ subject: NounPhrase, _ w: [Word]) -> Bool {
        let person = subject.isPronoun ? ["i", "he", "she", "we", "they"].contains(w[subject.head].lower)
            : subject.nameRange.allSatisfy { people.isPerson(w[$0].lower) }
        guard person, let v = c.verb, v.range.upperBound < c.range.upperBound else { return false }
        return ["back", "off", "away", "out", "around", "here"].contains(w[v.range.upperBound].lower)
            && !(v.range.upperBound + 1 < c.range.upperBound && ["it", "that", "this"].contains(w[v.range.upperBound + 1].lower))
    }

    private func addressee(_ s: ParsedSentence, _ previousSpeaker: String?) -> String? {
        let w = s.words
        for (i, x) in w.enumerated() where (x.tag == .propn || x.tag == .noun) && people.isPerson(x.lower) {
            let setOff = i + 1 >= w.count || w[i + 1].isPunct || i == 0 || w[i - 1].isPunct
            if setOff { return people.fullName(x.text) }
        }
        return previousSpeaker == s.speaker ? nil : previousSpeaker
    }

    private mutating func addOwner(_ t: Int, _ name: String, _ strength: Int) {
        order += 1
        owners[t, default: []].append((people.fullName(name), strength, order))
    }

    // MARK: - Due dates

    private mutating func findDues(_ s: ParsedSentence, _ mentions: [Mention], _ recorded: [Int]) {
        for found in DueDateFinder.find(in: s.words, meetingDate: meetingDate) {
            guard let clause = s.clauses.first(where: { $0.range.contains(found.range.lowerBound) }), clause.kind != .condition else { continue }
            // "Ana is back tomorrow", "Kim's off Friday": when a person is around is no due date.
            if let v = clause.verb, v.isCopula, let subject = clause.subject, isPresence(clause, subject, s.words) { continue }
            let sameClause = mentions.filter { clause.range.contains($0.phrase.range.lowerBound) && !entities.all[$0.local].isLoneCommon }
            // A named thing the sentence gave a status to, before a lone word ("rooms are booked").
            let target = recorded.first(where: { !entities.all[$0].isLoneCommon }) ?? recorded.first
                ?? sameClause.last(where: { $0.phrase.range.upperBound <= found.range.lowerBound })?.local
                ?? sameClause.first?.local
                ?? currentTopic()
            guard let t = target else { continue }
            order += 1
            dues[t, default: []].append((found.day, order))
        }
    }
}
