import Testing

@testable import TariffExtraction

@Suite struct FunctionWordHashTests {
    /// `W`'s constants (and the splitter's `no`) are literals for speed; each must be the hash of its word.
    @Test func functionWordHashesMatchTheirWords() {
        let constants: [(UInt64, String)] = [
            (SentenceSplitter.noHash, "no"),
            (W.on, "on"),
            (W.morning, "morning"),
            (W.afternoon, "afternoon"),
            (W.evening, "evening"),
            (W.night, "night"),
            (W.am, "am"),
            (W.pm, "pm"),
            (W.p, "p"),
            (W.m, "m"),
            (W.will, "will"),
            (W.shall, "shall"),
            (W.ll, "ll"),
            (W.in_, "in"),
            (W.at, "at"),
            (W.by, "by"),
            (W.from, "from"),
            (W.to, "to"),
            (W.until, "until"),
            (W.till, "till"),
            (W.through, "through"),
            (W.thru, "thru"),
            (W.and, "and"),
            (W.between, "between"),
            (W.of, "of"),
            (W.the, "the"),
            (W.a, "a"),
            (W.an, "an"),
            (W.ago, "ago"),
            (W.within, "within"),
            (W.over, "over"),
            (W.during, "during"),
            (W.since, "since"),
            (W.before, "before"),
            (W.after, "after"),
            (W.for_, "for"),
            (W.old, "old"),
            (W.s, "s"),
            (W.every, "every"),
            (W.each, "each"),
            (W.per, "per"),
            (W.year, "year"),
            (W.end, "end"),
            (W.fiscal, "fiscal"),
            (W.now, "now"),
            (W.later, "later"),
            (W.past, "past"),
            (W.early, "early"),
            (W.earlier, "earlier"),
            (W.current, "current"),
            (W.future, "future"),
            (W.latest, "latest"),
            (W.late, "late"),
            (W.mid, "mid"),
        ]
        for (constant, word) in constants {
            #expect(constant == WordHash.of(word), "W constant for \(word)")
        }
    }
}
