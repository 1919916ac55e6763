import Foundation
import GRDB

/// Maps each meeting's extracted things to canonical entities across all meetings, and
/// writes aliases, mentions and states. Meetings are resolved in date order and each
/// only sees entities from earlier meetings, so the result is the same whatever order
/// files were imported in: an older meeting arriving late re-resolves the meetings after it.
struct EntityResolver {
    let db: Database

    struct Candidate {
        let id: Int64
        let names: [String]
        let anchor: String?
        let lastDate: String
    }

    /// Resolves and stores one meeting's extraction; returns the entity ids it touched.
    func resolve(meetingId: Int64, date: String, extraction: MeetingExtraction) throws -> Set<Int64> {
        var global: [Int: Int64] = [:]
        // Named things first, so a generic mention can fall back to the one it was said about.
        let order = extraction.entities.indices.sorted { (extraction.entities[$0].isGeneric ? 1 : 0, $0) < (extraction.entities[$1].isGeneric ? 1 : 0, $1) }
        for i in order {
            let e = extraction.entities[i]
            if e.isGeneric {
                guard let id = try genericMatch(e) ?? e.fallback.flatMap({ global[$0] }) else { continue }
                global[i] = id
            } else if let id = try bestMatch(e) {
                global[i] = id
            } else if NameMatcher.contentTokens(e.name).count == 1, e.anchor == nil, let id = try genericMatch(e) {
                // "the dashboard" taken up as a topic: the known dashboard, if there is one.
                global[i] = id
            } else {
                try db.cachedStatement(sql: "INSERT INTO entities (name, type, anchor, first_meeting_id, first_date) VALUES (?, ?, ?, ?, ?)")
                    .execute(arguments: [displayName(e.name), e.type.rawValue, e.anchor, meetingId, date])
                global[i] = db.lastInsertedRowID
            }
            let id = global[i]!
            for name in e.allNames { try addAlias(name, entity: id, meetingId: meetingId, date: date) }
            if let a = e.anchor { try addAlias(a, entity: id, meetingId: meetingId, date: date) }
            let insertMention = try db.cachedStatement(sql: "INSERT INTO mentions (entity_id, meeting_id, meeting_date, surface, turn_position) VALUES (?, ?, ?, ?, ?)")
            for t in Set(e.turnIndices.isEmpty ? [0] : e.turnIndices) {
                try insertMention.execute(arguments: [id, meetingId, date, e.name, t])
            }
            try refreshName(id)
        }
        // Two local things can turn out to be one entity ("crash reporting" and "the
        // migration"): the state said last in the meeting is its state at the end.
        var chosen: [Int64: ExtractedState] = [:]
        for s in extraction.states {
            guard let id = global[s.entity] else { continue }
            if let prev = chosen[id] {
                var next = s.turnIndex >= prev.turnIndex ? s : prev
                next.owner = next.owner ?? (s.turnIndex >= prev.turnIndex ? prev.owner : s.owner)
                next.due = next.due ?? (s.turnIndex >= prev.turnIndex ? prev.due : s.due)
                chosen[id] = next
            } else {
                chosen[id] = s
            }
        }
        for (id, s) in chosen {
            try db.cachedStatement(sql: """
                INSERT INTO states (entity_id, meeting_id, meeting_date, state, owner, due, evidence, turn_position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [id, meetingId, date, s.state.rawValue, try s.owner.map(resolvePerson), s.due, s.evidence, s.turnIndex])
        }
        return Set(global.values)
    }

    // MARK: - Matching

    private func bestMatch(_ e: ExtractedEntity) throws -> Int64? {
        let names = e.allNames + (e.anchor.map { [$0] } ?? [])
        var ids = Set<Int64>()
        // An exact name or alias is the best match there can be; only without one are
        // looser candidates gathered and scored.
        let exact = try names.flatMap { try Int64.fetchAll(db.cachedStatement(sql: "SELECT entity_id FROM aliases WHERE normalized = ?"),
                                                          arguments: [NameMatcher.normalize($0)]) }
        if !exact.isEmpty {
            return try candidates(Array(Set(exact)).sorted()).max { $0.lastDate < $1.lastDate || ($0.lastDate == $1.lastDate && $0.id < $1.id) }?.id
        }
        for n in names {
            let norm = NameMatcher.normalize(n)
            ids.formUnion(try Int64.fetchAll(db.cachedStatement(sql: "SELECT entity_id FROM aliases WHERE normalized = ?"), arguments: [norm]))
            let all = Array(Set(NameMatcher.contentTokens(n)))
            // Look candidates up by the words that identify ("Atlas", "billing"), not by
            // head nouns every migration shares, unless the name has nothing else.
            let distinctive = all.filter { Lexicon.heads[$0] == nil && !Lexicon.weakHeads.contains($0) }
            let tokens = distinctive.isEmpty ? all : distinctive
            guard !tokens.isEmpty else { continue }
            let placeholders = tokens.map { _ in "?" }.joined(separator: ",")
            ids.formUnion(try Int64.fetchAll(db, sql: "SELECT DISTINCT entity_id FROM alias_tokens WHERE token IN (\(placeholders)) LIMIT 500",
                                             arguments: StatementArguments(tokens)))
        }
        var best: (score: Int, candidate: Candidate)?
        for c in try candidates(ids.sorted()) {
            let score = NameMatcher.score(mention: e.allNames, mentionAnchor: e.anchor, candidate: c.names, candidateAnchor: c.anchor)
            guard score > 0 else { continue }
            if best == nil || score > best!.score || (score == best!.score && c.lastDate > best!.candidate.lastDate) {
                best = (score, c)
            }
        }
        return best?.candidate.id
    }

    /// "the migration": the most recently active entity whose names end in that head.
    private func genericMatch(_ e: ExtractedEntity) throws -> Int64? {
        let head = NameMatcher.singular(NameMatcher.normalize(e.name).split(separator: " ").last.map(String.init) ?? "")
        guard !head.isEmpty else { return nil }
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT t.entity_id AS id, MAX(a.meeting_date) AS last
            FROM alias_tokens t JOIN aliases a ON a.id = t.alias_id
            WHERE t.token = ? GROUP BY t.entity_id ORDER BY last DESC, t.entity_id DESC LIMIT 20
            """), arguments: [head])
        for row in rows {
            let id: Int64 = row["id"]
            let names = try String.fetchAll(db.cachedStatement(sql: "SELECT alias FROM aliases WHERE entity_id = ?"), arguments: [id])
            // "migration" for the "payments migration"; "Phoenix" for the "Phoenix project"
            // (what is left of the name once the word saying what kind of thing it is goes).
            if names.contains(where: { name in
                let tokens = NameMatcher.contentTokens(name)
                return tokens.last == head || tokens.count == 2 && tokens.first == head && EntityLinker.genericWords.contains(tokens[1])
            }) { return id }
        }
        return nil
    }

