/// What a `w:sym` character (or a character typed in a symbol font) looks like in Unicode.
///
/// Symbol fonts put their glyphs at the codes of Latin-1 letters, and Word writes them either
/// at those codes or in the private use area (`F020`…`F0FF`): a Wingdings `F0FC` is a check
/// mark ✓, not «ü». The tables list, for each font, the characters of codes 0x20…0xFF, sixteen
/// to a row; U+FFFD marks a code the font leaves empty.
public enum SymbolFonts {
    /// The Unicode text for `code` in `font`, or nil when nothing visible should be written
    /// (a control code, an empty slot of the font).
    public static func character(font: String?, code: UInt32) -> String? {
        let latin = (0xF020...0xF0FF).contains(code) ? code - 0xF000 : code
        if let table = font.flatMap({ tables[$0.lowercased()] }), (0x20...0xFF).contains(latin) {
            let scalar = table[Int(latin) - 0x20]
            return scalar == "\u{FFFD}" ? nil : String(scalar)
        }
        // Another font: the private use code stands for the Latin-1 character it hides.
        guard latin >= 0x20, let scalar = Unicode.Scalar(latin), scalar != "\u{FFFD}" else { return nil }
        return String(scalar)
    }

    private static let tables: [String: [Unicode.Scalar]] = rows.mapValues { $0.flatMap(\.unicodeScalars) }

    private static let rows: [String: [String]] = [
    "symbol": [
        " !∀#∃%&∋()∗+,−./",
        "0123456789:;<=>?",
        "≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟ",
        "ΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_",
        "‾αβχδεφγηιϕκλμνο",
        "πθρστυϖωξψζ{|}∼�",
        "����������������",
        "����������������",
        "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓",
        "°±″≥×∝∂•÷≠≡≈…|―↵",
        "ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉",
        "∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓",
        "◊〈®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪",
        "�〉∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭�",
    ],
    "wingdings": [
        " 🖉✂✁👓🕭🕮🕯🕿✆🖂🖃📪📫📬📭",
        "🗀🗁🗎🗏🗐🗄⌛🖮🖰🖲🖳🖴🖫🖬✇✍",
        "🖎✌🖏👍👎☜☞☝☟🖐☺😐☹💣🕱🏳",
        "🏱✈☼🌢❄🕆✞🕈✠✡☪☯🕉☸♈♉",
        "♊♋♌♍♎♏♐♑♒♓🙰🙵⚫🔾◼🞏",
        "🞐❑❒🞟⧫◆❖⬩⌧⮹⌘🏵🏶🙶🙷▯",
        "🄋➀➁➂➃➄➅➆➇➈➉🄌➊➋➌➍",
        "➎➏➐➑➒➓🙢🙠🙡🙣🙞🙜🙝🙟∙•",
        "⬝⭘🞆🞈🞊🞋🔿▪🞎🟁🟅★🟋🟏🟓🟑",
        "⯐⌖⯎⯏⯑✪✰🕐🕑🕒🕓🕔🕕🕖🕗🕘",
        "🕙🕚🕛⮰⮱⮲⮳⮴⮵⮶⮷🙪🙫🙕🙔🙗",
        "🙖🙐🙑🙒🙓⌫⌦⮘⮚⮙⮛⮈⮊⮉⮋🡨",
        "🡪🡩🡫🡬🡭🡯🡮🡸🡺🡹🡻🡼🡽🡿🡾⇦",
        "⇨⇧⇩⬄⇳⬁⬀⬃⬂🢬🢭🗶✓🗷🗹",
    ],
    "wingdings 2": [
        " 🖊🖋🖌🖍✄✀🕾🕽🗅🗆🗇🗈🗉🗊🗋",
        "🗌🗍📋🗑🗔🖵🖶🖷🖸🖭🖯🖱🖒🖓🖘🖙",
        "🖚🖛👈👉🖜🖝🖞🖟🖠🖡👆👇🖢🖣🖑🗴",
        "🗸🗵☑⮽☒⮾⮿🛇⦸🙱🙴🙲🙳‽🙹🙺",
        "🙻🙦🙤🙥🙧🙚🙘🙙🙛⓪①②③④⑤⑥",
        "⑦⑧⑨⑩⓿❶❷❸❹❺❻❼❽❾❿�",
        "☉🌕☽☾⸿✝🕇🕜🕝🕞🕟🕠🕡🕢🕣🕤",
        "🕥🕦🕧🙨🙩⋅🞄⦁●○🞅🞇🞉⊙⦿🞌",
        "🞍◾■□🞑🞒🞓🞔▣🞕🞖🞗🞘⬩⬥◇",
        "🞚◈🞛🞜🞝🞞⬪⬧◊🞠◖◗⯊⯋⯀⯁",
        "⬟⯂⬣⬢⯃⯄🞡🞢🞣🞤🞥🞦🞧🞨🞩🞪",
        "🞫🞬🞭🞮🞯🞰🞱🞲🞳🞴🞵🞶🞷🞸🞹🞺",
        "🞻🞼🞽🞾🞿🟀🟂🟄🟆🟉🟊✶🟌🟎🟐🟒",
        "✹🟃🟇✯🟍🟔⯌⯍※⁂������",
    ],
    "webdings": [
        " 🕷🕸🕲🕶🏆🎖🖇🗨🗩🗰🗱🌶🎗🙾🙼",
        "🗕🗖🗗⏴⏵⏶⏷⏪⏩⏮⏭⏸⏹⏺🗚🗳",
        "🛠🏗🏘🏙🏚🏜🏭🏛🏠🏖🏝🛣🔍🏔👁👂",
        "🏞🏕🛤🏟🛳🕬🕫🕨🔈🎔🎕🗬🙽🗭🗪🗫",
        "⮔✔🚲⬜🛡📦🛱⬛🚑🛈🛩🛰🟈🕴⬤🛥",
        "🚔🗘🗙❓🛲🚇🚍⛳⦸⊖🚭🗮⏐🗯🗲�",
        "🚹🚺🛉🛊🚼👽🏋⛷🏂🏌🏊🏄🏍🏎🚘🗠",
        "🛢💰🏷💳👪🗡🗢🗣✯🖄🖅🖃🖆🖹🖺🖻",
        "🕵🕰🖽🖾📋🗒🗓🕮📚🗞🗟🗃🗂🖼🎭🎜",
        "🎘🎙🎧💿🎞📷🎟🎬📽📹📾📻🎚🎛📺💻",
        "🖥🖦🖧🕹🎮🕻🕼📟🖁🖀🖨🖩🖿🖪🗜🔒",
        "🔓🗝📥📤🕳🌣🌤🌥🌦☁🌨🌧🌩🌪🌬🌫",
        "🌜🌡🛋🛏🍽🍸🛎🛍Ⓟ♿🛆🖈🎓🗤🗥🗦",
        "🗧🛪🐿🐦🐟🐕🐈🙬🙮🙭🙯🗺🌍🌏🌎🕊",
    ],
    ]
}
