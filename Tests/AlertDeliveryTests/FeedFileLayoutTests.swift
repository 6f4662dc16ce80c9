import Foundation
import Glibc
import SystemPackage
import Testing

@testable import AlertDelivery

/// A feed file written as changes holds the same document as one written whole: only whitespace differs.
@Suite struct FeedFileLayoutTests {
    static let head = Array("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[".utf8)

    static func item(_ id: Int64, sources: Int = 1) -> RenderedFeed.ItemBytes {
        let list = (0..<sources).map { "\"/inbox/article-\(id)-\($0).txt\"" }.joined(separator: ",")
        return RenderedFeed.ItemBytes(Array("{\"id\":\"item \(id)\",\"sources\":[\(list)],\"text\":\"a \\\"quoted\\\" , [x]\"}".utf8))
    }

    /// The document `parts` stands for, compact: what a reader's parser sees.
    static func compact(_ parts: FeedDocumentParts) -> [UInt8] {
        var out = parts.head
        for (index, item) in parts.items.enumerated() { out += Array(item.piece(first: index == 0)) }
        return stripped(out + FeedFileLayout.tail)
    }

    /// `json` without the whitespace between its tokens (strings kept as they are).
    static func stripped(_ json: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var inString = false, escaped = false
        for byte in json {
            if inString {
                out.append(byte)
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
                out.append(byte)
            } else if ![UInt8(ascii: " "), UInt8(ascii: "\n")].contains(byte) {
                out.append(byte)
            }
        }
        return out
    }

    /// A file in memory: written whole, or changed in place.
    private struct File {
        var bytes: [UInt8] = []
        var layout: FeedFileLayout?
        var wholeWrites = 0

        mutating func publish(_ parts: FeedDocumentParts) {
            if let layout, let (changes, next) = layout.changes(to: parts) {
                for change in changes {
                    precondition(change.offset + change.bytes.count <= bytes.count, "a change stays inside the file")
                    bytes.replaceSubrange(change.offset..<(change.offset + change.bytes.count), with: change.bytes)
                }
                self.layout = next
            } else {
                FeedFileLayout.whole(parts) { layout, pieces in
                    bytes = pieces.flatMap { Array($0) }
                    self.layout = layout
                }
                wholeWrites += 1
            }
        }
    }

    static func parts(_ ids: [Int64], _ items: [Int64: RenderedFeed.ItemBytes], head: [UInt8] = Self.head) -> FeedDocumentParts {
        FeedDocumentParts(head: head, ids: ids, items: ids.map { items[$0]! })
    }

    @Test func aWholeWriteIsTheDocumentWithRoomAndSlack() throws {
        let items: [Int64: RenderedFeed.ItemBytes] = [3: Self.item(3), 2: Self.item(2), 1: Self.item(1)]
        var file = File()
        file.publish(Self.parts([3, 2, 1], items))
        let layout = try #require(file.layout)
        #expect(Self.stripped(file.bytes) == Self.compact(Self.parts([3, 2, 1], items)))
        #expect(file.bytes.count == layout.size && layout.size == layout.end)
        let content = Self.head.count + [3, 2, 1].reduce(0) { $0 + items[$1]!.count } + FeedFileLayout.tail.count
        #expect(layout.room == FeedFileLayout.room(forDocumentOf: content))
        #expect(try JSONSerialization.jsonObject(with: Data(file.bytes)) is [String: Any])
        // An empty feed too.
        var empty = File()
        empty.publish(Self.parts([], [:]))
        #expect(Self.stripped(empty.bytes) == Array("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[]}".utf8))
    }

