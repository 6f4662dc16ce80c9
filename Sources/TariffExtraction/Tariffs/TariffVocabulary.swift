import CWordTables

/// Word classes the tariff scanner reasons with; one word may belong to several.
struct TariffWordClass: OptionSet, Sendable, Hashable {
    let rawValue: UInt64

    /// The union of two sets, as an expression the optimizer always folds: an array literal of classes
    /// (`[.pause, .lift]`) is, where it is not folded, an array built at run time (an allocation per use).
    @inline(__always) static func | (a: Self, b: Self) -> Self { Self(rawValue: a.rawValue | b.rawValue) }

    /// tariff, duty, levy, surcharge: the nouns a tariff rate attaches to.
    static let tariffNoun = Self(rawValue: 1 << 0)
    /// tax: a tariff only after `import`, `customs`, `border`, `export`.
    static let taxNoun = Self(rawValue: 1 << 1)
    static let taxQualifier = Self(rawValue: 1 << 2)
    /// `tariff war`, `tariff revenue`: the tariff word only modifies something that is not a measure.
    static let nonMeasureHead = Self(rawValue: 1 << 3)
    /// A percentage next to these is not a tariff (`90% share`, `5% growth`, `a 40% chance`).
    static let blocker = Self(rawValue: 1 << 4)
    /// `exports fell 20%`: a percentage right after these is a movement, not a rate.
    static let marketVerb = Self(rawValue: 1 << 5)
    static let preposition = Self(rawValue: 1 << 6)
    /// Words that neither start nor break a noun phrase: conjunctions, auxiliaries, adverbs, time words.
    static let function = Self(rawValue: 1 << 7)
    static let threat = Self(rawValue: 1 << 8)
    static let propose = Self(rawValue: 1 << 9)
    static let announce = Self(rawValue: 1 << 10)
    static let impose = Self(rawValue: 1 << 11)
    static let inEffect = Self(rawValue: 1 << 12)
    static let pause = Self(rawValue: 1 << 13)
    static let lift = Self(rawValue: 1 << 14)
    static let increase = Self(rawValue: 1 << 15)
    static let decrease = Self(rawValue: 1 << 16)
    static let additional = Self(rawValue: 1 << 17)
    static let aggregate = Self(rawValue: 1 << 18)
    /// `previous`, `former`, `once`: the rate belongs to the past.
    static let pastCue = Self(rawValue: 1 << 19)
    /// Simple past forms that are not regular `-ed` words (`hit`, `cut`, `was`).
    static let pastVerb = Self(rawValue: 1 << 20)
    /// `has`, `have`: turns a following participle into a present perfect.
    static let perfectAux = Self(rawValue: 1 << 21)
    static let effectiveTrigger = Self(rawValue: 1 << 22)
    static let untilTrigger = Self(rawValue: 1 << 23)
    /// goods, imports, exports, products: `Chinese goods` names the target, not a product.
    static let goodsNoun = Self(rawValue: 1 << 24)
    static let side = Self(rawValue: 1 << 25)
    /// A mention right before these is the one acting: `China retaliated`, `Washington said`.
    static let verb = Self(rawValue: 1 << 26)
    /// A mention right after these is hit by the measure: `hit Beijing with`, `tariffs on Canada`.
    static let targetMarker = Self(rawValue: 1 << 27)
    static let negation = Self(rawValue: 1 << 28)
    /// Words allowed between a rate and its tariff noun without making a product (`reciprocal`, `import`).
    static let tariffModifier = Self(rawValue: 1 << 29)
    /// Ends a clause: `while`, `whereas`, `but`, `which`.
    static let clauseBreak = Self(rawValue: 1 << 30)
    static let coordinator = Self(rawValue: 1 << 31)
    static let percentWord = Self(rawValue: 1 << 32)
    static let month = Self(rawValue: 1 << 33)
    /// `yesterday`, `recently`, `last week`: past, but recent enough that a threat is still live.
    static let recentCue = Self(rawValue: 1 << 34)
    static let rangeCue = Self(rawValue: 1 << 35)
    /// People and bodies after a country word (`Chinese officials`): the mention is an actor.
    static let actorNoun = Self(rawValue: 1 << 36)
    /// `increase`, `hike`, `rise` after a rate: `a 25% increase in tariffs`.
    static let changeNoun = Self(rawValue: 1 << 37)
    static let futureCue = Self(rawValue: 1 << 38)
    static let determiner = Self(rawValue: 1 << 39)
    static let venueMarker = Self(rawValue: 1 << 40)
    static let sourceMarker = Self(rawValue: 1 << 41)
    static let byMarker = Self(rawValue: 1 << 42)
    static let doubling = Self(rawValue: 1 << 43)
    static let halving = Self(rawValue: 1 << 44)
    /// A name before these pays: `Brazil faces`, `Indian exporters pay`, `Canada risks`.
    static let sufferVerb = Self(rawValue: 1 << 45)
    /// Nouns that name trade flows, not products: stripped from the end of a product phrase.
    static let genericGoods = Self(rawValue: 1 << 46)
    /// Auxiliaries and adverbs between a name and its verb.
    static let auxiliary = Self(rawValue: 1 << 47)
    /// `is`, `was`, `been`: before a participle, the name before them undergoes the action.
    static let beForm = Self(rawValue: 1 << 48)
    /// `around 4%`, `raised them to 35%`: words between a verb and its rate.
    static let approximator = Self(rawValue: 1 << 49)
    /// `the previous high of 145%`: a level that stands for the tariff in a sentence about tariffs.
    static let levelNoun = Self(rawValue: 1 << 50)
    /// `said`, `told`, `argued`: the one who speaks is not, by speaking, the one who sets a tariff.
    static let reportingVerb = Self(rawValue: 1 << 51)
    /// `it`, `they`, `he`: after a verb of saying, the speaker again (`Canada said it would impose`).
    static let subjectPronoun = Self(rawValue: 1 << 52)
    /// `unfair`, `hurt`, `blackmail`: said of a tariff by those who pay it.
    static let complaint = Self(rawValue: 1 << 53)
    /// `secured`, `won`, `was promised`: a rate one obtains in a deal is a rate one pays.
    static let obtainVerb = Self(rawValue: 1 << 54)
    /// `enter`, `cross`: goods that enter a market at a rate pay it there (`enter the US at 10%`).
    static let entryVerb = Self(rawValue: 1 << 55)
}

