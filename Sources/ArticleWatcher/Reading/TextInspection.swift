/// Decides whether bytes are UTF-8 text, without Foundation, so the reader can name the exact problem.
enum TextInspection {
    enum Verdict: Equatable {
        /// Valid UTF-8; `bodyStart` is 3 when a byte order mark must be skipped, else 0.
        case text(bodyStart: Int)
        case binary
        case otherEncoding(String)
        case invalidUTF8(byteOffset: Int)
    }

    /// More than this share (1 in N) of control characters other than tab, newline, CR and form feed means binary.
    static let controlCharacterRatioLimit = 10

    static func inspect(_ bytes: UnsafeRawBufferPointer) -> Verdict {
        if bytes.starts(with: [0xFF, 0xFE] as [UInt8]) || bytes.starts(with: [0xFE, 0xFF] as [UInt8]) {
            return .otherEncoding("UTF-16")
        }
        var controls = 0
        for byte in bytes {
            if byte == 0 { return .binary }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C || byte == 0x7F {
                controls += 1
            }
        }
        if controls > 0 && controls * controlCharacterRatioLimit >= bytes.count { return .binary }
        let bodyStart = bytes.starts(with: [0xEF, 0xBB, 0xBF] as [UInt8]) ? 3 : 0
        if let offset = firstInvalidUTF8Offset(bytes, from: bodyStart) { return .invalidUTF8(byteOffset: offset) }
        return .text(bodyStart: bodyStart)
    }

    /// The offset of the first byte that starts an ill-formed sequence (Unicode 15, table 3-7), or nil if none:
    /// rejects stray continuation bytes, overlong forms, surrogates, values above U+10FFFF and truncation.
    static func firstInvalidUTF8Offset(_ bytes: UnsafeRawBufferPointer, from start: Int = 0) -> Int? {
        var index = start
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
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
            default: return index
            }
            guard index + length <= count, secondRange.contains(bytes[index + 1]) else { return index }
            for continuation in (index + 2)..<(index + length) where !(0x80...0xBF).contains(bytes[continuation]) {
                return index
            }
            index += length
        }
        return nil
    }
}
