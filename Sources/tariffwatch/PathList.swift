import SystemPackage

/// The paths of `extract --files-from LIST`, like `tar -T` and `rsync --files-from`: one a line, empty
/// lines ignored, `-` for standard input. Thousands of files pass here, or as a folder, in linear time;
/// as operands too when the command line is plain (`Extract.plainInvocation`), else the argument parser
/// takes time growing with the square of their number.
enum PathList {
    /// - Throws: the `Errno` of opening or reading `source` (swift-system declares it untyped).
    static func read(_ source: String) throws -> [String] {
        if source == "-" { return paths(in: try readAll(.standardInput)) }
        let descriptor = try FileDescriptor.open(FilePath(source), .readOnly, options: .closeOnExec)
        defer { try? descriptor.close() }
        return paths(in: try readAll(descriptor))
    }

    static func paths(in bytes: [UInt8]) -> [String] {
        bytes.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func readAll(_ descriptor: FileDescriptor) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = try chunk.withUnsafeMutableBytes { buffer in try descriptor.read(into: buffer) }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }
}
