import Foundation

/// What the app remembers between runs: question history, last import folder, theme.
/// Kept in `$XDG_CONFIG_HOME/smartmeet/tui.json`, readable by the owner only.
public struct Settings: Codable, Equatable, Sendable {
    public var history: [String] = []
    public var lastFolder: String?
    public var theme: String?

    public init() {}

    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".config")
        return ((base as NSString).appendingPathComponent("smartmeet") as NSString).appendingPathComponent("tui.json")
    }

    public static func load(from path: String) -> Settings {
        guard let data = FileManager.default.contents(atPath: path),
              let s = try? JSONDecoder().decode(Settings.self, from: data) else { return Settings() }
        return s
    }

    public func save(to path: String) {
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        guard let data = try? JSONEncoder().encode(self) else { return }
        _ = FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
    }
}
