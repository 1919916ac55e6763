import Foundation

/// Extraction by a language model, never worse off than the rules: the transcript is cut
/// into chunks that fit the model's budget; each chunk's answer is repaired where that is
/// safe, validated against the schema (closed state vocabulary, ISO dates, known
/// speakers) and trimmed of invalid parts; a chunk whose call or answer fails is read by
/// the rule extractor instead. An import never comes back empty because a call failed.
public struct LLMExtractor: Extractor {
    public let client: LLMClient
    let rules = RuleExtractor()

    public init(client: LLMClient) { self.client = client }

    static let system = """
        You extract the status of work items from meeting transcripts. Reply with one JSON object:
        {"entities": [{"name": str, "type": one of project|feature|system|task|release|deal|document|budget, "aliases": [str]}],
         "states": [{"entity": name, "state": one of proposed|planned|in_progress|blocked|at_risk|on_hold|completed|cancelled,
                     "owner": speaker name or null, "due": "YYYY-MM-DD" or null, "evidence": short quote, "turn": turn number}]}
        Give a state only when the meeting states or clearly implies it, as of the end of the meeting.
        Hypotheticals ("if X we'd be blocked") change nothing. Resolve relative dates against the meeting date.
        """

    public func extract(_ t: Transcript) -> MeetingExtraction {
        var merged = MeetingExtraction(people: t.people)
        var fromModel = Set<String>()
        for chunk in Self.chunks(t, budget: client.config.chunkCharacters) {
            let started = Date()
            var part: MeetingExtraction?
            var byModel = true
            do {
                let text = try client.complete(system: Self.system, user: Self.render(chunk, of: t))
                part = try Self.parse(text, transcript: t, turns: chunk)
            } catch {
                part = nil
            }
            client.stats.time("llm", Date().timeIntervalSince(started))
            if part == nil {
                byModel = false
                client.stats.fellBack()
                var sub = t
                sub.turns = chunk
                part = rules.extract(sub)
            }
            Self.merge(part!, into: &merged, byModel: byModel, fromModel: &fromModel)
        }
        return merged
    }

