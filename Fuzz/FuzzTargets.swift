import Foundation

// libFuzzer entry point for the transcript parsers and the question parser. The target
// is chosen by FUZZ_TARGET (txt, md, vtt, srt, json, question); built by scripts/fuzz.sh
// with `swiftc -sanitize=fuzzer,address` from the engine's pure sources.

// The embedding model is not part of the fuzz build, so names match by their words only.
extension EntityLinker {
    static var defaultMeaningMatcher: (any NameMeaningMatcher)? { nil }
}

private let target = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "txt"
private let linker = EntityLinker(entities: [
    EntitySummary(id: 1, name: "Offline mode", type: .feature, aliases: ["offline"], state: .blocked, owner: "Ana Ruiz", due: "2026-03-27"),
    EntitySummary(id: 2, name: "Release 4.2", type: .release, aliases: ["4.2"], state: .at_risk),
])
private let parser = QuestionParser(reference: CalendarDay(year: 2026, month: 3, day: 23)!, people: ["Ana Ruiz"])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    if target == "question" {
        let q = String(decoding: bytes, as: UTF8.self)
        _ = parser.parse(q, linker: linker)
        _ = QuestionParser.topic(of: q)
        _ = linker.resolve(q)
        _ = linker.closest(q, limit: 3)
        return 0
    }
    guard let format = TranscriptFormat(rawValue: target) else { return 0 }
    if let t = try? TranscriptLoader().parse(data: bytes, name: "fuzz.\(target)", format: format) {
        _ = RuleExtractor().extract(t)
    }
    return 0
}
