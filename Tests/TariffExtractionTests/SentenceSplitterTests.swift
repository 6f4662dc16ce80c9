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

    @Test func scalarOffsetsCountUnicodeScalars() {
        let text = "“Quoted” – then 100% tariffs"
        let document = TextDocument(text)
        let byteOffset = Array(text.utf8).firstIndex(of: UInt8(ascii: "1"))!
        let scalar = document.scalarOffset(ofByte: byteOffset)
        #expect(Array(text.unicodeScalars)[scalar] == "1")
    }
}
