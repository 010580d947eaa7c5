import OOXML

/// The built-in protocol template, used when `samples/templates/protocol.docx`
/// is missing. `scripts/make-templates` writes it to that file; methodists edit
/// the file, the code only falls back to this.
public enum DefaultProtocolTemplate {
    public static func bytes() throws -> [UInt8] {
        typealias W = DocxWriter
        let small = 10.0
        func line(_ label: String, _ tag: String) -> W.Block {
            .paragraph(W.Paragraph([W.Run(label, bold: true), W.Run(tag)], spacingAfter: 3))
        }
        func headerCell(_ text: String) -> W.Cell {
            W.Cell([W.Paragraph([W.Run(text, bold: true, size: small)], alignment: .center)], shading: "D9E2F3")
        }
        func cell(_ tag: String, merge: W.VerticalMerge? = nil) -> W.Cell {
            W.Cell([W.Paragraph([W.Run(tag, size: small)])], verticalMerge: merge)
        }
        let table = W.Table(
            widths: [1800, 500, 1500, 1500, 3700, 5500],
            rows: [
                W.Row(["Пункт", "№", "Важность", "Поле", "Текст в документе", "Замечание и что исправить"].map(headerCell),
                      isHeader: true),
                W.Row([
                    cell("{{#groups}}{{label}}", merge: .restart),
                    cell("{{#diagnostics}}{{number}}"),
                    cell("{{severity}}"),
                    cell("{{field}}"),
                    cell("{{text}}"),
                    W.Cell([W.Paragraph([W.Run("{{message}}", size: small)]),
                            W.Paragraph([W.Run("{{#fix}}Что исправить: {{.}}{{/fix}}{{/diagnostics}}{{/groups}}",
                                               italic: true, size: small)])]),
                ]),
            ])
        let body: [W.Block] = [
            .paragraph(W.Paragraph([W.Run("ПРОТОКОЛ ПРОВЕРКИ", bold: true, size: 14)], alignment: .center)),
            .paragraph(W.Paragraph([W.Run("документов программы наставничества")], alignment: .center, spacingAfter: 12)),
            line("Организация: ", "{{organization}}"),
            line("Файл: ", "{{file}}"),
            line("Контрольная сумма SHA-256: ", "{{sha256}}"),
            line("Дата проверки: ", "{{checkedAt}}"),
            .paragraph(W.Paragraph("{{#documents}}")),
            .paragraph(W.Paragraph([W.Run("Документ {{number}}: {{kind}} — «{{title}}»")], spacingAfter: 3)),
            .paragraph(W.Paragraph("{{/documents}}")),
            .paragraph(W.Paragraph([W.Run("Итог проверки: ", bold: true), W.Run("{{summary}}.")], spacingAfter: 6)),
            .paragraph(W.Paragraph("{{^hasDiagnostics}}")),
            .paragraph(W.Paragraph([W.Run("Замечаний нет.", bold: true, size: 13)], spacingAfter: 6)),
            .paragraph(W.Paragraph("{{/hasDiagnostics}}")),
            .paragraph(W.Paragraph("{{#hasDiagnostics}}")),
            .table(table),
            .paragraph(W.Paragraph("{{/hasDiagnostics}}")),
            .paragraph(W.Paragraph([W.Run("Протокол сформирован автоматически программой kartograf.", italic: true, size: small)])),
        ]
        let footer: [W.Block] = [
            .paragraph(W.Paragraph([W.Run("Протокол проверки файла «{{file}}» от {{checkedAt}}", size: 9)], alignment: .right)),
        ]
        return try W(body: body, footer: footer, landscape: true, title: "Протокол проверки").bytes()
    }
}