/// What the vocabulary knows about one word.
struct TariffLexeme: Sendable {
    var classes: TariffWordClass
    /// 1...12 for month names, else 0.
    var month: Int
}

/// The closed-class and cue words of tariff news, keyed by token hash.
enum TariffVocabulary {
    static func lookup(_ hash: UInt64) -> TariffLexeme {
        table[hash, default: TariffLexeme(classes: [], month: 0)]
    }

    /// The hash values below are `WordHash` of the quoted words, written out so reading them costs no lazy initialisation;
    /// `hashConstantsMatchTheirWords` in the tests keeps them honest.

    /// The table `make word-tables` wrote into the binary (`CWordTables`): what `builtTable()` makes of the word
    /// lists, read in place. Building it hashed and placed some 1,500 words, about 0.7 M instructions in every process
    /// before its first article; `CompiledWordTablesTests` builds it again and checks that the bytes are the same.
    static let table = WordTable<TariffLexeme>(
        compiledKeys: tw_tariff_vocabulary_keys.buffer, values: UnsafeRawBufferPointer(tw_tariff_vocabulary_values.buffer))

    /// The table's definition, built from `wordLists`.
    static func builtTable() -> WordTable<TariffLexeme> {
        WordTable<TariffLexeme>(entries) { held, more in
            // a word in several lists has every list's classes; a word names at most one month
            TariffLexeme(classes: held.classes.union(more.classes), month: max(held.month, more.month))
        }
    }

