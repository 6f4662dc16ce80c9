/// Texts made of pieces picked at random, and replayable: a seeded linear congruential generator (Knuth's MMIX
/// constants), as the byte scanners' tests build the texts they compare with a byte-by-byte walk.
struct PiecePicker {
    /// The generator's last state; a test may read its bits for a choice of its own.
    private(set) var state: UInt64

    init(seed: UInt64) { state = seed }

    /// `count` pieces one after another, each picked by the top bits of the generator's next state.
    mutating func text(_ count: Int, from pieces: [[UInt8]]) -> [UInt8] {
        var text: [UInt8] = []
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += pieces[Int(state >> 33) % pieces.count]
        }
        return text
    }
}
