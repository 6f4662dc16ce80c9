/// Word classes the tariff scanner reasons with; one word may belong to several.
struct TariffWordClass: OptionSet, Sendable, Hashable {
    let rawValue: UInt64

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

    static let table: [UInt64: TariffLexeme] = {
        var t: [UInt64: TariffLexeme] = [:]
        func add(_ classes: TariffWordClass, _ words: String) {
            for word in words.split(separator: " ") {
                let h = TariffTokenizer.hash(String(word))
                t[h, default: TariffLexeme(classes: [], month: 0)].classes.formUnion(classes)
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
            "share shares stake stakes growth gdp inflation economy economies poll polls survey surveys probability chance chances odds likelihood market markets stock stocks index indices unemployment margin majority respondents voters turnout profit profits sales discount discounts off sale battery efficiency humidity temperature interest yield yields approval capacity stake output production processing supply supplies population people americans households consumers companies firms businesses rebate stake confidence support rating ratings certainty likely cheaper prices price costs")
        add(
            .marketVerb,
            "fell rose dropped grew jumped slid declined plunged surged climbed gained lost shrank tumbled soared sank slumped dipped rallied fall falls rises grows drops jumps slides declines plunges surges climbs gains loses shrinks tumbles soars sinks slumps dips rallies falling rising dropping growing jumping sliding declining plunging surging climbing gaining losing up down")
        add(
            .preposition,
            "of on in for to from by at with against into over under between than after before during since until through toward towards about across within without amid upon onto via per like including")
        add(
            .function,
            "and or but nor so yet the a an this that these those its their his her our your it they he she we as if while when which who whom whose where whether than then also only just even still already now again all most any every both other another respectively each apiece roughly about approximately nearly almost around some more most less least much many very up is are was were be been being has have had will would could should may might can must shall do does did not no last next year years month months week weeks day days today yesterday tomorrow earlier later immediately soon ago effective starting beginning from until monday tuesday wednesday thursday friday saturday sunday")
        add(
            .threat,
            "threaten threatens threatened threatening threat threats warn warns warned warning vow vows vowed vowing pledge pledges pledged pledging promise promises promised promising could would might may possible possibly potential potentially consider considers considered considering weigh weighs weighed weighing mull mulls mulled mulling if unless float floated floating contemplate contemplates contemplated contemplating eye eyes eyed eyeing ultimatum risk risks mooted")
        add(
            .propose,
            "propose proposes proposed proposing proposal proposals draft drafted recommend recommends recommended recommending plan plans planned planning seek seeks sought seeking suggest suggests suggested intends intend intended aims aim aimed call calls called push pushes pushed pushing")
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
            "lift lifts lifted lifting remove removes removed removing removal scrap scraps scrapped scrapping drop drops dropped dropping eliminate eliminates eliminated eliminating end ends ended ending repeal repeals repealed repealing rescind rescinds rescinded rescinding revoke revokes revoked revoking withdraw withdraws withdrew withdrawn waive waives waived waiving abolish abolished rollback")
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
            "said says say has have had is are was were will would could may might can plans plan planned wants intends announced threatened imposed imposes slapped responded retaliated retaliates hit hits raised raises cut cuts reduced lowered levied levies introduced applied applies agreed decided moved warned vowed pledged proposed unveiled declared ordered signed set added doubled tripled halved increased hiked boosted countered paused suspended delayed lifted removed scrapped dropped eliminated ended threatens imposing slapping announces charges charged remain remains remained stay stays stayed kept keeps charge charging levy took take takes went go goes reach reaches reached hurt hurts stand stands vary varies range ranges come comes came start starts begin begins kick kicks apply applies applied cover covers covered affect affects affected hit")
        add(.targetMarker, "on onto upon against hit hits hitting targeted target targets targeting punish punished punishing penalize penalized penalizing penalise penalised sanction sanctioned")
        add(.negation, "not no never without avoid avoided avert averted prevent prevented preventing refrain refrained denied deny rule ruled n't instead")
        add(
            .tariffModifier,
            "reciprocal baseline retaliatory punitive additional extra further new blanket universal global import customs ad valorem anti dumping anti-dumping countervailing section sectoral secondary higher lower steep steeper sweeping hefty across the-board board flat minimum average total overall combined effective current existing fresh tit tat for the a an proposed planned threatened possible potential so-called so called emergency national security ieepa trade mutual matching mirror counter-tariffs counter an-additional-of special temporary permanent import-tax most-favored-nation mfn basic base standard rate rates headline top maximum counter safeguard anti-subsidy definitive provisional preliminary")
        add(.clauseBreak, "while whereas but which although though")
        add(.coordinator, "and or")
        add(.percentWord, "percent pct")
        add(.recentCue, "yesterday recently recent ago lately")
        add(.rangeCue, "between ranging range ranges vary varying varies")
        add(
            .actorNoun,
            "officials official government governments administration authorities ministry ministers minister leaders leader president premier negotiators delegation delegates side regulators lawmakers envoy officials' spokesperson spokesman spokeswoman exporters importers producers manufacturers farmers companies firms makers automakers carmakers steelmakers growers")
        add(.changeNoun, "increase increases hike hikes rise rises jump boost cut cuts reduction reductions")
        add(.futureCue, "next tomorrow upcoming coming soon will 'll")
        add(.determiner, "the a an its their his her our this that these those all most any every")
        add(.venueMarker, "in at near")
        add(.sourceMarker, "from")
        add(.byMarker, "by")
        add(.sufferVerb, "face faces facing faced pay pays paying paid risk risks risking")
        add(.genericGoods, "imports import exports export products product shipments shipment items countries nations partners economies")
        add(
            .auxiliary,
            "will would could may might can must should has have had is are was were also now still already currently reportedly initially first then later again just 'll")
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

