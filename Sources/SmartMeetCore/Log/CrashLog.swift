import Foundation
import Synchronization

/// Leaves a line in the log when the process dies of a fatal signal (a Swift runtime trap
/// such as a failed force-unwrap, a segmentation fault, an abort), then lets the signal
/// take its default course. The handler only does async-signal-safe work: it reads an
/// atomic descriptor and writes a message prepared in advance.
enum CrashLog {
    static let fd = Atomic<Int32>(-1)
    static let signals: [(Int32, String)] = [(SIGSEGV, "SIGSEGV"), (SIGBUS, "SIGBUS"), (SIGILL, "SIGILL (a Swift runtime trap)"),
                                             (SIGTRAP, "SIGTRAP (a Swift runtime trap)"), (SIGFPE, "SIGFPE"), (SIGABRT, "SIGABRT")]
    /// Messages built before any signal arrives, so the handler allocates nothing.
    static let messages: [(signal: Int32, bytes: [UInt8])] = signals.map { sig, name in
        (sig, Array("crash: smartmeet stopped on signal \(sig) \(name); the lines above show what it was doing\n".utf8))
    }
    static let installed = Mutex(false)

    static func install(fd newFD: Int32) {
        _ = messages.count // built now, never inside a handler
        fd.store(newFD, ordering: .sequentiallyConsistent)
        let first = installed.withLock { done in defer { done = true }; return !done }
        guard first, newFD >= 0 else { return }
        for (sig, _) in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                let fd = CrashLog.fd.load(ordering: .sequentiallyConsistent)
                if fd >= 0, let m = CrashLog.messages.first(where: { $0.signal == sig }) {
                    _ = m.bytes.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
                }
                signal(sig, SIG_DFL)
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            sigaction(sig, &action, nil)
        }
    }
}
