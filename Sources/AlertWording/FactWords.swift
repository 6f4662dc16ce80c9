public import FactStore
public import TariffExtraction

/// A fact as one sentence: what happens, to what or by whom, and when.
///
/// Deadlines: `100% tariffs on Chinese goods take effect on Sat 1 Nov 2025`, `US-China trade talks on
/// Oct 25–27 2025`, `Comments on the steel quota due by Fri 31 Oct 2025`. Tariffs: `US imposes
/// additional 25% tariff on steel from China, effective Fri 1 Jun 2018 (imposed)`. The subject is the
/// extractor's; these rules only choose the words around it.
public enum FactWords {
    /// What a deadline says happens, without its date: a calendar event's title, a reminder's start.
    public struct Event: Sendable, Equatable {
        /// `100% tariffs on Chinese goods take effect`, `US-China trade talks`, `Deadline`.
        public var what: String
        /// How the date joins it.
        var join: Join

        enum Join: Equatable {
            /// `… on Sat 1 Nov 2025`, `… in November 2025`.
            case adverbial
            /// A task due: `Countries to submit offers by Fri 31 Oct 2025`.
            case dueBy
            /// The kind alone (`Deadline`, `Meeting`) or a thing the text does not say what happens to
            /// (`White House`): the date follows a colon, as on a form.
            case label
        }
    }

    /// The deadline's event: its subject with the kind's phrase.
    public static func event(_ deadline: DeadlineFact) -> Event {
        let phrase = SubjectPhrase(deadline.subject)
        // No subject, or only a piece of one (`from 97.39 hours in 2017 to …`): the kind alone, and the
        // evidence beside it says the rest.
        guard let subject = phrase.text else { return Event(what: label(deadline.kind), join: .label) }
        var join = Event.Join.adverbial
        let what: String
        switch deadline.kind {
        case .effective: what = phrase.isClause ? subject : subject + (phrase.isPlural ? " take effect" : " takes effect")
        case .expiry: what = phrase.isClause ? subject : subject + (phrase.isPlural ? " expire" : " expires")
        case .meeting: what = phrase.namesAnEvent || phrase.isClause ? subject : "Meeting about " + phrase.inSentence
        case .deadline where phrase.namesADeadline: what = subject
        case .deadline:
            // A task (`countries to submit offers`) or a thing (`public comments`) is due by the day.
            what = phrase.isClause ? subject : subject + " due"
            join = .dueBy
        case .other where phrase.namesAnEvent || phrase.isClause: what = subject
        case .other:
            // What happens to it the text does not say: the thing and its date, as on a form.
            what = subject
            join = .label
        }
        return Event(what: capitalizingFirst(what), join: join)
    }

    /// `100% tariffs on Chinese goods take effect on Sat 1 Nov 2025`, `Deadline: Fri 31 Oct 2025`.
    /// - Parameter event: `event(deadline)`, when the caller has it already (reading the subject is most of the cost).
    public static func sentence(_ deadline: DeadlineFact, event: Event? = nil) -> String {
        let event = event ?? Self.event(deadline)
        switch event.join {
        case .adverbial: return "\(event.what) \(DateWords.adverbial(deadline.date, through: deadline.endDate))"
        case .dueBy: return "\(event.what) \(DateWords.dueBy(deadline.date, through: deadline.endDate))"
        case .label: return "\(event.what): \(DateWords.text(deadline.date, through: deadline.endDate))"
        }
    }

    /// `Reminder: the truce expires in 7 days, Mon 10 Nov 2025`.
    /// - Parameter event: `event(deadline)`, when the caller has it already.
    public static func reminder(_ deadline: DeadlineFact, daysBefore days: Int, event: Event? = nil) -> String {
        let when = days <= 0 ? "today" : days == 1 ? "tomorrow" : "in \(days) days"
        let what = (event ?? Self.event(deadline)).what
        return "Reminder: \(what) \(when), \(DateWords.text(deadline.date, through: deadline.endDate))"
    }

    /// The kind alone, for a deadline whose subject the article does not give.
    static func label(_ kind: DeadlineKind) -> String {
        switch kind {
        case .effective: "Effective date"
        case .expiry: "Expiry date"
        case .meeting: "Meeting"
        case .deadline: "Deadline"
        case .other: "Date"
        }
    }

