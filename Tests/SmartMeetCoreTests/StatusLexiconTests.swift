import XCTest
@testable import SmartMeetCore

/// Status meanings come from WordNet's sense hierarchy, not from a list of phrases: words
/// nobody listed land on the right concept because WordNet puts them under a seed.
final class StatusLexiconTests: XCTestCase {
    func lexicon() throws -> StatusLexicon { try XCTUnwrap(StatusLexicon.shared, WordNet.missingAdvice) }

    func concept(_ word: String, _ cls: WordClass = .verb) throws -> StatusConcept? {
        let wn = try XCTUnwrap(WordNet.shared)
        let lemma = wn.lemmas(word, cls).first ?? word
        return try lexicon().concept(lemma, cls)
    }

    func testDump() throws {
        guard ProcessInfo.processInfo.environment["DUMP_LEXICON"] != nil else { return }
        for w in ProcessInfo.processInfo.environment["DUMP_LEXICON"]!.split(separator: ",") {
            for cls in [WordClass.verb, .adjective, .noun] {
                print("LEX \(w) \(cls): \(String(describing: try concept(String(w), cls)))")
            }
        }
    }
}

final class StatusLexiconDump: XCTestCase {
    func testDumpClosure() throws {
        guard ProcessInfo.processInfo.environment["DUMP_CLOSURE"] != nil, let lex = StatusLexicon.shared else { return }
        for (c, words) in lex.dump().sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            print("CLOSURE \(c) \(words.count): \(words.joined(separator: " "))")
        }
    }
}

final class NameStrengthDump: XCTestCase {
    func testDumpWeakNames() {
        guard let words = ProcessInfo.processInfo.environment["DUMP_WEAK"] else { return }
        let namer = EntityNamer(wordNet: WordNet.shared, isPerson: { _ in false })
        for w in words.split(separator: ",") { print("WEAK \(w) \(namer.isWeakSingleName(String(w)))") }
    }
}
