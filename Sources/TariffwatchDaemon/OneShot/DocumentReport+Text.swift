import ArticleFormats
import TariffExtraction

extension DocumentReport {
    /// The plain-text form of `extract` without `--json`: one line per finding.
    public var humanReadable: String {
        var heading = document.path
        if let item = document.item { heading += " item \(item)" }
        var lines = ["\(heading) (reference date \(document.referenceDate), from \(document.referenceDateSource.rawValue))"]
        if let title = document.title { lines.append("  title: \(title)") }
        if let url = document.url { lines.append("  url: \(url)") }
        for d in deadlines {
            let range = d.endDate.map { "\(d.date.iso)..\($0.iso)" } ?? d.date.iso
            lines.append("  deadline \(range) \(d.kind.rawValue)\(d.upcoming ? "" : " (past)"): \(d.subject) «\(d.text)»")
        }
        for t in tariffChanges {
            let rate = t.ratePct.map { "\($0 == $0.rounded() && abs($0) < 1e15 ? String(Int($0)) : String($0))%" } ?? "unspecified rate"
            let products = t.products.isEmpty ? "all goods" : t.products.joined(separator: ", ")
            let date = t.effectiveDate.map { " from \($0.iso)" } ?? ""
            lines.append(
                "  tariff \(t.imposer ?? "?")→\(t.target ?? "?") \(rate) on \(products), \(t.status.rawValue)\(date) «\(t.text)»")
        }
        if deadlines.isEmpty && tariffChanges.isEmpty { lines.append("  nothing found") }
        return lines.joined(separator: "\n")
    }
}
