import ArgumentParser
import Testing

@testable import tariffwatch

/// `Extract.plainInvocation`, the parse of `extract`'s plain command lines that skips ArgumentParser, held to
/// the library's own parse: whatever it accepts, it must read exactly as ArgumentParser does; whatever else it
/// must leave to ArgumentParser (nil).
@Suite struct ExtractPlainInvocationTests {
    /// Every argument as the command holds it, read through the property wrappers' descriptions rather than their
    /// values: a property the plain parse forgot to set shows as a definition here instead of crashing the test,
    /// and a property added later is compared without being named.
    private static func state(_ command: Extract) -> [String] {
        Mirror(reflecting: command).children.map { "\($0.label ?? "?") = \(String(describing: $0.value))" }
    }

    /// ArgumentParser's reading of `arguments` (without the program name), or nil when it rejects them or they
    /// name something other than `extract` (help, a completion script).
    private static func libraryParse(_ arguments: [String]) -> Extract? {
        (try? Tariffwatch.parseAsRoot(arguments)) as? Extract
    }

    private static func check(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        guard let plain = Extract.plainInvocation(arguments) else { return }
        let library = libraryParse(arguments)
        #expect(library != nil, "plain parse accepted what ArgumentParser rejects: \(arguments)", sourceLocation: sourceLocation)
        if let library {
            #expect(state(plain) == state(library), "\(arguments)", sourceLocation: sourceLocation)
        }
    }

    @Test("the forms scripts use are read without ArgumentParser, as ArgumentParser reads them", arguments: [
        ["extract", "a.txt"],
        ["extract", "--json", "a.txt", "b.txt"],
        ["extract", "--json", "--no-sentences", "--reference-date", "2025-10-24", "dir"],
        ["extract", "--timex", "--unbudgeted", "a.txt"],
        ["extract", "-j", "3", "--files-from", "list.txt"],
        ["extract", "--jobs", "2", "--json", "x", "y", "z"],
        ["extract", "a.txt", "--json", "b.txt"],
        ["extract", "--files-from", "list.txt"],
    ])
    func plainForms(_ arguments: [String]) throws {
        let plain = try #require(Extract.plainInvocation(arguments))
        let library = try #require(Self.libraryParse(arguments))
        #expect(Self.state(plain) == Self.state(library))
    }

    @Test("anything else is left to ArgumentParser", arguments: [
        ["extract"],  // no file: validate() rejects it, ArgumentParser says so
        ["extract", "--help"], ["extract", "-h"], ["extract", "help"], ["help", "extract"], ["--version"],
        ["extract", "--json", "--json", "a.txt"], ["extract", "--reference-date=2025-10-24", "a.txt"],
        ["extract", "-j3", "a.txt"], ["extract", "--jobs", "many", "a.txt"], ["extract", "--jobs", "0", "a.txt"],
        ["extract", "--jobs", "-1", "a.txt"], ["extract", "--", "-odd.txt"], ["extract", "-x", "a.txt"],
        ["extract", "--reference-date"], ["extract", "--reference-date", "", "a.txt"], ["extract", ""],
        ["extract", "--no-sentences", "a.txt"],  // needs --json: validate() rejects it
        ["extract", "--generate-completion-script", "bash"], ["run"], [],
    ])
    func otherForms(_ arguments: [String]) {
        #expect(Extract.plainInvocation(arguments) == nil, "\(arguments)")
    }

    /// Generated command lines from every piece the plain parse knows and a few it does not: each one it accepts
    /// must be read as ArgumentParser reads it.
    @Test func generatedCommandLines() {
        let pieces: [[String]] = [
            ["--json"], ["--no-sentences"], ["--timex"], ["--unbudgeted"], ["--reference-date", "2025-10-24"],
            ["--reference-date", "tomorrow"], ["--files-from", "-"], ["--files-from", "list"], ["-j", "2"],
            ["--jobs", "16"], ["a.txt"], ["dir/b.html"], ["-"], ["--json=1"], ["-v"],
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            var arguments = ["extract"]
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var bits = state
            for _ in 0..<Int(bits % 6) {
                bits /= 16
                arguments += pieces[Int(bits % UInt64(pieces.count))]
            }
            Self.check(arguments)
        }
    }
}
