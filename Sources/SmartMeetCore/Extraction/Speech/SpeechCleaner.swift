import Foundation

/// One turn as the extractor reads it: the words someone meant, without the sounds of
/// saying them. Stored turns keep every word; this copy exists only for extraction.
struct CleanTurn: Sendable {
    var index: Int
    var speaker: String
    var section: String?
    var words: [Word]
    /// Only "yeah", "okay", "right" and the like: the listener signalling attention or
    /// assent, not a statement of its own.
    var isBackchannel: Bool
    /// The speaker broke off at the end ("so do you want to -").
    var isBrokenOff: Bool
    /// Recogniser output: no capitals and no sentence punctuation anywhere.
    var isUnpunctuated: Bool
}

/// Spontaneous speech is full of material that is not language about the work: fillers
/// ("um", "uh"), annotators' marks for non-speech ("[vocal sound]"), stutters ("ke keep"),
/// repeated words ("the the", "I I"), and false starts abandoned at a dash ("we should -
/// we could …"). Each is recognised by its form, so no list of a corpus's sentences is
/// involved; what is left is parsed like written text.
enum SpeechCleaner {
    static func clean(_ turn: Turn) -> CleanTurn {
        var words = Tokenizer.words(turn.text, turn: turn.index)
        let hasCapitals = turn.text.contains { $0.isUppercase }
        let spoken = turn.speaker != Turn.unknownSpeaker
        // Verbatim speech (annotated sounds, fillers) is where words get broken off.
        let verbatim = words.contains { $0.isPunct && ($0.text == "[" || $0.text == "{") } || words.contains { !$0.isPunct && isFiller($0.lower) }
        words = removeBracketed(words)
        words = splitGluedBreaks(words)
        words = words.filter { $0.isPunct || !isFiller($0.lower) }
        words = removeFragments(words, mixedCase: hasCapitals, verbatim: verbatim)
        words = collapseRepeats(words)
        var brokenOff = false
        if spoken { (words, brokenOff) = removeFalseStarts(words) }
        words = tidyPunctuation(words)
        let content = words.filter { !$0.isPunct }
        let backchannel = !content.isEmpty && content.count <= 6 && content.allSatisfy { FunctionWords.backchannels.contains($0.lower) }
        let unpunctuated = !hasCapitals && !words.contains { $0.isTerminal || $0.text == "," }
        return CleanTurn(index: turn.index, speaker: turn.speaker, section: turn.section, words: words,
                         isBackchannel: backchannel, isBrokenOff: brokenOff, isUnpunctuated: unpunctuated)
    }

    /// `[vocal sound]`, `[inaudible]`, `[crosstalk]`, `{noise}`: annotators' notes, never speech.
    /// Parentheses are kept, since written notes use them for content.
    private static func removeBracketed(_ words: [Word]) -> [Word] {
        var out: [Word] = []
        var i = 0
        while i < words.count {
            let w = words[i]
            if w.isPunct, w.text == "[" || w.text == "{" {
                let close = w.text == "[" ? "]" : "}"
                if let j = words[(i + 1)...].prefix(10).firstIndex(where: { $0.isPunct && $0.text == close }) {
                    i = j + 1
                    continue
                }
            }
            if w.isPunct, w.text == "(", i + 2 < words.count, words[i + 2].text == ")",
               nonSpeech.contains(words[i + 1].lower) {
                i += 3
                continue
            }
            out.append(w)
            i += 1
        }
        return out
    }

