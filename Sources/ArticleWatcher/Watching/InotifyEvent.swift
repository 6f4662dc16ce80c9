import Glibc
import SystemPackage

/// One decoded `struct inotify_event`: which watch, what happened, and the entry name when it concerns one.
struct InotifyEvent: Equatable {
    var watch: CInt
    var mask: UInt32
    /// The entry inside the watched folder, byte-exact; empty for events about the watched folder itself.
    var nameBytes: [UInt8]
    /// The entry name as text, for matching ignore patterns (undecodable bytes become U+FFFD).
    var name: String { String(decoding: nameBytes, as: UTF8.self) }

    func has(_ flag: Int32) -> Bool { mask & UInt32(bitPattern: flag) != 0 }
    func has(_ flag: UInt32) -> Bool { mask & flag != 0 }
    var isDirectory: Bool { has(IN_ISDIR) }

    /// Decodes every complete `struct inotify_event` in `bytes` (what one `read` on the inotify fd returned).
    static func decode(_ bytes: UnsafeRawBufferPointer) -> [InotifyEvent] {
        let headerSize = 16  // int wd; uint32_t mask; uint32_t cookie; uint32_t len;
        var events: [InotifyEvent] = []
        var offset = 0
        while offset + headerSize <= bytes.count {
            let watch = bytes.loadUnaligned(fromByteOffset: offset, as: CInt.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let nameLength = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameStart = offset + headerSize
            guard nameStart + nameLength <= bytes.count else { break }
            // The name is NUL-padded to an alignment boundary; it ends at the first NUL.
            let nameBytes = bytes[nameStart..<(nameStart + nameLength)].prefix { $0 != 0 }
            events.append(InotifyEvent(watch: watch, mask: mask, nameBytes: Array(nameBytes)))
            offset = nameStart + nameLength
        }
        return events
    }
}

extension FilePath {
    /// `parent/name` built in one step from the name's raw bytes, given the parent's text (computed once per
    /// folder): much cheaper than `appending(Component)` on hot paths, and byte-exact for non-UTF-8 names.
    static func child(of parent: FilePath, parentText: String, nameBytes: [UInt8]) -> (path: FilePath, text: String) {
        let separator = parentText.hasSuffix("/") ? "" : "/"
        if let name = String(validating: nameBytes, as: UTF8.self) {
            let text = parentText + separator + name
            return (FilePath(text), text)
        }
        let path = child(ofPrefix: childPrefix(of: parent), nameBytes: nameBytes)
        return (path, parentText + separator + String(decoding: nameBytes, as: UTF8.self))
    }

    /// The parent's bytes and a `/` (none added after one), to put a child's name after: `child(ofPrefix:nameBytes:)`.
    static func childPrefix(of parent: FilePath) -> [CChar] {
        parent.withPlatformString { text in
            var chars = Array(UnsafeBufferPointer(start: text, count: strlen(text)))
            if chars.last != 0x2F { chars.append(0x2F) }
            return chars
        }
    }

    /// `prefix` (`childPrefix(of:)`) and the name's raw bytes as one path, made from bytes: no `String` is validated,
    /// appended or parsed (a folder listing makes one per file). Joined in scratch memory, which `FilePath` copies: an
    /// array of the joined bytes was allocated, grown and freed for every file, and searched for its NUL first.
    static func child(ofPrefix prefix: [CChar], nameBytes: [UInt8]) -> FilePath {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: prefix.count + nameBytes.count + 1) { chars in
            let base = chars.baseAddress!
            // an empty array may have no storage to point at
            prefix.withUnsafeBufferPointer { if let start = $0.baseAddress { base.update(from: start, count: $0.count) } }
            nameBytes.withUnsafeBytes { name in
                if let start = name.baseAddress { UnsafeMutableRawPointer(base + prefix.count).copyMemory(from: start, byteCount: name.count) }
            }
            base[prefix.count + nameBytes.count] = 0
            return FilePath(platformString: base)
        }
    }
}
