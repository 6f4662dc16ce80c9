/// Tells article prose from the text around it: photo captions, credits, bylines, promotions.
///
/// Their dates are real but commit to nothing (`…in Beijing on November 9, 2017. Getty Images`,
/// `Sign up by November 30 for our newsletter`), so they never become deadlines.
struct BoilerplateFilter {
    let document: TextDocument
    /// Where a next sentence the tagger did not keep is tokenized.
    let store: TimexTokenizer.Store
    /// The word tables, read from their lazy globals once per document: through the globals every dated sentence
    /// paid a `swift_once` for each table asked about.
    private let creditWords = Self.creditWords, captionWords = Self.captionWords, bylineWords = Self.bylineWords
    private let promotionLeads = Self.promotionLeads, promotionPairs = Self.promotionPairs
    private let by = Self.by

    init(document: TextDocument, store: TimexTokenizer.Store) {
        self.document = document
        self.store = store
    }

    /// True when sentence `index` is a caption, credit, byline or promotion. `next` holds the next sentence's
    /// tokens when the tagger kept them (it keeps those of dated sentences), else nothing: it is tokenized
    /// here only then.
    func isBoilerplate(_ index: Int, tokens: TimexTokens, next kept: TimexTokens) -> Bool {
        if isCredit(index, tokens) || startsAsCaptionOrByline(tokens) || isPromotional(tokens) { return true }
        // a caption whose credit the sentence splitter cut off (`…on November 9, 2017. Getty Images`), or a
        // promotion whose call to action did (`Live Q&A … Thursday, Sept. 18, 10 a.m. ET. Register now.`)
        if index + 1 < document.sentences.count, document.sentences[index + 1].count <= 60, sameLine(index, index + 1) {
            let next = kept.isEmpty ? store.tokens(document.bytes, document.sentences[index + 1]) : kept
            if isCredit(index + 1, next) || isPromotional(next) { return true }
        }
        return false
    }

    /// A short run of capitalised words ending in an agency or photo credit, without a closing period.
    private func isCredit(_ index: Int, _ tokens: TimexTokens) -> Bool {
        guard let last = tokens.last, last.kind == .word, creditWords.contains(last.hash) else { return false }
        if tokens.count <= 6 {
            return tokens.allSatisfy { $0.kind != .word || $0.capitalized || creditWords.contains($0.hash) }
        }
        // `… in Gyeongju / Reuters`, `… (Photo: AP)`: a long caption with its credit
        return tokens.contains { $0.kind == .mark && ($0.mark == 0x2F || $0.mark == 0x7C) }
            || tokens.contains { $0.kind == .word && $0.hash == Self.photo }
    }

    /// `Photo: …`, `FILE PHOTO: …`, `Published October 24, 2025`, `Updated: …`.
    private func startsAsCaptionOrByline(_ tokens: TimexTokens) -> Bool {
        guard let first = tokens.first, first.kind == .word else { return false }
        if bylineWords.contains(first.hash) { return true }
        // `By Claire Thibodeau | Published Jan. 20, 2026, 7:05 a.m. ET | Updated …`
        if first.hash == by, first.capitalized,
            tokens.indices.dropFirst().contains(where: { bylineWords.contains(tokens[$0].hash) && tokens[$0 - 1].mark == 0x7C })
        {
            return true
        }
        if captionWords.contains(first.hash) {
            return tokens.count > 1 && (tokens[1].kind == .mark && tokens[1].mark == 0x3A
                || tokens.count > 2 && tokens[2].kind == .mark && tokens[2].mark == 0x3A)
        }
        return false
    }

    /// Calls to action and site furniture: subscribe, sign up, click here, leave a reply, read also, rated #1.
    ///
    /// One probe per word, in `promotionLeads`: nearly every word is none of these and leaves there, where it
    /// was looked up twice (as a word, then as the first of a pair with the next word).
    private func isPromotional(_ tokens: TimexTokens) -> Bool {
        let leads = promotionLeads, pairs = promotionPairs
        for (i, t) in tokens.enumerated() where t.kind == .word {
            guard let lead = leads[t.hash] else { continue }
            if lead & Self.promotionWord != 0 { return true }
            guard i + 1 < tokens.count else { continue }
            let next = tokens[i + 1]
            if lead & Self.ratedWord != 0, next.kind == .mark, next.mark == 0x23 { return true }  // rated #1
            if lead & Self.pairStart != 0, next.kind == .word, pairs.contains(t.hash &* 31 &+ next.hash) { return true }
        }
        return false
    }

    private func sameLine(_ a: Int, _ b: Int) -> Bool {
        let gap = document.sentences[a].upperBound..<document.sentences[b].lowerBound
        return !document.bytes[gap].contains(0x0A)
    }

    private static let photo = TimexTokenizer.hash("photo")
    private static let rated = TimexTokenizer.hash("rated")
    private static let by = TimexTokenizer.hash("by")

    private static let creditWords: WordTable<Bool> = WordTable(set: 
        [
            "images", "image", "reuters", "ap", "afp", "bloomberg", "epa", "xinhua", "shutterstock", "photo", "photos",
            "pool", "alamy", "getty", "efe", "anadolu", "ians", "pti", "yonhap", "kyodo", "sipa", "corbis", "stock",
            "photographer", "handout", "file",
        ].map(TimexTokenizer.hash))

    private static let captionWords: WordTable<Bool> = WordTable(set: 
        ["photo", "image", "caption", "file", "pictured", "picture", "video", "credit"].map(TimexTokenizer.hash))

    private static let bylineWords: WordTable<Bool> = WordTable(set: 
        ["published", "updated", "posted", "modified", "copyright"].map(TimexTokenizer.hash))

    private static let promotionWordList = [
        "subscribe", "subscribed", "subscribers", "subscription", "newsletter", "newsletters", "unsubscribe",
        "advertisement", "sponsored", "coupon", "promo", "cookies", "webinar", "giveaway",
    ]

    private static let promotionPairList: [(String, String)] = [
        ("sign", "up"), ("click", "here"), ("a", "reply"), ("post", "comment"), ("read", "also"), ("read", "more"),
        ("follow", "us"), ("leading", "choice"), ("free", "trial"), ("rights", "reserved"), ("privacy", "policy"),
        ("limited", "time"), ("order", "now"), ("buy", "now"), ("shop", "now"), ("register", "now"),
        ("download", "our"), ("join", "our"), ("best", "price"), ("best", "deals"), ("related", "articles"),
        ("also", "read"), ("see", "also"),
    ]

    private static let promotionPairs: WordTable<Bool> = WordTable(set:
        promotionPairList.map { TimexTokenizer.hash($0.0) &* 31 &+ TimexTokenizer.hash($0.1) })

    /// What a word may start for `isPromotional`, as bits: a promotion word, the first word of a pair, `rated`.
    private static let promotionWord: UInt8 = 1, pairStart: UInt8 = 2, ratedWord: UInt8 = 4
    private static let promotionLeads: WordTable<UInt8> = {
        var bits: [UInt64: UInt8] = [:]
        for word in promotionWordList { bits[TimexTokenizer.hash(word), default: 0] |= promotionWord }
        for (first, _) in promotionPairList { bits[TimexTokenizer.hash(first), default: 0] |= pairStart }
        bits[rated, default: 0] |= ratedWord
        return WordTable(bits)
    }()
}