    /// The vocabulary: each class with its words, separated by spaces (a word may be in several lists); the verbs
    /// of saying (`reportingVerb`) come from `ClauseLexicon`, and the month names are added with their numbers.
    static let wordLists: [(TariffWordClass, String)] = [
        (.tariffNoun, "tariff tariffs duty duties levy levies surcharge surcharges surtax surtaxes"),
        (.taxNoun, "tax taxes"),
        (.taxQualifier, "import imports customs border export"),
        (.nonMeasureHead, "war wars talks dispute disputes truce investigation investigations probe policy policies revenue revenues deal deals negotiations uncertainty agenda fight battle battles tensions tension escalation escalations exemption exemptions exclusion exclusions relief refund refunds ruling rulings case cases evasion collection collections income man commission threats threat fears concerns impact costs cost pressure shock regime schedule code codes barriers barrier stance front spat row standoff strategy plan plans playbook announcement announcements bill notice notices letters letter package authority powers power free"),
        (.blocker, "share shares stake stakes interest growth gdp inflation economy economies poll polls survey surveys probability chance chances odds likelihood market markets stock stocks index indices unemployment margin majority respondents voters turnout profit profits sales discount discounts off sale battery efficiency humidity temperature interest yield yields approval capacity stake output production processing supply supplies population people americans households consumers companies firms businesses rebate stake confidence support rating ratings certainty likely cheaper prices price costs"),
        (.marketVerb, "rise fall drop jump climb surge grow sink plunge slide fell rose dropped grew jumped slid declined plunged surged climbed gained lost shrank tumbled soared sank slumped dipped rallied fall falls rises grows drops jumps slides declines plunges surges climbs gains loses shrinks tumbles soars sinks slumps dips rallies falling rising dropping growing jumping sliding declining plunging surging climbing gaining losing up down"),
        (.preposition, "of on in for to from by at with against into over under between than after before during since until through toward towards about across within without amid upon onto via per like including despite unlike except"),
        (.function, "and or but nor so yet the a an this that these those its their his her our your it they he she we as if while when which who whom whose where whether than then also only just even still already now again plus all most any every both other another respectively each apiece roughly about approximately nearly almost around some more most less least much many very up is are was were be been being has have had will would could should may might can must shall do does did not no last next year years month months week weeks day days today yesterday tomorrow earlier later immediately soon ago effective starting beginning from until monday tuesday wednesday thursday friday saturday sunday"),
        (.threat, "threaten threatens threatened threatening threat threats warn warns warned warning vow vows vowed vowing pledge pledges pledged pledging promise promises promised promising could would might may possible possibly potential potentially consider considers considered considering weigh weighs weighed weighing mull mulls mulled mulling if unless float floated floating contemplate contemplates contemplated contemplating eye eyes eyed eyeing ultimatum risk risks mooted"),
        (.propose, "want wants wanted urge urges urged press presses pressed demand demands demanded ask asks asked propose proposes proposed proposing proposal proposals draft drafted recommend recommends recommended recommending plan plans planned planning list lists consultation consultations hearing hearings seek seeks sought seeking suggest suggests suggested intends intend intended aims aim aimed call calls called push pushes pushed pushing"),
        (.announce, "announce announces announced announcing announcement unveil unveils unveiled unveiling declare declares declared declaring will confirm confirms confirmed confirming order orders ordered decree decreed sign signs signed signing approve approves approved approving finalize finalizes finalized finalise finalised publish published issued issues"),
        (.impose, "impose imposes imposed imposing slap slaps slapped slapping hit hits hitting raise raises raised raising hike hikes hiked hiking increase increases increased increasing cut cuts cutting reduce reduces reduced reducing lower lowers lowered lowering slash slashes slashed slashing respond responds responded responding retaliate retaliates retaliated retaliating introduce introduces introduced introducing apply applies applied applying enact enacts enacted enacting double doubles doubled doubling triple tripled quadrupled halve halves halved halving bring brings brought bringing put puts putting place places placed placing add adds added adding adopt adopted charged collect collects collected boost boosts boosted boosting levied levying ramp ramped jack jacked escalate escalated escalates countered counter counters reinstate reinstated reinstates restore restored extend extended expand expanded"),
        (.inEffect, "effect force current currently existing remain remains remained remaining face faces facing pay pays paying subject standing prevailing still now already apply applies charges charge charging stays stay kept keeps keep keeping maintained maintains maintain"),
        (.pause, "pause pauses paused pausing suspend suspends suspended suspending suspension delay delays delayed delaying postpone postpones postponed postponing reprieve defer defers deferred freeze freezes froze frozen halt halts halted halting"),
        (.lift, "lift lifts lifted lifting remove removes removed removing removal scrap scraps scrapped scrapping drop drops dropped dropping eliminate eliminates eliminated eliminating end ends ended ending repeal repeals repealed repealing rescind rescinds rescinded rescinding revoke revokes revoked revoking withdraw withdraws withdrew withdrawn waive waives waived waiving abolish abolished rollback exempt exempts exempted exempting exemption"),
        (.increase, "raise raises raised raising hike hikes hiked hiking increase increases increased increasing boost boosts boosted boosting double doubles doubled doubling triple tripled quadrupled ramp ramped jack jacked escalate escalated escalates higher rise rises rising rose up additional"),
        (.decrease, "cut cuts cutting reduce reduces reduced reducing lower lowers lowered lowering slash slashes slashed slashing halve halves halved halving ease eases eased easing trim trims trimmed lessen decrease decreases decreased reduction reductions"),
        (.additional, "additional extra further another incremental top"),
        (.aggregate, "average averages averaged overall total combined cumulative effective weighted aggregate stacked"),
        (.pastCue, "previous previously former formerly once prior then peak peaked historically"),
        (.pastVerb, "hit cut put set was were had brought rose fell took came went reached agreed sought withdrew froze countered"),
        (.perfectAux, "has have 've"),
        (.effectiveTrigger, "starting start starts effective beginning begin begins from as on commencing kicks kick takes take taking"),
        (.untilTrigger, "until till through expire expires expiring expiry ending ends before after"),
        (.goodsNoun, "goods imports import exports export products product shipments shipment items merchandise commodities wares purchases made origin sourced trade countries nations partners economies"),
        (.side, "side"),
        (.verb, "said says say has have had is are was were will would could may might can plans plan planned wants intends announced threatened imposed imposes slapped responded retaliated retaliates hit hits raised raises cut cuts reduced lowered levied levies introduced applied applies agreed decided moved warned vowed pledged proposed unveiled declared ordered signed set added doubled tripled halved increased hiked boosted countered paused suspended delayed lifted removed scrapped dropped eliminated ended threatens imposing slapping announces match matches matched charges charged remain remains remained stay stays stayed keep kept keeps maintain maintains maintained retain retains retained charge charging levy took take takes went go goes reach reaches reached hurt hurts stand stands vary varies range ranges come comes came start starts begin begins kick kicks apply applies applied cover covers covered affect affects affected hit exempt exempts exempted abolish abolishes abolished eliminate eliminates suspend suspends held hold holds gave give gives sent send sends began met meets led leads released releases"),
        (.targetMarker, "on onto upon against hit hits hitting targeted target targets targeting punish punished punishing penalize penalized penalizing penalise penalised sanction sanctioned"),
        (.negation, "not no never without avoid avoided avert averted prevent prevented preventing refrain refrained denied deny rule ruled n't instead"),
        (.tariffModifier, "reciprocal baseline retaliatory punitive penalty additional extra further new blanket universal global import customs ad valorem anti dumping anti-dumping countervailing section sectoral secondary higher lower steep steeper sweeping hefty across the-board board flat minimum average total overall combined effective current existing fresh tit tat for the a an proposed planned threatened possible potential so-called so called emergency national security ieepa trade mutual matching mirror counter-tariffs counter an-additional-of special temporary permanent import-tax most-favored-nation mfn basic base standard rate rates headline top maximum counter safeguard anti-subsidy definitive provisional preliminary"),
        (.clauseBreak, "while whereas but which although though"),
        (.coordinator, "and or"),
        (.percentWord, "percent pct pc"),
        (.recentCue, "yesterday recently recent ago lately"),
        (.rangeCue, "between ranging range ranges vary varying varies"),
        (.actorNoun, "officials official government governments administration authorities ministry ministers minister leaders leader president premier negotiators delegation delegates side regulators lawmakers legislators legislature congress senate commissioner commissioners envoy officials' spokesperson spokesman spokeswoman department agency commission bureau cabinet parliament exporters importers producers manufacturers farmers companies firms makers automakers carmakers steelmakers growers"),
        (.changeNoun, "increase increases hike hikes rise rises jump boost cut cuts reduction reductions"),
        (.futureCue, "next tomorrow upcoming coming soon will 'll"),
        (.determiner, "the a an its their his her our this that these those all most any every each many some several certain other"),
        (.venueMarker, "in at near"),
        (.sourceMarker, "from"),
        (.byMarker, "by"),
        (.sufferVerb, "face faces facing faced pay pays paying paid risk risks risking"),
        (.entryVerb, "enter enters entered entering cross crosses crossed crossing"),
        (.subjectPronoun, "it they we he she"),
        (.obtainVerb, "agreed agree agrees accepted accept accepts secured secure secures won win wins obtained obtain obtains negotiated clinched got gets received receives promised granted offered"),
        (.complaint, "unfair unjustified unjust unreasonable unacceptable illegal hurt hurts hurting harm harms harming damaging damage devastating blackmail bullying coercion coercive protectionist discriminatory"),
        (.genericGoods, "imports import importation exports export exportation shipments shipment countries nations partners economies country nation partner economy"),
        (.auxiliary, "will would could may might can must should has have had is are was were also now still already currently reportedly initially first then later again just 'll"),
        (.beForm, "is are was were be been being"),
        (.levelNoun, "high peak level levels ceiling cap"),
        (.approximator, "about around roughly nearly approximately almost some over under as much up to them it those these"),
        (.doubling, "double doubles doubled doubling"),
        (.halving, "halve halves halved halving"),
    ]

