import Testing

@testable import TariffExtraction

/// An article's mentions of one weekday take the date most of them were given (`TemporalTagger.oneDatePerWeekday`):
/// counted pair by pair while the article names weekdays a few times, by a dictionary past that, so that a file of
/// thousands of weekdays stays linear. Both ways give the same date.
@Suite struct WeekdayVoteTests {
    typealias Mention = (timex: Int, weekday: Int, date: CalendarDate)

    static func mentions(_ count: Int, seed: UInt64) -> [Mention] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        // few weekdays and few dates, so that votes tie and repeat
        return (0..<count).map { ($0, 1 + next(3), CalendarDate(daysSinceEpoch: 20_000 + 7 * next(4))) }
    }

    @Test func pairwiseAndCountedVotesAgree() {
        for count in 2...80 {
            for seed in 1...12 as ClosedRange<UInt64> {
                let weekdays = Self.mentions(count, seed: seed &* 7_919 &+ UInt64(count))
                for weekday in 1...3 {
                    #expect(
                        TemporalTagger.mostGivenPairwise(weekday, weekdays) == TemporalTagger.mostGivenCounted(weekday, weekdays),
                        "\(count) mentions, seed \(seed), weekday \(weekday)")
                }
            }
        }
    }

    @Test func mostMentionsWinAndTheEarlierDateOnATie() {
        let monday = CalendarDate(daysSinceEpoch: 20_003), nextMonday = CalendarDate(daysSinceEpoch: 20_010)
        let tie: [Mention] = [(0, 1, nextMonday), (1, 1, monday)]
        let more: [Mention] = [(0, 1, monday), (1, 1, nextMonday), (2, 1, nextMonday)]
        let agree: [Mention] = [(0, 1, monday), (1, 1, monday), (2, 2, nextMonday)]
        for mostGiven in [TemporalTagger.mostGivenPairwise, TemporalTagger.mostGivenCounted] {
            #expect(mostGiven(1, tie) == monday)
            #expect(mostGiven(1, more) == nextMonday)
            #expect(mostGiven(1, agree) == nil)
        }
    }

    /// Thousands of weekday mentions (a hostile file) go through the dictionary: the tagger's other work is linear in
    /// them, and this step must be too.
    @Test func manyMentionsAreCountedNotPaired() throws {
        let text = Array(repeating: "Officials met on Monday. They will meet again next Monday.", count: 2_000).joined(separator: " ")
        let document = TextDocument(text)
        let tags = TemporalTagger(referenceDate: try #require(CalendarDate(iso: "2025-10-24"))).tag(document)
        #expect(tags.timexes.count >= 2 * TemporalTagger.pairwiseWeekdays)
        // every bare `Monday` took one date, the one most were given
        let bare = tags.timexes.filter { document.string($0.bytes) == "Monday" }
        #expect(bare.count >= 2_000)
        #expect(Set(bare.map(\.value)).count == 1)
    }
}
