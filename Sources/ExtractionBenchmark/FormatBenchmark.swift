import ArticleFormats
import Foundation
import TariffExtraction

/// Throughput of reading documents (`make bench`): plain text, HTML pages and PDFs built from the same
/// generated articles, each decoded by `ArticleDecoder` and then extracted, so the figures compare
/// what a format costs on top of the extractor.
enum FormatBenchmark {
    static let day = CalendarDate(year: 2025, month: 10, day: 24)!

    static func run(_ documents: [String]) {
        let decoder = ArticleDecoder(maxTextSize: 64 << 20)
        let texts = documents.map { Array($0.utf8) }
        report("text", texts, decoder: decoder)
        report("HTML", documents.map { Array(page($0).utf8) }, decoder: decoder)
        if let pdf = pdf(documents.prefix(120)) {
            report("PDF", [pdf], decoder: decoder, runs: 3)
        } else {
            print("PDF: skipped, ghostscript (gs) is not installed; make deps installs it")
        }
    }

    /// `NAME: N files, X MB; decode Y MB/s; decode + extract Z MB/s (of the files' bytes)`.
    static func report(_ name: String, _ files: [[UInt8]], decoder: ArticleDecoder, runs: Int = 5) {
        let megabytes = Double(files.reduce(0) { $0 + $1.count }) / 1_000_000
        var textBytes = 0
        let decode = best(runs: runs) {
            textBytes = 0
            for file in files {
                let decoded = try! decoder.decode(file, fileName: "bench", modificationDay: day)
                textBytes += decoded.articles.reduce(0) { $0 + $1.text.utf8.count }
            }
            return textBytes
        }
        let both = best(runs: runs) {
            files.reduce(0) { total, file in
                let decoded = try! decoder.decode(file, fileName: "bench", modificationDay: day)
                return decoded.articles.reduce(total) { sum, article in
                    let e = extractor.extract(article.text, referenceDate: day)
                    return sum + e.deadlines.count + e.tariffChanges.count
                }
            }
        }
        // The extractor alone on the decoded text, measured in the same moment, is the yardstick.
        let decodedTexts = files.flatMap { try! decoder.decode($0, fileName: "bench", modificationDay: day).articles.map(\.text) }
        let extractOnly = best(runs: runs) {
            decodedTexts.reduce(0) { let e = extractor.extract($1, referenceDate: day); return $0 + e.deadlines.count + e.tariffChanges.count }
        }
        let share = Int((Double(textBytes) / 1_000_000 / megabytes * 100).rounded())
        print(
            "\(name): \(files.count) file\(files.count == 1 ? "" : "s"), \(format(megabytes)) MB (text \(share)% of it), "
                + "\(both.result) facts; decode \(format(megabytes / decode.seconds)) MB/s; "
                + "decode + extract \(format(megabytes / both.seconds)) MB/s; "
                + "extract alone \(format(Double(textBytes) / 1_000_000 / extractOnly.seconds)) MB/s of text (best of \(runs))")
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    /// The article inside a page with the furniture real pages have: head, scripts, navigation,
    /// share bar, related links, newsletter box, footer.
    static func page(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        let title = lines.first.map(String.init) ?? ""
        let paragraphs = lines.dropFirst().map { "<p>\(escape(String($0)))</p>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(escape(title)) | Ledger</title>
            <meta property="article:published_time" content="2025-10-24T08:00:00Z"><link rel="canonical" href="https://ledger.example/a">
            <script>window.dataLayer=[];function track(e){dataLayer.push(e)};track({page:"article"});</script>
            <style>body{font-family:serif}.nav a{margin:4px}.share a{color:#333}</style></head>
            <body><header class="site-header"><nav class="nav"><a href="/">Home</a><a href="/markets">Markets</a><a href="/trade">Trade</a></nav></header>
            <main><article><h1>\(escape(title))</h1><div class="share"><a href="#">Share</a><a href="#">Email</a></div>
            \(paragraphs)
            <aside class="related"><ul><li><a href="/r1">Related: duties rise again</a></li><li><a href="/r2">Related: talks stall</a></li></ul></aside>
            </article></main><div class="newsletter"><p>Sign up for the briefing.</p></div>
            <footer><p>&copy; 2025 Ledger</p></footer><script src="/app.js"></script></body></html>
            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }

    /// One PDF of the articles, typeset by ghostscript (about 90 characters a line, 60 lines a page).
    static func pdf(_ documents: ArraySlice<String>) -> [UInt8]? {
        guard let gs = ["/usr/bin/gs", "/usr/local/bin/gs"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return nil
        }
        var ps = "%!PS\n/Helvetica findfont 9 scalefont setfont\n"
        var y = 760
        func newPage() {
            ps += "showpage\n"
            y = 760
        }
        for document in documents {
            for paragraph in document.split(separator: "\n") {
                var line = ""
                for word in paragraph.split(separator: " ") {
                    if line.count + word.count > 90 {
                        ps += "72 \(y) moveto (\(psEscape(line))) show\n"
                        y -= 11
                        if y < 60 { newPage() }
                        line = ""
                    }
                    line += (line.isEmpty ? "" : " ") + word
                }
                if !line.isEmpty { ps += "72 \(y) moveto (\(psEscape(line))) show\n" }
                y -= 22
                if y < 60 { newPage() }
            }
            newPage()
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tariffwatch-bench-\(UUID())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("corpus.ps"), output = folder.appendingPathComponent("corpus.pdf")
        guard (try? ps.write(to: input, atomically: false, encoding: .utf8)) != nil else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gs)
        process.arguments = ["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-sOutputFile=\(output.path)", input.path]
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return (try? Data(contentsOf: output)).map(Array.init)
    }

    /// PostScript string literal: ASCII only, with `(`, `)` and `\` escaped.
    static func psEscape(_ text: Substring.SubSequence) -> String { psEscape(String(text)) }

    static func psEscape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "(", ")", "\\": out += "\\" + String(scalar)
            case _ where scalar.isASCII: out.unicodeScalars.append(scalar)
            default: out += "?"
            }
        }
        return out
    }
}
