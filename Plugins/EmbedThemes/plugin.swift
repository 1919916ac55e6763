import Foundation
import PackagePlugin

/// Compiles every `themes/*.toml` of the package into the target as `EmbeddedThemes`,
/// so the app finds its themes wherever the binary is run from. The files stay the only
/// copy: adding a theme is adding a file, and a changed file is re-embedded on the next build.
@main
struct EmbedThemes: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "themes")
        let files = ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "toml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedThemes.swift")
        return [.buildCommand(displayName: "Embedding \(files.count) colour themes",
                              executable: try context.tool(named: "ThemeEmbedder").url,
                              arguments: [output.path] + files.map(\.path),
                              inputFiles: files, outputFiles: [output])]
    }
}
