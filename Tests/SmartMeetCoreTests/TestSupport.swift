import Foundation
@testable import SmartMeetCore

/// Builds transcripts from inline text and stores in temporary folders.
enum TestSupport {
    static func transcript(_ text: String, format: TranscriptFormat = .txt, name: String = "2026-03-02-weekly.txt") throws -> Transcript {
        try TranscriptLoader().parse(data: Data(text.utf8), name: name, format: format)
    }

    static func extract(_ body: String, date: String = "2026-03-02") throws -> MeetingExtraction {
        let t = try transcript("Title: Weekly\nDate: \(date)\n\n" + body)
        return RuleExtractor().extract(t)
    }

    /// The state the extractor gives the entity whose name or alias contains `name`.
    static func state(of name: String, in ex: MeetingExtraction) -> ExtractedState? {
        let needle = name.lowercased()
        return ex.states.first { s in ex.entities[s.entity].allNames.contains { $0.lowercased().contains(needle) } }
    }

    static func temporaryDirectory() -> String {
        let dir = NSTemporaryDirectory() + "smartmeet-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func store() throws -> Store {
        try Store(path: temporaryDirectory() + "/test.db")
    }

    /// Writes files into a fresh folder and returns its path.
    static func folder(_ files: [String: String]) -> String {
        let dir = temporaryDirectory()
        for (name, body) in files {
            _ = FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(body.utf8))
        }
        return dir
    }
}
