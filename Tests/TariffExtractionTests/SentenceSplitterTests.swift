import Testing

@testable import TariffExtraction

@Suite struct SentenceSplitterTests {
    private func sentences(_ text: String) -> [String] {
        let document = TextDocument(text)
        return document.sentences.map { document.string($0) }
    }

    @Test func keepsAbbreviationsAndDecimalsInsideSentences() {
        let text = "The U.S. raised duties to 25.5% on Oct. 30. Mr. Xi said no. Talks end Friday!\nHeadline here"
        #expect(
            sentences(text) == [
                "The U.S. raised duties to 25.5% on Oct. 30.", "Mr. Xi said no.", "Talks end Friday!",
                "Headline here",
            ])
    }

    /// The block scan finds `*` with the periods and line breaks (one comparison for them all): no sentence ends there.
    @Test func asterisksEndNoSentence() {
        #expect(sentences("Duties rise * Talks end. Rates fall* Now.") == ["Duties rise * Talks end.", "Rates fall* Now."])
    }

    @Test func scalarOffsetsCountUnicodeScalars() {
        let text = "“Quoted” – then 100% tariffs"
        let document = TextDocument(text)
        let byteOffset = Array(text.utf8).firstIndex(of: UInt8(ascii: "1"))!
        let scalar = document.scalarOffset(ofByte: byteOffset)
        #expect(Array(text.unicodeScalars)[scalar] == "1")
    }

    /// The splitter finds its marks 64 bytes at a time, the last short block on its own: where a mark falls in a
    /// block, and how long the last block is, must not change a sentence. The same text after 0 to 130 spaces and
    /// before 0 to 70 gives the same sentences, moved by the spaces in front.
    @Test func sentencesDoNotDependOnWhereTheBlocksFall() {
        let text = Array("Duties rise Nov. 1. Mr. Li said no! Why?\nA line. U.S. talks end Friday. 3.5% is the rate. Ok.".utf8)
        let plain = SentenceSplitter.split(text)
        #expect(plain.count == 7)
        for before in 0...130 {
            for after in stride(from: 0, through: 70, by: 7) {
                let padded = [UInt8](repeating: 0x20, count: before) + text + [UInt8](repeating: 0x20, count: after)
                let moved = SentenceSplitter.split(padded).map { ($0.lowerBound - before)..<($0.upperBound - before) }
                #expect(moved == plain, "\(before) spaces before, \(after) after")
            }
        }
    }
}
