import Foundation

/// Stops calling an endpoint that keeps failing: opens after `threshold` failures in a
/// row, lets one trial call through after `cooldown` (half-open), closes on a success.
public final class CircuitBreaker: @unchecked Sendable {
    public enum State: String, Sendable { case closed, open, halfOpen = "half-open" }

    private let lock = NSLock()
    private let threshold: Int
    private let cooldown: TimeInterval
    private let now: () -> Date
    private var failures = 0
    private var openedAt: Date?
    private var trialInFlight = false
    public private(set) var transitions: [State] = []

    public init(threshold: Int, cooldown: TimeInterval, now: @escaping () -> Date = Date.init) {
        self.threshold = max(1, threshold)
        self.cooldown = cooldown
        self.now = now
    }

    public var state: State {
        lock.lock(); defer { lock.unlock() }
        return currentState()
    }

    private func currentState() -> State {
        guard let opened = openedAt else { return .closed }
        return now().timeIntervalSince(opened) >= cooldown ? .halfOpen : .open
    }

    /// May a call go out now?
    public func allow() -> Bool {
        lock.lock(); defer { lock.unlock() }
        switch currentState() {
        case .closed: return true
        case .open: return false
        case .halfOpen:
            if trialInFlight { return false }
            trialInFlight = true
            record(.halfOpen)
            return true
        }
    }

    public func success() {
        lock.lock(); defer { lock.unlock() }
        if openedAt != nil { record(.closed) }
        failures = 0
        openedAt = nil
        trialInFlight = false
    }

    public func failure() {
        lock.lock(); defer { lock.unlock() }
        failures += 1
        if trialInFlight || (openedAt == nil && failures >= threshold) {
            openedAt = now()
            record(.open)
        }
        trialInFlight = false
    }

    private func record(_ s: State) {
        if transitions.last != s { transitions.append(s) }
    }
}
