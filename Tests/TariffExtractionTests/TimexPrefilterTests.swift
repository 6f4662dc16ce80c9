import Testing

@testable import TariffExtraction

/// The byte-level prefilter may pass a sentence the tagger finds empty, but must never reject one
/// in which the tagger finds an expression.
@Suite struct TimexPrefilterTests {
    /// What the prefilter must keep, read from the tagger's own tokens and matches.
    static func exact(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let store = TimexTokenizer.Store()
        let tokens = store.tokens(bytes, range)
        let reference = CalendarDate(year: 2025, month: 6, day: 11)!
        return withExtendedLifetime(store) { !SentenceTagger(bytes: bytes, tokens: tokens, reference: reference).matches().isEmpty }
    }

    @Test(arguments: [
        ("Markets rose sharply as investors weighed the news.", false),
        ("Talks resume next week.", true),
        ("The week\u{2019}s talks", true),
        ("Officials met on Thursday", true),
        ("Exports grew 3.5% in the quarter", true),
        ("A deal in Q3 is possible", true),
        ("mid-December", true),
        ("MAY", true),
        ("Shipping lines adjusted their routes", false),
        ("Mayé said nothing", true),  // `May` before a non-ASCII letter: a harmless pass
        ("Shares fell 5% to $52 million, or 3.25 cents a share.", false),  // amounts date nothing alone
        ("The vote opens at 5 p.m. sharp", true),
        ("Polls close at 8pm", true),
        ("Trading resumed at 12:01", true),
        ("Imports rose 25 percent", false),  // `p` not before `m` or `.`: no time
        ("Fact 2: exports grew", false),  // `:` not before a digit: no time
        ("Talks end this morning", true),
        ("Polls open at 7 a.m.", true),
        ("It was one of the first steps to end the dispute", false),  // counts and ranks without a unit
        ("Officials may march on", false),  // lower-case month names are verbs
        ("Prices of nineteen ninety", true),
        ("By two thousand", true),
        ("Filed 11/1/2025 with the court", true),
        ("Filed 2025-11-01 with the court", true),
        ("Prices doubled since 1999", true),
        ("Sales in the 1990s", true),
        ("Sales of 1,234 cars", false),
        ("A 250-page report", false),
        ("", false),
        // runs across the scan's blocks of 64 bytes: one longer than a block, triggers starting in its last bytes
        (String(repeating: "a", count: 130) + " next week", true),
        (String(repeating: "b", count: 61) + " May", true),
        (String(repeating: "c", count: 62) + " May", true),
        (String(repeating: "d", count: 64) + "May", false),
        (String(repeating: "e ", count: 31) + "May", true),
    ])
    func examples(_ text: String, _ passes: Bool) {
        let bytes = Array(text.utf8)
        #expect(TimexPrefilter.mayHoldTime(bytes, 0..<bytes.count) == passes)
    }

    @Test func neverRejectsWhatTheTaggerWouldKeep() {
        // lexicon words, near misses, digits, non-ASCII letters and punctuation glued at random
        let pieces = [
            "May", "march", "week", "weeks", "Q3", "today", "mid", "th", "st", "now", "day", "days", "the", "weekly",
            "mayor", "marches", "weekday", "Tuesdays", "G20", "COVID-19", "é", "\u{2019}", "\u{2014}", "\u{00A0}", " ", " ",
            " ", "-", ".", ",", "5", "2025", "%", "(", "ñ", "日本", "x", "a",
            "12", "1999", "1750", "250", ":", "/", "p", "m", "am", "PM", "in", "on", "since", "Q", "q4", "$",
            "this", "next", "first", "two", "nineteen", "ninety", "thousand", "morning", "end", "of", "that", "later",
            "percent", "current", "past", "MARCH", "Friday", "friday",
        ].map { Array($0.utf8) }
        var state: UInt64 = 0x9E37_79B9
        var kept = 0
        var rejected = 0
        var wronglyRejected = 0
        for _ in 0..<5000 {
            var bytes: [UInt8] = []
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<(Int(state >> 60) + 1) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes += pieces[Int(state >> 33) % pieces.count]
            }
            let exact = Self.exact(bytes, 0..<bytes.count)
            let passes = TimexPrefilter.mayHoldTime(bytes, 0..<bytes.count)
            if exact { kept += 1 }
            if !passes { rejected += 1 }
            if exact && !passes { wronglyRejected += 1 }
        }
        #expect(wronglyRejected == 0)
        #expect(kept > 400 && rejected > 300)  // the random text reaches both outcomes (520 and 2411 kept and rejected)
    }
}
