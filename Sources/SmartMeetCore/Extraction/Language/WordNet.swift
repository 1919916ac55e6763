import Foundation
import Synchronization

/// The four open word classes WordNet describes.
enum WordClass: UInt8, Sendable, CaseIterable {
    case noun = 1, verb = 2, adjective = 3, adverb = 4

    var dataFile: String {
        switch self {
        case .noun: "data.noun"
        case .verb: "data.verb"
        case .adjective: "data.adj"
        case .adverb: "data.adv"
        }
    }
}

/// One meaning of one word, as WordNet's sense index lists it.
struct WordSense: Sendable, Equatable {
    let wordClass: WordClass
    /// WordNet's lexicographer file: the broad kind of meaning (`noun.artifact`,
    /// `noun.person`, `verb.change`, …); see `LexicalFile`.
    let lexfile: UInt8
    /// Byte offset of the synset in the class's data file.
    let offset: UInt32
    /// 1 = the word's most frequent meaning.
    let rank: UInt16
    /// How often the sense was seen in WordNet's tagged texts (SemCor): a frequency.
    let count: UInt16

    var synset: SynsetID { SynsetID(wordClass: wordClass, offset: offset) }
}

struct SynsetID: Hashable, Sendable {
    let wordClass: WordClass
    let offset: UInt32
}

/// A synset read from a data file: its words and the links to other synsets.
struct Synset: Sendable {
    let id: SynsetID
    let lexfile: UInt8
    let words: [String]
    /// (pointer symbol, target): `@` hypernym, `~` hyponym, `&` similar, `!` antonym,
    /// `+` derivationally related; for lexical pointers the 1-based word numbers in this
    /// synset and the target (0 for pointers between whole synsets).
    let pointers: [(symbol: String, target: SynsetID, from: Int, to: Int)]
}

/// Princeton WordNet 3.0, read from the files Debian's `wordnet-base` and
/// `wordnet-sense-index` install (`/usr/share/wordnet`, or `$SMARTMEET_WORDNET_DIR`).
///
/// Why WordNet: it is the one broad, freely licensed English lexicon on every Debian
/// machine that gives, for every open-class word, its parts of speech with frequencies
/// (so a tagger can prefer the common reading), its lemmas (via the exception lists and
/// WordNet's own suffix rules), and the meaning of each sense as a place in a hierarchy
/// (so "shelve", "defer" and "put off" are one concept, and a noun can be told apart as
/// an artefact, an act, a person or a time). The sense index is parsed once per process
/// (about 200,000 lines); synsets are read from the memory-mapped data files on demand.
final class WordNet: Sendable {
    private let senses: [String: [WordSense]]
    /// Every lemma, sorted, for prefix questions.
    private let sortedLemmas: [String]
    private let exceptions: [WordClass: [String: [String]]]
    private let data: [WordClass: Data]
    let directory: String

    /// The machine's WordNet, loaded on first use; nil when it is not installed.
    static let shared: WordNet? = {
        let env = ProcessInfo.processInfo.environment["SMARTMEET_WORDNET_DIR"]
        for dir in [env, "/usr/share/wordnet", "/usr/local/share/wordnet", "/opt/homebrew/share/wordnet"].compactMap({ $0 }) {
            if let w = try? WordNet(directory: dir) { return w }
        }
        return nil
    }()

    /// The sentence to show once when WordNet is missing.
    static let missingAdvice = "WordNet was not found (install Debian's wordnet-base and wordnet-sense-index, or set SMARTMEET_WORDNET_DIR); "
        + "extraction falls back to function words and word shapes and will find fewer things"