    /// `US imposes additional 25% tariff on steel from China, effective Fri 1 Jun 2018 (imposed)`.
    /// - Parameters:
    ///   - confidence: below 1 when the extractor inferred a party from context: said in the notes.
    ///   - notes: more to say in the brackets (`was 25%`).
    public static func sentence(_ tariff: TariffFact, confidence: Double? = nil, notes more: [String] = []) -> String {
        let clause = TariffClause(tariff)
        var line = clause.text
        if let date = tariff.effectiveDate { line += ", " + DateWords.effective(date) }
        var notes: [String] = []
        if !clause.saysStatus { notes.append(TariffClause.statusWord(tariff.status)) }
        if tariff.aggregate { notes.append("overall level") }
        switch (tariff.imposer, tariff.target) {
        case (nil, nil): notes.append("countries not named")
        case (nil, _): notes.append("imposing country not named")
        default: break
        }
        if let confidence, confidence < 1 {
            notes.append("parties inferred from context, confidence \(numberText((confidence * 100).rounded() / 100))")
        }
        notes += more
        if !notes.isEmpty { line += " (\(notes.joined(separator: "; ")))" }
        return line
    }

    /// The values of `old` that `new` changed, as a reader compares them: `25%, announced, Sat 1 Nov 2025`.
    public static func changedValues(from old: FactValue, to new: FactValue) -> String? {
        var was: [String] = []
        switch (old, new) {
        case (.tariff(let old), .tariff(let new)):
            // `from 25% to 50%` already says what the rate was.
            if old.ratePct != new.ratePct && new.previousRatePct != old.ratePct { was.append(old.ratePct.map(percent) ?? "no rate") }
            if old.status != new.status { was.append(TariffClause.statusWord(old.status)) }
            if old.effectiveDate != new.effectiveDate { was.append(old.effectiveDate.map { DateWords.text($0) } ?? "no date") }
        case (.deadline(let old), .deadline(let new)):
            let oldDate = DateWords.text(old.date, through: old.endDate)
            if oldDate != DateWords.text(new.date, through: new.endDate) { was.append(oldDate) }
        default:
            break
        }
        return was.isEmpty ? nil : was.joined(separator: ", ")
    }
}

/// Who does what to which goods, without the date and the notes.
struct TariffClause {
    var text: String
    /// False when the status is left for the notes: `US imposes …` does not say whether it is announced or in force.
    var saysStatus = true

    init(_ tariff: TariffFact) {
        let goods = tariff.products.isEmpty ? "imports" : Self.list(tariff.products)
        let scope = goods + (tariff.target.map { " from " + CountryNames.shortName(of: $0) } ?? "")
        let additional = tariff.additional ? "additional " : ""
        let measure = tariff.ratePct.map { "\(additional)\(percent($0)) tariff" } ?? "\(additional)tariffs"
        // A move between two rates, or a cut to one, says which way; everything else imposes a measure.
        var change: (verb: String, participle: String, rates: String)?
        if let rate = tariff.ratePct, let previous = tariff.previousRatePct, previous != rate {
            let up = rate > previous
            change = (up ? "raise" : "cut", up ? "raised" : "cut", "from \(percent(previous)) to \(percent(rate))")
        } else if let rate = tariff.ratePct, tariff.direction == .decrease || rate == 0 {
            change = ("cut", "cut", "to \(percent(rate))")
        }
        guard let imposer = tariff.imposer.map(CountryNames.shortName(of:)) else {
            // Nobody named to impose it: the measure is the subject.
            if let change {
                text = "Tariff on \(scope) \(change.participle) \(change.rates)"
                saysStatus = false
            } else {
                text = capitalizingFirst("\(measure) on \(scope)") + " " + Self.statusWord(tariff.status)
            }
            return
        }
        let verb = change?.verb ?? "impose"
        let action = change.map { "\($0.verb) tariff \($0.rates) on \(scope)" } ?? "impose \(measure) on \(scope)"
        switch tariff.status {
        case .threatened: text = "\(imposer) threatens to \(action)"
        case .proposed: text = "\(imposer) proposes to \(action)"
        case .paused: text = "\(imposer) pauses \(measure) on \(scope)"
        case .lifted: text = "\(imposer) lifts \(measure) on \(scope)"
        case .announced, .imposed, .inEffect, .historical:
            text = "\(imposer) \(verb)s" + action.dropFirst(verb.count)
            saysStatus = false
        }
    }

    static func statusWord(_ status: TariffStatus) -> String {
        switch status {
        case .inEffect: "in effect"
        default: status.rawValue
        }
    }

    /// `steel`, `steel and aluminum`, `steel, aluminum and copper`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}

/// `25%`, `12.5%`.
func percent(_ rate: Double) -> String {
    numberText(rate) + "%"
}

/// `100`, `12.5`: no trailing `.0` for whole numbers, as people write rates.
public func numberText(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}

/// The first letter in capitals, unless the word is already mixed case (`iPhone`).
func capitalizingFirst(_ text: String) -> String {
    guard let first = text.first, first.isLowercase else { return text }
    let second = text.dropFirst().first
    if let second, second.isUppercase { return text }
    return first.uppercased() + text.dropFirst()
}
