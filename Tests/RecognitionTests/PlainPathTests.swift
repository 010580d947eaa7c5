import Model
import OOXML
import Text
import XCTest
@testable import Recognition

/// The byte and scalar paths taken on plain text (`PlainScalars`) must answer exactly as the
/// general Character-level paths: checked on crafted phrasings and on every text of the
/// corpus files.
final class PlainPathTests: XCTestCase {
    static let crafted = [
        "Дорожная карта по реализации системы наставничества МБОУ Ээрбекской СОШ им. О. К. Оолака (2023-2025гг.)",
        "молодых специалистов МБУ ДО «Центр внешкольной работы», в том числе",
        "План мероприятий МАОУ «Гимназия № 2» на 2023 – 2024 учебный год", "(МБОУ СОШ №5) на 2024 год",
        "Управление образования администрации г. Н. на период 2022/2023 уч.год", "«МКОУ ООШ № 3» за 2023 год.",
        "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ ЗАТО СЕВЕРСК", "МБОУ Лицей им. А. С. Пушкина.", "АНО ДО «Я.»",
        "с 2022 г. по 2024 г.", "с 2022 года по 2023", "в 2021-2022 учебном году", "2021/2022 уч. год", "2023-й год",
        "на 2023\u{A0}- 2024 годы", "от 25.12.2019 № Р-145", "12024 год", "на ²023 год", "в 2024 г.уч",
        "Этап 1. Подготовительный", "Раздел II: Основной", "БЛОК 3 Итоги", "1-й этап. Организационный", "7-этап",
        "2 этап: Анализ", "2 - ый - ЭТАП — Итоги", "I. Общие положения", "1.2. Подготовка", "1) Первое", "IV", "3.",
        "II.Основной", "IIa", "12 Подготовка", " Этап  1.   Старт ", "Направление 1.2:", "Модуль X",
        "Ответствен-\nный исполнитель", "Срок\u{00AD} ис-\nполнения", "Ё-моё Ёлка", "№ п/п", "N п/п",
        "Ѐ Ѓ Џ ѐ", "ª º µ", "Café", "e\u{301}tap 1", "ПРИКАЗ", "П Р И К А З", "П Р И К А З № 5", "Д О Р О Ж Н А Я карта",
        "2022 г.", "2023 (план)", "19 век", "2020уч", "\tМБОУ\u{A0}СОШ", "1\u{301}. Этап", "",
    ]

