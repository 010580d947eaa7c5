import Text
import XCTest

/// The folding rule every lexicon, header, name and status match compares in: lower case, «ё» as «е».
final class RussianFoldTests: XCTestCase {
    func testOneCharacter() {
        XCTAssertEqual(RussianFold.fold("Ё" as Unicode.Scalar), "е")
        XCTAssertEqual(RussianFold.fold("ё" as Unicode.Scalar), "е")
        XCTAssertEqual(RussianFold.fold("Я" as Unicode.Scalar), "я")
        XCTAssertEqual(RussianFold.fold("Q" as Unicode.Scalar), "q")
        XCTAssertEqual(RussianFold.fold("Ї" as Unicode.Scalar), "ї", "other Cyrillic asks Unicode")
        XCTAssertEqual(RussianFold.fold("Σ" as Unicode.Scalar), "σ")
        XCTAssertEqual(RussianFold.fold("İ" as Unicode.Scalar), "İ", "a lower case of two characters keeps the letter")
        XCTAssertEqual(RussianFold.fold("№" as Unicode.Scalar), "№")
    }

    /// The letter test answers Latin and Cyrillic without Unicode's tables; it must agree with them.
    func testIsLetterIsUnicodesAlphabetic() {
        for value in UInt32(0)...0x2FFF {
            guard let s = Unicode.Scalar(value) else { continue }
            XCTAssertEqual(RussianFold.isLetter(s), s.properties.isAlphabetic, "U+\(String(value, radix: 16))")
        }
    }

    func testTexts() {
        XCTAssertEqual(RussianFold.fold("МБОУ «Лицей № 1» Ёлкино"), "мбоу «лицей № 1» елкино")
        XCTAssertEqual(RussianFold.fold("Е\u{308}лкино"), "елкино", "a decomposed «ё» too")
        XCTAssertEqual(RussianFold.fold("Ÿ Ï"), "ÿ ï")
    }

    /// The text fold reads Latin and Cyrillic on their UTF-8 bytes; on any text of such letters it
    /// must equal the one-character rule applied to each.
    func testTheTextFoldIsTheCharacterRuleOnGeneratedTexts() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
            + "ABCXYZabcxyz0123456789 .,;:-–—«»№()ÄÖÜßÏΣİ\u{A0}\t\n").map(String.init)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
                .joined()
            var byRule = String.UnicodeScalarView()
            for s in text.unicodeScalars { byRule.append(RussianFold.fold(s)) }
            if text.unicodeScalars.contains("İ") { continue }  // String's lower case makes two characters of it
            XCTAssertEqual(RussianFold.fold(text), String(byRule), text)
        }
    }
}
