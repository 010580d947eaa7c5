/// `word/numbering.xml`: abstract list definitions and the instances that use them.
public struct NumberingPart: Sendable, Hashable {
    public struct Level: Sendable, Hashable {
        public var start: Int = 1
        public var format: String = "decimal"
        public var text: String = ""
        /// `w:lvlRestart`: restart after this (1-based) level; 0 never restarts.
        public var restart: Int?
        public var isLegal = false
        public init() {}
    }

    public struct Abstract: Sendable, Hashable {
        public var levels: [Int: Level] = [:]
        public var styleLink: String?
        public var numStyleLink: String?
        public init() {}
    }

    public struct Instance: Sendable, Hashable {
        public var abstractId: Int
        public var startOverrides: [Int: Int] = [:]
        public var levelOverrides: [Int: Level] = [:]
        public init(abstractId: Int) { self.abstractId = abstractId }
    }

    public var abstracts: [Int: Abstract] = [:]
    public var instances: [Int: Instance] = [:]

    public init() {}

    /// The level definition in force for `numId`/`level`.
    public func level(numId: Int, level: Int) -> Level? {
        guard let inst = instances[numId] else { return nil }
        if let o = inst.levelOverrides[level] { return o }
        return abstracts[inst.abstractId]?.levels[level]
    }

    static func parse(_ p: XMLPullParser) throws -> NumberingPart {
        var part = NumberingPart()
        var abstract: (id: Int, value: Abstract)?
        var instance: (id: Int, value: Instance)?
        var level: (index: Int, value: Level)?
        var overrideLevel: Int?
        while try p.next() {
            if p.kind == .start, p.namespace == .w {
                switch p.name {
                case "abstractNum":
                    abstract = (Int(p.attribute("abstractNumId") ?? "") ?? -1, Abstract())
                case "num":
                    instance = (Int(p.attribute("numId") ?? "") ?? -1, Instance(abstractId: -1))
                case "abstractNumId":
                    if instance != nil { instance!.value.abstractId = Int(p.attribute("val") ?? "") ?? -1 }
                case "lvlOverride":
                    overrideLevel = Int(p.attribute("ilvl") ?? "")
                case "startOverride":
                    if instance != nil, let o = overrideLevel, let v = Int(p.attribute("val") ?? "") {
                        instance!.value.startOverrides[o] = v
                    }
                case "lvl":
                    level = (Int(p.attribute("ilvl") ?? "") ?? 0, Level())
                case "start":
                    if level != nil { level!.value.start = Int(p.attribute("val") ?? "") ?? 1 }
                case "numFmt":
                    if level != nil { level!.value.format = p.attribute("val") ?? "decimal" }
                case "lvlText":
                    if level != nil { level!.value.text = p.attribute("val") ?? "" }
                case "lvlRestart":
                    if level != nil { level!.value.restart = Int(p.attribute("val") ?? "") }
                case "isLgl":
                    if level != nil { level!.value.isLegal = p.attribute("val").map { $0 != "0" && $0 != "false" } ?? true }
                case "styleLink":
                    if abstract != nil { abstract!.value.styleLink = p.attribute("val") }
                case "numStyleLink":
                    if abstract != nil { abstract!.value.numStyleLink = p.attribute("val") }
                case "pPr", "rPr":
                    try p.skipElement()
                default: break
                }
            } else if p.kind == .end, p.namespace == .w {
                switch p.name {
                case "lvl":
                    if let l = level {
                        if let o = overrideLevel, instance != nil { instance!.value.levelOverrides[o] = l.value }
                        else if abstract != nil { abstract!.value.levels[l.index] = l.value }
                    }
                    level = nil
                case "lvlOverride": overrideLevel = nil
                case "abstractNum":
                    if let a = abstract { part.abstracts[a.id] = a.value }
                    abstract = nil
                case "num":
                    if let i = instance { part.instances[i.id] = i.value }
                    instance = nil
                default: break
                }
            }
        }
        return part
    }
}

/// Counts list items in document order and renders the labels Word shows.
struct NumberingCounter {
    private let part: NumberingPart
    /// Counters per abstract list (instances of one abstract continue each other).
    private var counters: [Int: [Int: Int]] = [:]
    private var startedInstances: Set<Int> = []

