extension String {
    /// A copy of `bytes`, which the caller knows are valid UTF-8 (a String's bytes, cut and joined at scalar
    /// boundaries), not validated again: `String(decoding:as:)` and `String(unsafeUninitializedCapacity:)` check
    /// every byte, at several instructions each.
    init(validUTF8 bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) {
        self = String(copying: unsafe UTF8Span(unchecked: Span(_unsafeElements: bytes), isKnownASCII: isASCII))
    }
}
