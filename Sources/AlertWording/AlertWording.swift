public import FactStore
public import TariffExtraction

/// The words of one alert, the same wherever it is shown: the journal's MESSAGE and SUBJECT, the feed
/// item's title, summary and content, the calendar's event. Pure: values in, text out.
///
/// Server paths stay out of every text (they are in `SOURCE_FILE` and `_tariffwatch.source_file`); the
/// article is named by its title and address, or by its file name when it has neither.
public struct AlertWording: Sendable {
    public let alert: Alert

    public init(_ alert: Alert) {
        self.alert = alert
    }

    /// One line with the date: the feed item's title, the journal's SUBJECT (the catalog's `@SUBJECT@`).
    /// A new fact is the sentence itself; a change, a conflict and a reminder say so first.
    public var title: String {
        switch (alert.current, alert.kind) {
        case (.deadline(let deadline), .deadlineReminder):
            return FactWords.reminder(deadline, daysBefore: alert.daysBefore ?? 0)
        case (.deadline(let deadline), let kind):
            var line = FactWords.sentence(deadline)
            if let previous = alert.previous, let was = FactWords.changedValues(from: previous, to: alert.current) {
                line += kind == .conflictingReport ? " (other reports: \(was))" : " (was \(was))"
            }
            return Self.label(kind) + line
        case (.tariff(let tariff), let kind):
            var notes: [String] = []
            if let previous = alert.previous, let was = FactWords.changedValues(from: previous, to: alert.current) {
                notes.append(kind == .conflictingReport ? "other reports: \(was)" : "was \(was)")
            }
            return Self.label(kind) + FactWords.sentence(tariff, confidence: alert.confidence, notes: notes)
        }
    }

    /// The journal's MESSAGE: the title, and the article's title when it has one.
    public var message: String {
        guard let title = alert.provenance?.title, !title.isEmpty else { return self.title }
        return "\(self.title) – “\(title)”"
    }

    /// The feed item's `summary`: the title as a sentence and where it was read.
    public var summary: String { feedTexts.summary }

    /// The feed item's `content_text`: the title, the evidence quoted, the source.
    public func contentText(sourceCount: Int) -> String {
        let parts = feedTexts.contentText
        return parts.before + Self.corroborationText(sourceCount: sourceCount) + parts.after
    }

    /// The feed item's `content_html`: the same as `contentText`, with the evidence in a blockquote and a link to the article.
    public func contentHTML(sourceCount: Int) -> String {
        let parts = feedTexts.contentHTML
        return parts.before + Self.corroborationHTML(sourceCount: sourceCount) + parts.after
    }

    /// A feed item's texts, worded from one title: `content_text` and `content_html` around their
    /// corroboration line (`before + corroborationText(sourceCount:) + after`), which the feed fills
    /// in per source count.
    public struct FeedTexts: Sendable {
        public var title: String
        public var summary: String
        public var contentText: (before: String, after: String)
        public var contentHTML: (before: String, after: String)
    }

    /// The feed item's texts; the title is worded once for all of them.
    public var feedTexts: FeedTexts {
        let title = self.title
        let sentence = Self.sentence(title)
        var summary = sentence
        if let article = alert.provenance, article.title != nil || article.published != nil {
            summary += " From \(SourceWords.line(article: article, sourceFile: alert.sourceFile, withURL: false))."
        }
        var text = sentence + "\n\n“\(alert.evidence)”\n\nSource: "
        text += SourceWords.line(article: alert.provenance, sourceFile: alert.sourceFile, withURL: true) + "."
        var html = "<p>\(HTMLText.escape(sentence))</p>\n<blockquote><p>\(HTMLText.escape(alert.evidence))</p></blockquote>"
        html += "\n<p>Source: \(SourceWords.html(article: alert.provenance, sourceFile: alert.sourceFile)).</p>"
        let note = SourceWords.dateNote(alert.provenance)
        return FeedTexts(
            title: title, summary: summary, contentText: (text, note.map { "\n" + $0 } ?? ""),
            contentHTML: (html, note.map { "\n<p>\(HTMLText.escape($0))</p>" } ?? ""))
    }

    /// The part of `contentText` that depends on the source count: empty for one source. The feed
    /// fills it into items it rendered before (`FeedItemTemplate`), so it is the only such part.
    public static func corroborationText(sourceCount: Int) -> String {
        sourceCount > 1 ? "\nReported by \(sourceCount) sources." : ""
    }

    /// The part of `contentHTML` that depends on the source count, as `corroborationText`.
    public static func corroborationHTML(sourceCount: Int) -> String {
        sourceCount > 1 ? "\n<p>Reported by \(sourceCount) sources.</p>" : ""
    }

