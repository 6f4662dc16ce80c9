import Foundation
import SystemPackage
import Testing

/// poppler-glib and GMime (and the GLib under them) are mapped only once a PDF or an e-mail is read, libxml2
/// (and the ICU under it) once a web page or a feed is, libsystemd (and libgcrypt under it) once the daemon
/// talks to systemd, so `extract` on text maps none of them: the dynamic linker's own log (`LD_DEBUG=files`) lists every library the process loads.
@Suite struct LazyFormatLibrariesTests {
    /// The libraries `tariffwatch extract FILE` loaded, by file name, from the linker's log on standard error.
    static func librariesLoaded(reading file: FilePath) throws -> Set<String> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(TariffwatchBinary.path, "the tariffwatch binary is not built"))
        process.arguments = ["extract", file.string]
        process.environment = ProcessInfo.processInfo.environment.merging(["LD_DEBUG": "files"]) { $1 }
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(log.suffix(2000))")
        // Lines such as `     12345:	file=libpoppler-glib.so.8 [0];  dynamically loaded by …`.
        return Set(log.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "file=") else { return nil }
            return String(line[range.upperBound...].prefix { $0 != " " })
        })
    }

    static let loadedWhenNeeded = [
        "libpoppler-glib.so.8", "libgmime-3.0.so.0", "libglib-2.0.so.0", "libgobject-2.0.so.0", "libxml2.so.2", "libicuuc.so.72",
        "libsystemd.so.0", "libgcrypt.so.20",
    ]

    @Test func plainTextMapsNoLibraryLoadedWhenNeeded() throws {
        let loaded = try Self.librariesLoaded(reading: FormatFixtures.clean.appending("canada-autos.txt"))
        #expect(!loaded.isEmpty, "LD_DEBUG gave no log")
        for library in Self.loadedWhenNeeded { #expect(!loaded.contains(library), "\(library) was loaded for a text file") }
    }

    @Test func aWebPageLoadsLibXML2() throws {
        let loaded = try Self.librariesLoaded(reading: FormatFixtures.folder.appending("eu-steel.html"))
        #expect(loaded.contains("libxml2.so.2"))
        #expect(!loaded.contains("libgmime-3.0.so.0") && !loaded.contains("libpoppler-glib.so.8"))
    }

    @Test func anEmailLoadsGMime() throws {
        let loaded = try Self.librariesLoaded(reading: FormatFixtures.folder.appending("canada-autos.eml"))
        #expect(loaded.contains("libgmime-3.0.so.0"))
        #expect(!loaded.contains("libpoppler-glib.so.8"))
    }

    @Test(.enabled(if: FormatFixtures.ps2pdf != nil, "needs ps2pdf (ghostscript)"))
    func aPDFLoadsPoppler() async throws {
        let folder = FilePath(FileManager.default.temporaryDirectory.appendingPathComponent("lazy-pdf-\(UUID())").path)
        try FileManager.default.createDirectory(atPath: folder.string, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder.string) }
        let notice = try #require(try FileManager.default.contentsOfDirectory(atPath: FormatFixtures.folder.string).first { $0.hasSuffix(".ps") })
        let pdf = try await FormatFixtures.stage(notice, into: folder)
        let loaded = try Self.librariesLoaded(reading: pdf)
        #expect(loaded.contains("libpoppler-glib.so.8"))
        #expect(!loaded.contains("libgmime-3.0.so.0"))
    }
}
