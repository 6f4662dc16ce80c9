/// The party an article is about, for rates whose own sentence leaves the imposer out.
///
/// A report on one government's measures names that government as the actor again and again
/// (`China will cut…`, `Beijing said…`, `the Chinese side`), then states some rates bare: `The duty on
/// cosmetics will be reduced to 2 percent`. The frame is the party named most often as an actor in the
/// headline (counted twice: it states the story) and in the sentences about tariffs, when it leads
/// clearly. It fills a missing imposer only, at a lower confidence than any side read from the text:
/// a missing target is usually every origin, and guessing one would invent a fact.
struct DocumentFrame: Sendable {
    /// The confidence a side filled from the frame gets: below every side read from a sentence.
    static let confidence = 0.4

    private var counts: [(code: String, count: Int, sentences: Int, last: Int)] = []

    /// Counts the parties a sentence names: an actor twice, a bystander once, a target not at all
    /// (`tariffs on Chinese goods` is not about China's measures). `weight` 2 for the headline and the
    /// opening sentence, which state the story and carry the dateline.
    mutating func add(_ sentence: TariffSentence, weight: Int = 1) {
        for m in sentence.mentions.indices {
            let score: Int
            switch sentence.mentions[m].role {
            case .imposer: score = 2 * weight
            case .neutral: score = weight
            case .target: continue
            }
            // read once per name: each read looks the code up in the gazetteer's table and retains it, and the
            // search below read it again for every party already counted
            let code = sentence.mentions[m].code
            if let i = counts.firstIndex(where: { $0.code == code }) {
                counts[i].count += score
                if counts[i].last != sentence.index {
                    counts[i].sentences += 1
                    counts[i].last = sentence.index
                }
            } else {
                // room for several parties from the first: grown from one, the array was reallocated at its 2nd and 3rd
                if counts.capacity == 0 { counts.reserveCapacity(8) }
                counts.append((code, score, 1, sentence.index))
            }
        }
    }

    /// The party with the highest count, when it has at least 3, more than any other, and comes from
    /// two sentences or more (one sentence is a story of its own, not the article's frame).
    var imposer: String? {
        guard let best = counts.max(by: { $0.count < $1.count }), best.count >= 3, best.sentences >= 2 else { return nil }
        return counts.contains { $0.code != best.code && $0.count >= best.count } ? nil : best.code
    }

    /// The two parties named most, each at least 3 times in two sentences: the sides of a bilateral story.
    ///
    /// The parties that qualify are ranked by count, highest first, ties in the order they were first named
    /// (a stable sort): only the first three ranks are read, so they are kept in one pass over the counts
    /// rather than by sorting a filtered copy of them (two arrays per article).
    var pair: (String, String)? {
        var ranked = (-1, -1, -1)  // indices into `counts` of the first three ranks, -1 where there is none
        var qualifying = 0
        for (i, party) in counts.enumerated() where party.count >= 3 && party.sentences >= 2 {
            qualifying += 1
            if ranked.0 < 0 || party.count > counts[ranked.0].count {
                ranked = (i, ranked.0, ranked.1)
            } else if ranked.1 < 0 || party.count > counts[ranked.1].count {
                ranked = (ranked.0, i, ranked.1)
            } else if ranked.2 < 0 || party.count > counts[ranked.2].count {
                ranked.2 = i
            }
        }
        guard qualifying >= 2, qualifying == 2 || counts[ranked.2].count < counts[ranked.1].count else { return nil }
        return (counts[ranked.0].code, counts[ranked.1].code)
    }

    /// A rate `both countries` charge becomes one change per direction between the article's pair.
    /// - Parameter mutual: the indices in `changes`, in order, of the rates `both countries` charge.
    func expandingBothParties(_ changes: [TariffChange], mutual: [Int]) -> [TariffChange] {
        guard !mutual.isEmpty, let (a, b) = pair else { return changes }
        var result: [TariffChange] = []
        var next = 0  // the first index of `mutual` not yet passed
        for (c, change) in changes.enumerated() {
            let byBoth = next < mutual.count && mutual[next] == c
            if byBoth { next += 1 }
            guard byBoth, change.imposer == nil, change.target == nil else {
                result.append(change)
                continue
            }
            for (imposer, target) in [(a, b), (b, a)] {
                var c = change
                c.imposer = imposer
                c.target = target
                c.confidence = min(c.confidence, Self.confidence)
                result.append(c)
            }
        }
        return result
    }

    /// `Goods that miss the USMCA rules face a 35% U.S. tariff` in an article about Washington and Ottawa:
    /// a rate of one of the article's two parties whose sentence names no target but does name the other
    /// party (here inside the pact's name) is on that party's goods. A sentence that names only the
    /// imposer (`Trump announced a 100% tariff on branded medicines`) or speaks of imports in general
    /// (`imported`, `all imports`, `global`) is about every origin. Zero rates (preferences) and overall
    /// levels stay as written. Filled targets get the frame's confidence.
    /// - Parameters:
    ///   - sentences: parallel to `changes`, the index of each change's sentence.
    ///   - read: the sentences the changes come from (named). What a sentence says of origins is read here,
    ///     for the few rates that ask, not kept as an array of codes per change for every article.
    func fillingTargets(_ changes: [TariffChange], sentences: [Int], read: TariffSentence.List) -> [TariffChange] {
        guard let (a, b) = pair, sentences.count == changes.count else { return changes }
        var result = changes
        for c in result.indices where result[c].target == nil && !result[c].aggregate {
            guard let rate = result[c].ratePct, rate > 0, let imposer = result[c].imposer, imposer == a || imposer == b else { continue }
            let other = imposer == a ? b : a
            // the other party is named in the rate's sentence, which does not speak of imports in general
            guard let sentence = read.first(where: { $0.index == sentences[c] }), !Self.namesAllOrigins(sentence),
                sentence.mentions.contains(where: { $0.code == other })
            else { continue }
            result[c].target = other
            result[c].confidence = min(result[c].confidence, Self.confidence)
        }
        return result
    }

    /// The sentence speaks of imports from everywhere: `imported`, `imports`, `all`, `global`, `worldwide`.
    static func namesAllOrigins(_ s: TariffSentence) -> Bool {
        let words = openOriginWords  // once, not a lazy-initialisation check per token
        return (0..<s.count).contains { s.isWord($0) && words.contains(s.tokens[$0].hash) }
    }

    private static let openOriginWords = WordTable<Bool>(set: 
        ["imported", "imports", "all", "global", "globally", "worldwide", "every", "any", "mfn"].map(TariffTokenizer.hash))

    /// Fills every missing imposer of `changes` from the frame, unless the frame is the target itself.
    /// An article about the duties a country faces names it often too (`Canada's lumber industry`,
    /// `Canada said`): when the rates whose both sides it reads put the frame on the paying side more
    /// often than on the charging side, the frame lends nothing.
    func fill(_ changes: inout [TariffChange]) {
        guard let frame = imposer else { return }
        var charging = 0
        var paying = 0
        // by index, and filled in place: iterating or mapping the changes copied each one and destroyed the copy
        for c in changes.indices where changes[c].imposer != nil && changes[c].target != nil {
            if changes[c].imposer == frame { charging += 1 } else if changes[c].target == frame { paying += 1 }
        }
        guard paying <= charging else { return }
        for c in changes.indices where changes[c].imposer == nil && changes[c].target != frame {
            changes[c].imposer = frame
            changes[c].confidence = min(changes[c].confidence, Self.confidence)
        }
    }
}
