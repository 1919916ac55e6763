import Foundation

/// Turns text into a fixed-length unit vector; similar meaning should land close.
public protocol Embedder: Sendable {
    /// Stored beside each vector, so vectors from another embedder are never compared.
    var name: String { get }
    var dimension: Int { get }
    func embed(_ texts: [String]) throws -> [[Float]]
    /// True when embedding is so cheap (microseconds a turn) that search computes missing
    /// vectors itself instead of waiting for the background indexer.
    var computesInline: Bool { get }
}

extension Embedder {
    public var computesInline: Bool { false }
}

/// The built-in offline embedder: hashed word and sub-word (character trigram)
/// features with log term weights, L2-normalised. It needs no model and no network, and
/// the sub-word features let "migrate" meet "migration" and survive small typos.
public struct HashingEmbedder: Embedder {
    public let dimension: Int
    public var name: String { "hash-v1-\(dimension)" }
    public var computesInline: Bool { true }

    public init(dimension: Int = 128) { self.dimension = dimension }

    public func embed(_ texts: [String]) -> [[Float]] { texts.map(embedOne) }

    public func embedOne(_ text: String) -> [Float] {
        var v = [Float](repeating: 0, count: dimension)
        var counts: [String: Int] = [:]
        for w in TextTokens.words(text) where !TextTokens.stopwords.contains(w) {
            counts["w:" + TextTokens.stem(w), default: 0] += 2
            let padded = Array("<" + w + ">")
            if padded.count >= 5 {
                for i in 0...(padded.count - 3) { counts["c:" + String(padded[i..<(i + 3)]), default: 0] += 1 }
            }
        }
        for (feature, n) in counts {
            let h = Self.fnv1a(feature)
            let index = Int(h % UInt64(dimension))
            let sign: Float = (h >> 63) == 0 ? 1 : -1
            v[index] += sign * (1 + log(Float(n)))
        }
        let norm = sqrt(v.reduce(0) { $0 + $1 * $1 })
        if norm > 0 { for i in v.indices { v[i] /= norm } }
        return v
    }

    static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }
}

/// Shared word handling for search: lowercase words, a stopword list that includes the
/// filler of speech and of questions ("discuss", "group"), and a light suffix stemmer.
public enum TextTokens {
    public static let stopwords: Set<String> = Set("""
        a an the and or but if of to in on at for with by from as is are was were be been being it its this that these those \
        i you he she we they me him her us them my your our their what which who whom whose when where why how do does did \
        done so not no yes okay ok um uh yeah just about than then there here have has had can could would should will shall \
        may might must also very really well like discuss discussed discussion group team meeting summarize talk talked say said \
        think thought mm hmm gonna kinda sort kind actually basically right oh ah yep get got go going know mean \
        vocalsound disfmarker gap nonvocalsound laugh cough
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    public static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber { current.append(ch) } else if !current.isEmpty { out.append(current); current = "" }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    public static func stem(_ w: String) -> String {
        for suffix in ["ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "ly", "s"] {
            if w.count > suffix.count + 3, w.hasSuffix(suffix) { return String(w.dropLast(suffix.count)) }
        }
        return w
    }
}