    /// Consecutive turns up to `budget` characters; a longer turn is a chunk of its own.
    static func chunks(_ t: Transcript, budget: Int) -> [[Turn]] {
        var out: [[Turn]] = []
        var current: [Turn] = []
        var size = 0
        for turn in t.turns {
            let n = turn.text.count + turn.speaker.count + 8
            if !current.isEmpty, size + n > budget { out.append(current); current = []; size = 0 }
            current.append(turn)
            size += n
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    static func render(_ turns: [Turn], of t: Transcript) -> String {
        var lines = ["Meeting: \(t.title)", "Date: \(t.date)", "Speakers: \(t.people.joined(separator: ", "))", ""]
        for turn in turns { lines.append("[\(turn.index)] \(turn.speaker)\(turn.section.map { " (\($0))" } ?? ""): \(turn.text)") }
        return lines.joined(separator: "\n")
    }

    /// Strips code fences and prose around the object and trailing commas; nothing else.
    static func repair(_ text: String) -> String {
        var s = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let open = s.firstIndex(of: "{"), let close = s.lastIndex(of: "}"), open < close { s = String(s[open...close]) }
        s = s.replacingOccurrences(of: #",\s*([}\]])"#, with: "$1", options: .regularExpression)
        return s
    }

    struct Invalid: Error {}

    static func parse(_ text: String, transcript t: Transcript, turns: [Turn]) throws -> MeetingExtraction {
        guard let object = try? JSONSerialization.jsonObject(with: Data(repair(text).utf8)) as? [String: Any],
              let rawEntities = object["entities"] as? [[String: Any]], let rawStates = object["states"] as? [[String: Any]] else {
            throw Invalid()
        }
        var ex = MeetingExtraction(people: t.people)
        var index: [String: Int] = [:]
        let turnSet = Set(turns.map(\.index))
        for e in rawEntities {
            guard let name = (e["name"] as? String).map(TextSanitizer.cleanLine), !name.isEmpty, name.count <= 120 else { continue }
            let type = (e["type"] as? String).flatMap(EntityType.init(rawValue:)).flatMap { $0.isTrackable ? $0 : nil } ?? .project
            let aliases = ((e["aliases"] as? [String]) ?? []).map(TextSanitizer.cleanLine).filter { !$0.isEmpty && $0.count <= 120 }
            index[NameMatcher.normalize(name)] = ex.entities.count
            ex.entities.append(ExtractedEntity(name: name, type: type, aliases: aliases, turnIndices: []))
        }
        let people = Set(t.people.map { $0.lowercased() })
        for s in rawStates {
            guard let name = s["entity"] as? String, let i = index[NameMatcher.normalize(name)],
                  let state = (s["state"] as? String).flatMap(EntityState.init(rawValue:)) else { continue }
            let turn = (s["turn"] as? Int).flatMap { turnSet.contains($0) ? $0 : nil } ?? turns.last!.index
            let due = (s["due"] as? String).flatMap { CalendarDay(iso: $0)?.iso == $0 ? $0 : nil }
            let owner = (s["owner"] as? String).flatMap { o in
                people.contains(o.lowercased()) ? o : t.people.first { $0.lowercased().hasPrefix(o.lowercased() + " ") }
            }
            let evidence = TextSanitizer.cleanLine((s["evidence"] as? String) ?? "")
            ex.states.append(ExtractedState(entity: i, state: state, owner: owner, due: due, evidence: String(evidence.prefix(300)), turnIndex: turn))
            if !ex.entities[i].turnIndices.contains(turn) { ex.entities[i].turnIndices.append(turn) }
        }
        ex.entities.indices.forEach { if ex.entities[$0].turnIndices.isEmpty { ex.entities[$0].turnIndices = [turns[0].index] } }
        // Entities without a state say nothing this meeting.
        let used = Set(ex.states.map(\.entity))
        var remap: [Int: Int] = [:]
        var kept: [ExtractedEntity] = []
        for (i, e) in ex.entities.enumerated() where used.contains(i) { remap[i] = kept.count; kept.append(e) }
        ex.entities = kept
        ex.states = ex.states.map { var s = $0; s.entity = remap[s.entity]!; return s }
        return ex
    }

    /// Adds a chunk's result: the same name is the same entity; a later state replaces an earlier one.
    /// A state the model gave is not replaced by one the rules gave for a failed chunk.
    static func merge(_ part: MeetingExtraction, into merged: inout MeetingExtraction, byModel: Bool = true, fromModel: inout Set<String>) {
        var map: [Int: Int] = [:]
        for (i, e) in part.entities.enumerated() {
            if let j = merged.entities.firstIndex(where: { NameMatcher.normalize($0.name) == NameMatcher.normalize(e.name) }) {
                map[i] = j
                for a in e.aliases where !merged.entities[j].aliases.contains(a) { merged.entities[j].aliases.append(a) }
                merged.entities[j].turnIndices.append(contentsOf: e.turnIndices)
            } else {
                map[i] = merged.entities.count
                merged.entities.append(e)
            }
        }
        for s in part.states {
            var s = s
            s.entity = map[s.entity]!
            let key = NameMatcher.normalize(merged.entities[s.entity].name)
            if byModel { fromModel.insert(key) }
            if let k = merged.states.firstIndex(where: { $0.entity == s.entity }) {
                if !byModel, fromModel.contains(key) { continue }
                let old = merged.states[k]
                s.owner = s.owner ?? old.owner
                s.due = s.due ?? old.due
                merged.states[k] = s
            } else {
                merged.states.append(s)
            }
        }
    }
}

/// Lets the model phrase an answer from what the offline engine retrieved; the entity
/// list stays the offline one, and the offline text stands when the model fails.
public struct LLMAnswerer {
    public let client: LLMClient
    public init(client: LLMClient) { self.client = client }

    public func compose(question: String, offline: Answer) -> Answer {
        guard !offline.entities.isEmpty || !offline.evidence.isEmpty else { return offline }
        let facts = (["Answer found: " + offline.answer]
            + offline.rows.prefix(20).map { $0.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") }
            + offline.evidence.prefix(8).map { "\($0.date) \($0.meeting): \"\($0.quote)\"" }).joined(separator: "\n")
        let system = "Answer the question in two or three plain sentences using only these facts. Name dates and people. Reply as JSON {\"answer\": str}."
        guard let text = try? client.complete(system: system, user: "Question: \(question)\nFacts:\n\(facts)"),
              let obj = try? JSONSerialization.jsonObject(with: Data(LLMExtractor.repair(text).utf8)) as? [String: Any],
              let answer = obj["answer"] as? String, !answer.trimmingCharacters(in: .whitespaces).isEmpty else { return offline }
        var out = offline
        out.answer = TextSanitizer.cleanLine(answer)
        return out
    }
}
