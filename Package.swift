// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "smartmeet",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "smartmeet", targets: ["smartmeet"]),
        .library(name: "SmartMeetCore", targets: ["SmartMeetCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The engine: parsing, extraction, resolution, tracking, storage, search, queries.
        // No terminal code lives here so every stage can be tested on its own.
        // libcurl, with a C shim for the variadic curl_easy_setopt.
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // OpenBLAS's CBLAS for the sentence-embedding model (Accelerate on Apple platforms).
        .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS", providers: [.apt(["libopenblas-dev"])]),
        .target(
            name: "SmartMeetCore",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift"), "CCurl",
                           .product(name: "TOMLKit", package: "TOMLKit"), .product(name: "Logging", package: "swift-log"),
                           .target(name: "COpenBLAS", condition: .when(platforms: [.linux]))],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // ncursesw, with shims for the macros and variadic calls Swift cannot use.
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses", providers: [.apt(["libncursesw5-dev"])]),
        // The terminal app: model / update / view over an in-memory screen; backends draw it.
        .target(
            name: "SmartMeetTUI",
            dependencies: ["SmartMeetCore", "CNCurses", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: ["EmbedThemes"]
        ),
        // themes/*.toml compiled into the app, so themes travel with the binary while the
        // files stay their only copy.
        .executableTarget(name: "ThemeEmbedder", swiftSettings: [.swiftLanguageMode(.v6)]),
        .plugin(name: "EmbedThemes", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        .executableTarget(
            name: "smartmeet",
            dependencies: [
                "SmartMeetCore",
                "SmartMeetTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .testTarget(
            name: "SmartMeetTUITests",
            dependencies: ["SmartMeetTUI", "SmartMeetCore"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .testTarget(
            name: "SmartMeetCoreTests",
            dependencies: ["SmartMeetCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
