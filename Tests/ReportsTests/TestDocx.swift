import OOXML
import TestSupport

/// Small Word packages for tests that need a template of their own.
enum TestDocx {
    /// A document of one paragraph holding `text` (template tags included).
    static func paragraph(_ text: String) throws -> [UInt8] {
        let run = "<w:r><w:t xml:space=\"preserve\">\(DocxWriter.escape(text))</w:t></w:r>"
        return try DocxWriter.package(documentXML: DocxWriter.documentXML(
            body: "<w:p>\(run)</w:p><w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr>"))
    }
}
