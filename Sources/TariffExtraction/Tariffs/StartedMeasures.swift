/// Settles the status of rates whose start the article states, and of rates announced beside a
/// statement that the measure has started.
///
/// A clause alone does not know when its measure started: `has decided to impose a 25% tariff` in an
/// article written weeks after the tariff took effect, `both sides will eliminate tariffs` on the very
/// day the agreement enters into force, `Mexico raises tariffs on Chinese cars` over a story whose
/// tariffs take effect next month. The guidelines read `imposed` as put into force now, `in_effect` as
/// in force for some time and `announced` as decided but not yet in force; a start date and the
/// reference date tell them apart.
enum StartedMeasures {
    /// How many days after its start a measure still counts as just put into force.
    static let recentDays = 7

    /// The status a decided or running measure has on `reference`, given the day it starts: announced
    /// before its first day (a headline's present tense, `raises tariffs`, does not put it in force
    /// early), imposed from its first day for `recentDays`, in effect after that; nil when the start is
    /// a period that has begun but is not over (`in June`, read in June), which does not tell.
    static func status(startingOn start: TemporalValue, reference: CalendarDate) -> TariffStatus? {
        let today = reference.daysSinceEpoch
        if start.firstDay.daysSinceEpoch > today { return .announced }
        if start.lastDay.daysSinceEpoch < today - recentDays { return .inEffect }
        if start.granularity == .day { return .imposed }
        return nil
    }

    /// Re-reads the status of every announced, imposed or running rate that carries a start date.
    /// Threats, proposals, pauses, lifts and history keep theirs: a start date does not make them law.
    static func settle(_ changes: inout [TariffChange], reference: CalendarDate) {
        for c in changes.indices {
            guard let start = changes[c].effectiveDate else { continue }
            switch changes[c].status {
            case .announced, .imposed, .inEffect:
                if let status = status(startingOn: start, reference: reference) { changes[c].status = status }
            default:
                continue
            }
        }
    }

    /// Rates announced without a date in the sentence right before or after one that tells, without a
    /// date, that the measure has started (`The policy has been put into effect. The ministry announced a
    /// 15% tariff on …`) were put into force, not merely announced.
    /// - Parameter startedAt: whether the sentence of that index states such a start.
    ///   Asked at most once per sentence in the usual case (the answers are remembered), and only of sentences
    ///   next to an announced rate's.
    static func imposeAnnounced(_ changes: inout [TariffChange], sentences: [Int], startedAt: (Int) -> Bool) {
        // The last answers read, on the stack: the changes come in sentence order (`sentences` never falls), so a
        // sentence is asked again only for a change of the same sentence or of the next two, and the last four
        // answers hold it. A `Dictionary` of every answer cost its hashing, its growth and its release (some
        // 4,000 instructions an article); an answer no longer held is only read again, and is the same.
        withUnsafeTemporaryAllocation(of: (index: Int, answer: Bool).self, capacity: Self.rememberedAnswers) { recent in
            var asked = 0
            func started(_ index: Int) -> Bool {
                guard index >= 0 else { return false }
                for r in 0..<min(asked, recent.count) where recent[r].index == index { return recent[r].answer }
                let answer = startedAt(index)
                // trivial values: a slot is written over without being deinitialized
                (recent.baseAddress! + asked % recent.count).initialize(to: (index, answer))
                asked += 1
                return answer
            }
            for c in changes.indices where changes[c].status == .announced && changes[c].effectiveDate == nil {
                if started(sentences[c] - 1) || started(sentences[c] + 1) { changes[c].status = .imposed }
            }
        }
    }

    /// How many of its last answers `imposeAnnounced` keeps.
    private static var rememberedAnswers: Int { 4 }

    /// `has been put into effect`, `took effect`, `came into force`, `is now in force`: a phrase of entry
    /// into force told as done or as holding now, not as a plan (`will take effect`, `could come into force`)
    /// or denied (`has not taken effect`).
    static func statesStart(_ s: TariffSentence) -> Bool {
        for k in 0..<s.count where s.isWord(k, effect) || s.isWord(k, force) {
            guard EffectPhrase.ends(s, at: k) else { continue }
            var done = false
            var p = k - 1
            while p >= max(0, k - 6), s.tokens[p].kind == .word {
                if s.isThreat(p) || s.has(p, .futureCue) || s.has(p, .negation) || s.isWord(p, TariffVocabulary.to) { return false }
                if s.has(p, .perfectAux) || s.has(p, .beForm) && !s.isWord(p, TariffVocabulary.be) || s.looksPast(p) || remainWords.contains(s.tokens[p].hash) {
                    done = true
                }
                p -= 1
            }
            if done { return true }
        }
        return false
    }

    private static var effect: UInt64 { TariffVocabulary.effect }
    private static var force: UInt64 { TariffVocabulary.force }
    private static let remainWords = WordTable<Bool>(set: ["remain", "remains", "stays", "stay"].map(TariffTokenizer.hash))
}