    /// All candidates' aliases, anchors and last dates. Two prepared statements run once
    /// per candidate: a statement whose text held the id list had to be compiled anew for
    /// every mention, which cost more than running it (most mentions have one candidate).
    private func candidates(_ ids: [Int64]) throws -> [Candidate] {
        guard !ids.isEmpty else { return [] }
        let aliases = try db.cachedStatement(sql: "SELECT alias, meeting_date FROM aliases WHERE entity_id = ? ORDER BY id")
        let anchor = try db.cachedStatement(sql: "SELECT anchor FROM entities WHERE id = ? AND anchor IS NOT NULL")
        return try ids.map { id in
            var names: [String] = []
            var last = ""
            let rows = try Row.fetchCursor(aliases, arguments: [id])
            while let row = try rows.next() {
                names.append(row[0])
                let d: String = row[1]
                if d > last { last = d }
            }
            return Candidate(id: id, names: names, anchor: try String.fetchOne(anchor, arguments: [id]), lastDate: last)
        }
    }

    // MARK: - Writing

    private func addAlias(_ name: String, entity: Int64, meetingId: Int64, date: String) throws {
        let norm = NameMatcher.normalize(name)
        let tokens = NameMatcher.contentTokens(name)
        // A lone head noun ("migration") names nothing in particular; it is not an alias.
        guard !norm.isEmpty, !(tokens.count == 1 && Lexicon.heads[tokens[0]] != nil) else { return }
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO aliases (entity_id, meeting_id, meeting_date, alias, normalized) VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [entity, meetingId, date, displayName(name), norm])
        guard db.changesCount > 0 else { return }
        let aliasId = db.lastInsertedRowID
        for t in Set(tokens) {
            try db.cachedStatement(sql: "INSERT INTO alias_tokens (alias_id, entity_id, token) VALUES (?, ?, ?)").execute(arguments: [aliasId, entity, t])
        }
    }

    private static let namer = EntityNamer(wordNet: WordNet.shared, isPerson: { _ in false })

    /// The canonical name is the name the meetings use most (by how many meetings say it),
    /// then the most specific (most identifying words), then the earliest: a pure function
    /// of the aliases, so rebuilding gives the same.
    func refreshName(_ id: Int64) throws {
        // Each meeting names the thing once in `mentions` (its local name).
        var used: [String: Int] = [:]
        // Cursors, not fetchAll: this runs for every entity of every meeting, and copying
        // each row into an array cost more than the queries.
        let counts = try Row.fetchCursor(db.cachedStatement(sql: "SELECT surface, COUNT(DISTINCT meeting_id) AS n FROM mentions WHERE entity_id = ? GROUP BY surface"),
                                         arguments: [id])
        while let row = try counts.next() {
            used[NameMatcher.normalize(row[0] as String), default: 0] += row[1] as Int
        }
        let aliases = try String.fetchAll(db.cachedStatement(sql: "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY meeting_date, id"), arguments: [id])
        var best: (strong: Int, meetings: Int, count: Int, name: String)?
        for alias in aliases {
            let meetings = used[NameMatcher.normalize(alias)] ?? 0
            let count = NameMatcher.contentTokens(alias).count
            // "Channels" said in five meetings still does not name the channel settings.
            let strong = Self.namer.isWeakSingleName(alias) ? 0 : 1
            if best == nil || (strong, meetings, count) > (best!.strong, best!.meetings, best!.count) { best = (strong, meetings, count, alias) }
        }
        if let b = best { try db.cachedStatement(sql: "UPDATE entities SET name = ? WHERE id = ?").execute(arguments: [b.name, id]) }
    }

    /// "Tomás" → "Tomás Rivera" when exactly one known person has that first name.
    private func resolvePerson(_ name: String) throws -> String {
        if let exact = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM people WHERE name = ?"), arguments: [name]) { return exact }
        let first = name.split(separator: " ").first.map(String.init) ?? name
        let matches = try String.fetchAll(db.cachedStatement(sql: "SELECT name FROM people WHERE name LIKE ? || ' %'"), arguments: [first])
        return matches.count == 1 ? matches[0] : name
    }

    /// Names as people write them: a lowercase phrase gets a capital first letter
    /// ("offline mode" → "Offline mode"), capitalised names stay as they are.
    func displayName(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard let f = trimmed.first, f.isLowercase else { return trimmed }
        return f.uppercased() + trimmed.dropFirst()
    }
}
