/// Tells article prose from the text around it: photo captions, credits, bylines, promotions.
///
/// Their dates are real but commit to nothing (`…in Beijing on November 9, 2017. Getty Images`,
/// `Sign up by November 30 for our newsletter`), so they never become deadlines.
///
/// The filter is made per document but holds only a pointer to its tables: the document and the store are handed
/// to the one question it answers, asked only of sentences that gave deadlines. Holding the document and five
/// tables, it retained and released each for every document.
struct BoilerplateFilter {
    /// The word tables, in never-freed memory read in place.
    private let tables = Self.vocabulary

    /// True when sentence `index` of `document` is a caption, credit, byline or promotion. `next` holds the next
    /// sentence's tokens when the tagger kept them (it keeps those of dated sentences), else nothing: it is
    /// tokenized into `store` only then.
    /// - Parameter promotional: `isPromotional` of the sentence when the caller has read it (the deadline gate's
    ///   clause words do, when the clause is the whole sentence), else nil.
    func isBoilerplate(
        _ index: Int, tokens: TimexTokens, next kept: TimexTokens, in document: TextDocument, store: TimexTokenizer.Store,
        promotional: Bool? = nil
    ) -> Bool {
        if isCredit(index, tokens) || startsAsCaptionOrByline(tokens) || (promotional ?? isPromotional(tokens)) { return true }
        // a caption whose credit the sentence splitter cut off (`…on November 9, 2017. Getty Images`), or a
        // promotion whose call to action did (`Live Q&A … Thursday, Sept. 18, 10 a.m. ET. Register now.`)
        if index + 1 < document.sentences.count, document.sentences[index + 1].count <= 60,
            Self.sameLine(index, index + 1, document)
        {
            let next = kept.isEmpty ? store.tokens(document.bytes, document.sentences[index + 1]) : kept
            if isCredit(index + 1, next) || isPromotional(next) { return true }
        }
        return false
    }

    /// A short run of capitalised words ending in an agency or photo credit, without a closing period.
    private func isCredit(_ index: Int, _ tokens: TimexTokens) -> Bool {
        let creditWords = tables.pointee.creditWords
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
        let bylineWords = tables.pointee.bylineWords
        if bylineWords.contains(first.hash) { return true }
        // `By Claire Thibodeau | Published Jan. 20, 2026, 7:05 a.m. ET | Updated …`
        if first.hash == Self.by, first.capitalized,
            tokens.indices.dropFirst().contains(where: { bylineWords.contains(tokens[$0].hash) && tokens[$0 - 1].mark == 0x7C })
        {
            return true
        }
        if tables.pointee.captionWords.contains(first.hash) {
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
        let leads = tables.pointee.promotionLeads
        for (i, t) in tokens.enumerated() where t.kind == .word {
            guard let lead = leads[t.hash] else { continue }
            if Self.startsPromotion(i, lead, tokens, tables) { return true }
        }
        return false
    }

    /// Word `i` of `tokens`, whose `promotionLeads` entry is `lead`, is a promotion word or starts a promotion with the
    /// token after it. The one definition of `isPromotional`'s test, which `DeadlineGate.ClauseWords` also asks of the
    /// words it reads (`promotionLeadWords`).
    @inline(__always)
    static func startsPromotion(_ i: Int, _ lead: UInt8, _ tokens: TimexTokens, _ tables: UnsafePointer<Tables>) -> Bool {
        if lead & promotionWord != 0 { return true }
        guard i + 1 < tokens.count else { return false }
        let t = tokens[i], next = tokens[i + 1]
        if lead & ratedWord != 0, next.kind == .mark, next.mark == 0x23 { return true }  // rated #1
        return lead & pairStart != 0 && next.kind == .word && tables.pointee.promotionPairs.contains(t.hash &* 31 &+ next.hash)
    }

    /// The words `promotionLeads` holds: `DeadlineGate` marks them in its lexicon, so that reading a clause's words
    /// answers `isPromotional` for it too.
    static var promotionLeadWords: [String] { promotionWordList + promotionPairList.map(\.0) + ["rated"] }

    private static func sameLine(_ a: Int, _ b: Int, _ document: TextDocument) -> Bool {
        let gap = document.sentences[a].upperBound..<document.sentences[b].lowerBound
        return !document.bytes[gap].contains(0x0A)
    }

    /// The filter's word tables, moved once into memory that is never freed.
    struct Tables {
        fileprivate let creditWords = BoilerplateFilter.creditWords, captionWords = BoilerplateFilter.captionWords
        fileprivate let bylineWords = BoilerplateFilter.bylineWords
        let promotionLeads = BoilerplateFilter.promotionLeads
        fileprivate let promotionPairs = BoilerplateFilter.promotionPairs
    }
    nonisolated(unsafe) static let vocabulary = ProcessLifetime.pointer(to: Tables())

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
        var bits: [(UInt64, UInt8)] = []
        for word in promotionWordList { bits.append((TimexTokenizer.hash(word), promotionWord)) }
        for (first, _) in promotionPairList { bits.append((TimexTokenizer.hash(first), pairStart)) }
        bits.append((rated, ratedWord))
        return WordTable(bits) { $0 | $1 }
    }()
}
