/// Fills in what a date expression leaves out (the year, the week) from the reference date and tense.
struct DateResolver: Sendable {
    let reference: CalendarDate

    /// `December 1`: the next one for future tense, the last one for past tense, else the nearest.
    ///
    /// `tense` is read only when it decides: reading a clause's tense costs more than the rest of a date, and
    /// a date within two weeks needs none.
    func day(month: Int, day: Int, tense: @autoclosure () -> Tense) -> CalendarDate? {
        // the candidates are that day a year before, in and after the reference's year (`February 29` only in
        // leap years), read in that order in one loop: building them as arrays cost two allocations per date
        let r = reference.daysSinceEpoch
        var first: CalendarDate?, last: CalendarDate?, nearest: CalendarDate?
        var next: CalendarDate?  // the first on or after the reference
        var previous: CalendarDate?  // the last on or before it
        var nearestDistance = Int.max
        for offset in -1...1 {
            guard let candidate = CalendarDate(year: reference.year + offset, month: month, day: day) else { continue }
            if first == nil { first = candidate }
            last = candidate
            let distance = abs(candidate.daysSinceEpoch - r)
            if distance < nearestDistance { (nearest, nearestDistance) = (candidate, distance) }
            if next == nil, candidate >= reference { next = candidate }
            if candidate <= reference { previous = candidate }
        }
        guard let nearest else { return nil }
        // within two weeks of the reference the nearest one is meant, whatever the tense says: a misread
        // tense is likelier than a date a year away (`gave no reason for the Jan. 14 deadline`)
        if nearestDistance <= 14 { return nearest }
        switch tense() {
        case .future:
            return next ?? last
        case .past:
            return previous ?? first
        case .present:
            return nearest
        case .unmarked:
            // nothing says: news tells of what has happened, so the last one, unless the next is at most four
            // months off: an article announces a measure a season ahead (`duties on cars from Feb. 1` in late
            // October, a verb the tense reader does not know), and a date that near is seldom last year's
            if let next, next.daysSinceEpoch - r <= 122 { return next }
            return previous ?? next
        }
    }

    /// `in November`: the year of the next, last or nearest such month (the current month counts as all three,
    /// whatever `tense`, which is then not read).
    func year(ofMonth month: Int, tense: @autoclosure () -> Tense) -> Int {
        if month == reference.month { return reference.year }
        let delta = month - reference.month
        switch tense() {
        case .future: return delta >= 0 ? reference.year : reference.year + 1
        case .past: return delta <= 0 ? reference.year : reference.year - 1
        // no verb says (`In January, a week after the anniversary, …`): news tells of what has happened, so the
        // last such month, unless the next is at most two months ahead
        case .unmarked:
            let ahead = (month - reference.month + 12) % 12
            if ahead <= 2 { return delta > 0 ? reference.year : reference.year + 1 }
            return delta < 0 ? reference.year : reference.year - 1
        case .present:
            if delta > 6 { return reference.year - 1 }
            if delta < -6 { return reference.year + 1 }
            if delta == -6 { return reference.year }  // half a year either way: news more often looks back
            return reference.year
        }
    }

    /// `on Sunday`, `next Thursday`, `last Friday`.
    ///
    /// `shift` is +1 for `next` (the first one after the reference), -1 for `last` (the last one before),
    /// 0 for `this`, nil for a bare weekday (past tense looks back, present and future ahead, no tense to the
    /// nearest; the reference's own weekday is the reference).
    ///
    /// `tense` is read only for a bare weekday other than the reference's own.
    func weekday(_ weekday: Int, shift: Int?, tense: @autoclosure () -> Tense) -> CalendarDate {
        let ahead = (weekday - reference.weekday + 7) % 7  // 0...6 days forward
        let back = (reference.weekday - weekday + 7) % 7  // 0...6 days back
        switch shift {
        case .some(1): return reference.adding(days: ahead == 0 ? 7 : ahead)
        case .some(-1): return reference.adding(days: back == 0 ? -7 : -back)
        case .some(_): return CalendarDate.mondayOf(isoWeek: reference.isoWeek.week, year: reference.isoWeek.year)
            .adding(days: weekday - 1)
        default:
            if ahead == 0 { return reference }  // every tense's answer
            switch tense() {
            case .future: return reference.adding(days: ahead)
            case .past: return reference.adding(days: -back)
            // `the truce expires on Thursday`: the present tense with a weekday schedules it
            case .present: return reference.adding(days: ahead)
            // nothing says: the nearest one (`Trump Friday ordered…` in a report filed on Saturday)
            // nothing says: news tells mostly of days just past (`On Sunday, police …`), except tomorrow
            case .unmarked: return ahead == 1 ? reference.adding(days: 1) : reference.adding(days: -back)
            }
        }
    }

    /// `next week` / `this month` / `last year`: the unit containing the reference, shifted by `offset` units.
    func period(_ unit: TimeUnit, offset: Int) -> TemporalValue? {
        switch unit {
        case .day: return .day(reference.adding(days: offset))
        case .week, .weekend: return .week(containing: reference.adding(days: 7 * offset))
        case .month:
            let d = CalendarDate(year: reference.year, month: reference.month, day: 1)!.adding(months: offset)
            return .month(year: d.year, month: d.month)
        case .quarter:
            let index = reference.year * 4 + (reference.month - 1) / 3 + offset
            return .quarter(year: index / 4, quarter: index % 4 + 1)
        case .year: return .year(reference.year + offset)
        case .decade, .hour, .minute: return nil
        }
    }

    /// `November 2025`, `in November`.
    func month(_ month: Int, year: Int?, tense: @autoclosure () -> Tense) -> TemporalValue {
        .month(year: year ?? self.year(ofMonth: month, tense: tense()), month: month)
    }
}
