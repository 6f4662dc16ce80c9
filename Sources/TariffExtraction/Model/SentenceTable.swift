/// How `extract --json` writes the sentence of each fact: once per document in a `sentences` array,
/// with each fact's `sentence` an index into it, or not at all (`--no-sentences`: offsets only).
/// Set as `SentenceTable.key` in an encoder's `userInfo`; without it a fact carries its whole sentence
/// (the stored state and the alerts keep that form).
public final class SentenceTable: Sendable {
    public static let key = CodingUserInfoKey(rawValue: "tariffwatch.sentenceTable")!

    /// The document's distinct sentences, in the order of the first fact found in each.
    public let sentences: [String]
    /// When true facts carry no sentence at all.
    public let omitted: Bool
    /// Each sentence's index, only for a table of more than `scannedCount` sentences: hashing a sentence (NFC
    /// normalised when it is not ASCII) cost more than comparing it with a few others, which mostly differ early.
    private let indices: [String: Int]
    private static let scannedCount = 16

    /// A table of the sentences the facts of one document were found in.
    public init(deadlines: [Deadline], tariffChanges: [TariffChange], omitted: Bool = false) {
        var indices: [String: Int] = [:]
        var sentences: [String] = []
        if !omitted {
            // The facts by start, deadlines before changes at the same start, as numbers: a list of each fact's
            // start and sentence cost a retain and a release of every sentence, and its sort moved them. On the
            // stack: an array of them cost an allocation and its release per document.
            let count = deadlines.count + tariffChanges.count
            withUnsafeTemporaryAllocation(of: (start: Int, fact: Int).self, capacity: count) { room in
                var order = room  // sorted in place
                // by index: `enumerated()` copied each fact out (its strings and arrays retained, then released) for its start
                for fact in deadlines.indices { order.initializeElement(at: fact, to: (deadlines[fact].start, fact)) }
                for fact in tariffChanges.indices {
                    order.initializeElement(at: deadlines.count + fact, to: (tariffChanges[fact].start, deadlines.count + fact))
                }
                order.sort { $0.start != $1.start ? $0.start < $1.start : $0.fact < $1.fact }
                // room for a sentence per fact: grown from empty, the array was reallocated at its 2nd, 3rd and 5th
                sentences.reserveCapacity(count)
                for (_, fact) in order {
                    // each sentence read in place: a conditional expression over the two arrays copied the whole fact
                    // (a tariff change's strings and arrays retained and released) to read its one field
                    let sentence: String
                    if fact < deadlines.count {
                        sentence = deadlines[fact].sentence
                    } else {
                        sentence = tariffChanges[fact - deadlines.count].sentence
                    }
                    guard Self.index(of: sentence, in: sentences, indices) == nil else { continue }
                    sentences.append(sentence)
                    if sentences.count == Self.scannedCount + 1 {
                        indices.reserveCapacity(count)
                        for (index, sentence) in sentences.enumerated() { indices[sentence] = index }
                    } else if sentences.count > Self.scannedCount + 1 {
                        indices[sentence] = sentences.count - 1
                    }
                }
            }
        }
        self.sentences = sentences
        self.indices = indices
        self.omitted = omitted
    }

    /// What to write in place of `sentence` (its index), or nil to write nothing.
    package func index(of sentence: String) -> Int? { Self.index(of: sentence, in: sentences, indices) }

    /// The same answer as a dictionary of every sentence (`==` is what both compare by), found by comparing
    /// while the table is small.
    private static func index(of sentence: String, in sentences: [String], _ indices: [String: Int]) -> Int? {
        sentences.count <= scannedCount ? sentences.firstIndex(of: sentence) : indices[sentence]
    }

    /// Encodes `sentence` under `key` as `encoder`'s table says: whole, as an index, or not at all.
    static func encode<Key: CodingKey>(
        _ sentence: String, forKey key: Key, in container: inout KeyedEncodingContainer<Key>, of encoder: any Encoder
    ) throws {
        guard let table = encoder.userInfo[Self.key] as? SentenceTable else {
            try container.encode(sentence, forKey: key)
            return
        }
        if let index = table.index(of: sentence) { try container.encode(index, forKey: key) }
    }
}
