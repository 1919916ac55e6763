import XCTest
@testable import SmartMeetCore

final class ParserTests: XCTestCase {
    func testPlainTextHeaderSpeakersAndWrappedTurns() throws {
        let t = try TestSupport.transcript("""
            Title: Mobile weekly
            Date: 2026-03-02
            Attendees: Maya Chen, Ben Foster

            Maya Chen: Morning all.
            Ben Foster: I'm here. My laptop
            decided to update itself.
            Maya Chen: Classic.
            """)
        XCTAssertEqual(t.title, "Mobile weekly")
        XCTAssertEqual(t.date, "2026-03-02")
        XCTAssertEqual(t.attendees, ["Maya Chen", "Ben Foster"])
        XCTAssertEqual(t.turns.map(\.speaker), ["Maya Chen", "Ben Foster", "Maya Chen"])
        XCTAssertEqual(t.turns[1].text, "I'm here. My laptop decided to update itself.")
        XCTAssertEqual(t.turns.map(\.index), [0, 1, 2])
    }

    func testWebVTTVoiceTagsSpeakerPayloadsAndNotes() throws {
        let t = try TestSupport.transcript("""
            WEBVTT

            NOTE
            Weekly, 2026-03-09, recorded

            00:00:02.000 --> 00:00:05.500
            <v Tomás Rivera>Okay, we're <i>recording</i>.

            1
            00:00:06.000 --> 00:00:08.000
            Maya Chen: Offline first.
            """, format: .vtt, name: "weekly.vtt")
        XCTAssertEqual(t.date, "2026-03-09")
        XCTAssertEqual(t.turns.map(\.speaker), ["Tomás Rivera", "Maya Chen"])
        XCTAssertEqual(t.turns[0].text, "Okay, we're recording.")
        XCTAssertEqual(t.turns[1].text, "Offline first.")
    }

    func testWebVTTRejectsMissingHeaderAndBadTiming() {
        XCTAssertThrowsError(try TestSupport.transcript("00:00:01.000 --> 00:00:02.000\nhi", format: .vtt, name: "a.vtt"))
        XCTAssertThrowsError(try TestSupport.transcript("WEBVTT\n\n00:00:99.000 --> 00:00:02.000\nhi", format: .vtt, name: "b.vtt")) { e in
            XCTAssertTrue("\(e)".contains("b.vtt"))
            XCTAssertTrue("\(e)".contains("timing"))
        }
    }

    func testSubRipCuesAndMalformedTiming() throws {
        let t = try TestSupport.transcript("""
            1
            00:00:00,800 --> 00:00:03,500
            Nadia Brooks: Welcome back.

            2
            00:00:04,000 --> 00:00:11,200
            Nadia Brooks: The gala first.
            """, format: .srt, name: "2026-06-01-staff.srt")
        XCTAssertEqual(t.turns.count, 2)
        XCTAssertEqual(t.date, "2026-06-01")
        XCTAssertEqual(t.title, "Staff")
        XCTAssertThrowsError(try TestSupport.transcript("1\n00:00:00.800 -> 00:00:03\nX: y", format: .srt, name: "bad.srt"))
    }

    func testMarkdownNotesWithSectionsBoldSpeakersAndLabels() throws {
        let t = try TestSupport.transcript("""
            # Data team sync — 2026-08-10

            Present: Ingrid, Pete

            ## Budget
            - **Ingrid Dahl:** finance approved it.
            - **Deletion pipeline:** legal sent the rules.
            - Dark mode came up again. **Pete Olsen:** Still on hold.
            1. 4.2 release in progress.
            """, format: .md, name: "notes.md")
        XCTAssertEqual(t.title, "Data team sync")
        XCTAssertEqual(t.date, "2026-08-10")
        XCTAssertEqual(t.turns[0].speaker, "Ingrid Dahl")
        XCTAssertEqual(t.turns[0].section, "Budget")
        XCTAssertEqual(t.turns[1].speaker, Turn.unknownSpeaker)
        XCTAssertEqual(t.turns[1].section, "Deletion pipeline")
        XCTAssertEqual(t.turns[2].text, "Dark mode came up again.")
        XCTAssertEqual(t.turns[3].speaker, "Pete Olsen")
        XCTAssertEqual(t.turns.last?.text, "4.2 release in progress.")
    }

    func testJSONBothShapes() throws {
        let a = try TestSupport.transcript(#"{"title": "Sync", "date": "2026-08-17", "transcript": [{"speaker": "A B", "text": "hi"}]}"#, format: .json, name: "x.json")
        XCTAssertEqual(a.title, "Sync")
        XCTAssertEqual(a.turns.first?.text, "hi")
        let b = try TestSupport.transcript(#"[{"speaker": "PM", "content": "{vocalsound}"}, {"speaker": "ID", "content": "Yes ."}]"#, format: .json, name: "2026-02-02-ES.json")
        XCTAssertEqual(b.turns.count, 2, "filler turns are kept so positions match the file")
        XCTAssertEqual(b.date, "2026-02-02")
        XCTAssertThrowsError(try TestSupport.transcript(#"{"foo": 1}"#, format: .json, name: "w.json"))
        XCTAssertThrowsError(try TestSupport.transcript(String(repeating: "[", count: 10_000), format: .json, name: "deep.json")) { e in
            XCTAssertTrue("\(e)".contains("deeper"))
        }
    }

    func testControlAndEscapeSequencesAreStripped() throws {
        let t = try TestSupport.transcript("Title: T\u{1B}]0;pwned\u{07}\n\nEve\u{1B}[31m: hi \u{1B}[2J\u{202E}there\u{7}", name: "t.txt")
        XCTAssertEqual(t.title, "T")
        XCTAssertEqual(t.turns[0].speaker, "Eve")
        XCTAssertEqual(t.turns[0].text, "hi there")
        for turn in t.turns {
            XCTAssertFalse(turn.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E })
        }
    }

    func testBadBytesGetOneClearSentence() {
        let loader = TranscriptLoader()
        func message(_ data: Data, _ name: String, _ format: TranscriptFormat = .txt) -> String {
            do { _ = try loader.parse(data: data, name: name, format: format); return "" } catch { return "\(error)" }
        }
        XCTAssertEqual(message(Data(), "empty.txt"), "empty.txt: is empty")
        XCTAssertEqual(message(Data("  \n\t ".utf8), "blank.txt"), "blank.txt: is empty")
        XCTAssertTrue(message(Data([0x41, 0x00, 0x42]), "bin.txt").contains("binary"))
        XCTAssertTrue(message(Data([0x41, 0xC3, 0x28]), "latin.txt").contains("not valid UTF-8"))
        let utf16 = Data([0xFF, 0xFE]) + "A B: hello".data(using: .utf16LittleEndian)!
        XCTAssertEqual(message(utf16, "wide.txt"), "", "UTF-16 with a byte-order mark is decoded")
    }

    func testDateAndTitleFallBackToFileName() throws {
        let t = try TestSupport.transcript("A: hello", name: "2026-05-04-staff-meeting.txt")
        XCTAssertEqual(t.date, "2026-05-04")
        XCTAssertEqual(t.title, "Staff meeting")
    }
}
