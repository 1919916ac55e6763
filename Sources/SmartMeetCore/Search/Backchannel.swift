import Foundation

/// Short acknowledgements ("Okay.", "Thanks.", "That's me.", "Mm-hmm.") carry no content
/// of their own: they may lend their neighbours context, but are never a search hit alone.
enum Backchannel {
    static func isBackchannel(_ text: String) -> Bool {
        // Transcript markers such as "[vocal sound]" are not words anyone said.
        let spoken = text.replacingOccurrences(of: #"\[[^\]]*\]"#, with: " ", options: .regularExpression)
        let words = TextTokens.words(spoken)
        guard words.count <= 4 else { return false }
        return words.filter { $0.count > 1 && !TextTokens.stopwords.contains($0) }.count <= 1
    }
}
