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
        table[hash] ?? TariffLexeme(classes: [], month: 0)
    }

    /// The hash values below are FNV-1a of the quoted words, written out so reading them costs no lazy initialisation;
    /// `hashConstantsMatchTheirWords` in the tests keeps them honest.

    static let table = WordTable<TariffLexeme>(entries)

    private static let entries: [UInt64: TariffLexeme] = {
        // room for every word from the start (some 1,500 are added, fewer distinct): grown from empty, the
        // dictionary was rehashed eleven times
        var t: [UInt64: TariffLexeme] = Dictionary(minimumCapacity: 1_600)
        // read on the UTF-8 bytes: this table is built in every process before its first article (it was
        // half of a one-article extraction's table set-up)
        func add(_ classes: TariffWordClass, _ words: String) {
            WordHash.forEachWord(in: words) { word in
                t[TariffTokenizer.hash(word), default: TariffLexeme(classes: [], month: 0)].classes.formUnion(classes)
            }
        }
        add(.tariffNoun, "tariff tariffs duty duties levy levies surcharge surcharges surtax surtaxes")
        add(.taxNoun, "tax taxes")
        add(.taxQualifier, "import imports customs border export")
        add(
            .nonMeasureHead,
            "war wars talks dispute disputes truce investigation investigations probe policy policies revenue revenues deal deals negotiations uncertainty agenda fight battle battles tensions tension escalation escalations exemption exemptions exclusion exclusions relief refund refunds ruling rulings case cases evasion collection collections income man commission threats threat fears concerns impact costs cost pressure shock regime schedule code codes barriers barrier stance front spat row standoff strategy plan plans playbook announcement announcements bill notice notices letters letter package authority powers power free")
        add(
            .blocker,
            "share shares stake stakes interest growth gdp inflation economy economies poll polls survey surveys probability chance chances odds likelihood market markets stock stocks index indices unemployment margin majority respondents voters turnout profit profits sales discount discounts off sale battery efficiency humidity temperature interest yield yields approval capacity stake output production processing supply supplies population people americans households consumers companies firms businesses rebate stake confidence support rating ratings certainty likely cheaper prices price costs")
        add(
            .marketVerb,
            "rise fall drop jump climb surge grow sink plunge slide fell rose dropped grew jumped slid declined plunged surged climbed gained lost shrank tumbled soared sank slumped dipped rallied fall falls rises grows drops jumps slides declines plunges surges climbs gains loses shrinks tumbles soars sinks slumps dips rallies falling rising dropping growing jumping sliding declining plunging surging climbing gaining losing up down")
        add(
            .preposition,
            "of on in for to from by at with against into over under between than after before during since until through toward towards about across within without amid upon onto via per like including despite unlike except")
        add(
            .function,
            "and or but nor so yet the a an this that these those its their his her our your it they he she we as if while when which who whom whose where whether than then also only just even still already now again plus all most any every both other another respectively each apiece roughly about approximately nearly almost around some more most less least much many very up is are was were be been being has have had will would could should may might can must shall do does did not no last next year years month months week weeks day days today yesterday tomorrow earlier later immediately soon ago effective starting beginning from until monday tuesday wednesday thursday friday saturday sunday")
        add(
            .threat,
            "threaten threatens threatened threatening threat threats warn warns warned warning vow vows vowed vowing pledge pledges pledged pledging promise promises promised promising could would might may possible possibly potential potentially consider considers considered considering weigh weighs weighed weighing mull mulls mulled mulling if unless float floated floating contemplate contemplates contemplated contemplating eye eyes eyed eyeing ultimatum risk risks mooted")
        add(
            .propose,
            "want wants wanted urge urges urged press presses pressed demand demands demanded ask asks asked propose proposes proposed proposing proposal proposals draft drafted recommend recommends recommended recommending plan plans planned planning list lists consultation consultations hearing hearings seek seeks sought seeking suggest suggests suggested intends intend intended aims aim aimed call calls called push pushes pushed pushing")
        add(
            .announce,
            "announce announces announced announcing announcement unveil unveils unveiled unveiling declare declares declared declaring will confirm confirms confirmed confirming order orders ordered decree decreed sign signs signed signing approve approves approved approving finalize finalizes finalized finalise finalised publish published issued issues")
        add(
            .impose,
            "impose imposes imposed imposing slap slaps slapped slapping hit hits hitting raise raises raised raising hike hikes hiked hiking increase increases increased increasing cut cuts cutting reduce reduces reduced reducing lower lowers lowered lowering slash slashes slashed slashing respond responds responded responding retaliate retaliates retaliated retaliating introduce introduces introduced introducing apply applies applied applying enact enacts enacted enacting double doubles doubled doubling triple tripled quadrupled halve halves halved halving bring brings brought bringing put puts putting place places placed placing add adds added adding adopt adopted charged collect collects collected boost boosts boosted boosting levied levying ramp ramped jack jacked escalate escalated escalates countered counter counters reinstate reinstated reinstates restore restored extend extended expand expanded")
        add(
            .inEffect,
            "effect force current currently existing remain remains remained remaining face faces facing pay pays paying subject standing prevailing still now already apply applies charges charge charging stays stay kept keeps keep maintained maintains maintain")
        add(
            .pause,
            "pause pauses paused pausing suspend suspends suspended suspending suspension delay delays delayed delaying postpone postpones postponed postponing reprieve defer defers deferred freeze freezes froze frozen halt halts halted halting")
        add(
            .lift,
            "lift lifts lifted lifting remove removes removed removing removal scrap scraps scrapped scrapping drop drops dropped dropping eliminate eliminates eliminated eliminating end ends ended ending repeal repeals repealed repealing rescind rescinds rescinded rescinding revoke revokes revoked revoking withdraw withdraws withdrew withdrawn waive waives waived waiving abolish abolished rollback exempt exempts exempted exempting exemption")
        add(
            .increase,
            "raise raises raised raising hike hikes hiked hiking increase increases increased increasing boost boosts boosted boosting double doubles doubled doubling triple tripled quadrupled ramp ramped jack jacked escalate escalated escalates higher rise rises rising rose up additional")
        add(
            .decrease,
            "cut cuts cutting reduce reduces reduced reducing lower lowers lowered lowering slash slashes slashed slashing halve halves halved halving ease eases eased easing trim trims trimmed lessen decrease decreases decreased reduction reductions")
        add(.additional, "additional extra further another incremental top")
        add(.aggregate, "average averages averaged overall total combined cumulative effective weighted aggregate stacked")
        add(.pastCue, "previous previously former formerly once prior then peak peaked historically")
        add(.pastVerb, "hit cut put set was were had brought rose fell took came went reached agreed sought withdrew froze countered")
        add(.perfectAux, "has have 've")
        add(.effectiveTrigger, "starting start starts effective beginning begin begins from as on commencing kicks kick takes take taking")
        add(.untilTrigger, "until till through expire expires expiring expiry ending ends before after")
        add(
            .goodsNoun,
            "goods imports import exports export products product shipments shipment items merchandise commodities wares purchases made origin sourced trade countries nations partners economies")
        add(.side, "side")
        add(
            .verb,
            "said says say has have had is are was were will would could may might can plans plan planned wants intends announced threatened imposed imposes slapped responded retaliated retaliates hit hits raised raises cut cuts reduced lowered levied levies introduced applied applies agreed decided moved warned vowed pledged proposed unveiled declared ordered signed set added doubled tripled halved increased hiked boosted countered paused suspended delayed lifted removed scrapped dropped eliminated ended threatens imposing slapping announces match matches matched charges charged remain remains remained stay stays stayed keep kept keeps maintain maintains maintained retain retains retained charge charging levy took take takes went go goes reach reaches reached hurt hurts stand stands vary varies range ranges come comes came start starts begin begins kick kicks apply applies applied cover covers covered affect affects affected hit exempt exempts exempted abolish abolishes abolished eliminate eliminates suspend suspends held hold holds gave give gives sent send sends began met meets led leads released releases")
        add(.targetMarker, "on onto upon against hit hits hitting targeted target targets targeting punish punished punishing penalize penalized penalizing penalise penalised sanction sanctioned")
        add(.negation, "not no never without avoid avoided avert averted prevent prevented preventing refrain refrained denied deny rule ruled n't instead")
        add(
            .tariffModifier,
            "reciprocal baseline retaliatory punitive additional extra further new blanket universal global import customs ad valorem anti dumping anti-dumping countervailing section sectoral secondary higher lower steep steeper sweeping hefty across the-board board flat minimum average total overall combined effective current existing fresh tit tat for the a an proposed planned threatened possible potential so-called so called emergency national security ieepa trade mutual matching mirror counter-tariffs counter an-additional-of special temporary permanent import-tax most-favored-nation mfn basic base standard rate rates headline top maximum counter safeguard anti-subsidy definitive provisional preliminary")
        add(.clauseBreak, "while whereas but which although though")
        add(.coordinator, "and or")
        add(.percentWord, "percent pct pc")
        add(.recentCue, "yesterday recently recent ago lately")
        add(.rangeCue, "between ranging range ranges vary varying varies")
        add(
            .actorNoun,
            "officials official government governments administration authorities ministry ministers minister leaders leader president premier negotiators delegation delegates side regulators lawmakers envoy officials' spokesperson spokesman spokeswoman department agency commission bureau cabinet parliament exporters importers producers manufacturers farmers companies firms makers automakers carmakers steelmakers growers")
        add(.changeNoun, "increase increases hike hikes rise rises jump boost cut cuts reduction reductions")
        add(.futureCue, "next tomorrow upcoming coming soon will 'll")
        add(.determiner, "the a an its their his her our this that these those all most any every each many some several certain other")
        add(.venueMarker, "in at near")
        add(.sourceMarker, "from")
        add(.byMarker, "by")
        add(.sufferVerb, "face faces facing faced pay pays paying paid risk risks risking")
        add(.entryVerb, "enter enters entered entering cross crosses crossed crossing")
        // the speaker column of the one table of verbs of saying
        add(.reportingVerb, ClauseLexicon.reportingWords(.speaker).joined(separator: " "))
        add(.subjectPronoun, "it they we he she")
        add(
            .obtainVerb,
            "agreed agree agrees accepted accept accepts secured secure secures won win wins obtained obtain obtains negotiated clinched got gets received receives promised granted offered")
        add(
            .complaint,
            "unfair unjustified unjust unreasonable unacceptable illegal hurt hurts hurting harm harms harming damaging damage devastating blackmail bullying coercion coercive protectionist discriminatory")
        add(.genericGoods, "imports import exports export shipments shipment countries nations partners economies country nation partner economy")
        add(
            .auxiliary,
            "will would could may might can must should has have had is are was were also now still already currently reportedly initially first then later again just 'll")
        add(.beForm, "is are was were be been being")
        add(.levelNoun, "high peak level levels ceiling cap")
        add(.approximator, "about around roughly nearly approximately almost some over under as much up to them it those these")
        add(.doubling, "double doubles doubled doubling")
        add(.halving, "halve halves halved halving")
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december"]
        for (index, name) in months.enumerated() {
            let h = TariffTokenizer.hash(name)
            t[h, default: TariffLexeme(classes: [], month: 0)].classes.insert(.month)
            t[h]!.month = index + 1
            let short = String(name.prefix(3))
            if short != "may" {
                let hs = TariffTokenizer.hash(short)
                t[hs, default: TariffLexeme(classes: [], month: 0)].classes.insert(.month)
                t[hs]!.month = index + 1
            }
        }
        t[TariffTokenizer.hash("sept")] = TariffLexeme(classes: [.month], month: 9)
        return t
    }()

    static let percent: UInt64 = 0x425314f720ae7f7a  // "percent"
    static let per: UInt64 = 0x77bc7219566a8ee4  // "per"
    static let cent: UInt64 = 0xd9920290fd6b234f  // "cent"
    static let percentage: UInt64 = 0x1a7d46f113023055  // "percentage"
    static let point: UInt64 = 0x73feab3544c345b1  // "point"
    static let points: UInt64 = 0xdd02ad83d7cf88a6  // "points"
    static let of: UInt64 = 0x08b06007b5567108  // "of"
    static let to: UInt64 = 0x08c83907b56ac0a4  // "to"
    static let from: UInt64 = 0x7f845078d7a5c0b5  // "from"
    static let and: UInt64 = 0xe6f79719051ff286  // "and"
    static let or: UInt64 = 0x08b05407b5565ca4  // "or"
    static let on: UInt64 = 0x08b05807b5566370  // "on"
    static let by: UInt64 = 0x08a64b07b54df8d4  // "by"
    static let with: UInt64 = 0xa66b06f655a0c2e9  // "with"
    static let the: UInt64 = 0x56f5c9194461d57c  // "the"
    static let determinerThe: UInt64 = 0x56f5c9194461d57c  // "the"
    static let top: UInt64 = 0x56f9bc194465a83c  // "top"
    static let effect: UInt64 = 0x36c1c83b51f24394  // "effect"
    static let force: UInt64 = 0xe75ad8afb3eeebe4  // "force"
    static let `in`: UInt64 = 0x08b73807b55c4bbe  // "in"
    static let up: UInt64 = 0x08c43a07b566d980  // "up"
    static let last: UInt64 = 0x0456d2ad905847d9  // "last"
    static let this: UInt64 = 0x2587bcef32493841  // "this"
    static let next: UInt64 = 0xe5316cbaa025f028  // "next"
    static let earlier: UInt64 = 0xdf040ecda350ea5b  // "earlier"
    static let year: UInt64 = 0x7c64634977425edc  // "year"
    static let month: UInt64 = 0xf4bdc3936faf56a5  // "month"
    static let week: UInt64 = 0x3d80fff619edbfbd  // "week"
    static let lift: UInt64 = 0xbf3084ad6938593c  // "lift"
    static let lifted: UInt64 = 0x2d6a708383f2776d  // "lifted"
    static let lifting: UInt64 = 0xf9bea5791fbb9e3c  // "lifting"
    static let lifts: UInt64 = 0x17cac1a9cabfc13d  // "lifts"
    static let back: UInt64 = 0x9a46ff9baa276602  // "back"
    static let roll: UInt64 = 0xa358f31ff0c83f9e  // "roll"
    static let rolled: UInt64 = 0x78838a2fa0c47a1f  // "rolled"
    static let rolling: UInt64 = 0x688572ee1988c2f2  // "rolling"
    static let set: UInt64 = 0x823b87195ce20e23  // "set"
    static let at: UInt64 = 0x089c4e07b545a968  // "at"
    static let exports: UInt64 = 0xfcfc8a259496ad00  // "exports"
    static let shipments: UInt64 = 0x9df462d0a72ff390  // "shipments"
    static let than: UInt64 = 0x256cc7ef3232833a  // "than"
    static let as_: UInt64 = 0x089c5507b545b54d  // "as"
    static let much: UInt64 = 0xb6a278a293108b7c  // "much"
    static let high: UInt64 = 0x7360eecc9b38343d  // "high"
    static let was: UInt64 = 0x5eade819487cb532  // "was"
    static let were: UInt64 = 0x3db3f1f61a19018c  // "were"
    static let had: UInt64 = 0x335808192fef8292  // "had"
    static let will: UInt64 = 0xa6190af6555abf8d  // "will"
    static let when: UInt64 = 0x9bf6bff64f32f639  // "when"
    static let since: UInt64 = 0x2b827d4f5e0ada9d  // "since"
    static let ago: UInt64 = 0xe715be190539325a  // "ago"
    static let `is`: UInt64 = 0x08b74507b55c61d5  // "is"
    static let are: UInt64 = 0xe756c8190570da4d  // "are"
    static let be: UInt64 = 0x08a62f07b54dc940  // "be"
    static let being: UInt64 = 0xac85085e70d64908  // "being"
    static let addition: UInt64 = 0xa58854c893ad1a89  // "addition"
    static let shall: UInt64 = 0x6dcaab493a75066d  // "shall"
    static let effective: UInt64 = 0xa2754399689a8232  // "effective"
    static let after: UInt64 = 0xbf82010f6f71eae9  // "after"
    static let within: UInt64 = 0xf13ca4a2c837616a  // "within"
    static let made: UInt64 = 0x1f8649a2cebec738  // "made"
    static let built: UInt64 = 0x802507e298c6efd3  // "built"
    static let instead: UInt64 = 0x607afc808d3d3611  // "instead"
    static let rather: UInt64 = 0x4771c8befad9f847  // "rather"
    static let down: UInt64 = 0xdc04126761bb7455  // "down"
    static let hundred: UInt64 = 0x6ca4772e23f50ae3  // "hundred"
    static let take: UInt64 = 0xd94551ef0792aff6  // "take"
    static let takes: UInt64 = 0xc379be29de403eff  // "takes"
    static let took: UInt64 = 0x2fe3edef38a24dae  // "took"
    static let taken: UInt64 = 0xc379d129de405f48  // "taken"
    static let went: UInt64 = 0x3d7002f619df51a3  // "went"
    static let into: UInt64 = 0xf5a6c8c57a9061a3  // "into"
    static let zero: UInt64 = 0x2229e8613760a383  // "zero"
    static let excise: UInt64 = 0x9277ec276c2d8a2c  // "excise"
    static let stamp: UInt64 = 0xee7ba9ad45c64144  // "stamp"
    static let estate: UInt64 = 0x2c1a78e4399861b5  // "estate"
    static let inheritance: UInt64 = 0x49785635479283eb  // "inheritance"
    static let rate: UInt64 = 0x6d91221fd1ce5547  // "rate"
    static let rates: UInt64 = 0xfbf23011819ac75c  // "rates"
    static let plus: UInt64 = 0xa5c0590db6f268b5  // "plus"
    static let for_: UInt64 = 0xdcb27818fed9da90  // "for"
    static let agreed: UInt64 = 0x5fa14568357ab685  // "agreed"
    static let agree: UInt64 = 0x3c3fde156cff1a83  // "agree"
    static let agrees: UInt64 = 0x5fa14e68357ac5d0  // "agrees"
    static let accepted: UInt64 = 0xcccea1532e9244a0  // "accepted"
    static let accept: UInt64 = 0x7e5f7abe09509b09  // "accept"
    static let accepts: UInt64 = 0x0cd90ae9d3f8304e  // "accepts"
    static let section: UInt64 = 0xa699eae1563fe6ec  // "section"
    static let market: UInt64 = 0xeddcb52b15486b11  // "market"
    static let who: UInt64 = 0x5ec5fc194891690f  // "who"
    static let which: UInt64 = 0xce989e88581f9422  // "which"
    static let whose: UInt64 = 0xe0ede18862cb0a23  // "whose"
    static let record: UInt64 = 0x9c9327fff79474ac  // "record"
    static let goods: UInt64 = 0x3569ceced40b18d1  // "goods"
    static let same: UInt64 = 0x097b5e18bf93ef5b  // "same"
    static let that: UInt64 = 0x256cadef3232570c  // "that"
    static let day: UInt64 = 0xca8d3918f4578f1d  // "day"
    static let time: UInt64 = 0x1e5485ef2e9f9384  // "time"
    static let during: UInt64 = 0x8ab509e91ba27e88  // "during"
    static let `if`: UInt64 = 0x08b73007b55c3e26  // "if"
    static let unless: UInt64 = 0x41ec56a8916fd663  // "unless"
    static let apply: UInt64 = 0xf74a76a458bf1fbb  // "apply"
    static let applies: UInt64 = 0x8bf75f81a1d24a7b  // "applies"
    static let applied: UInt64 = 0x8bf75481a1d237ca  // "applied"
    static let years: UInt64 = 0xa0f364d5a5c6e35d  // "years"
    static let months: UInt64 = 0x8dca2986c6f08da2  // "months"
    static let decade: UInt64 = 0xcadf66f497884349  // "decade"
    static let imports: UInt64 = 0x4ca46ea586eb1365  // "imports"
    static let purchases: UInt64 = 0x68f5592e72e0fcc3  // "purchases"
    static let announcement: UInt64 = 0x900de167907c171a  // "announcement"
    static let free: UInt64 = 0x7f625478d788e11b  // "free"
    static let both: UInt64 = 0xcd17f69bc69bbca2  // "both"
    static let two: UInt64 = 0x5714d319447c9709  // "two"
}
