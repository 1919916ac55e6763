import Foundation
import Synchronization

/// A value computed on another thread while the caller does other work; `value()` waits
/// for it and rethrows what the work threw.
final class Pending<Value: Sendable>: Sendable {
    private let outcome = Mutex<Result<Value, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let r = Result { try work() }
            outcome.withLock { $0 = r }
            done.signal()
        }
    }

    func value() throws -> Value {
        done.wait()
        done.signal()
        return try outcome.withLock { $0! }.get()
    }
}