    /// Every paragraph and cell text of the corpus files, raw and normalised.
    static let corpusTexts: [String] = {
        // `../shared/corpus/dev` beside the package, as the checks' corpus tests read it.
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/dev")
        let files = (try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)) ?? []
        var texts: [String] = []
        func collect(_ blocks: [Block]) {
            for b in blocks {
                switch b {
                case let .paragraph(p): texts.append(p.displayText)
                case let .table(t): for row in t.rows { for cell in row.cells { texts.append(cell.text); collect(cell.blocks) } }
                default: break
                }
            }
        }
        for file in files where file.pathExtension == "docx" {
            guard let tree = try? DocxReader().read(path: file.path) else { continue }
            collect(tree.body)
        }
        return texts + texts.compactMap(TextNormalizer.normalize) + texts.compactMap(TextNormalizer.singleLine)
    }()

    var samples: [String] { Self.crafted + Self.corpusTexts }

    func testTheCorpusIsRead() throws {
        guard !Self.corpusTexts.isEmpty else { throw XCTSkip("../shared/corpus/dev is not here") }
        XCTAssertGreaterThan(Self.corpusTexts.count, 100)
    }

    func testFolding() {
        for s in samples { XCTAssertEqual(foldForMatching(s), foldForMatchingGeneral(s), s) }
    }

    func testPeriods() {
        for s in samples { XCTAssertEqual(PeriodFinder.find(in: s), PeriodFinder.findGeneral(in: s), s) }
    }

    func testOrganisations() {
        for s in samples {
            let general = TextNormalizer.singleLine(s).flatMap(OrganizationFinder.findGeneral)
            XCTAssertEqual(OrganizationFinder.find(in: s), general, s)
        }
    }

    func testLabels() {
        for s in samples {
            let (label, rest) = Label.split(s)
            let general = Label.splitGeneral(s)
            XCTAssertEqual(label, general.label, s)
            XCTAssertEqual(rest, general.rest, s)
        }
    }

    func testYearsNumbersAndCounts() {
        let more = ["2022", "2022 г.", " 2023 (план)", "2024уч", "2024 Уч. год", "20²3", "1999 г", "2101", "2023-2024", "1.",
                    "1.2.)", " 3) ", "IV.", "…", "12\u{A0}", "\u{85}7.", "(1)", "1.2.3", "Ⅳ", "١٢", "1\u{301}.", "2\u{301}023"]
        for s in samples + more {
            XCTAssertEqual(HeaderMapper.year(for: s), HeaderMapper.yearGeneral(for: s), s)
            XCTAssertEqual(Label.number(s), Label.numberGeneral(s), s)
            XCTAssertEqual(PlainScalars.characterCount(s), s.count, s)
            let n = Label.numberGeneral(s) ?? s
            XCTAssertEqual(Label.isNumeric(n[...]), !n.isEmpty && n.first!.isNumber && n.allSatisfy { $0.isNumber || $0 == "." }, s)
            XCTAssertEqual(Label.isRoman(n[...]), !n.isEmpty && n.count <= 6 && n.allSatisfy { "IVXLC".contains($0) }, s)
        }
    }

    func testOrderDatesAndNumbers() {
        let lines = ["от 10.08.2021 № 279", "«10» августа 2021 г.", "«__» ____ 20__", "от 00.00.0000", "№ ___", "Приказ № 5-р",
                     "г. Северск", "ПРИКАЗЫВАЮ:", "12 мая 2023", "от ____ 2023", "№\u{301} 5"]
        for s in lines + Self.corpusTexts {
            let date = OrderReader.findDate(s)
            XCTAssertEqual(date?.0, generalDate(s)?.0, s)
            XCTAssertEqual(date?.1, generalDate(s)?.1, s)
            XCTAssertEqual(OrderReader.findNumber(s), generalNumber(s), s)
        }
    }

    /// `OrderReader.findDate` as it was written first, with patterns compiled on every call.
    private func generalDate(_ text: String) -> (Day?, String)? {
        if let m = text.range(of: #"\b\d{1,2}\.\d{1,2}\.\d{4}\b"#, options: .regularExpression) {
            let parts = text[m].split(separator: ".").compactMap { Int($0) }
            return (Day(year: parts[2], month: parts[1], day: parts[0]), String(text[m]))
        }
        let lower = text.lowercased()
        if let m = lower.range(of: #"«?\s*\d{1,2}\s*»?\s+[а-я]+\s+\d{4}"#, options: .regularExpression) {
            let piece = lower[m].replacingOccurrences(of: "«", with: " ").replacingOccurrences(of: "»", with: " ")
            let words = piece.split(separator: " ")
            if words.count >= 3, let d = Int(words[0]), let y = Int(words[2]),
               let mi = OrderReader.monthsGenitive.firstIndex(of: String(words[1])) {
                return (Day(year: y, month: mi + 1, day: d), String(text[m]))
            }
        }
        if let m = text.range(of: #"(«\s*_+\s*»|\b00\.00\.0000\b|_{3,}\s*20_*|20__)"#, options: .regularExpression),
           lower.contains("от") || lower.hasPrefix("«") || lower.hasPrefix("_") || lower.contains("20__") {
            return (nil, String(text[m]))
        }
        return nil
    }

    private func generalNumber(_ text: String) -> String? {
        guard let r = text.range(of: "№") else { return nil }
        let rest = text[r.upperBound...].trimmingCharacters(in: .whitespaces)
        let token = rest.prefix { !$0.isWhitespace && $0 != "," && $0 != ";" }
        guard let first = token.first, first.isNumber || first.isLetter else { return nil }
        return String(token)
    }

    func testSingleLineFromTheNormalisedText() {
        for s in samples + ["a\nb", " a \r\n b\u{2028}c ", "\n\n", "x\u{A0}\ty"] {
            XCTAssertEqual(TextNormalizer.normalize(s).map(Segmenter.singleLine(fromNormalized:)), TextNormalizer.singleLine(s), s)
        }
    }

    func testPrefixesAndUnspacing() {
        for s in samples {
            XCTAssertEqual(Segmenter.prefix(s, 80), String(s.prefix(80)), s)
            XCTAssertEqual(Segmenter.prefix(s, 3), String(s.prefix(3)), s)
        }
    }

    func testWordPrefixes() {
        let words = ["дорожная карта", "план", "приказ", "этап", "№", "п/п", "отчет", "мероприятия по"].map(LexiconWord.init)
        for s in samples + ["планы", "план-график", "план.", "приказ№", "отчеты"] {
            let folded = FoldedText(s)
            XCTAssertEqual(folded.string, foldForMatchingGeneral(s), s)
            for w in words { XCTAssertEqual(folded.hasWordPrefix(w), folded.string.hasWordPrefix(w.folded), "\(s) / \(w.folded)") }
        }
    }
}

