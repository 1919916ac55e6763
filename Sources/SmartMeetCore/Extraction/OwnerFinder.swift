import Foundation

/// Finds who takes or holds responsibility in a sentence: "I own it", "it's yours",
/// "Aisha, you drive it", "handing the push revamp to Jordan", "Chen is building …".
enum OwnerFinder {
    enum Who { case speaker, addressee, named(String) }

    struct Claim {
        let who: Who
        /// Explicit claims ("I own it") beat implicit ones ("I'm wiring it …").
        let explicit: Bool
        /// The words refer back with a pronoun ("it", "that one"): the topic is meant.
        let pronoun: Bool
        /// Said of a named third person: only counts for a thing named in the sentence.
        var needsObject = false
        let position: Int
    }

    private static func r(_ p: String) -> NSRegularExpression { try! NSRegularExpression(pattern: p) }

    private static let firstPerson = r(#"\bi own (it|that|this|the)\b|\b(?:it's|that's|it is|that is|still|all|yes ,|yeah ,) (?:all )?mine\b|^mine\b|\bthat's me\b|\bthat 's me\b|\bjust me\b|\bi'm (?:running|driving|leading|handling|owning|on|taking|coordinating|managing|overseeing) (it|that|this|the)\b|\b(?:it's|that's|that one's|this one's|that one is) (?:with|on) (me)\b|\bi'm taking (it|that|this) on\b|\bi'll (?:take|own|build|handle|drive|run|lead|get|do) (it|that|this|the|\w+ \w+)\b|\bi can take (it|that|this|the)\b|\bi'?ve got (it|this|that)\b|\bleave (it|that) (?:with|to) me\b|\bi'm on (it)\b|\bi'll own\b|\bi'll take (\w+)"#)
    private static let secondPerson = r(#"\b(?:it's|that's|it is|that is) (?:all )?yours\b|\byou own (it|that|this|the|\w+)\b|\byou (?:drive|run|lead|take|own|handle) (it|that|this|the)\b|\byou're (?:leading|running|driving|owning|handling|on) (it|that|this|the)\b"#)
    private static let handOver = r(#"\b(?:handing|hand|handed|passing|passed|giving|gave|reassigning|reassigned|assigning|assigned)\b(?: \S+){0,5} (?:over )?to (\w+)"#)
    private static let thirdPerson = r(#"\b(\w+) (?:owns|is (?:running|leading|driving|handling|owning|building|taking|writing|doing)|will (?:own|lead|run|drive|handle|take|build)|is on|takes over|took over)\b"#)
    private static let implicit = r(#"\b(?:i'm|i am|i've|i have|i) (?:\w+ )?(?:started|working|wiring|building|writing|drafting|negotiating|loading|migrating|mapping|swapping|testing|finishing|handling|running)\b"#)

    static func claims(in s: Sentence, people: PeopleDirectory) -> [Claim] {
        guard !s.isQuestion, !s.isHypothetical else { return [] }
        let ns = s.joined as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var out: [Claim] = []
        func isPronoun(_ m: NSTextCheckingResult) -> Bool {
            let text = ns.substring(with: m.range)
            return text.range(of: #"\b(it|that|this|one|mine|yours|me)\b"#, options: .regularExpression) != nil
                && text.range(of: #"\bthe\b"#, options: .regularExpression) == nil
        }
        for m in firstPerson.matches(in: s.joined, range: whole) {
            out.append(Claim(who: .speaker, explicit: true, pronoun: isPronoun(m), position: s.tokenIndex(atUTF16: m.range.location)))
        }
        for m in secondPerson.matches(in: s.joined, range: whole) {
            out.append(Claim(who: .addressee, explicit: true, pronoun: isPronoun(m), position: s.tokenIndex(atUTF16: m.range.location)))
        }
        for m in handOver.matches(in: s.joined, range: whole) {
            let name = ns.substring(with: m.range(at: 1))
            if people.isPerson(name) {
                out.append(Claim(who: .named(people.fullName(name)), explicit: true, pronoun: isPronoun(m), needsObject: !isPronoun(m), position: s.tokenIndex(atUTF16: m.range.location)))
            }
        }
        for m in thirdPerson.matches(in: s.joined, range: whole) {
            let idx = s.tokenIndex(atUTF16: m.range(at: 1).location)
            let tok = s.tokens[idx]
            if people.isPerson(tok.lower) {
                out.append(Claim(who: .named(people.fullName(tok.text)), explicit: true, pronoun: isPronoun(m), needsObject: !isPronoun(m), position: idx))
            }
        }
        if out.isEmpty {
            for m in implicit.matches(in: s.joined, range: whole) {
                out.append(Claim(who: .speaker, explicit: false, pronoun: true, position: s.tokenIndex(atUTF16: m.range.location)))
            }
        }
        return out
    }

    /// The person spoken to: a name set off by a comma in the sentence ("Aisha, you
    /// drive it", "right Tomás?"), else the previous speaker.
    static func addressee(in s: Sentence, people: PeopleDirectory, previousSpeaker: String?) -> String? {
        for (i, t) in s.tokens.enumerated() where people.isPerson(t.lower) {
            let nextIsComma = i + 1 < s.tokens.count && s.tokens[i + 1].isPunctuation
            let prevIsBoundary = i == 0 || s.tokens[i - 1].isPunctuation || ["right", "okay", "so", "then"].contains(s.tokens[i - 1].lower)
            if nextIsComma || prevIsBoundary { return people.fullName(t.text) }
        }
        return previousSpeaker
    }
}
