import CNCurses
import Foundation

/// Draws screens with ncursesw, sending only cells that changed since the last frame, and
/// turns terminal input into messages.
public final class NCursesBackend: TerminalBackend {
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    private var previous: Screen?
    private var pairs: [Int: Int32] = [:]
    private var nextPair: Int32 = 1
    private var lastTheme: String?
    public let colorDepth: Int

    public init(noColor: Bool) throws {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard sm_start() == 1 else {
            throw StartError(description: "smartmeet: cannot start the terminal app: TERM=\"\(term)\" is unknown or not a terminal (try TERM=xterm-256color, or use the subcommands)")
        }
        let depth = Int(sm_color_depth())
        colorDepth = noColor ? 0 : depth
    }

    public var size: (width: Int, height: Int) { (Int(sm_cols()), Int(sm_rows())) }

    public func shutdown() { sm_stop() }

    public func poll() -> Msg? {
        var value: Int32 = 0, y: Int32 = 0, x: Int32 = 0
        switch sm_read(&value, &y, &x) {
        case 1: return Self.charKey(Int(value)).map { .key($0) }
        case 2: return Self.codeKey(value).map { .key($0) }
        case 3: return .mouse(x: Int(x), y: Int(y), kind: value == 4 ? .wheelUp : value == 5 ? .wheelDown : .click)
        case 4:
            previous = nil
            sm_clear()
            return .resize(width: Int(sm_cols()), height: Int(sm_rows()))
        default:
            // No key this tick; if the terminal is gone, quit as Ctrl-C would.
            return sm_hangup() == 1 ? .key(.ctrl("c")) : nil
        }
    }

    static func charKey(_ v: Int) -> Key? {
        switch v {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(UnicodeScalar(UInt8(v + 96))))
        default:
            guard let scalar = UnicodeScalar(v), v >= 32 else { return nil }
            return .char(Character(scalar))
        }
    }

    static func codeKey(_ v: Int32) -> Key? {
        switch v {
        case sm_key_up(): return .up
        case sm_key_down(): return .down
        case sm_key_left(): return .left
        case sm_key_right(): return .right
        case sm_key_ppage(): return .pageUp
        case sm_key_npage(): return .pageDown
        case sm_key_home(): return .home
        case sm_key_end(): return .end
        case sm_key_btab(): return .backTab
        case sm_key_backspace(): return .backspace
        case sm_key_enter(): return .enter
        case sm_key_dc(): return .delete
        default: return nil
        }
    }

    public func draw(_ screen: Screen, theme: Theme) {
        if lastTheme != theme.name { previous = nil; pairs = [:]; nextPair = 1; lastTheme = theme.name }
        let old = previous?.width == screen.width && previous?.height == screen.height ? previous : nil
        for y in 0..<screen.height {
            for x in 0..<screen.width {
                let cell = screen[x, y]
                if let o = old, o[x, y] == cell { continue }
                if cell.text.isEmpty { continue } // right half of a wide character
                var flags: Int32 = 0
                if cell.style.bold { flags |= 1 }
                if cell.style.reverse { flags |= 2 }
                if cell.style.underline { flags |= 4 }
                if cell.style.dim { flags |= 8 }
                var pair: Int32 = 0
                let highlighted = cell.style.bg == .selection || cell.style.bg == .status
                if colorDepth > 0 {
                    pair = self.pair(fg: theme.color(cell.style.fg), bg: theme.color(cell.style.bg))
                }
                if highlighted, colorDepth == 0 || theme.color(cell.style.bg) < 0 {
                    // Without colour, selection and bars show as reverse video.
                    flags |= 2
                }
                let wide = Array(cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) })
                wide.withUnsafeBufferPointer { p in sm_put(Int32(y), Int32(x), p.baseAddress, Int32(wide.count), pair, flags) }
            }
        }
        sm_refresh()
        previous = screen
    }

    private func pair(fg: Int, bg: Int) -> Int32 {
        let f = colorDepth >= 256 ? fg : Theme.to8(fg)
        let b = colorDepth >= 256 ? bg : Theme.to8(bg)
        let key = (f + 1) * 1000 + (b + 1)
        if let p = pairs[key] { return p }
        guard nextPair < min(sm_max_pairs(), 32_000) else { return 0 }
        let p = nextPair
        nextPair += 1
        sm_init_pair(p, Int32(f), Int32(b))
        pairs[key] = p
        return p
    }
}
