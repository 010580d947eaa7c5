import Foundation
import Model
import Text

/// The methodist's home folder: the inbox «Входящие», the results and the registry inside it,
/// so that no default depends on the folder kartograf is started from. Chosen by `--home`,
/// else `$KARTOGRAF_HOME`, else `~/kartograf`.
public struct Home: Sendable {
    public static let variable = "KARTOGRAF_HOME"
    public static let inboxFolder = "Входящие"
    public static let quarterlyFolder = "Квартальные отчёты"
    public static let templatesFolder = "Шаблоны"

    public let root: String

    public init(root: String) { self.root = root }

    /// The home named by `explicit`, the environment, or the user's home folder.
    public static func resolve(_ explicit: String?,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> Home {
        if let explicit, !explicit.isEmpty { return Home(root: explicit) }
        if let named = environment[variable], !named.isEmpty { return Home(root: named) }
        let user = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return Home(root: PathText.appending(user, "kartograf"))
    }

    public var inbox: String { PathText.appending(root, Self.inboxFolder) }
    public func quarter(_ name: String) -> String {
        PathText.appending(PathText.appending(root, Self.quarterlyFolder), name)
    }

    /// Creates the home and its inbox when they are not there yet.
    public func prepare() throws(PipelineError) {
        try Files.ensureFolder(inbox)
    }
}

/// Where a report template is found when no folder is given: the methodist's override folder
/// (`$KARTOGRAF_DATA_DIR`), the home's «Шаблоны», then the templates installed beside the
/// executable (`templates/`, `../share/kartograf/templates/`, or a source checkout's `samples/templates/`).
public enum TemplateLocation {
    public static func find(_ name: String, folder explicit: String?, home: Home,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let explicit { return PathText.appending(explicit, name) }
        var folders: [String] = []
        if let data = environment[DataLocation.overrideVariable], !data.isEmpty { folders.append(data) }
        folders.append(PathText.appending(home.root, Home.templatesFolder))
        if let exe = executableFolder() {
            // Installed (`templates/` beside, or `share/`), or built in a source checkout (`.build/<triple>/debug`).
            folders += [PathText.appending(exe, "templates"), PathText.appending(exe, "../share/kartograf/templates"),
                        PathText.appending(exe, "../../../samples/templates")]
        }
        return folders.map { PathText.appending($0, name) }.first { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }

    /// The folder of the running executable, symbolic links resolved.
    static func executableFolder() -> String? {
        guard let path = Bundle.main.executablePath, let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return PathText.parent(String(cString: real))
    }
}
