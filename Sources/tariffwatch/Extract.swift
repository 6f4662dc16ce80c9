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
            order, then the --files-from list's. For thousands of files pass their folder or --files-from, or \
            only long options, -j and operands: other forms go through a parse whose time grows with the \
            square of the number of operands.
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
    @Option(
        name: [.customShort("j"), .long],
        help: ArgumentHelp("Read this many files at once, each on its own thread (default: the CPUs this process may run on).",
            valueName: "n"))
    var jobs: Int?
    @Argument(help: "Article files, or folders: a folder's regular files, in name order, not recursive, hidden ones skipped.")
    var files: [String] = []

    static let flushSize = 64 << 10
    /// Folder operands held open for the run, so that their files are opened by name in them: each costs a descriptor
    /// until the end, and the files of the folders past these are opened by their paths, so that a command line of
    /// thousands of folders cannot run the process out of descriptors (the usual soft limit is 1,024).
    static let foldersHeldOpen = 64

    func validate() throws {
        if noSentences && !json { throw ValidationError("--no-sentences goes with --json") }
        if let referenceDate, CalendarDate(iso: referenceDate) == nil {
            throw ValidationError("--reference-date must be a day as YYYY-MM-DD, got '\(referenceDate)'")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
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
        var queue: [ExtractJob] = []
        var foldersHeld = 0
        for operand in operands {
            let path = FilePath(operand)
            guard FolderListing.isDirectory(path) else {
                queue.append(.file(operand))
                continue
            }
            do {
                let holdOpen = foldersHeld < Self.foldersHeldOpen
                if holdOpen { foldersHeld += 1 }
                queue += try FolderListing.regularFiles(in: path, holdOpen: holdOpen).map { .listed($0) }
            } catch {
                queue.append(.failure("\(operand): cannot list the folder: \(error)"))
            }
        }
        let reader = FileExtraction(command: self)
        var output = ExtractOutput()
        // the affinity mask only when there is more than one file to share out: reading it costs a single-file run
        // 2.5% of its instructions (/proc/self/status through Foundation)
        let threads = queue.count > 1 ? jobs ?? ProcessorAffinity.count : 1
        OrderedParallelMap.run(queue, threads: threads, window: 4 * threads, transform: reader.extract, consume: { output.write($0) })
        output.flush()
        if let error = output.writeError {
            FileHandle.standardError.write(Data("tariffwatch: cannot write the output: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if output.failures > 0 { throw ExitCode(1) }
    }
}

extension Extract {
    /// `extract` as scripts run it, parsed without ArgumentParser, whose parse of it cost 17 M instructions
    /// (7% of extracting 440 articles, callgrind): reflection of its own and our commands' types, a conformance
    /// scan of the whole process for each new one, and a check for `--generate-completion-script` that parses
    /// two more commands. Only this command's long flags, `--name value` options and `-j value`, each given at most
    /// once, and operands are taken; anything else (help, `--version`, joined or `=` forms, `--`, a value or an
    /// operand that starts with `-` or is empty, an operand `help`, a value that is not a number or fails
    /// `validate`) gives nil, and ArgumentParser parses the command line as before, with its own messages.
    static func plainInvocation(_ arguments: [String]) -> Extract? {
        guard arguments.first == "extract" else { return nil }
        // Plain variables, not a set of the names seen: a `Set<String>`'s first use cost a conformance scan.
        var json = false, noSentences = false, timex = false, unbudgeted = false
        var referenceDate: String?, filesFrom: String?, jobs: String?
        var files: [String] = []
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-") else {
                if argument.isEmpty || argument == "help" { return nil }
                files.append(argument)
                continue
            }
            switch argument {
            case "--json": guard setOnce(&json) else { return nil }
            case "--no-sentences": guard setOnce(&noSentences) else { return nil }
            case "--timex": guard setOnce(&timex) else { return nil }
            case "--unbudgeted": guard setOnce(&unbudgeted) else { return nil }
            case "--reference-date", "--files-from", "--jobs", "-j":
                guard index < arguments.count, !arguments[index].isEmpty, !arguments[index].hasPrefix("-") else { return nil }
                let value = arguments[index]
                index += 1
                switch argument {
                case "--reference-date": guard setOnce(&referenceDate, value) else { return nil }
                case "--files-from": guard setOnce(&filesFrom, value) else { return nil }
                default: guard setOnce(&jobs, value) else { return nil }
                }
            default:
                return nil
            }
        }
        var command = Extract()
        command.json = json
        command.noSentences = noSentences
        command.timex = timex
        command.unbudgeted = unbudgeted
        command.referenceDate = referenceDate
        command.filesFrom = filesFrom
        command.jobs = nil
        if let jobs {
            guard let count = Int(jobs) else { return nil }
            command.jobs = count
        }
        command.files = files
        guard (try? command.validate()) != nil else { return nil }
        return command
    }

    /// Sets a flag; false when it was already set (given twice).
    private static func setOnce(_ flag: inout Bool) -> Bool {
        defer { flag = true }
        return !flag
    }

    /// Sets an option's value; false when it already had one (given twice).
    private static func setOnce(_ option: inout String?, _ value: String) -> Bool {
        guard option == nil else { return false }
        option = value
        return true
    }
}

/// One file to read, in output order: an operand as given, a file of a folder operand, or what went wrong
/// listing a folder (said in its place among the files).
private enum ExtractJob: Sendable {
    case file(String)
    case listed(FolderListing.File)
    case failure(String)
}

/// What one file gives: its output lines, its notes for standard error, and its failure if it could not be read.
private struct FileOutput: Sendable {
    var lines: [[UInt8]] = []
    var notes: [String] = []
    var failure: String?
}

/// Reads one file as the command's flags say; runs on `extract`'s worker threads, so it holds only values.
private struct FileExtraction: Sendable {
    /// The output flags, read once: an ArgumentParser property wrapper's getter costs hundreds of instructions.
    let json: Bool, noSentences: Bool, timex: Bool
    let extractor: OneShotExtractor

    init(command: Extract) {
        (json, noSentences, timex) = (command.json, command.noSentences, command.timex)
        extractor = OneShotExtractor(
            referenceDate: command.referenceDate.flatMap { CalendarDate(iso: $0) },
            limits: command.unbudgeted ? .unbudgeted : .standard)
    }

    func extract(_ job: ExtractJob) -> FileOutput {
        switch job {
        case .failure(let message):
            return FileOutput(failure: message)
        case .listed(let listed):
            return extract(listed)
        case .file(let file):
            // Said plainly here: the reader's "disappeared" wording is for files the watcher saw arrive.
            guard FileManager.default.fileExists(atPath: file) else {
                return FileOutput(failure: "\(file): \(file.hasSuffix("/") ? "no such folder" : "no such file")")
            }
            return extract(FolderListing.File(FilePath(file)))
        }
    }

    private func extract(_ file: FolderListing.File) -> FileOutput {
        do {
            if timex {
                let (reports, notes) = try extractor.timexReports(file)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                return FileOutput(lines: try reports.map { Array(try encoder.encode($0)) }, notes: notes)
            }
            let (reports, notes) = try extractor.reports(file)
            let lines = try reports.map { report in
                guard json else { return Array(report.humanReadable.utf8) }
                return try report.jsonLine(omittingSentences: noSentences)
            }
            return FileOutput(lines: lines, notes: notes)
        } catch {
            return FileOutput(failure: error is ExtractionTooComplex ? "\(file.path): \(error)" : "\(error)")
        }
    }
}

/// `extract`'s output, written in the files' order: notes and failures to standard error at once, lines to
/// standard output in one write per 64 KiB, not one per file. Bytes, not `Data`: each line is appended as
/// `CanonicalJSON` wrote it, and the buffer is written from where it is.
private struct ExtractOutput {
    var failures = 0
    var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(Extract.flushSize + 4096) }

    mutating func write(_ file: FileOutput) {
        for note in file.notes { FileHandle.standardError.write(Data("tariffwatch: \(note)\n".utf8)) }
        if let failure = file.failure {
            failures += 1
            FileHandle.standardError.write(Data("tariffwatch: \(failure)\n".utf8))
        }
        for line in file.lines {
            buffer.append(contentsOf: line)
            buffer.append(0x0A)
        }
        if buffer.count >= Extract.flushSize { flush() }
    }

    /// Why standard output could not be written (a full disk, a pipe closed while `SIGPIPE` is ignored): nothing
    /// more is written after it, and `extract` says so and fails once the files are done.
    var writeError: Errno?

    /// The buffer written straight from its bytes (`write` until all are out): through `FileHandle` it was copied
    /// into a `Data` first, and a failed write stopped the process with a trap instead of a message.
    mutating func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard !buffer.isEmpty, writeError == nil else { return }
        do {
            _ = try FileDescriptor.standardOutput.writeAll(buffer)
        } catch {
            writeError = error as? Errno ?? .ioError
        }
    }
}
