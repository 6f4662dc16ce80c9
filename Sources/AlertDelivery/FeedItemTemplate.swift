import AlertWording
import FactStore
import Foundation
import TariffExtraction

/// A feed item rendered once, with holes where what corroboration changes goes: `source_count`,
/// `sources`, and the "Reported by N sources" line of `content_text` and `content_html`.
///
/// A fact reported again by every file of a burst makes its item stale at every delivery; filling the
/// holes costs a copy of the item's bytes. The item is written by hand (`CanonicalJSON`), byte for byte
/// what `JSONEncoder` makes of `JSONFeed.Item` with sorted keys: rendering each new alert with
/// `JSONEncoder` was a tenth of a burst's CPU. `FeedItemTemplateTests` compares the two for every kind
/// of alert.
struct FeedItemTemplate {
    private enum Hole {
        case sourceCount, sources, corroborationText, corroborationHTML
    }

    /// The item's bytes between the holes (one more piece than holes), holes in document order.
    private let pieces: [[UInt8]]
    private let holes: [Hole]

    /// Writes `alert`'s item with its holes.
    /// - Throws: `NonFiniteNumber` for a rate or confidence that is not a number (as `JSONEncoder` would).
    init(alert: Alert) throws(NonFiniteNumber) {
        var writer = Writer()
        try writer.item(alert)
        var pieces: [[UInt8]] = []
        var start = 0
        for (cut, _) in writer.cuts {
            pieces.append(Array(writer.json.bytes(start..<cut)))
            start = cut
        }
        pieces.append(Array(writer.json.bytes(start..<writer.json.count)))
        self.pieces = pieces
        self.holes = writer.cuts.map(\.hole)
    }

    /// The item for the fact's corroboration now.
    func render(sourceCount: Int, sources: [String]) -> [UInt8] {
        render(sourceCount: sourceCount, sourcesJSON: Self.sourcesJSON(sources), fills: Fills())
    }

