import Foundation

/// Whom a status reading is about, before the discourse decides which entity that is.
enum StatusTarget: Sendable {
    /// A phrase the clause names.
    case phrase(NounPhrase)
    /// "it", "that", "this one": what was last talked about.
    case pronoun
    /// Nothing named ("we're stuck", "blocked on permits", "done"): the topic.
    case topic
}

struct StatusReading: Sendable {
    var state: EntityState
    var strength: Int
    var target: StatusTarget
    /// A suggestion: the next speakers may accept it (→ planned) or not.
    var isProposal: Bool
    /// Asked, not stated: counts only when the answer confirms it.
    var isQuestion: Bool
    /// Said of a part of the thing ("the API side is finished", "80% done"): progress on the whole.
    var isPartial: Bool
    /// The part is the subject ("the API side", "the first tables"): the status belongs to
    /// the thing under discussion, not to the part.
    var partSubject = false
    /// Position of the predicate in the sentence.
    var position: Int
    var concept: StatusConcept
    /// Read from an act said as done ("the login flow is built"), not from a word of
    /// status: what it finished may be a piece of the thing under discussion.
    var byResult = false
}

/// Reads what a clause says about the progress of work by composing its parts: the
/// meaning of the predicate (a WordNet concept or an idiom), then polarity ("not",
/// "no longer", "nothing"), modality ("could", "should", "will", "let's", a question,
/// an "if"), aspect (progressive, perfect, partial: "the API side is finished") and
/// voice (who did what to what). No sentence is matched as a whole.
struct StatusReader {
    let lexicon: StatusLexicon?
    let wordNet: WordNet?
    let isPerson: (String) -> Bool

    func read(_ s: ParsedSentence) -> [StatusReading] {
        var out: [StatusReading] = []
        for (ci, clause) in s.clauses.enumerated() {
            guard clause.kind != .condition, clause.kind != .waitFor else { continue }
            // "As agreed, …", "as discussed", "as planned": a nod to what was said before,
            // not a new statement about the work.
            let content = s.words[clause.range].filter { !$0.isPunct }
            if clause.subject == nil, content.count == 2, content[0].lower == "as", content[1].tag == .verb { continue }
            // "I'd flag the steel frame as at risk", "we're treating the lease as blocked":
            // a state given "as" what the previous clause's object is.
            if ci > 0, s.words[clause.range.lowerBound].lower == "as", let thing = s.clauses[ci - 1].objects.first(where: { !isPersonPhrase($0, s.words) }),
               var r = read(clause, ci, s) {
                out.removeAll { s.clauses[ci - 1].range.contains($0.position) && $0.isProposal }
                r.target = phraseOrPronoun(thing, s.words)
                r.strength = max(r.strength, 2)
                r.isProposal = false
                out.append(r)
                continue
            }
            if let r = waitingFor(clause, ci, s) ?? read(clause, ci, s) ?? proposal(clause, s) { out.append(r) }
        }
        return out
    }

    /// "We can't touch it until security signs off", "nothing to do there until they
    /// answer", "won't start before the budget is in place": a negated main clause limited
    /// by "until"/"before"/"once" says the work waits on something: blocked.
    private func waitingFor(_ c: Clause, _ ci: Int, _ s: ParsedSentence) -> StatusReading? {
        guard ci + 1 < s.clauses.count, s.clauses[ci + 1].kind == .waitFor, c.kind == .main || c.kind == .complement else { return nil }
        let w = s.words
        let negative = (c.verb?.negated ?? false) || c.range.contains { ["nothing", "no", "nobody", "not", "never", "n't"].contains(w[$0].lower) }
        guard negative else { return nil }
        // "on hold until", "paused until": the pause is the news.
        let found = predicate(c, w)
        if let f = found, f.concept == .pause { return nil }
        // "We won't start building until 4.2 is out": scheduled after it, not stuck.
        let planned = found?.concept == .begin && ["will", "going to"].contains(c.verb?.modal ?? "")
        let target: StatusTarget
        let nothing: Set<String> = ["anything", "nothing", "something", "everything", "much", "any"]
        if let p = c.prepObjects.first(where: { ["on", "with", "for"].contains($0.prep) && !$0.np.isPronoun && !isPersonPhrase($0.np, w) }) {
            target = phraseOrPronoun(p.np, w)
        } else if let o = c.objects.first(where: { !isPersonPhrase($0, w) && !($0.isPronoun && nothing.contains(w[$0.head].lower)) }) { target = phraseOrPronoun(o, w) }
        else if let subj = c.subject, !isPersonPhrase(subj, w), !(subj.isPronoun && ["nothing", "nobody"].contains(w[subj.head].lower)) { target = phraseOrPronoun(subj, w) }
        else { target = .topic }
        return StatusReading(state: planned ? .planned : .blocked, strength: planned ? 2 : 3, target: followsGerund(c, w) ? .topic : target,
                             isProposal: false, isQuestion: s.isQuestion, isPartial: false, position: c.verb?.main ?? c.range.lowerBound,
                             concept: planned ? .schedule : .block)
    }

    /// "We could pilot an evening clinic", "I'd like to approach them about a gala
    /// sponsorship", "what if we built a volunteer app": a speaker putting forward work
    /// (a wish or possibility, said by "I", "we" or "you", about an activity) proposes it.
    private func proposal(_ c: Clause, _ s: ParsedSentence) -> StatusReading? {
        let w = s.words
        guard let v = c.verb, !v.negated, c.kind == .main || c.kind == .complement, let subject = c.subject, subject.isPronoun,
              ["i", "we", "you", "us"].contains(w[subject.head].lower) else { return nil }
        let wish = v.modal.map { ["could", "might", "should", "'d", "would", "like to", "want to", "love to"].contains($0) } ?? false
        let whatIf = c.range.lowerBound >= 2 && w[c.range.lowerBound - 1].lower == "if" && w[c.range.lowerBound - 2].lower == "what"
        guard wish || whatIf, w[v.main].tag == .verb, !Self.nonActivities.contains(w[v.main].lemma) || w[v.main].lemma == "start" else { return nil }
        let np = c.objects.first { !$0.isPronoun && !isPersonPhrase($0, w) && !isTimePhrase($0, w) }
            ?? c.prepObjects.first { ["about", "for", "on", "with", "into"].contains($0.prep) && !isPersonPhrase($0.np, w) && !isTimePhrase($0.np, w) }?.np
        guard let thing = np else { return nil }
        // "We could build a small one": the one under discussion.
        let placeholder = EntityNamer.placeholders.contains(w[thing.head].lower)
        return StatusReading(state: .proposed, strength: 2, target: placeholder ? .topic : .phrase(thing), isProposal: true, isQuestion: false,
                             isPartial: false, position: v.main, concept: .propose)
    }