    static let percent = TariffTokenizer.hash("percent")
    static let per = TariffTokenizer.hash("per")
    static let cent = TariffTokenizer.hash("cent")
    static let percentage = TariffTokenizer.hash("percentage")
    static let point = TariffTokenizer.hash("point")
    static let points = TariffTokenizer.hash("points")
    static let of = TariffTokenizer.hash("of")
    static let to = TariffTokenizer.hash("to")
    static let from = TariffTokenizer.hash("from")
    static let and = TariffTokenizer.hash("and")
    static let or = TariffTokenizer.hash("or")
    static let on = TariffTokenizer.hash("on")
    static let by = TariffTokenizer.hash("by")
    static let with = TariffTokenizer.hash("with")
    static let the = TariffTokenizer.hash("the")
    static let determinerThe = TariffTokenizer.hash("the")
    static let top = TariffTokenizer.hash("top")
    static let effect = TariffTokenizer.hash("effect")
    static let force = TariffTokenizer.hash("force")
    static let `in` = TariffTokenizer.hash("in")
    static let up = TariffTokenizer.hash("up")
    static let last = TariffTokenizer.hash("last")
    static let this = TariffTokenizer.hash("this")
    static let next = TariffTokenizer.hash("next")
    static let earlier = TariffTokenizer.hash("earlier")
    static let year = TariffTokenizer.hash("year")
    static let month = TariffTokenizer.hash("month")
    static let week = TariffTokenizer.hash("week")
    static let lift = TariffTokenizer.hash("lift")
    static let lifted = TariffTokenizer.hash("lifted")
    static let lifting = TariffTokenizer.hash("lifting")
    static let lifts = TariffTokenizer.hash("lifts")
    static let back = TariffTokenizer.hash("back")
    static let roll = TariffTokenizer.hash("roll")
    static let rolled = TariffTokenizer.hash("rolled")
    static let rolling = TariffTokenizer.hash("rolling")
    static let set = TariffTokenizer.hash("set")
    static let at = TariffTokenizer.hash("at")
    static let exports = TariffTokenizer.hash("exports")
    static let shipments = TariffTokenizer.hash("shipments")
    static let than = TariffTokenizer.hash("than")
    static let as_ = TariffTokenizer.hash("as")
    static let much = TariffTokenizer.hash("much")
    static let high = TariffTokenizer.hash("high")
    static let was = TariffTokenizer.hash("was")
    static let were = TariffTokenizer.hash("were")
    static let had = TariffTokenizer.hash("had")
    static let will = TariffTokenizer.hash("will")
    static let when = TariffTokenizer.hash("when")
    static let since = TariffTokenizer.hash("since")
    static let ago = TariffTokenizer.hash("ago")
    static let `is` = TariffTokenizer.hash("is")
    static let are = TariffTokenizer.hash("are")
    static let be = TariffTokenizer.hash("be")
    static let take = TariffTokenizer.hash("take")
    static let takes = TariffTokenizer.hash("takes")
    static let took = TariffTokenizer.hash("took")
    static let taken = TariffTokenizer.hash("taken")
    static let went = TariffTokenizer.hash("went")
    static let into = TariffTokenizer.hash("into")
    static let goods = TariffTokenizer.hash("goods")
    static let same = TariffTokenizer.hash("same")
    static let that = TariffTokenizer.hash("that")
    static let day = TariffTokenizer.hash("day")
    static let time = TariffTokenizer.hash("time")
    static let during = TariffTokenizer.hash("during")
    static let `if` = TariffTokenizer.hash("if")
    static let unless = TariffTokenizer.hash("unless")
    static let apply = TariffTokenizer.hash("apply")
    static let applies = TariffTokenizer.hash("applies")
    static let applied = TariffTokenizer.hash("applied")
    static let years = TariffTokenizer.hash("years")
    static let months = TariffTokenizer.hash("months")
    static let decade = TariffTokenizer.hash("decade")
}
