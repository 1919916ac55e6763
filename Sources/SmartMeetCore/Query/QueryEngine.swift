import Foundation
import GRDB

/// Answers plain-English questions from the store: read the question into an intent,
/// link the thing it names through the resolver's matching, read states and transitions
/// (or search what was said), and phrase the answer through `AnswerFormat`.
public struct QueryEngine: Sendable {
    public let store: Store
    public let search: HybridSearch?
    private let cache = SnapshotCache()

    public init(store: Store, search: HybridSearch? = nil) {
        self.store = store
        self.search = search
    }

    public func ask(_ question: String) throws -> Answer {
        let trimmed = TextSanitizer.cleanLine(question)
        guard !trimmed.isEmpty else { return Answer(intent: "empty", answer: "Ask a question, for example “what is blocked?”.") }
        guard trimmed.count <= 500 else { return Answer(intent: "rejected", answer: "That question is too long; keep it under 500 characters.") }
        return try store.pool.read { db in
            let snap = try cache.snapshot(db)
            guard let reference = snap.latest else {
                return Answer(intent: "empty_store", answer: "No meetings are imported yet; import transcripts first.")
            }
            let intent = QuestionParser(reference: reference, people: snap.people).parse(trimmed, linker: snap.linker)
            let context = QueryContext(db: db, entities: snap.entities, linker: snap.linker, reference: reference, search: search)
            return try context.answer(intent)
        }
    }
}