    /// New items in front, patched items, the oldest off the end, and from an empty feed: the bytes written are
    /// those of the changes, and the file reads as the document.
    @Test func changesAreWrittenInPlace() throws {
        var items: [Int64: RenderedFeed.ItemBytes] = [2: Self.item(2), 1: Self.item(1)]
        var file = File()
        file.publish(Self.parts([2, 1], items))
        let size = file.bytes.count
        items[3] = Self.item(3)
        items[1] = Self.item(1, sources: 2)
        let next = Self.parts([3, 2, 1], items)
        let (changes, _) = try #require(file.layout!.changes(to: next))
        #expect(changes.count == 2, "the new item with the comma after it, and the patched item")
        #expect(changes.reduce(0) { $0 + $1.bytes.count } < size / 4)
        file.publish(next)
        #expect(file.wholeWrites == 1 && file.bytes.count == size)
        #expect(Self.stripped(file.bytes) == Self.compact(next))
        // The two oldest fall off, one new item comes.
        items[4] = Self.item(4)
        file.publish(Self.parts([4, 3], items))
        #expect(file.wholeWrites == 1 && Self.stripped(file.bytes) == Self.compact(Self.parts([4, 3], items)))
        // Every item falls off.
        file.publish(Self.parts([], items))
        #expect(file.wholeWrites == 1 && Self.stripped(file.bytes) == Self.compact(Self.parts([], items)))
        // And new ones come to the empty document.
        items[5] = Self.item(5)
        items[6] = Self.item(6)
        file.publish(Self.parts([6, 5], items))
        #expect(file.wholeWrites == 1 && Self.stripped(file.bytes) == Self.compact(Self.parts([6, 5], items)))
        #expect(try JSONSerialization.jsonObject(with: Data(file.bytes)) is [String: Any])
    }

    @Test func whatDoesNotFitIsWrittenWhole() throws {
        var items: [Int64: RenderedFeed.ItemBytes] = [2: Self.item(2), 1: Self.item(1)]
        let original = items[1]
        let file = { () -> File in
            var file = File()
            file.publish(Self.parts([2, 1], items))
            return file
        }()
        let layout = try #require(file.layout)
        // An item grown past its slack.
        items[1] = Self.item(1, sources: 40)
        #expect(layout.changes(to: Self.parts([2, 1], items)) == nil)
        items[1] = original
        // The room used up.
        let many = (3...400).map { Int64($0) }
        for id in many { items[id] = Self.item(id) }
        #expect(layout.changes(to: Self.parts(many.reversed() + [2, 1], items)) == nil)
        // Another order, an item gone from the middle, other feed fields.
        #expect(layout.changes(to: Self.parts([1, 2], items)) == nil)
        items[9] = Self.item(9)
        #expect(layout.changes(to: Self.parts([9, 1], items)) == nil)
        #expect(layout.changes(to: Self.parts([2, 1], items, head: Array("{\"title\":\"u\",\"items\":[".utf8))) == nil)
        // The same document: nothing to write.
        #expect(layout.changes(to: Self.parts([2, 1], items))?.changes.isEmpty == true)
    }

    /// As the daemon does: two files take turns under the feed's name, so each is written from the document two
    /// publications back, through random new items, corroborations and items falling off, with at most 60 items.
    @Test(arguments: [1, 2, 3, 4])
    func twoFilesTakingTurnsAlwaysHoldTheDocument(seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        var items: [Int64: RenderedFeed.ItemBytes] = [:]
        var sources: [Int64: Int] = [:]
        var order: [Int64] = []
        var next: Int64 = 1
        var files = [File(), File()]
        for round in 0..<400 {
            for _ in 0..<random.below(4) {
                order.insert(next, at: 0)
                items[next] = Self.item(next)
                sources[next] = 1
                next += 1
            }
            for _ in 0..<random.below(3) where !order.isEmpty {
                let id = order[random.below(order.count)]
                sources[id, default: 1] += 1
                items[id] = Self.item(id, sources: sources[id]!)
            }
            if order.count > 60 { order.removeLast(order.count - 60) }
            let document = Self.parts(order, items)
            files[round % 2].publish(document)
            let file = files[round % 2]
            #expect(Self.stripped(file.bytes) == Self.compact(document), "round \(round)")
            #expect(file.bytes.count == file.layout!.size)
            #expect(file.bytes[file.layout!.end...].allSatisfy { $0 == UInt8(ascii: " ") })
        }
        #expect(files[0].wholeWrites + files[1].wholeWrites < 80, "most publications are changes")
        #expect(try JSONSerialization.jsonObject(with: Data(files[1].bytes)) is [String: Any])
    }
}

/// A small deterministic generator (SplitMix64), so a failing seed fails again.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func below(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
