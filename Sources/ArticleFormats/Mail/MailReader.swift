import Foundation
import SharedLibraries
import TariffExtraction

/// An e-mail (a `.eml`, a Maildir file, the first message of an mbox): the subject is the title, the
/// `Date:` header the publication date, the body the text/plain part (else the HTML part through the
/// HTML reader), without the newsletter footer.
enum MailReader {
    static func read(_ bytes: [UInt8], modificationDay: CalendarDate) throws(FormatError) -> ArticleDocument {
        let parsed: MimeMessage?
        do throws(LibraryMissing) { parsed = try MimeMessage(bytes) } catch { throw .libraryMissing(.email, error) }
        guard let message = parsed else { throw .malformed(.email, reason: "GMime could not parse the message") }
        let parts = message.textParts
        let plain = parts.first { $0.subtype == "plain" && !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let html = parts.first { $0.subtype == "html" }
        var body: String
        var url = message.header("Archived-At").map(trimAngles) ?? message.header("Content-Base").map(trimAngles)
        if let plain {
            body = plain.text.replacingOccurrences(of: "\r\n", with: "\n")
        } else if let html {
            body = HTMLReader.fragmentText(html.text)
        } else {
            throw .noText(.email, reason: parts.isEmpty ? "no text part" : "its text parts are empty")
        }
        if url == nil, let html { url = NewsletterBoilerplate.browserLink(inHTML: html.text) }
        body = NewsletterBoilerplate.strip(body)
        guard !body.isEmpty else { throw .noText(.email, reason: "nothing is left once the footer is removed") }
        let subject = message.subject.map(MainText.collapse).map(stripForwardPrefix)
        let text = [subject ?? "", body].filter { !$0.isEmpty }.joined(separator: "\n\n")
        var document = ArticleDocument(text: text, title: subject, url: url)
        if let date = message.date, let day = CalendarDate(year: date.year, month: date.month, day: date.day) {
            document.published = PublicationDate(date: day, source: .metadata, origin: "Date: header")
        } else {
            document.published = Dateline.find(in: text, modificationDay: modificationDay)
        }
        return document
    }

    static func trimAngles(_ value: String) -> String {
        value.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t"))
    }

    /// "Fwd: " and "FW: " are the forwarder's, not the article's title.
    static func stripForwardPrefix(_ subject: String) -> String {
        var rest = Substring(subject)
        while let prefix = ["fwd:", "fw:", "re:"].first(where: { rest.lowercased().hasPrefix($0) }) {
            rest = rest.dropFirst(prefix.count).drop { $0 == " " }
        }
        return String(rest)
    }
}

/// What newsletters put around the article: "view in browser", unsubscribe footers, signatures,
/// quoted replies.
enum NewsletterBoilerplate {
    /// A line containing one of these is furniture.
    static let markers = [
        "unsubscribe", "view in browser", "view this email", "view it in your browser", "view online",
        "manage your preferences", "update your preferences", "email preferences", "you are receiving this",
        "you received this", "you're receiving this", "to stop receiving", "forward to a friend", "add us to your address book",
        "was sent to", "privacy policy", "all rights reserved",
    ]

    /// Removes furniture lines; from a footer marker in the last third on, everything; from `-- ` on, the signature.
    static func strip(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        if let signature = lines.firstIndex(of: "-- ") { lines = Array(lines[..<signature]) }
        let total = lines.count
        var kept: [String] = []
        for (index, line) in lines.enumerated() {
            let lower = line.lowercased()
            if line.hasPrefix(">") { continue }
            if markers.contains(where: lower.contains) {
                if index * 3 >= total * 2 { break }
                continue
            }
            kept.append(line)
        }
        while let last = kept.last, last.trimmingCharacters(in: .whitespaces).isEmpty
            || last.trimmingCharacters(in: .whitespaces).allSatisfy({ "-_=*~".contains($0) })
        {
            kept.removeLast()
        }
        return kept.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The href of a "View in browser"/"View online" link: the newsletter's web copy.
    static func browserLink(inHTML html: String) -> String? {
        guard let tree = try? XMLTree.html(Array(html.utf8), encoding: "UTF-8"), let root = tree.root else { return nil }
        let link = root.first { node in
            guard node.name == "a", node.attribute("href")?.hasPrefix("http") == true else { return false }
            let text = node.textContent.lowercased()
            return text.contains("browser") || text.contains("view online") || text.contains("web version")
        }
        return link?.attribute("href")
    }
}
