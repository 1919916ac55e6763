import Foundation
import Synchronization

/// Splits one short computation over the cores: the caller takes lane 0 and threads kept
/// waiting take the others. Dispatch's `concurrentPerform` cannot be used for this: its
/// worker threads join too late for work of a few hundred microseconds (measured here: two
/// lanes of 0.1–0.3 ms ran one after the other on the caller), which is all a layer of a
/// one-sentence embedding is. One computation holds the helpers at a time; another
/// arriving meanwhile runs its lanes on its own thread rather than wait.
final class Lanes: Sendable {
    /// One helper per core beyond the caller's.
    static let shared = Lanes(helpers: max(0, ProcessInfo.processInfo.activeProcessorCount - 1))

    private let helpers: [Helper]
    private let busy = Mutex(false)

    var count: Int { helpers.count + 1 }

    init(helpers n: Int) {
        helpers = (0..<n).map { Helper(lane: $0 + 1) }
    }

    /// Calls `body(lane)` for lanes 0..<`lanes` (at most `count`) and returns when all are done.
    func run(_ lanes: Int, _ body: @Sendable (Int) -> Void) {
        let n = min(lanes, count)
        guard n > 1, busy.withLock({ b -> Bool in
            if b { return false }
            b = true
            return true
        }) else {
            for lane in 0..<max(1, lanes) { body(lane) }
            return
        }
        defer { busy.withLock { $0 = false } }
        withoutActuallyEscaping(body) { body in
            // The helpers are waited for below, so `body` outlives every use of it.
            let job = Job(body)
            for h in helpers.prefix(n - 1) { h.start(job) }
            body(0)
            for h in helpers.prefix(n - 1) { h.finish() }
        }
        for lane in n..<lanes { body(lane) }
    }

    final class Job: Sendable {
        let body: @Sendable (Int) -> Void
        init(_ body: @escaping @Sendable (Int) -> Void) { self.body = body }
    }

    /// A thread that runs its lane of each job it is given.
    final class Helper: Sendable {
        let lane: Int
        private let job = Mutex<Job?>(nil)
        private let go = DispatchSemaphore(value: 0)
        private let done = DispatchSemaphore(value: 0)

        init(lane: Int) {
            self.lane = lane
            let t = Thread { [self] in
                while true {
                    go.wait()
                    job.withLock { $0 }?.body(lane)
                    done.signal()
                }
            }
            t.name = "smartmeet.lane\(lane)"
            t.start()
        }

        func start(_ j: Job) {
            job.withLock { $0 = j }
            go.signal()
        }

        func finish() {
            done.wait()
            job.withLock { $0 = nil }
        }
    }
}
