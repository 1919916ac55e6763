import Foundation

/// Extraction by a language model, never worse off than the rules: the transcript is cut
/// into chunks that fit the model's budget; each chunk's answer is repaired where that is
/// safe, validated against the schema (closed state vocabulary, ISO dates, known
/// speakers) and grounded in the chunk (see `Grounding`); a chunk whose call fails or
/// whose answer keeps no grounded state is read by the rule extractor instead. An import
/// never comes back empty because a call failed. In `auto` mode a `ModelTrial` decides
/// whether the model is used at all.
public struct LLMExtractor: Extractor {
    public let client: LLMClient
    public let trial: ModelTrial
    let rules = RuleExtractor()

    public init(client: LLMClient) {
        self.client = client
        trial = ModelTrial(model: client.modelIdentity, store: client.cache)
    }

    static let system = """
        You extract the status of work items from meeting transcripts. Reply with one JSON object:
        {"entities": [{"name": str, "type": one of project|feature|system|task|release|deal|document|budget, "aliases": [str]}],
         "states": [{"entity": name, "state": one of proposed|planned|in_progress|blocked|at_risk|on_hold|completed|cancelled,
                     "owner": speaker name or null, "due": "YYYY-MM-DD" or null, "evidence": exact quote from the transcript, "turn": turn number}]}
        Give a state only when the meeting states or clearly implies it, as of the end of the meeting.
        Name each item as the transcript names it. The evidence must be copied word for word from one turn.
        Hypotheticals ("if X we'd be blocked") change nothing. Resolve relative dates against the meeting date.
        """

    public func extract(_ t: Transcript) -> MeetingExtraction {
        let auto = client.config.mode == .auto
        let deciding = trial.decision == .trial
        if auto, trial.decision == .rules { return rules.extract(t) }
        var merged = MeetingExtraction(people: t.people)
        var byModelOnly = MeetingExtraction(people: t.people)
        var fromModel = Set<String>(), unused = Set<String>()
        for chunk in Self.chunks(t, budget: client.config.chunkCharacters) {
            let started = Date()
            client.stats.chunk()
            var part: MeetingExtraction?
            do {
                let text = try client.complete(system: Self.system, user: Self.render(chunk, of: t))
                let (parsed, report) = try Self.parse(text, transcript: t, turns: chunk)
                client.stats.grounded(report)
                // An answer with nothing grounded in it says nothing the rules cannot say better.
                part = parsed.states.isEmpty ? nil : parsed
            } catch {
                part = nil
            }
            client.stats.time("llm", Date().timeIntervalSince(started))
            if let part {
                Self.merge(part, into: &merged, byModel: true, fromModel: &fromModel)
                if deciding { Self.merge(part, into: &byModelOnly, byModel: true, fromModel: &unused) }
            } else {
                client.stats.fellBack()
                var sub = t
                sub.turns = chunk
                Self.merge(rules.extract(sub), into: &merged, byModel: false, fromModel: &fromModel)
            }
        }
        if deciding {
            let byRules = rules.extract(t)
            trial.compare(model: byModelOnly, rules: byRules)
            // While on trial, auto stores what the rules found.
            if auto { return byRules }
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

    /// The answer's entities and states that survive validation and grounding, and what
    /// became of the states proposed. Throws when the answer is not the expected JSON.
    static func parse(_ text: String, transcript t: Transcript, turns: [Turn]) throws -> (MeetingExtraction, Grounding.Report) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(repair(text).utf8)) as? [String: Any],
              let rawStates = object["states"] as? [[String: Any]] else {
            throw Invalid()
        }
        let ground = Grounding(turns: turns)
        var report = Grounding.Report()
        var ex = MeetingExtraction(people: t.people)
        var index: [String: Int] = [:]
        var listed: [String: (type: EntityType, aliases: [String])] = [:]
        for e in (object["entities"] as? [[String: Any]]) ?? [] {
            guard let name = (e["name"] as? String).map(TextSanitizer.cleanLine), !name.isEmpty, name.count <= 120 else { continue }
            let type = (e["type"] as? String).flatMap(EntityType.init(rawValue:)).flatMap { $0.isTrackable ? $0 : nil } ?? .project
            let aliases = ((e["aliases"] as? [String]) ?? []).map(TextSanitizer.cleanLine).filter { !$0.isEmpty && $0.count <= 120 }
            listed[NameMatcher.normalize(name)] = (type, aliases)
        }
        let people = Set(t.people.map { $0.lowercased() })
        for s in rawStates {
            report.proposed += 1
            guard let state = Grounding.state(s["state"] as? String) else { report.drop(.unknownState); continue }
            let name = (s["entity"] as? String).map(TextSanitizer.cleanLine) ?? ""
            let known = listed[NameMatcher.normalize(name)]
            guard !name.isEmpty, name.count <= 120, ground.mentions([name] + (known?.aliases ?? [])) else {
                report.drop(.entityNotInChunk); continue
            }
            let evidence = TextSanitizer.cleanLine((s["evidence"] as? String) ?? "")
            guard let turn = ground.turn(quoting: evidence) else { report.drop(.evidenceNotInChunk); continue }
            let due = (s["due"] as? String).flatMap { CalendarDay(iso: $0)?.iso == $0 ? $0 : nil }
            let owner = (s["owner"] as? String).flatMap { o in
                people.contains(o.lowercased()) ? o : t.people.first { $0.lowercased().hasPrefix(o.lowercased() + " ") }
            }
            let key = NameMatcher.normalize(name)
            let i = index[key] ?? {
                index[key] = ex.entities.count
                // Only aliases the chunk itself uses: an invented one could join two things.
                let aliases = (known?.aliases ?? []).filter { ground.mentions([$0]) }
                ex.entities.append(ExtractedEntity(name: name, type: known?.type ?? .project, aliases: aliases))
                return ex.entities.count - 1
            }()
            ex.states.append(ExtractedState(entity: i, state: state, owner: owner, due: due, evidence: String(evidence.prefix(300)), turnIndex: turn.index))
            if !ex.entities[i].turnIndices.contains(turn.index) { ex.entities[i].turnIndices.append(turn.index) }
            report.kept += 1
        }
        return (ex, report)
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
/// list stays the offline one, and the offline text stands when the model fails or when
/// `auto` has turned the model down (a model that cannot extract is not trusted to phrase).
public struct LLMAnswerer {
    public let client: LLMClient
    public init(client: LLMClient) { self.client = client }

    public func compose(question: String, offline: Answer) -> Answer {
        guard !offline.entities.isEmpty || !offline.evidence.isEmpty else { return offline }
        if client.config.mode == .auto, ModelTrial(model: client.modelIdentity, store: client.cache).decision == .rules { return offline }
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