    /// Every word of the lists with its classes, once per list it is in (the table merges them), then the month
    /// names. Built in every process before its first article, so without a dictionary: the words are hashed
    /// from their bytes (the tokenizer's hash) and listed. A `[UInt64: TariffLexeme]` folded them before, at
    /// some 970 instructions a word (its hashing, its probes, and the generic reading of each word through a
    /// lazy filter): 1.5 M instructions of a one-article extraction's 32 M.
    private static let entries: [(UInt64, TariffLexeme)] = {
        var found: [(UInt64, TariffLexeme)] = []
        found.reserveCapacity(1_800)  // some 1,500 words are listed
        func add(_ classes: TariffWordClass, _ word: UnsafeBufferPointer<UInt8>) {
            found.append((TariffTokenizer.hash(word), TariffLexeme(classes: classes, month: 0)))
        }
        for (classes, words) in wordLists { WordHash.forEachWord(in: words) { add(classes, $0) } }
        // the speaker column of the one table of verbs of saying, word by word (joined into one list, the
        // generic `joined` cost 0.4 M)
        for var word in ClauseLexicon.reportingWords(.speaker) { word.withUTF8 { add(.reportingVerb, $0) } }
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december"]
        for (index, name) in months.enumerated() {
            found.append((TariffTokenizer.hash(name), TariffLexeme(classes: .month, month: index + 1)))
            if name != "may" {
                found.append((TariffTokenizer.hash(String(name.prefix(3))), TariffLexeme(classes: .month, month: index + 1)))
            }
        }
        found.append((TariffTokenizer.hash("sept"), TariffLexeme(classes: .month, month: 9)))
        return found
    }()

