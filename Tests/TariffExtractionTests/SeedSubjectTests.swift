import Foundation
import Testing

@testable import TariffExtraction

/// The subjects the seed articles' required deadlines get: what happens and who is involved, never a fragment.
///
/// The seeds live in `../shared` (not ours to copy); without them the test is skipped.
@Suite struct SeedSubjectTests {
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")

    struct Required: Sendable, CustomTestStringConvertible {
        var file: String
        var reference: String
        var date: String
        var note: String
        var testDescription: String { "\(file) \(date): \(note)" }
    }

    static var required: [Required] {
        guard let data = try? Data(contentsOf: shared.appendingPathComponent("eval/seeds.gold.json")),
            let gold = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let documents = gold["documents"] as? [String: [String: Any]]
        else { return [] }
        return documents.sorted { $0.key < $1.key }.flatMap { name, doc in
            (doc["deadlines"] as? [[String: Any]] ?? []).filter { $0["required"] as? Bool ?? true }.compactMap {
                guard let date = $0["date"] as? String, let reference = doc["reference_date"] as? String else { return nil }
                return Required(file: name, reference: reference, date: date, note: $0["note"] as? String ?? "")
            }
        }
    }

    /// Words of the gold note that say what happens: not dates, not function words.
    static func contentWords(_ text: String) -> Set<String> {
        let dateWords: Set<String> = [
            "next", "this", "week", "month", "starting", "until", "through", "january", "february", "march", "april",
            "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "planned", "later", "lasted", "these", "further",
        ]
        let words = text.lowercased().split { !$0.isLetter && $0 != "-" }.map(String.init)
        return Set(words.filter { $0.count >= 4 && !dateWords.contains($0) })
    }

    @Test(.enabled(if: !required.isEmpty, "needs ../shared/seeds and ../shared/eval/seeds.gold.json"), arguments: required)
    func subjectSaysWhatHappens(_ gold: Required) throws {
        let text = try String(contentsOf: Self.shared.appendingPathComponent("seeds/\(gold.file)"), encoding: .utf8)
        let reference = try #require(CalendarDate(iso: gold.reference))
        let deadline = try #require(
            Extractor().extract(text, referenceDate: reference).deadlines.first { $0.upcoming && $0.date.iso == gold.date })
        let subject = deadline.subject
        let words = subject.split(separator: " ")
        #expect(words.count >= 2, "a fragment: \(subject)")
        #expect(!(words.last.map { $0.hasSuffix(",") } ?? true), "cut mid-phrase: \(subject)")
        let shared = Self.contentWords(subject).intersection(Self.contentWords(gold.note))
        #expect(!shared.isEmpty, "\(subject) shares nothing with \(gold.note)")
        // a bare verb phrase (`meet in Kuala Lumpur`) must say who meets
        let first = subject.unicodeScalars.first.map { CharacterSet.lowercaseLetters.contains($0) } ?? false
        #expect(!(first && Self.bareVerbs.contains(String(words[0]))), "no actor: \(subject)")
    }

    static let bareVerbs: Set<String> = ["meet", "arrive", "travel", "visit", "hold", "sign", "impose", "start", "take"]
}
