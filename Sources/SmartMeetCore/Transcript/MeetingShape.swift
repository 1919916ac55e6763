import Foundation

/// Tells a meeting from other text that happens to parse (a README, a changelog, a
/// config file), by what the file itself says.
///
/// The rule: **a file is a meeting when it records someone speaking (a turn with a named
/// speaker) or says when or with whom it was held (a date or attendee list in its own
/// text); anything else is not a meeting and is not imported.** Notes without speakers,
/// such as minutes, still count because they carry a date or a list of who was present;
/// a date in the file name alone does not make a file a meeting.
public enum MeetingShape {
    /// Why `parsed` is not a meeting, or nil when it is one.
    public static func problem(_ parsed: ParsedTranscript) -> String? {
        // Names, not whatever a parser took for one: "`Speaker" from a README's example
        // of the format is not a person.
        if parsed.turns.contains(where: { $0.speaker != Turn.unknownSpeaker && HeaderFields.isSpeakerLabel($0.speaker) }) { return nil }
        if parsed.date != nil || parsed.attendees.contains(where: HeaderFields.isSpeakerLabel) { return nil }
        return "is not a meeting: no one speaks in it and it gives no meeting date or attendees"
    }

    /// What a look at a file before importing it tells.
    public enum Look: Equatable, Sendable {
        case meeting
        /// It would not import; the reason, without the file name.
        case problem(String)
        /// Too big to read just to mark it, or gone.
        case unchecked
    }

    /// Reads the file at `path` the way an import would (files up to `peekLimit` bytes)
    /// and says whether it would import as a meeting.
    public static func look(path: String, peekLimit: Int = 1 << 20) -> Look {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = (attributes?[.size] as? NSNumber)?.intValue, size <= peekLimit else { return .unchecked }
        do {
            _ = try TranscriptLoader().load(path: path)
            return .meeting
        } catch let e as TranscriptError {
            return .problem(e.problem)
        } catch {
            return .problem("cannot be read")
        }
    }
}
