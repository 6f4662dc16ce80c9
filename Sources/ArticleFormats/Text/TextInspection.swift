import TariffExtraction

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

    /// What the byte order marks and the control characters alone decide (UTF-32, UTF-16, binary), or nil
    /// when the bytes are to be read as UTF-8. `TextDecoding` lets the string's own validation check the
    /// UTF-8 afterwards, so the common file is walked once for controls and once by the standard library.
    static func screen(_ bytes: UnsafeRawBufferPointer) -> Verdict? {
        var asciiPrefix = 0
        return screen(bytes, asciiPrefix: &asciiPrefix)
    }

    /// `screen`, also setting `asciiPrefix` to the census's (`ControlBytes.census`: every byte before it is ASCII),
    /// or leaving it when a byte order mark decides: the UTF-8 check after it starts there.
    static func screen(_ bytes: UnsafeRawBufferPointer, asciiPrefix: inout Int) -> Verdict? {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00] as [UInt8]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF] as [UInt8]) {
            return .otherEncoding("UTF-32")
        }
        if bytes.starts(with: [0xFF, 0xFE] as [UInt8]) { return .utf16(bigEndian: false) }
        if bytes.starts(with: [0xFE, 0xFF] as [UInt8]) { return .utf16(bigEndian: true) }
        let census = ControlBytes.census(bytes)
        asciiPrefix = census.asciiPrefix
        return isBinary(census, count: bytes.count) ? .binary : nil
    }

    /// 3 when the bytes start with UTF-8's byte order mark, which is not part of the text, else 0.
    static func utf8BodyStart(_ bytes: UnsafeRawBufferPointer) -> Int {
        bytes.starts(with: [0xEF, 0xBB, 0xBF] as [UInt8]) ? 3 : 0
    }

    /// A NUL byte, or more than one control character (other than tab, newline, CR and form feed) in
    /// `controlCharacterRatioLimit` bytes. Bytes of multi-byte UTF-8 sequences are never controls, so the
    /// count needs no decoding (`ControlBytes`, which counts them sixty-four bytes a step).
    static func isBinary(_ bytes: UnsafeRawBufferPointer) -> Bool {
        isBinary(ControlBytes.census(bytes), count: bytes.count)
    }

    /// `isBinary` of `count` bytes from their census.
    private static func isBinary(_ census: (hasNUL: Bool, controls: Int, asciiPrefix: Int), count: Int) -> Bool {
        census.hasNUL || census.controls > 0 && census.controls * controlCharacterRatioLimit >= count
    }

    /// The verdict on bytes that `screen` let through: valid UTF-8, damaged UTF-8, or Windows-1252.
    static func inspectUTF8(_ bytes: UnsafeRawBufferPointer) -> Verdict {
        let bodyStart = utf8BodyStart(bytes)
        // The first ill-formed UTF-8 sequence (Unicode 15, table 3-7: stray continuation bytes, overlong forms,
        // surrogates, values above U+10FFFF, truncation), walking the sequences from `bodyStart`.
        var firstInvalid: Int?
        var index = bodyStart
        while index < bytes.count {
            // Eight bytes at a time while all are ASCII.
            if index + 8 <= bytes.count, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & ByteLanes.highs == 0 {
                index += 8
                continue
            }
            guard let length = validSequenceLength(bytes, at: index) else {
                firstInvalid = index
                break
            }
            index += length
        }
        guard let offset = firstInvalid else { return .text(bodyStart: bodyStart) }
        // A byte order mark or a well-formed multi-byte sequence says the writer meant UTF-8: the file
        // is damaged, and guessing another encoding would turn its good characters into mojibake.
        if bodyStart > 0 || containsUTF8MultiByteSequence(bytes) || containsUndefinedWindows1252Byte(bytes) {
            return .invalidUTF8(byteOffset: offset)
        }
        return .windows1252
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
