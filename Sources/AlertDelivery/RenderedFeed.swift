import FactStore
import Foundation

/// The JSON Feed kept serialised in memory, item by item, so a delivery renders only the items that are
/// new, patches those whose fact gained sources since, and writes the file from bytes it already has.
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
        var factID: String
        var sourceCount: Int
        var sources: [String]
        /// `sources` as the item's JSON array: encoded again only when the first sources grow.
        var sourcesJSON: [UInt8]
        var template: FeedItemTemplate
        var json: [UInt8]
    }

    private var header: Header?
    private let fills = FeedItemTemplate.Fills()
    private var order: [Int64] = []
    private var rendered: [Int64: Rendered] = [:]

    /// Brings the cached items in line with `revisions` (newest first). A new item is rendered once
    /// from `entries`; an item whose fact gained sources is patched (`FeedItemTemplate`), asking
    /// `sources` for the fact's first sources only while it has fewer than `FeedEntry.maxSources` (the
    /// first ones never change: sources are append-only). Returns whether the document changed.
    /// - Throws: what `entries` or `sources` throw (the store could not be read), or `NonFiniteNumber`;
    ///   the cache is left as it was.
    mutating func update(
        header: Header, revisions: [FeedRevision], entries: ([Int64]) throws -> [FeedEntry],
        sources: ([String]) throws -> [String: [String]]
    ) throws -> Bool {
        let missing = revisions.filter { rendered[$0.alertID] == nil }.map(\.alertID)
        let stale = revisions.filter { revision in
            rendered[revision.alertID].map { $0.sourceCount != revision.sourceCount } ?? false
        }
        let newOrder = revisions.map(\.alertID)
        guard !missing.isEmpty || !stale.isEmpty || newOrder != order || header != self.header else { return false }
        var fresh: [Int64: Rendered] = [:]
        for entry in try missing.isEmpty ? [] : entries(missing) {
            let template = try FeedItemTemplate(alert: entry.alert)
            let sourcesJSON = FeedItemTemplate.sourcesJSON(entry.sources)
            fresh[entry.alert.id] = Rendered(
                factID: entry.alert.factID, sourceCount: entry.sourceCount, sources: entry.sources, sourcesJSON: sourcesJSON,
                template: template, json: template.render(sourceCount: entry.sourceCount, sourcesJSON: sourcesJSON, fills: fills))
        }
        let growing = Set(stale.compactMap { revision in
            rendered[revision.alertID].flatMap { $0.sources.count < FeedEntry.maxSources ? $0.factID : nil }
        })
        let newSources = try growing.isEmpty ? [:] : sources(Array(growing))
        for revision in stale {
            guard var item = rendered[revision.alertID] else { continue }
            item.sourceCount = revision.sourceCount
            if let now = newSources[item.factID], now != item.sources {
                item.sources = now
                item.sourcesJSON = FeedItemTemplate.sourcesJSON(now)
            }
            item.json = item.template.render(sourceCount: item.sourceCount, sourcesJSON: item.sourcesJSON, fills: fills)
            fresh[revision.alertID] = item
        }
        // In place, O(changes): rebuilding the dictionary copied and released every cached item at every delivery.
        if newOrder != order {
            let current = Set(newOrder)
            for id in order where !current.contains(id) { rendered[id] = nil }
        }
        for (id, item) in fresh { rendered[id] = item }
        order = newOrder.filter { rendered[$0] != nil }
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
        var out: [UInt8] = []
        document(into: &out)
        return out
    }

    /// `document()` written over `out`, reusing its storage: the feed is about 1 MB at 500 items, and a
    /// fresh buffer per delivery cost an `mmap`, a page fault per 4 KiB and a `munmap` every time.
    func document(into out: inout [UInt8]) {
        let header = self.header ?? Header(title: "", homePageURL: nil, description: "")
        let items = order.compactMap { rendered[$0]?.json }
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(256 + header.title.utf8.count + header.description.utf8.count + items.reduce(0) { $0 + $1.count + 2 })
        out.append(contentsOf: "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":".utf8)
        out.append(contentsOf: jsonString(header.title))
        if let home = header.homePageURL {
            out.append(contentsOf: ",\"home_page_url\":".utf8)
            out.append(contentsOf: jsonString(home))
        }
        out.append(contentsOf: ",\"description\":".utf8)
        out.append(contentsOf: jsonString(header.description))
        out.append(contentsOf: ",\"items\":[".utf8)
        for (index, json) in items.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: json)
        }
        out.append(contentsOf: "\n]}\n".utf8)
    }

    private func jsonString(_ text: String) -> [UInt8] {
        var json = CanonicalJSON(capacity: text.utf8.count + 2)
        json.string(text)
        return json.bytes
    }
}
