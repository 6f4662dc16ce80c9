/// Binary searches over a sentence's tokens, which are in text order and never overlap.
///
/// Readers map a date's bytes to its token once per date; a linear scan there made a sentence of n
/// dates cost n² (a megabyte without a period: 40 s).
protocol ByteSpanned {
    var start: Int { get }
    var end: Int { get }
}

extension TimexToken: ByteSpanned {}
extension TariffToken: ByteSpanned {}

/// On arrays and on the token buffers a `TariffSentence` owns.
extension RandomAccessCollection where Element: ByteSpanned, Index == Int {
    /// The first token starting at or after byte `offset`: `firstIndex { $0.start >= offset }`.
    func firstIndex(startingAtOrAfter offset: Int) -> Int? {
        let i = partitionPoint { $0.start >= offset }
        return i < endIndex ? i : nil
    }

    /// The first token ending after byte `offset`: `firstIndex { $0.end > offset }`.
    func firstIndex(endingAfter offset: Int) -> Int? {
        let i = partitionPoint { $0.end > offset }
        return i < endIndex ? i : nil
    }

    /// The first index whose token satisfies `isAfter`, which must be false then true along the array.
    private func partitionPoint(_ isAfter: (Element) -> Bool) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let mid = (low + high) / 2
            if isAfter(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
