import ArgumentParser
import Foundation
import SystemPackage
import TariffExtraction
import TariffwatchDaemon

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract deadlines and tariff changes from files, without state or alerts.")

    @Flag(help: "Print one JSON object per file (JSON Lines).") var json = false
    @Flag(help: "Print every temporal expression with its TIMEX3 value (JSON Lines).") var timex = false
    @Option(name: .customLong("reference-date"), help: "Resolve relative dates against this day (YYYY-MM-DD).")
    var referenceDate: String?
    @Argument(help: "Article files.") var files: [String]

    func validate() throws {
        if let referenceDate, CalendarDate(iso: referenceDate) == nil {
            throw ValidationError("--reference-date must be a day as YYYY-MM-DD, got '\(referenceDate)'")
        }
        if files.isEmpty { throw ValidationError("give at least one file") }
    }

    func run() throws {
        let extractor = OneShotExtractor(referenceDate: referenceDate.flatMap { CalendarDate(iso: $0) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var failures = 0
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
                    lines = try reports.map { json ? try encoder.encode($0) : Data($0.humanReadable.utf8) }
                    notes = readNotes
                }
                for note in notes { FileHandle.standardError.write(Data("tariffwatch: \(note)\n".utf8)) }
                for line in lines { FileHandle.standardOutput.write(line + Data("\n".utf8)) }
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("tariffwatch: \(error)\n".utf8))
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
