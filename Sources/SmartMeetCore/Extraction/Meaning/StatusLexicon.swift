import Foundation

/// What a predicate says about the progress of a piece of work, before polarity,
/// modality and aspect are applied. Each maps to a state of FORMAT.md's vocabulary when
/// asserted plainly; `StatusReader` composes the rest.
enum StatusConcept: String, Sendable, CaseIterable {
    case complete, cancel, pause, block, wait, delay, trouble, resume, progress, begin, approve, decide, schedule, propose, consider

    var plainState: EntityState {
        switch self {
        case .complete: .completed
        case .cancel: .cancelled
        case .pause: .on_hold
        case .block, .wait: .blocked
        case .delay, .trouble: .at_risk
        case .progress, .begin, .resume: .in_progress
        case .approve, .decide, .schedule: .planned
        case .propose, .consider: .proposed
        }
    }

    /// 3 = says the state outright, 2 = clearly implies it, 1 = hints at it.
    var strength: Int {
        switch self {
        case .complete, .cancel, .pause, .block, .approve, .decide, .resume: 3
        case .wait, .delay, .progress, .begin, .schedule, .propose: 2
        case .trouble, .consider: 1
        }
    }
}

/// Maps words to status concepts through WordNet: a few seed meanings per concept, taken
/// from the definitions of the states (FORMAT.md), and every meaning WordNet places
/// under them (its synonyms and troponyms: "shelve", "table", "put off" and "hold over"
/// all sit under *postpone*). A word takes a concept only when that meaning is one of
/// its usual ones, so "drop" (mostly "let fall") is not read as *cancel* on its own.
final class StatusLexicon: Sendable {
    /// Seeds as `lemma.class.sense` (WordNet 3.0 sense numbers).
    static let seeds: [StatusConcept: [String]] = [
        .complete: ["complete.v.1", "finish.v.1", "release.v.4", "deliver.v.2", "sign.v.1", "sign.v.2", "launch.v.1",
                    "complete.a.1", "finished.a.1", "done.a.1", "over.a.1", "concluded.a.1", "complete.a.5",
                    "completion.n.2", "conclude.v.2", "conclude.v.5", "accomplish.v.1"],
        .cancel: ["cancel.v.1", "abandon.v.2", "abandon.v.4", "discontinue.v.3", "scrap.v.1", "kill.v.2", "axe.v.2",
                  "reject.v.1", "reject.v.2", "drop.v.7", "drop.v.5", "veto.v.1", "scrub.v.3", "cancellation.n.1", "dead.a.1",
                  "refuse.v.2", "decline.v.2", "collapse.v.1", "withdraw.v.2"],
        .pause: ["postpone.v.1", "suspend.v.4", "suspend.v.6", "pause.v.1", "pause.v.2", "halt.v.3", "park.v.1", "freeze.v.5", "suspension.n.3",
                 "suspension.n.4", "back_burner.n.1", "mothball.v.1", "sideline.v.1", "abeyance.n.1", "dormant.a.1"],
        .block: ["block.v.2", "obstruct.v.2", "stall.v.2", "stymie.v.1", "stuck.a.1",
                 "obstruction.n.1", "bottleneck.n.1", "blockage.n.1"],
        .wait: ["wait.v.1", "wait.v.2", "depend.v.1", "pending.a.1"],
        .delay: ["delay.v.1", "delay.v.2", "lag.v.1", "fall_behind.v.2", "slip.v.4", "late.a.1",
                 "overdue.a.1", "behind.a.1", "delay.n.1", "postponement.n.1", "setback.n.1"],
        .trouble: ["fail.v.2", "break_down.v.4", "crash.v.12", "struggle.v.1", "worry.v.2", "jeopardize.v.1",
                   "risky.a.1", "uncertain.a.1", "precarious.a.1", "risk.n.1", "risk.n.2", "problem.n.1", "trouble.n.1",
                   "failure.n.1", "bug.n.2", "worried.a.1", "nervous.a.1", "tight.a.1", "derail.v.1", "endanger.v.2", "threaten.v.3"],
        .progress: ["progress.v.1", "advance.v.1", "proceed.v.3", "continue.v.1", "ongoing.a.1",
                    "progress.n.1", "underway.a.1"],
        .begin: ["begin.v.1", "start.v.1", "begin.v.3", "start.v.6", "kick_off.v.1", "get_going.v.2"],
        .resume: ["resume.v.1", "restart.v.1", "unblock.v.1"],
        .approve: ["approve.v.1", "sanction.v.1", "ratify.v.1", "agree.v.2", "endorse.v.1",
                   "approval.n.1", "green_light.n.1", "sanction.n.1"],
        .decide: ["decide.v.1", "decide.v.2", "commit.v.2", "decision.n.1"],
        .schedule: ["schedule.v.1", "schedule.v.2", "plan.v.1", "plan.v.2", "book.v.2", "book.v.1", "reserve.v.2", "slate.v.1", "earmark.v.1"],
        .propose: ["propose.v.1", "propose.v.2", "suggest.v.1", "recommend.v.1", "advocate.v.1",
                   "proposal.n.1", "suggestion.n.1", "idea.n.1", "option.n.2"],
        .consider: ["consider.v.3", "consider.v.5", "explore.v.1", "investigate.v.1", "look_into.v.1", "evaluate.v.1",
                    "contemplate.v.2"],
    ]