    // MARK: - One clause

    private func read(_ c: Clause, _ ci: Int, _ s: ParsedSentence) -> StatusReading? {
        let w = s.words
        // "Agreed, …", "Fine.", "Approved!": a one-word reply to the last speaker, not a predicate.
        let content = c.range.filter { !w[$0].isPunct && w[$0].tag != .intj && w[$0].tag != .conj }
        if content.count == 1, c.subject == nil, c.kind == .main, ci == 0 || s.clauses.count == 1,
           ["agreed", "approved", "fine", "sure", "done", "deal", "decided", "confirmed"].contains(w[content[0]].lower) { return nil }
        if let r = symbol(c, s) ?? deferred(c, s) ?? decidedAct(c, s) ?? committedDoing(c, s) ?? particlePredicate(c, s) { return r }
        guard var found = predicate(c, w) ?? choiceVerb(c, w) else { return activity(c, ci, s) ?? dateOutlook(c, s) ?? accomplished(c, s) }
        // "Wait a second", "uh wait, no": "wait" said to the room holds up the talk, not the
        // work — unless it names what is waited for. "It depends on the ergonomics",
        // "depending on your mood": a condition, not a dependency holding work up.
        if found.concept == .wait, let at = found.at, let v = c.verb, v.main == at {
            if w[at].lemma == "wait", v.isImperative, !c.prepObjects.contains(where: { ["for", "on", "until"].contains($0.prep) }) { return nil }
            if w[at].lemma == "depend", w[at].lower == "depending" || c.subject.map({ $0.isPronoun && ["it", "that", "this"].contains(w[$0.head].lower) }) ?? true {
                return nil
            }
        }
        // "My laptop decided to update itself", "they agreed to send the figures": deciding
        // to do something says what the subject chose, not the state of a piece of work.
        if [.decide, .approve].contains(found.concept), let v = c.verb, found.at == v.main, v.range.upperBound < w.count,
           w[v.range.upperBound].lower == "to" { return nil }
        // "Mr Mistry agreed to do so", "Mr Lowe agreed.": a person accepting an action or a
        // point is not a decision about a piece of work (who takes it is found elsewhere).
        if [.approve, .decide].contains(found.concept), let v = c.verb, !v.isPassive, !v.isCopula,
           let subj = c.subject, isPersonPhrase(subj, w), w[subj.head].lower != "we",
           c.objects.isEmpty && c.prepObjects.isEmpty || (v.range.upperBound < w.count && w[v.range.upperBound].lower == "to") {
            return nil
        }
        var negated = (c.verb?.negated ?? false) && !found.absorbsNegation
        // "not on track", "not done", "no longer blocked" inside the complement.
        if !found.absorbsNegation, let at = found.at, at > c.range.lowerBound {
            let before = w[max(c.range.lowerBound, at - 3)..<at]
            if before.contains(where: { $0.tag == .neg || $0.lower == "no" }) { negated = true }
        }
        let noLonger = c.range.contains { (i: Int) -> Bool in
            let x = w[i].lower
            let previous = i > 0 ? w[i - 1].lower : ""
            return x == "anymore" || (x == "longer" && previous == "no") || (x == "more" && previous == "any")
        }
        // "nothing agreed", "no decision", "nobody has started": a negative subject or object.
        if let subject = c.subject, subject.isPronoun, ["nothing", "nobody", "none", "noone", "no-one"].contains(w[subject.head].lower) { negated = true }
        if let d = c.subject?.determiner, d == "no", found.fromNoun { negated = true }
        if found.fromNoun, let at = found.at, at > 0, w[at - 1].lower == "no" || (at > 1 && w[at - 2].lower == "no") { negated = true }
        if c.range.contains(where: { w[$0].lower == "without" }) && found.concept == .begin { negated = true }

        // "I want it finished by May 29th": a wish about the complement, not a fact.
        let desire = c.verb.map { Self.desireVerbs.contains(w[$0.main].lemma) } ?? false
        let modal = c.verb?.modal ?? (desire ? "want to" : nil)
        let irrealis = modal.map { FunctionWords.irrealisModals.contains($0) || ["want to", "hope to", "wish to", "like to", "love to", "need to", "have to"].contains($0) } ?? false
        let futurate = modal == nil && isFuturate(c, w)
        let future = modal.map { ["will", "going to", "plan to", "aim to", "intend to", "expect to"].contains($0) } ?? futurate
        let question = s.isQuestion || c.kind == .main && isInterrogative(c, w)

        guard var (state, strength) = compose(found.concept, negated: negated, noLonger: noLonger, irrealis: irrealis,
                                              future: future, progressive: c.verb?.isProgressive ?? false,
                                              modal: modal, futurate: futurate) else { return nil }
        // An idiom states its state as plainly as it was written ("at risk" says at risk
        // outright, though a word of trouble alone only hints at it).
        if found.span != nil, state == found.concept.plainState { strength = max(strength, found.strength) }
        if c.kind == .reason || c.kind == .concession || c.kind == .time { strength = max(1, strength - 1) }
        strength = min(strength, found.strength)
        // "The API side is finished", "80% done", "mostly done": part of it.
        let partial = isPartial(c, w, found)
        if partial, state == .completed { state = .in_progress; strength = 2 }
        found.isProposal = found.isProposal || (state == .proposed && !negated)
        var scoped = c
        if let span = found.span {
            scoped.objects.removeAll { span.overlaps($0.range) }
            scoped.prepObjects.removeAll { span.overlaps($0.np.range) }
        }
        // "Support tickets dropped", "the deal closed": a verb that cancels or approves acts on
        // something; used without an object or a passive, it means something else (fell).
        if [.cancel, .approve, .decide].contains(found.concept), let v = c.verb, !v.isPassive, !v.isCopula, !v.isImperative,
           found.at == v.main, scoped.objects.isEmpty, let subj = c.subject, !subj.isPronoun, !isPersonPhrase(subj, w),
           !(v.range.upperBound < w.count && ["it", "that", "this", "them"].contains(w[v.range.upperBound].lower)) {
            return nil
        }
        let target = found.chosen.map { phraseOrPronoun($0, w) }
            ?? self.target(scoped, w, concept: found.concept, passive: c.verb?.isPassive ?? false, fromNoun: found.fromNoun)
        var reading = StatusReading(state: state, strength: strength, target: target, isProposal: found.isProposal,
                                    isQuestion: question, isPartial: partial, position: found.at ?? c.range.lowerBound, concept: found.concept)
        reading.partSubject = partial && isPartSubject(c, w)
        return reading
    }

