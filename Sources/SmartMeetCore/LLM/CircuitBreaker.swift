import Foundation
import Logging
import Synchronization

/// Stops calling an endpoint that keeps failing: opens after `threshold` failures in a
/// row, lets one trial call through after `cooldown` (half-open), closes on a success.
public final class CircuitBreaker: Sendable {
    public enum State: String, Sendable { case closed, open, halfOpen = "half-open" }

    private struct Counters {
        var failures = 0
        var openedAt: Date?
        var trialInFlight = false
        var transitions: [State] = []
    }

    private let counters = Mutex(Counters())
    private let threshold: Int
    private let cooldown: TimeInterval
    private let now: @Sendable () -> Date
    private let log = AppLog.logger("llm.breaker")

    public init(threshold: Int, cooldown: TimeInterval, now: @escaping @Sendable () -> Date = { Date() }) {
        self.threshold = max(1, threshold)
        self.cooldown = cooldown
        self.now = now
    }

    public var state: State { counters.withLock { currentState($0) } }

    /// Every state the breaker moved to, in order (a repeat of the last one is not recorded).
    public var transitions: [State] { counters.withLock { $0.transitions } }

    private func currentState(_ c: Counters) -> State {
        guard let opened = c.openedAt else { return .closed }
        return now().timeIntervalSince(opened) >= cooldown ? .halfOpen : .open
    }

    /// May a call go out now?
    public func allow() -> Bool {
        counters.withLock { c in
            switch currentState(c) {
            case .closed: return true
            case .open: return false
            case .halfOpen:
                if c.trialInFlight { return false }
                c.trialInFlight = true
                record(.halfOpen, &c)
                return true
            }
        }
    }

    public func success() {
        counters.withLock { c in
            if c.openedAt != nil { record(.closed, &c) }
            c.failures = 0
            c.openedAt = nil
            c.trialInFlight = false
        }
    }

    public func failure() {
        counters.withLock { c in
            c.failures += 1
            if c.trialInFlight || (c.openedAt == nil && c.failures >= threshold) {
                c.openedAt = now()
                record(.open, &c)
            }
            c.trialInFlight = false
        }
    }

    private func record(_ s: State, _ c: inout Counters) {
        guard c.transitions.last != s else { return }
        c.transitions.append(s)
        log.notice("circuit breaker \(s.rawValue)", metadata: ["failures_in_a_row": "\(c.failures)"])
    }
}
