import Foundation

/// Something that can tell which of several names a phrase means when their words differ
/// ("the voice thing" → "Speech recognition"). The query layer only knows this shape, so
/// question parsing builds without the embedding model (the fuzzer compiles it alone).
public protocol NameMeaningMatcher: Sendable {
    /// The index in `names` of the one the phrase means, or nil when none clearly is.
    func bestMatchIndex(_ phrase: String, among names: [String]) -> Int?
}
