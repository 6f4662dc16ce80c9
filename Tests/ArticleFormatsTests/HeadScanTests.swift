import TariffExtraction
import Testing

@testable import ArticleFormats

/// The dateline search and the format sniffer look at as little of a file as they can; these are the
/// edges of what they skip, each checked against the answer and against the earlier full scan
/// (`ReferenceReading`), then many generated heads against the full scan.
@Suite("Dateline and format sniffing read only the head they need, with the same answers")
struct HeadScanTests {
    @Test(arguments: [
        // Lines split by "\r" alone, by "\r\n", and blank lines (of ASCII and Unicode spaces) that do not count.
        ("Headline\rBEIJING, Sept. 30 (Xinhua) -- China said", "2025-09-30"),
        ("Headline\r\nBy Chen Wei\r\n\r\nOct 24 (Reuters) - Canada said", "2025-10-24"),
        ("\n \n\t\n\u{00A0}\u{3000}\n1\n2\n3\n4\n5\n6\n7\n \u{2009} \nOct. 1, 2025\n", "2025-10-01"),
        ("\r\n\r\n\r\nA\r\nB\r\nC\r\nD\r\nE\r\nF\r\nG\r\n\r\n\r\nNovember 3, 2024 | Updated 3 hours ago", "2024-11-03"),
        // The 8th line that is not blank is read, the 9th is not; lines without digits count too.
        ("A\nB\nC\nD\nE\nF\nG\nOct. 1, 2025", "2025-10-01"),
        ("A\nB\nC\nD\nE\nF\nG\nH\nOct. 1, 2025", nil),
        ("1\n2\n3\n4\n5\n6\n7\n8\nOct. 1, 2025", nil),
        ("A\n\nB\n\nC\n\nD\n\nE\n\nF\n\nG\n\n\nOct. 1, 2025", "2025-10-01"),
        // Non-ASCII text around and in the dateline; Unicode spaces collapse to one.
        ("Zölle auf Stahl: „Brüssel“ reagiert — 日本\nPARIS, Dec. 28 (AFP) — The EU", "2024-12-28"),
        ("Überschrift\nOct\u{00A0}24\u{2009}(Reuters)\u{3000}- Canada said", "2025-10-24"),
        ("e\u{301}\u{1F600}\nWASHINGTON (Reuters) - no date", nil),
        // Dashes: a dash with a combining mark is not a dash; lines longer than a KiB are read from their start.
        ("PARIS, Dec. 28 (AFP) -\u{301} The EU", nil),
        ("PARIS, Dec. 28 (AFP) —\u{301} The EU", nil),
        ("PARIS, Dec. 28 (AFP) – The EU" + String(repeating: " word", count: 400), "2024-12-28"),
        ("Oct 24 (Reuters) - Canada" + String(repeating: " e\u{301}\u{302}\u{303}", count: 400), "2025-10-24"),
        ("Published: Monday, October 20, 2025 08:15 ET" + String(repeating: "\u{00A0}", count: 600) + "x", nil),
        ("Published: Monday, October 20, 2025 08:15 ET" + String(repeating: "\u{00A0}", count: 600), "2025-10-20"),
        // Long ASCII prose is skipped unless a dash or a non-ASCII byte comes within its first 161 visible bytes.
        ("October 24, 2025 " + String(repeating: "x ", count: 150) + "- ok", nil),
        ("BEIJING, Oct. 24 " + String(repeating: " ", count: 300) + "(Xinhua) -- China" + String(repeating: " word", count: 80), "2025-10-24"),
        ("Oct. 24, 2025" + String(repeating: " \t", count: 100), "2025-10-24"),
        // Long prose with hyphens, curly quotes and accents is skipped too, unless a dash comes within its first
        // 160 Characters: a hyphen before a no-break space collapses to "- ".
        ("Oct. 24 (Reuters) - trade-war " + String(repeating: "café ", count: 60), "2025-10-24"),
        ("U.S.-China trade-war talks’ " + String(repeating: "word ", count: 60) + "Oct. 24 - x", nil),
        ("Oct. 24, 2025 “quoted” " + String(repeating: "x-y ", count: 60), nil),
        ("October 24, 2025 -\u{00A0}Canada" + String(repeating: " word", count: 60), "2025-10-24"),
        ("October 24, 2025 -" + String(repeating: "x", count: 170), nil),
    ] as [(String, String?)])
    func dateline(_ text: String, _ expected: String?) {
        let found = Dateline.find(in: text, modificationDay: fixtureDay)
        #expect(found?.date.description == expected)
        #expect(found == ReferenceReading.dateline(in: text, modificationDay: fixtureDay))
    }

