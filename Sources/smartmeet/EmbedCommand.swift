import ArgumentParser
import Foundation
import SmartMeetCore

/// Sentence vectors for scripts: one line of text in, one JSON array out, from the same
/// embedder search uses (so experiments and calibration scripts see what search sees).
struct EmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed", abstract: "Print the sentence embedding of each line read from standard input, as JSON arrays.")

    func run() throws {
        let choice = EmbedderSetup.choose()
        if let notice = choice.notice { FileHandle.standardError.write(Data((notice + "\n").utf8)) }
        var batch: [String] = []
        func flush() throws {
            guard !batch.isEmpty else { return }
            for v in try choice.embedder.embed(batch) {
                Output.line("[" + v.map { String(format: "%.5f", $0) }.joined(separator: ",") + "]")
            }
            batch.removeAll()
        }
        while let line = readLine() {
            batch.append(line)
            if batch.count == 64 { try flush() }
        }
        try flush()
    }
}
