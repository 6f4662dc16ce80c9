/// A temporal expression as the tagger found it, before it leaves the engine.
///
/// Shared between the temporal tagger (which produces it) and the tariff extractor (which links
/// effective dates from it); byte offsets index `TextDocument.bytes`.
struct TaggedTimex: Sendable, Hashable {
    var bytes: Range<Int>
    var sentenceIndex: Int
    var type: TimexType
    /// The TIMEX3 value (`2025-11-01`, `P90D`, `PRESENT_REF`).
    var value: String
    /// The calendar value for DATE expressions that resolve to one, else nil.
    var date: TemporalValue?
    /// The end of a range (`October 25 to 27`), else nil.
    var endDate: TemporalValue?
    /// The expression means the part of its period before the reference date (`earlier this year`,
    /// `this month` in a past-tense clause): history, never a deadline.
    var beforeReference: Bool = false
    /// The date is when something was said (`confirmed on Tuesday`): kept as a TIMEX3 value but given no
    /// `date`, so nobody links it as the date of a measure or an event.
    var isStatementDate: Bool = false
    /// A span counted from a date the text gives (`15 days after March 8`): `date` is its end.
    var anchored: Bool = false
    /// The expression's tokens in its sentence's `TemporalTags.tokens`, as the tagger matched them (the tokens that
    /// `bytes` covers), so a reader of the same tokens need not search for them again; nil when made elsewhere.
    var tokens: Range<Int>? = nil
}
