import FactStore
import Foundation
import Synchronization

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

    /// One cached item. A class that never changes (a patch makes a new one): looking an item up at
    /// every delivery then retains one reference, not every field of a large struct copied out of the
    /// dictionary, which was a tenth of a delivery's CPU for the 500 items of a full feed.
    private final class Rendered {
        let factID: String
        let sourceCount: Int
        let sources: [String]
        /// `sources` as the item's JSON array: encoded again only when the first sources grow.
        let sourcesJSON: [UInt8]
        let template: FeedItemTemplate
        let json: ItemBytes

        init(factID: String, sourceCount: Int, sources: [String], sourcesJSON: [UInt8], template: FeedItemTemplate, json: ItemBytes) {
            self.factID = factID
            self.sourceCount = sourceCount
            self.sources = sources
            self.sourcesJSON = sourcesJSON
            self.template = template
            self.json = json
        }
    }

    /// One item as the document holds it, `,\n` first, in memory of its own whose address does not
    /// move: a delivery hands the kernel pointers to every item (`writev`) instead of copying 1 MB into
    /// one buffer first.
    final class ItemBytes: @unchecked Sendable {
        /// `,\n` and the item's JSON; never written to after `init`.
        let bytes: UnsafeMutableRawBufferPointer
        /// Which rendering this is, never reused in the process: what a feed file's layout keeps to know the
        /// bytes it holds (`FeedFileLayout.Slot`), a number where a reference would be retained and released
        /// for each of 500 items at every publication.
        let serial: UInt64

        private static let serials = Atomic<UInt64>(0)

        init(_ json: [UInt8]) {
            serial = Self.serials.add(1, ordering: .relaxed).newValue
            bytes = .allocate(byteCount: json.count + 2, alignment: 1)
            bytes[0] = UInt8(ascii: ",")
            bytes[1] = UInt8(ascii: "\n")
            json.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: bytes[2...]).copyMemory(from: $0) }
        }

        deinit { bytes.deallocate() }

        /// `,\n` and the item's JSON.
        var count: Int { bytes.count }

        /// As the document's first item (no comma) or a later one.
        func piece(first: Bool) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(rebasing: bytes[(first ? 1 : 0)...])
        }
    }

    private var header: Header?
    private let fills = FeedItemTemplate.Fills()
    private var order: [Int64] = []
    /// The items' bytes in `order`, so writing the document looks nothing up.
    private var orderedJSON: [ItemBytes] = []
    private var rendered: [Int64: Rendered] = [:]
    /// Each cached item's source count, beside `rendered` so that comparing 500 revisions at every
    /// delivery retains no object.
    private var counts: [Int64: Int] = [:]

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
        var missing: [Int64] = []
        var stale: [FeedRevision] = []
        var staleAt: [Int] = []
        for (index, revision) in revisions.enumerated() {
            if let count = counts[revision.alertID] {
                if count != revision.sourceCount {
                    stale.append(revision)
                    staleAt.append(index)
                }
            } else {
                missing.append(revision.alertID)
            }
        }
        let newOrder = revisions.map(\.alertID)
        guard !missing.isEmpty || !stale.isEmpty || newOrder != order || header != self.header else { return false }
        var fresh: [Int64: Rendered] = [:]
        for entry in try missing.isEmpty ? [] : entries(missing) {
            let template = try FeedItemTemplate(alert: entry.alert)
            let sourcesJSON = FeedItemTemplate.sourcesJSON(entry.sources)
            fresh[entry.alert.id] = Rendered(
                factID: entry.alert.factID, sourceCount: entry.sourceCount, sources: entry.sources, sourcesJSON: sourcesJSON,
                template: template,
                json: ItemBytes(template.render(sourceCount: entry.sourceCount, sourcesJSON: sourcesJSON, fills: fills)))
        }
        let growing = Set(stale.compactMap { revision in
            rendered[revision.alertID].flatMap { $0.sources.count < FeedEntry.maxSources ? $0.factID : nil }
        })
        let newSources = try growing.isEmpty ? [:] : sources(Array(growing))
        for revision in stale {
            guard let item = rendered[revision.alertID] else { continue }
            var sources = item.sources
            var sourcesJSON = item.sourcesJSON
            if let now = newSources[item.factID], now != item.sources {
                sources = now
                sourcesJSON = FeedItemTemplate.sourcesJSON(now)
            }
            fresh[revision.alertID] = Rendered(
                factID: item.factID, sourceCount: revision.sourceCount, sources: sources, sourcesJSON: sourcesJSON,
                template: item.template,
                json: ItemBytes(item.template.render(sourceCount: revision.sourceCount, sourcesJSON: sourcesJSON, fills: fills)))
        }
        // In place, O(changes): rebuilding the dictionary copied and released every cached item at every delivery.
        let slide = newOrder == order ? Slide(added: 0, kept: order.count) : Self.slide(from: order, to: newOrder)
        for id in slide.map({ Array(order[$0.kept...]) }) ?? Self.removed(from: order, keeping: newOrder) {
            rendered[id] = nil
            counts[id] = nil
        }
        for (id, item) in fresh {
            rendered[id] = item
            counts[id] = item.sourceCount
        }
        if let slide, newOrder.prefix(slide.added).allSatisfy({ rendered[$0] != nil }) {
            // The usual delivery: new items in front, the oldest off the end, a few patched.
            order.removeLast(order.count - slide.kept)
            orderedJSON.removeLast(orderedJSON.count - slide.kept)
            order.insert(contentsOf: newOrder.prefix(slide.added), at: 0)
            orderedJSON.insert(contentsOf: newOrder.prefix(slide.added).map { rendered[$0]!.json }, at: 0)
            for index in staleAt { orderedJSON[index] = rendered[newOrder[index]]!.json }
        } else {
            order = []
            orderedJSON = []
            order.reserveCapacity(newOrder.count)
            orderedJSON.reserveCapacity(newOrder.count)
            for id in newOrder {
                guard let item = rendered[id] else { continue }
                order.append(id)
                orderedJSON.append(item.json)
            }
        }
        self.header = header
        return true
    }

    /// How `new` follows from `old` when new ids came first and the oldest fell off the end: how many
    /// ids are new, and how many of `old` (from its start) are kept.
    struct Slide: Equatable {
        var added: Int
        var kept: Int
    }

    /// The slide from `old` to `new`, or nil when `new` is not one (an item gone from the middle,
    /// another order).
    static func slide(from old: [Int64], to new: [Int64]) -> Slide? {
        guard let first = old.first else { return Slide(added: new.count, kept: 0) }
        guard let start = new.firstIndex(of: first) else { return nil }
        let kept = new.count - start
        guard kept <= old.count && new[start...].elementsEqual(old.prefix(kept)) else { return nil }
        // The ids ahead of `start` are new unless one of them moved up from the end.
        let gone = old[kept...]
        return new[..<start].allSatisfy({ !gone.contains($0) }) ? Slide(added: start, kept: kept) : nil
    }

    /// The ids of `old` that are not in `new`: the end of `old` for a slide, found without hashing every id.
    static func removed(from old: [Int64], keeping new: [Int64]) -> [Int64] {
        if let slide = slide(from: old, to: new) { return Array(old[slide.kept...]) }
        let current = Set(new)
        return old.filter { !current.contains($0) }
    }

    /// Forgets everything: the next update renders every item (after a reload changed what items show).
    mutating func invalidate() {
        header = nil
        order = []
        orderedJSON = []
        rendered = [:]
        counts = [:]
    }

    /// The document as the parts a feed file is laid out from (`FeedFileLayout`): what the daemon publishes.
    var parts: FeedDocumentParts {
        FeedDocumentParts(head: headBytes(), ids: order, items: orderedJSON)
    }

    /// The whole document: the feed's fields, then one item per line, newest first.
    func document() -> [UInt8] {
        withDocumentPieces { pieces in
            var out: [UInt8] = []
            out.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
            for piece in pieces { out.append(contentsOf: piece) }
            return out
        }
    }

    /// Calls `body` with the document as consecutive pieces (the feed's fields, each item, the end),
    /// valid only during the call.
    private func withDocumentPieces<R>(_ body: ([UnsafeRawBufferPointer]) throws -> R) rethrows -> R {
        let head = headBytes()
        return try head.withUnsafeBytes { head in
            try Self.tail.withUnsafeBytes { tail in
                var pieces: [UnsafeRawBufferPointer] = []
                pieces.reserveCapacity(orderedJSON.count + 2)
                pieces.append(head)
                for item in orderedJSON { pieces.append(item.piece(first: pieces.count == 1)) }
                pieces.append(tail)
                // The items' memory belongs to `orderedJSON`, which `self` keeps until `body` returns.
                return try withExtendedLifetime(self) { try body(pieces) }
            }
        }
    }

    private static let tail = Array("\n]}\n".utf8)

    /// The document up to its first item.
    private func headBytes() -> [UInt8] {
        let header = self.header ?? Header(title: "", homePageURL: nil, description: "")
        var out: [UInt8] = []
        out.append(contentsOf: "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":".utf8)
        out.append(contentsOf: jsonString(header.title))
        if let home = header.homePageURL {
            out.append(contentsOf: ",\"home_page_url\":".utf8)
            out.append(contentsOf: jsonString(home))
        }
        out.append(contentsOf: ",\"description\":".utf8)
        out.append(contentsOf: jsonString(header.description))
        out.append(contentsOf: ",\"items\":[".utf8)
        return out
    }

    private func jsonString(_ text: String) -> [UInt8] {
        var json = CanonicalJSON(capacity: text.utf8.count + 2)
        json.string(text)
        return json.finished()
    }
}