/// `TextNormalizer` against the byte-by-byte normaliser it was first written as: the fast
/// paths (normal texts returned as they are, normal starts copied) must not change a result.
final class NormalizerReferenceTests: XCTestCase {
    func testTheNormaliserAgreesWithItsReference() {
        let crafted = ["", " ", "a", " a", "a ", "a  b", "a\nb", "a \n b", "a\n\nb", "\n a \n", "a\tb", "a\u{A0}b", "a\u{AD}b",
                       "a\u{200B}b", "a\u{2028}b", "\u{FEFF}a", "x\u{301}y", "Строка  с\u{00A0}пробелами ", "line\r\nnext",
                       "• пункт\n\n  1. второй\t", "a\u{85}b", "a\u{7F}b", "\u{1}\u{2}", "a\u{3000}b\u{205F}c"]
        for s in crafted + PlainPathTests.corpusTexts {
            XCTAssertEqual(TextNormalizer.normalize(s), Self.reference(s, separator: "\n"), s)
            XCTAssertEqual(TextNormalizer.singleLine(s), Self.reference(s, separator: " "), s)
        }
    }

    /// By scalars: spaces fold, line breaks separate lines, invisible characters go.
    static func reference(_ text: String, separator: String) -> String? {
        var out = ""
        var lineHasContent = false, anyContent = false, pendingSpace = false, pendingBreak = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let isSpace = v == 0x09 || v == 0x20 || v == 0xA0 || v == 0x1680 || (0x2000...0x200A).contains(v) || v == 0x202F
                || v == 0x205F || v == 0x3000
            let isBreak = (0x0A...0x0D).contains(v) || v == 0x85 || v == 0x2028 || v == 0x2029
            let isDropped = v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0xAD || (0x200B...0x200D).contains(v)
                || v == 0x2060 || v == 0xFEFF
            if isSpace {
                if lineHasContent { pendingSpace = true }
            } else if isBreak {
                if lineHasContent { pendingBreak = true }
                lineHasContent = false
                pendingSpace = false
            } else if !isDropped {
                if pendingBreak && anyContent { out += separator } else if pendingSpace { out += " " }
                pendingBreak = false
                pendingSpace = false
                out.unicodeScalars.append(scalar)
                lineHasContent = true
                anyContent = true
            }
        }
        return anyContent ? out : nil
    }
}
