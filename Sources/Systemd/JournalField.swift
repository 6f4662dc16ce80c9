/// One `NAME=value` pair of a journal entry, as `sd_journal_sendv` takes it.
public struct JournalField: Sendable, Hashable {
    /// The field name; journald accepts only `A-Z`, `0-9` and `_`, not starting with `_` or a digit.
    public var name: String
    /// The field value; may hold newlines and any UTF-8, journald stores it byte for byte.
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

extension JournalField {
    /// The longest field name journald accepts (`JOURNAL_FIELD_NAME_MAX` in systemd's sources).
    public static let maximumNameLength = 64

    /// Why `name` would be rejected or silently dropped by journald, or `nil` when it is a valid user field name.
    public static func problem(withName name: String) -> String? {
        let bytes = Array(name.utf8)
        guard let first = bytes.first else { return "the name is empty" }
        if bytes.count > maximumNameLength {
            return "the name is \(bytes.count) bytes long, journald allows at most \(maximumNameLength)"
        }
        if first == UInt8(ascii: "_") {
            return "names starting with '_' are reserved for fields journald adds itself"
        }
        if first.isASCIIDigit { return "the name starts with a digit" }
        if let bad = bytes.first(where: { !($0.isASCIIUppercase || $0.isASCIIDigit || $0 == UInt8(ascii: "_")) }) {
            return "the name contains \(bad < 0x80 ? "'\(Character(Unicode.Scalar(bad)))'" : "a non-ASCII byte"); only A-Z, 0-9 and '_' are allowed"
        }
        return nil
    }

    /// Turns any label (a swift-log metadata key, say) into a valid field name, so logging never fails on a key.
    ///
    /// Lowercase letters become uppercase, anything else outside `A-Z0-9_` becomes `_`, leading
    /// underscores are dropped, a leading digit gets an `F` in front, and the result is cut to 64 bytes.
    /// Returns `nil` only when nothing usable is left (for example `"___"`).
    public static func sanitizedName(_ label: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(label.utf8.count)
        for byte in label.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): bytes.append(byte - 32)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                bytes.append(byte)
            default:
                // A multi-byte scalar would otherwise become several underscores; one is enough.
                if byte & 0xC0 != 0x80 { bytes.append(UInt8(ascii: "_")) }
            }
        }
        let start = bytes.firstIndex(where: { $0 != UInt8(ascii: "_") }) ?? bytes.endIndex
        var trimmed = Array(bytes[start...])
        guard let first = trimmed.first else { return nil }
        if first.isASCIIDigit { trimmed.insert(UInt8(ascii: "F"), at: 0) }
        return String(decoding: trimmed.prefix(maximumNameLength), as: UTF8.self)
    }
}

extension UInt8 {
    fileprivate var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    fileprivate var isASCIIUppercase: Bool { self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") }
}