    static let percent: UInt64 = 0xc133cb4f5dfb4e9a  // "percent"
    static let per: UInt64 = 0x2bcdeadd870e01a0  // "per"
    static let cent: UInt64 = 0x6857a7d3774dd233  // "cent"
    static let percentage: UInt64 = 0x371bf17cb63a59bb  // "percentage"
    static let point: UInt64 = 0x3a8deb64f77453ab  // "point"
    static let points: UInt64 = 0xe05e2fbf8331a6ce  // "points"
    static let of: UInt64 = 0x764f773bd4f713b9  // "of"
    static let to: UInt64 = 0x97422fed671128a8  // "to"
    static let from: UInt64 = 0xe402aace88473e73  // "from"
    static let and: UInt64 = 0xdd34de1958a01f4a  // "and"
    static let or: UInt64 = 0xff28ad62b4291f33  // "or"
    static let on: UInt64 = 0xa5544bfdf9d680ba  // "on"
    static let by: UInt64 = 0xfbe6b7db78d797ed  // "by"
    static let with: UInt64 = 0xa4eff8238c23271e  // "with"
    static let the: UInt64 = 0x10607e2e2a78b2fc  // "the"
    static let determinerThe: UInt64 = 0x10607e2e2a78b2fc  // "the"
    static let top: UInt64 = 0xadac9d9f32cec358  // "top"
    static let effect: UInt64 = 0x3e9979be7a5130c3  // "effect"
    static let force: UInt64 = 0x9c0cf3d9e919a4ab  // "force"
    static let `in`: UInt64 = 0xe21f1b581465299c  // "in"
    static let up: UInt64 = 0xafc0bc4c827be886  // "up"
    static let last: UInt64 = 0xdd45175893e30fb1  // "last"
    static let this: UInt64 = 0xd436c4d891f161a9  // "this"
    static let next: UInt64 = 0xe8c5406f9aefc644  // "next"
    static let earlier: UInt64 = 0x4208532ade6d9e19  // "earlier"
    static let year: UInt64 = 0x4241c0fc8320405a  // "year"
    static let month: UInt64 = 0xaece5fa4b161b759  // "month"
    static let week: UInt64 = 0x4e56eacae10c7da3  // "week"
    static let lift: UInt64 = 0x4f231bff3401a7a6  // "lift"
    static let lifted: UInt64 = 0x66a068dbf37efb91  // "lifted"
    static let lifting: UInt64 = 0x59d8c6f25361dedb  // "lifting"
    static let lifts: UInt64 = 0x847899dd171660a7  // "lifts"
    static let back: UInt64 = 0x70e31e1f2e170178  // "back"
    static let roll: UInt64 = 0xfebcb706be06ced7  // "roll"
    static let rolled: UInt64 = 0x9609717c58665bab  // "rolled"
    static let rolling: UInt64 = 0x4823d814c87807d4  // "rolling"
    static let set: UInt64 = 0x7cc47610a82c13d0  // "set"
    static let at: UInt64 = 0x0dc7aea421ec4453  // "at"
    static let exports: UInt64 = 0xb038169bea54ff49  // "exports"
    static let shipments: UInt64 = 0x58ccb24a9580686c  // "shipments"
    static let than: UInt64 = 0xf3b64db88902d3ed  // "than"
    static let as_: UInt64 = 0xb622c22d63081633  // "as"
    static let much: UInt64 = 0x9732fc0e3d64bd58  // "much"
    static let high: UInt64 = 0x594f29521169ff0a  // "high"
    static let was: UInt64 = 0xf3e62134435d9d50  // "was"
    static let were: UInt64 = 0xd0b84a5745391360  // "were"
    static let had: UInt64 = 0x9ce5853b412465c9  // "had"
    static let will: UInt64 = 0x17bd41fdea0ac396  // "will"
    static let when: UInt64 = 0x9c4a88df94138876  // "when"
    static let since: UInt64 = 0x3e1ac263ba159110  // "since"
    static let ago: UInt64 = 0x289d16bb4e25ed83  // "ago"
    static let `is`: UInt64 = 0xb3f1d940ad1d35a6  // "is"
    static let are: UInt64 = 0x3564a8cc88a6264b  // "are"
    static let be: UInt64 = 0x027825be7246c963  // "be"
    static let being: UInt64 = 0xa9360ef449f0df55  // "being"
    static let addition: UInt64 = 0xfe0c2ae8c8d90c92  // "addition"
    static let shall: UInt64 = 0xfc65b068db0c33b6  // "shall"
    static let effective: UInt64 = 0x6fd06962473265fd  // "effective"
    static let after: UInt64 = 0x2e070798d2abf985  // "after"
    static let within: UInt64 = 0xd948fd1b2ac4f620  // "within"
    static let made: UInt64 = 0x42441fc726723b77  // "made"
    static let built: UInt64 = 0x5e87340f792c3175  // "built"
    static let instead: UInt64 = 0xc9d322a3d18fa86c  // "instead"
    static let until: UInt64 = 0xc909b0de63667d4b  // "until"
    static let would: UInt64 = 0x8316ebfd204efc7f  // "would"
    static let immediately: UInt64 = 0xb1ec9251ebc9bcdc  // "immediately"
    static let immediate: UInt64 = 0xb3be4c2b00e10956  // "immediate"
    static let over: UInt64 = 0xe94731f14d74c3a6  // "over"
    static let citing: UInt64 = 0xbc266cf57dd405dc  // "citing"
    static let cited: UInt64 = 0x6b7ebc679b8f14ce  // "cited"
    static let american: UInt64 = 0xd989726f677e7695  // "american"
    static let americans: UInt64 = 0xdaae6030cd6c4345  // "americans"
    static let rather: UInt64 = 0xd4fb9aa6bd2a9e89  // "rather"
    static let down: UInt64 = 0x045564457f7103f2  // "down"
    static let hundred: UInt64 = 0xd0c18e376684932c  // "hundred"
    static let take: UInt64 = 0xb8fdda99b808c9a4  // "take"
    static let takes: UInt64 = 0xcc3958beb51bd878  // "takes"
    static let took: UInt64 = 0xb1f4210b85b3293d  // "took"
    static let taken: UInt64 = 0x9aa53213c8f86486  // "taken"
    static let went: UInt64 = 0xffadd3b8c6018673  // "went"
    static let into: UInt64 = 0x98b439b86277dbd5  // "into"
    static let zero: UInt64 = 0xdb05598ae0cc3a97  // "zero"
    static let excise: UInt64 = 0x57f57c527e9b8505  // "excise"
    static let stamp: UInt64 = 0x176effe128fc06e1  // "stamp"
    static let estate: UInt64 = 0xec2433c3f730ce90  // "estate"
    static let inheritance: UInt64 = 0xd0a1f21e57536c96  // "inheritance"
    static let rate: UInt64 = 0x493e7eb0783737b7  // "rate"
    static let rates: UInt64 = 0x9e7bfc9845597e96  // "rates"
    static let plus: UInt64 = 0xf886111eb442b844  // "plus"
    static let for_: UInt64 = 0x50bb9ee07778bf21  // "for"
    static let agreed: UInt64 = 0x9d9e680f8b7a73fe  // "agreed"
    static let agree: UInt64 = 0x791b678b5c09dfb4  // "agree"
    static let agrees: UInt64 = 0xfff0f5d58bf855dc  // "agrees"
    static let accepted: UInt64 = 0x2b9bbd359dc3284a  // "accepted"
    static let accept: UInt64 = 0xccf47d4c7178d84b  // "accept"
    static let accepts: UInt64 = 0x35a1d19e66f243c0  // "accepts"
    static let section: UInt64 = 0x16b35f264ee941a1  // "section"
    static let market: UInt64 = 0xd766cfe4342c9e84  // "market"
    static let who: UInt64 = 0x17370fbb7e613e26  // "who"
    static let which: UInt64 = 0xfa0c491fc412448e  // "which"
    static let whose: UInt64 = 0x8b1cb9750428d67a  // "whose"
    static let record: UInt64 = 0x4624ec6708852fa3  // "record"
    static let goods: UInt64 = 0x6d5728c65e6153d7  // "goods"
    static let same: UInt64 = 0x8880ad9597af6e69  // "same"
    static let that: UInt64 = 0x2e823c53efc5965d  // "that"
    static let day: UInt64 = 0xa949f3b9ce99b8ba  // "day"
    static let time: UInt64 = 0x5627e2a073c0099d  // "time"
    static let during: UInt64 = 0x36e2afa6b104587b  // "during"
    static let `if`: UInt64 = 0xb373c7660f07aa80  // "if"
    static let unless: UInt64 = 0xc27557e1bf09ef3d  // "unless"
    static let apply: UInt64 = 0x7c4f706ea6cdd964  // "apply"
    static let applies: UInt64 = 0x30a249dea900bc1d  // "applies"
    static let applied: UInt64 = 0x8d00a527a0887ab5  // "applied"
    static let years: UInt64 = 0xd8f17b1491b58e06  // "years"
    static let months: UInt64 = 0x53abfd46be67a066  // "months"
    static let decade: UInt64 = 0x476ce8fba9443881  // "decade"
    static let imports: UInt64 = 0x1d1ddf59d19863ed  // "imports"
    static let purchases: UInt64 = 0x4cb717f52282a46b  // "purchases"
    static let announcement: UInt64 = 0x4072b10f1ac9cfdd  // "announcement"
    static let free: UInt64 = 0xbbd708466b77340b  // "free"
    static let both: UInt64 = 0xb248c43d24017125  // "both"
    static let each: UInt64 = 0x41af8e45374dcb57  // "each"
    static let all: UInt64 = 0xdc2ddd13fff6c2da  // "all"
    static let agreement: UInt64 = 0xed0044b82f199185  // "agreement"
    static let deal: UInt64 = 0x31a43b185cfcc528  // "deal"
    static let pact: UInt64 = 0x31342de433ef60ea  // "pact"
    static let fta: UInt64 = 0xb90f69e3ef796e3b  // "fta"
    static let accord: UInt64 = 0x8061a6bce67ff8ce  // "accord"
    static let treaty: UInt64 = 0x577b8a84a215ef10  // "treaty"
    static let two: UInt64 = 0x64e45835f378d5e7  // "two"
}