    private struct Found {
        /// The words of an idiom ("out the door"): never what the status is about.
        var span: Range<Int>? = nil
        var concept: StatusConcept
        var strength: Int
        var at: Int?
        var fromNoun: Bool
        var isProposal: Bool
        /// What a choice verb chose ("going with the rubber case"): the target.
        var chosen: NounPhrase? = nil
        /// The negation belongs to the predicate's meaning ("can't have" rules out).
        var absorbsNegation = false
    }

    /// The meaning of the clause's predicate: an idiom, a predicate adjective or
    /// participle, a predicate noun ("a risk", "an option"), or the main verb.
    private func predicate(_ c: Clause, _ w: [Word]) -> Found? {
        if let (idiom, at) = StatusIdioms.find(in: w, c.range).first {
            var f = Found(concept: idiom.concept, strength: idiom.strength, at: at, fromNoun: false, isProposal: idiom.concept == .propose)
            f.span = at..<(at + idiom.words.count)
            return f
        }
        guard let lexicon else { return nil }
        // "The migration is going", "it's still going": going, with nothing after it.
        if let v = c.verb, ["go", "move"].contains(w[v.main].lemma), v.isProgressive || w[max(0, v.main - 1)].lower == "still",
           c.range.upperBound == v.range.upperBound || (v.range.upperBound < w.count && Self.isMannerOfMoving(w[v.range.upperBound])) {
            return Found(concept: .progress, strength: 2, at: v.main, fromNoun: false, isProposal: false)
        }
        if let v = c.verb, !v.isCopula, w[v.main].tag == .verb {
            if let concept = lexicon.concept(v.lemma, .verb) ?? lexicon.concept(w[v.main].lemma, .verb)
                ?? lexicon.concept(w[v.main].lower, .adjective) {
                return Found(concept: concept, strength: concept.strength, at: v.main, fromNoun: false, isProposal: false)
            }
        }
        // Copula complements, or a verbless note ("Dalton: blocked", "parked", "done").
        let scan = c.verb.map { $0.isCopula ? ($0.main + 1)..<c.range.upperBound : ($0.range.upperBound)..<c.range.upperBound } ?? c.range
        for i in scan where !w[i].isPunct {
            let x = w[i]
            var concept: StatusConcept?
            var fromNoun = false
            switch x.tag {
            case .adj: concept = lexicon.concept(x.lemma, .adjective)
            case .verb:
                // A participle as a predicate: "cancelled", "approved", "signed".
                if c.verb == nil || c.verb!.isCopula || x.lower.hasSuffix("ed") || x.lower.hasSuffix("en") {
                    concept = lexicon.concept(x.lemma, .verb) ?? lexicon.concept(x.lower, .adjective)
                }
            case .noun:
                // Only as the head of a predicate noun phrase: "a risk", "an option", "the blocker".
                if isPhraseHead(i, c) { concept = lexicon.concept(x.lemma, .noun); fromNoun = true }
            case .adv:
                concept = lexicon.concept(x.lemma, .adjective)
            case .prep where x.lower == "behind" && c.verb?.isCopula == true:
                concept = .delay             // "we're behind", "it's behind"
            default: break
            }
            // A verbless clause names its subject first; its status word must follow the name.
            if let concept, c.verb != nil || !(c.subject?.range.contains(i) ?? false) {
                let strength = fromNoun ? min(concept.strength, 2) : concept.strength
                return Found(concept: concept, strength: strength, at: i, fromNoun: fromNoun,
                             isProposal: fromNoun && concept == .propose)
            }
            // Stop at the first preposition after a complement word: "on the migration" is not it.
            if c.verb != nil, x.tag == .prep, i > scan.lowerBound + 1 { break }
        }
        return nil
    }

    /// What may follow "going"/"moving" when they mean progress: how it goes ("well",
    /// "slowly", "at a crawl"), never where to ("back", "to Leeds", "into review").
    private static func isMannerOfMoving(_ x: Word) -> Bool {
        if ["well", "fine", "ok", "okay", "smoothly", "great", "ahead", "strong", "along", "forward", "forwards", "at"].contains(x.lower) { return true }
        return x.tag == .adv && !["back", "away", "down", "off", "out", "home", "in", "up", "over", "around", "round", "there", "here"].contains(x.lower)
    }

