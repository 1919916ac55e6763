import Foundation

/// How smartmeet reaches a language model: any OpenAI-compatible chat-completions endpoint
/// (a hosted router, Ollama, llama.cpp's server, vLLM). Read from
/// `$XDG_CONFIG_HOME/smartmeet/config.toml` `[llm]`, then `SMARTMEET_LLM_*` variables.
public struct LLMConfig: Equatable, Sendable {
    public enum Mode: String, Sendable { case off, auto, on }

    public var mode: Mode = .auto
    /// Base URL up to `/v1`, e.g. `http://127.0.0.1:11434/v1`.
    public var baseURL: String?
    /// Primary model first, then fallbacks.
    public var models: [String] = []
    /// The name of the environment variable that holds the API key (never the key itself).
    public var apiKeyEnv: String = "SMARTMEET_LLM_API_KEY"
    public var timeoutSeconds: Double = 30
    public var maxRetries = 3
    public var maxInFlight = 2
    public var breakerThreshold = 5
    public var breakerCooldownSeconds: Double = 30
    /// Characters per chunk sent for extraction (about a quarter as many tokens).
    public var chunkCharacters = 6_000

    public init() {}

    public var isConfigured: Bool { baseURL != nil && !models.isEmpty }

    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".config")
        return ((base as NSString).appendingPathComponent("smartmeet") as NSString).appendingPathComponent("config.toml")
    }

    /// Loads the file (if any), applies the environment and the command line's mode.
    /// Returns warnings, e.g. a config readable by others while it names a key.
    public static func load(path: String = defaultPath(), environment: [String: String] = ProcessInfo.processInfo.environment,
                            mode: String? = nil) -> (LLMConfig, [String]) {
        var c = LLMConfig()
        var warnings: [String] = []
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            c.apply(toml: text)
            if let attrs = try? FileManager.default.attributesOfItem(atPath: path),
               let perms = (attrs[.posixPermissions] as? NSNumber)?.intValue, perms & 0o077 != 0,
               text.lowercased().contains("key") {
                warnings.append("\(path) is readable by other users (mode \(String(perms, radix: 8))); run chmod 600 on it")
            }
        }
        if let v = environment["SMARTMEET_LLM_BASE_URL"], !v.isEmpty { c.baseURL = v }
        if let v = environment["SMARTMEET_LLM_MODELS"], !v.isEmpty { c.models = v.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        if let v = environment["SMARTMEET_LLM_API_KEY_ENV"], !v.isEmpty { c.apiKeyEnv = v }
        if let v = environment["SMARTMEET_LLM_TIMEOUT"], let t = Double(v) { c.timeoutSeconds = t }
        if let v = environment["SMARTMEET_LLM"], let m = Mode(rawValue: v) { c.mode = m }
        if let m = mode.flatMap(Mode.init(rawValue:)) { c.mode = m }
        return (c, warnings)
    }

    mutating func apply(toml: String) {
        var section = ""
        for raw in toml.components(separatedBy: "\n") {
            let line = raw.split(separator: "#", maxSplits: 1).first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            if line.hasPrefix("[") { section = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")); continue }
            guard section == "llm", let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            let unquoted = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            switch key {
            case "mode": mode = Mode(rawValue: unquoted) ?? mode
            case "base_url": baseURL = unquoted
            case "models":
                models = value.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",")
                    .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"'")) }.filter { !$0.isEmpty }
            case "api_key_env": apiKeyEnv = unquoted
            case "timeout_seconds": timeoutSeconds = Double(unquoted) ?? timeoutSeconds
            case "max_retries": maxRetries = Int(unquoted) ?? maxRetries
            case "max_in_flight": maxInFlight = Int(unquoted) ?? maxInFlight
            case "chunk_characters": chunkCharacters = Int(unquoted) ?? chunkCharacters
            default: break
            }
        }
    }
}
