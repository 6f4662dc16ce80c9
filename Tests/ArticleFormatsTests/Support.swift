import Foundation
import TariffExtraction
import Testing

@testable import ArticleFormats

/// The fixture folder shared with the daemon's tests.
let formatFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/formats")

/// The day fixtures count as modified on.
let fixtureDay = CalendarDate(year: 2025, month: 10, day: 30)!

func fixtureBytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: formatFixtures.appendingPathComponent(name)))
}

func decode(_ text: String, name: String = "x", limit: Int = 10 << 20) throws(FormatError) -> DecodedFile {
    try ArticleDecoder(maxTextSize: limit).decode(Array(text.utf8), fileName: name, modificationDay: fixtureDay)
}

/// ghostscript, for PDFs made at test time; nil (and the test says it skipped) when not installed.
enum Ghostscript {
    static var path: String? {
        ["/usr/bin/gs", "/usr/local/bin/gs"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The PDF ghostscript makes of `postScript`, with extra `arguments` (passwords). Ghostscript runs
    /// on a thread of its own: waiting for it on a cooperative thread would starve concurrent tests.
    static func pdf(_ postScript: String, arguments: [String] = []) async throws -> [UInt8]? {
        guard let gs = path else {
            print("skipped: ghostscript is not installed (make deps installs it)")
            return nil
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("articleformats-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.ps")
        let output = folder.appendingPathComponent("out.pdf")
        try postScript.write(to: input, atomically: false, encoding: .utf8)
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            Thread {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: gs)
                process.arguments = ["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-sOutputFile=\(output.path)"]
                    + arguments + [input.path]
                do {
                    try process.run()
                    process.waitUntilExit()
                    continuation.resume(returning: process.terminationStatus)
                } catch {
                    continuation.resume(throwing: error)
                }
            }.start()
        }
        try #require(status == 0, "ghostscript failed")
        return Array(try Data(contentsOf: output))
    }

    /// PostScript for `pages` pages of `lines` lines of text each.
    static func postScript(pages: Int, lines: [String]) -> String {
        var ps = "%!PS\n/Helvetica findfont 10 scalefont setfont\n"
        for _ in 0..<pages {
            for (index, line) in lines.enumerated() { ps += "72 \(740 - index * 12) moveto (\(line)) show\n" }
            ps += "showpage\n"
        }
        return ps
    }
}