    /// A group choosing what goes into the work: "we're going with the rubber case",
    /// "we'll use a simple battery", "we're incorporating voice recognition", "let's go
    /// for Greenleaf", "we can't have solar panels". These verbs say nothing of progress
    /// on their own ("we use Jira" is a habit), so they count only when the team is the
    /// subject (or the verb is a command) and the verb looks ahead — will, going to, the
    /// futurate progressive, a modal of proposal — or is negated; the composition below
    /// then gives planned, proposed or, negated, cancelled.
    private func choiceVerb(_ c: Clause, _ w: [Word]) -> Found? {
        guard let v = c.verb, c.kind == .main || c.kind == .complement, !v.isPassive else { return nil }
        let lemma = w[v.main].lemma
        let next = v.range.upperBound < w.count ? w[v.range.upperBound].lower : ""
        let choosing: Bool
        switch lemma {
        case "go", "stick", "settle": choosing = ["with", "for", "on"].contains(next) || v.lemma == "go_with" || v.lemma == "go_for" || v.lemma == "settle_on" || v.lemma == "stick_with"
        case "use", "include", "incorporate", "adopt", "add": choosing = true
        case "have", "keep": choosing = v.isProgressive || v.modal != nil  // "we're having push-buttons"; "we have a problem" is not a choice
        default: choosing = false
        }
        guard choosing else { return nil }
        let team = c.subject.map { $0.isPronoun && ["we", "us"].contains(w[$0.head].lower) } ?? false
        guard team || v.isImperative else { return nil }
        let ahead = v.modal != nil || v.isProgressive || v.negated || v.isImperative
        guard ahead else { return nil }
        // The choice needs a thing chosen, not a time or an event: "we're having a meeting on Friday".
        let chosen = c.objects.first { !isPersonPhrase($0, w) && !isTimePhrase($0, w) }
            ?? c.prepObjects.first { ["with", "for", "on"].contains($0.prep) && !isPersonPhrase($0.np, w) && !isTimePhrase($0.np, w) }?.np
        guard let thing = chosen, !thing.isPronoun || ["it", "that", "this", "them", "those", "these"].contains(w[thing.head].lower) else { return nil }
        if lemma == "have", let wn = wordNet, w[thing.head].tag == .noun, let sense = wn.senses(w[thing.head].lemma, .noun).first,
           ["noun.event", "noun.act", "noun.time", "noun.communication", "noun.feeling", "noun.state", "noun.cognition"].contains(LexicalFile.names[Int(sense.lexfile)]) {
            return nil
        }
        // Choosing ahead is scheduling the thing in; refusing it ("we can't have", "we won't
        // use") rules it out — the negation is the meaning, not a polarity to flip.
        var found = Found(concept: v.negated ? .cancel : .schedule, strength: 2, at: v.main, fromNoun: false, isProposal: false)
        found.chosen = thing
        found.absorbsNegation = v.negated
        return found
    }

    private func isPhraseHead(_ i: Int, _ c: Clause) -> Bool {
        c.phrases.contains { $0.head == i && !($0 == c.subject) }
    }

    /// "we're building the dashboard", "I'm doing the change management controls this
    /// week", "still working through it": work under way, said through what is being done.
    private func activity(_ c: Clause, _ ci: Int, _ s: ParsedSentence) -> StatusReading? {
        if let r = partDone(c, s) { return r }
        // "I'm on it", "we're on that now": someone is working on the thing.
        if let v = c.verb, v.isCopula, !v.negated, v.modal == nil, let subject = c.subject, isPersonPhrase(subject, s.words) {
            let rest = (v.main + 1..<c.range.upperBound).map { s.words[$0].lower }.filter { !["now", "already", "still", "."].contains($0) }
            if rest.count == 2, rest[0] == "on", ["it", "that", "this"].contains(rest[1]) {
                return StatusReading(state: .in_progress, strength: 2, target: .pronoun, isProposal: false, isQuestion: s.isQuestion,
                                     isPartial: false, position: v.main, concept: .progress)
            }
        }
        // "The tender bid is being written", "the racks are being installed": an act that
        // ends in a result, said in the progressive passive of the thing, is under way.
        if let v = c.verb, v.isProgressive, v.isPassive, !v.negated, v.modal == nil, c.kind == .main, let subject = c.subject,
           !subject.isPronoun || ["it", "this", "that"].contains(s.words[subject.head].lower), !isPersonPhrase(subject, s.words),
           let wn = wordNet, let sense = wn.senses(s.words[v.main].lemma, .verb).first,
           Self.resultFiles.contains(LexicalFile.names[Int(sense.lexfile)]), !Self.talkVerbs.contains(s.words[v.main].lemma) {
            let ahead = isFuturate(c, s.words)
            return StatusReading(state: ahead ? .planned : .in_progress, strength: 2, target: phraseOrPronoun(subject, s.words), isProposal: false,
                                 isQuestion: s.isQuestion, isPartial: false, position: v.main, concept: ahead ? .schedule : .progress)
        }
        guard let v = c.verb, v.isProgressive || (v.particle != nil && ["on", "through"].contains(s.words[v.particle!].lower)),
              !v.negated, v.modal == nil, c.kind == .main || c.kind == .complement,
              let subject = c.subject, isPersonPhrase(subject, s.words) else { return nil }
        let lemma = s.words[v.main].lemma
        guard !Self.nonActivities.contains(lemma) else { return nil }
        // Making, changing, handling and negotiating are work on something; thinking, being,
        // feeling, moving and aiming are not (but "working" is).
        if let wn = wordNet, let sense = wn.senses(lemma, .verb).first, lemma != "work",
           !["verb.creation", "verb.change", "verb.contact", "verb.communication", "verb.social", "verb.possession"].contains(LexicalFile.names[Int(sense.lexfile)]) {
            return nil
        }
        let target: StatusTarget = c.objects.first.map { phraseOrPronoun($0, s.words) }
            ?? c.prepObjects.first(where: { ["on", "through"].contains($0.prep) }).map { phraseOrPronoun($0.np, s.words) } ?? .topic
        if isFuturate(c, s.words) {
            return StatusReading(state: .planned, strength: 1, target: target, isProposal: false, isQuestion: s.isQuestion,
                                 isPartial: false, position: v.main, concept: .schedule)
        }
        return StatusReading(state: .in_progress, strength: 1, target: target, isProposal: false, isQuestion: s.isQuestion,
                             isPartial: false, position: v.main, concept: .progress)
    }

    private static let desireVerbs: Set<String> = ["want", "need", "hope", "wish", "like", "expect", "prefer", "require", "aim"]

    /// "We moved the first forty tables", "I've mapped about two thirds of the fields":
    /// work done on a part of the thing under discussion means it is under way.
    private func partDone(_ c: Clause, _ s: ParsedSentence) -> StatusReading? {
        let w = s.words
        guard let v = c.verb, !v.negated, v.modal == nil, !v.isCopula, c.kind == .main, let subject = c.subject,
              isPersonPhrase(subject, w), let object = c.objects.first, !object.isPronoun,
              w[v.main].lower.hasSuffix("ed") || v.isPerfect || w[v.main].lower != w[v.main].lemma else { return nil }
        let span = object.range.lowerBound..<min(w.count, object.range.upperBound + 3)
        let counted = span.contains { i in
            w[i].tag == .num || FunctionWords.ordinalWords[w[i].lower] != nil || ["half", "most", "some", "thirds", "third", "quarter",
                "percent", "bulk", "rest", "part"].contains(w[i].lower) || w[i].lower.hasSuffix("%")
        }
        guard counted else { return nil }
        return StatusReading(state: .in_progress, strength: 2, target: .topic, isProposal: false, isQuestion: s.isQuestion,
                             isPartial: true, position: v.main, concept: .progress)
    }

