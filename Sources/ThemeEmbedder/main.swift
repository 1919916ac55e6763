import Foundation

// ThemeEmbedder OUTPUT.swift THEME.toml…: writes a Swift file holding each theme file's
// name and text (base64, so no file content can break the literal). Run by the
// EmbedThemes build plugin; not part of the app.
let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: ThemeEmbedder OUTPUT.swift THEME.toml…\n".utf8))
    exit(2)
}
var source = """
    // Generated from themes/*.toml by the EmbedThemes build plugin; edit the .toml files.
    import Foundation

    enum EmbeddedThemes {
        /// (file name without .toml, file text), by file name.
        static let files: [(name: String, text: String)] = [

    """
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("ThemeEmbedder: \(path): cannot be read\n".utf8))
        exit(1)
    }
    let name = url.deletingPathExtension().lastPathComponent
    source += "        (\"\(name)\", String(decoding: Data(base64Encoded: \"\(data.base64EncodedString())\")!, as: UTF8.self)),\n"
}
source += "    ]\n}\n"
do {
    try source.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("ThemeEmbedder: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
