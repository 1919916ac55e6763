import Foundation

/// What `ask` returns: a short text, the entities it is about (exactly those), rows for
/// tables and the quotes it rests on.
public struct Answer: Codable, Equatable, Sendable {
    public struct EntityRef: Codable, Equatable, Sendable {
        public var id: Int64
        public var name: String
        public var state: String?
    }

    public struct Evidence: Codable, Equatable, Sendable {
        public var meeting: String
        public var date: String
        public var speaker: String?
        public var quote: String
    }

    public var intent: String
    public var answer: String
    public var entities: [EntityRef]
    public var rows: [[String: String]]
    public var evidence: [Evidence]

    public init(intent: String, answer: String, entities: [EntityRef] = [], rows: [[String: String]] = [], evidence: [Evidence] = []) {
        self.intent = intent
        self.answer = answer
        self.entities = entities
        self.rows = rows
        self.evidence = evidence
    }
}
