import Foundation
import SystemPackage
import Testing

/// The document-format fixtures (`Tests/Fixtures/formats`), staged with a fixed modification day; the
/// PostScript notice becomes a two-page PDF through ghostscript's `ps2pdf` (`make deps` installs it).
enum FormatFixtures {
    static let folder = Workspace.fixtures.removingLastComponent().appending("formats")
    static let clean = folder.appending("clean")

    /// The day the staged copies are modified: after every fixture's publication date.
    static let modificationDay = "2025-10-30"

    static var ps2pdf: String? {
        ["/usr/bin/ps2pdf", "/usr/local/bin/ps2pdf"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Copies `name` into `directory` (a `.ps` as the `.pdf` ps2pdf makes of it), modified on `day` at noon UTC.
    /// - Returns: the staged file's path.
    static func stage(_ name: String, into directory: FilePath, dated day: String = modificationDay) async throws -> FilePath {
        let source = folder.appending(name)
        var target = directory.appending(name)
        if name.hasSuffix(".ps") {
            let converter = try #require(ps2pdf, "ps2pdf is missing (apt-get install ghostscript)")
            target = directory.appending(String(name.dropLast(3)) + ".pdf")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: converter)
            process.arguments = [source.string, target.string]
            try await process.runToCompletion()
            try #require(process.terminationStatus == 0, "ps2pdf failed on \(name)")
        } else {
            try FileManager.default.copyItem(atPath: source.string, toPath: target.string)
        }
        let noon = try #require(ISO8601DateFormatter().date(from: "\(day)T12:00:00Z"))
        try FileManager.default.setAttributes([.modificationDate: noon], ofItemAtPath: target.string)
        return target
    }
}

