import GRDB
import XCTest
@testable import SmartMeetCore

/// Issue 10: on every real AMI meeting in ../shared/corpus/ami (labelled or not), no entity
/// is named by a filler, an interjection, a number, a bracketed sound, a person, a word
/// broken off mid-way or a single word that is not a name for a thing. The names of each
/// series are printed, so a failure shows the whole list it came from. Skipped where
/// ../shared is absent (a user's clone).
final class AMIEntityNamesTests: XCTestCase {
    static let corpus = AnswerTrustTests.root + "/../shared/corpus/ami"

    /// Sounds and words of reaction in English speech, written the ways transcribers do.
    static let interjections: Set<String> = [
        "um", "umm", "uh", "uhh", "er", "erm", "ah", "ahh", "oh", "ooh", "hmm", "hm", "mm", "mmm", "mm-hmm", "uh-huh",
        "uh-oh", "ah-ha", "aha", "huh", "wow", "oops", "whoa", "yeah", "yes", "yep", "no", "nope", "okay", "ok", "kay",
        "right", "sure", "alright", "well", "so", "like", "hey", "hi", "hello", "bye", "thanks", "cheers", "sorry", "please",
    ]
    static let numberish: Set<String> = ["point", "euro", "euros", "cent", "cents", "pound", "pounds", "dollar", "dollars",
                                         "percent", "half", "quarter", "hundred", "thousand", "million"]

    func testNoEntityIsNamedByNoiseOnAnyAMISeries() throws {
        guard let series = try? FileManager.default.contentsOfDirectory(atPath: Self.corpus).filter({ name in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: Self.corpus + "/" + name, isDirectory: &isDir) && isDir.boolValue && name != "notes"
        }).sorted(), !series.isEmpty else { throw XCTSkip("no ../shared/corpus/ami") }
        let wordNet = try XCTUnwrap(WordNet.shared, "WordNet is installed (make test installs wordnet-base)")
        var problems: [String] = []
        for name in series {
            let store = try TestSupport.store()
            _ = IngestPipeline(store: store).ingest(paths: [Self.corpus + "/" + name])
            let reader = StoreReader(store: store)
            let entities = try reader.entities()
            let named = try store.pool.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM people UNION SELECT DISTINCT speaker FROM turns")
            }
            let people = Set(named.flatMap { $0.lowercased().split(separator: " ").map(String.init) })
            print("AMI \(name): \(entities.map(\.name).joined(separator: " | "))")
            for e in entities {
                if let why = Self.noise(e.name, people: people, wordNet: wordNet) { problems.append("\(name): “\(e.name)” — \(why)") }
            }
        }
        XCTAssertTrue(problems.isEmpty, "entities named by noise:\n" + problems.joined(separator: "\n"))
    }

    /// Why a name is noise, or nil when it could name a thing.
    static func noise(_ name: String, people: Set<String>, wordNet: WordNet) -> String? {
        if name.contains(where: { "[]{}()<>".contains($0) }) { return "bracketed sound" }
        let tokens = name.lowercased().split(whereSeparator: { $0 == " " }).map(String.init)
        guard !tokens.isEmpty else { return "empty" }
        if let t = tokens.first(where: interjections.contains), tokens.count == 1 || tokens.first == t { return "interjection “\(t)”" }
        if tokens.allSatisfy({ FunctionWords.isNumber($0) || numberish.contains($0) }) { return "a number" }
        if tokens.allSatisfy({ people.contains($0) || GivenNames.all.contains($0) }) { return "a person" }
        if tokens.count == 1, FunctionWords.all.contains(tokens[0]) { return "a pronoun or function word" }
        // "doub double-curved", "cr criteria": a start the speaker broke off and said again.
        for (a, b) in zip(tokens, tokens.dropFirst()) where a.count < b.count && b.hasPrefix(a) { return "broken-off “\(a)”" }
        // "requiremen", "fift": a word no dictionary has, one or two letters short of one it has.
        for t in tokens where t.count >= 2 && t.allSatisfy(\.isLetter) && wordNet.senses(t).isEmpty && wordNet.lemmas(t, .noun).isEmpty
            && !people.contains(t) && !GivenNames.all.contains(t) && wordNet.isPrefixOfLongerWord(t, within: 2) {
            let original = name.split(separator: " ").first { $0.lowercased() == t }.map(String.init) ?? t
            if original != original.uppercased() { return "broken-off “\(t)”" }
        }
        if tokens.count == 1, name != name.uppercased() {
            let t = tokens[0]
            // "taking", "listening": an act with nothing it is done to.
            if t.hasSuffix("ing"), !wordNet.lemmas(t, .verb).isEmpty { return "a lone verb form" }
            // "feel", "maybe": a word used mostly as something other than a noun.
            let noun = wordNet.lemmas(t, .noun).map { wordNet.weight($0, .noun) }.max() ?? 0
            let other = [WordClass.verb, .adjective, .adverb].map { c in wordNet.lemmas(t, c).map { wordNet.weight($0, c) }.max() ?? 0 }.max() ?? 0
            if other > 0, noun * 3 < other { return "a word used mostly as a verb, adjective or adverb" }
        }
        return nil
    }

    /// The checker itself tells noise from names.
    func testTheNoiseCheckKnowsNoiseFromNames() throws {
        let wordNet = try XCTUnwrap(WordNet.shared)
        for junk in ["[vocal sound]", "Mm-hmm", "Kay", "Point five", "Doub double-curved", "Requiremen", "Listening", "Christa"] {
            XCTAssertNotNil(Self.noise(junk, people: ["christa"], wordNet: wordNet), junk)
        }
        for name in ["LCD display", "Voice recognition", "Titanium", "Teletext", "Scroll wheel", "Solar cells", "Prototype"] {
            XCTAssertNil(Self.noise(name, people: ["christa"], wordNet: wordNet), name)
        }
    }
}