    /// The head is the first 2,000 scalars: a date cut there is read as cut, whatever the bytes per scalar.
    @Test(arguments: ["x", "é", "日", "\u{1F600}"])
    func headCutInsideALine(_ filler: String) {
        let dateline = "Oct. 24, 2025 — Canada said"
        for fillerCount in [1970, 1972, 1973, 1975, 1980, 1985, 1986, 1987, 1988, 1989, 1990, 1998, 1999, 2000] {
            // The first line, then "\n": the dateline starts at scalar fillerCount + 2.
            let text = String(repeating: filler, count: fillerCount) + "\n" + dateline + "\nmore"
            let found = Dateline.find(in: text, modificationDay: fixtureDay)
            #expect(found == ReferenceReading.dateline(in: text, modificationDay: fixtureDay), "\(filler) × \(fillerCount)")
            let whole = fillerCount + 1 + dateline.unicodeScalars.count <= Dateline.headLength
            if whole { #expect(found?.date.description == "2025-10-24", "\(filler) × \(fillerCount)") }
            if fillerCount == 1986 { #expect(found?.date.description == "2025-10-24", "only \"Oct. 24, 2025\" is left") }
            if fillerCount >= 1990 { #expect(found == nil, "\(filler) × \(fillerCount)") }
        }
    }

    /// `isDateline` reads ASCII lines as bytes: the same answers as on Characters, CR LF and dashes included.
    @Test func datelineRuleOnBytesAsOnCharacters() {
        var random = SplitMix64(seed: 17)
        let places = ["", "BEIJING, ", "WASHINGTON/BRUSSELS, ", "Beijing, ", "BEIJING ", "OTTAWA,\r\n", "SÃO PAULO, ", "12, ", " , ", "ÉVIAN, "]
        let dates = ["Sept. 30", "Oct 24", "October 24, 2025", "24 October 2025"]
        let tails = [
            "", " (Xinhua) -- ", " (Reuters) - ", " (AP) —", " – x", " -- x", ", -x", " - x", "  (Reuters)  -- ", " (no close -- x",
            " (x) \r\n-- ", "\r\n- x", " -\u{301}- ", " —\u{301} x", " (a)(b) -- ", " ,, - ", " -", "--",
        ]
        for _ in 0..<3000 {
            let line =
                places[Int(random.next() % UInt64(places.count))] + dates[Int(random.next() % UInt64(dates.count))]
                + tails[Int(random.next() % UInt64(tails.count))]
            guard let found = DateText.find(in: line) else { continue }
            #expect(Dateline.isDateline(line, found) == ReferenceReading.isDateline(line, found), "\(line)")
        }
    }

    @Test func collapseMatchesTheByteByByteVersion() {
        for text in ["", " ", "a", "  a  b\t\nc ", "\u{00A0}x\u{3000}\u{2028}y\u{205F}", "é  日\u{1F600} ", String(repeating: " a", count: 500)] {
            #expect(MainText.collapse(text) == ReferenceReading.collapse(text))
            // made without validating its bytes again: its scalars are still read as UTF-8, not as ASCII
            #expect(Array(MainText.collapse(text).unicodeScalars) == Array(ReferenceReading.collapse(text).unicodeScalars))
            #expect(text.utf8.withContiguousStorageIfAvailable { MainText.isBlank($0) } == ReferenceReading.collapse(text).isEmpty)
        }
    }

    /// The first 160 Characters of a collapsed line, from its first KiB when that holds more than 160: the
    /// Character boundaries around the 160th (combining marks, flags, emoji sequences) are the whole line's.
    @Test func collapsedHeadOfLongLines() {
        var random = SplitMix64(seed: 13)
        let pieces = ["x", "word ", "  ", "\u{00A0}", "\u{3000}", "e\u{301}", "\u{301}\u{302}", "🇫🇷", "🇩🇪", "👨‍👩‍👧", "\u{200D}", "日本", "é", "\u{1F3FB}", "क्ष"]
        for round in 0..<3000 {
            var line = ""
            while line.utf8.count < 250 + Int(random.next() % 1150) { line += pieces[Int(random.next() % UInt64(pieces.count))] }
            let expected = String(ReferenceReading.collapse(line).prefix(Dateline.lineLength))
            #expect(line.utf8.withContiguousStorageIfAvailable { Dateline.collapsedHead($0) } == expected, "round \(round)")
        }
    }

    /// Long prose is told from a possible dateline eight bytes a step: the same answer as byte by byte, with hyphens,
    /// dashes, whitespace and non-ASCII bytes at every place around the steps and the 160th Character.
    @Test func longProseIsCountedAsByteByByte() {
        var random = SplitMix64(seed: 37)
        let pieces = ["x", "word ", "Tariffs ", "25-percent ", "-", "--", "- ", "—", "–", " ", "\t", "\u{0B}", "é", "’", "\u{7F}", "!"]
        // every other line without dashes, so that many pass the 160th Character
        let prose = ["x", "word ", "Tariffs ", "25-percent ", " ", "\t", "é", "’"]
        for round in 0..<4000 {
            let pool = round % 2 == 0 ? pieces : prose
            var line = ""
            while line.utf8.count < Int(random.next() % 400) { line += pool[Int(random.next() % UInt64(pool.count))] }
            let bytes = Array(line.utf8)
            let fast = bytes.withUnsafeBufferPointer { Dateline.isLongProseWithoutDash($0) }
            #expect(fast == ReferenceReading.isLongProseWithoutDash(bytes), "round \(round): \(line.debugDescription)")
        }
    }

    /// `characterPrefix` looks at the first `count + 1` bytes only: ASCII runs that end in a combining mark, a CR
    /// LF or an emoji just at the cut give `prefix(count)`.
    @Test func characterPrefixLooksOnlyAtTheCut() {
        var random = SplitMix64(seed: 31)
        let pieces = ["x", "word ", "e", "\u{301}", "\r\n", "\r", "\n", "🇫🇷", "\u{200D}", "é", " ", "-", "日"]
        for round in 0..<3000 {
            var text = ""
            while text.utf8.count < Int(random.next() % 200) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            for count in [0, 1, 59, 60, 61, 159, 160] {
                #expect(Dateline.characterPrefix(text, count) == text.prefix(count), "round \(round), \(count)")
            }
        }
    }

    /// ASCII lines take a byte-offset path (one Character per byte once whitespace is collapsed): the same
    /// 160 Characters and the same `isShort` as walking Characters, CR LF and lone CRs included.
    @Test func asciiLinesCutAtTheSameCharacter() {
        var random = SplitMix64(seed: 29)
        let pieces = ["x", "Oct. 24 ", "(Xinhua) ", "--", " ", "\t", "\r\n", "\r", "\n", "a\r\nb", ",", "BEIJING"]
        for round in 0..<2000 {
            var line = ""
            while line.utf8.count < 40 + Int(random.next() % 1300) { line += pieces[Int(random.next() % UInt64(pieces.count))] }
            let expected = String(ReferenceReading.collapse(line).prefix(Dateline.lineLength))
            let head = line.utf8.withContiguousStorageIfAvailable { Dateline.collapsedHead($0) }
            #expect(head == expected, "round \(round)")
            for text in [line, expected, String(expected.prefix(Dateline.dateOnlyLineLength + 1))] {
                #expect(Dateline.isShort(text) == (text.count <= Dateline.dateOnlyLineLength), "round \(round)")
            }
        }
    }

    @Test("a PDF header counts when it starts before byte 1024, wherever it ends")
    func pdfHeaderBound() {
        for (offset, format) in [(0, DocumentFormat.pdf), (1022, .pdf), (1023, .pdf), (1024, .text), (1025, .text), (4092, .text)] {
            let bytes = Array(String(repeating: "x", count: offset).utf8) + Array("%PDF-1.7\n".utf8)
            #expect(FormatSniffer.sniff(bytes, fileName: "a.txt") == format, "at \(offset)")
            #expect(ReferenceReading.sniff(bytes, fileName: "a.txt") == format, "at \(offset)")
        }
    }

    @Test(arguments: [
        // Headers after the first blank line do not count, whatever their line ends.
        ("From: a@b\n\nSubject: s\nDate: d\n", DocumentFormat.text),
        ("From: a@b\r\n\r\nDate: d\r\n", .text),
        ("Subject: s\nX-Mailer: y\n\nFrom: a@b\nDate: d\n", .text),
        ("From: a@b\r\nDate: d\r\n\r\nbody", .email),
        ("FROM: a@b\nDATE: Fri, 24 Oct 2025\n\nbody", .email),
        ("X-Spam: no\nReceived: from x\nTo: y\n\nbody", .email),
        ("Subject: s\nTo: t\n\nbody", .text),  // no From, MIME-Version or Received
        ("  \r\n\tSubject: s\r\nMIME-Version: 1.0\r\n", .email),  // leading space skipped
        ("\u{FEFF}From: a@b\nDate: d\n", .email),
        ("From daily@news.example Tue Oct 21\nDate: d\nReceived: x\n", .email),
        ("Fromage: brie\nDate: d\n", .text),
        ("Note: x\n\n", .text),
    ] as [(String, DocumentFormat)])
    func mailHeaderBlock(_ head: String, _ format: DocumentFormat) {
        #expect(FormatSniffer.sniff(Array(head.utf8), fileName: "x") == format)
        #expect(ReferenceReading.sniff(Array(head.utf8), fileName: "x") == format)
    }

    @Test("markup is told as Characters: `<` with a combining mark is no tag")
    func combiningMarkAfterAngle() {
        for head in ["<\u{338}html>", "{\u{301}\"a\": 1}", "<html>", "\u{FEFF} [1]"] {
            #expect(FormatSniffer.sniff(Array(head.utf8), fileName: "a.htm") == ReferenceReading.sniff(Array(head.utf8), fileName: "a.htm"))
        }
    }

    @Test("generated heads: the same dateline as the full scan")
    func generatedDatelines() {
        var random = SplitMix64(seed: 11)
        let pieces = [
            "Headline about tariffs", "BEIJING, Sept. 30 (Xinhua) -- China said", "Oct 24 (Reuters) - Canada", "25%",
            "November 3, 2024 | Updated 3 hours ago", "Published: Monday, October 20, 2025 08:15 ET", "2025",
            "By Anna Keller, October 20, 2025", "PARIS, Dec. 28 (AFP) — The EU", "Oct. 1, 2025", "WASHINGTON (Reuters) -",
            "\n", "\r", "\r\n", "\n\n", " ", "\t", "\u{0B}", "\u{0C}", "\u{00A0}", "\u{3000}", "\u{2009}", "\u{85}", "\u{2028}",
            "Zölle – „Brüssel“", "日本の関税", "\u{1F600}", "e\u{301}", "-- ", "—", "(AFP)", ",", "-\u{301}", "–", "- ",
            String(repeating: "word ", count: 230), String(repeating: "\u{301}", count: 300), "🇫🇷",
            String(repeating: "ab ", count: 52), String(repeating: "a", count: 159), String(repeating: "\t", count: 90),
        ]
        for round in 0..<3000 {
            var text = ""
            if random.next() % 4 == 0 {
                let filler = ["x", "é ", "日", "word "][Int(random.next() % 4)]
                text += String(repeating: filler, count: Int(random.next() % 2100))
            }
            for _ in 0..<(1 + random.next() % 30) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            let found = Dateline.find(in: text, modificationDay: fixtureDay)
            #expect(found == ReferenceReading.dateline(in: text, modificationDay: fixtureDay), "round \(round): \(text.debugDescription)")
            #expect(MainText.collapse(text) == ReferenceReading.collapse(text))
            // made without validating its bytes again: its scalars are still read as UTF-8, not as ASCII
            #expect(Array(MainText.collapse(text).unicodeScalars) == Array(ReferenceReading.collapse(text).unicodeScalars))
        }
    }

    /// `DateText.find` as it was at 3d94275: the words made into lower-cased strings by `DateText.tokens`.
    static func referenceFind(_ text: String) -> DateText.Found? {
        func month(_ word: String) -> Int? {
            switch word {
            case "jan", "january": 1
            case "feb", "february": 2
            case "mar", "march": 3
            case "apr", "april": 4
            case "may": 5
            case "jun", "june": 6
            case "jul", "july": 7
            case "aug", "august": 8
            case "sep", "sept", "september": 9
            case "oct", "october": 10
            case "nov", "november": 11
            case "dec", "december": 12
            default: nil
            }
        }
        func day(_ word: String) -> Int? {
            guard word.utf8.count <= 2, let value = Int(word), (1...31).contains(value) else { return nil }
            return value
        }
        let words = DateText.tokens(text)
        for (index, word) in words.enumerated() {
            guard let month = month(word.text) else { continue }
            var found: Int?
            var lower = word.range.lowerBound, upper = word.range.upperBound
            var next = index + 1
            if next < words.count, let d = day(words[next].text) {
                found = d
                upper = words[next].range.upperBound
                next += 1
            } else if index > 0, let d = day(words[index - 1].text) {
                found = d
                lower = words[index - 1].range.lowerBound
            }
            guard let found else { continue }
            var year: Int?
            if next < words.count, let y = Int(words[next].text), words[next].text.count == 4, (1900...2199).contains(y) {
                year = y
                upper = words[next].range.upperBound
            }
            return DateText.Found(year: year, month: month, day: found, range: lower..<upper)
        }
        return nil
    }

    @Test("month-name dates read from the words in place, as from the words made into strings")
    func findReadsWordsInPlace() {
        var random = SplitMix64(seed: 20)
        let pieces = [
            "Jan", "january", "MAY", "Sept", "sep.", "OCTOBER", "nov", "Dec", "Mayor", "decade", "1", "24", "24th", "3RD", "2nd", "31",
            "32", "0", "00", "2025", "1899", "2199", "02025", "12345678901234567890", " ", ", ", "-", "—", "\u{00A0}", "é", "日",
            "(AFP)", "x", "1st", "th",
        ]
        for round in 0..<20000 {
            var line = ""
            for _ in 0..<(1 + random.next() % 10) { line += pieces[Int(random.next() % UInt64(pieces.count))] }
            #expect(DateText.find(in: line) == Self.referenceFind(line), "round \(round): \(line.debugDescription)")
        }
    }

    @Test("generated heads and random bytes: the same format as the full scan")
    func generatedFormats() {
        var random = SplitMix64(seed: 12)
        let pieces = [
            "%PDF-1.7", "From: a@b", "FROM daily@x Tue", "from ", "Subject: s", "Date: d", "Received: from x", "MIME-Version: 1.0",
            "Content-Type: text/plain", "X-Mailer: y", "To: t", "Message-ID: <1@x>", "\n", "\r\n", "\n\n", "\r\n\r\n", "\r", "<html>",
            "<?xml version=\"1.0\"?>", "<rss>", "<feed>", "<!-- c -->", "{\"a\": 1}", "[", "{", "jsonfeed.org/version/1", "\u{FEFF}",
            "  ", "\t", "body text", "<\u{338}", "é", "日本", ":", "-",
        ]
        let names = ["a.txt", "a.html", "a.eml", "x", "feed.xml"]
        for round in 0..<4000 {
            var bytes: [UInt8] = []
            if random.next() % 8 == 0 {
                bytes = (0..<(random.next() % 300)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            } else {
                if random.next() % 3 == 0 { bytes += Array(repeating: UInt8(ascii: "y"), count: Int(1000 + random.next() % 40)) }
                for _ in 0..<(1 + random.next() % 20) { bytes += Array(pieces[Int(random.next() % UInt64(pieces.count))].utf8) }
                if random.next() % 6 == 0 { bytes += Array(repeating: UInt8(ascii: "z"), count: Int(random.next() % 5000)) + Array("From: a\n".utf8) }
            }
            let name = names[Int(random.next() % UInt64(names.count))]
            #expect(FormatSniffer.sniff(bytes, fileName: name) == ReferenceReading.sniff(bytes, fileName: name), "round \(round): \(bytes)")
        }
    }
}

/// A small seeded generator, so a failing round can be run again.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
