import ArgumentParser
import ArticleWatcher
import Foundation
import SystemPackage
import TariffExtraction
import TariffwatchDaemon

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract deadlines and tariff changes from files, without state or alerts.",
        discussion: """
            A folder operand stands for every regular file directly in it (or symbolic link to one), in byte \
            order of the names: not recursive, names starting with "." skipped. Output follows the operands' \
            order, then the --files-from list's. For thousands of files pass their folder or --files-from: \
            the argument parser's time grows with the square of the number of operands.
            """)

    @Flag(help: "Print one JSON object per file (JSON Lines): each sentence once, in `sentences`; each fact's `sentence` indexes it.")
    var json = false
    @Flag(name: .customLong("no-sentences"), help: "With --json: no sentences at all, each fact's offsets only.")
    var noSentences = false
    @Flag(help: "Print every temporal expression with its TIMEX3 value (JSON Lines).") var timex = false
    @Option(name: .customLong("reference-date"), help: "Resolve relative dates against this day (YYYY-MM-DD).")
    var referenceDate: String?
    @Flag(help: "No work, memory or time budget per file (long sentences are still read in pieces).")
    var unbudgeted = false
    @Option(
        name: .customLong("files-from"),
        help: ArgumentHelp("Also read the files (or folders) named in <list>, one per line (- reads standard input; empty lines are ignored).",
            valueName: "list"))
    var filesFrom: String?
    @Argument(help: "Article files, or folders: a folder's regular files, in name order, not recursive, hidden ones skipped.")
    var files: [String] = []

    static let flushSize = 64 << 10

    func validate() throws {
        if noSentences && !json { throw ValidationError("--no-sentences goes with --json") }
        if let referenceDate, CalendarDate(iso: referenceDate) == nil {
            throw ValidationError("--reference-date must be a day as YYYY-MM-DD, got '\(referenceDate)'")
        }
        if files.isEmpty && filesFrom == nil { throw ValidationError("give at least one file, folder or --files-from list") }
    }

    func run() throws {
        var operands = files
        if let filesFrom {
            do {
                operands += try PathList.read(filesFrom)
            } catch {
                let list = filesFrom == "-" ? "standard input" : filesFrom
                FileHandle.standardError.write(Data("tariffwatch: --files-from \(list): cannot read the list: \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
        var run = ExtractRun(command: self)
        defer { run.flush() }
        for operand in operands {
            let path = FilePath(operand)
            guard FolderListing.isDirectory(path) else {
                run.extract(operand)
                continue
            }
            do {
                for file in try FolderListing.regularFiles(in: path) { run.extract(file) }
            } catch {
                run.fail("\(operand): cannot list the folder: \(error)")
            }
        }
        if run.failures > 0 { throw ExitCode(1) }
    }
}

/// One `extract` invocation's state: the extractor, the buffered output and the failures so far.
private struct ExtractRun {
    /// The output flags, read once: an ArgumentParser property wrapper's getter costs hundreds of instructions.
    let json: Bool, noSentences: Bool, timex: Bool
    let extractor: OneShotExtractor
    let encoder = JSONEncoder()
    var failures = 0
    /// Buffered: one write per 64 KiB of output, not one per file. Bytes, not `Data`: each line is appended
    /// as `CanonicalJSON` wrote it, without a `Data` of its own.
    var output: [UInt8] = []

    init(command: Extract) {
        (json, noSentences, timex) = (command.json, command.noSentences, command.timex)
        extractor = OneShotExtractor(
            referenceDate: command.referenceDate.flatMap { CalendarDate(iso: $0) },
            limits: command.unbudgeted ? .unbudgeted : .standard)
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        output.reserveCapacity(Extract.flushSize + 4096)
    }

    /// A file operand, as given.
    mutating func extract(_ file: String) {
        // Said plainly here: the reader's "disappeared" wording is for files the watcher saw arrive.
        guard FileManager.default.fileExists(atPath: file) else {
            fail("\(file): \(file.hasSuffix("/") ? "no such folder" : "no such file")")
            return
        }
        extract(FilePath(file))
    }

    mutating func extract(_ file: FilePath) {
        do {
            var lines: [[UInt8]] = []
            let notes: [String]
            if timex {
                let (reports, readNotes) = try extractor.timexReports(file)
                lines = try reports.map { Array(try encoder.encode($0)) }
                notes = readNotes
            } else {
                let (reports, readNotes) = try extractor.reports(file)
                lines = try reports.map { report in
                    guard json else { return Array(report.humanReadable.utf8) }
                    return try report.jsonLine(omittingSentences: noSentences)
                }
                notes = readNotes
            }
            for note in notes { FileHandle.standardError.write(Data("tariffwatch: \(note)\n".utf8)) }
            for line in lines {
                output.append(contentsOf: line)
                output.append(0x0A)
            }
            if output.count >= Extract.flushSize { flush() }
        } catch {
            fail(error is ExtractionTooComplex ? "\(file): \(error)" : "\(error)")
        }
    }

    mutating func fail(_ message: String) {
        failures += 1
        FileHandle.standardError.write(Data("tariffwatch: \(message)\n".utf8))
    }

    mutating func flush() {
        if !output.isEmpty { FileHandle.standardOutput.write(Data(output)) }
        output.removeAll(keepingCapacity: true)
    }
}
