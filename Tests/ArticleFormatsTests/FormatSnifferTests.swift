import Testing

@testable import ArticleFormats

@Suite("Formats are told by content, the extension only breaks ties")
struct FormatSnifferTests {
    @Test(arguments: [
        ("%PDF-1.7\n%âãÏÓ\n1 0 obj", "notice.txt", DocumentFormat.pdf),
        ("\u{FEFF}<!DOCTYPE html><html><body><p>x</p>", "page.txt", .html),
        ("  <html lang=\"en\"><head>", "download", .html),
        ("<!-- saved from url=(0042)https://example.com -->\n<html>", "a.htm", .html),
        ("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>", "feed.xml", .rss),
        ("<?xml version=\"1.0\"?>\n<!-- generator -->\n<feed xmlns=\"http://www.w3.org/2005/Atom\">", "atom.xml", .atom),
        ("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">", "rss1.xml", .rss),
        ("{\"status\": \"ok\", \"articles\": []}", "api.txt", .json),
        ("[{\"title\": \"a\"}]", "api", .json),
        ("{\"title\": \"a\", \"body\": \"b\"}\n{\"title\": \"c\", \"body\": \"d\"}\n", "api.json", .jsonLines),
        ("{\n  \"title\": \"a\",\n  \"body\": \"b\"\n}\n", "pretty.json", .json),
        ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", "feed.json", .jsonFeed),
        ("Return-Path: <a@b>\nReceived: from x\nFrom: a@b\nSubject: s\n\nbody", "1729500000.M1P2.host", .email),
        ("From daily@news.example Tue Oct 21 11:31:02 2025\nFrom: daily@news.example\nDate: Tue, 21 Oct 2025\n\nx", "inbox.mbox", .email),
        ("Subject: tariffs\n\nThe EU will impose duties.", "note.eml", .email),
        ("Date: October 24, 2025\nThe EU will impose duties from November 1.", "memo.txt", .text),
        ("BEIJING, Oct. 24 (Xinhua) -- China said on Friday", "a.txt", .text),
        ("The <b>EU</b> will impose duties.", "fragment.html", .html),
        ("---\ntitle: A\ndate: 2025-10-24\n---\nText", "post.md", .text),
    ] as [(String, String, DocumentFormat)])
    func sniff(_ head: String, _ name: String, _ format: DocumentFormat) {
        #expect(FormatSniffer.sniff(Array(head.utf8), fileName: name) == format)
    }

    /// The `%PDF-` search skips eight bytes at a time: it must find the header at every offset, after near misses.
    @Test func pdfHeaderFoundAtEveryOffset() {
        for offset in [0, 1, 7, 8, 9, 15, 16, 17, 100, 1015, 1016, 1017, 1018, 1019, 1020, 1021, 1022, 1023, 1024] {
            let junk = Array(String(repeating: "%PDF %PD-", count: 200).utf8.prefix(offset))
            let bytes = junk + Array("%PDF-1.7\nx".utf8)
            let expected: DocumentFormat = offset <= FormatSniffer.pdfHeaderLimit - 1 ? .pdf : .text
            #expect(FormatSniffer.sniff(bytes, fileName: "a.txt") == expected, "at \(offset)")
            bytes.withUnsafeBufferPointer { #expect(FormatSniffer.firstIndex(of: FormatSniffer.pdfHeader, in: $0) == offset) }
        }
    }

    /// `extensionFormat` finds the dot among the bytes; the Characters' last `.` gives the same format.
    @Test(arguments: [
        "a.html", "A.HTM", "x.tar.eml", "noext", ".mbox", "a.", "a.\u{301}html", "a.html.\u{301}", "b.\u{301}.msg", "c.ht\u{301}ml",
        "d.\u{1F600}", "é.xhtml", "e.shtml\u{301}",
        // compared lower-cased as ASCII bytes: upper and mixed case, and letters that lower-case to none of these
        "f.HTML", "g.XhTmL", "h.EML", "i.mboX", "j.\u{212A}ml", "k.ＨＴＭＬ", "l.html ", "m.htmlx", "n.ml", "o.ΗTML",
    ])
    func extensionFromBytesAsFromCharacters(_ name: String) {
        let byCharacters = name.lastIndex(of: ".").map { name[name.index(after: $0)...].lowercased() }
        let expected: DocumentFormat? =
            switch byCharacters {
            case "html", "htm", "xhtml", "shtml": .html
            case "eml", "msg", "mbox": .email
            default: nil
            }
        #expect(FormatSniffer.extensionFormat(name) == expected)
    }

    /// `firstIndex` jumps between candidate first bytes with `memchr`: the same index as comparing at every offset.
    @Test func pdfHeaderSearchFindsTheFirstMatch() {
        var random = SplitMix64(seed: 23)
        let pieces: [[UInt8]] = [Array("%PDF-".utf8), Array("%PDF".utf8), Array("%".utf8), Array("PDF-".utf8), Array("25% ".utf8), Array("text ".utf8)]
        for round in 0..<3000 {
            var bytes: [UInt8] = []
            while bytes.count < Int(random.next() % 40) { bytes += pieces[Int(random.next() % UInt64(pieces.count))] }
            let needle = FormatSniffer.pdfHeader
            let expected = bytes.count < needle.count ? nil : (0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
            #expect(bytes.withUnsafeBufferPointer { FormatSniffer.firstIndex(of: needle, in: $0) } == expected, "round \(round): \(bytes)")
        }
    }
}
