/// The document `RenderedFeed` holds, as the parts a feed file is laid out from: the feed's fields up to the
/// items' `[`, and the items newest first with their alert ids.
struct FeedDocumentParts {
    var head: [UInt8]
    var ids: [Int64]
    var items: [RenderedFeed.ItemBytes]
}

/// Where each part of a feed file lies, so that the next document can be written into the same file as the
/// bytes that changed: new items, patched items, the end moved up over the items that fell off.
///
/// A full feed is about 1.5 MB (500 items), and writing it whole at every publication was the one cost of a lone
/// file's path that grew with the state (drop → feed p50 3.3 to 3.6 ms on a full feed, against 1.6 to 2.0 on a
/// young one). JSON lets whitespace stand between tokens, so the file keeps spaces where the document will
/// change:
///
/// ```
/// {"version":…,"items":[ ␣␣␣␣␣␣␣␣ (room) ␣\n{item 1}␣␣␣ (slack) ,\n{item 2}␣␣ … \n]}\n ␣␣␣ (what fell off)
/// ```
///
/// - New items are written into the room in front of the first item (newest first), and the first item's
///   separator turns from a space into a comma.
/// - An item whose fact gained sources is written over its old bytes when it fits in its slot (its bytes and
///   the slack behind them).
/// - Items that fell off the end are covered by the document's end and spaces.
///
/// When a change does not fit (the room is used up, an item outgrew its slack, the feed's fields or the items'
/// order changed), `changes(to:)` returns nil and the document is written whole, with new room and slack. What
/// a reader gets is the same document with more whitespace; a parser sees no difference.
struct FeedFileLayout: Sendable {
    /// One item's place: its separator byte (`,` or, for the first item, a space) at `start`, then `\n` and
    /// the item's JSON, then spaces up to `start + capacity`.
    struct Slot: Sendable {
        let id: Int64
        /// The serial of the bytes written there (`RenderedFeed` renders a patched item anew).
        let serial: UInt64
        /// Their length, separator and `\n` included.
        let length: Int
        let start: Int
        let capacity: Int

        init(id: Int64, item: RenderedFeed.ItemBytes, start: Int, capacity: Int) {
            self.id = id
            serial = item.serial
            length = item.count
            self.start = start
            self.capacity = capacity
        }

        var end: Int { start + capacity }
    }

    /// One write of a change: `bytes` at `offset`.
    struct Change: Equatable, Sendable {
        var offset: Int
        var bytes: [UInt8]
    }

    /// The feed's fields up to and including the items' `[`.
    private(set) var head: [UInt8]
    private(set) var slots: [Slot]
    /// Just after the document's end (`\n]}\n`).
    private(set) var end: Int
    /// The file's size: `end`, and after it the spaces left where items fell off.
    private(set) var size: Int

    static let tail = Array("\n]}\n".utf8)

    /// Where the first item starts (the document's end when it has none): the room lies between the head and here.
    var itemsStart: Int { slots.first?.start ?? end - Self.tail.count }

    /// The spaces between the head and the first item, which new items take.
    var room: Int { itemsStart - head.count }

    /// Room for new items, when the document is written whole: an eighth of the document, at least 16 kB
    /// (about 80 new items of a full feed before the next whole write, 6 kB of them on a young one).
    static func room(forDocumentOf bytes: Int) -> Int { max(16_384, bytes / 8) }

    /// Slack behind an item of `bytes`: room to grow by a few sources (a source is a file path, 40 to 120 bytes,
    /// and the "Reported by N sources" lines come with the second) before the document is written whole again.
    static func slack(forItemOf bytes: Int) -> Int { 96 + bytes / 8 }

