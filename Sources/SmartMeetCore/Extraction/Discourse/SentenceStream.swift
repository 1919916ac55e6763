import Foundation

/// Turns a transcript into the sentences the extractor reads, in order: each turn
/// cleaned of the sounds of speech, consecutive pieces of one speaker's turn joined (call
/// tools cut long turns into cues mid-sentence), split into sentences, tagged and parsed.
/// A notes heading is read as a sentence of its own before the bullets under it.
struct SentenceStream {
    var tagger: Tagger
    let wordNet: WordNet?

    init(wordNet: WordNet? = WordNet.shared) {
        self.wordNet = wordNet
        tagger = Tagger(wordNet: wordNet)
    }

    struct Item {
        var sentence: ParsedSentence
        /// A notes heading or bullet label rather than something said.
        var isHeading: Bool
        var isBackchannel: Bool
    }

    func sentences(_ transcript: Transcript) -> [Item] {
        var tagged = self
        // Words capitalised inside sentences and never written in lowercase are names.
        var names = Set<String>()
        var lowercase = Set<String>()
        for turn in transcript.turns {
            let words = Tagger.expandContractions(Tokenizer.words(turn.text, turn: turn.index))
            for w in Tagger.capitalisedInside(words) { names.insert(w) }
            for w in words where !w.isPunct && w.text == w.lower { lowercase.insert(w.lower) }
        }
        tagged.tagger.namesInMeeting = names.subtracting(lowercase)
        // Names of two letters or fewer ("Al", "Jo") are too often words in lowercase text.
        tagged.tagger.peopleInMeeting = Set(transcript.people.flatMap { $0.lowercased().split(separator: " ").map(String.init) }.filter { $0.count > 2 })
        return tagged.read(transcript)
    }

    private func read(_ transcript: Transcript) -> [Item] {
        var out: [Item] = []
        var lastSection: String?
        var pending: [CleanTurn] = []
        func flush() {
            guard !pending.isEmpty else { return }
            var words: [Word] = []
            for t in pending { words += t.words }
            let first = pending[0]
            let turn = CleanTurn(index: first.index, speaker: first.speaker, section: first.section, words: words,
                                 isBackchannel: pending.allSatisfy(\.isBackchannel), isBrokenOff: pending.last!.isBrokenOff,
                                 isUnpunctuated: pending.allSatisfy(\.isUnpunctuated))
            out += split(turn)
            pending = []
        }
        for raw in transcript.turns {
            if let section = raw.section, section != lastSection {
                flush()
                lastSection = section
                let heading = Turn(index: raw.index, speaker: Turn.unknownSpeaker, text: section)
                for item in split(SpeechCleaner.clean(heading)) {
                    var h = item
                    h.isHeading = true
                    out.append(h)
                }
            }
            let clean = SpeechCleaner.clean(raw)
            guard !clean.words.isEmpty else { continue }
            if let last = pending.last, last.speaker == clean.speaker, last.speaker != Turn.unknownSpeaker, last.section == clean.section,
               !(last.words.last?.isTerminal ?? false) {
                pending.append(clean)
                continue
            }
            flush()
            pending = [clean]
        }
        flush()
        return out
    }

    static let longest = 60

    private func split(_ turn: CleanTurn) -> [Item] {
        var groups: [[Word]] = []
        var current: [Word] = []
        for w in turn.words {
            current.append(w)
            if w.isTerminal { groups.append(current); current = [] }
        }
        if !current.isEmpty { groups.append(current) }
        groups = groups.filter { $0.contains { !$0.isPunct } }
        // A run-on without full stops (recogniser output, a pasted wall of text) is read in
        // pieces of at most `longest` words: parsing is quadratic in a sentence's length,
        // and no clause a person says is that long.
        groups = groups.flatMap { g -> [[Word]] in
            guard g.count > Self.longest else { return [g] }
            return stride(from: 0, to: g.count, by: Self.longest).map { Array(g[$0..<min(g.count, $0 + Self.longest)]) }
        }
        var out: [Item] = []
        for (i, g) in groups.enumerated() {
            var words = Tagger.expandContractions(g)
            words = tagger.tag(words)
            let (phrases, clauses) = ClauseParser.parse(words, wordNet: wordNet)
            let question = g.last?.text == "?"
            let sentence = ParsedSentence(words: words, phrases: phrases, clauses: clauses, speaker: turn.speaker,
                                          turn: g.first?.turn ?? turn.index, isQuestion: question,
                                          isUnfinished: i == groups.count - 1 && turn.isBrokenOff,
                                          isFirstInTurn: i == 0, isLastInTurn: i == groups.count - 1, section: turn.section)
            out.append(Item(sentence: sentence, isHeading: false, isBackchannel: turn.isBackchannel))
        }
        return out
    }
}
