import Foundation
import Model
import Text
#if canImport(Glibc)
import Glibc
#endif

/// Writes a folder of results (a quarter's reports) whole: the new files go into a folder of
/// this process beside the target, which then takes the target's place; the old folder is
/// removed. Whoever opens the target sees the old files or the new ones, never a mix, and a
/// process killed while writing leaves nothing but its own folder, which the next one removes
/// (or, when the new folder was complete, puts in place).
public enum FolderReplacement {
    static let stagingFolder = ".kartograf-tmp"
    static let readyMarker = "ready"

    /// Runs `write` on a new folder and puts that folder at `target`.
    public static func replace<T>(_ target: String, _ write: (String) throws -> T) throws -> T {
        let parent = PathText.parent(target).isEmpty ? "." : PathText.parent(target)
        let staging = PathText.appending(parent, stagingFolder)
        try Files.ensureFolder(parent)
        finishInterrupted(in: parent)
        let work = try WorkFolder(in: staging)
        defer { work.remove() }
        let fresh = PathText.appending(work.path, "new")
        let result = try write(fresh)
        try Files.ensureFolder(fresh)
        // From here on the new folder is complete: a process that ends now is finished by the next. The
        // marker is written beside and renamed, so that it is there whole or not at all.
        let marker = work.temporaryPath()
        try Files.write(Array(PathText.lastComponent(target).utf8), to: marker)
        try Files.install(marker, at: PathText.appending(work.path, readyMarker))
        try swap(fresh, into: target, aside: PathText.appending(work.path, "old"))
        return result
    }

    /// Takes over the folders of processes that ended while replacing a folder in `parent`.
    static func finishInterrupted(in parent: String) {
        WorkFolder.reap(in: PathText.appending(parent, stagingFolder)) { folder in
            let fresh = PathText.appending(folder, "new")
            guard let marker = FileManager.default.contents(atPath: PathText.appending(folder, readyMarker)),
                  case let name = String(decoding: marker, as: UTF8.self), !name.isEmpty, !name.contains("/"),
                  Files.exists(fresh) else { return true }  // incomplete (or a marker cut short): it goes
            let target = PathText.appending(parent, name)
            return (try? swap(fresh, into: target, aside: PathText.appending(folder, "old"))) != nil
        }
    }

    private static func swap(_ fresh: String, into target: String, aside: String) throws(PipelineError) {
        if Files.exists(target) && rename(target, aside) != 0 { throw PipelineError.system("заменить папку", target, errno) }
        guard rename(fresh, target) == 0 else { throw PipelineError.system("заменить папку", target, errno) }
    }
}
