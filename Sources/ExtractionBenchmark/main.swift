// Extraction throughput: `make bench` (release build, one core).
//
// Generates a deterministic corpus of news-like articles (dates, rates, countries, captions and
// promotional lines among ordinary prose), runs the whole extractor over it several times and
// reports the best run in MB/s and documents/s.
import Foundation
import TariffExtraction

/// A small deterministic generator (SplitMix64) so every run measures the same text.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}

let countries = ["China", "the United States", "Canada", "Mexico", "Japan", "India", "Brazil", "the European Union", "Vietnam", "South Korea"]
let demonyms = ["Chinese", "American", "Canadian", "Mexican", "Japanese", "Indian", "Brazilian", "European", "Vietnamese", "Korean"]
let products = ["steel and aluminum", "autos and auto parts", "semiconductors", "soybeans", "rare earth minerals", "solar panels", "lumber"]
let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

func sentence(_ rng: inout SplitMix64) -> String {
    let a = rng.pick(countries), d = rng.pick(demonyms), p = rng.pick(products)
    let m = rng.pick(months), day = Int(rng.next() % 28) + 1, rate = Int(rng.next() % 140) + 5
    switch rng.next() % 14 {
    case 0: return "\(a) will impose additional \(rate)% tariffs on \(d) \(p) starting \(m) \(day), officials said on \(rng.pick(weekdays))."
    case 1: return "The measures, set to take effect \(m) \(day), would raise duties from \(rate / 2)% to \(rate)%."
    case 2: return "Negotiators are scheduled to meet in Geneva next \(rng.pick(weekdays)) to discuss the dispute over \(p)."
    case 3: return "Earlier this year, \(a) cut its levies on \(p) to \(rate) per cent after months of talks."
    case 4: return "Analysts said the truce, which runs through \(m) \(day), may not survive the summer."
    case 5: return "Photo: Containers at a port on \(m) \(day), 2024. Reuters"
    case 6: return "Industrial Monitor Direct offers top-rated solutions, rated #1 by engineers, the leading choice for experts."
    case 7: return "About \(rate % 100)% of economists polled expect growth to slow in the third quarter."
    case 8: return "The talks, held from \(m) \(day) to \(day + 2), ended without agreement on \(p)."
    case 9: return "Markets rose \(rate % 9).\(rate % 10)% on \(rng.pick(weekdays)) as investors weighed the outlook."
    case 10: return "The commission set a deadline of \(day) \(m) for comments on the proposed duties."
    case 11: return "President Trump threatened a \(rate)% tariff on imports from \(a) within 90 days."
    case 12: return "The 2020 Phase One agreement was meant to boost purchases of \(p)."
    default: return "Officials from both sides described the talks as constructive but declined to give details."
    }
}

/// Background prose: most sentences of a trade story carry no date and no rate.
let prose = [
    "The dispute has weighed on exporters who rely on steady access to foreign markets.",
    "Officials from both sides described the talks as constructive but declined to give details.",
    "Business groups urged the two governments to find a compromise before supply chains suffer further damage.",
    "Economists warned that higher costs would eventually be passed on to consumers and manufacturers alike.",
    "The ministry said it would continue to monitor the situation closely and respond to any unfair practices.",
    "Shipping companies have already begun rerouting cargo to avoid delays at congested ports.",
    "Farmers in the region said uncertainty over export orders had made planning for the next season difficult.",
    "Diplomats said the leaders were expected to discuss security issues as well as trade during the visit.",
    "Several lawmakers criticised the government for failing to consult industry before announcing its plans.",
    "Retailers said shelves were still well stocked but that prices for some imported goods had risen.",
]

/// An article: a headline and paragraphs where about one sentence in four carries a date, a rate or a trap.
func article(_ rng: inout SplitMix64, denseness: UInt64) -> String {
    var paragraphs: [String] = ["Trade tensions rise over \(rng.pick(products))"]
    for _ in 0..<8 {
        paragraphs.append(
            (0..<4).map { _ in rng.next() % 100 < denseness ? sentence(&rng) : rng.pick(prose) }.joined(separator: " "))
    }
    return paragraphs.joined(separator: "\n")
}

let reference = CalendarDate(year: 2025, month: 10, day: 24)!
let extractor = Extractor()

/// Runs the extractor over `corpus` five times and prints the best run.
func measure(_ name: String, _ corpus: [String]) {
    let bytes = corpus.reduce(0) { $0 + $1.utf8.count }
    var best = Duration.seconds(1_000)
    var found = 0
    for _ in 0..<5 {
        var count = 0
        let elapsed = ContinuousClock().measure {
            for text in corpus {
                let result = extractor.extract(text, referenceDate: reference)
                count += result.deadlines.count + result.tariffChanges.count
            }
        }
        best = min(best, elapsed)
        found = count
    }
    let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
    let megabytes = Double(bytes) / 1_000_000
    print(
        "\(name): \(corpus.count) documents, \(String(format: "%.1f", megabytes)) MB, \(found) findings; best of 5: "
            + "\(String(format: "%.1f", megabytes / seconds)) MB/s, \(String(format: "%.0f", Double(corpus.count) / seconds)) documents/s")
}

var rng = SplitMix64(state: 2025)
measure("news-like (25% of sentences dated or rated)", (0..<2_000).map { _ in article(&rng, denseness: 25) })
measure("tariff-dense (every sentence dated or rated)", (0..<500).map { _ in article(&rng, denseness: 100) })
