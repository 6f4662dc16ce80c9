/// How the readers use a verb of saying. One table for all of them: the tense reader, the deadline-kind
/// reader and the tariff party reader each kept a list of their own, and the lists drifted apart.
///
/// The columns differ on purpose: `announced` dates a statement (`announced on Monday`) but is an event
/// with its own tense, so it frames no other clause's tense; `complained` makes a speaker but dates nothing.
struct ReportingUse: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    /// A verb of saying further back frames another clause: the date after it keeps that clause's tense,
    /// not the report's (`said talks on Monday would…`).
    static let framesTense = Self(rawValue: 1 << 0)
    /// A date right after it (or a date right before it, as in `officials on Monday said`) is when
    /// something was said, no event of its own.
    static let datesStatement = Self(rawValue: 1 << 1)
    /// The one who says it is, by speaking, not the one who sets a tariff (`Canada said`, `China argued`).
    static let speaker = Self(rawValue: 1 << 2)
    /// The words after it (after an optional `that`) are a reported clause of their own.
    static let complement = Self(rawValue: 1 << 3)
}

/// What a clause's verb group says about the measure it speaks of, beyond tense.
enum Modality: UInt8, Sendable, Equatable {
    case none
    /// `would`, `could`, `may`, `might`, `can`: possible, not decided.
    case possible
    /// `threatened to`, `warned it would`, `vowed to`: a warning.
    case threat
    /// `plans to`, `intends to`, `is set to`, `is expected to`: decided or scheduled, not yet done.
    case plan
    /// `proposed to`, `is considering`, `seeks to`, `urged … to`: put forward, not decided.
    case proposal
    /// `must`, `should`, `has to`: asked of someone.
    case obligation
}

/// Which way a clause's verb group points in time.
enum ClauseTense: UInt8, Sendable, Equatable {
    case past, present, future
    /// `has imposed`, `have been raised`: done, and still holding.
    case perfect
    /// No finite verb found.
    case unmarked
}

/// What the clause model knows about one word: its part in a verb group or at a clause boundary.
struct ClauseWord: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    static let future = Self(rawValue: 1 << 0)  // will, shall, 'll
    static let possibleModal = Self(rawValue: 1 << 1)  // would, could, may, might, can
    static let obligationModal = Self(rawValue: 1 << 2)  // must, should
    static let pastAux = Self(rawValue: 1 << 3)  // was, were, did, had
    static let presentAux = Self(rawValue: 1 << 4)  // is, are, am, does, do
    static let perfectAux = Self(rawValue: 1 << 5)  // has, have
    static let beForm = Self(rawValue: 1 << 6)  // is, are, was, were, be, been, being, am
    static let negation = Self(rawValue: 1 << 7)  // not, n't, never
    /// An adverb that may stand inside a verb group (`will also impose`, `has already raised`).
    static let verbAdverb = Self(rawValue: 1 << 8)
    /// A finite past verb (`imposed`, `said`, `hit`): regular `-ed` forms are recognised by their ending.
    static let pastVerb = Self(rawValue: 1 << 9)
    /// A finite present verb (`imposes`, `says`, `plans`).
    static let presentVerb = Self(rawValue: 1 << 10)
    /// A participle that follows `be`/`have` (`taken`, `held`, `cut`): passive or perfect.
    static let participle = Self(rawValue: 1 << 11)
    /// Opens an adverbial clause: `if`, `after`, `because`, `while`.
    static let subordinator = Self(rawValue: 1 << 12)
    /// `if`, `unless`: the clause is a condition.
    static let condition = Self(rawValue: 1 << 13)
    /// Opens a relative clause: `which`, `who`, `whose`.
    static let relative = Self(rawValue: 1 << 14)
    /// `and`, `or`, `but`: joins two clauses when a new finite verb follows.
    static let coordinator = Self(rawValue: 1 << 15)
    /// `but`, `yet`: always a new clause.
    static let contrast = Self(rawValue: 1 << 16)
    /// Words that take `to` and a verb and give the clause a modality (`threatened to impose`).
    static let takesInfinitive = Self(rawValue: 1 << 17)
    /// Words that end a subject noun phrase backwards: a determiner, a preposition.
    static let nounOpener = Self(rawValue: 1 << 18)
    /// A base form after a modal or `to` (`impose`, `raise`): the verb the modality governs.
    static let baseVerb = Self(rawValue: 1 << 19)
    /// Subject pronouns (`it`, `they`): a new clause after `and`/`that` often starts with one.
    static let pronoun = Self(rawValue: 1 << 20)
    /// `that` after a verb of saying: the complementizer.
    static let complementizer = Self(rawValue: 1 << 21)
    /// A verb of saying (its uses are in `ClauseLexicon.reporting`).
    static let reports = Self(rawValue: 1 << 22)
}

