import Foundation
import Glibc
import SystemPackage
import Testing

/// `extract` on many files without naming each: folder operands and `--files-from`, in the order given.
@Suite struct ExtractOperandsTests {
    /// A folder of articles: upper case sorts before lower case (byte order), hidden files, a subfolder,
    /// a FIFO and a symbolic link to one of the articles.
    private final class Articles {
        let workspace: Workspace
        var folder: FilePath { workspace.root.appending("articles") }

        init() throws {
            workspace = try Workspace()
            let folder = workspace.root.appending("articles")
            try FileManager.default.createDirectory(atPath: folder.appending("sub").string, withIntermediateDirectories: true)
            for (name, text) in [
                ("b.txt", "Washington will impose a 25% tariff on Canadian lumber from March 1, 2026."),
                ("a.txt", "The EU will impose duties on steel from November 1."),
                ("B.txt", "Ottawa said the levy takes effect on December 15."),
                (".hidden.txt", "The EU will impose duties on cars from November 2."),
                ("sub/c.txt", "The EU will impose duties on glass from November 3."),
                ("outside.txt", "The EU will impose duties on paper from November 4."),
            ] {
                let path = name == "outside.txt" ? workspace.root.appending(name) : folder.appending(name)
                try text.write(toFile: path.string, atomically: true, encoding: .utf8)
            }
            try FileManager.default.createSymbolicLink(atPath: folder.appending("z-link.txt").string, withDestinationPath: "a.txt")
            #expect(mkfifo(folder.appending("fifo").string, 0o600) == 0)
        }

        func path(_ name: String) -> String { folder.appending(name).string }
    }