    init(directory: String) throws {
        self.directory = directory
        let senseIndex = try Data(contentsOf: URL(fileURLWithPath: directory + "/index.sense"), options: .alwaysMapped)
        senses = Self.parseSenseIndex(senseIndex)
        sortedLemmas = senses.keys.sorted()
        var exc: [WordClass: [String: [String]]] = [:]
        for (cls, file) in [(WordClass.noun, "noun.exc"), (.verb, "verb.exc"), (.adjective, "adj.exc"), (.adverb, "adv.exc")] {
            if let text = try? String(contentsOfFile: directory + "/" + file, encoding: .utf8) {
                var map: [String: [String]] = [:]
                for line in text.split(separator: "\n") {
                    let parts = line.split(separator: " ")
                    guard parts.count >= 2 else { continue }
                    map[String(parts[0]), default: []].append(contentsOf: parts.dropFirst().map(String.init))
                }
                exc[cls] = map
            }
        }
        exceptions = exc
        var files: [WordClass: Data] = [:]
        for cls in WordClass.allCases {
            files[cls] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + cls.dataFile), options: .alwaysMapped)
        }
        data = files
        guard !senses.isEmpty else { throw CocoaError(.fileReadCorruptFile) }
    }

    // MARK: - Words

    /// Every sense of a lemma (lowercase, spaces or underscores), most frequent first.
    func senses(_ lemma: String, _ cls: WordClass) -> [WordSense] {
        (senses[Self.key(lemma)] ?? []).filter { $0.wordClass == cls }
    }

    func senses(_ lemma: String) -> [WordSense] { senses[Self.key(lemma)] ?? [] }

    /// The word is in the dictionary as itself or as an inflection of a noun, verb or
    /// adjective ("tables", "shipped", "bigger"): an English word, not a fragment or a name.
    func knows(_ word: String) -> Bool {
        !senses(word).isEmpty || !lemmas(word, .noun).isEmpty || !lemmas(word, .verb).isEmpty || !lemmas(word, .adjective).isEmpty
    }

    func contains(_ lemma: String, _ cls: WordClass) -> Bool {
        senses[Self.key(lemma)]?.contains { $0.wordClass == cls } ?? false
    }

    /// Tagged frequency of the lemma in a class, plus one per sense so an untagged word
    /// still counts as a possible reading.
    func weight(_ lemma: String, _ cls: WordClass) -> Int {
        senses(lemma, cls).reduce(0) { $0 + Int($1.count) + 1 }
    }

    /// The dictionary forms a word may be an inflection of, in one class ("shelved" →
    /// "shelve", "boxes" → "box", "ran" → "run"), following WordNet's own morphology:
    /// the exception list first, then the detachment rules, keeping only forms WordNet knows.
    func lemmas(_ word: String, _ cls: WordClass) -> [String] {
        // The tagger asks this for every word of every sentence in four classes; a meeting
        // repeats its words, so the answers are kept (profiled: a sixth of extraction time).
        let memoKey = word + "\u{1}" + String(cls.rawValue)
        if let known = lemmaMemo.withLock({ $0[memoKey] }) { return known }
        let found = computeLemmas(word, cls)
        lemmaMemo.withLock { memo in
            if memo.count > 200_000 { memo.removeAll(keepingCapacity: true) }
            memo[memoKey] = found
        }
        return found
    }

    private let lemmaMemo = Mutex<[String: [String]]>([:])

    private func computeLemmas(_ word: String, _ cls: WordClass) -> [String] {
        let w = word.lowercased()
        var out: [String] = []
        func add(_ s: String) { if !out.contains(s), contains(s, cls) { out.append(s) } }
        for base in exceptions[cls]?[w] ?? [] { add(base) }
        add(w)
        for (suffix, ending) in Self.detachment[cls] ?? [] where w.hasSuffix(suffix) && w.count > suffix.count + 1 {
            add(String(w.dropLast(suffix.count)) + ending)
        }
        return out
    }

    private static let detachment: [WordClass: [(String, String)]] = [
        .noun: [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")],
        .verb: [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
                // Doubled consonants: "shelved" is covered above; "stopped" → "stop", "planning" → "plan".
                ("pped", "p"), ("tted", "t"), ("nned", "n"), ("gged", "g"), ("dded", "d"), ("mmed", "m"), ("lled", "l"), ("rred", "r"),
                ("pping", "p"), ("tting", "t"), ("nning", "n"), ("gging", "g"), ("dding", "d"), ("mming", "m"), ("lling", "l"), ("rring", "r")],
        .adjective: [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    ]

    private static func key(_ s: String) -> String {
        // Most lookups are already a lowercase word with no space: skip the copies.
        if !s.utf8.contains(where: { $0 == 32 || (65...90).contains($0) }) { return s }
        return s.lowercased().replacingOccurrences(of: " ", with: "_")
    }

    // MARK: - Synsets

    /// Reads one synset from its data file. The data files are indexed by byte offset,
    /// so this is a seek and a short parse.
    func synset(_ id: SynsetID) -> Synset? {
        guard let file = data[id.wordClass] else { return nil }
        return file.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Synset? in
            let start = Int(id.offset)
            guard start < raw.count else { return nil }
            var end = start
            while end < raw.count, raw[end] != 0x0A { end += 1 }
            // Fields before the gloss ("|") are space separated.
            var fields: [Substring] = []
            let line = String(decoding: UnsafeRawBufferPointer(rebasing: raw[start..<end]), as: UTF8.self)
            let head = line.split(separator: "|", maxSplits: 1).first ?? ""
            fields = head.split(separator: " ")
            guard fields.count > 4, let lexfile = UInt8(fields[1]), let wordCount = Int(fields[3], radix: 16) else { return nil }
            var words: [String] = []
            var i = 4
            for _ in 0..<wordCount where i < fields.count {
                var w = String(fields[i])
                // Adjective markers: "galore(ip)".
                if let paren = w.firstIndex(of: "(") { w = String(w[..<paren]) }
                words.append(w.lowercased())
                i += 2
            }
            guard i < fields.count, let pointerCount = Int(fields[i]) else { return nil }
            i += 1
            var pointers: [(String, SynsetID, Int, Int)] = []
            for _ in 0..<pointerCount where i + 3 < fields.count {
                let symbol = String(fields[i])
                if let offset = UInt32(fields[i + 1]), let cls = Self.classOf(fields[i + 2]), let st = Int(fields[i + 3], radix: 16) {
                    pointers.append((symbol, SynsetID(wordClass: cls, offset: offset), st >> 8, st & 0xFF))
                }
                i += 4
            }
            return Synset(id: id, lexfile: lexfile, words: words, pointers: pointers)
        }
    }

    /// The noun naming the act of a verb: "migrate" → "migration", "renew" → "renewal",
    /// "relocate" → "relocation" (WordNet's derivational links to an act noun); else the
    /// verb itself when it is also an act noun ("upgrade", "repair"), else its gerund
    /// ("resurface" → "resurfacing").
    func actNoun(forVerb verb: String) -> String {
        // The verb's own form when English uses it as the noun of the undertaking ("a
        // pilot", "a revamp", "a launch"): more usual than a derived "pilotage".
        if senses(verb, .noun).contains(where: { ["noun.act", "noun.event", "noun.communication"].contains(LexicalFile.names[Int($0.lexfile)]) }) {
            return verb
        }
        var best: (String, Int)?
        for sense in senses(verb, .verb) {
            guard let syn = synset(sense.synset), let own = syn.words.firstIndex(of: verb) else { continue }
            for p in syn.pointers where p.symbol == "+" && p.target.wordClass == .noun && p.from == own + 1 {
                guard let target = synset(p.target), p.to >= 1, p.to <= target.words.count,
                      LexicalFile.names[Int(target.lexfile)] == "noun.act" else { continue }
                let noun = target.words[p.to - 1]
                let score = (noun == verb ? 100 : 0) - Int(sense.rank)
                if best == nil || score > best!.1 { best = (noun, score) }
            }
        }
        if let b = best { return b.0.replacingOccurrences(of: "_", with: " ") }
        if senses(verb, .noun).contains(where: { LexicalFile.names[Int($0.lexfile)] == "noun.act" }) { return verb }
        if verb.hasSuffix("e"), !verb.hasSuffix("ee") { return String(verb.dropLast()) + "ing" }
        return verb + "ing"
    }

    /// True when some known word begins with these letters and is longer: "presenta",
    /// "tha", "wi" are words a speaker broke off.
    func isPrefixOfLongerWord(_ s: String, within extra: Int = .max) -> Bool {
        var lo = 0, hi = sortedLemmas.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sortedLemmas[mid] < s { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < sortedLemmas.count, sortedLemmas[i].hasPrefix(s) {
            if sortedLemmas[i].count > s.count, sortedLemmas[i].count - s.count <= extra, !sortedLemmas[i].contains("_") { return true }
            i += 1
        }
        return false
    }

    /// True when every noun sense of the word is a proper name in WordNet ("Dalton",
    /// "Loki", "Brennan"): written in lowercase by a recogniser, it is still a name.
    func isProperName(_ lemma: String) -> Bool {
        // The tagger asks this of most capitalised words, and reading the synsets' lines
        // cost ~20k instructions a call; the answer depends on the word alone.
        if let known = properMemo.withLock({ $0[lemma] }) { return known }
        let found = computeIsProperName(lemma)
        properMemo.withLock { memo in
            if memo.count > 200_000 { memo.removeAll(keepingCapacity: true) }
            memo[lemma] = found
        }
        return found
    }

    private let properMemo = Mutex<[String: Bool]>([:])

    private func computeIsProperName(_ lemma: String) -> Bool {
        let nouns = senses(lemma, .noun)
        guard !nouns.isEmpty, senses(lemma).count == nouns.count, let file = data[.noun] else { return false }
        for sense in nouns {
            let start = Int(sense.offset)
            let proper = file.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
                guard start < raw.count else { return false }
                var end = start
                while end < raw.count, raw[end] != 0x0A, end - start < 600 { end += 1 }
                let line = String(decoding: UnsafeRawBufferPointer(rebasing: raw[start..<end]), as: UTF8.self)
                let fields = line.split(separator: " ")
                guard fields.count > 4, let n = Int(fields[3], radix: 16) else { return false }
                var i = 4
                for _ in 0..<n where i < fields.count {
                    if fields[i].lowercased() == lemma { return fields[i].first?.isUppercase ?? false }
                    i += 2
                }
                return false
            }
            if !proper { return false }
        }
        return true
    }

    private static func classOf(_ s: Substring) -> WordClass? {
        switch s {
        case "n": .noun
        case "v": .verb
        case "a", "s": .adjective
        case "r": .adverb
        default: nil
        }
    }

    // MARK: - Parsing the sense index

    /// `shelve%2:42:00:: 02641571 1 5`: lemma, class (1 noun, 2 verb, 3 adjective,
    /// 4 adverb, 5 adjective satellite), lexicographer file; then offset, rank, count.
    private static func parseSenseIndex(_ data: Data) -> [String: [WordSense]] {
        var out: [String: [WordSense]] = [:]
        out.reserveCapacity(160_000)
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let n = raw.count
            var i = 0
            func number(_ from: inout Int) -> Int {
                var v = 0
                while from < n, raw[from] >= 0x30, raw[from] <= 0x39 { v = v * 10 + Int(raw[from] - 0x30); from += 1 }
                return v
            }
            while i < n {
                let lineStart = i
                while i < n, raw[i] != 0x25 /* % */, raw[i] != 0x0A { i += 1 }
                guard i < n, raw[i] == 0x25 else { i += 1; continue }
                let lemma = String(decoding: UnsafeRawBufferPointer(rebasing: raw[lineStart..<i]), as: UTF8.self)
                i += 1
                let type = number(&i)
                i += 1 // ':'
                let lexfile = number(&i)
                while i < n, raw[i] != 0x20 { i += 1 }
                i += 1
                let offset = number(&i)
                i += 1
                let rank = number(&i)
                i += 1
                let count = number(&i)
                while i < n, raw[i] != 0x0A { i += 1 }
                i += 1
                let cls: WordClass
                switch type {
                case 1: cls = .noun
                case 2: cls = .verb
                case 3, 5: cls = .adjective
                case 4: cls = .adverb
                default: continue
                }
                out[lemma, default: []].append(WordSense(wordClass: cls, lexfile: UInt8(clamping: lexfile), offset: UInt32(clamping: offset),
                                                         rank: UInt16(clamping: rank), count: UInt16(clamping: count)))
            }
        }
        for key in out.keys { out[key]!.sort { ($0.wordClass.rawValue, $0.rank) < ($1.wordClass.rawValue, $1.rank) } }
        return out
    }
}

/// WordNet's lexicographer files that matter to us, by number (see lexnames(5WN)).
enum LexicalFile {
    static let names = ["adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact",
        "noun.attribute", "noun.body", "noun.cognition", "noun.communication", "noun.event", "noun.feeling", "noun.food",
        "noun.group", "noun.location", "noun.motive", "noun.object", "noun.person", "noun.phenomenon", "noun.plant",
        "noun.possession", "noun.process", "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance",
        "noun.time", "verb.body", "verb.change", "verb.cognition", "verb.communication", "verb.competition",
        "verb.consumption", "verb.contact", "verb.creation", "verb.emotion", "verb.motion", "verb.perception",
        "verb.possession", "verb.social", "verb.stative", "verb.weather", "adj.ppl"]

    static func number(_ name: String) -> UInt8 { UInt8(names.firstIndex(of: name)!) }
}