/// The closed-class words and verbs the clause model reads, keyed by word hash (the hash both tokenizers give).
enum ClauseLexicon {
    /// Verbs of saying and what each reader takes from them.
    static let reportingRows: [(word: String, use: ReportingUse)] = {
        let all: ReportingUse = [.framesTense, .datesStatement, .speaker, .complement]
        return [
            ("said", all), ("says", all), ("told", all), ("added", all), ("stated", all),
            ("wrote", [.framesTense, .datesStatement, .complement]), ("tweeted", [.framesTense, .datesStatement, .complement]),
            ("noted", all),
            // `according to` frames tense but is no verb of a clause and dates nothing
            ("according", [.framesTense]),
            ("say", [.speaker, .complement]), ("tells", [.speaker, .complement]), ("adds", [.speaker, .complement]),
            ("notes", [.speaker, .complement]), ("states", [.speaker, .complement]),
            // opinion and complaint: the speaker, not the one acting
            ("argued", [.speaker, .complement]), ("argues", [.speaker, .complement]),
            ("complained", [.speaker, .complement]), ("complains", [.speaker, .complement]),
            ("insisted", [.speaker, .complement]), ("insists", [.speaker, .complement]),
            ("claimed", [.speaker, .complement]), ("claims", [.speaker, .complement]),
            ("criticized", [.speaker]), ("criticised", [.speaker]), ("denounced", [.speaker]), ("slammed", [.speaker]),
            ("described", [.speaker]), ("describes", [.speaker]),
            // announcements are events with a date of their own, and their own tense
            ("announced", [.datesStatement, .complement]), ("confirmed", [.datesStatement, .complement]),
            ("reported", [.datesStatement, .complement]), ("warned", [.datesStatement, .complement]),
            ("declared", [.datesStatement, .complement]), ("revealed", [.datesStatement, .complement]),
            ("disclosed", [.datesStatement, .complement]), ("posted", [.datesStatement]),
            ("saying", [.datesStatement, .complement]), ("warning", [.datesStatement, .complement]),
            ("telling", [.datesStatement]), ("announcing", [.datesStatement, .complement]),
            ("confirming", [.datesStatement, .complement]),
            ("believes", [.complement]), ("believed", [.complement]), ("expects", [.complement]),
            ("stressed", [.complement]), ("explained", [.complement]), ("indicated", [.complement]),
            ("suggested", [.complement]), ("pointed", [.complement]), ("emphasized", [.complement]),
        ]
    }()

    static let reporting: WordTable<ReportingUse> = WordTable(reportingRows.map { (WordHash.of($0.word), $0.use) })

    /// The readers' question: does the word at this hash have `use`?
    @inline(__always) static func reports(_ hash: UInt64, _ use: ReportingUse) -> Bool {
        reporting.reports(hash, use)
    }

    /// The words of one reporting column, for vocabularies built from word lists.
    static func reportingWords(_ use: ReportingUse) -> [String] {
        reportingRows.filter { $0.use.contains(use) }.map(\.word)
    }

    /// Modality a verb gives the infinitive after it (`threatened to`, `plans to`), and the ones it gives
    /// with no `to` (`is considering`, `proposed`).
    static let modalVerbs: WordTable<Modality> = {
        var t: [(UInt64, Modality)] = []
        func add(_ words: String, _ m: Modality) { WordHash.forEachWord(in: words) { t.append((WordHash.of($0), m)) } }
        add("threaten threatens threatened threatening warn warns warned warning vow vows vowed vowing", .threat)
        add("plan plans planned planning intend intends intended intending aim aims aimed set expected expects scheduled slated due poised prepared preparing going decided decides agreed agrees pledged pledges promised promises", .plan)
        add("propose proposes proposed proposing consider considers considering considered mull mulls mulling weigh weighs weighing seek seeks seeking sought want wants wanted urge urges urged call calls called ask asks asked suggest suggests suggested recommend recommends recommended", .proposal)
        return WordTable(t)
    }()

