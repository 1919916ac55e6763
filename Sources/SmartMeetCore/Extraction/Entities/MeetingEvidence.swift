import Foundation

/// Decides which of a meeting's candidate things are kept and what each one's state was
/// at the end of the meeting. A candidate is kept on evidence: a status said of it
/// outright or clearly implied, or a hint about something the meeting took up as a topic.
/// A single everyday noun ("budget", "design") is never a thing of its own; a single rarer
/// noun ("locator", "teletext") is one only when it was taken up as a topic or named again.
struct MeetingEvidence {
    let entities: LocalEntities
    let events: [Int: [StatusEvent]]
    let owners: [Int: [(name: String, strength: Int, order: Int)]]
    let dues: [Int: [(day: CalendarDay, order: Int)]]
    let people: PeopleDirectory
    /// Generic mentions and the topic each was said under.
    var fallbacks: [Int: Int] = [:]
    /// Names that cannot stand alone (see `EntityNamer.isWeakSingleName`).
    var isWeakName: (String, Bool) -> Bool = { _, _ in false }

    func assemble() -> MeetingExtraction {
        var result = MeetingExtraction(people: people.fullNames)
        var index: [Int: Int] = [:]
        func add(_ local: Int, generic: Bool) {
            let e = entities.all[local]
            result.entities.append(ExtractedEntity(name: e.name, type: e.type, aliases: e.aliases, anchor: nil,
                                                   isGeneric: generic, turnIndices: e.turns))
            index[local] = result.entities.count - 1
        }
        var kept: [(local: Int, chosen: StatusEvent, generic: Bool)] = []
        for local in events.keys.sorted() {
            let e = entities.all[local]
            let evs = events[local] ?? []
            guard keep(e, evs, local), let chosen = Self.finalState(evs) else { continue }
            // A lone everyday word ("colour", "channels") only ever points at a known thing.
            kept.append((local, chosen, e.isLoneCommon && (e.topicCount == 0 && e.mentions < 3 || e.isGenericWord) || isWeakName(e.name, e.isProper)))
        }
        // Named things first; then generic mentions, each with the topic it was said under.
        for k in kept.sorted(by: { ($0.generic ? 1 : 0, $0.local) < ($1.generic ? 1 : 0, $1.local) }) {
            if k.generic, let f = fallbacks[k.local], index[f] == nil { add(f, generic: false) }
            add(k.local, generic: k.generic)
            if k.generic, let f = fallbacks[k.local] { result.entities[index[k.local]!].fallback = index[f] }
            let ownerList = owners[k.local] ?? []
            let bestStrength = ownerList.map(\.strength).max() ?? 0
            let owner = ownerList.last { $0.strength == bestStrength }?.name
            result.states.append(ExtractedState(entity: index[k.local]!, state: k.chosen.state, owner: owner,
                                                due: dues[k.local]?.last?.day.iso, evidence: k.chosen.evidence, turnIndex: k.chosen.turn))
        }
        // A thing put up as the topic ("ok and the wildcard cert") whose status this meeting
        // never settled is still named: it goes out without a state, so that a later meeting's
        // bare "the cert is done" has something to refer to. Without a state it is listed
        // nowhere (the app, the CLI and the export show tracked things only).
        for local in entities.all.indices where index[local] == nil && isNamedTopic(entities.all[local]) {
            add(local, generic: false)
        }
        return result
    }

    /// Named (more than one word, or a proper name), trackable, and taken up as the
    /// thing under discussion: evidence enough to remember the name, not to track it.
    private func isNamedTopic(_ e: LocalEntities.Entity) -> Bool {
        e.topicCount > 0 && e.mentions >= 2 && !e.isLoneCommon && e.type.isTrackable && !isWeakName(e.name, e.isProper)
    }

    private func keep(_ e: LocalEntities.Entity, _ evs: [StatusEvent], _ local: Int) -> Bool {
        let strongest = evs.map(\.strength).max() ?? 0
        if e.isLoneCommon, e.isDefiniteReference || e.isGenericWord || fallbacks[local] != nil { return strongest >= 2 }
        // "the migration is moving again" with no migration named in this meeting: a
        // reference back to one named before, kept for resolution to match (it never
        // creates a thing of its own).
        // A status said outright of a bare word ("Phoenix is moving again") is kept too, as
        // a generic mention: resolution lets it stand only for a thing already known.
        if e.isLoneCommon { return strongest >= 3 || strongest >= 2 && (e.topicCount > 0 || e.mentions >= 3 || e.isDefiniteReference) }
        return strongest >= 2 || e.topicCount > 0 || e.mentions >= 2
    }

    /// The strongest statement wins, and among equally strong ones the last: what is said
    /// outright ("it's stuck until the part arrives") outweighs the chatter around it
    /// ("we're working through it"), which reads as progress whatever the state is, and
    /// a hint counts only when nothing stronger was said. Tried on series not read while
    /// choosing it, this beat "the last definite statement wins" on every group.
    static func finalState(_ events: [StatusEvent]) -> StatusEvent? {
        var perSentence: [StatusEvent] = []
        for e in events {
            if let last = perSentence.last, last.sentence == e.sentence {
                // "The redesign is done, Luis approved it": approving finished work does
                // not put it back to planned.
                let approvalOfDone = last.state == .completed && e.isApproval
                if e.strength >= last.strength, !approvalOfDone { perSentence[perSentence.count - 1] = e }
            } else {
                perSentence.append(e)
            }
        }
        let definite = perSentence.filter { $0.strength >= 2 }
        let strongest = perSentence.map(\.strength).max() ?? 0
        guard var chosen = perSentence.last(where: { $0.strength == strongest }) else { return nil }
        // "Leadership paused it … nothing moves until the review": a deliberate pause
        // explains the wait that follows; the thing is on hold, not blocked.
        if chosen.state == .blocked, let pause = definite.last(where: { $0.state == .on_hold && $0.sentence < chosen.sentence }),
           !definite.contains(where: { $0.order > pause.order && ![.blocked, .on_hold].contains($0.state) }) {
            chosen = pause
        }
        return chosen
    }
}
