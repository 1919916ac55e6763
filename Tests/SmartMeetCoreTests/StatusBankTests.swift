import XCTest
@testable import SmartMeetCore

/// The status reader on Tests/StatusBank: 2,450 one-line utterances, written apart from
/// every labelled corpus (spoken, written notes and minutes, recogniser and non-native
/// speech), each labelled with the state it says or "none". The reader is developed
/// against the even lines; the odd lines are held out and carry the floor, so a change
/// that only teaches it sentences it has seen shows up here as a gap between the halves.
final class StatusBankTests: XCTestCase {
    struct Line: Decodable { let text: String; let state: String; let thing: String }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("StatusBank")

    func lines() throws -> [(file: String, index: Int, line: Line)] {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        XCTAssertFalse(files.isEmpty, "no status bank in \(Self.folder.path)")
        var out: [(String, Int, Line)] = []
        for f in files {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(f), encoding: .utf8)
            for (i, raw) in text.split(separator: "\n").enumerated() where !raw.isEmpty {
                out.append((f, i, try JSONDecoder().decode(Line.self, from: Data(raw.utf8))))
            }
        }
        return out
    }

    /// The state the reader gives a line on its own: its strongest reading, the last of
    /// equals (as a meeting's state is chosen), questions aside; "none" without one.
    func read(_ text: String, reader: StatusReader, stream: SentenceStream) -> String {
        let t = Transcript(title: "bank", date: "2026-01-05", attendees: ["A"], turns: [Turn(index: 0, speaker: "A", text: text)],
                           source: "bank.txt", format: .txt, contentHash: "")
        let readings = stream.sentences(t).flatMap { reader.read($0.sentence) }.filter { !$0.isQuestion }
        guard let top = readings.map(\.strength).max() else { return "none" }
        return readings.last { $0.strength == top }!.state.rawValue
    }

    func testReaderOnHeldOutHalf() throws {
        let wordNet = try XCTUnwrap(WordNet.shared, WordNet.missingAdvice)
        let reader = StatusReader(lexicon: StatusLexicon.shared, wordNet: wordNet, isPerson: { _ in false })
        let stream = SentenceStream(wordNet: wordNet)
        var right = [0, 0], total = [0, 0], said = [0, 0], found = [0, 0]
        for (_, i, line) in try lines() {
            let half = i % 2
            let got = read(line.text, reader: reader, stream: stream)
            total[half] += 1
            if got == line.state { right[half] += 1 }
            if line.state != "none" { said[half] += 1; if got != "none" { found[half] += 1 } }
        }
        let accuracy = total.indices.map { Double(right[$0]) / Double(max(1, total[$0])) }
        let recall = total.indices.map { Double(found[$0]) / Double(max(1, said[$0])) }
        print(String(format: "status bank: accuracy %.3f on the developed half, %.3f held out; status found in %.3f / %.3f of lines that say one",
                     accuracy[0], accuracy[1], recall[0], recall[1]))
        // 0.439 held out on 2026-12-02, after the reader learned status marks, deferrals,
        // decisions and acts said as done (about 0.41 before). A floor, raised as it rises.
        XCTAssertGreaterThanOrEqual(accuracy[1], 0.43, "held-out status-bank accuracy fell")
        XCTAssertGreaterThanOrEqual(total[1], 1200, "the bank lost lines")
    }
}