    static let table: WordTable<ClauseWord> = {
        var t: [(UInt64, ClauseWord)] = []
        func add(_ words: String, _ c: ClauseWord) {
            WordHash.forEachWord(in: words) { t.append((WordHash.of($0), c)) }
        }
        add("will shall ll", .future)
        add("would could may might can", .possibleModal)
        add("must should", .obligationModal)
        add("was were did had", .pastAux)
        add("is are am does do", .presentAux)
        add("has have", .perfectAux)
        add("is are am was were be been being", .beForm)
        add("not never n't", .negation)
        add("also already still now just again currently reportedly initially later soon further even only then", .verbAdverb)
        add(
            "said told hit cut put set took came went rose fell made gave sent held met led won lost kept paid brought began struck sold bought spoke wrote withdrew froze sought got left meant grew ran became saw thought",
            .pastVerb)
        add(
            "says tells enters imposes raises cuts plans intends aims wants threatens vows warns proposes considers seeks takes comes goes applies remains stays faces pays hits puts sets expects agrees announces decides levies charges keeps holds begins starts expires ends lifts suspends exempts eliminates removes covers affects",
            .presentVerb)
        // bare present forms with a plural subject (`if talks fail`, `the duties remain`); after `to` or a
        // determiner they are read as infinitives or nouns
        add("fail succeed refuse agree continue remain stay face pay impose raise retaliate respond expire apply enter",
            .presentVerb)
        add(
            "taken given held met made cut hit put set kept paid brought begun sent struck sold bought led won lost left told said done seen gone come frozen withdrawn grown shown known",
            .participle)
        add("if unless because although though whereas while after before when once until since whether", .subordinator)
        add("if unless", .condition)
        add("which who whose", .relative)
        add("and or but yet", .coordinator)
        add("but yet", .contrast)
        add(
            "threaten threatens threatened threatening vow vows vowed plan plans planned intend intends intended aim aims aimed set expected scheduled slated due poised prepared preparing going decided decides agreed agrees pledged pledges promised promises propose proposes proposed seek seeks sought want wants wanted urge urges urged refused refuses hope hopes hoped try tries tried continue continues continued",
            .takesInfinitive)
        add(
            "the a an this that these those its their his her our of on in for to from by at with against into over under between than about across within without amid per",
            .nounOpener)
        add(
            "impose raise cut lift remove increase reduce lower slap levy hike apply introduce suspend pause delay extend end scrap eliminate exempt retaliate respond take enter expire start begin adopt approve sign announce",
            .baseVerb)
        add("it they he she we i", .pronoun)
        add("that", .complementizer)
        for row in reportingRows { t.append((WordHash.of(row.word), .reports)) }
        return WordTable(t) { $0.union($1) }
    }()

    /// `WordHash` of the quoted words, written out as `TariffVocabulary`'s are: reading one built from its word cost a
    /// `swift_once` call, several per clause the model reads. `hashConstantsMatchTheirWords` keeps them honest.
    static let toWord: UInt64 = 0x97422fed671128a8  // "to"
    static let haveWord: UInt64 = 0xc9941658f8686afe  // "have"
    static let hadWord: UInt64 = 0x9ce5853b412465c9  // "had"
    static let forWord: UInt64 = 0x50bb9ee07778bf21  // "for"
    static let goingWord: UInt64 = 0x0324ddcbaf0309fb  // "going"
    static let setWord: UInt64 = 0x7cc47610a82c13d0  // "set"
}

extension WordTable where Value == ReportingUse {
    /// Whether the word at this hash has `use`: `ClauseLexicon.reports`, for a reader holding the table itself.
    @inline(__always) func reports(_ hash: UInt64, _ use: ReportingUse) -> Bool {
        self[hash]?.contains(use) ?? false
    }
}
