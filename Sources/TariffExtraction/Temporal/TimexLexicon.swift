/// Calendar units a relative expression counts in.
enum TimeUnit: UInt8, Sendable {
    case day, week, weekend, month, quarter, year, decade, hour, minute
}

/// Words that shift or narrow a calendar unit (`next week`, `early next year`).
enum TimeShift: Sendable, Equatable {
    /// this, current, next, coming, last, past, previous.
    case relative(Int)
    /// early, mid, late, end, start, beginning: the TIMEX3 `mod`.
    case part(TimexPart)
    /// earlier/later (`later this week`): the part of the unit before or after the reference.
    case side(before: Bool)
}

/// The part of a period a modifier picks out (TIMEX3 START / MID / END).
enum TimexPart: UInt8, Sendable {
    case start, mid, end
}

/// What one word means to the temporal tagger.
enum TimexWord: Sendable, Equatable {
    case month(Int, abbreviation: Bool)
    case weekday(Int)
    case unit(TimeUnit, plural: Bool)
    case number(Int)
    case ordinal(Int)
    case ordinalSuffix
    case shift(TimeShift)
    case season(Int)
    /// today, tomorrow, yesterday, tonight: days from the reference.
    case dayOffset(Int)
    /// now, currently, recently, soon, …: TIMEX3 reference values.
    case reference(ReferenceValue)
    /// daily, weekly, monthly, …: a SET with this period.
    case frequency(Frequency)
    case quarterName(Int)
    case holiday(Holiday)
    /// twenties … nineties: a decade read out (`the nineties`), by its tens digit.
    case decadeName(Int)
    /// century, centuries: only as `the 20th century`.
    case century
}

/// A TIMEX3 reference value. A case, not its `String`: with no reference-counted payload a `TimexWord` is
/// copied, returned and matched in registers, where each look-up copied (and released) a string.
enum ReferenceValue: UInt8, Sendable {
    case present, past, future

    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    var iso: String {
        switch self {
        case .present: "PRESENT_REF"
        case .past: "PAST_REF"
        case .future: "FUTURE_REF"
        }
    }
}

/// The period of a frequency word (`daily`, `quarterly`), a case for the same reason as `ReferenceValue`.
enum Frequency: UInt8, Sendable {
    case hourly, daily, weekly, monthly, quarterly, yearly

    /// The TIMEX3 SET value: `PT1H`, `P1D`, `P1W`, `P1M`, `P3M`, `P1Y`.
    var iso: String {
        switch self {
        case .hourly: "PT1H"
        case .daily: "P1D"
        case .weekly: "P1W"
        case .monthly: "P1M"
        case .quarterly: "P3M"
        case .yearly: "P1Y"
        }
    }
}

/// Holidays news dates things by (`before Christmas`, `over Thanksgiving`).
enum Holiday: UInt8, Sendable {
    case christmas, thanksgiving, halloween, independence
}

/// The tagger's vocabulary, looked up by `TimexToken.hash`.
enum TimexLexicon {
    static func word(_ hash: UInt64) -> TimexWord? { table[hash] }

    static let table = WordTable(entries.map { (TimexTokenizer.hash($0.word), $0.meaning) })

    /// Every word the tagger knows, lower case, with its meaning.
    static let entries: [(word: String, meaning: TimexWord)] = {
        var t: [(word: String, meaning: TimexWord)] = []
        func add(_ words: [String], _ value: TimexWord) {
            for w in words { t.append((w, value)) }
        }
        let months = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        for (i, m) in months.enumerated() { add([m], .month(i + 1, abbreviation: false)) }
        let abbreviations = [
            ["jan"], ["feb"], ["mar"], ["apr"], [], ["jun"], ["jul"], ["aug"], ["sep", "sept"], ["oct"], ["nov"], ["dec"],
        ]
        for (i, a) in abbreviations.enumerated() { add(a, .month(i + 1, abbreviation: true)) }
        let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        for (i, d) in weekdays.enumerated() { add([d], .weekday(i + 1)) }
        add(["day"], .unit(.day, plural: false))
        add(["days"], .unit(.day, plural: true))
        add(["week"], .unit(.week, plural: false))
        add(["weeks"], .unit(.week, plural: true))
        add(["weekend"], .unit(.weekend, plural: false))
        add(["weekends"], .unit(.weekend, plural: true))
        add(["month"], .unit(.month, plural: false))
        add(["months"], .unit(.month, plural: true))
        add(["quarter"], .unit(.quarter, plural: false))
        add(["quarters"], .unit(.quarter, plural: true))
        add(["year"], .unit(.year, plural: false))
        add(["years"], .unit(.year, plural: true))
        add(["decade"], .unit(.decade, plural: false))
        add(["decades"], .unit(.decade, plural: true))
        add(["hour"], .unit(.hour, plural: false))
        add(["hours"], .unit(.hour, plural: true))
        add(["minute"], .unit(.minute, plural: false))
        add(["minutes"], .unit(.minute, plural: true))
        let numbers = [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        ]
        for (i, n) in numbers.enumerated() { add([n], .number(i + 1)) }
        let teens = ["thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        for (i, n) in teens.enumerated() { add([n], .number(13 + i)) }
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        for (i, n) in tens.enumerated() { add([n], .number(20 + 10 * i)) }
        add(["several", "few"], .number(-1))
        let ordinals = ["first", "second", "third", "fourth"]
        for (i, o) in ordinals.enumerated() { add([o], .ordinal(i + 1)) }
        add(["st", "nd", "rd", "th"], .ordinalSuffix)
        add(["this", "current"], .shift(.relative(0)))
        add(["next", "coming", "following", "upcoming"], .shift(.relative(1)))
        add(["last", "past", "previous"], .shift(.relative(-1)))
        add(["early", "beginning", "start"], .shift(.part(.start)))
        add(["mid", "middle"], .shift(.part(.mid)))
        add(["late", "end"], .shift(.part(.end)))
        add(["earlier"], .shift(.side(before: true)))
        add(["later"], .shift(.side(before: false)))
        add(["spring"], .season(1))
        add(["summer"], .season(2))
        add(["autumn", "fall"], .season(3))
        add(["winter"], .season(4))
        add(["today"], .dayOffset(0))
        add(["tomorrow"], .dayOffset(1))
        add(["yesterday"], .dayOffset(-1))
        add(["tonight"], .dayOffset(0))
        add(["now", "currently", "presently", "nowadays"], .reference(.present))
        // TimeML marks these; `previously`, `formerly`, `shortly` are left unmarked by its annotators
        add(["recently", "lately", "recent"], .reference(.past))
        add(["soon", "future"], .reference(.future))
        add(["hourly"], .frequency(.hourly))
        add(["daily"], .frequency(.daily))
        add(["weekly"], .frequency(.weekly))
        add(["monthly"], .frequency(.monthly))
        add(["quarterly"], .frequency(.quarterly))
        add(["annually", "yearly"], .frequency(.yearly))
        add(["christmas"], .holiday(.christmas))
        add(["thanksgiving"], .holiday(.thanksgiving))
        add(["halloween"], .holiday(.halloween))
        add(["independence"], .holiday(.independence))
        let decades = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
        for (i, d) in decades.enumerated() { add([d], .decadeName(i + 2)) }
        add(["century"], .century)
        add(["q1"], .quarterName(1))
        add(["q2"], .quarterName(2))
        add(["q3"], .quarterName(3))
        add(["q4"], .quarterName(4))
        return t
    }()
}
