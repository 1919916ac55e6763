import Foundation
import TOMLKit

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
    /// A cap on the answer's length, so a model that keeps talking ends instead of filling
    /// its context (a cut-off answer is malformed and the rules read that chunk).
    public var maxOutputTokens = 2_048

    public init() {}

    public var isConfigured: Bool { baseURL != nil && !models.isEmpty }

    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".config")
        return ((base as NSString).appendingPathComponent("smartmeet") as NSString).appendingPathComponent("config.toml")
    }

    /// Loads the file (if any), applies the environment and the command line's mode.
    /// Returns warnings: a malformed file (with its line), unknown or mistyped keys, a
    /// config readable by others while it names a key.
    public static func load(path: String = defaultPath(), environment: [String: String] = ProcessInfo.processInfo.environment,
                            mode: String? = nil) -> (LLMConfig, [String]) {
        var c = LLMConfig()
        var warnings: [String] = []
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            do {
                warnings += try c.apply(toml: text, path: path)
            } catch {
                warnings.append("\(error.description); its [llm] settings are ignored")
            }
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

    /// Applies the file's `[llm]` table. A syntax error throws (file, line, problem); a key
    /// this version does not know, or a value of the wrong type, is one warning each and
    /// leaves that setting as it was. Other tables belong to other parts of smartmeet.
    mutating func apply(toml text: String, path: String) throws(TOMLDocument.Malformed) -> [String] {
        let doc = try TOMLDocument(text: text, path: path)
        guard let llm = doc.table("llm") else { return [] }
        var warnings: [String] = []
        func problem(_ key: String, _ message: String) { warnings.append(doc.problem(message, key: key, section: "llm")) }
        func number(_ key: String, _ v: TOMLValue, atLeast low: Double) -> Double? {
            guard let n = v.double ?? v.int.map(Double.init), n >= low else {
                problem(key, "\(key) must be a number of at least \(String(format: "%g", low))"); return nil
            }
            return n
        }
        func whole(_ key: String, _ v: TOMLValue, atLeast low: Int) -> Int? {
            guard let n = v.int, n >= low else { problem(key, "\(key) must be a whole number of at least \(low)"); return nil }
            return n
        }
        func nonEmpty(_ key: String, _ v: TOMLValue) -> String? {
            guard let s = v.string, !s.isEmpty else { problem(key, "\(key) must be a non-empty string"); return nil }
            return s
        }
        for key in llm.keys.sorted() {
            guard let v = llm[key]?.tomlValue else { continue }
            switch key {
            case "mode":
                if let m = v.string.flatMap(Mode.init(rawValue:)) { mode = m } else { problem(key, "mode must be \"off\", \"auto\" or \"on\"") }
            case "base_url": baseURL = nonEmpty(key, v) ?? baseURL
            case "models":
                let names = v.array.map { $0.compactMap { $0.string } }
                if let names, names.count == v.array?.count, !names.isEmpty { models = names } else { problem(key, "models must be a list of model names, e.g. [\"llama3.1:8b\"]") }
            case "api_key_env": apiKeyEnv = nonEmpty(key, v) ?? apiKeyEnv
            case "timeout_seconds": timeoutSeconds = number(key, v, atLeast: 0.1) ?? timeoutSeconds
            case "max_retries": maxRetries = whole(key, v, atLeast: 0) ?? maxRetries
            case "max_in_flight": maxInFlight = whole(key, v, atLeast: 1) ?? maxInFlight
            case "breaker_threshold": breakerThreshold = whole(key, v, atLeast: 1) ?? breakerThreshold
            case "breaker_cooldown_seconds": breakerCooldownSeconds = number(key, v, atLeast: 0) ?? breakerCooldownSeconds
            case "chunk_characters": chunkCharacters = whole(key, v, atLeast: 200) ?? chunkCharacters
            case "max_output_tokens": maxOutputTokens = whole(key, v, atLeast: 16) ?? maxOutputTokens
            default: problem(key, "unknown key \"\(key)\" in [llm] (ignored)")
            }
        }
        return warnings
    }
}