    /// Words of today's workplace English that WordNet 3.0 (2006) lacks, or lacks in the
    /// sense work uses them in ("ship" a release, a feature "going live").
    static let supplement: [String: StatusConcept] = [
        "deprioritise": .pause, "deprioritize": .pause, "descope": .cancel, "de-scope": .cancel, "greenlight": .approve,
        "greenlit": .approve, "green-light": .approve, "green-lit": .approve, "unblock": .resume, "ship": .complete,
        "sunset": .cancel, "slip": .delay, "deliver": .complete, "release": .complete, "submit": .complete, "file": .complete,
        "hand_in": .complete, "send_off": .complete, "freeze": .pause,
        // WordNet puts "carry on" under talking and upholding, not under going on with work.
        "carry_on": .progress, "press_on": .progress, "push_on": .progress, "crack_on": .progress,
    ]
    /// The same for words used as adjectives or nouns ("it's live", "a blocker").
    static let nominalSupplement: [String: StatusConcept] = [
        "signoff": .approve, "sign-off": .approve, "blocker": .block, "kickoff": .begin, "underway": .progress,
        "wip": .progress, "ongoing": .progress, "eta": .schedule, "live": .complete, "golive": .complete,
        "go-live": .complete, "rollout": .begin, "showstopper": .block, "greenlight": .approve, "frozen": .pause,
        // Project reporting's traffic lights, and "unstuck"/"sorted", which WordNet 2006 lacks in these senses.
        "amber": .trouble, "unstuck": .resume, "sorted": .complete,
    ]

    private let concepts: [SynsetID: StatusConcept]
    private let wordNet: WordNet

    static let shared: StatusLexicon? = WordNet.shared.map(StatusLexicon.init)

    init(wordNet: WordNet) {
        self.wordNet = wordNet
        var map: [SynsetID: StatusConcept] = [:]
        // Narrow concepts first, so a synset under two seeds keeps the more specific one.
        for concept in StatusConcept.allCases {
            for seed in Self.seeds[concept] ?? [] {
                let parts = seed.split(separator: ".")
                guard parts.count == 3, let rank = Int(parts[2]) else { continue }
                let lemma = String(parts[0])
                let cls: WordClass = parts[1] == "v" ? .verb : parts[1] == "n" ? .noun : parts[1] == "a" ? .adjective : .adverb
                guard let sense = wordNet.senses(lemma, cls).first(where: { Int($0.rank) == rank }) else { continue }
                // Troponyms of a verb, similar adjectives: every way of doing or being the same.
                var queue = [sense.synset]
                var depth = [sense.synset: 0]
                while let id = queue.first {
                    queue.removeFirst()
                    if map[id] == nil { map[id] = concept }
                    // Only a verb's direct troponyms ("shelve" under "postpone"); deeper, and
                    // for nouns and adjectives at all, WordNet drifts from the meaning.
                    guard let d = depth[id], d < 1, id.wordClass == .verb, let syn = wordNet.synset(id) else { continue }
                    for p in syn.pointers where p.symbol == "~" || p.symbol == "$" {
                        guard p.target.wordClass == id.wordClass, depth[p.target] == nil else { continue }
                        depth[p.target] = d + 1
                        queue.append(p.target)
                    }
                }
            }
        }
        concepts = map
    }

    /// The concept a word has in a word class, or nil. `lemma` is already lemmatised.
    /// Physical meanings ("let fall", "cause to die", "hang freely") are passed over: in
    /// a meeting, a verb whose subject or object is a piece of work is used in its
    /// abstract sense, so "we dropped the scroll wheel" and "they killed the pilot" are
    /// read as *stop pursuing* and *thwart*.
    func concept(_ lemma: String, _ cls: WordClass) -> StatusConcept? {
        if let c = (cls == .verb ? Self.supplement : Self.nominalSupplement)[lemma] { return c }
        if cls == .verb, Self.lightVerbs.contains(lemma) { return nil }
        let senses = wordNet.senses(lemma, cls).filter { concepts[$0.synset] != nil || !Self.physical.contains(LexicalFile.names[Int($0.lexfile)]) }
        guard let first = senses.first else { return nil }
        // The word's most frequent remaining meaning decides alone when it is a status meaning.
        if let c = concepts[first.synset] { return c }
        var weights: [StatusConcept: Double] = [:]
        var total = 0.0
        for s in senses {
            let w = Double(s.count) + 1
            total += w
            if let c = concepts[s.synset] { weights[c, default: 0] += w }
        }
        guard let best = weights.max(by: { $0.value < $1.value }) else { return nil }
        return best.value >= 0.25 * total ? best.key : nil
    }

    /// English's light and support verbs ("do", "go", "get", "take", "make", "keep"): so
    /// general that their meaning comes from their object or particle ("get it done", "go
    /// live", "take it on"), which the idioms and phrasal verbs cover.
    static let lightVerbs: Set<String> = ["do", "go", "get", "make", "take", "have", "give", "put", "set", "keep", "come", "run",
        "hold", "let", "see", "look", "say", "tell", "think", "know", "want", "need", "use", "try", "call", "turn", "move",
        "pass", "stand", "bring", "be", "seem", "become", "find", "show", "leave", "play", "mean", "feel", "work", "stay"]

    private static let physical: Set<String> = ["verb.body", "verb.contact", "verb.motion", "verb.weather", "verb.consumption",
                                                 "verb.perception", "noun.body", "noun.animal", "noun.plant", "noun.food",
                                                 "noun.shape", "noun.object"]
}

extension StatusLexicon {
    /// Every word of every synset a concept covers, for review (`smartmeet lexicon`).
    func dump() -> [StatusConcept: [String]] {
        var out: [StatusConcept: Set<String>] = [:]
        for (id, c) in concepts {
            guard let syn = wordNet.synset(id) else { continue }
            let tag = id.wordClass == .verb ? "v" : id.wordClass == .noun ? "n" : "a"
            for w in syn.words { out[c, default: []].insert(w + "." + tag) }
        }
        return out.mapValues { $0.sorted() }
    }
}
