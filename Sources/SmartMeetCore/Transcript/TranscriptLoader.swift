import Foundation

/// Reads one file from disk and produces a `Transcript`, or a `TranscriptError` that
/// names the file and says what is wrong in one sentence.
public struct TranscriptLoader: Sendable {
    /// Larger files are refused: the biggest real transcripts we have seen are a few
    /// hundred kilobytes, and a limit keeps a stray log or video file from being read whole.
    public static let maxBytes = 10 * 1024 * 1024
    public static let maxTurns = 50_000
    public static let maxTurnCharacters = 100_000

    public init() {}

    public static func isSupported(_ path: String) -> Bool {
        TranscriptFormat(fileName: path) != nil
    }

    public func load(path: String) throws -> Transcript {
        let name = (path as NSString).lastPathComponent
        func fail(_ problem: String) -> TranscriptError { TranscriptError(file: name, problem: problem) }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw fail("no such file") }
        if isDir.boolValue { throw fail("is a directory, not a transcript file") }
        guard let format = TranscriptFormat(fileName: name) else {
            throw fail("has an unsupported extension (use .txt, .md, .vtt, .srt or .json)")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        if size > Self.maxBytes { throw fail("is \(size / 1_048_576) MB, over the \(Self.maxBytes / 1_048_576) MB limit for a transcript") }
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path) else {
            throw fail("cannot be read (permission denied)")
        }
        let modified = attributes?[.modificationDate] as? Date ?? Date()
        return try parse(data: data, name: name, format: format, modified: modified)
    }

    /// The part that needs no file system, so tests can feed bytes directly.
    public func parse(data: Data, name: String, format: TranscriptFormat, modified: Date = Date()) throws -> Transcript {
        func fail(_ problem: String) -> TranscriptError { TranscriptError(file: name, problem: problem) }
        if data.count > Self.maxBytes { throw fail("is over the \(Self.maxBytes / 1_048_576) MB limit for a transcript") }
        let decoded = try decode(data, fail: fail)
        let text = TextSanitizer.clean(decoded.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw fail("is empty") }
        var parsed: ParsedTranscript
        do {
            parsed = try parser(for: format).parse(text)
        } catch let failure as ParseFailure {
            throw fail(failure.message)
        }
        if parsed.turns.count > Self.maxTurns { throw fail("has \(parsed.turns.count) turns, over the limit of \(Self.maxTurns)") }
        let speakers = Set(parsed.turns.map(\.speaker))
        if speakers.count > 2_000 { throw fail("names \(speakers.count) distinct speakers; a meeting with over 2000 is not a transcript") }
        if let problem = MeetingShape.problem(parsed) { throw fail(problem) }
        for i in parsed.turns.indices {
            parsed.turns[i].speaker = TextSanitizer.cleanLine(parsed.turns[i].speaker)
            parsed.turns[i].text = TextSanitizer.cleanLine(parsed.turns[i].text)
            if parsed.turns[i].text.count > Self.maxTurnCharacters {
                parsed.turns[i].text = String(parsed.turns[i].text.prefix(Self.maxTurnCharacters))
            }
            if parsed.turns[i].speaker.isEmpty { parsed.turns[i].speaker = Turn.unknownSpeaker }
        }
        let date = parsed.date ?? Self.dateFromFileName(name) ?? CalendarDay(date: modified).iso
        let title = parsed.title.map(TextSanitizer.cleanLine).flatMap { $0.isEmpty ? nil : $0 } ?? Self.titleFromFileName(name)
        return Transcript(title: title, date: date, attendees: parsed.attendees.map(TextSanitizer.cleanLine),
                          turns: parsed.turns, source: name, format: format, contentHash: SHA256.hex(data))
    }

    private func parser(for format: TranscriptFormat) -> TranscriptParser {
        switch format {
        case .txt: return PlainTextParser()
        case .md: return MarkdownParser()
        case .vtt: return WebVTTParser()
        case .srt: return SubRipParser()
        case .json: return JSONTranscriptParser()
        }
    }

    private func decode(_ data: Data, fail: (String) -> TranscriptError) throws -> String {
        let bytes = [UInt8](data.prefix(4))
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            // UTF-16 with a byte-order mark: some Windows tools export this way.
            guard let s = String(data: data, encoding: .utf16) else { throw fail("claims UTF-16 but does not decode as UTF-16") }
            return s
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        if body.prefix(8192).contains(0) { throw fail("looks binary (contains NUL bytes), not a text transcript") }
        guard let s = String(validatingUTF8: body) else {
            let offset = Self.firstInvalidUTF8(body)
            throw fail("is not valid UTF-8 text (bad byte at offset \(offset))")
        }
        return s
    }

    static func firstInvalidUTF8(_ data: Data.SubSequence) -> Int {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                offset = consumed
                consumed += UTF8.width(s)
            case .emptyInput: return consumed
            case .error: return consumed > 0 ? consumed : offset
            }
        }
    }

    private static let filePrefixDate = try! NSRegularExpression(pattern: #"^([0-9]{4})-([0-9]{2})-([0-9]{2})"#)

    public static func dateFromFileName(_ name: String) -> String? {
        let ns = name as NSString
        guard let m = filePrefixDate.firstMatch(in: name, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return CalendarDay(iso: ns.substring(with: m.range))?.iso
    }

    public static func titleFromFileName(_ name: String) -> String {
        var stem = (name as NSString).deletingPathExtension
        if dateFromFileName(stem) != nil { stem = String(stem.dropFirst(10)) }
        let words = stem.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
        guard let first = words.first else { return name }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst().map(String.init)).joined(separator: " ")
    }
}

private extension String {
    init?(validatingUTF8 data: Data.SubSequence) {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        self = String(decoding: data, as: UTF8.self)
    }
}
