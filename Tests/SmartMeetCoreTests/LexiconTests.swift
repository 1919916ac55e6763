import XCTest
@testable import SmartMeetCore

/// The lexical resource the extractor stands on: WordNet's classes, lemmas and senses.
final class LexiconTests: XCTestCase {
    func wordNet() throws -> WordNet {
        try XCTUnwrap(WordNet.shared, WordNet.missingAdvice)
    }

    func testWordClassesAndLemmas() throws {
        let wn = try wordNet()
        XCTAssertTrue(wn.contains("migration", .noun))
        XCTAssertEqual(wn.lemmas("shelved", .verb), ["shelve"])
        XCTAssertEqual(wn.lemmas("ran", .verb), ["run"])
        XCTAssertEqual(wn.lemmas("boxes", .noun).first, "box")
        XCTAssertEqual(wn.lemmas("planning", .verb).first, "plan")
        XCTAssertTrue(wn.lemmas("stopped", .verb).contains("stop"))
        XCTAssertTrue(wn.contains("put off", .verb))
        XCTAssertFalse(wn.contains("the", .noun))
    }

    func testSynsetsLinkMeanings() throws {
        let wn = try wordNet()
        let shelve = try XCTUnwrap(wn.senses("shelve", .verb).first)
        let synset = try XCTUnwrap(wn.synset(shelve.synset))
        XCTAssertTrue(synset.words.contains("postpone"), "\(synset.words)")
        XCTAssertTrue(synset.pointers.contains { $0.symbol == "@" })
        XCTAssertEqual(LexicalFile.names[Int(synset.lexfile)], "verb.stative")
    }
}
