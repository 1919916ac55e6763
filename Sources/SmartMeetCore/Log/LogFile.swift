import Foundation

/// An append-only log file readable by its owner only (0600 in a 0700 folder), rotated by
/// size: `smartmeet.log` → `smartmeet.log.1` → … up to `keep` old files. Several smartmeet
/// processes may share it: each line is one `write` on an O_APPEND descriptor, and a
/// process that finds the file rotated under it reopens the new one.
final class LogFile {
    let path: String
    let maxBytes: Int
    let keep: Int
    private(set) var fd: Int32 = -1
    private var inode: ino_t = 0

    init(path: String, maxBytes: Int = 1 << 20, keep: Int = 3) throws {
        self.path = path
        self.maxBytes = maxBytes
        self.keep = keep
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty, !FileManager.default.fileExists(atPath: dir) {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        try reopen()
    }

    deinit { if fd >= 0 { close(fd) } }

    struct OpenError: Error, CustomStringConvertible {
        let description: String
    }

    private func reopen() throws {
        if fd >= 0 { close(fd) }
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw OpenError(description: "\(path): cannot open the log (\(String(cString: strerror(errno))))") }
        // A file created earlier with a looser mode (or by another tool) is tightened.
        _ = fchmod(fd, 0o600)
        var st = stat()
        inode = fstat(fd, &st) == 0 ? st.st_ino : 0
    }

    func write(_ line: String) {
        rotateIfNeeded(adding: line.utf8.count)
        var bytes = Array(line.utf8)
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        bytes.withUnsafeBytes { _ = Foundation.write(fd, $0.baseAddress, $0.count) }
    }

    private func rotateIfNeeded(adding count: Int) {
        var onDisk = stat()
        // Another process rotated the file: follow the name, not the old descriptor.
        if stat(path, &onDisk) != 0 || onDisk.st_ino != inode { try? reopen() }
        var st = stat()
        guard fstat(fd, &st) == 0, Int(st.st_size) + count > maxBytes, st.st_size > 0 else { return }
        for i in stride(from: keep - 1, through: 1, by: -1) {
            rename("\(path).\(i)", "\(path).\(i + 1)")
        }
        rename(path, "\(path).1")
        try? reopen()
    }
}