    /// "I'll- I'll own it", "the light ring's- it's done": a whole word with a hyphen glued
    /// to its end, then a space, is where the speaker broke off, written the way
    /// transcribers write a dash. It becomes the word and a dash, so the false start is
    /// handled like any other. A stem no dictionary knows ("wh-", "presenta-") is a cut-off
    /// word and is left for `removeFragments`.
    private static func splitGluedBreaks(_ words: [Word]) -> [Word] {
        var out: [Word] = []
        for (k, w) in words.enumerated() {
            guard !w.isPunct, w.text.count > 2, w.text.hasSuffix("-"), k + 1 < words.count else { out.append(w); continue }
            let stem = String(w.lower.dropLast())
            guard !stem.hasSuffix("-"), stem.first?.isLetter == true, isWholeWord(stem) else { out.append(w); continue }
            var word = w
            word.text = String(w.text.dropLast())
            word.lower = stem
            word.end -= 1
            out.append(word)
            out.append(Word(text: "—", lower: "—", isPunct: true, turn: w.turn, start: w.end - 1, end: w.end))
        }
        return out
    }

    /// A stem that is a word in its own right: a closed-class word, a contraction ("it's",
    /// "we'll", "ring's"), or a word the dictionary knows.
    private static func isWholeWord(_ stem: String) -> Bool {
        if FunctionWords.all.contains(stem) { return true }
        if let apostrophe = stem.firstIndex(of: "'") {
            let base = String(stem[..<apostrophe])
            return base.count >= 1 && (FunctionWords.all.contains(base) || isWholeWord(base))
        }
        guard stem.allSatisfy(\.isLetter), stem.count >= 2, let wn = WordNet.shared else { return false }
        return wn.knows(stem)
    }

    private static let nonSpeech: Set<String> = ["laughs", "laughter", "laughing", "inaudible", "crosstalk", "noise", "coughs",
                                                 "cough", "silence", "pause", "music", "applause", "sighs", "unintelligible"]

    /// "um", "mm-hmm", and their spellings joined by hyphens ("hm-hmm", "uh-uh-uh").
    static func isFiller(_ w: String) -> Bool {
        if FunctionWords.fillers.contains(w) { return true }
        // Every word passes through here; only a hyphenated one can be a joined filler.
        guard w.utf8.contains(UInt8(ascii: "-")) else { return false }
        let parts = w.split(separator: "-")
        // "hm-hmm", "uh-huh", and laughter spelled out ("ha-ha", "ho-ho").
        return parts.count > 1 && (parts.allSatisfy { p in FunctionWords.fillers.contains(String(p)) || p.allSatisfy { "hmu".contains($0) } }
            || Set(parts).count == 1 && parts[0].count <= 3)
    }

    /// A cut-off word ("wh-", "ke" before "keep", "tha" before "that") is a stutter. In
    /// text that uses capitals, a lowercase "i" or a lone lowercase consonant ("so n with",
    /// "get f thrown") is one too: the pronoun is written "I", and no English word is one
    /// consonant. Recogniser text without capitals keeps its letters ("plan b").
    private static func removeFragments(_ words: [Word], mixedCase: Bool, verbatim: Bool) -> [Word] {
        var out: [Word] = []
        for (k, w) in words.enumerated() {
            if w.isPunct { out.append(w); continue }
            if w.text.hasSuffix("-"), w.text.count > 1, w.text.dropLast().allSatisfy(\.isLetter) { continue }
            let next = words[(k + 1)...].first { !$0.isPunct }
            let allLetters = w.lower.allSatisfy(\.isLetter)
            if mixedCase, w.text.count == 1, allLetters, !w.isCapitalized, w.text != "a", next != nil { continue }
            // "doub double-curved", "cr criteria", "M- Maybe": a start said again in full.
            if allLetters, w.lower.count <= 5, let n = next, n.lower.count > w.lower.count, n.lower.hasPrefix(w.lower),
               !FunctionWords.all.contains(w.lower),
               w.lower.count <= 2 || (WordNet.shared?.senses(w.lower).isEmpty ?? true) || verbatim && n.lower.count >= w.lower.count + 2
                // "push push-button": a word said again as the start of a compound — in any
                // style, since no one writes a word and then the compound it begins.
                || w.lower.count >= 3 && n.lower.hasPrefix(w.lower + "-") {
                continue
            }
            // In transcribed speech with capitals, a lowercase word no dictionary knows that
            // begins some longer word ("presenta", "tha", "wi") was broken off.
            // (Capitalised too, where a turn starts with one: "Br", "Crite". All capitals are acronyms.)
            if verbatim, mixedCase, allLetters, w.lower == w.text || (w.text.count <= 5 && w.text != w.text.uppercased()), !FunctionWords.all.contains(w.lower),
               let wn = WordNet.shared, !wn.knows(w.lower), wn.isPrefixOfLongerWord(w.lower),
               // (A stem whose plural is a noun stands; a two-letter one, "di" beside "dis", is
               // too short for that to say anything.)
               w.lower.count <= 2 || !wn.contains(w.lower + "s", .noun) && !wn.contains(w.lower + "es", .noun),
               w.lower.count <= 4 || k + 1 >= words.count || words[k + 1].isPunct || words[k + 1].lower.hasPrefix(String(w.lower.prefix(2))) {
                continue
            }
            out.append(w)
        }
        return out
    }

