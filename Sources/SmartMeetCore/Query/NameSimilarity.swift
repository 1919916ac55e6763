import Foundation

/// How much a name looks like what someone asked for, compared in the order people judge
/// it: shared words first ("portal" is in "Patient portal relaunch"), then spelling
/// distance ("EHR upgrad" → "EHR upgrade"), then shared letter groups.
struct NameSimilarity: Comparable, Sendable {
    let sharedWords: Int
    /// 1 − edit distance / longer length, over the whole normalised strings.
    let spelling: Double
    /// Dice coefficient of letter trigrams.
    let letters: Double

    init(asked: [String], phrase: String, name: String) {
        let tokens = NameMatcher.contentTokens(name)
        sharedWords = asked.filter { a in tokens.contains { Self.sameWord(a, $0) } }.count
        let p = NameMatcher.normalize(phrase), n = NameMatcher.normalize(name)
        let longer = max(p.count, n.count)
        spelling = longer == 0 ? 0 : 1 - Double(Self.distance(p, n)) / Double(longer)
        letters = Self.dice(Self.trigrams(p), Self.trigrams(n))
    }

    /// Worth offering as "closest": shares a word, or is spelled nearly the same.
    var isSimilar: Bool { sharedWords > 0 || spelling >= 0.6 || letters >= 0.4 }

    static func < (a: NameSimilarity, b: NameSimilarity) -> Bool {
        (a.sharedWords, a.spelling, a.letters) < (b.sharedWords, b.spelling, b.letters)
    }

    /// The same word allowing for an inflection or a typo: "relaunched"/"relaunch",
    /// "paymnets"/"payments".
    static func sameWord(_ a: String, _ b: String) -> Bool {
        if a == b || NameMatcher.singular(a) == NameMatcher.singular(b) { return true }
        let shorter = min(a.count, b.count)
        if shorter >= 5, a.hasPrefix(b) || b.hasPrefix(a) { return true }
        guard shorter >= 5, abs(a.count - b.count) <= 2 else { return false }
        return distance(a, b) <= (shorter >= 9 ? 2 : 1) || (shorter >= 6 && isTransposition(a, b))
    }

    /// Two neighbouring letters swapped ("paymnets"), which edit distance counts as two.
    private static func isTransposition(_ a: String, _ b: String) -> Bool {
        let x = Array(a), y = Array(b)
        guard x.count == y.count else { return false }
        let diff = x.indices.filter { x[$0] != y[$0] }
        return diff.count == 2 && diff[1] == diff[0] + 1 && x[diff[0]] == y[diff[1]] && x[diff[1]] == y[diff[0]]
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    private static func trigrams(_ s: String) -> Set<String> {
        let c = Array(" " + s + " ")
        guard c.count >= 3 else { return [] }
        return Set((0...(c.count - 3)).map { String(c[$0..<$0 + 3]) })
    }

    private static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        a.isEmpty || b.isEmpty ? 0 : 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }
}
