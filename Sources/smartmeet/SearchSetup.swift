import Foundation
import SmartMeetCore
import Synchronization

/// The embedder and background indexer the commands share; the fallback notice is printed
/// once per run, on standard error.
enum SearchSetup {
    private static let announced = Mutex(false)

    static func choice() -> EmbedderSetup.Choice {
        let c = EmbedderSetup.choose()
        if let notice = c.notice, announced.withLock({ let first = !$0; $0 = true; return first }) { Output.error(notice) }
        return c
    }

    static func search(_ store: Store) -> HybridSearch {
        HybridSearch(store: store, embedder: choice().embedder)
    }

    /// Prints "indexed N of M turns" at most every two seconds unless quiet.
    static func indexer(store: Store, quiet: Bool) -> VectorIndexer {
        let last = Mutex(Date.distantPast)
        return VectorIndexer(store: store, embedder: choice().embedder) { p in
            guard !quiet, p.running, last.withLock({ d in
                if Date().timeIntervalSince(d) < 2 { return false }
                d = Date()
                return true
            }) else { return }
            Output.line("indexing for search: \(p.indexed) of \(p.total) turns (\(Int(p.fraction * 100))%)")
        }
    }

    /// Waits for the indexer and prints one line of what it did.
    static func finishIndexing(_ indexer: VectorIndexer) {
        let started = Date()
        indexer.waitUntilIdle()
        if let f = indexer.failure { Output.error("search index: stopped early: \(f)") }
        guard let p = try? indexer.progress() else { return }
        let seconds = Date().timeIntervalSince(started)
        Output.line("search index: \(p.indexed) of \(p.total) turns have vectors (\(indexer.embedder.name))"
                    + (seconds > 1 ? String(format: ", %.1f s", seconds) : ""))
    }
}
