import Foundation
import Synchronization

/// Chooses the embedder for search: an embeddings endpoint when one is configured, else
/// all-MiniLM-L6-v2 from the model folder, else the hashed word vectors — and in that last
/// case says why, so the fallback is never silent.
public enum EmbedderSetup {
    public static let modelFolderName = "all-MiniLM-L6-v2"

    public struct Choice: Sendable {
        public let embedder: Embedder
        /// One line for the person when search runs on the fallback; nil otherwise.
        public let notice: String?
        /// What `stats` and the app's title bar show.
        public let summary: String
        public var isFallback: Bool { notice != nil }
    }

    /// `$SMARTMEET_MODEL_DIR`, else `$XDG_DATA_HOME/smartmeet/models/all-MiniLM-L6-v2`
    /// (`~/.local/share/…`), where `scripts/install-model.sh` puts it.
    public static func modelDirectory(_ env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let d = env["SMARTMEET_MODEL_DIR"], !d.isEmpty { return d }
        let data = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return ((data as NSString).appendingPathComponent("smartmeet/models") as NSString).appendingPathComponent(modelFolderName)
    }

    /// Loaded models by folder, so every search, indexer and test in a process shares one.
    private static let loaded = Mutex<[String: Result<MiniLMEmbedder, MiniLMEmbedder.LoadError>]>([:])

    public static func model(at directory: String) -> Result<MiniLMEmbedder, MiniLMEmbedder.LoadError> {
        loaded.withLock { cache in
            if let r = cache[directory] { return r }
            let r: Result<MiniLMEmbedder, MiniLMEmbedder.LoadError>
            do { r = .success(try MiniLMEmbedder(directory: directory)) } catch let e as MiniLMEmbedder.LoadError {
                r = .failure(e)
            } catch {
                r = .failure(MiniLMEmbedder.LoadError(description: "\(directory): \(error)"))
            }
            cache[directory] = r
            return r
        }
    }

    public static func choose(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Choice {
        if let http = HTTPEmbedder.fromEnvironment(env) {
            return Choice(embedder: http, notice: nil, summary: "\(http.model) at \(http.baseURL)")
        }
        let dir = modelDirectory(env)
        switch model(at: dir) {
        case .success(let m):
            return Choice(embedder: m, notice: nil, summary: "all-MiniLM-L6-v2 (\(dir))")
        case .failure(let e):
            let why = FileManager.default.fileExists(atPath: dir) ? e.description : "no model in \(dir)"
            return Choice(embedder: HashingEmbedder(), notice:
                "search: \(why); using hashed word vectors (words, not meaning). scripts/install-model.sh installs the model.",
                summary: "hashed word vectors (fallback: \(why))")
        }
    }
}
