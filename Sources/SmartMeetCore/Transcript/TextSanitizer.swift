import Foundation

/// Removes everything from transcript text that could act on a terminal or hide text:
/// ANSI/OSC escape sequences, C0/C1 control characters and bidirectional overrides.
/// Transcripts are data; none of their bytes may ever reach a terminal as a command.
public enum TextSanitizer {
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let s = scalars.first {
            scalars = scalars.dropFirst()
            switch s.value {
            case 0x1B: // ESC: drop the whole sequence that follows
                scalars = dropEscapeSequence(scalars)
            case 0x9B: // CSI (C1)
                scalars = dropCSIBody(scalars)
            case 0x9D, 0x90, 0x9E, 0x9F: // OSC, DCS, PM, APC (C1): up to the string terminator
                scalars = dropStringBody(scalars)
            case 0x09: out.append(" ")
            case 0x0A: out.append(s)
            case 0x00...0x1F, 0x7F...0x9F: continue
            case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: continue // bidi controls
            case 0xFEFF: continue // stray byte-order marks
            default: out.append(s)
            }
        }
        return String(out)
    }

    /// One-line form: newlines become spaces and runs of spaces collapse.
    public static func cleanLine(_ text: String) -> String {
        clean(text).replacingOccurrences(of: "\n", with: " ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    private static func dropEscapeSequence(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        guard let next = s.first else { return s }
        switch next {
        case "[": return dropCSIBody(s.dropFirst())
        case "]", "P", "^", "_", "X": return dropStringBody(s.dropFirst())
        default:
            // Two-character escapes (ESC c, ESC 7, ESC ( B …): drop intermediates and the final.
            var rest = s
            while let c = rest.first, (0x20...0x2F).contains(c.value) { rest = rest.dropFirst() }
            return rest.isEmpty ? rest : rest.dropFirst()
        }
    }

    private static func dropCSIBody(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var rest = s
        while let c = rest.first {
            rest = rest.dropFirst()
            if (0x40...0x7E).contains(c.value) { break }
            if c.value < 0x20 || c.value > 0x7E { break }
        }
        return rest
    }

    private static func dropStringBody(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var rest = s
        while let c = rest.first {
            rest = rest.dropFirst()
            if c.value == 0x07 || c.value == 0x9C { break }
            if c.value == 0x1B, rest.first == "\\" { rest = rest.dropFirst(); break }
        }
        return rest
    }
}
