import Foundation
import Model
import Text
#if canImport(Glibc)
import Glibc
#endif

/// Converts legacy Word formats (.doc, .rtf, .odt) to .docx with LibreOffice,
/// when `soffice` is on PATH, in a private temporary folder.
public struct LegacyConverter: Sendable {
    public let executable: String

    public init(executable: String) { self.executable = executable }

    /// The converter, or `nil` when LibreOffice is not installed.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> LegacyConverter? {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            for name in ["soffice", "libreoffice"] {
                let candidate = "\(dir)/\(name)"
                if access(candidate, X_OK) == 0 { return LegacyConverter(executable: candidate) }
            }
        }
        return nil
    }

    /// Converts `source` into `workFolder` (created, private); returns the .docx path or `nil` on failure.
    public func convert(source: String, workFolder: String, timeout: TimeInterval = 120) -> String? {
        do {
            try FileManager.default.createDirectory(atPath: workFolder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            // LibreOffice reads the input by name: give it a plain one.
            let ext = PathText.pathExtension(source).lowercased()
            let input = PathText.appending(workFolder, "input.\(ext)")
            try FileManager.default.copyItem(atPath: source, toPath: input)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["--headless", "--norestore", "--nolockcheck",
                                 "-env:UserInstallation=file://\(workFolder)/profile",
                                 "--convert-to", "docx", "--outdir", workFolder, input]
            var environment = ProcessInfo.processInfo.environment
            environment["HOME"] = workFolder
            environment["TMPDIR"] = workFolder
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning {
                if Date() > deadline { process.terminate(); return nil }
                usleep(50_000)
            }
            let output = PathText.appending(workFolder, "input.docx")
            return process.terminationStatus == 0 && FileManager.default.fileExists(atPath: output) ? output : nil
        } catch {
            return nil
        }
    }
}
