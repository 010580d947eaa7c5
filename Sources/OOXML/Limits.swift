/// Caps that keep a hostile file from exhausting memory or time.
/// The sizes an archive declares are never trusted: bytes are counted as they inflate.
public struct ReadLimits: Sendable, Hashable {
    /// The input file itself.
    public var maxFileBytes: Int = 256 * 1_048_576
    /// Number of entries in the archive.
    public var maxEntries: Int = 5_000
    /// Inflated bytes of one entry.
    public var maxEntryBytes: Int = 128 * 1_048_576
    /// Inflated bytes of all entries read together.
    public var maxTotalBytes: Int = 384 * 1_048_576
    /// Inflated/compressed ratio allowed once an entry passes `ratioThresholdBytes`.
    public var maxRatio: Int = 200
    public var ratioThresholdBytes: Int = 4 * 1_048_576
    /// XML element nesting.
    public var maxDepth: Int = 200

    public init() {}

    public static let standard = ReadLimits()
}
