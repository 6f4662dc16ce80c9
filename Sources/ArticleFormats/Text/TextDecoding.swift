import TariffExtraction

/// Bytes of a plain-text file to a Swift string, naming the encoding it was in.
enum TextDecoding {
    enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf16LE = "UTF-16LE"
        case utf16BE = "UTF-16BE"
        case windows1252 = "Windows-1252"
    }

    /// - Throws: `FormatError` for binary content, damaged UTF-8 or UTF-32.
    static func decode(_ bytes: [UInt8]) throws(FormatError) -> (text: String, encoding: Encoding) {
        let verdict: TextInspection.Verdict
        var asciiPrefix = 0
        if let screened = bytes.withUnsafeBytes({ TextInspection.screen($0, asciiPrefix: &asciiPrefix) }) {
            verdict = screened
        } else {
            // `validUTF8` is the UTF-8 check of the common file: inspecting the sequences first walked every byte
            // twice. Only bytes that fail it are walked again, to name the offset or the encoding. It starts after the
            // bytes the screen's census found ASCII.
            let bodyStart = bytes.withUnsafeBytes(TextInspection.utf8BodyStart)
            if let text = validUTF8(bytes, from: bodyStart, asciiPrefix: asciiPrefix) { return (text, .utf8) }
            verdict = bytes.withUnsafeBytes(TextInspection.inspectUTF8)
        }
        switch verdict {
        case .text(let bodyStart):
            return (String(decoding: bytes[bodyStart...], as: UTF8.self), .utf8)
        case .utf16(let bigEndian):
            let text = utf16(bytes.dropFirst(2), bigEndian: bigEndian)
            // NUL bytes are normal in UTF-16, so the binary test runs on the decoded text.
            let controls = text.unicodeScalars.lazy.filter { $0.value < 0x20 && !"\t\n\r\u{0C}".unicodeScalars.contains($0) }.count
            if text.unicodeScalars.contains("\u{0}") || controls * TextInspection.controlCharacterRatioLimit >= max(1, text.unicodeScalars.count) && controls > 0 {
                throw .binary
            }
            return (text, bigEndian ? .utf16BE : .utf16LE)
        case .windows1252:
            return (windows1252(bytes), .windows1252)
        case .binary: throw .binary
        case .otherEncoding(let name): throw .unsupportedEncoding(name)
        case .invalidUTF8(let offset): throw .invalidUTF8(byteOffset: offset)
        }
    }

    /// `String(validating: bytes[start...], as: UTF8.self)`, validating only the runs of non-ASCII bytes, a sequence
    /// at a time, with the inspection's own test (`TextInspection.validSequenceLength`). UTF-8 is valid exactly when
    /// each of those runs is valid on its own: every byte of a multi-byte sequence is 0x80 or above, so no sequence
    /// spans an ASCII byte. News text is ASCII but for a quotation mark or a dash here and there, and the standard
    /// library's validation, once a buffer holds one non-ASCII byte, walked every byte at about nine instructions
    /// (`String(validating:)` was a third of reading a file in `extract`), and asked about a run alone, about 150
    /// instructions a run; here ASCII goes sixteen bytes a step and the string is copied unchecked.
    /// `asciiPrefix`: the bytes before it (from the start of `bytes`, not of the body) are known to be ASCII, and are
    /// not looked at again.
    static func validUTF8(_ bytes: [UInt8], from start: Int, asciiPrefix: Int = 0) -> String? {
        bytes.withUnsafeBufferPointer { buffer -> String? in
            let body = UnsafeBufferPointer(rebasing: buffer[start...])
            guard let base = body.baseAddress else { return "" }
            let count = body.count
            var index = min(max(asciiPrefix &- start, 0), count)
            var isASCII = true
            while index < count {
                // Sixteen bytes a step; at a step holding a non-ASCII byte, straight to the first of them.
                if index &+ 16 <= count {
                    let low = ByteLanes.load(base, index) & ByteLanes.highs
                    let high = ByteLanes.load(base, index &+ 8) & ByteLanes.highs
                    if low | high == 0 {
                        index &+= 16
                        continue
                    }
                    index &+= low != 0 ? low.trailingZeroBitCount >> 3 : 8 &+ high.trailingZeroBitCount >> 3
                } else if base[index] < 0x80 {
                    index &+= 1
                    continue
                }
                // the run of non-ASCII bytes from here, a sequence at a time, up to the next ASCII byte (which no
                // sequence takes as a continuation)
                repeat {
                    guard let length = TextInspection.validSequenceLength(UnsafeRawBufferPointer(body), at: index) else { return nil }
                    index &+= length
                } while index < count && base[index] >= 0x80
                isASCII = false
            }
            let valid = unsafe UTF8Span(unchecked: Span(_unsafeElements: body), isKnownASCII: isASCII)
            return String(copying: valid)
        }
    }

    /// UTF-16 code units to a string; an unpaired surrogate becomes U+FFFD.
    static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Windows-1252: Latin-1 with printable characters (quotes, dashes, €) where Latin-1 has C1 controls.
    static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if (0x80...0x9F).contains(byte), let mapped = Unicode.Scalar(windows1252High[Int(byte - 0x80)]), mapped != "\u{0}" {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// 0x80…0x9F in Windows-1252 (0 where the code page leaves the byte undefined).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
