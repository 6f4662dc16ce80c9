import AlertWording
import FactStore
import Foundation

/// A feed item rendered once, with holes where what corroboration changes goes: `source_count`,
/// `sources`, and the "Reported by N sources" line of `content_text` and `content_html`.
///
/// A fact reported again by every file of a burst makes its item stale at every delivery; filling the
/// holes costs a copy of the item's bytes, where rendering it again decoded the alert's payload and ran
/// `JSONEncoder` over the whole item. The holes are found by rendering with a sentinel count and
/// sentinel sources; an item whose text happens to contain the sentinel keeps its alert and is rendered
/// whole each time (same bytes, slower).
struct FeedItemTemplate {
    private enum Hole: CaseIterable {
        case sourceCount, sources, corroborationText, corroborationHTML
    }

    private enum Form {
        /// The item's bytes between the holes (one more piece than holes), holes in document order.
        case patched(pieces: [[UInt8]], holes: [Hole])
        case whole(Alert)
    }

    private let form: Form

    /// A count no fact reaches, in digits no article plausibly contains.
    private static let sentinelCount = 7_203_641_958_117_349
    /// A noncharacter (U+FDD0, not allowed in a literal) around the word: never in a path or an article.
    private static let noncharacter = String(Unicode.Scalar(0xFDD0 as UInt32)!)
    private static let sentinelSource = noncharacter + "tariffwatch-sources" + noncharacter

    /// Renders `entry`'s alert with sentinel corroboration and finds the holes.
    /// - Throws: what `JSONEncoder` throws for the item.
    init(alert: Alert, encoder: JSONEncoder) throws {
        let probe = FeedEntry(alert: alert, sourceCount: Self.sentinelCount, sources: [Self.sentinelSource])
        let bytes = Array(try encoder.encode(JSONFeed.Item(entry: probe)))
        if let (pieces, holes) = try Self.split(bytes, encoder: encoder) {
            form = .patched(pieces: pieces, holes: holes)
        } else {
            form = .whole(alert)
        }
    }

    /// Whether corroboration is patched in (false: the item is rendered whole each time).
    var isPatched: Bool {
        if case .patched = form { return true }
        return false
    }

    /// The item for the fact's corroboration now.
    /// - Throws: what `JSONEncoder` throws.
    func render(sourceCount: Int, sources: [String], encoder: JSONEncoder) throws -> [UInt8] {
        try render(sourceCount: sourceCount, sources: sources, sourcesJSON: Array(encoder.encode(sources)), fills: Fills(encoder: encoder))
    }

    /// The item for the fact's corroboration now, with the sources already encoded (`sourcesJSON`, the
    /// JSON array of `sources`) and the count's words from `fills`: what a delivery patching hundreds
    /// of items pays is then a copy.
    /// - Throws: what `JSONEncoder` throws.
    func render(sourceCount: Int, sources: [String], sourcesJSON: [UInt8], fills: Fills) throws -> [UInt8] {
        switch form {
        case .whole(let alert):
            let entry = FeedEntry(alert: alert, sourceCount: sourceCount, sources: sources)
            return Array(try fills.encoder.encode(JSONFeed.Item(entry: entry)))
        case .patched(let pieces, let holes):
            let words = try fills.words(sourceCount)
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
    }

    /// What the count holes hold, per source count, as the encoder writes them inside an item; the same
    /// counts recur across items and deliveries, so each is encoded once.
    final class Fills {
        let encoder: JSONEncoder
        private var byCount: [Int: (count: [UInt8], text: [UInt8], html: [UInt8])] = [:]

        init(encoder: JSONEncoder) {
            self.encoder = encoder
        }

        func words(_ sourceCount: Int) throws -> (count: [UInt8], text: [UInt8], html: [UInt8]) {
            if let words = byCount[sourceCount] { return words }
            let words = (
                Array(String(sourceCount).utf8),
                try FeedItemTemplate.escaped(AlertWording.corroborationText(sourceCount: sourceCount), encoder: encoder),
                try FeedItemTemplate.escaped(AlertWording.corroborationHTML(sourceCount: sourceCount), encoder: encoder)
            )
            if byCount.count >= 4096 { byCount.removeAll(keepingCapacity: true) }
            byCount[sourceCount] = words
            return words
        }
    }

    /// A string's JSON form without its quotes: what it adds inside a longer JSON string.
    private static func escaped(_ text: String, encoder: JSONEncoder) throws -> [UInt8] {
        Array(try encoder.encode(text).dropFirst().dropLast())
    }

    /// The item cut at its holes, or nil when the sentinels are not each found exactly where expected
    /// (once per hole, and the sentinel nowhere else).
    private static func split(_ bytes: [UInt8], encoder: JSONEncoder) throws -> ([[UInt8]], [Hole])? {
        let digits = Array(String(sentinelCount).utf8)
        let countKey = Array("\"source_count\":".utf8)
        guard occurrences(of: digits, in: bytes).count == 3,
            occurrences(of: Array(noncharacter.utf8), in: bytes).count == 2
        else { return nil }
        var found: [(range: Range<Int>, hole: Hole)] = []
        for hole in Hole.allCases {
            let pattern: [UInt8]
            var skip = 0
            switch hole {
            case .sourceCount:
                pattern = countKey + digits
                skip = countKey.count
            case .sources: pattern = Array(try encoder.encode([sentinelSource]))
            case .corroborationText:
                pattern = try escaped(AlertWording.corroborationText(sourceCount: sentinelCount), encoder: encoder)
            case .corroborationHTML:
                pattern = try escaped(AlertWording.corroborationHTML(sourceCount: sentinelCount), encoder: encoder)
            }
            let starts = occurrences(of: pattern, in: bytes)
            guard starts.count == 1, let start = starts.first else { return nil }
            found.append((start + skip..<start + pattern.count, hole))
        }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        var pieces: [[UInt8]] = []
        var position = 0
        for (range, _) in found {
            guard range.lowerBound >= position else { return nil }  // overlapping holes: no template
            pieces.append(Array(bytes[position..<range.lowerBound]))
            position = range.upperBound
        }
        pieces.append(Array(bytes[position...]))
        return (pieces, found.map(\.hole))
    }

    /// Where `pattern` starts in `bytes`, non-overlapping, left to right.
    private static func occurrences(of pattern: [UInt8], in bytes: [UInt8]) -> [Int] {
        guard let first = pattern.first, pattern.count <= bytes.count else { return [] }
        var starts: [Int] = []
        var index = 0
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == first && bytes[index..<index + pattern.count].elementsEqual(pattern) {
                starts.append(index)
                index += pattern.count
            } else {
                index += 1
            }
        }
        return starts
    }
}