    /// "I don't think I make the 27th", "we won't hit the date", "we'll make it": whether a
    /// date will be met, said with the verbs for meeting it.
    private func dateOutlook(_ c: Clause, _ s: ParsedSentence) -> StatusReading? {
        let w = s.words
        guard let v = c.verb, ["make", "hit", "meet", "reach", "miss"].contains(w[v.main].lemma), c.kind != .condition else { return nil }
        let object = c.objects.first
        let aboutDate = object.map { isTimePhrase($0, w) || ["date", "deadline", "it", "target", "window", "cutoff"].contains(w[$0.head].lower) } ?? false
        guard aboutDate else { return nil }
        // "I don't think I make it" negates the belief, not the making: still a doubt.
        let doubted = v.negated || (c.range.lowerBound > 0 && s.words[..<c.range.lowerBound].contains { $0.tag == .neg })
        let missed = w[v.main].lemma == "miss"
        let state: EntityState = doubted != missed ? .at_risk : .in_progress
        return StatusReading(state: state, strength: state == .at_risk ? 3 : 2, target: .topic, isProposal: false, isQuestion: s.isQuestion,
                             isPartial: false, position: v.main, concept: state == .at_risk ? .trouble : .progress)
    }

    /// Verbs that describe talk or presence, not progress on work.
    private static let nonActivities: Set<String> = ["talk", "say", "think", "go", "come", "look", "wait", "try", "ask",
        "tell", "hope", "mean", "get", "have", "be", "do", "kid", "joke", "laugh", "listen", "hear", "see", "want",
        "need", "expect", "plan", "call", "record", "share", "present", "start", "move", "run", "sit"]

    // MARK: - Marks, deferrals, decisions and accomplishments

    /// Status marks of written notes and trackers: a tick, a cross, a warning sign, a
    /// pause sign, the red-amber-green lights ("✅ cert renewed", "⚠️ Q3 launch slipping").
    static let marks: [Character: StatusConcept] = [
        "✅": .complete, "✔": .complete, "☑": .complete, "❌": .cancel, "✖": .cancel, "⚠": .trouble, "⏸": .pause,
        "🚧": .progress, "🛑": .block, "⛔": .block, "🔴": .trouble, "🟠": .trouble, "🟡": .trouble, "🟢": .progress,
    ]

    private func symbol(_ c: Clause, _ s: ParsedSentence) -> StatusReading? {
        let w = s.words
        guard let at = c.range.first(where: { i in w[i].text.unicodeScalars.first.map { Self.marks[Character($0)] != nil } ?? false }),
              let concept = w[at].text.unicodeScalars.first.flatMap({ Self.marks[Character($0)] }) else { return nil }
        // The thing is what the line names: its subject, else its first phrase.
        let np = c.subject ?? c.phrases.first { !$0.isPronoun && !isPersonPhrase($0, w) }
        let target: StatusTarget = np.map { phraseOrPronoun(Self.withoutMarks($0, w), w) } ?? .topic
        return StatusReading(state: concept.plainState, strength: 3, target: target, isProposal: false, isQuestion: s.isQuestion,
                             isPartial: isPartial(c, w, Found(concept: concept, strength: 3, at: at, fromNoun: false, isProposal: false)),
                             position: at, concept: concept)
    }

    /// A phrase with any status mark at its edge left out ("✅ SSL cert" names the cert).
    private static func withoutMarks(_ np: NounPhrase, _ w: [Word]) -> NounPhrase {
        var p = np
        while p.range.count > 1, let f = w[p.range.lowerBound].text.unicodeScalars.first, marks[Character(f)] != nil {
            p.range = (p.range.lowerBound + 1)..<p.range.upperBound
            if p.nameRange.lowerBound < p.range.lowerBound { p.nameRange = p.range.lowerBound..<max(p.range.lowerBound, p.nameRange.upperBound) }
        }
        return p
    }

    /// "We've pushed the garden project out to the summer", "moved to next fiscal year",
    /// "deferred until after the audit": work moved to a season, a year or a quarter away
    /// is set aside on purpose — on hold — where a slip of days is a delay.
    private func deferred(_ c: Clause, _ s: ParsedSentence) -> StatusReading? {
        let w = s.words
        guard let v = c.verb, !v.negated, c.kind == .main || c.kind == .complement, !s.isQuestion,
              Self.movingVerbs.contains(w[v.main].lemma) || Self.movingVerbs.contains(v.lemma) else { return nil }
        guard let when = c.prepObjects.first(where: { ["to", "until", "till", "into", "after", "for"].contains($0.prep) && isFarTime($0.np, w) }) else { return nil }
        let thing = v.isPassive ? c.subject : c.objects.first { !isPersonPhrase($0, w) && !isTimePhrase($0, w) } ?? (isPersonPhrase(c.subject ?? when.np, w) ? nil : c.subject)
        let target: StatusTarget = thing.map { phraseOrPronoun($0, w) } ?? .topic
        let irrealis = v.modal.map { FunctionWords.irrealisModals.contains($0) } ?? false
        return StatusReading(state: irrealis ? .proposed : .on_hold, strength: irrealis ? 2 : 3, target: target, isProposal: irrealis,
                             isQuestion: false, isPartial: false, position: v.main, concept: irrealis ? .propose : .pause)
    }

    static let movingVerbs: Set<String> = ["move", "push", "shift", "bump", "defer", "postpone", "delay", "punt", "kick", "slide",
        "put_off", "push_back", "push_out", "move_back", "carry_over", "roll_over", "park", "hold_over", "put_back", "reschedule"]

