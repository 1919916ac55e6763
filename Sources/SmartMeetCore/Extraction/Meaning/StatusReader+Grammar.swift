import Foundation

/// Two readings where the grammar, not the verb's meaning, says the state: the
/// futurate progressive (an arrangement, not work under way) and a particle alone as the
/// predicate ("is off", "is back", "is out").
extension StatusReader {
    /// English's futurate: the present progressive with a time ahead states an arrangement,
    /// not work under way ("the sensor is being installed Thursday", "we're launching next
    /// month", "the refit is starting on Monday"). A time that includes now ("this week",
    /// "today", "right now") keeps it a report of what is happening; a past auxiliary
    /// ("was being tested") is no futurate at all.
    func isFuturate(_ c: Clause, _ w: [Word]) -> Bool {
        guard let v = c.verb, v.isProgressive, v.modal == nil, !v.negated else { return false }
        if v.range.contains(where: { ["was", "were"].contains(w[$0].lower) }) { return false }
        var ahead = false
        for i in c.range {
            let x = w[i].lower
            let previous = i > c.range.lowerBound ? w[i - 1].lower : ""
            let next = i + 1 < c.range.upperBound ? w[i + 1].lower : ""
            switch x {
            case "now", "today", "currently", "still", "already": return false
            case "this" where previous != "later" && ["week", "month", "sprint", "quarter", "morning", "year"].contains(next): return false
            case "tomorrow", "tonight", "later": ahead = true
            case "next" where i + 1 < c.range.upperBound && isTimeWord(w[i + 1]): ahead = true
            // "in two weeks", "in a couple of days"
            case "in" where (i + 1..<min(c.range.upperBound, i + 5)).contains { isTimeWord(w[$0]) && !FunctionWords.months.contains(w[$0].lower) }
                && (w[i + 1].tag == .num || ["a", "two", "three", "few", "couple"].contains(next)): ahead = true
            default: if FunctionWords.weekdays.contains(x), previous != "last" { ahead = true }
            }
        }
        return ahead
    }

    func isTimeWord(_ x: Word) -> Bool {
        if FunctionWords.weekdays.contains(x.lower) || FunctionWords.months.contains(x.lower) { return true }
        guard let wn = wordNet, let sense = wn.senses(x.lemma, .noun).first else { return false }
        return LexicalFile.names[Int(sense.lexfile)] == "noun.time"
    }

    /// A thing that "is off", "is back" or "is out": the particle alone is the predicate.
    /// A plan, deal or event that is off has been called off ("Danfield is off"); papers,
    /// quotes and results that are back have come in ("forty of sixty consent forms are
    /// back" — part of them, so the work is under way); a release that is out has shipped.
    /// Said of a person ("Kim's off Friday", "Ana's back") it is presence, and of a machine
    /// or a material ("the heating is off") it is a switch; with more after it ("off the
    /// table", "back on track") an idiom reads it.
    func particlePredicate(_ c: Clause, _ s: ParsedSentence) -> StatusReading? {
        let w = s.words
        guard let v = c.verb, v.isCopula, !v.negated, v.modal == nil, c.kind == .main, !s.isQuestion,
              let subject = c.subject, !isPersonPhrase(subject, w) else { return nil }
        // "Forty of sixty consent forms are back": a count of the things, part of them.
        let partitive = w[subject.head].tag == .num && subject.range.upperBound < w.count && w[subject.range.upperBound].lower == "of"
        guard partitive || !isTimePhrase(subject, w), !subject.isPronoun || ["it", "that", "this"].contains(w[subject.head].lower) else { return nil }
        let rest = (v.range.upperBound..<c.range.upperBound).filter { !w[$0].isPunct }
            .filter { !["now", "definitely", "officially", "again", "completely", "totally", "then", "too", "also", "all", "finally"].contains(w[$0].lower) }
        guard rest.count == 1, let concept: StatusConcept = ["off": .cancel, "back": .complete, "out": .complete][w[rest[0]].lower] else { return nil }
        // A machine that is off or back is switched off or working again; one that is out
        // ("the new model is out") has shipped.
        let switched: Set<String> = w[rest[0]].lower == "out" ? [] : ["noun.artifact", "noun.object", "noun.substance"]
        if !subject.isPronoun, w[subject.head].tag == .noun, let wn = wordNet, let sense = wn.senses(w[subject.head].lemma, .noun).first,
           switched.union(["noun.body", "noun.plant", "noun.animal", "noun.food", "noun.person"]).contains(LexicalFile.names[Int(sense.lexfile)]) {
            return nil
        }
        let partial = concept == .complete && (partitive || isPartSubject(c, w))
        var r = StatusReading(state: partial ? .in_progress : concept.plainState, strength: concept == .cancel ? 3 : 2,
                              target: phraseOrPronoun(subject, w), isProposal: false, isQuestion: false,
                              isPartial: partial, position: rest[0], concept: concept)
        r.partSubject = partial
        return r
    }
}
