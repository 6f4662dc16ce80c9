import Testing

@testable import TariffExtraction

/// The clause model on sentences of our own: clause kinds, the verb group's tense and modality,
/// polarity, voice, and subject and object spans.
@Suite struct ClauseModelTests {
    /// One expected clause, found by a word inside it.
    struct Expect: Sendable, CustomStringConvertible {
        var sentence: String
        /// A word of the clause (its first occurrence).
        var word: String
        var kind: Clause.Kind
        var head: String?
        var tense: ClauseTense
        var modality: Modality = .none
        var negated = false
        var passive = false
        var subject: String?
        var object: String?
        var description: String { "\(word) in: \(sentence)" }
    }

    static func e(
        _ sentence: String, _ word: String, _ kind: Clause.Kind, head: String?, _ tense: ClauseTense,
        _ modality: Modality = .none, negated: Bool = false, passive: Bool = false, subject: String? = nil, object: String? = nil
    ) -> Expect {
        Expect(sentence: sentence, word: word, kind: kind, head: head, tense: tense, modality: modality, negated: negated,
               passive: passive, subject: subject, object: object)
    }

    static let rows: [Expect] = [
        // main clauses: tense from the verb group
        e("Canada imposed a 25% surtax on American steel.", "surtax", .main, head: "imposed", .past, subject: "Canada",
          object: "a 25% surtax on American steel."),
        e("Mexico imposes duties on pork from Tuesday.", "pork", .main, head: "imposes", .present, subject: "Mexico"),
        e("The bloc will raise its levy on bourbon to 50%.", "bourbon", .main, head: "raise", .future, subject: "The bloc"),
        e("Ottawa has lifted the duties on dairy.", "dairy", .main, head: "lifted", .perfect, subject: "Ottawa"),
        e("The levies have been raised twice this year.", "twice", .main, head: "raised", .perfect, passive: true,
          subject: "The levies"),
        e("The duties were suspended in May.", "duties", .main, head: "suspended", .past, passive: true),
        e("Tariffs on lumber are collected at the border.", "lumber", .main, head: "collected", .present, passive: true),
        e("The government did not extend the exemption.", "exemption", .main, head: "extend", .past, negated: true),
        e("Seoul will not retaliate against the levy.", "levy", .main, head: "retaliate", .future, negated: true),
        // modality: modal auxiliaries and verbs that take an infinitive
        e("Brussels could slap duties on American motorcycles.", "motorcycles", .main, head: "slap", .future, .possible),
        e("The minister threatened to double the tariff on rice.", "rice", .main, head: "threatened", .past, .threat,
          object: "the tariff on rice."),
        e("India plans to cut its duty on almonds next year.", "almonds", .main, head: "plans", .present, .plan),
        e("The cabinet is expected to approve the tariff on Friday.", "Friday", .main, head: "expected", .future, .plan,
          passive: true),
        e("Beijing is going to lower tariffs on cars.", "cars", .main, head: "going", .future, .plan),
        e("The commission proposed a 12% duty on solar glass.", "glass", .main, head: "proposed", .past, .proposal),
        e("Lawmakers are considering a levy on imported films.", "films", .main, head: "considering", .present, .proposal),
        e("Importers must pay the deposit within ten days.", "deposit", .main, head: "pay", .future, .obligation),
        e("Washington would have raised the duty earlier.", "duty", .main, head: "raised", .past, .possible),
        // reported speech: the frame is main, what is said is its own clause
        e("The ministry said the tariffs will take effect in June.", "June", .reported, head: "take", .future,
          subject: "the tariffs"),
        e("The ministry said the tariffs will take effect in June.", "ministry", .main, head: "said", .past),
        e("Officials said that the levy would be lifted.", "levy", .reported, head: "lifted", .future, .possible, passive: true),
        e("The 30% duty stays in place, the trade office said.", "duty", .reported, head: "stays", .present),
        e("The 30% duty stays in place, the trade office said.", "office", .main, head: "said", .past, subject: "the trade office"),
        e("The spokesman told reporters that Tokyo had dropped the levy.", "Tokyo", .reported, head: "dropped", .past),
        // subordinate, condition and relative clauses
        e("If talks fail, the US will impose tariffs on steel.", "talks", .condition, head: "fail", .present),
        e("If talks fail, the US will impose tariffs on steel.", "steel", .main, head: "impose", .future),
        e("Canada raised its surtax after Washington retaliated.", "Washington", .subordinate, head: "retaliated", .past),
        e("Canada raised its surtax after Washington retaliated.", "surtax", .main, head: "raised", .past),
        e("The pact, which cut duties to zero, expires in 2030.", "zero", .relative, head: "cut", .past),
        e("The pact, which cut duties to zero, expires in 2030.", "2030", .main, head: "expires", .present, subject: "The pact"),
        e("Tariffs that are paid by importers rose sharply, while prices fell.", "prices", .subordinate, head: "fell", .past),
        // coordination: a new finite verb starts a clause; a noun list does not
        e("Japan cut its rice tariff and Korea raised its beef duty.", "beef", .coordinate, head: "raised", .past,
          subject: "Korea"),
        e("Japan cut its rice tariff and Korea raised its beef duty.", "rice", .main, head: "cut", .past),
        e("The EU imposed duties on steel and aluminum from Turkey.", "aluminum", .main, head: "imposed", .past),
        e("The levy was scrapped; a quota replaced it.", "quota", .coordinate, head: "replaced", .past),
        e("Ankara raised the tariff but exempted medicines.", "medicines", .coordinate, head: "exempted", .past),
    ]

