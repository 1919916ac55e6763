import CCurl
import Foundation

/// Embeddings from an OpenAI-compatible `/v1/embeddings` endpoint, as an alternative to
/// the built-in hashed embedder. Vectors are normalised; the name records the model so
/// vectors from different models are never compared.
public struct HTTPEmbedder: Embedder {
    public let baseURL: String
    public let model: String
    public let dimension: Int
    public let apiKeyEnv: String
    public let timeoutSeconds: Double
    public var name: String { "http-\(model)-\(dimension)" }

    public init(baseURL: String, model: String, dimension: Int, apiKeyEnv: String = "SMARTMEET_LLM_API_KEY", timeoutSeconds: Double = 30) {
        self.baseURL = baseURL
        self.model = model
        self.dimension = dimension
        self.apiKeyEnv = apiKeyEnv
        self.timeoutSeconds = timeoutSeconds
    }

    /// From `SMARTMEET_EMBED_URL`, `SMARTMEET_EMBED_MODEL`, `SMARTMEET_EMBED_DIM`; nil when unset.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> HTTPEmbedder? {
        guard let url = env["SMARTMEET_EMBED_URL"], !url.isEmpty, let model = env["SMARTMEET_EMBED_MODEL"], !model.isEmpty else { return nil }
        return HTTPEmbedder(baseURL: url, model: model, dimension: Int(env["SMARTMEET_EMBED_DIM"] ?? "") ?? 384,
                            apiKeyEnv: env["SMARTMEET_LLM_API_KEY_ENV"] ?? "SMARTMEET_LLM_API_KEY")
    }

    public func embed(_ texts: [String]) throws -> [[Float]] {
        guard !texts.isEmpty else { return [] }
        var out: [[Float]] = []
        for start in stride(from: 0, to: texts.count, by: 64) {
            out.append(contentsOf: try batch(Array(texts[start..<min(texts.count, start + 64)])))
        }
        return out
    }

    private func batch(_ texts: [String]) throws -> [[Float]] {
        let payload = String(decoding: try JSONSerialization.data(withJSONObject: ["model": model, "input": texts]), as: UTF8.self)
        var headers = "Content-Type: application/json"
        if let k = ProcessInfo.processInfo.environment[apiKeyEnv], !k.isEmpty { headers += "\nAuthorization: Bearer \(k)" }
        let url = baseURL.hasSuffix("/") ? baseURL + "embeddings" : baseURL + "/embeddings"
        var status = 0, retry = -1, length = 0
        var raw: UnsafeMutablePointer<CChar>?
        let rc = sm_curl_post(url, headers, payload, Int(timeoutSeconds * 1000), &status, &raw, &length, &retry)
        defer { sm_curl_free(raw) }
        guard rc == 0 else { throw rc == 28 ? LLMError.timeout : LLMError.transport(Int(rc)) }
        guard (200..<300).contains(status) else { throw LLMError.http(status) }
        let data = raw.map { Data(bytes: $0, count: length) } ?? Data()
        guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let items = obj["data"] as? [[String: Any]],
              items.count == texts.count else { throw LLMError.malformed("no data[] of \(texts.count) embeddings") }
        return try items.map { item in
            guard let v = item["embedding"] as? [Double], v.count == dimension else {
                throw LLMError.malformed("an embedding is not \(dimension) numbers")
            }
            let f = v.map(Float.init)
            let norm = sqrt(f.reduce(0) { $0 + $1 * $1 })
            return norm > 0 ? f.map { $0 / norm } : f
        }
    }
}