    /// `extract --json` of `arguments`, given `input` on standard input; with `descriptorLimit`, under that `ulimit -n`;
    /// with `output`, its standard output goes there (and `out` is empty). `exited`: it exited, not killed by a signal.
    private func extract(
        _ arguments: [String], input: String? = nil, descriptorLimit: Int? = nil, output: FileHandle? = nil
    ) throws -> (status: Int32, out: String, err: String, exited: Bool) {
        let binary = try #require(TariffwatchBinary.path, "the tariffwatch binary is not built")
        let command = [binary, "extract", "--json", "--reference-date", "2025-10-24"] + arguments
        let process = Process()
        if let descriptorLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -n \(descriptorLimit) && exec \"$@\"", "sh"] + command
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = Array(command.dropFirst())
        }
        let stdin = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = stdin
        process.standardOutput = output ?? out
        process.standardError = err
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let outData = output == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self),
            process.terminationReason == .exit
        )
    }

    /// The `document.path` of each JSON line, in output order.
    private func paths(_ output: String) throws -> [String] {
        try output.split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return try #require((object["document"] as? [String: Any])?["path"] as? String)
        }
    }

    @Test("folder operands past the ones held open are read by path: hundreds of folders under a low descriptor limit")
    func manyFoldersStayWithinTheDescriptorLimit() throws {
        let workspace = try Workspace()
        var folders: [String] = []
        for n in 0..<200 {
            let folder = workspace.root.appending("f\(n)")
            try FileManager.default.createDirectory(atPath: folder.string, withIntermediateDirectories: true)
            try "The EU will impose duties on steel from November \(n % 28 + 1)."
                .write(toFile: folder.appending("a.txt").string, atomically: true, encoding: .utf8)
            folders.append(folder.string)
        }
        // 128 descriptors: fewer than the folders, more than the ones held open and what the runtime keeps
        let result = try extract(folders, descriptorLimit: 128)
        #expect(result.status == 0, "\(result.err)")
        #expect(try paths(result.out) == folders.map { $0 + "/a.txt" })
    }

    @Test("a full disk under standard output is said plainly, and the command fails")
    func fullOutputFails() throws {
        let articles = try Articles()
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"), "no /dev/full on this machine")
        let result = try extract([articles.folder.string], output: full)
        #expect(result.exited && result.status == 1)
        #expect(result.err.contains("tariffwatch: cannot write the output: No space left on device"))
    }

    @Test func aFolderIsItsRegularFilesInByteOrderOfTheirNames() throws {
        let articles = try Articles()
        let result = try extract([articles.folder.string])
        #expect(result.status == 0, "\(result.err)")
        #expect(try paths(result.out) == ["B.txt", "a.txt", "b.txt", "z-link.txt"].map(articles.path))
        // The same bytes as naming the files one by one.
        let oneByOne = try extract(["B.txt", "a.txt", "b.txt", "z-link.txt"].map(articles.path))
        #expect(result.out == oneByOne.out)
    }

    @Test func outputFollowsTheOperandsThenTheList() throws {
        let articles = try Articles()
        let list = articles.workspace.root.appending("list.txt")
        try "\n\(articles.path("sub/c.txt"))\n\n\(articles.path("sub"))\n".write(toFile: list.string, atomically: true, encoding: .utf8)
        let outside = articles.workspace.root.appending("outside.txt").string
        let result = try extract([outside, articles.folder.string + "/", articles.path("b.txt"), "--files-from", list.string])
        #expect(result.status == 0, "\(result.err)")
        #expect(
            try paths(result.out)
                == [outside] + ["B.txt", "a.txt", "b.txt", "z-link.txt"].map(articles.path) + [articles.path("b.txt"), articles.path("sub/c.txt"), articles.path("sub/c.txt")])
    }

    @Test func theListMayComeFromStandardInput() throws {
        let articles = try Articles()
        let result = try extract(["--files-from", "-"], input: "\(articles.path("b.txt"))\n\n\(articles.path("a.txt"))")
        #expect(result.status == 0, "\(result.err)")
        #expect(try paths(result.out) == [articles.path("b.txt"), articles.path("a.txt")])
        let empty = try extract(["--files-from", "-"], input: "\n\n")
        #expect(empty.status == 0 && empty.out.isEmpty, "\(empty)")
    }

    @Test func errorsNameWhatFailedAndTheRestIsStillRead() throws {
        let articles = try Articles()
        let missingFolder = articles.workspace.root.appending("no-such-folder").string + "/"
        let result = try extract([missingFolder, articles.path("a.txt"), "--files-from", "-"], input: "/nonexistent/x.txt\n")
        #expect(result.status == 1)
        #expect(result.err.contains("tariffwatch: \(missingFolder): no such folder"), "\(result.err)")
        #expect(result.err.contains("tariffwatch: /nonexistent/x.txt: no such file"), "\(result.err)")
        #expect(try paths(result.out) == [articles.path("a.txt")])
    }

    @Test(arguments: ["/nonexistent/list.txt", "FOLDER"])
    func anUnreadableListStopsBeforeAnyFile(_ list: String) throws {
        let articles = try Articles()
        let list = list == "FOLDER" ? articles.folder.string : list
        let result = try extract([articles.path("a.txt"), "--files-from", list])
        #expect(result.status == 1)
        let reason = list.hasPrefix("/nonexistent") ? "No such file or directory" : "Is a directory"
        #expect(result.err.contains("tariffwatch: --files-from \(list): cannot read the list: \(reason)"), "\(result.err)")
        #expect(result.out.isEmpty)
    }

    /// Files read on several threads come out as when read one at a time: the same bytes on standard output, and
    /// the same notes and failures, in the same order, on standard error.
    @Test func severalJobsWriteWhatOneJobWrites() throws {
        let articles = try Articles()
        let many = articles.workspace.root.appending("many")
        try FileManager.default.createDirectory(atPath: many.string, withIntermediateDirectories: true)
        for index in 0..<40 {
            // uneven lengths, so that files finish out of order
            let text = String(repeating: "Officials met again on Tuesday. ", count: (index * 7) % 23)
                + "Ottawa will impose a \(index + 5)% surcharge on U.S. steel from March \(index % 28 + 1), 2026."
            try text.write(toFile: many.appending(String(format: "%02d.txt", index)).string, atomically: true, encoding: .utf8)
        }
        // a note (a file in Windows-1252) and a failure (a binary file) among them
        try Data([0x54, 0x61, 0x72, 0x69, 0x66, 0x66, 0xE9, 0x20, 0x31, 0x30, 0x25, 0x2E]).write(to: URL(fileURLWithPath: many.appending("17a.txt").string))
        try Data([0x61, 0, 0, 0, 0x62]).write(to: URL(fileURLWithPath: many.appending("25a.txt").string))
        let operands = [many.string, "/nonexistent/x.txt", articles.path("a.txt")]
        let one = try extract(["--jobs", "1"] + operands)
        #expect(one.status == 1)
        #expect(try paths(one.out).count == 42, "\(one.err)")  // 40 + the Windows-1252 file + a.txt
        #expect(one.err.contains("17a.txt") && one.err.contains("25a.txt") && one.err.contains("/nonexistent/x.txt"), "\(one.err)")
        for jobs in ["2", "4", "16"] {
            let several = try extract(["--jobs", jobs] + operands)
            #expect(several.status == one.status)
            #expect(several.out == one.out, "--jobs \(jobs)")
            #expect(several.err == one.err, "--jobs \(jobs)")
        }
    }

    @Test func jobsMustBeAtLeastOne() throws {
        let articles = try Articles()
        let result = try extract(["--jobs", "0", articles.path("a.txt")])
        #expect(result.status == 64)
        #expect(result.err.contains("--jobs must be at least 1, got 0"), "\(result.err)")
    }

    private static var canDropPrivileges: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    }

    @Test(.enabled(if: canDropPrivileges, "needs root and setpriv to act as a user who may not list the folder"))
    func aFolderThatCannotBeListedIsNamed() throws {
        let articles = try Articles()
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: articles.workspace.root.string)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: articles.folder.string)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: articles.path("a.txt"))
        let locked = articles.folder.appending("sub")
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: locked.string)
        let result = try TariffwatchBinary.run(["extract", locked.string, articles.path("a.txt")], asUser: 65534)
        #expect(result.status == 1)
        #expect(result.err.contains("tariffwatch: \(locked.string): cannot list the folder: Permission denied"), "\(result.err)")
        #expect(result.out.contains("a.txt"), "\(result.out)")
    }
}