    /// A year, a quarter, a season, a school term or a fiscal period: far enough away that
    /// moving work there sets it aside.
    private func isFarTime(_ np: NounPhrase, _ w: [Word]) -> Bool {
        let words = w[np.range].map { $0.lower }
        let far: Set<String> = ["year", "quarter", "season", "spring", "summer", "autumn", "fall", "winter", "term", "semester",
                                "holidays", "fy", "fiscal", "h1", "h2", "q1", "q2", "q3", "q4", "january", "new", "decade"]
        return words.contains { far.contains($0) } || words.contains { $0.count == 4 && $0.hasPrefix("20") && $0.allSatisfy(\.isNumber) }
    }

    /// "The board voted to abandon the new wing", "we decided to drop the kiosk", "the
    /// committee agreed to launch in May": a decision whose content is an act on the work
    /// says what becomes of it — cancelled or paused, else planned.
    private func decidedAct(_ c: Clause, _ s: ParsedSentence) -> StatusReading? {
        let w = s.words
        guard let lexicon, let v = c.verb, !v.negated, c.kind == .main || c.kind == .complement, !s.isQuestion,
              Self.decidingVerbs.contains(w[v.main].lemma), v.range.upperBound + 1 < c.range.upperBound,
              w[v.range.upperBound].lower == "to", let subject = c.subject, isPersonPhrase(subject, w) || subject.isPronoun else { return nil }
        let k = v.range.upperBound + 1
        guard w[k].tag == .verb || w[k].tag == .noun else { return nil }
        let act = lexicon.concept(w[k].lemma, .verb)
        let state: EntityState
        switch act {
        case .cancel?: state = .cancelled
        case .pause?: state = .on_hold
        case .begin?, .complete?, .schedule?, .approve?, .resume?, .progress?: state = .planned
        default: return nil
        }
        let objectNP = c.phrases.first { $0.range.lowerBound > k && !isPersonPhrase($0, w) && !isTimePhrase($0, w) }
        let target: StatusTarget = objectNP.map { phraseOrPronoun($0, w) } ?? .topic
        return StatusReading(state: state, strength: 3, target: target, isProposal: false, isQuestion: false, isPartial: false,
                             position: k, concept: state == .cancelled ? .cancel : state == .on_hold ? .pause : .decide)
    }

    /// "The cordless base, we're doing it", "we're not doing the app": the group saying, in
    /// the progressive, what it does is English's futurate — a commitment, not a report of
    /// work under way (which "we're building it" or "I'm doing the mapping" are). Said
    /// with a negation it is the thing dropped.
    private func committedDoing(_ c: Clause, _ s: ParsedSentence) -> StatusReading? {
        let w = s.words
        guard let v = c.verb, v.isProgressive, v.modal == nil, c.kind == .main, !s.isQuestion, w[v.main].lemma == "do",
              let subject = c.subject, subject.isPronoun, w[subject.head].lower == "we",
              let object = c.objects.first, !isPersonPhrase(object, w), !isTimePhrase(object, w) else { return nil }
        // "We're doing well" has no object, so it never gets here.
        let state: EntityState = v.negated ? .cancelled : .planned
        return StatusReading(state: state, strength: 2, target: phraseOrPronoun(object, w), isProposal: false, isQuestion: false,
                             isPartial: false, position: v.main, concept: v.negated ? .cancel : .decide)
    }

    static let decidingVerbs: Set<String> = ["decide", "vote", "agree", "resolve", "commit", "choose", "opt", "elect", "determine"]

    /// "The cert was renewed", "we've installed the new router", "the fit-out was handed
    /// over", "✅ portal cert renewed": an act that makes, changes or hands something over,
    /// said as done (past or perfect, active or passive), finishes the thing it was done
    /// to. Said of a part ("I've drafted the response letter") it is progress on the
    /// thing under discussion, which the discourse works out.
    private func accomplished(_ c: Clause, _ s: ParsedSentence) -> StatusReading? {
        let w = s.words
        guard let wordNet, let v = c.verb, !v.negated, v.modal == nil, !v.isProgressive, !s.isQuestion,
              c.kind == .main || c.kind == .complement, w[v.main].tag == .verb,
              // "has to be redone": an infinitive states no act.
              w[v.range.lowerBound].lower != "to", v.range.lowerBound == 0 || w[v.range.lowerBound - 1].lower != "to" else { return nil }
        let lemma = w[v.main].lemma
        let past = w[v.main].isPastForm
        guard past || v.isPerfect else { return nil }
        guard !StatusLexicon.lightVerbs.contains(lemma), !Self.nonActivities.contains(lemma), !ClauseParser.clauseTakingVerbs.contains(lemma),
              !Self.talkVerbs.contains(lemma), !Self.movingVerbs.contains(lemma) else { return nil }
        guard let sense = wordNet.senses(v.lemma, .verb).first ?? wordNet.senses(lemma, .verb).first,
              Self.resultFiles.contains(LexicalFile.names[Int(sense.lexfile)]) else { return nil }
        let target: StatusTarget
        let subjectIsThing = c.subject.map { !isPersonPhrase($0, w) && !$0.isPronoun && !isTimePhrase($0, w) } ?? false
        if v.isPassive || (subjectIsThing && c.objects.isEmpty), let subject = c.subject, !isPersonPhrase(subject, w) {
            target = phraseOrPronoun(subject, w)    // "the cert was renewed", "cert renewed"
        } else if let subject = c.subject, isPersonPhrase(subject, w),
                  let o = c.objects.first(where: { !isPersonPhrase($0, w) && !isTimePhrase($0, w) }) {
            target = phraseOrPronoun(o, w)          // "we installed the router"
        } else { return nil }
        let found = Found(concept: .complete, strength: 2, at: v.main, fromNoun: false, isProposal: false)
        let partial = isPartial(c, w, found) || c.phrases.contains { p in p.range.contains { w[$0].tag == .num } && !isTimePhrase(p, w) }
        var r = StatusReading(state: partial ? .in_progress : .completed, strength: 2, target: target, isProposal: false, isQuestion: false,
                              isPartial: partial, position: v.main, concept: .complete)
        r.byResult = true
        return r
    }

    /// Lexicographer files of acts that end in a result: making, changing, contact
    /// (installing, patching), possession (paying, handing over), social acts (hiring,
    /// launching) and communication (publishing, filing, signing).
    static let resultFiles: Set<String> = ["verb.creation", "verb.change", "verb.contact", "verb.possession", "verb.social", "verb.communication"]

