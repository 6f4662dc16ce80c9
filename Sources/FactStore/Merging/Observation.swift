import TariffExtraction

/// One fact as one article states it, before it is merged with what is known.
struct Observation: Sendable, Hashable {
    var value: FactValue
    /// False for what is stored but never alerts: historical rates, aggregates, past dates,
    /// and deadlines that are the effective date of a tariff change alerting on its own.
    var alertable: Bool
    /// A deadline dated before the article's reference date.
    var isPast = false
    var sentence: String
    /// How sure the extractor is of a tariff's parties (1 for deadlines).
    var confidence: Double = 1

    /// The observations of one article, in reading order; tariff changes first so that their
    /// effective dates absorb the matching deadlines.
    static func observations(in extraction: Extraction) -> [Observation] {
        let tariffs = extraction.tariffChanges.map { change in
            Observation(
                value: .tariff(TariffFact(change)),
                alertable: change.status != .historical && !change.aggregate
                    && (change.imposer != nil || change.target != nil),
                isPast: false, sentence: change.sentence, confidence: change.confidence)
        }
        // Only a tariff that alerts itself can carry its date: a deadline folded into an aggregate
        // or a party-less rate would never alert at all.
        let effectiveDates = zip(extraction.tariffChanges, tariffs).filter { $0.1.alertable }.compactMap { change, _ in
            change.effectiveDate.map { (date: $0, sentence: change.sentence) }
        }
        let deadlines = extraction.deadlines.map { deadline in
            let fact = DeadlineFact(date: deadline.date, endDate: deadline.endDate, kind: deadline.kind, subject: deadline.subject)
            // "100% tariffs starting November 1" is one alert (the tariff), not also a deadline.
            let folded = effectiveDates.contains { effective in
                (effective.sentence == deadline.sentence || deadline.kind == .effective)
                    && (effective.date.contains(deadline.date) || deadline.date.contains(effective.date))
            }
            return Observation(
                value: .deadline(fact), alertable: deadline.upcoming && !folded, isPast: !deadline.upcoming,
                sentence: deadline.sentence)
        }
        return tariffs + deadlines
    }
}

extension TemporalValue {
    /// True when every day of `other` is a day of `self`.
    func contains(_ other: TemporalValue) -> Bool {
        firstDay <= other.firstDay && other.lastDay <= lastDay
    }

    var dayCount: Int { lastDay.daysSinceEpoch - firstDay.daysSinceEpoch + 1 }
}
