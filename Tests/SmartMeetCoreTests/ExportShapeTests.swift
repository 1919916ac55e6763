import XCTest
@testable import SmartMeetCore

/// The text exports call tools and transcription services write, each as a fixture in
/// Tests/Fixtures/exports: every shape must give the same four turns.
final class ExportShapeTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/exports").standardized.path

    func load(_ name: String) throws -> Transcript {
        try TranscriptLoader().load(path: Self.fixtures + "/" + name)
    }

    func testEveryKnownShapeGivesTheSameTurns() throws {
        for name in ["2026-05-04-otter.txt", "2026-05-04-rev.txt", "2026-05-04-zoom.txt",
                     "2026-05-04-stamp-first.txt", "2026-05-04-dash.txt"] {
            let t = try load(name)
            XCTAssertEqual(t.turns.map(\.speaker), ["Renee Okafor", "Wes Tanaka", "Renee Okafor", "Wes Tanaka"], name)
            XCTAssertTrue(t.turns[1].text.hasPrefix("The scanner rollout is blocked on the vendor firmware."), name)
            XCTAssertEqual(t.turns[3].text, "Done, shipped them Tuesday.", name)
            XCTAssertFalse(t.turns.contains { $0.text.contains(":0") || $0.speaker.contains(":") }, "\(name): a timestamp leaked")
        }
    }

    func testWrappedLinesUnderAHeadingJoinTheTurn() throws {
        let t = try load("2026-05-04-otter.txt")
        XCTAssertEqual(t.turns[1].text, "The scanner rollout is blocked on the vendor firmware. They said next week.")
    }

    func testAnUnknownShapeSaysWhatWasExpected() {
        XCTAssertThrowsError(try load("2026-05-04-unknown-shape.txt")) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.hasPrefix("2026-05-04-unknown-shape.txt: has timestamps but no speaker names"), message)
            XCTAssertTrue(message.contains("`Name  0:04`"), message)
        }
    }

    func testSentencesWithTimesAreNotHeadings() {
        XCTAssertNil(SpeakerHeading.parse("Maya 10:30 works for me"))
        XCTAssertNil(SpeakerHeading.parse("we start at 10:30"))
        XCTAssertNil(SpeakerHeading.parse("The call moved to 14:00 tomorrow"))
        XCTAssertEqual(SpeakerHeading.parse("Speaker 2  1:04:33")?.speaker, "Speaker 2")
        XCTAssertEqual(SpeakerHeading.parse("José da Silva (00:12:01): sim")?.speaker, "José da Silva")
    }
}
