import Foundation

/// Where the data methodists may change lives: each stage's bundled `Resources`, and an
/// override folder named by `$KARTOGRAF_DATA_DIR` whose files of the same name win.
public enum DataLocation {
    public static let overrideVariable = "KARTOGRAF_DATA_DIR"

    /// The methodist's copy of `name` in the override folder, when there is one.
    public static func override(_ name: String,
                                environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        guard let dir = environment[overrideVariable], !dir.isEmpty else { return nil }
        let url = URL(fileURLWithPath: dir).appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The `Resources` folder of a stage's bundle installed beside the executable
    /// (`kartograf_<Module>.resources`), if it is there. Looking here first keeps a
    /// copied-away binary from SwiftPM's fatal error when the build folder is gone.
    public static func resourcesBesideExecutable(module: String) -> URL? {
        let beside = Bundle.main.bundleURL.appendingPathComponent("kartograf_\(module).resources")
        guard let bundle = Bundle(path: beside.path) else { return nil }
        return bundle.url(forResource: "Resources", withExtension: nil)
    }
}
