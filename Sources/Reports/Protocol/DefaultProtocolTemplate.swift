import Foundation

/// The built-in protocol template (`Resources/protocol.docx`), used when the templates folder
/// has no `protocol.docx`. `scripts/make-templates` writes both; methodists edit the folder's copy.
public enum DefaultProtocolTemplate {
    public static func bytes() throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "protocol", withExtension: "docx", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "protocol", withExtension: "docx") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "встроенный шаблон protocol.docx не найден среди ресурсов программы"])
        }
        return [UInt8](try Data(contentsOf: url))
    }
}