    @Test(arguments: rows)
    func clause(_ row: Expect) throws {
        let bytes = Array(row.sentence.utf8)
        var tokens: [TariffToken] = []
        TariffTokenizer.tokenize(bytes, 0..<bytes.count, into: &tokens)
        let model = ClauseModel(bytes: bytes, tokens: tokens)
        func text(_ r: Range<Int>) -> String {
            String(decoding: bytes[tokens[r.lowerBound].start..<tokens[r.upperBound - 1].end], as: UTF8.self)
        }
        let at = try #require(tokens.firstIndex { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) == row.word })
        let clause = try #require(model.clause(at: at))
        #expect(clause.kind == row.kind)
        #expect(clause.head.map { text($0..<($0 + 1)) } == row.head)
        #expect(clause.tense == row.tense)
        #expect(clause.modality == row.modality)
        #expect(clause.negated == row.negated)
        #expect(clause.passive == row.passive)
        if let subject = row.subject { #expect(clause.subject.map(text) == subject) }
        if let object = row.object { #expect(clause.object.map(text) == object) }
    }

    /// The temporal tokenizer's tokens give the same clauses as the tariff tokenizer's.
    @Test(arguments: rows.map(\.sentence))
    func bothTokenizersAgree(_ sentence: String) {
        let bytes = Array(sentence.utf8)
        var tariff: [TariffToken] = []
        TariffTokenizer.tokenize(bytes, 0..<bytes.count, into: &tariff)
        let store = TimexTokenizer.Store()
        let timex = store.tokens(bytes, 0..<bytes.count)
        let a = ClauseModel(bytes: bytes, tokens: tariff).clauses.map { ($0.kind, $0.tense, $0.modality, $0.negated, $0.passive) }
        let b = withExtendedLifetime(store) {
            ClauseModel(bytes: bytes, tokens: timex).clauses.map { ($0.kind, $0.tense, $0.modality, $0.negated, $0.passive) }
        }
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) { #expect(x == y) }
    }

    /// One table of verbs of saying; its columns keep what each reader used to list.
    static let columns: [(word: String, use: ReportingUse)] = [
        ("said", [.framesTense, .datesStatement, .speaker, .complement]),
        ("announced", [.datesStatement, .complement]),
        ("according", [.framesTense]),
        ("complained", [.speaker, .complement]),
        ("posted", [.datesStatement]),
        ("imposed", []),
    ]

    @Test(arguments: columns.indices)
    func reportingColumns(_ row: Int) {
        let (word, use) = Self.columns[row]
        #expect((ClauseLexicon.reporting[WordHash.of(word)] ?? []) == use)
        #expect(TariffVocabulary.lookup(TariffTokenizer.hash(word)).classes.contains(.reportingVerb) == use.contains(.speaker))
    }

    /// Status read through the rate's clause: rows for each rule, checked on the status alone (parties and
    /// products have suites of their own).
    static let statuses: [(sentence: String, rate: Double, status: TariffStatus)] = [
        // the clause's own verb group comes after the rate and the next rate's words
        ("The US tariffs, 30% on imported Brazilian coffee and 20% on Brazilian beef, will take effect in two weeks.", 30, .announced),
        ("The EU duties, 12% on imported Chinese bicycles and 8% on Chinese scooters, will apply from March.", 12, .announced),
        // what a government says should happen is its decision
        ("The Commerce Department said Vietnamese steel pipes should be subject to duties of 40%.", 40, .announced),
        ("Ottawa said Chinese electric cars must face a 100% surtax.", 100, .announced),
        // a rate in force, told in a past relative clause of an old year, was in force then
        ("In 2012 India levied a 20% duty on Japanese steel, which was added on top of an existing 5% tariff.", 5, .historical),
        // `being taxed`: a participle after `being` is no simple past; `, compared with` opens no clause verb
        ("Chinese parcels pay a 10% tariff, compared with Chinese goods being taxed at 30% by the US.", 30, .inEffect),
        // a coordinate clause after the rate's own (`and trade is expected to grow`) speaks of something else
        ("Since the pact took effect on Jan. 1, 2020, most Mexican goods now enter Canada duty free, and trade is expected to grow in the coming years.", 0, .inEffect),
        ("Japanese cars now pay a 15% tariff in the US, and sales are expected to recover next year.", 15, .inEffect),
    ]

    @Test(arguments: statuses.indices)
    func statusThroughClauses(_ row: Int) throws {
        let (sentence, rate, status) = Self.statuses[row]
        let found = findTariffs(sentence)
        let change = try #require(found.first { $0.ratePct == rate }, "no \(rate)% in \(found.map { ($0.ratePct, $0.status) })")
        #expect(change.status == status, "\(sentence)")
    }

    /// `on top of` and `in addition to` make the rate before them additional, never the base after them,
    /// and reach a rate through a relative clause about it.
    static let additions: [(sentence: String, rate: Double, additional: Bool)] = [
        ("In 2012 India levied a 20% duty on Japanese steel, which was added on top of an existing 5% tariff.", 20, true),
        ("In 2012 India levied a 20% duty on Japanese steel, which was added on top of an existing 5% tariff.", 5, false),
        ("In 2009 the US levied a new duty of 35 percent on Chinese tires, which was imposed in addition to a 4 percent tariff.", 35, true),
        ("In 2009 the US levied a new duty of 35 percent on Chinese tires, which was imposed in addition to a 4 percent tariff.", 4, false),
        ("Canada will charge a 10% surtax on US steel in addition to the current duties.", 10, true),
    ]

    @Test(arguments: additions.indices)
    func additionalThroughClauses(_ row: Int) throws {
        let (sentence, rate, additional) = Self.additions[row]
        let found = findTariffs(sentence)
        let change = try #require(found.first { $0.ratePct == rate }, "no \(rate)% in \(found.map { ($0.ratePct, $0.additional) })")
        #expect(change.additional == additional, "\(sentence)")
    }
}
