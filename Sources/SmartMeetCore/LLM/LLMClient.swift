import CCurl
import Foundation
import GRDB
import Logging

public enum LLMError: Error, Equatable, CustomStringConvertible {
    case notConfigured
    case breakerOpen
    /// An HTTP status, with the seconds Retry-After asked for, if any.
    case http(Int, retryAfter: Double? = nil)
    case timeout
    case transport(Int)
    case malformed(String)
    case exhausted(String)

    public var description: String {
        switch self {
        case .notConfigured: return "no model endpoint is configured"
        case .breakerOpen: return "the endpoint is failing; calls are paused (circuit open)"
        case .http(let s, _): return "HTTP \(s)"
        case .timeout: return "timed out"
        case .transport(let c): return "connection failed (curl \(c))"
        case .malformed(let m): return "unusable response: \(m)"
        case .exhausted(let m): return "every model failed: \(m)"
        }
    }

    var kind: String {
        switch self {
        case .http(let s, _): return s == 429 ? "rate_limited" : s >= 500 ? "server_error" : "client_error"
        case .timeout: return "timeout"
        case .transport: return "transport"
        case .malformed: return "malformed"
        case .breakerOpen: return "breaker_open"
        case .notConfigured: return "not_configured"
        case .exhausted: return "exhausted"
        }
    }

    var retryable: Bool {
        switch self {
        case .http(let s, _): return s == 429 || s >= 500
        case .timeout, .transport, .malformed: return true
        default: return false
        }
    }
}

/// An OpenAI-compatible chat-completions client over libcurl: retries with exponential
/// backoff and jitter (honouring Retry-After), a circuit breaker for the endpoint, the
/// model chain as fallback, a bound on calls in flight, and a response cache in SQLite
/// keyed by a hash of model and prompt. The API key is read from the environment at call
/// time and only ever placed in the request's Authorization header.
public final class LLMClient: Sendable {
    public let config: LLMConfig
    public let stats = LLMStats()
    public let breaker: CircuitBreaker
    let cache: Store?
    private let inFlight: DispatchSemaphore
    private let sleep: @Sendable (TimeInterval) -> Void
    private let log = AppLog.logger("llm")