    /// Verbs of talk, contact with people and attention: done, they finish nothing.
    static let talkVerbs: Set<String> = ["discuss", "chat", "email", "ping", "remind", "raise", "flag", "thank", "meet", "greet",
        "welcome", "introduce", "apologise", "apologize", "invite", "join", "leave", "visit", "touch", "hit", "hold", "catch",
        "check", "review", "read", "watch", "attend", "speak", "reply", "answer", "write_back", "complain", "argue", "promise",
        "offer", "ask", "thank", "celebrate", "win", "lose", "help", "support", "contact", "brief", "update", "forward", "cc"]

    // MARK: - Composition

    /// Concept × polarity × modality × aspect → state and strength, or nothing.
    private func compose(_ concept: StatusConcept, negated: Bool, noLonger: Bool, irrealis: Bool, future: Bool,
                         progressive: Bool, modal: String?, futurate: Bool = false) -> (EntityState, Int)? {
        if negated {
            switch concept {
            case .complete:                                     // "not done yet"; "won't finish by the 30th"
                if let m = modal, ["will", "going to", "can", "could", "might", "may"].contains(m) { return (.at_risk, 3) }
                return (.in_progress, 2)
            case .begin: return (.planned, 2)                   // "haven't started"
            case .block, .wait: return modal == nil || noLonger ? (.in_progress, 3) : nil // "not blocked anymore"; "can't hold us up for long" predicts
            case .pause: return (.in_progress, 2)               // "not paused"
            case .delay, .trouble: return noLonger ? (.in_progress, 2) : (.in_progress, 1) // "not worried"
            case .approve, .decide, .schedule: return (.proposed, 2) // "nothing agreed", "not approved yet"
            case .progress, .resume:                            // "can't proceed", "isn't moving"
                if modal == "can" || modal == "could" { return (.blocked, 3) }
                return irrealis ? nil : (.at_risk, 2)
            case .cancel, .propose, .consider: return nil       // "we're not dropping it"
            }
        }
        if noLonger, [.block, .wait, .pause].contains(concept) { return (.in_progress, 3) }
        if irrealis {
            switch concept {
            case .delay, .trouble, .block: return (.at_risk, 2)   // "could slip", "might block us"
            case .propose, .consider: return (.proposed, 2)
            case .complete where modal == "should": return (.in_progress, 1) // "should be done by Friday"
            default: return nil                                 // "we could pause it": a thought, not a decision
            }
        }
        if futurate {
            switch concept {
            case .approve, .decide, .progress, .resume: return (.planned, 2) // "we're signing it Thursday"
            default: break
            }
        }
        if future {
            switch concept {
            case .complete: return (.in_progress, 2)            // "will be done Friday": not yet
            case .begin, .schedule: return (.planned, 2)        // "will start next week"
            case .approve, .decide: return nil                  // "will decide": not yet
            case .delay, .trouble: return (.at_risk, 2)
            default: return (concept.plainState, max(1, concept.strength - 1))
            }
        }
        if progressive, concept == .complete { return (.in_progress, 2) } // "finishing up"
        if concept == .begin { return (.in_progress, 2) }
        return (concept.plainState, concept.strength)
    }

    // MARK: - Aspect and target

    private static let partNouns: Set<String> = ["side", "part", "half", "phase", "bit", "piece", "portion", "stage", "section",
        "chunk", "most", "some", "rest", "first", "majority", "parts", "bits", "pieces", "end", "backend", "frontend"]

    func isPartSubject(_ c: Clause, _ w: [Word]) -> Bool {
        guard let s = c.subject, !s.isPronoun else { return false }
        return Self.partNouns.contains(w[s.head].lemma) || Self.partNouns.contains(w[s.head].lower)
            || s.range.contains(where: { w[$0].tag == .num && FunctionWords.ordinalWords[w[$0].lower] == nil && !Self.isIdentifier(w[$0].lower)
                || ["some", "most", "half", "part"].contains(w[$0].lower) })
            // "the first forty tables", "first tables done", "the first half": the first of several
            // parts; "the first production run" (one, singular) is a whole thing.
            || s.range.contains(where: { $0 + 1 < s.range.upperBound && w[$0].lower == "first"
                && (w[$0 + 1].tag == .num || Self.partNouns.contains(w[$0 + 1].lower)
                    || w[$0 + 1].tag == .noun && w[$0 + 1].lower != w[$0 + 1].lemma && w[$0 + 1].lower.hasSuffix("s")) })
    }

    /// "the 2.3 release", "the 2026 budget", "v2": a number that names a version or a year
    /// identifies the thing; it counts nothing.
    static func isIdentifier(_ number: String) -> Bool {
        if number.contains(".") && number.first?.isNumber == true { return true }
        if number.hasPrefix("v"), number.dropFirst().first?.isNumber == true { return true }
        if number.count == 4, let year = Int(number), (1900...2100).contains(year) { return true }
        return false
    }

    private func isPartial(_ c: Clause, _ w: [Word], _ found: Found) -> Bool {
        if isPartSubject(c, w) { return true }
        // "80% done", "mostly finished", "halfway", "nearly there", "except the renderer".
        let window = c.range
        return window.contains { i in
            let x = w[i].lower
            return ["mostly", "partly", "partially", "nearly", "almost", "halfway", "largely", "percent", "%", "except", "half", "quarter",
                    "third", "thirds", "partway", "somewhat"].contains(x)
                || (x.hasSuffix("%") && x.count > 1)
        }
    }

    /// "started swapping the SDK", "finished testing the app": the verb's object is an
    /// activity (a gerund), part of the work under discussion.
    private func followsGerund(_ c: Clause, _ w: [Word]) -> Bool {
        guard let v = c.verb, v.range.upperBound < c.range.upperBound else { return false }
        let next = w[v.range.upperBound]
        return next.tag == .verb && next.lower.hasSuffix("ing")
    }