    init(part: NumberingPart) { self.part = part }

    /// The label for the next paragraph of `numId` at `level`, or nil when the list is unknown or `numId` is 0.
    mutating func next(numId: Int, level rawLevel: Int, resolveStyleLink: (String) -> Int?) -> ListLabel? {
        guard numId != 0, var inst = part.instances[numId] else { return nil }
        var abstractId = inst.abstractId
        // A list style (numStyleLink) points at the abstract that really defines the levels.
        if let link = part.abstracts[abstractId]?.numStyleLink, let linkedNum = resolveStyleLink(link),
           let linked = part.instances[linkedNum] {
            abstractId = linked.abstractId
            if inst.levelOverrides.isEmpty { inst.levelOverrides = linked.levelOverrides }
        }
        let level = max(0, min(rawLevel, 8))
        func def(_ l: Int) -> NumberingPart.Level? {
            inst.levelOverrides[l] ?? part.abstracts[abstractId]?.levels[l]
        }
        guard let lvl = def(level) else { return nil }
        var state = counters[abstractId] ?? [:]
        if !startedInstances.contains(numId) {
            startedInstances.insert(numId)
            for (l, start) in inst.startOverrides {
                state[l] = start - 1
                for deeper in (l + 1)..<9 { state[deeper] = nil }
            }
        }
        state[level] = (state[level] ?? (lvl.start - 1)) + 1
        // Deeper levels restart when a shallower one advances (unless lvlRestart says otherwise).
        for deeper in (level + 1)..<9 {
            let restart = def(deeper)?.restart
            if restart == 0 { continue }
            if let r = restart, r < level + 1 { continue }
            state[deeper] = nil
        }
        counters[abstractId] = state
        if lvl.format == "bullet" {
            return ListLabel(numId: numId, level: level, text: "•", isBullet: true)
        }
        return ListLabel(numId: numId, level: level, text: render(lvl.text, state: state, def: def, legal: lvl.isLegal),
                         isBullet: false)
    }

    private func render(_ template: String, state: [Int: Int], def: (Int) -> NumberingPart.Level?, legal: Bool) -> String {
        var out = ""
        var chars = template.makeIterator()
        while let c = chars.next() {
            if c == "%" {
                guard let d = chars.next() else { out.append(c); break }
                if let n = d.wholeNumberValue, (1...9).contains(n) {
                    let l = n - 1
                    let lvl = def(l)
                    let value = state[l] ?? lvl?.start ?? 1
                    let format = legal && l < 9 ? "decimal" : (lvl?.format ?? "decimal")
                    out += NumberFormat.render(value, format: format)
                } else {
                    out.append(c)
                    out.append(d)
                }
            } else {
                out.append(c)
            }
        }
        return out
    }
}

/// Word's number formats (`w:numFmt`).
public enum NumberFormat {
    static let russianLetters = Array("абвгдежзиклмнопрстуфхцчшщэюя")
    static let latinLetters = Array("abcdefghijklmnopqrstuvwxyz")

    public static func render(_ n: Int, format: String) -> String {
        switch format {
        case "decimal", "ordinal", "cardinalText", "ordinalText": return String(n)
        case "decimalZero": return n < 10 && n >= 0 ? "0\(n)" : String(n)
        case "upperRoman": return roman(n)
        case "lowerRoman": return roman(n).lowercased()
        case "upperLetter": return letters(n, latinLetters).uppercased()
        case "lowerLetter": return letters(n, latinLetters)
        case "russianUpper": return letters(n, russianLetters).uppercased()
        case "russianLower": return letters(n, russianLetters)
        case "none": return ""
        case "bullet": return "•"
        default: return String(n)
        }
    }

    /// `a`…`z`, then `aa`, `bb`, … as Word does.
    static func letters(_ n: Int, _ alphabet: [Character]) -> String {
        guard n > 0 else { return String(n) }
        let i = (n - 1) % alphabet.count
        let times = (n - 1) / alphabet.count + 1
        return String(repeating: String(alphabet[i]), count: min(times, 50))
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var v = n
        var out = ""
        for (value, s) in table {
            while v >= value { out += s; v -= value }
        }
        return out
    }
}