    /// What a new fact needs no word for; the others say what happened to it.
    static func label(_ kind: AlertKind) -> String {
        switch kind {
        case .newDeadline, .newTariff, .deadlineReminder: ""
        case .changedDeadline, .changedTariff: "Changed: "
        case .conflictingReport: "Conflicting report: "
        }
    }

    /// A title ends in a full stop where the text goes on.
    static func sentence(_ line: String) -> String {
        line.last.map { ".!?".contains($0) } == true ? line : line + "."
    }
}

/// The deadline calendar's words, from the same rules as the alerts.
///
/// Each text takes the deadline's `FactWords.event` when the caller has it: a calendar reads each subject once for
/// its summary, its description and its alarms, where reading it for each was a third of rendering a calendar.
public enum CalendarWording {
    /// `SUMMARY`: what happens, the date being the event's own (`100% tariffs on Chinese goods take effect`).
    public static func summary(_ deadline: DeadlineFact, event: FactWords.Event? = nil) -> String {
        (event ?? FactWords.event(deadline)).what
    }

    /// `DESCRIPTION`: the sentence with its date as reported, the evidence, the source.
    public static func description(
        _ deadline: DeadlineFact, event: FactWords.Event? = nil, evidence: String, article: ArticleProvenance?, sourceFile: String,
        sourceCount: Int
    ) -> String {
        var text = AlertWording.sentence(FactWords.sentence(deadline, event: event))
        if !evidence.isEmpty { text += "\n\n“\(evidence)”" }
        if !sourceFile.isEmpty || article != nil {
            text += "\n\nSource: " + SourceWords.line(article: article, sourceFile: sourceFile, withURL: true)
            text += sourceCount > 1 ? " (reported by \(sourceCount) sources)." : "."
        }
        return text
    }

    /// An alarm's text: the reminder alert's words.
    public static func alarm(_ deadline: DeadlineFact, daysBefore: Int, event: FactWords.Event? = nil) -> String {
        FactWords.reminder(deadline, daysBefore: daysBefore, event: event)
    }

    /// `CATEGORIES`: the kind as a person names it.
    public static func category(_ kind: DeadlineKind) -> String {
        FactWords.label(kind)
    }
}

/// Where a fact was read, named for a person: the article's title, date and address, else its file name.
enum SourceWords {
    /// `“EU to hit US steel”, published Mon 20 Oct 2025 – https://…`; `file hearing.txt`.
    static func line(article: ArticleProvenance?, sourceFile: String, withURL: Bool) -> String {
        var parts: [String] = []
        if let title = article?.title, !title.isEmpty {
            parts.append("“\(title)”")
        } else if withURL, let url = article?.url {
            parts.append(url)
        } else {
            parts.append("file \(fileName(sourceFile))")
        }
        if let published = article?.published { parts.append("published \(DateWords.day(published))") }
        var line = parts.joined(separator: ", ")
        if withURL, article?.title?.isEmpty == false, let url = article?.url { line += " – \(url)" }
        return line
    }

    static func html(article: ArticleProvenance?, sourceFile: String) -> String {
        let name = article?.title.flatMap { $0.isEmpty ? nil : $0 } ?? article?.url ?? "file \(fileName(sourceFile))"
        var html = article?.url.map { "<a href=\"\(HTMLText.escape($0))\">\(HTMLText.escape(name))</a>" } ?? HTMLText.escape(name)
        if let published = article?.published { html += ", published \(DateWords.day(published))" }
        return html
    }

    /// Relative dates (`next Thursday`) count from the article's date; when it gives none, from the file's.
    static func dateNote(_ article: ArticleProvenance?) -> String? {
        article == nil || article?.referenceDateSource == "mtime"
            ? "Relative dates were read against the file's date: the article states none." : nil
    }

    /// `hearing.txt` from `/var/spool/tariffwatch/inbox/hearing.txt`, and from `…/feed.xml#item-3` the file.
    static func fileName(_ path: String) -> String {
        let file = path.split(separator: "#", maxSplits: 1).first ?? Substring(path)
        return file.split(separator: "/").last.map(String.init) ?? path
    }
}

/// HTML text escaping for the five characters that matter.
enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` as HTML entities, where a whole character is one of them
    /// (a combining mark after `&` makes another character, left as it is). Every feed item escapes
    /// its sentence, evidence and source name: walking characters (grapheme breaking) was 4% of a
    /// burst's CPU, so text with none of those bytes is returned as it is (no character can be one of
    /// them), and ASCII text, where every byte is a character, is escaped byte by byte.
    static func escape(_ text: String) -> String {
        var special = false
        var ascii = true
        for byte in text.utf8 {
            if byte >= 0x80 {
                ascii = false
            } else if entity(byte) != nil {
                special = true
            }
        }
        guard special else { return text }
        guard ascii else { return escapeCharacters(text) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if let entity = entity(byte) { out += entity.utf8 } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func entity(_ byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }

    /// The definition: character by character.
    static func escapeCharacters(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