    private func target(_ c: Clause, _ w: [Word], concept: StatusConcept, passive: Bool, fromNoun: Bool = false) -> StatusTarget {
        if [.begin, .complete, .resume].contains(concept), followsGerund(c, w) { return .topic }
        // "three of them are blockers for the payment flow": a blocker is for something.
        if fromNoun, [.block, .trouble, .delay].contains(concept),
           let p = c.prepObjects.first(where: { ["for", "to", "on"].contains($0.prep) && !isPersonPhrase($0.np, w) && !isTimePhrase($0.np, w) }) {
            return phraseOrPronoun(p.np, w)
        }
        // "which worries me for 4.2": the thing a worry is for.
        if [.trouble, .delay].contains(concept), c.subject.map({ $0.isPronoun }) ?? true,
           let p = c.prepObjects.first(where: { ["for", "about", "with"].contains($0.prep) && !$0.np.isPronoun && !isPersonPhrase($0.np, w) && !isTimePhrase($0.np, w) }) {
            return .phrase(p.np)
        }
        let agentive: Set<StatusConcept> = [.cancel, .pause, .approve, .decide, .schedule, .propose, .consider, .begin, .resume, .complete, .block]
        let subject = c.subject
        let subjectIsAgent = subject.map { isPersonPhrase($0, w) } ?? false
        // "Backend shipped the endpoint": what an agent did to a thing is said of the thing.
        let hasThingObject = c.objects.contains { !isPersonPhrase($0, w) && !$0.isPronoun && !isTimePhrase($0, w) }
        if let v = c.verb, !v.isCopula, !passive, agentive.contains(concept), subjectIsAgent || subject == nil || v.isImperative || hasThingObject {
            // "we paused the migration", "legal approved the contract", "let's drop it".
            if let o = c.objects.first(where: { !isPersonPhrase($0, w) }) { return phraseOrPronoun(o, w) }
            if concept == .propose || concept == .consider,
               let p = c.prepObjects.first(where: { ["for", "about", "into", "on", "with"].contains($0.prep) && !isPersonPhrase($0.np, w) }) {
                return phraseOrPronoun(p.np, w)
            }
            // "the client pulled the plug on the terrace", "legal signed off on the lease":
            // with no object, what the act was done on.
            if let p = c.prepObjects.first(where: { ["on", "for"].contains($0.prep) && $0.np.range.lowerBound > v.main
                    && !isPersonPhrase($0.np, w) && !isTimePhrase($0.np, w) }) {
                return phraseOrPronoun(p.np, w)
            }
            if subject == nil || subjectIsAgent { return .topic }
        }
        // "the target of clearing the backlog was at risk": the schedule of the work under discussion.
        if let s = subject, !s.isPronoun, EntityNamer.scheduleWords.contains(w[s.head].lower) {
            if let p = c.prepObjects.first(where: { ["of", "for"].contains($0.prep) && $0.np.range.lowerBound == s.range.upperBound + 1 }) {
                return phraseOrPronoun(p.np, w)
            }
            return .topic
        }
        if let s = subject, !subjectIsAgent { return phraseOrPronoun(s, w) }
        // "We're blocked on the Harbor contract": blocked on a thing with a name is the
        // thing held up ("blocked on the vendor" names the cause, and is left to the topic).
        if [.block, .wait].contains(concept), subjectIsAgent || subject?.isPronoun == true,
           let p = c.prepObjects.first(where: { $0.prep == "on" && !isPersonPhrase($0.np, w) && $0.np.range.contains { w[$0].tag == .propn } }) {
            return phraseOrPronoun(p.np, w)
        }
        // "I'm worried about the launch", "we're behind on the migration", "we're blocked on it".
        if [.trouble, .delay, .progress].contains(concept),
           let p = c.prepObjects.first(where: { ["about", "on", "with", "for"].contains($0.prep) && !isPersonPhrase($0.np, w) && !isTimePhrase($0.np, w) }) {
            return phraseOrPronoun(p.np, w)
        }
        return .topic
    }

    func phraseOrPronoun(_ np: NounPhrase, _ w: [Word]) -> StatusTarget {
        // "that one", "this thing": a demonstrative with a placeholder points back.
        if !np.isPronoun, EntityNamer.placeholders.contains(w[np.head].lower), let d = np.determiner,
           ["that", "this", "the"].contains(d), np.nameRange.count == 1 { return .pronoun }
        if np.isPronoun {
            return ["it", "that", "this", "they", "them", "which", "one", "these", "those"].contains(w[np.head].lower) ? .pronoun : .topic
        }
        return .phrase(np)
    }

    /// People, teams and organisations act; they are not the work.
    func isPersonPhrase(_ np: NounPhrase, _ w: [Word]) -> Bool {
        let head = w[np.head]
        if np.isPronoun { return ["i", "we", "you", "he", "she", "us", "me", "him", "her", "everyone", "everybody", "someone",
                                  "somebody", "nobody", "anyone", "anybody", "who", "y'all", "u"].contains(head.lower) }
        if isPerson(head.lower) || np.nameRange.allSatisfy({ isPerson(w[$0].lower) }) { return true }
        if let wn = wordNet, head.tag == .noun, let sense = wn.senses(head.lemma, .noun).first {
            let file = LexicalFile.names[Int(sense.lexfile)]
            if file == "noun.person" || file == "noun.group" && np.nameRange.count == 1 { return true }
        }
        return ["team", "legal", "finance", "procurement", "marketing", "sales", "engineering", "ops", "hr", "it", "security",
                "leadership", "management", "everyone", "vendor", "client", "customer", "board", "council", "committee"].contains(head.lower)
            && np.nameRange.count == 1
    }

    func isTimePhrase(_ np: NounPhrase, _ w: [Word]) -> Bool {
        w[np.head].tag == .num || isTimeWord(w[np.head])
    }

    /// Unpunctuated questions: "can we not just put the record somewhere else", "is it done".
    private func isInterrogative(_ c: Clause, _ w: [Word]) -> Bool {
        guard let first = c.range.first(where: { !w[$0].isPunct && w[$0].tag != .intj && w[$0].tag != .conj }) else { return false }
        let x = w[first]
        guard x.tag == .aux || x.tag == .modal, first + 1 < c.range.upperBound else { return false }
        let next = w[first + 1]
        return next.tag == .pron && FunctionWords.subjectPronouns.contains(next.lower) || next.tag == .det
    }
}

extension NounPhrase: Equatable {
    static func == (a: NounPhrase, b: NounPhrase) -> Bool { a.range == b.range }
}