    /// "the the", "I I I", "if we're if we're": a word or phrase said twice in a row is
    /// said once. Punctuation between the copies (AMI writes "yeah , yeah") is ignored.
    private static func collapseRepeats(_ words: [Word]) -> [Word] {
        var out: [Word] = []
        for w in words {
            if !w.isPunct {
                // "front fronts", "display displays": a restart on the word's own inflection.
                if let last = out.last, !last.isPunct, last.lower.count >= 3, w.lower.hasPrefix(last.lower),
                   ["s", "es", "ed", "d", "ing"].contains(String(w.lower.dropFirst(last.lower.count))) {
                    out.removeLast()
                }
                // Compare with the last 1–3 content words.
                let contentIdx = out.indices.filter { !out[$0].isPunct }
                var repeated = false
                for n in 1...3 where contentIdx.count >= 2 * n - 1 {
                    // Candidate: the last n-1 words plus this one equal the n words before them.
                    let tail = Array(contentIdx.suffix(n - 1))
                    let before = Array(contentIdx.dropLast(n - 1).suffix(n))
                    guard before.count == n else { continue }
                    let current = tail.map { out[$0].lower } + [w.lower]
                    if before.map({ out[$0].lower }) == current {
                        // Drop the second copy: remove what we already appended of it.
                        for i in tail.reversed() { out.remove(at: i) }
                        while let last = out.last, last.isPunct, last.text == "," { out.removeLast() }
                        repeated = true
                        break
                    }
                }
                if repeated { continue }
            }
            out.append(w)
        }
        return out
    }

    /// "we should - we could get the LCD": the words before a dash are abandoned when the
    /// speaker restarts with the same word. A dash at the end of the turn means the speaker
    /// broke off; the words stay, but the sentence is marked unfinished.
    private static func removeFalseStarts(_ words: [Word]) -> ([Word], Bool) {
        var out: [Word] = []
        var brokenOff = false
        for (k, w) in words.enumerated() {
            guard w.isPunct, w.text == "—" else { out.append(w); continue }
            let rest = words[(k + 1)...]
            guard let next = rest.first(where: { !$0.isPunct }) else {
                brokenOff = true
                var ell = w
                ell.text = "…"
                ell.lower = "…"
                out.append(ell)
                continue
            }
            // The fragment: back to the last sentence end or clause mark.
            let fragStart = (out.lastIndex { $0.isTerminal || $0.isClauseMark } ?? -1) + 1
            let fragment = out[fragStart...].filter { !$0.isPunct && !FunctionWords.discourseMarkers.contains($0.lower) }
            if let first = fragment.first, first.lower == next.lower, fragment.count <= 8 {
                out.removeSubrange(fragStart...)
                continue
            }
            out.append(w)
        }
        return (out, brokenOff)
    }

    /// Commas left dangling by removals ("so , , we") collapse; a turn does not start with one.
    private static func tidyPunctuation(_ words: [Word]) -> [Word] {
        var out: [Word] = []
        for w in words {
            if w.isPunct, w.text == ",", out.isEmpty || out.last!.isPunct { continue }
            out.append(w)
        }
        return out
    }
}
