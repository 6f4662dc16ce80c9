import ArgumentParser
import Foundation
import SystemPackage
import TariffExtraction
import TariffwatchDaemon

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract deadlines and tariff changes from files, without state or alerts.")

    @Flag(help: "Print one JSON object per file (JSON Lines): each sentence once, in `sentences`; each fact's `sentence` indexes it.")
    var json = false
    @Flag(name: .customLong("no-sentences"), help: "With --json: no sentences at all, each fact's offsets only.")
    var noSentences = false
    @Flag(help: "Print every temporal expression with its TIMEX3 value (JSON Lines).") var timex = false
    @Option(name: .customLong("reference-date"), help: "Resolve relative dates against this day (YYYY-MM-DD).")
    var referenceDate: String?
    @Flag(help: "No work, memory or time budget per file (long sentences are still read in pieces).")
    var unbudgeted = false
    @Argument(help: "Article files.") var files: [String]

    static let flushSize = 64 << 10

    func validate() throws {
        if noSentences && !json { throw ValidationError("--no-sentences goes with --json") }
        if let referenceDate, CalendarDate(iso: referenceDate) == nil {
            throw ValidationError("--reference-date must be a day as YYYY-MM-DD, got '\(referenceDate)'")
        }
        if files.isEmpty { throw ValidationError("give at least one file") }
    }

    func run() throws {
        let extractor = OneShotExtractor(
            referenceDate: referenceDate.flatMap { CalendarDate(iso: $0) }, limits: unbudgeted ? .unbudgeted : .standard)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var failures = 0
        // Buffered: one write per 64 KiB of output, not one per file.
        var output = Data()
        output.reserveCapacity(Self.flushSize + 4096)
        defer { if !output.isEmpty { FileHandle.standardOutput.write(output) } }
        for file in files {
            // Said plainly here: the reader's "disappeared" wording is for files the watcher saw arrive.
            guard FileManager.default.fileExists(atPath: file) else {
                failures += 1
                FileHandle.standardError.write(Data("tariffwatch: \(file): no such file\n".utf8))
                continue
            }
            do {
                var lines: [Data] = []
                let notes: [String]
                if timex {
                    let (reports, readNotes) = try extractor.timexReports(FilePath(file))
                    lines = try reports.map { try encoder.encode($0) }
                    notes = readNotes
                } else {
                    let (reports, readNotes) = try extractor.reports(FilePath(file))
                    lines = try reports.map { report in
                        guard json else { return Data(report.humanReadable.utf8) }
                        return Data(try report.jsonLine(omittingSentences: noSentences))
                    }
                    notes = readNotes
                }
                for note in notes { FileHandle.standardError.write(Data("tariffwatch: \(note)\n".utf8)) }
                for line in lines {
                    output.append(line)
                    output.append(0x0A)
                }
                if output.count >= Self.flushSize {
                    FileHandle.standardOutput.write(output)
                    output.removeAll(keepingCapacity: true)
                }
            } catch {
                failures += 1
                let what = error is ExtractionTooComplex ? "\(file): \(error)" : "\(error)"
                FileHandle.standardError.write(Data("tariffwatch: \(what)\n".utf8))
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
