import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A stand-in for LibreOffice, so that conversion is tested on any machine: a `soffice` script that
/// takes `--outdir DIR` and the input path last, as LibreOffice does, and writes DIR/<stem>.docx from
/// the given Word file.
enum StandInConverter {
    /// The start of a Word 97-2003 file (an OLE header): what the stand-in is given to convert.
    static let legacyBytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        + Array("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0".utf8)

    /// Writes `soffice` into `root/bin`, converting every input to `docx`; returns the script's path.
    static func install(in root: String, converting docx: [UInt8]) throws -> String {
        let bin = root + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let converted = root + "/converted.docx"
        try Data(docx).write(to: URL(fileURLWithPath: converted))
        let script = """
            #!/bin/sh
            outdir=""; prev=""; input=""
            for a in "$@"; do [ "$prev" = "--outdir" ] && outdir="$a"; prev="$a"; input="$a"; done
            stem=$(basename "$input"); stem="${stem%.*}"
            cp "\(converted)" "$outdir/$stem.docx"
            """
        try script.write(toFile: bin + "/soffice", atomically: true, encoding: .utf8)
        chmod(bin + "/soffice", 0o755)
        return bin + "/soffice"
    }
}
