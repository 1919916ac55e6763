import XCTest
@testable import SmartMeetCore

/// The `[llm]` table of config.toml, read with TOMLKit.
final class LLMConfigTests: XCTestCase {
    func write(_ text: String) -> String {
        let path = TestSupport.temporaryDirectory() + "/config.toml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        return path
    }

    func testEveryKeyIsReadWithRealTOMLQuotingAndEscapes() {
        let path = write("""
            # comments, other tables and quoting the old hand parser got wrong
            [theme]
            name = "light"

            [llm]
            mode = "on"   # trailing comment
            base_url = "http://127.0.0.1:8080/v1"
            models = ["llama3.1:8b", 'qwen,2.5 "7b"', "a\\u00e9b"]
            api_key_env = "MY_KEY"
            timeout_seconds = 12.5
            max_retries = 0
            max_in_flight = 4
            breaker_threshold = 7
            breaker_cooldown_seconds = 3
            chunk_characters = 4000
            max_output_tokens = 512
            """)
        let (c, warnings) = LLMConfig.load(path: path, environment: [:])
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(c.mode, .on)
        XCTAssertEqual(c.baseURL, "http://127.0.0.1:8080/v1")
        XCTAssertEqual(c.models, ["llama3.1:8b", "qwen,2.5 \"7b\"", "aéb"])
        XCTAssertEqual(c.apiKeyEnv, "MY_KEY")
        XCTAssertEqual(c.timeoutSeconds, 12.5)
        XCTAssertEqual(c.maxRetries, 0)
        XCTAssertEqual(c.maxInFlight, 4)
        XCTAssertEqual(c.breakerThreshold, 7)
        XCTAssertEqual(c.breakerCooldownSeconds, 3)
        XCTAssertEqual(c.chunkCharacters, 4000)
        XCTAssertEqual(c.maxOutputTokens, 512)
    }

    func testAMalformedFileNamesTheFileAndLineAndTheEnvironmentStillApplies() {
        let path = write("[llm]\nmode = \"on\"\nmodels = [\"a\", \n\nbase_url = \n")
        let (c, warnings) = LLMConfig.load(path: path, environment: ["SMARTMEET_LLM_BASE_URL": "http://127.0.0.1:9/v1"])
        XCTAssertEqual(warnings.count, 1, "\(warnings)")
        XCTAssertTrue(warnings[0].hasPrefix("\(path): line "), warnings[0])
        XCTAssertTrue(warnings[0].contains("settings are ignored"), warnings[0])
        XCTAssertEqual(c.mode, .auto, "nothing from a broken file is half-applied")
        XCTAssertEqual(c.baseURL, "http://127.0.0.1:9/v1")
    }

    func testUnknownKeysAndWrongTypesAreWarnedAboutOnceWithTheirLine() {
        let path = write("[llm]\nmodel = \"typo\"\nmodels = \"not-a-list\"\ntimeout_seconds = \"soon\"\nmode = \"sometimes\"\nmax_retries = 2\n")
        let (c, warnings) = LLMConfig.load(path: path, environment: [:])
        XCTAssertEqual(warnings.sorted(), [
            "\(path): line 2: unknown key \"model\" in [llm] (ignored)",
            "\(path): line 3: models must be a list of model names, e.g. [\"llama3.1:8b\"]",
            "\(path): line 4: timeout_seconds must be a number of at least 0.1",
            "\(path): line 5: mode must be \"off\", \"auto\" or \"on\"",
        ])
        XCTAssertEqual(c.models, [])
        XCTAssertEqual(c.timeoutSeconds, 30)
        XCTAssertEqual(c.maxRetries, 2, "the good keys around bad ones still apply")
    }

    func testAFileWithoutAnLLMTableChangesNothing() {
        let (c, warnings) = LLMConfig.load(path: write("[theme]\nname = \"x\"\n"), environment: [:])
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(c, LLMConfig())
    }
}