    /// The item for the fact's corroboration now, with the sources already encoded (`sourcesJSON`, from
    /// `sourcesJSON(_:)`) and the count's words from `fills`: what a delivery patching hundreds of items
    /// pays is then a copy.
    func render(sourceCount: Int, sourcesJSON: [UInt8], fills: Fills) -> [UInt8] {
        let words = fills.words(sourceCount)
        let holeBytes = holes.map { hole -> [UInt8] in
            switch hole {
            case .sourceCount: words.count
            case .sources: sourcesJSON
            case .corroborationText: words.text
            case .corroborationHTML: words.html
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(pieces.reduce(0) { $0 + $1.count } + holeBytes.reduce(0) { $0 + $1.count })
        for (index, piece) in pieces.enumerated() {
            out += piece
            if index < holeBytes.count { out += holeBytes[index] }
        }
        return out
    }

    /// The sources as the item's JSON array.
    static func sourcesJSON(_ sources: [String]) -> [UInt8] {
        var json = CanonicalJSON(capacity: 64)
        json.strings(sources)
        return json.finished()
    }

    /// What the count holes hold, per source count, as they appear inside an item; the same counts recur
    /// across items and deliveries, so each is written once.
    final class Fills {
        private var byCount: [Int: (count: [UInt8], text: [UInt8], html: [UInt8])] = [:]

        func words(_ sourceCount: Int) -> (count: [UInt8], text: [UInt8], html: [UInt8]) {
            if let words = byCount[sourceCount] { return words }
            let words = (
                Array(String(sourceCount).utf8),
                Self.escaped(AlertWording.corroborationText(sourceCount: sourceCount)),
                Self.escaped(AlertWording.corroborationHTML(sourceCount: sourceCount))
            )
            if byCount.count >= 4096 { byCount.removeAll(keepingCapacity: true) }
            byCount[sourceCount] = words
            return words
        }

        /// A string's JSON form without its quotes: what it adds inside a longer JSON string (JSON
        /// escapes character by character, so the pieces of a string escape to the pieces of its escape).
        private static func escaped(_ text: String) -> [UInt8] {
            var json = CanonicalJSON(capacity: 64)
            json.stringContents(text)
            return json.finished()
        }
    }

    /// Writes `JSONFeed.Item(entry:)`'s fields in `JSONEncoder`'s sorted key order, noting where each hole goes.
    private struct Writer: ~Copyable {
        var json = CanonicalJSON(capacity: 2048)
        var cuts: [(offset: Int, hole: Hole)] = []

        mutating func hole(_ hole: Hole) {
            cuts.append((json.count, hole))
        }

        mutating func item(_ alert: Alert) throws(NonFiniteNumber) {
            let texts = AlertWording(alert).feedTexts
            json.raw("{\"_tariffwatch\":")
            try tariffwatch(alert)
            json.raw(",\"content_html\":\"")
            json.stringContents(texts.contentHTML.before)
            hole(.corroborationHTML)
            json.stringContents(texts.contentHTML.after)
            json.raw("\",\"content_text\":\"")
            json.stringContents(texts.contentText.before)
            hole(.corroborationText)
            json.stringContents(texts.contentText.after)
            json.raw("\",\"date_published\":")
            json.string(UTCTimestamp.rfc3339(alert.createdAt))
            if let url = alert.provenance?.url {
                json.raw(",\"external_url\":")
                json.string(url)
            }
            json.raw(",\"id\":")
            json.string(alert.stableID)
            json.raw(",\"summary\":")
            json.string(texts.summary)
            json.raw(",\"tags\":")
            json.strings(alert.tags)
            json.raw(",\"title\":")
            json.string(texts.title)
            if let url = alert.provenance?.url {
                json.raw(",\"url\":")
                json.string(url)
            }
            json.raw("}")
        }

        /// The `_tariffwatch` object (`JSONFeed.Extension`); the fact sits under `deadline` or
        /// `tariff`, which sort to different places.
        private mutating func tariffwatch(_ alert: Alert) throws(NonFiniteNumber) {
            json.raw("{\"alert_id\":")
            json.number(alert.id)
            json.raw(",\"alert_kind\":")
            json.string(alert.kind.rawValue)
            if let article = alert.provenance {
                json.raw(",\"article\":")
                article.write(to: &json)
            }
            if let confidence = alert.confidence {
                json.raw(",\"confidence\":")
                try json.number(confidence)
            }
            if let dates = JSONFeed.Dates(of: alert.current) {
                json.raw(",\"dates\":")
                self.dates(dates)
            }
            if let daysBefore = alert.daysBefore {
                json.raw(",\"days_before\":")
                json.number(daysBefore)
            }
            if case .deadline(let deadline) = alert.current {
                json.raw(",\"deadline\":")
                deadline.write(to: &json)
            }
            json.raw(",\"evidence\":")
            json.string(alert.evidence)
            json.raw(",\"fact_id\":")
            json.string(alert.factID)
            json.raw(",\"previous\":")
            switch alert.previous {
            case .deadline(let deadline)?: deadline.write(to: &json)
            case .tariff(let tariff)?: try tariff.write(to: &json)
            case nil: json.raw("null")
            }
            json.raw(",\"source_count\":")
            hole(.sourceCount)
            json.raw(",\"source_file\":")
            json.string(alert.sourceFile)
            json.raw(",\"sources\":")
            hole(.sources)
            if case .tariff(let tariff) = alert.current {
                json.raw(",\"tariff\":")
                try tariff.write(to: &json)
            }
            json.raw("}")
        }

        private mutating func dates(_ dates: JSONFeed.Dates) {
            json.raw("{\"end_value\":")
            json.string(dates.endValue?.iso)
            json.raw(",\"first_day\":")
            json.string(dates.firstDay.description)
            json.raw(",\"granularity\":")
            json.string(dates.granularity.rawValue)
            json.raw(",\"last_day\":")
            json.string(dates.lastDay.description)
            json.raw(",\"text\":")
            json.string(dates.text)
            json.raw(",\"value\":")
            json.string(dates.value.iso)
            json.raw("}")
        }
    }
}
