/// Decides how bytes are text, without Foundation, so the reader can name the exact problem:
/// UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark, or — when the bytes
/// are not UTF-8 and show no sign of it — Windows-1252, the superset of Latin-1 that old Windows
/// editors and many news archives still write.
enum TextInspection {
    enum Verdict: Equatable {
        /// Valid UTF-8; `bodyStart` is 3 when a byte order mark must be skipped, else 0.
        case text(bodyStart: Int)
        case utf16(bigEndian: Bool)
        case windows1252
        case binary
        case otherEncoding(String)
        case invalidUTF8(byteOffset: Int)
    }

    /// More than this share (1 in N) of control characters other than tab, newline, CR and form feed means binary.
    static let controlCharacterRatioLimit = 10

    static func inspect(_ bytes: UnsafeRawBufferPointer) -> Verdict {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00] as [UInt8]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF] as [UInt8]) {
            return .otherEncoding("UTF-32")
        }
        if bytes.starts(with: [0xFF, 0xFE] as [UInt8]) { return .utf16(bigEndian: false) }
        if bytes.starts(with: [0xFE, 0xFF] as [UInt8]) { return .utf16(bigEndian: true) }
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF] as [UInt8])
        let bodyStart = hasBOM ? 3 : 0
        // One pass counts the controls and finds the first ill-formed UTF-8 sequence (Unicode 15, table 3-7:
        // stray continuation bytes, overlong forms, surrogates, values above U+10FFFF, truncation), walking
        // the sequences from `bodyStart`; a multi-byte sequence holds no NUL and no control.
        var controls = 0
        var firstInvalid: Int?
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time while all are ASCII and none is below 0x20 or 0x7F.
            if index + 8 <= bytes.count {
                let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & highBits == 0, !mayHoldControl(word) {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte == 0 { return .binary }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C || byte == 0x7F {
                controls += 1
            }
            if byte >= 0x80, index >= bodyStart, firstInvalid == nil {
                if let length = validSequenceLength(bytes, at: index) {
                    index += length
                    continue
                }
                firstInvalid = index
            }
            index += 1
        }
        if controls > 0 && controls * controlCharacterRatioLimit >= bytes.count { return .binary }
        guard let offset = firstInvalid else { return .text(bodyStart: bodyStart) }
        // A byte order mark or a well-formed multi-byte sequence says the writer meant UTF-8: the file
        // is damaged, and guessing another encoding would turn its good characters into mojibake.
        if hasBOM || containsUTF8MultiByteSequence(bytes) || containsUndefinedWindows1252Byte(bytes) {
            return .invalidUTF8(byteOffset: offset)
        }
        return .windows1252
    }

    private static let lowBits: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `word` is below 0x20 or is 0x7F (exact as a yes or no: the "has less than"
    /// and "has zero" word tricks, which may misplace the byte but never miss or invent one).
    @inline(__always)
    static func mayHoldControl(_ word: UInt64) -> Bool {
        let below0x20 = (word &- lowBits &* 0x20) & ~word & highBits
        let delete = word ^ (lowBits &* 0x7F)
        let is0x7F = (delete &- lowBits) & ~delete & highBits
        return below0x20 | is0x7F != 0
    }

    /// True when some non-ASCII character is a valid UTF-8 sequence of two or more bytes.
    static func containsUTF8MultiByteSequence(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        while index < bytes.count {
            if bytes[index] >= 0x80, let length = validSequenceLength(bytes, at: index) {
                if length > 1 { return true }
            }
            index += 1
        }
        return false
    }

    /// 0x81, 0x8D, 0x8F, 0x90 and 0x9D have no character in Windows-1252.
    static func containsUndefinedWindows1252Byte(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.contains { $0 == 0x81 || $0 == 0x8D || $0 == 0x8F || $0 == 0x90 || $0 == 0x9D }
    }

    /// The length of the well-formed UTF-8 sequence starting at `index`, or nil when it is ill-formed.
    static func validSequenceLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int? {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return nil
        }
        guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return nil }
        for continuation in (index + 2)..<(index + length) where !(0x80...0xBF).contains(bytes[continuation]) {
            return nil
        }
        return length
    }
}
