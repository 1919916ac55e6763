import Foundation
import Synchronization

/// Decides whether two ways of naming something name the same thing. Used inside one
/// meeting and across meetings, so "offline", "offline mode" and "Offline Mode" meet
/// wherever they occur, while "payment API" and "payment screen" stay apart.
public enum NameMatcher {
    /// Lowercase, no leading "the", punctuation as spaces, single spaces: the scorer's and
    /// the store's notion of "the same name".
    public static func normalize(_ name: String) -> String {
        cache.normalized(name) { computeNormalize(name) }
    }

    /// Names repeat across thousands of meetings; normalising each once keeps resolution
    /// fast at scale.
    private static let cache = NameCache()

    static func computeNormalize(_ name: String) -> String {
        var s = name.lowercased().replacingOccurrences(of: "’", with: "'")
        s = s.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "." || $0 == "'" ? String($0) : " " }.joined()
        var words = s.split(separator: " ").map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".'")) }.filter { !$0.isEmpty }
        while let f = words.first, Lexicon.determiners.contains(f) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// The words that identify: no determiners or describing adjectives, singular forms.
    public static func contentTokens(_ name: String) -> [String] {
        cache.tokens(name) { computeContentTokens(name) }
    }

    static func computeContentTokens(_ name: String) -> [String] {
        normalize(name).split(separator: " ").map(String.init)
            .filter { !Lexicon.genericAdjectives.contains($0) && !Lexicon.determiners.contains($0) }
            .map(singular)
    }

    public static func singular(_ w: String) -> String {
        if w.count > 4, w.hasSuffix("ies") { return String(w.dropLast(3)) + "y" }
        if w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") { return String(w.dropLast()) }
        return w
    }

    public static func heads(of name: String) -> Set<String> {
        Set(contentTokens(name).filter { Lexicon.heads[$0] != nil })
    }

    static func isVersion(_ t: String) -> Bool {
        guard t.utf8.contains(UInt8(ascii: ".")) else { return false }
        let s = t.hasPrefix("v") ? String(t.dropFirst()) : t
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// How strongly a named mention matches a known thing: 0 = not at all.
    /// 4 exact name, 3 same version or anchor, 2 one name contains the other, 1 same
    /// leading word where one side's head is vague or an action on the other.
    /// Words naming a step or paper of a thing rather than another thing: "the Q3 budget
    /// request" is about the Q3 budget.
    static let roleWords: Set<String> = ["request", "proposal", "agreement", "application", "approval", "paperwork", "draft", "signoff"]

    /// A name plus its form without a trailing role word.
    static func variants(_ names: [String]) -> [String] {
        var out = names
        for n in names {
            let words = normalize(n).split(separator: " ")
            if words.count >= 3, let last = words.last, roleWords.contains(String(last)) {
                out.append(words.dropLast().joined(separator: " "))
            }
        }
        return out
    }

    public static func score(mention rawMention: [String], mentionAnchor: String?, candidate rawCandidate: [String], candidateAnchor: String?) -> Int {
        let mention = variants(rawMention), candidate = variants(rawCandidate)
        let mNorm = Set(mention.map(normalize))
        let cNorm = Set(candidate.map(normalize))
        if !mNorm.isDisjoint(with: cNorm) { return 4 }
        let mTokens = mention.map(contentTokens)
        let cTokens = candidate.map(contentTokens)
        let mVersions = Set(mTokens.joined().filter(isVersion))
        let cVersions = Set(cTokens.joined().filter(isVersion))
        if !mVersions.isEmpty || !cVersions.isEmpty {
            // Two versions are the same thing only if the version numbers agree.
            return mVersions.isDisjoint(with: cVersions) ? 0 : 3
        }
        if let ca = candidateAnchor.map(contentTokens), !ca.isEmpty {
            for m in mTokens where !m.isEmpty {
                let lead = Array(m.prefix(ca.count))
                if lead == ca || Set(m).isSubset(of: Set(ca)) { return 3 }
            }
        }
        if let ma = mentionAnchor.map(contentTokens), !ma.isEmpty {
            for c in cTokens where !c.isEmpty {
                if Array(c.prefix(ma.count)) == ma || Set(c).isSubset(of: Set(ma)) { return 3 }
            }
        }
        var best = 0
        for m in mTokens where !m.isEmpty {
            for c in cTokens where !c.isEmpty {
                let ms = Set(m), cs = Set(c)
                let small = ms.count <= cs.count ? ms : cs
                let large = ms.count <= cs.count ? cs : ms
                // The smaller name must carry a word that is not just a head noun, or "the
                // migration" would match every migration.
                if small.isSubset(of: large), small.count >= 2 || small.contains(where: { Lexicon.heads[$0] == nil && !Lexicon.weakHeads.contains($0) }) {
                    best = max(best, 2)
                    continue
                }
                if m.first == c.first, let lead = m.first, Lexicon.heads[lead] == nil, !Lexicon.stopwords.contains(lead) {
                    let mh = m.last!, ch = c.last!
                    let vague = Lexicon.weakHeads.contains(mh) || Lexicon.weakHeads.contains(ch)
                    let action = (Lexicon.actionHeads.contains(mh) && Lexicon.heads[ch] == nil)
                        || (Lexicon.actionHeads.contains(ch) && Lexicon.heads[mh] == nil)
                    let sameClass = Lexicon.heads[mh] != nil && Lexicon.heads[mh] == Lexicon.heads[ch] && Lexicon.heads[mh] == .deal
                    if vague || action || sameClass { best = max(best, 1) }
                }
            }
        }
        return best
    }
}

/// A bounded memo of normalised names and their tokens, safe across threads.
final class NameCache: Sendable {
    private struct Tables {
        var norms: [String: String] = [:]
        var toks: [String: [String]] = [:]
    }

    private let tables = Mutex(Tables())
    private let limit = 100_000

    func normalized(_ key: String, _ make: () -> String) -> String { memo(\.norms, key, make) }
    func tokens(_ key: String, _ make: () -> [String]) -> [String] { memo(\.toks, key, make) }

    /// `make` runs outside the lock: two threads may both compute a missing entry, which
    /// costs a little work but never blocks one name on another.
    private func memo<V: Sendable>(_ table: WritableKeyPath<Tables, [String: V]>, _ key: String, _ make: () -> V) -> V {
        if let v = tables.withLock({ $0[keyPath: table][key] }) { return v }
        let v = make()
        tables.withLock { t in
            if t[keyPath: table].count >= limit { t[keyPath: table].removeAll(keepingCapacity: true) }
            t[keyPath: table][key] = v
        }
        return v
    }
}
