public import TariffExtraction
import Foundation

/// JSON written by hand, byte for byte as `JSONEncoder` writes it with `.sortedKeys` and
/// `.withoutEscapingSlashes` (the store's canonical form, `JSONText`, and the feed's items).
///
/// The merge writes a fact value for every observation and the feed renders every new alert once; with
/// `JSONEncoder` that was a fifth of a burst's CPU. The writer knows nothing of keys: its callers write
/// them in sorted (UTF-8 byte) order, as `JSONEncoder` sorts them, and `CanonicalJSONTests` compares
/// every caller's output with `JSONEncoder`'s for every kind of value.
///
/// Public only so that `raw`, inlined into the writers of other modules, copies each key as constant moves (a
/// `package` function is not inlined across modules); the rest of the writer is the package's.
public struct CanonicalJSON: ~Copyable {
    /// What has been written: `base[..<end]`; the rest, up to `capacity`, is room, so a write checks one
    /// bound and copies. The writer owns its memory alone (it cannot be copied): an array's storage cost a
    /// uniqueness test per write (`Array.withUnsafeMutableBufferPointer`, about 50 instructions a key), and
    /// `Array.append(contentsOf:)` before it some 90 to 100, where `extract --json` writes twenty keys a fact.
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var end = 0

    /// How many bytes are written.
    package var count: Int { end }

