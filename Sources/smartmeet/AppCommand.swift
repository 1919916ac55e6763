import ArgumentParser
import Foundation
import SmartMeetCore
import SmartMeetTUI

/// Opens the full-screen app (also what `smartmeet` with no subcommand does in a terminal).
struct AppCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "app", abstract: "Open the full-screen terminal app.")

    func run() throws {
        try Self.launch()
    }

    static func launch() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Output.error("smartmeet: the terminal app needs a terminal; use a subcommand (see smartmeet --help)")
            throw ExitCode(2)
        }
        let store = try GlobalOptions.openStore(creating: true)
        // The screen belongs to the app: log lines go to the log file only, even with --verbose.
        AppLog.setEcho(false)
        let (themes, themeErrors) = Theme.available(userFolder: Theme.userFolder())
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        // Before the screen is taken: configuration warnings print on the plain terminal.
        let llm = try LLMSetup.client(store: store)
        let backend: NCursesBackend
        do {
            backend = try NCursesBackend(noColor: noColor)
        } catch let e as NCursesBackend.StartError {
            Output.error(e.description)
            throw ExitCode(2)
        }
        let (config, _) = LLMConfig.load(mode: GlobalOptions.llmMode)
        // In auto mode, whether the model is trusted to extract (see ModelTrial).
        let verdict = { (c: LLMClient) in config.mode == .auto ? " · " + ModelTrial.badge(ModelTrial(model: c.modelIdentity, store: store).current) : "" }
        let mode = llm.map { "\(config.mode.rawValue) · \($0.config.models.first ?? "") · \($0.breaker.state.rawValue)" + verdict($0) }
            ?? (config.mode == .off ? "off" : "offline (no endpoint)")
        let runtime = AppRuntime(store: store, backend: backend, themes: themes,
                                 settingsPath: Settings.defaultPath(), llmMode: mode, llm: llm)
        if let first = themeErrors.first { runtime.send(.failed("Theme skipped: \(first)")) }
        runtime.run()
        backend.shutdown()
    }
}
