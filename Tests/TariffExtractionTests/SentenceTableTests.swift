import Testing

@testable import TariffExtraction

/// `SentenceTable` compares sentences while the table is small and hashes them once it is large: both give
/// the indices a dictionary of every sentence gives, in the order of each sentence's first fact.
@Suite("Sentence table indices, small and large")
struct SentenceTableTests {
    @Test(arguments: [0, 1, 5, 16, 17, 18, 40])
    func indicesMatchADictionary(_ distinct: Int) throws {
        // each sentence is said by several facts, out of order; two differ only at their end, one only by NFC form
        var sentences = (0..<distinct).map { "Sentence \($0 % 7) of the document, number \($0)." }
        if distinct > 2 { sentences[1] = "Caf\u{E9} tariffs rise." }
        if distinct > 3 { sentences[2] = "Cafe\u{301} tariffs rise." }  // == sentences[1] for String
        var deadlines: [Deadline] = []
        for round in 0..<3 {
            for (n, sentence) in sentences.enumerated().reversed() {
                deadlines.append(
                    Deadline(
                        date: TemporalValue(iso: "2026-01-01")!, kind: .effective, upcoming: true, subject: "", text: "",
                        sentence: sentence, start: n * 10 + round, end: n * 10 + round + 1))
            }
        }
        let table = SentenceTable(deadlines: deadlines, tariffChanges: [])
        var expected: [String: Int] = [:]
        var order: [String] = []
        for d in deadlines.sorted(by: { $0.start < $1.start }) where expected[d.sentence] == nil {
            expected[d.sentence] = order.count
            order.append(d.sentence)
        }
        #expect(table.sentences == order)
        for sentence in sentences + ["Not in the document."] {
            #expect(table.index(of: sentence) == expected[sentence], "\(sentence)")
        }
        #expect(SentenceTable(deadlines: deadlines, tariffChanges: [], omitted: true).sentences.isEmpty)
    }
}
