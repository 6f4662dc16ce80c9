import FactStore
import Foundation

/// The JSON Feed kept serialised in memory, item by item, so a delivery renders only the items that are
/// new or whose fact gained sources since, and writes the file from bytes it already has.
///
/// The store stays the truth: what the feed shows is read from it (`FactStore.feedRevisions`), and an
/// empty cache (a restart, a reload) renders everything again.
struct RenderedFeed {
    struct Header: Equatable {
        var title: String
        var homePageURL: String?
        var description: String
    }

    private struct Rendered {
        var sourceCount: Int
        var json: [UInt8]
    }

    private var header: Header?
    private var order: [Int64] = []
    private var rendered: [Int64: Rendered] = [:]

    /// Brings the cached items in line with `revisions` (newest first), rendering through `entries` only
    /// what is missing or stale. Returns whether the document changed.
    /// - Throws: what `entries` throws (the store could not be read); the cache is left as it was.
    mutating func update(
        header: Header, revisions: [FeedRevision], entries: ([Int64]) throws -> [FeedEntry]
    ) throws -> Bool {
        let stale = revisions.filter { rendered[$0.alertID]?.sourceCount != $0.sourceCount }.map(\.alertID)
        let newOrder = revisions.map(\.alertID)
        guard !stale.isEmpty || newOrder != order || header != self.header else { return false }
        var fresh: [Int64: Rendered] = [:]
        if !stale.isEmpty {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for entry in try entries(stale) {
                fresh[entry.alert.id] = Rendered(
                    sourceCount: entry.sourceCount, json: Array(try encoder.encode(JSONFeed.Item(entry: entry))))
            }
        }
        var kept: [Int64: Rendered] = [:]
        kept.reserveCapacity(newOrder.count)
        for id in newOrder {
            if let item = fresh[id] ?? rendered[id] { kept[id] = item }
        }
        rendered = kept
        order = newOrder.filter { kept[$0] != nil }
        self.header = header
        return true
    }

    /// Forgets everything: the next update renders every item (after a reload changed what items show).
    mutating func invalidate() {
        header = nil
        order = []
        rendered = [:]
    }

    /// The whole document: the feed's fields, then one item per line, newest first.
    func document() -> [UInt8] {
        let header = self.header ?? Header(title: "", homePageURL: nil, description: "")
        var out: [UInt8] = []
        out.reserveCapacity(256 + order.reduce(0) { $0 + (rendered[$1]?.json.count ?? 0) + 2 })
        out += Array("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":".utf8) + jsonString(header.title)
        if let home = header.homePageURL { out += Array(",\"home_page_url\":".utf8) + jsonString(home) }
        out += Array(",\"description\":".utf8) + jsonString(header.description)
        out += Array(",\"items\":[".utf8)
        for (index, id) in order.enumerated() {
            guard let item = rendered[id] else { continue }
            out += Array((index == 0 ? "\n" : ",\n").utf8)
            out += item.json
        }
        out += Array("\n]}\n".utf8)
        return out
    }

    private func jsonString(_ text: String) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? Array(encoder.encode(text))) ?? Array("\"\"".utf8)
    }
}
