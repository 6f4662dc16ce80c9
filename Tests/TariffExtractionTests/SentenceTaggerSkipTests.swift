import Foundation
import Testing

@testable import TariffExtraction

/// `SentenceTagger.matches()` asks `match(at:)` only at tokens `mayStartMatch(at:)` lets through: the skip must
/// never pass over a token where `match(at:)` finds an expression. Checked token by token on our evaluation
/// articles, the seeds (when `../shared` is there) and generated text dense in numbers and time words. A rule
/// added to `match(at:)` for a new kind of first token fails here until `mayStartMatch(at:)` lets it in.
@Suite struct SentenceTaggerSkipTests {
    /// `Tests/`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    /// Every `.txt` of the folder, or none when it is absent.
    static func texts(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap {
            try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
    }

    /// Numbers, time words, articles, quantifiers, marks and plain words glued at random.
    static func generated(count: Int) -> [String] {
        let pieces = [
            "a", "an", "A", "every", "each", "Each", "the", "week", "weeks", "May", "march", "Friday", "next", "last",
            "nineteen", "ninety", "two", "thousand", "nineties", "Christmas", "quarter", "Q3", "fiscal", "ago", "year",
            "half", "dozen", "day", "5", "15", "2025", "1990s", "12:30", "a.m.", "p.m.", "3/4/2026", "-", ",", ".", ":",
            "%", "'s", "\u{2019}", "\u{2013}", "mid", "early", "later", "this", "that", "within", "for", "on", "tariff",
            "officials", "said", "will", "latest", "following", "G20", "COVID-19", "é", "日本",
        ]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        return (0..<count).map { _ in
            var words: [String] = []
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<(Int(state >> 59) + 2) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                words.append(pieces[Int(state >> 33) % pieces.count])
            }
            return words.joined(separator: " ") + "."
        }
    }

    /// Tokens `mayStartMatch(at:)` skips where `match(at:)` finds something, as `text: token`.
    static func wronglySkipped(in text: String) -> [String] {
        let document = TextDocument(text)
        let store = TimexTokenizer.Store()
        var found: [String] = []
        for range in document.sentences {
            let tokens = store.tokens(document.bytes, range)
            let tagger = SentenceTagger(bytes: document.bytes, tokens: tokens, reference: CalendarDate(year: 2025, month: 10, day: 24)!)
            for i in tokens.indices where !tagger.mayStartMatch(at: i) && tagger.match(at: i) != nil {
                found.append("\(document.string(range)): \(document.string(tokens[i].start..<tokens[i].end))")
            }
        }
        return withExtendedLifetime(store) { found }
    }

    @Test func neverSkipsAnExpressionOnTheEvaluationTexts() {
        let fixtures = Self.root.appendingPathComponent("Fixtures")
        let texts = Self.texts(in: fixtures.appendingPathComponent("eval")) + Self.texts(in: fixtures.appendingPathComponent("heldout"))
            + Self.texts(in: Self.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seeds"))
        #expect(texts.count >= 15)  // our own sets at least
        #expect(texts.flatMap(Self.wronglySkipped).isEmpty)
    }

    @Test func neverSkipsAnExpressionOnGeneratedText() {
        let texts = Self.generated(count: 3000)
        #expect(texts.flatMap(Self.wronglySkipped) == [])
        // the generated text does reach `match(at:)` results of every kind of first token
        let tagged = texts.reduce(0) { $0 + Extractor().timexes(in: $1, referenceDate: CalendarDate(year: 2025, month: 10, day: 24)!).count }
        #expect(tagged > 1000)
    }
}
