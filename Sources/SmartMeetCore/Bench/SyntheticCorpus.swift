import Foundation

/// Generates team meeting series with known ground truth, for benchmarks and load tests:
/// every meeting states the status of some entities in varied sentences, with owners and
/// due dates, so a benchmark can check the truth was recovered and not just time it.
public struct SyntheticCorpus {
    public struct Meeting {
        public var fileName: String
        public var date: CalendarDay
        public var text: String
        /// Entity name → state stated in this meeting.
        public var truth: [String: EntityState]
    }

    public let meetingsCount: Int
    public let entitiesCount: Int
    public let perMeeting: Int
    public let turnsOfSmallTalk: Int
    private var rng: SplitMix

    public init(meetings: Int, entities: Int, perMeeting: Int = 8, smallTalk: Int = 4, seed: UInt64 = 42) {
        meetingsCount = meetings
        entitiesCount = max(1, entities)
        self.perMeeting = max(1, min(perMeeting, entities))
        turnsOfSmallTalk = smallTalk
        rng = SplitMix(seed: seed)
    }

    static let codenames = ["Atlas", "Beacon", "Cobalt", "Delta", "Ember", "Falcon", "Granite", "Harbor", "Iris", "Juniper",
                            "Kestrel", "Lumen", "Meridian", "Nimbus", "Orchid", "Pioneer", "Quartz", "Raven", "Sierra", "Tundra",
                            "Umber", "Vector", "Willow", "Xenon", "Yarrow", "Zephyr"]
    static let heads = ["migration", "dashboard", "audit", "integration", "rollout", "pipeline", "redesign", "contract", "report", "upgrade"]
    static let people = ["Ana Ruiz", "Ben Okafor", "Chloe Martin", "Dev Sharma", "Eva Lind", "Farid Haddad", "Grace Kim", "Hugo Blanc"]
    static let smallTalk = ["Morning everyone, give it a minute for people to join.", "Did anyone see the game last night?",
                            "Coffee machine is fixed, by the way.", "Let's keep this one short.", "Thanks all, see you next week."]
    static let sentences: [EntityState: [String]] = [
        .proposed: ["One idea: the {n}. Nothing decided yet.", "I'd like us to consider the {n}, just a proposal for now."],
        .planned: ["The {n} is approved, we haven't started yet.", "The {n} is green-lit, work starts next month."],
        .in_progress: ["The {n} is underway, about half done.", "The {n} is moving along nicely."],
        .blocked: ["The {n} is stuck until legal signs off.", "We're blocked on the {n}, waiting on the vendor."],
        .at_risk: ["The {n} is slipping, I'd call it at risk.", "Honestly the {n} is at risk, the timeline looks tight."],
        .on_hold: ["The {n} is on hold until next quarter.", "We've paused the {n} for now."],
        .completed: ["The {n} is done, it shipped on Friday.", "The {n} is finished and signed off."],
        .cancelled: ["The {n} is cancelled, we're dropping it for good.", "We scrapped the {n}."],
    ]

    public func entityName(_ i: Int) -> String {
        let code = Self.codenames[i % Self.codenames.count] + (i >= Self.codenames.count ? " \(i / Self.codenames.count + 1)" : "")
        return "\(code) \(Self.heads[(i / Self.codenames.count + i) % Self.heads.count])"
    }

    /// The meetings, oldest first, one a week from 2025-01-06.
    public mutating func meetings() -> [Meeting] {
        var out: [Meeting] = []
        let start = CalendarDay(year: 2025, month: 1, day: 6)!
        var current = [EntityState](repeating: .proposed, count: entitiesCount)
        let flow: [EntityState] = [.proposed, .planned, .in_progress, .blocked, .in_progress, .at_risk, .in_progress, .on_hold, .in_progress, .completed]
        for m in 0..<meetingsCount {
            let date = start.adding(days: 7 * m)
            var lines = ["Title: Team sync", "Date: \(date.iso)", "Attendees: " + Self.people.joined(separator: ", "), ""]
            var truth: [String: EntityState] = [:]
            for t in 0..<turnsOfSmallTalk / 2 { lines.append("\(Self.people[t % Self.people.count]): \(Self.smallTalk[t % Self.smallTalk.count])") }
            let first = (m * perMeeting) % entitiesCount
            for k in 0..<perMeeting {
                let e = (first + k) % entitiesCount
                let step = flow.firstIndex(of: current[e]) ?? 0
                let next = rng.next() % 11 == 0 ? EntityState.cancelled : flow[min(flow.count - 1, step + (m == 0 ? 0 : 1))]
                current[e] = next
                let name = entityName(e)
                let options = Self.sentences[next]!
                let owner = Self.people[e % Self.people.count]
                var line = options[Int(rng.next() % UInt64(options.count))].replacingOccurrences(of: "{n}", with: name)
                if next == .in_progress || next == .planned {
                    let due = date.adding(days: 14 + Int(rng.next() % 60))
                    line += " Target is \(due.spoken)."
                }
                lines.append("\(owner): \(line)")
                if k % 3 == 0 { lines.append("\(Self.people[(e + 3) % Self.people.count]): Thanks \(owner.split(separator: " ")[0]), that's clear.") }
                truth[name] = next
            }
            for t in turnsOfSmallTalk / 2..<turnsOfSmallTalk { lines.append("\(Self.people[t % Self.people.count]): \(Self.smallTalk[t % Self.smallTalk.count])") }
            out.append(Meeting(fileName: "\(date.iso)-team-sync.txt", date: date, text: lines.joined(separator: "\n") + "\n", truth: truth))
        }
        return out
    }

    /// Writes the meetings to a folder; returns their paths.
    @discardableResult
    public mutating func write(to dir: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return try meetings().map { m in
            let path = (dir as NSString).appendingPathComponent(m.fileName)
            try m.text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }
}

/// A small, fast, seedable generator so generated corpora are the same on every machine.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
