import Foundation

/// Where screens go and input comes from.
public protocol TerminalBackend: AnyObject {
    var size: (width: Int, height: Int) { get }
    var colorDepth: Int { get }
    /// Draws the screen; a real backend sends only the cells that changed.
    func draw(_ screen: Screen, theme: Theme)
    /// Waits up to the backend's tick for one input event.
    func poll() -> Msg?
    func shutdown()
}

/// Keeps what would be drawn, for tests; input comes from a queue the test fills.
public final class TestBackend: TerminalBackend {
    public var size: (width: Int, height: Int)
    public var colorDepth: Int
    public private(set) var screen: Screen
    public private(set) var frames = 0
    public var input: [Msg] = []

    public init(width: Int, height: Int, colorDepth: Int = 256) {
        size = (width, height)
        self.colorDepth = colorDepth
        screen = Screen(width: width, height: height)
    }

    public func draw(_ screen: Screen, theme: Theme) {
        self.screen = screen
        frames += 1
    }

    public func poll() -> Msg? { input.isEmpty ? nil : input.removeFirst() }
    public func shutdown() {}
}
