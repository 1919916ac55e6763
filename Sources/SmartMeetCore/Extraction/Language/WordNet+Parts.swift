import Synchronization

extension WordNet {
    /// True when the noun's usual meaning is a part of something larger that includes it:
    /// "item", "chapter", "section", "part", "portion". With a number after it ("Item 4.",
    /// "chapter two", "section 3") such a noun points at a place in an agenda, a document or
    /// a list, not at a piece of work; the work is whatever that place is about. (WordNet
    /// files "page" under paper and "paragraph" under writing, so those are not caught.)
    ///
    /// Read from WordNet's hierarchy, not from a list: the word's most frequent noun sense
    /// descends (through hypernyms) from the usual sense of "part" ("something determined
    /// in relation to something that includes it") or of "section" ("a self-contained part
    /// of a larger composition"). "Phase", "line", "milestone", "sprint" or "year" descend
    /// from neither (a time period, a formation, an event), so "phase 2" or "Line 4" can
    /// still name work.
    func isPartLabel(_ noun: String) -> Bool {
        if let known = Self.partLabelMemo.withLock({ $0[noun] }) { return known }
        let found = computeIsPartLabel(noun)
        Self.partLabelMemo.withLock { memo in
            if memo.count > 50_000 { memo.removeAll(keepingCapacity: true) }
            memo[noun] = found
        }
        return found
    }

    private static let partLabelMemo = Mutex<[String: Bool]>([:])

    private func computeIsPartLabel(_ noun: String) -> Bool {
        // The usual senses of "part" and "section": two lookups, cheap next to the walk.
        let anchors = Set(["part", "section"].compactMap { senses($0, .noun).first?.synset })
        guard let usual = lemmas(noun, .noun).first.flatMap({ senses($0, .noun).first }) else { return false }
        var frontier = [usual.synset]
        var seen = Set(frontier)
        // WordNet's noun hierarchy is at most about 18 levels deep; "item" reaches "part"
        // in one step and "chapter" reaches "section" in one, so a few levels suffice and
        // keep far-off ancestors ("abstraction") out.
        for _ in 0..<4 {
            if frontier.contains(where: anchors.contains) { return true }
            var next: [SynsetID] = []
            for id in frontier {
                for p in synset(id)?.pointers ?? [] where (p.symbol == "@" || p.symbol == "@i") && seen.insert(p.target).inserted {
                    next.append(p.target)
                }
            }
            frontier = next
        }
        return frontier.contains(where: anchors.contains)
    }
}
