// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kartograf",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kartograf", targets: ["kartograf"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // C libraries, found through pkg-config.
        .systemLibrary(name: "CLibzip", pkgConfig: "libzip",
                       providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CLibxml2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        // zlib (a dependency of libzip-dev): deflate and CRC-32 for the archives kartograf writes.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        // glibc's malloc.h, for the allocator tuning of long batches (no library to link).
        .systemLibrary(name: "CMalloc"),

        // Plain value types under every stage: the export model, diagnostics, JSON, text normalisation.
        .target(name: "Model"),

        // Stage 1: the Word package (zip parts, typed part models) and the document tree; also the DOCX writer.
        .target(name: "OOXML", dependencies: ["CLibzip", "CLibxml2", "CZlib", "Model"],
                // The streaming hot loop touches parser state on every node; dynamic exclusivity
                // checks cost ~15% of reading time there (measured with callgrind, scripts/bench-read).
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),

        // Stage 2: logical documents, column mapping, sections and items.
        .target(name: "Recognition", dependencies: ["OOXML", "Model"],
                resources: [.copy("Resources")]),

        // Stage 3: Russian deadline texts and responsibles cells, text only.
        .target(name: "Deadlines", dependencies: ["Model"], resources: [.copy("Resources")]),
        .target(name: "Responsibles", dependencies: ["Model"], resources: [.copy("Resources")]),

        // Stage 4: normalisation of every item and the methodist's checks; `Extractor` runs stages 1-4 on a file.
        .target(name: "Checks", dependencies: ["OOXML", "Recognition", "Deadlines", "Responsibles", "Model"]),

        // Stage 5: DOCX templates, the check protocol, quarterly submissions, the municipal summary.
        .target(name: "Reports", dependencies: ["OOXML", "Deadlines", "Model"]),

        // Beside the stages: history between runs, and the folder pipeline.
        .target(name: "Registry", dependencies: [
            "Model", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "Pipeline", dependencies: ["Checks", "Reports", "Registry", "OOXML", "Model"]),

        // The command line: a thin shell.
        .executableTarget(name: "kartograf", dependencies: [
            "Pipeline", "Checks", "Reports", "Registry", "Deadlines", "Responsibles", "OOXML", "Model", "CMalloc",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "ModelTests", dependencies: ["Model"]),
        .testTarget(name: "OOXMLTests", dependencies: ["OOXML", "Model"]),
        .testTarget(name: "RecognitionTests", dependencies: ["Recognition", "OOXML", "Model"]),
        .testTarget(name: "DeadlinesTests", dependencies: ["Deadlines", "Model"]),
        .testTarget(name: "ResponsiblesTests", dependencies: ["Responsibles", "Model"]),
        .testTarget(name: "ChecksTests", dependencies: ["Checks", "OOXML", "Model"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "OOXML", "Model"]),
        .testTarget(name: "RegistryTests", dependencies: ["Registry", "Model", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Registry", "Model", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
