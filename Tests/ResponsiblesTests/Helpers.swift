import Model
import Responsibles

/// `kind:key` of every entry, for compact assertions.
func entries(_ text: String, glossary: Glossary = Glossary()) -> [String] {
    ResponsiblesParser().parse(text, glossary: glossary).value.map { "\($0.kind?.rawValue ?? "-"):\($0.key ?? "-")" }
}

/// The texts of the entries as written.
func texts(_ text: String) -> [String] {
    ResponsiblesParser().parse(text).value.map(\.text)
}
