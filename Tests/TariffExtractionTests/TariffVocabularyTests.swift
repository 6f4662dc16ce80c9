import Testing

@testable import TariffExtraction

/// The vocabulary's precomputed word hashes must equal the tokenizer's hash of the word.
@Suite struct TariffVocabularyTests {
    static let constants: [(UInt64, String)] = [
        (TariffVocabulary.percent, "percent"),
        (TariffVocabulary.per, "per"),
        (TariffVocabulary.cent, "cent"),
        (TariffVocabulary.percentage, "percentage"),
        (TariffVocabulary.point, "point"),
        (TariffVocabulary.points, "points"),
        (TariffVocabulary.of, "of"),
        (TariffVocabulary.to, "to"),
        (TariffVocabulary.from, "from"),
        (TariffVocabulary.and, "and"),
        (TariffVocabulary.or, "or"),
        (TariffVocabulary.on, "on"),
        (TariffVocabulary.by, "by"),
        (TariffVocabulary.with, "with"),
        (TariffVocabulary.the, "the"),
        (TariffVocabulary.determinerThe, "the"),
        (TariffVocabulary.top, "top"),
        (TariffVocabulary.effect, "effect"),
        (TariffVocabulary.force, "force"),
        (TariffVocabulary.`in`, "in"),
        (TariffVocabulary.up, "up"),
        (TariffVocabulary.last, "last"),
        (TariffVocabulary.this, "this"),
        (TariffVocabulary.next, "next"),
        (TariffVocabulary.earlier, "earlier"),
        (TariffVocabulary.year, "year"),
        (TariffVocabulary.month, "month"),
        (TariffVocabulary.week, "week"),
        (TariffVocabulary.lift, "lift"),
        (TariffVocabulary.lifted, "lifted"),
        (TariffVocabulary.lifting, "lifting"),
        (TariffVocabulary.lifts, "lifts"),
        (TariffVocabulary.back, "back"),
        (TariffVocabulary.roll, "roll"),
        (TariffVocabulary.rolled, "rolled"),
        (TariffVocabulary.rolling, "rolling"),
        (TariffVocabulary.set, "set"),
        (TariffVocabulary.at, "at"),
        (TariffVocabulary.exports, "exports"),
        (TariffVocabulary.shipments, "shipments"),
        (TariffVocabulary.than, "than"),
        (TariffVocabulary.as_, "as"),
        (TariffVocabulary.much, "much"),
        (TariffVocabulary.high, "high"),
        (TariffVocabulary.was, "was"),
        (TariffVocabulary.were, "were"),
        (TariffVocabulary.had, "had"),
        (TariffVocabulary.will, "will"),
        (TariffVocabulary.when, "when"),
        (TariffVocabulary.since, "since"),
        (TariffVocabulary.ago, "ago"),
        (TariffVocabulary.`is`, "is"),
        (TariffVocabulary.are, "are"),
        (TariffVocabulary.be, "be"),
        (TariffVocabulary.take, "take"),
        (TariffVocabulary.takes, "takes"),
        (TariffVocabulary.took, "took"),
        (TariffVocabulary.taken, "taken"),
        (TariffVocabulary.went, "went"),
        (TariffVocabulary.into, "into"),
        (TariffVocabulary.zero, "zero"),
        (TariffVocabulary.excise, "excise"),
        (TariffVocabulary.stamp, "stamp"),
        (TariffVocabulary.estate, "estate"),
        (TariffVocabulary.inheritance, "inheritance"),
        (TariffVocabulary.rate, "rate"),
        (TariffVocabulary.rates, "rates"),
        (TariffVocabulary.plus, "plus"),
        (TariffVocabulary.for_, "for"),
        (TariffVocabulary.agreed, "agreed"),
        (TariffVocabulary.agree, "agree"),
        (TariffVocabulary.agrees, "agrees"),
        (TariffVocabulary.accepted, "accepted"),
        (TariffVocabulary.accept, "accept"),
        (TariffVocabulary.accepts, "accepts"),
        (TariffVocabulary.section, "section"),
        (TariffVocabulary.market, "market"),
        (TariffVocabulary.who, "who"),
        (TariffVocabulary.which, "which"), (TariffVocabulary.whose, "whose"),
        (TariffVocabulary.record, "record"),
        (TariffVocabulary.goods, "goods"),
        (TariffVocabulary.same, "same"),
        (TariffVocabulary.that, "that"),
        (TariffVocabulary.day, "day"),
        (TariffVocabulary.time, "time"),
        (TariffVocabulary.during, "during"),
        (TariffVocabulary.`if`, "if"),
        (TariffVocabulary.unless, "unless"),
        (TariffVocabulary.apply, "apply"),
        (TariffVocabulary.applies, "applies"),
        (TariffVocabulary.applied, "applied"),
        (TariffVocabulary.years, "years"),
        (TariffVocabulary.months, "months"),
        (TariffVocabulary.decade, "decade"),
        (TariffVocabulary.imports, "imports"),
        (TariffVocabulary.purchases, "purchases"),
        (TariffVocabulary.announcement, "announcement"),
        (TariffVocabulary.free, "free"),
        (TariffVocabulary.both, "both"),
        (TariffVocabulary.two, "two"),
        (TariffVocabulary.each, "each"),
        (TariffVocabulary.all, "all"),
        (TariffVocabulary.agreement, "agreement"),
        (TariffVocabulary.deal, "deal"),
        (TariffVocabulary.pact, "pact"),
        (TariffVocabulary.fta, "fta"),
        (TariffVocabulary.accord, "accord"),
        (TariffVocabulary.treaty, "treaty"),
        (TariffTokenizer.rateHash, "rate"),
        (TariffVocabulary.being, "being"),
        (TariffVocabulary.addition, "addition"),
        (TariffVocabulary.shall, "shall"),
        (TariffVocabulary.effective, "effective"),
        (TariffVocabulary.after, "after"),
        (TariffVocabulary.within, "within"),
        (TariffVocabulary.made, "made"),
        (TariffVocabulary.built, "built"),
        (TariffVocabulary.instead, "instead"),
        (TariffVocabulary.until, "until"),
        (TariffVocabulary.would, "would"),
        (TariffVocabulary.immediately, "immediately"),
        (TariffVocabulary.immediate, "immediate"),
        (TariffVocabulary.over, "over"),
        (TariffVocabulary.citing, "citing"),
        (TariffVocabulary.cited, "cited"),
        (TariffVocabulary.american, "american"),
        (TariffVocabulary.americans, "americans"),
        (TariffVocabulary.rather, "rather"),
        (TariffVocabulary.down, "down"),
        (TariffVocabulary.hundred, "hundred"),
        (ClauseLexicon.toWord, "to"),
        (ClauseLexicon.haveWord, "have"),
        (ClauseLexicon.hadWord, "had"),
        (ClauseLexicon.forWord, "for"),
        (ClauseLexicon.goingWord, "going"),
        (ClauseLexicon.setWord, "set"),
    ]

