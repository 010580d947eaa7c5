/// Where things go under the output folder. Names are Russian so a methodist
/// browsing the folder knows what each one holds.
public struct OutputLayout: Sendable {
    public let root: String

    public static let organizationsFolder = "Организации"
    public static let processedFolder = "Обработанные"
    public static let rejectedFolder = "Отклонённые"
    public static let repeatsFolder = "Повторы"
    public static let tempFolder = ".kartograf-tmp"
    public static let noOrganization = "Без организации"
    public static let reasonSuffix = ".причина.txt"

    public init(root: String) { self.root = root }

    public var temp: String { path(Self.tempFolder) }
    public var registry: String { path("kartograf.sqlite") }

    /// The absolute path of a path relative to the output folder.
    public func path(_ relative: String) -> String {
        root.hasSuffix("/") ? root + relative : root + "/" + relative
    }
}
