import Foundation

/// The progress line shown on a terminal: done/total, files per second, time left.
public struct ProgressLine: Sendable {
    public let start: Date

    public init(start: Date = Date()) { self.start = start }

    public func text(done: Int, total: Int, now: Date = Date()) -> String {
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        return String(format: "Обработано %d из %d · %.1f файл/с · осталось %@", done, total, rate,
                      Self.duration(left))
    }

    /// `0:42`, `12:05`, `1:02:03`.
    public static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        let h = s / 3600, m = (s % 3600) / 60, r = s % 60
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, r) : String(format: "%d:%02d", m, r)
    }
}