    /// The layout of `parts` written whole, and the pieces to write, in order, from the file's start.
    /// `body` gets the pieces, valid only during the call (they point into `parts`' items and a shared page of spaces).
    static func whole<R>(
        _ parts: FeedDocumentParts, _ body: (_ layout: FeedFileLayout, _ pieces: [UnsafeRawBufferPointer]) throws -> R
    ) rethrows -> R {
        let content = parts.head.count + parts.items.reduce(0) { $0 + $1.count } + tail.count
        var offset = parts.head.count + room(forDocumentOf: content)
        var slots: [Slot] = []
        slots.reserveCapacity(parts.items.count)
        for (id, item) in zip(parts.ids, parts.items) {
            let capacity = item.count + slack(forItemOf: item.count)
            slots.append(Slot(id: id, item: item, start: offset, capacity: capacity))
            offset += capacity
        }
        let layout = FeedFileLayout(head: parts.head, slots: slots, end: offset + tail.count, size: offset + tail.count)
        return try parts.head.withUnsafeBytes { head in
            try tail.withUnsafeBytes { tail in
                var pieces: [UnsafeRawBufferPointer] = [head]
                pieces.reserveCapacity(2 * slots.count + 8)
                Blank.append(layout.room, to: &pieces)
                for (index, slot) in slots.enumerated() {
                    if index == 0 { Blank.append(1, to: &pieces) }  // the first item's separator
                    pieces.append(parts.items[index].piece(first: index == 0))
                    Blank.append(slot.capacity - slot.length, to: &pieces)
                }
                pieces.append(tail)
                // The items' memory belongs to `parts`, kept until `body` returns.
                return try withExtendedLifetime(parts) { try body(layout, pieces) }
            }
        }
    }

    /// The writes that turn this file's document into `parts`, and the layout after them; nil when the new
    /// document does not fit this layout and must be written whole.
    func changes(to parts: FeedDocumentParts) -> (changes: [Change], layout: FeedFileLayout)? {
        let slide = parts.ids.isEmpty ? RenderedFeed.Slide(added: 0, kept: 0) : RenderedFeed.slide(from: slots.map(\.id), to: parts.ids)
        guard parts.head == head, let slide else { return nil }
        var changes: [Change] = []
        var kept = Array(slots.prefix(slide.kept))
        // Patched items, over their old bytes.
        for (index, old) in kept.enumerated() {
            let item = parts.items[slide.added + index]
            guard item.serial != old.serial else { continue }
            guard item.count <= old.capacity else { return nil }
            var bytes = Array(item.piece(first: false).dropFirst())  // the separator stays
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: max(0, old.length - item.count)))
            changes.append(Change(offset: old.start + 1, bytes: bytes))
            kept[index] = Slot(id: old.id, item: item, start: old.start, capacity: old.capacity)
        }
        // New items, into the room; the old first item's separator becomes a comma.
        var front: [UInt8] = []
        var added: [(item: RenderedFeed.ItemBytes, capacity: Int)] = []
        for index in 0..<slide.added {
            let item = parts.items[index]
            let capacity = item.count + Self.slack(forItemOf: item.count)
            if index == 0 { front.append(UInt8(ascii: " ")) }  // the first item's separator
            front.append(contentsOf: item.piece(first: index == 0))
            front.append(contentsOf: repeatElement(UInt8(ascii: " "), count: capacity - item.count))
            added.append((item, capacity))
        }
        let oldStart = itemsStart
        var newSlots: [Slot] = []
        if !front.isEmpty {
            let start = oldStart - front.count
            guard start >= head.count else { return nil }
            if !kept.isEmpty { front.append(UInt8(ascii: ",")) }
            changes.append(Change(offset: start, bytes: front))
            var offset = start
            for (index, new) in added.enumerated() {
                newSlots.append(Slot(id: parts.ids[index], item: new.item, start: offset, capacity: new.capacity))
                offset += new.capacity
            }
        }
        // The items that fell off: the end moves up over them.
        var end = self.end
        if slide.kept < slots.count {
            let itemsEnd = kept.last?.end ?? oldStart
            var bytes = Self.tail
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: self.end - itemsEnd - Self.tail.count))
            changes.append(Change(offset: itemsEnd, bytes: bytes))
            end = itemsEnd + Self.tail.count
        }
        kept.insert(contentsOf: newSlots, at: 0)
        return (changes, FeedFileLayout(head: head, slots: kept, end: end, size: size))
    }
}

/// A page of spaces that never changes, for the room and slack of a whole write (`pwritev` points into it).
private enum Blank {
    /// Written once, in its initializer, and only read after: sharing it between threads is safe.
    nonisolated(unsafe) static let page: UnsafeRawBufferPointer = {
        let page = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 16)
        page.initializeMemory(as: UInt8.self, repeating: UInt8(ascii: " "))
        return UnsafeRawBufferPointer(page)
    }()

    static func append(_ count: Int, to pieces: inout [UnsafeRawBufferPointer]) {
        var left = count
        while left > 0 {
            let piece = min(left, page.count)
            pieces.append(UnsafeRawBufferPointer(rebasing: page[..<piece]))
            left -= piece
        }
    }
}
