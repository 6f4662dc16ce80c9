import Testing

@testable import TariffExtraction

/// Double-encoded UTF-8 is read as the text it stood for, while offsets keep pointing into the file.
@Suite struct MojibakeRepairTests {
    /// (file text, text the extractors read)
    static let repairs: [(String, String)] = [
        // UTF-8 read as Latin-1: the continuation bytes show as C1 control characters
        ("Korea\u{E2}\u{80}\u{99}s plan", "Korea\u{2019}s plan"),
        // UTF-8 read as Windows-1252: curly quotes, dashes, ellipsis
        ("Chinaâ€™s tariffs", "China\u{2019}s tariffs"),
        ("â€œno dealâ€\u{9D} he said", "\u{201C}no deal\u{201D} he said"),
        ("steel â€” and aluminum â€¦", "steel \u{2014} and aluminum \u{2026}"),
        // a no-break space, kept or already flattened to a space
        ("10\u{C2}\u{A0}percent", "10\u{A0}percent"),
        ("tariffsÂ on cars", "tariffs on cars"),
        // a fullwidth hyphen from a Chinese page, and a Latin letter with macron
        ("indicators\u{EF}\u{BC}\u{8D}the economy", "indicators\u{FF0D}the economy"),
        // a four-byte scalar (an emoji) read as Windows-1252: every byte of the decoded run is kept
        ("smile \u{F0}\u{178}\u{2DC}\u{20AC} now", "smile \u{1F600} now"),
        // nothing to repair: accented words and lone symbols stay as they are
        ("Roberto Azevêdo, café, 5 € and ± 2", "Roberto Azevêdo, café, 5 € and ± 2"),
        ("plain ASCII text", "plain ASCII text"),
    ]

    @Test(arguments: repairs)
    func readsTheTextTheBytesStoodFor(file: String, read: String) {
        let document = TextDocument(file)
        #expect(document.readableString(0..<document.bytes.count) == read)
        #expect(document.string(0..<document.bytes.count) == file)
    }

    @Test func offsetsPointIntoTheFilesOwnText() throws {
        let file = "Chinaâ€™s â€œretaliatoryâ€\u{9D} tariffs of 25 percent on US soybeans"
        let document = TextDocument(file)
        let scalars = Array(file.unicodeScalars)
        let repaired = document.bytes
        let rate = try #require(repaired.firstIndex(of: UInt8(ascii: "2")))
        let start = document.scalarOffset(ofByte: rate)
        #expect(String(String.UnicodeScalarView(scalars[start..<(start + 10)])) == "25 percent")
        #expect(document.string(rate..<(rate + 10)) == "25 percent")
    }

    /// Every byte of a text with many runs (adjacent ones, a dropped `Â ` right before another, one at each end)
    /// maps to the file's offset the edits say, read by a plain walk over them: the look-up halves the edits.
    @Test(arguments: [1, 2, 3, 7, 8, 9, 33])
    func everyRepairedOffsetMapsAsAWalkOverTheEditsSays(runs: Int) throws {
        let pieces = ["â€™", "Â ", "â€œ", "x", "â€\u{9D}", " word ", "Â â€”", "10\u{C2}\u{A0}"]
        var file = "â€œ"
        for k in 0..<runs { file += pieces[k % pieces.count] + pieces[(k * 5 + 3) % pieces.count] }
        file += "â€¦"
        let repair = try #require(MojibakeRepair.repair(Array(file.utf8)))
        #expect(repair.edits.count >= runs)
        for offset in 0...repair.bytes.count {
            let last = repair.edits.lastIndex { $0.repaired.lowerBound <= offset }
            let expected: Int
            if let last {
                let edit = repair.edits[last]
                if offset == edit.repaired.lowerBound {
                    expected = edit.original.lowerBound
                } else if offset < edit.repaired.upperBound {
                    expected = edit.original.upperBound
                } else {
                    expected = offset - edit.repaired.upperBound + edit.original.upperBound
                }
            } else {
                expected = offset
            }
            #expect(repair.originalOffset(ofRepaired: offset) == expected, "offset \(offset) of \(repair.bytes.count)")
        }
    }

    @Test func tariffFactsReadThroughMojibake() throws {
        let file = "Chinaâ€™s State Council said it imposed a 25 percent tariff on US soybeans."
        let found = findTariffs(file)
        let change = try #require(found.first)
        #expect(change.imposer == "CN")
        let scalars = Array(file.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[change.start..<change.end])) == change.text)
        #expect(change.sentence.contains("China\u{2019}s"))
    }
}
