import ArgumentParser

/// What `run` and `watch` share: where results go, whether inputs stay, which templates.
struct FolderOptions: ParsableArguments {
    @Option(name: .long, help: "Папка результатов.")
    var out: String = "output"

    @Flag(name: .long, help: "Копировать исходные файлы, а не переносить (папка входящих остаётся как была).")
    var keepInputs = false

    @Option(name: .long, help: "Папка шаблонов отчётов (protocol.docx); по умолчанию samples/templates, иначе встроенный шаблон.")
    var templates: String = "samples/templates"
}