    public init(config: LLMConfig, cache: Store?, sleep: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }) {
        self.config = config
        self.cache = cache
        self.sleep = sleep
        breaker = CircuitBreaker(threshold: config.breakerThreshold, cooldown: config.breakerCooldownSeconds)
        inFlight = DispatchSemaphore(value: max(1, config.maxInFlight))
        Self.initCurl
    }

    /// The primary model and where it is served: what `auto`'s trial verdict is kept under.
    public var modelIdentity: String { "\(config.models.first ?? "no model") at \(config.baseURL ?? "no endpoint")" }

    private static let initCurl: Void = { sm_curl_global_init() }()

    /// Sends a system and a user message; returns the assistant's text (JSON when asked).
    public func complete(system: String, user: String, json: Bool = true) throws -> String {
        guard let base = config.baseURL, !config.models.isEmpty else { throw LLMError.notConfigured }
        var lastError: LLMError = .exhausted("no model tried")
        // Any model's earlier answer to the same prompt beats a new call.
        for model in config.models {
            if let cached = try cachedResponse(SHA256.hex(model + "\u{0}" + system + "\u{0}" + user)) {
                stats.hit()
                return cached
            }
        }
        stats.miss()
        for model in config.models {
            let key = SHA256.hex(model + "\u{0}" + system + "\u{0}" + user)
            do {
                let text = try callWithRetries(base: base, model: model, system: system, user: user, json: json)
                try store(key, model: model, text)
                return text
            } catch let e as LLMError {
                lastError = e
                if e == .breakerOpen { throw e }
                log.warning("model failed, trying the next in the chain", metadata: ["model": "\(model)", "reason": "\(e)"])
                // The next model in the chain may succeed where this one failed.
            }
        }
        throw LLMError.exhausted(lastError.description)
    }

    func callWithRetries(base: String, model: String, system: String, user: String, json: Bool) throws -> String {
        var attempt = 0
        while true {
            guard breaker.allow() else {
                stats.fail("breaker_open")
                log.warning("call not sent: circuit breaker open", metadata: ["model": "\(model)"])
                throw LLMError.breakerOpen
            }
            var seconds = 0.0
            // What is logged of a call: model, outcome, latency, attempt. Never the key, the
            // prompt or the answer (they hold transcript text).
            var meta: Logger.Metadata = ["model": "\(model)", "attempt": "\(attempt + 1)"]
            do {
                let text = try callOnce(base: base, model: model, system: system, user: user, json: json, seconds: &seconds)
                breaker.success()
                meta["ms"] = "\(Int(seconds * 1000))"
                log.info("call ok", metadata: meta)
                return text
            } catch let e as LLMError {
                stats.fail(e.kind)
                breaker.failure()
                meta["ms"] = "\(Int(seconds * 1000))"
                meta["failure"] = "\(e.kind)"
                meta["reason"] = "\(e)"
                guard e.retryable, attempt < config.maxRetries else {
                    log.error("call failed", metadata: meta)
                    throw e
                }
                attempt += 1
                stats.retry()
                var retryAfter: Double?
                if case .http(_, let r) = e { retryAfter = r }
                let wait = backoff(attempt: attempt, retryAfter: retryAfter)
                meta["retry_in_s"] = "\(String(format: "%.2f", wait))"
                log.warning("call failed, retrying", metadata: meta)
                sleep(wait)
            }
        }
    }

    /// 0.25 s, 0.5 s, 1 s … with ±25% jitter, or what Retry-After asks (up to 30 s).
    func backoff(attempt: Int, retryAfter: Double?) -> TimeInterval {
        if let r = retryAfter, r >= 0 { return min(30, r) }
        let base = 0.25 * pow(2, Double(attempt - 1))
        return min(8, base * Double.random(in: 0.75...1.25))
    }

    /// One HTTP call; `seconds` is how long the server took, not counting the wait for a
    /// free slot among `max_in_flight`.
    func callOnce(base: String, model: String, system: String, user: String, json: Bool, seconds: inout Double) throws -> String {
        inFlight.wait()
        let started = Date()
        defer {
            seconds = Date().timeIntervalSince(started)
            stats.time("call", seconds)
            inFlight.signal()
        }
        stats.call()
        var body: [String: Any] = ["model": model, "temperature": 0, "max_tokens": config.maxOutputTokens,
                                   "messages": [["role": "system", "content": system], ["role": "user", "content": user]]]
        if json { body["response_format"] = ["type": "json_object"] }
        let payload = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
        var headers = "Content-Type: application/json"
        if let k = ProcessInfo.processInfo.environment[config.apiKeyEnv], !k.isEmpty { headers += "\nAuthorization: Bearer \(k)" }
        let url = base.hasSuffix("/") ? base + "chat/completions" : base + "/chat/completions"
        var status = 0, retry = -1
        var raw: UnsafeMutablePointer<CChar>?
        var length = 0
        let rc = sm_curl_post(url, headers, payload, Int(config.timeoutSeconds * 1000), &status, &raw, &length, &retry)
        defer { sm_curl_free(raw) }
        if rc == 28 { throw LLMError.timeout }
        if rc != 0 { throw LLMError.transport(Int(rc)) }
        guard (200..<300).contains(status) else { throw LLMError.http(status, retryAfter: retry >= 0 ? Double(retry) : nil) }
        let data = raw.map { Data(bytes: $0, count: length) } ?? Data()
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw LLMError.malformed("body is not JSON")
        }
        guard let choices = object["choices"] as? [[String: Any]], let message = choices.first?["message"] as? [String: Any],
              let content = message["content"] as? String else {
            throw LLMError.malformed("no choices[0].message.content")
        }
        return content
    }

    // MARK: - Cache

    func cachedResponse(_ key: String) throws -> String? {
        guard let cache else { return nil }
        return try cache.pool.read { try String.fetchOne($0, sql: "SELECT response FROM llm_cache WHERE key = ?", arguments: [key]) }
    }

    func store(_ key: String, model: String, _ text: String) throws {
        guard let cache else { return }
        try cache.pool.write {
            try $0.execute(sql: "INSERT OR REPLACE INTO llm_cache (key, model, response, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [key, model, text, ISO8601DateFormatter().string(from: Date())])
        }
    }
}
