// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kartograf",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kartograf", targets: ["kartograf"]),
        .executable(name: "kartograf-server", targets: ["kartograf-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        // C libraries, found through pkg-config.
        .systemLibrary(name: "CLibzip", pkgConfig: "libzip",
                       providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CLibxml2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        // glibc's malloc.h, for the allocator tuning of long batches (no library to link).
        .systemLibrary(name: "CMalloc"),

        // Utilities under every stage: text normalisation, Russian folding, safe names and paths.
        .target(name: "Text"),
        // JSON: the value tree, its parser, the writer of kartograf's layout, the Encodable bridge.
        .target(name: "JSON",
                // Every value written touches the layout inside one shared text object; dynamic
                // exclusivity checks there cost a tenth of writing an export (docs/performance.md).
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        // The domain values every stage passes on: documents, items, deadlines, responsibles, diagnostics.
        .target(name: "Model", dependencies: ["Text"]),

        // Who each organisation is: names compared through their expansions and case endings, the roster.
        .target(name: "Organisations", dependencies: ["Model", "Text", "JSON"], resources: [.copy("Resources")]),

        // Stage 1: the Word package (zip parts, typed part models) and the document tree; also the DOCX writer.
        .target(name: "OOXML", dependencies: ["CLibzip", "CLibxml2", "Model", "Text", "JSON"],
                // The streaming hot loop touches parser state on every node; dynamic exclusivity
                // checks there would cost more than a quarter of a whole run (docs/performance.md).
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),

        // Stage 2: logical documents, column mapping, sections and items.
        .target(name: "Recognition", dependencies: ["OOXML", "Model", "Text", "JSON"],
                resources: [.copy("Resources")]),

        // Stage 3: Russian deadline texts and responsibles cells, text only.
        .target(name: "Deadlines", dependencies: ["Model", "Text", "JSON"], resources: [.copy("Resources")]),
        .target(name: "Responsibles", dependencies: ["Model", "Text", "JSON"], resources: [.copy("Resources")]),

        // Stage 4: the methodist's checks, one rule per file.
        .target(name: "Checks", dependencies: ["Recognition", "Model", "Text", "JSON"],
                resources: [.copy("Resources")]),

        // Stages 1-4 on one file: read, recognise, normalise (deadlines, responsibles), check.
        .target(name: "Extraction", dependencies: [
            "OOXML", "Recognition", "Deadlines", "Responsibles", "Checks", "Model", "Text",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),

        // The template engine: `{{…}}` tags filled from JSON, in .docx packages and in text (HTML pages).
        .target(name: "Templates", dependencies: ["OOXML", "CLibxml2", "Model", "Text", "JSON"]),

        // Stage 5: the check protocol, quarterly submissions, the municipal summary.
        .target(name: "Reports", dependencies: ["Templates", "OOXML", "Organisations", "Model", "Text", "JSON"],
                resources: [.copy("Resources")]),

        // Beside the stages: history between runs, and the folder pipeline.
        .target(name: "Registry", dependencies: [
            "Model", "Text", "JSON", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The same registry on a PostgreSQL server (a region's departments in one database), and
        // `openRegistry`, which picks the store a command's `--registry` names.
        .target(name: "RegistryPostgres", dependencies: [
            "Registry", "Model", "Text", .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        .target(name: "Pipeline", dependencies: [
            "Extraction", "Recognition", "Deadlines", "Reports", "Registry", "Organisations", "OOXML", "Model", "Text", "JSON",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),

        // The methodist's desk: `kartograf serve`, a local web app over the home and its registry.
        .target(name: "Desk", dependencies: [
            "Pipeline", "Reports", "Templates", "Registry", "Extraction", "Recognition", "Organisations", "Deadlines", "OOXML", "Model", "Text", "JSON",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
        ], resources: [.copy("Resources")]),

        // The command line's commands over files and the SQLite registry: parsing, Russian messages.
        .target(name: "Commands", dependencies: [
            "Pipeline", "Extraction", "Reports", "Templates", "Registry", "Organisations", "Deadlines", "Responsibles", "OOXML",
            "Model", "Text", "JSON",
            "CMalloc",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // `kartograf`: those commands, linking no web or network library; it hands the desk and a
        // registry on a PostgreSQL server over to `kartograf-server`.
        .executableTarget(name: "kartograf", dependencies: [
            "Commands", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // `kartograf-server`: the same commands, with the desk (`serve`) and the PostgreSQL registry.
        .executableTarget(name: "kartograf-server", dependencies: [
            "Commands", "Desk", "RegistryPostgres", "Pipeline", "Registry",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Helpers the test targets share: where ../shared is, what a test requires of its machine.
        .target(name: "TestSupport", dependencies: ["OOXML", "Model", "Text", "JSON"], path: "Tests/TestSupport"),

        .testTarget(name: "TextTests", dependencies: ["Text", "TestSupport"]),
        .testTarget(name: "JSONTests", dependencies: ["JSON", "Model"]),
        .testTarget(name: "ModelTests", dependencies: ["Model", "JSON"]),
        .testTarget(name: "OrganisationsTests", dependencies: ["Organisations", "Model", "Text", "JSON"]),
        .testTarget(name: "OOXMLTests", dependencies: ["OOXML", "Model", "Text", "JSON", "TestSupport"]),
        .testTarget(name: "RecognitionTests", dependencies: ["Recognition", "OOXML", "Model", "Text", "TestSupport"]),
        .testTarget(name: "DeadlinesTests", dependencies: ["Deadlines", "Model", "Text", "JSON", "TestSupport"]),
        .testTarget(name: "ResponsiblesTests", dependencies: ["Responsibles", "Model", "Text", "JSON", "TestSupport"]),
        .testTarget(name: "ChecksTests", dependencies: ["Checks", "Recognition", "OOXML", "Model", "JSON"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "OOXML", "Model", "Text", "JSON", "TestSupport"]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates", "OOXML", "Model", "Text", "JSON", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: [
            "Reports", "Templates", "Organisations", "OOXML", "Model", "Text", "JSON", "TestSupport",
        ]),
        .testTarget(name: "RegistryTests", dependencies: [
            "Registry", "RegistryPostgres", "Model", "JSON", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "DeskTests", dependencies: [
            "Desk", "Pipeline", "Registry", "RegistryPostgres", "Model", "Text", "JSON", "TestSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .testTarget(name: "CommandsTests", dependencies: ["Commands"]),
        .testTarget(name: "PipelineTests", dependencies: [
            "Pipeline", "Registry", "RegistryPostgres", "Extraction", "Recognition", "Reports", "Templates", "Organisations", "OOXML", "Model", "Text", "JSON", "TestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