    package init(capacity: Int = 256) {
        // room, not text: never read before it is written, so not zeroed first
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The text written so far.
    package var bytes: [UInt8] { bytes(0..<end) }

    /// The text written, for a writer that is done.
    package consuming func finished() -> [UInt8] { bytes }

    /// Bytes `range` of the text written so far.
    package func bytes(_ range: Range<Int>) -> [UInt8] {
        precondition(range.lowerBound >= 0 && range.upperBound <= end, "CanonicalJSON: bytes \(range) of \(count) written")
        return Array(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    /// Punctuation and keys, written as they are. Inlined: a literal's length is then a constant, and its copy two
    /// moves, where a call cost some thirty instructions a key.
    @inlinable @inline(__always)
    public mutating func raw(_ text: StaticString) {
        // a one-character literal (`"{"`) may be held as its scalar, with no bytes to point at
        guard text.hasPointerRepresentation else { return text.withUTF8Buffer { write($0) } }
        write(text.utf8Start, text.utf8CodeUnitCount)
    }

    /// Bytes that are already JSON (an encoded array, a piece of an item).
    package mutating func raw(_ json: [UInt8]) {
        json.withUnsafeBufferPointer { write($0) }
    }

    /// One byte: a quote, a comma, a bracket.
    @inline(__always)
    private mutating func write(_ byte: UInt8) {
        if end == capacity { grow(1) }
        base[end] = byte
        end &+= 1
    }

    @inlinable @inline(__always)
    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        write(start, bytes.count)
    }

    @inlinable @inline(__always)
    mutating func write(_ start: UnsafePointer<UInt8>, _ byteCount: Int) {
        if capacity &- end < byteCount { grow(byteCount) }
        Self.copy(start, byteCount, to: base + end)
        end &+= byteCount
    }

    /// Keys and most values are 4 to 16 bytes: two overlapping moves of 8 bytes (or 4), not a `memcpy` call.
    @inlinable @inline(__always)
    static func copy(_ source: UnsafePointer<UInt8>, _ byteCount: Int, to target: UnsafeMutablePointer<UInt8>) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
        if byteCount >= 8 && byteCount <= 16 {
            let head = from.loadUnaligned(as: UInt64.self), tail = from.loadUnaligned(fromByteOffset: byteCount &- 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: byteCount &- 8, as: UInt64.self)
        } else if byteCount >= 4 && byteCount < 8 {
            // `,"end":`, `"null"`, a short name: seven-byte keys went to `memcpy`
            let head = from.loadUnaligned(as: UInt32.self), tail = from.loadUnaligned(fromByteOffset: byteCount &- 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: byteCount &- 4, as: UInt32.self)
        } else {
            to.copyMemory(from: from, byteCount: byteCount)
        }
    }

    /// Room for `needed` more bytes, at least doubling.
    @usableFromInline @inline(never)
    mutating func grow(_ needed: Int) {
        capacity &+= max(needed, capacity)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.update(from: base, count: end)
        base.deallocate()
        base = larger
    }

    /// `text` as a JSON string, quotes included.
    package mutating func string(_ text: String) {
        write(UInt8(ascii: "\""))
        stringContents(text)
        write(UInt8(ascii: "\""))
    }

    /// A string or `null`.
    package mutating func string(_ text: String?) {
        if let text { string(text) } else { raw("null") }
    }

    /// `string(value?.iso)`: most values' bytes written in place (`TemporalValue.writeISO`), with no `String` made.
    package mutating func string(_ value: TemporalValue?) {
        guard let value else { return raw("null") }
        if capacity &- end < 12 { grow(12) }
        let room = UnsafeMutableBufferPointer(start: base + (end &+ 1), count: 10)
        guard let written = value.writeISO(to: room) else { return string(value.iso) }
        base[end] = UInt8(ascii: "\"")
        base[end &+ 1 &+ written] = UInt8(ascii: "\"")
        end &+= written &+ 2
    }

    /// `string(date.description)`: the day's value, whose `iso` is the date's description.
    package mutating func string(_ date: CalendarDate) {
        string(Optional(TemporalValue.day(date)))
    }

    /// `text` escaped as inside a JSON string, without the quotes: `"` and `\` escaped, control
    /// characters as `\b \f \n \r \t` or `\u00xx`, everything else (`/` and non-ASCII) as it is.
    package mutating func stringContents(_ text: String) {
        // a native string's bytes read where they are: through `withUTF8` on a copy, each string was retained and
        // released (some thirty instructions, and `extract --json` writes twenty-odd strings a document)
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ stringContents(utf8: $0) }) { return done }
        var text = text
        text.withUTF8 { stringContents(utf8: $0) }
    }

    /// `stringContents` of the text's UTF-8.
    private mutating func stringContents(utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = utf8.baseAddress else { return }
        var mark = 0
        var index = 0
        while index < utf8.count {
            // sixteen bytes a step, then eight, while none needs escaping: sentences are written whole, and few have any
            let rest = utf8.count &- index
            if rest >= 16 {
                let escapes = WideLanes.jsonEscapes(base, index)
                if escapes == 0 {
                    index += 16
                    continue
                }
                // straight to the first byte to escape, which the step below writes
                index += escapes.trailingZeroBitCount
            } else if rest >= 8 {
                if !Self.mayNeedEscape(ByteLanes.load(base, index)) {
                    index += 8
                    continue
                }
            } else if !Self.mayNeedEscape(Self.tail(base + index, rest)) {
                // the last bytes, fewer than eight, in one word too: byte by byte they cost a test each, and the
                // keys and enum values written are all short
                break
            }
            let byte = utf8[index]
            index += 1
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            write(UnsafeBufferPointer(rebasing: utf8[mark..<(index - 1)]))
            mark = index
            write(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): write(byte)
            case 0x08: write(UInt8(ascii: "b"))
            case 0x0C: write(UInt8(ascii: "f"))
            case 0x0A: write(UInt8(ascii: "n"))
            case 0x0D: write(UInt8(ascii: "r"))
            case 0x09: write(UInt8(ascii: "t"))
            default:
                raw("u00")
                write(Self.hexDigit(byte >> 4))
                write(Self.hexDigit(byte & 0xF))
            }
        }
        write(UnsafeBufferPointer(rebasing: utf8[mark...]))
    }

    /// The `count` bytes (1 to 7) at `start` in a word's low bytes, spaces above them: a space needs no escape.
    @inline(__always)
    private static func tail(_ start: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var word: UInt64 = 0
        var k = count
        while k > 0 {
            k &-= 1
            word = word &<< 8 | UInt64(start[k])
        }
        return word | 0x2020_2020_2020_2020 &<< UInt64(truncatingIfNeeded: 8 &* count)
    }

    /// An array of strings.
    package mutating func strings(_ texts: [String]) {
        write(UInt8(ascii: "["))
        for (index, text) in texts.enumerated() {
            if index > 0 { write(UInt8(ascii: ",")) }
            string(text)
        }
        write(UInt8(ascii: "]"))
    }

    package mutating func number(_ value: Int) {
        number(Int64(value))
    }

    /// `String(value)`'s digits, written from a buffer on the stack: a String per number cost some 400
    /// instructions, and `extract --json` writes four or five for every fact (offsets, indices).
    package mutating func number(_ value: Int64) {
        if value < 0 { write(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in  // 2^64 has 20 digits
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            write(UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// A number as `JSONEncoder` writes it: Swift's shortest form, without a trailing `.0`.
    /// - Throws: `NonFiniteNumber` for NaN and infinities, which JSON cannot hold (`JSONEncoder` throws too).
    package mutating func number(_ value: Double) throws(NonFiniteNumber) {
        guard value.isFinite else { throw NonFiniteNumber(value: value) }
        // A whole number below 2^53 is described as its digits and ".0" (most rates are): written as an integer,
        // without making the description. Negative zero keeps its sign through the description.
        if let whole = Int64(exactly: value), whole.magnitude < 1 << 53, whole != 0 || value.sign == .plus {
            number(whole)
            return
        }
        if thousandths(value) { return }
        var text = value.description
        // dropped as bytes: `String.removeLast(2)` walked Characters back, a thousand instructions a number
        text.withUTF8 { utf8 in
            let whole = utf8.count >= 2 && utf8[utf8.count - 2] == UInt8(ascii: ".") && utf8[utf8.count - 1] == UInt8(ascii: "0")
            write(UnsafeBufferPointer(rebasing: utf8[..<(whole ? utf8.count - 2 : utf8.count)]))
        }
    }

    /// Writes `value` when it is a number of thousandths (a confidence of 0.4, a rate of 12.5) as its description
    /// writes it, and says whether it did; else writes nothing. Making the description cost some 400 instructions a
    /// number. Exact: when `m / 1000` (correctly rounded) is `value`, the decimal `m / 1000` reads back as `value`,
    /// and no other decimal of as few digits does (below 2^40 two doubles are closer than a thousandth), so it is
    /// the shortest, which the description writes, in plain notation from 0.001 on.
    private mutating func thousandths(_ value: Double) -> Bool {
        let scaled = value * 1000
        guard value.magnitude < 0x1p40, let m = Int64(exactly: scaled), m != 0, Double(m) / 1000 == value else { return false }
        if m < 0 { write(UInt8(ascii: "-")) }
        number(Int64(m.magnitude / 1000))
        var fraction = m.magnitude % 1000
        write(UInt8(ascii: "."))
        var divisor: UInt64 = 100
        while fraction != 0 {
            write(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
        return true
    }

    /// A number or `null`.
    package mutating func number(_ value: Double?) throws(NonFiniteNumber) {
        if let value { try number(value) } else { raw("null") }
    }

    package mutating func bool(_ value: Bool) {
        if value { raw("true") } else { raw("false") }
    }

    /// Whether some byte of `word` is below 0x20, `"` or `\` (exact as a yes or no: the "has less than" and
    /// "has zero" word tricks, which may misplace the byte but never miss or invent one).
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let below0x20 = (word &- ByteLanes.ones &* 0x20) & ~word & ByteLanes.highs
        return below0x20 | ByteLanes.firstEqual(word, 0x22) | ByteLanes.firstEqual(word, 0x5C) != 0
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}

/// A rate or a confidence that is not a number: JSON has no spelling for it.
package struct NonFiniteNumber: Error, CustomStringConvertible {
    package var value: Double
    package var description: String { "cannot write \(value) as a JSON number" }
}

extension FactValue {
    /// `{"deadline":{…}}` or `{"tariff":{…}}`: the text `JSONText.encode` gives, without `JSONEncoder`.
    package func write(to json: inout CanonicalJSON) throws(NonFiniteNumber) {
        switch self {
        case .deadline(let deadline):
            json.raw("{\"deadline\":")
            deadline.write(to: &json)
        case .tariff(let tariff):
            json.raw("{\"tariff\":")
            try tariff.write(to: &json)
        }
        json.raw("}")
    }

    /// The canonical text of the value (what `fact_sources.value` and `facts.value` hold).
    package var canonicalJSON: String {
        get throws(NonFiniteNumber) {
            var json = CanonicalJSON()
            try write(to: &json)
            return String(decoding: json.bytes(0..<json.count), as: UTF8.self)
        }
    }
}

extension DeadlineFact {
    /// Keys in `JSONEncoder`'s sorted order; `end_date` is an explicit null, as `encode(to:)` writes it.
    package func write(to json: inout CanonicalJSON) {
        json.raw("{\"date\":")
        json.string(date)
        json.raw(",\"end_date\":")
        json.string(endDate)
        json.raw(",\"kind\":")
        json.string(kind.rawValue)
        json.raw(",\"subject\":")
        json.string(subject)
        json.raw("}")
    }
}

extension TariffFact {
    /// Keys in `JSONEncoder`'s sorted order, every one written (null included), as `encode(to:)` does.
    package func write(to json: inout CanonicalJSON) throws(NonFiniteNumber) {
        json.raw("{\"additional\":")
        json.bool(additional)
        json.raw(",\"aggregate\":")
        json.bool(aggregate)
        json.raw(",\"direction\":")
        json.string(direction.rawValue)
        json.raw(",\"effective_date\":")
        json.string(effectiveDate)
        json.raw(",\"imposer\":")
        json.string(imposer)
        json.raw(",\"previous_rate_pct\":")
        try json.number(previousRatePct)
        json.raw(",\"products\":")
        json.strings(products)
        json.raw(",\"rate_pct\":")
        try json.number(ratePct)
        json.raw(",\"status\":")
        json.string(status.rawValue)
        json.raw(",\"target\":")
        json.string(target)
        json.raw("}")
    }
}

extension ArticleProvenance {
    /// The synthesized form: keys sorted, absent optionals left out.
    package func write(to json: inout CanonicalJSON) {
        json.raw("{")
        if let item {
            json.raw("\"item\":")
            json.string(item)
            json.raw(",")
        }
        if let published {
            json.raw("\"published\":")
            json.string(published)
            json.raw(",")
        }
        json.raw("\"reference_date_source\":")
        json.string(referenceDateSource)
        if let title {
            json.raw(",\"title\":")
            json.string(title)
        }
        if let url {
            json.raw(",\"url\":")
            json.string(url)
        }
        json.raw("}")
    }
}

extension Alert {
    /// The outbox payload: what `JSONText.encode` writes for the alert (its synthesized form, the date in
    /// milliseconds), without `JSONEncoder`.
    package var payloadJSON: String {
        get throws(NonFiniteNumber) {
            var json = CanonicalJSON(capacity: 1024)
            json.raw("{")
            if let confidence {
                json.raw("\"confidence\":")
                try json.number(confidence)
                json.raw(",")
            }
            json.raw("\"createdAt\":")
            try json.number(1000 * createdAt.timeIntervalSince1970)
            json.raw(",\"current\":")
            try current.write(to: &json)
            if let daysBefore {
                json.raw(",\"daysBefore\":")
                json.number(daysBefore)
            }
            json.raw(",\"evidence\":")
            json.string(evidence)
            json.raw(",\"factID\":")
            json.string(factID)
            json.raw(",\"id\":")
            json.number(id)
            json.raw(",\"kind\":")
            json.string(kind.rawValue)
            if let previous {
                json.raw(",\"previous\":")
                try previous.write(to: &json)
            }
            if let provenance {
                json.raw(",\"provenance\":")
                provenance.write(to: &json)
            }
            json.raw(",\"sourceCount\":")
            json.number(sourceCount)
            json.raw(",\"sourceFile\":")
            json.string(sourceFile)
            json.raw("}")
            return String(decoding: json.bytes(0..<json.count), as: UTF8.self)
        }
    }
}
