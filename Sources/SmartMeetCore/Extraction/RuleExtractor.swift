import Foundation

/// The offline extractor. It reads a meeting as a person would:
///
/// 1. `SentenceStream` cleans speech, joins a speaker's cut-up cues, and tags and
///    parses each sentence (parts of speech and lemmas from WordNet).
/// 2. Noun phrases that can name work become candidate things (`EntityNamer`); the
///    meeting's things are kept in `LocalEntities`, so "the upgrade" finds "the Postgres
///    16 upgrade".
/// 3. `StatusReader` composes what each clause says about progress; `MeetingDiscourse`
///    decides whom it is about (the clause's subject or object, or the topic under
///    discussion), carries questions to their answers and proposals to their acceptance,
///    and finds owners and due dates across speakers.
/// 4. `MeetingEvidence` keeps the things with evidence and each one's state at the end
///    of the meeting.
///
/// It reads only the meeting itself, so the same file always yields the same extraction.
public struct RuleExtractor: Extractor {
    public init() {}

    /// Says once per process when WordNet is missing, so a degraded extraction is never silent.
    static let announceMissingLexicon: Void = {
        if WordNet.shared == nil { FileHandle.standardError.write(Data(("smartmeet: " + WordNet.missingAdvice + "\n").utf8)) }
    }()

    public func extract(_ transcript: Transcript) -> MeetingExtraction {
        _ = Self.announceMissingLexicon
        var discourse = MeetingDiscourse(transcript)
        return discourse.run()
    }

    /// `SMARTMEET_TRACE=1 smartmeet extract FILE` shows how each sentence was read.
    static let trace = ProcessInfo.processInfo.environment["SMARTMEET_TRACE"].map { $0 != "json" } ?? false
    /// `SMARTMEET_TRACE=json`: the status readings of each sentence as JSON lines instead.
    static let traceReadings = ProcessInfo.processInfo.environment["SMARTMEET_TRACE"] == "json"
}
