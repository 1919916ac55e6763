import XCTest
@testable import SmartMeetCore

/// What is not a meeting: text without anyone speaking and without a meeting date or
/// attendees (a README, a changelog) is refused; minutes and notes with either are kept.
final class MeetingShapeTests: XCTestCase {
    func parse(_ text: String, _ name: String) throws -> Transcript {
        try TranscriptLoader().parse(data: Data(text.utf8), name: name, format: TranscriptFormat(fileName: name)!)
    }

    func testAReadmeIsNotAMeeting() {
        let readme = """
            # smartmeet

            ```sh
            make run    # builds and opens the app
            ```

            Formats: `.txt` (`Title:`/`Date:`/`Attendees:` headers, `Speaker: text`).

            ## Using it
            - **Extraction** reads language, not keywords.
            | keys | what they do |
            """
        XCTAssertThrowsError(try parse(readme, "README.md")) { e in
            XCTAssertEqual("\(e)", "README.md: is not a meeting: no one speaks in it and it gives no meeting date or attendees")
        }
        XCTAssertThrowsError(try parse("Usage notes\nrun it twice\nthen stop\n", "NOTES.txt")) { e in
            XCTAssertTrue("\(e)".contains("is not a meeting"))
        }
    }

    func testMinutesWithoutSpeakersStillCountWhenTheyGiveADateOrWhoWasThere() throws {
        let minutes = "# Committee minutes\nDate: 2026-04-01\n\n## Highways\n- The resurfacing was completed.\n"
        XCTAssertEqual(try parse(minutes, "minutes.md").date, "2026-04-01")
        let present = "# Team sync\nPresent: Ana Ruiz, Ben Ode\n\n- Budget approved.\n"
        XCTAssertEqual(try parse(present, "sync.md").attendees, ["Ana Ruiz", "Ben Ode"])
        XCTAssertEqual(try parse("Ana Ruiz: The portal is live.\n", "chat.txt").turns.count, 1, "someone speaking is enough")
    }

    func testThePickerLooksAtAFileTheWayAnImportWould() throws {
        let dir = TestSupport.folder([
            "2026-03-02-weekly.txt": "Title: Weekly\nDate: 2026-03-02\n\nAna Ruiz: The portal is live.\n",
            "README.md": "# Project\n\nSome words about the project.\n",
            "bad.vtt": "not a vtt",
        ])
        XCTAssertEqual(MeetingShape.look(path: dir + "/2026-03-02-weekly.txt"), .meeting)
        XCTAssertEqual(MeetingShape.look(path: dir + "/README.md"), .problem("is not a meeting: no one speaks in it and it gives no meeting date or attendees"))
        guard case .problem = MeetingShape.look(path: dir + "/bad.vtt") else { return XCTFail("a malformed file is a problem") }
        XCTAssertEqual(MeetingShape.look(path: dir + "/2026-03-02-weekly.txt", peekLimit: 10), .unchecked, "too big to peek at")
    }
}