    /// The table is built without a dictionary (every word listed, repeats merged as the table places them): it
    /// holds, for every word of the lists, every verb of saying and every month name, what folding them into a
    /// dictionary gives.
    @Test func tableHoldsWhatFoldingTheListsGives() {
        var reference: [UInt64: TariffLexeme] = [:]
        for (classes, words) in TariffVocabulary.wordLists {
            for word in words.split(separator: " ") {
                reference[TariffTokenizer.hash(String(word)), default: TariffLexeme(classes: [], month: 0)].classes.formUnion(classes)
            }
        }
        for word in ClauseLexicon.reportingWords(.speaker) {
            reference[TariffTokenizer.hash(word), default: TariffLexeme(classes: [], month: 0)].classes.insert(.reportingVerb)
        }
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december"]
        for (index, name) in months.enumerated() {
            for form in name == "may" ? [name] : [name, String(name.prefix(3))] {
                reference[TariffTokenizer.hash(form), default: TariffLexeme(classes: [], month: 0)].classes.insert(.month)
                reference[TariffTokenizer.hash(form)]!.month = index + 1
            }
        }
        reference[TariffTokenizer.hash("sept")] = TariffLexeme(classes: .month, month: 9)
        #expect(reference.count > 1_000)
        for (hash, expected) in reference {
            let found = TariffVocabulary.table[hash]
            #expect(found?.classes == expected.classes && found?.month == expected.month, "\(hash)")
        }
        for word in ["quixotic", "tariffed", "decembers", "se"] {
            #expect(TariffVocabulary.table[TariffTokenizer.hash(word)] == nil, "\(word)")
        }
    }

    @Test func hashConstantsMatchTheirWords() {
        for (value, word) in Self.constants {
            #expect(value == TariffTokenizer.hash(word), "\(word)")
        }
    }

    @Test func tokenizerKeepsDottedInitialsAndSplitsPossessives() {
        let text = "The U.S. and China’s 25.5% duties on 1,000 items"
        let bytes = Array(text.utf8)
        var tokens: [TariffToken] = []
        TariffTokenizer.tokenize(bytes, 0..<bytes.count, into: &tokens)
        let words = tokens.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        #expect(words == ["The", "U.S.", "and", "China", "’s", "25.5", "%", "duties", "on", "1,000", "items"])
        #expect(tokens[1].hash == TariffTokenizer.hash("us") && tokens[1].allCaps)
        #expect(tokens[4].kind == .possessive)
        #expect(tokens[5].number == 25.5 && tokens[9].number == 1000)
    }

    /// The tokenizer looks every token's word classes up without asking its kind first, so no number, mark,
    /// possessive, quote or dash may hash to a vocabulary entry: every ASCII mark, digits in every form the
    /// tokenizer reads, possessives and the UTF-8 quotes and dashes, each tokenized in a sentence.
    @Test func noNumberOrMarkIsAVocabularyWord() {
        let marks = (0x21..<0x7F).map { Character(Unicode.Scalar(UInt8($0))) }.filter { !$0.isLetter && !$0.isNumber }
        let text = "2025 25 25.5 1,000 3,400,000 0 7th 10% "
            + marks.map { "word \($0) word \($0)\($0) " }.joined()
            + "China's China’s exporters' \u{201C}quoted\u{201D} \u{2018}single\u{2019} US\u{2013}China a \u{2014} b « c » \u{2026} \u{00A0} € ×"
        let bytes = Array(text.utf8)
        var tokens: [TariffToken] = []
        TariffTokenizer.tokenize(bytes, 0..<bytes.count, into: &tokens)
        let others = tokens.filter { $0.kind != .word }
        #expect(others.count > marks.count)
        for token in others {
            #expect(TariffVocabulary.table[token.hash] == nil, "\(String(decoding: bytes[token.start..<token.end], as: UTF8.self)) (\(token.kind))")
        }
    }
}
