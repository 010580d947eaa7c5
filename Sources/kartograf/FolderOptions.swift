import ArgumentParser
import Model
import Pipeline
import Text

/// Where a command finds its home: the inbox, results and registry (`--home`, `$KARTOGRAF_HOME`, `~/kartograf`).
struct HomeOption: ParsableArguments {
    @Option(name: .long, help: "Домашняя папка: в ней входящие («Входящие»), результаты и реестр (по умолчанию $KARTOGRAF_HOME или ~/kartograf).")
    var home: String?

    var resolved: Home { Home.resolve(home) }
}

/// What `run` and `watch` share: where results go, whether inputs stay, which templates.
struct FolderOptions: ParsableArguments {
    @OptionGroup var home: HomeOption

    @Option(name: .long, help: "Папка результатов и реестра (по умолчанию — домашняя папка).")
    var out: String?

    @Flag(name: .long, help: "Копировать исходные файлы, а не переносить (папка входящих остаётся как была).")
    var keepInputs = false

    @Option(name: .long, help: "Папка шаблонов отчётов (protocol.docx); по умолчанию — из $KARTOGRAF_DATA_DIR, «Шаблоны» домашней папки или установленные с программой, иначе встроенный шаблон.")
    var templates: String?

    /// The results folder: `--out`, else the home.
    var output: String { out ?? home.resolved.root }

    /// The folder holding the protocol template to use (`nil`: the built-in one).
    var protocolTemplates: String? {
        TemplateLocation.find("protocol.docx", folder: templates, home: home.resolved).map(PathText.parent)
    }
}
