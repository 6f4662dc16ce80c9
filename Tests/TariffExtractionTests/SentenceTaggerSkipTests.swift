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
        generated(count: count, from: pieces)
    }

    /// What `generated(count:)` glues together.
    static let pieces = [
        "a", "an", "A", "every", "each", "Each", "the", "week", "weeks", "May", "march", "Friday", "next", "last",
        "nineteen", "ninety", "two", "thousand", "nineties", "Christmas", "quarter", "Q3", "fiscal", "ago", "year",
        "half", "dozen", "day", "5", "15", "2025", "1990s", "12:30", "a.m.", "p.m.", "3/4/2026", "-", ",", ".", ":",
        "%", "'s", "\u{2019}", "\u{2013}", "mid", "early", "later", "this", "that", "within", "for", "on", "tariff",
        "officials", "said", "will", "latest", "following", "G20", "COVID-19", "é", "日本",
    ]

    /// `pieces` glued at random, two to thirty-three a sentence.
    static func generated(count: Int, from pieces: [String]) -> [String] {
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

    /// The tokens of `text` at which `fails` holds, as `text: token`, each asked with its sentence's tagger.
    static func tokens(in text: String, where fails: (SentenceTagger, Int) -> Bool) -> [String] {
        let document = TextDocument(text)
        let store = TimexTokenizer.Store()
        var found: [String] = []
        for range in document.sentences {
            let tokens = store.tokens(document.bytes, range)
            let tagger = SentenceTagger(bytes: document.bytes, tokens: tokens, reference: CalendarDate(year: 2025, month: 10, day: 24)!)
            for i in tokens.indices where fails(tagger, i) {
                found.append("\(document.string(range)): \(document.string(tokens[i].start..<tokens[i].end))")
            }
        }
        return withExtendedLifetime(store) { found }
    }

    /// Tokens `mayStartMatch(at:)` skips where `match(at:)` finds something.
    static func wronglySkipped(in text: String) -> [String] {
        tokens(in: text) { tagger, i in !tagger.mayStartMatch(at: i) && tagger.match(at: i) != nil }
    }

    /// Our own evaluation and held-out articles.
    static var fixtureTexts: [String] {
        let fixtures = root.appendingPathComponent("Fixtures")
        return texts(in: fixtures.appendingPathComponent("eval")) + texts(in: fixtures.appendingPathComponent("heldout"))
    }

    @Test func neverSkipsAnExpressionOnTheEvaluationTexts() {
        let texts = Self.fixtureTexts
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

    /// Number shapes news is full of, and what may follow a number or `a`/`an` in an expression.
    static let numberPieces = pieces + [
        "1,200", "3.5", "$52", "52", "1", "31", "32", "100", "1000", "1001", "1800", "2199", "2200", "12", "20th", "1st",
        "3rd", "th", "of", "to", "through", "until", "and", "1/2", "90-day", "11/1", "2025-11-01", "5pm", "5:30", "am",
        "pm", "p", "m", "a", "few", "several", "days", "month", "hours", "decade", "century", "percent", "%", "/", "-",
    ]

    /// `match(at:)` asks a number only the patterns `numberPatterns` lets through, and `a`/`an` for a duration only
    /// before what can go on one: both must give what asking every pattern in turn gives. The tokens that differ.
    static func gatedDiffer(in text: String) -> [String] {
        tokens(in: text) { tagger, i in
            let tokens = tagger.tokens, token = tokens[i]
            let ungated: TimexMatch?
            if token.kind == .number {
                // glued to a word or a minus, no pattern is asked (`G20`, `COVID-19`)
                if i > 0, !token.spaceBefore, tokens[i - 1].kind == .word || tokens[i - 1].mark == 0x2D { return false }
                ungated = tagger.timeOfDay(i) ?? tagger.numericDate(i) ?? tagger.dayFirstDate(i) ?? tagger.century(i)
                    ?? tagger.duration(i) ?? tagger.bareYear(i)
            } else if tagger.isWord(i, W.a) || tagger.isWord(i, W.an) {
                ungated = tagger.duration(i)
            } else {
                return false
            }
            return String(describing: tagger.match(at: i)) != String(describing: ungated)
        }
    }

    @Test func numberAndArticleGatesGiveWhatEveryPatternGives() {
        let texts = Self.fixtureTexts + Self.generated(count: 6000, from: Self.numberPieces)
        #expect(texts.flatMap(Self.gatedDiffer) == [])
        // the generated text reaches matches that start at a number and at `a`/`an`
        let tagged = texts.reduce(0) { $0 + Extractor().timexes(in: $1, referenceDate: CalendarDate(year: 2025, month: 10, day: 24)!).count }
        #expect(tagged > 2000)
    }

    /// `nextPossibleStart` reads a word's bit in `startBits` before `matchStarts`: every start must have its bit.
    @Test func startBitsHoldEveryStart() {
        let words = TimexLexicon.entries.map(\.word) + SentenceTagger.unlistedStarts
        let missing = words.filter { word in
            let hash = TimexTokenizer.hash(word)
            return !SentenceTagger.startBits.mayHold(hash)
        }
        #expect(missing == [])
    }
}
