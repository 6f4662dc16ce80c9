import Testing

@testable import TariffExtraction

/// The buffers the engine reuses from sentence to sentence (the tokenizers' scratch space, the tagger's token
/// and match arrays) must give what a fresh array gives, whatever sentence came before: a longer one, a
/// shorter one, one whose tokens the caller kept.
@Suite struct ReusedBufferTests {
    static let sentences = [
        "The U.S. will impose a 25% tariff on Chinese steel from March 1, 2026.",
        "Beijing's anti-dumping duties \u{2013} on U.S.\u{2013}made goods \u{2013} rose to 1,250.5 per cent; officials said.",
        "Ok",
        "Canada\u{2019}s \u{201C}retaliatory\u{201D} levies of 10, 15 and 25 percent take effect on Friday, Oct. 30.",
        String(repeating: "tariffs of 5% until 2027, ", count: 60),  // more tokens than a scratch holds at first
        "EU ministers met in Brussels on Monday \u{2014} talks resume next week.",
        "x",
    ]

    static func same(_ a: TariffToken, _ b: TariffToken) -> Bool {
        a.start == b.start && a.end == b.end && a.kind == b.kind && a.hash == b.hash && a.number == b.number
            && a.capitalized == b.capitalized && a.allCaps == b.allCaps && a.hyphenBefore == b.hyphenBefore
    }

    static func same(_ a: TimexToken, _ b: TimexToken) -> Bool {
        a.start == b.start && a.end == b.end && a.hash == b.hash && a.value == b.value && a.digits == b.digits
            && a.kind == b.kind && a.mark == b.mark && a.capitalized == b.capitalized && a.spaceBefore == b.spaceBefore
    }

    @Test func tariffScratchGivesTheTokensOfAFreshArray() {
        var scratch = TariffTokenizer.Scratch(capacity: 4)  // grows on the first long sentence
        for text in Self.sentences + Self.sentences.reversed() {
            let bytes = Array(text.utf8)
            var fresh: [TariffToken] = []
            TariffTokenizer.tokenize(bytes, 0..<bytes.count, into: &fresh)
            let reused = scratch.tokens(bytes, 0..<bytes.count)
            #expect(reused.count == fresh.count, "\(text)")
            #expect(zip(reused, fresh).allSatisfy { Self.same($0, $1) }, "\(text)")
        }
    }

    /// The finder's token store hands every sentence room of its own in shared blocks: each sentence's tokens and
    /// word classes stay what a fresh array gives after many more sentences were added, across block boundaries
    /// (blocks of four tokens here, so nearly every sentence takes a new one or outgrows it), and so do the
    /// mentions a named sentence keeps there.
    @Test func tariffStoreKeepsEverySentencesTokens() {
        let store = TariffTokenizer.Store(blockTokens: 4)
        let texts = Self.sentences + Self.sentences.reversed() + ["The EU and Canada imposed duties on China and Japan."]
        let sentences = texts.map { text in
            let bytes = Array(text.utf8)
            return TariffSentence(wordsOf: bytes, index: 0, range: 0..<bytes.count, store: store).named()
        }
        for (text, sentence) in zip(texts, sentences) {
            let bytes = Array(text.utf8)
            var fresh: [TariffToken] = []
            TariffTokenizer.tokenize(bytes, 0..<bytes.count, into: &fresh)
            #expect(sentence.count == fresh.count, "\(text)")
            #expect(zip(sentence.tokens, fresh).allSatisfy { Self.same($0, $1) }, "\(text)")
            let classes = fresh.map { $0.kind == .word ? TariffVocabulary.table[$0.hash]?.classes ?? [] : [] }
            #expect(sentence.lexemes.map(\.classes) == classes, "\(text)")
            let alone = TariffSentence.named(bytes, index: 0, range: 0..<bytes.count)
            #expect(sentence.mentions.map(\.code) == alone.mentions.map(\.code), "\(text)")
            #expect(sentence.mentions.map(\.tokens) == alone.mentions.map(\.tokens), "\(text)")
        }
        #expect(sentences.last?.mentions.map(\.code) == ["EU", "CA", "CN", "JP"])
    }

    /// The rules that read the token before (hyphens, possessives) and the capitals test read the buffer now.
    @Test func tariffTokensKeepTheirJoinsAndCapitals() {
        let bytes = Array("US-China EU's U.S. Us tariff \u{2014} duty".utf8)
        var scratch = TariffTokenizer.Scratch()
        let tokens = scratch.tokens(bytes, 0..<bytes.count)
        #expect(tokens.map(\.kind) == [.word, .word, .word, .possessive, .word, .word, .word, .dash, .word])
        #expect(tokens.map(\.allCaps) == [true, false, true, false, true, false, false, false, false])
        #expect(tokens.map(\.hyphenBefore) == [false, true, false, false, false, false, false, false, false])
        #expect(tokens[4].hash == TariffTokenizer.hash("us"))  // periods of `U.S.` stay out of the hash
    }

    /// The tagger's token store hands every sentence room of its own in shared blocks: each sentence's tokens stay
    /// what a store of its own gives after many more sentences were added, across block boundaries (blocks of
    /// sixteen tokens here, so most sentences, given room for a token per byte, take a new block).
    @Test func timexStoreKeepsEverySentencesTokens() {
        let store = TimexTokenizer.Store(blockTokens: 16)
        let texts = Self.sentences + Self.sentences.reversed() + Self.sentences
        let kept = texts.map { text in
            let bytes = Array(text.utf8)
            return store.tokens(bytes, 0..<bytes.count)  // held: the next sentence must not write into it
        }
        for (text, tokens) in zip(texts, kept) {
            let bytes = Array(text.utf8)
            let alone = TimexTokenizer.Store()
            let fresh = alone.tokens(bytes, 0..<bytes.count)
            #expect(tokens.count == fresh.count, "\(text)")
            #expect(withExtendedLifetime(alone) { zip(tokens, fresh).allSatisfy { Self.same($0, $1) } }, "\(text)")
        }
        withExtendedLifetime(store) {}
    }

    @Test func matchesIntoAReusedArrayAreTheSentencesOwn() {
        let reference = CalendarDate(year: 2025, month: 10, day: 24)!
        let store = TimexTokenizer.Store()
        var reused: [TimexMatch] = []
        for text in Self.sentences + Self.sentences.reversed() {
            let bytes = Array(text.utf8)
            let tagger = SentenceTagger(bytes: bytes, tokens: store.tokens(bytes, 0..<bytes.count), reference: reference)
            let fresh = tagger.matches()
            tagger.matches(into: &reused)
            #expect(reused.map(\.start) == fresh.map(\.start), "\(text)")
            #expect(reused.map(\.end) == fresh.map(\.end), "\(text)")
            #expect(reused.map(\.value) == fresh.map(\.value), "\(text)")
        }
        withExtendedLifetime(store) {}
    }

    @Test func wordClassUnionIsTheArrayLiteralsSet() {
        #expect(TariffWordClass.pause | .lift == [.pause, .lift])
        #expect(TariffWordClass.futureCue | .announce | .propose | .threat == [.futureCue, .announce, .propose, .threat])
        #expect(TariffWordClass.tariffNoun | .tariffNoun == .tariffNoun)
    }
}
