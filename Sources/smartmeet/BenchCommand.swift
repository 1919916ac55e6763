import ArgumentParser
import Foundation
import SmartMeetCore
import SmartMeetTUI

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Generate a corpus with known truth and measure speed and memory.",
        discussion: "Prints one figure a line (and --json). --max-floor-ratio fails the run when import time exceeds that multiple of the prepared-statement floor, for CI.")

    @Option(help: "Meetings in the bulk import.") var meetings = 10_000
    @Option(help: "Distinct entities in the corpus.") var entities = 400
    @Option(help: "Runs per query intent and for search.") var runs = 60
    @Option(help: "Working folder (deleted and recreated).") var dir = NSTemporaryDirectory() + "smartmeet-bench"
    @Flag(help: "Print the figures as JSON.") var json = false
    @Flag(help: "Reuse the store a previous run left in --dir; measure reads only.") var reuse = false
    @Option(help: "Fail when import time / floor exceeds this.") var maxFloorRatio: Double?
    @Option(help: "Fail when fewer ground-truth states than this percentage are recovered.") var minTruth: Double?

    func run() throws {
        var options = Benchmark.Options(directory: dir)
        options.meetings = meetings
        options.entities = entities
        options.queryRuns = runs
        options.reuse = reuse
        var bench = Benchmark(options: options)
        if !json { bench.progress = { Output.line($0) } } else { bench.progress = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) } }
        let settings = dir + "/tui.json"
        bench.firstFrame = { store in
            let backend = TestBackend(width: 120, height: 40)
            let runtime = AppRuntime(store: store, backend: backend, themes: [Theme.fallback], settingsPath: settings)
            let reader = StoreReader(store: store)
            runtime.dispatch(.loaded(Snapshot(meetings: try reader.meetings(), entities: try reader.entities())))
            runtime.render()
        }
        try bench.run()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            Output.json(try encoder.encode(["figures": bench.figures]))
        }
        if let limit = maxFloorRatio, let ratio = bench.figures.first(where: { $0.name == "import time / floor" })?.value, ratio > limit {
            Output.error("bench: import time is \(ratio)× the floor, over the limit of \(limit)×")
            throw ExitCode(1)
        }
        if let limit = minTruth, let truth = bench.figures.first(where: { $0.name == "ground-truth states recovered" })?.value, truth < limit {
            Output.error("bench: only \(truth)% of ground-truth states recovered, under \(limit)%")
            throw ExitCode(1)
        }
    }
}
