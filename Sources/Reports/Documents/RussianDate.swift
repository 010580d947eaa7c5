import Model

extension Day {
    /// «10 января 2025 г.»: a date inside Russian text.
    public var russianText: String { "\(day) \(Day.genitiveMonths[month - 1]) \(year) г." }

    private static let genitiveMonths = [
        "января", "февраля", "марта", "апреля", "мая", "июня",
        "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ]
}

extension Period {
    /// «с 1 сентября 2024 г. по 31 мая 2025 г.»
    public var russianText: String { "с \(from.russianText) по \(to.russianText)" }
}
