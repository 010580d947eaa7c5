import Text
import XCTest

final class TextNormalizerTests: XCTestCase {
    func testNormalizationFoldsSpacesTrimsLinesAndDropsSoftHyphens() {
        XCTAssertEqual(TextNormalizer.normalize("  Директор\tшколы,\u{00A0}\u{00A0}за\u{00AD}м.  \n\n  кураторы "),
                       "Директор школы, зам.\nкураторы")
        XCTAssertNil(TextNormalizer.normalize(" \n\t\u{00A0} "))
        XCTAssertNil(TextNormalizer.normalize(nil))
    }

    func testEverySpaceBreakAndInvisibleCharacter() {
        let raw = "\u{FEFF}  a\u{2003}b\u{202F}c\u{3000}d\u{200B}e\u{2060}f\u{0001}g\r\n\u{0085}\u{2028}  h\u{2029}i\u{000B}\u{000C}j\u{00AD}k  "
        XCTAssertEqual(TextNormalizer.normalize(raw), "a b c defg\nh\ni\njk")
        XCTAssertEqual(TextNormalizer.singleLine(raw), "a b c defg h i jk")
        XCTAssertEqual(TextNormalizer.normalize("ё 😀\t\tщ"), "ё 😀 щ")
        XCTAssertNil(TextNormalizer.singleLine("\u{00A0}\u{2009}\n\u{00AD}"))
    }
}
