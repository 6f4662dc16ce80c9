import Foundation
import Testing

@testable import TariffExtraction

/// The gazetteer's table groups the names by first word, the longest first and names of one length in the order
/// `data` lists them; the matcher takes the first that fits. Every name, read as a sentence of its own, is then
/// found whole, as the party of the first line that lists it.
@Suite struct CountryGazetteerTests {
    @Test func everyNameIsFoundWholeAsItsParty() {
        var scratch = TariffTokenizer.Scratch()
        var firstCode: [String: String] = [:]
        var names = 0
        for line in CountryGazetteer.data {
            let parts = line.split(separator: "|", maxSplits: 1)
            let code = String(parts[0])
            for listed in parts[1].split(separator: ",") {
                var name = listed.trimmingCharacters(in: .whitespaces)
                let isPerson = name.hasPrefix("@")
                if isPerson { name.removeFirst() }
                let expected = firstCode[name] ?? code
                firstCode[name] = expected
                names += 1
                // a name is matched from a capitalized word: `von der Leyen` is found after `Ursula` only
                guard name.first?.isUppercase == true else { continue }
                let bytes = Array(name.utf8)
                // every name, `Côte d'Ivoire` too (its apostrophe a quote mark to the tokenizer, passed over inside a name)
                scratch.withTokens(bytes, 0..<bytes.count) { tokens in
                    var found: [CountryGazetteer.Mention] = []
                    CountryGazetteer.mentions(in: tokens, into: &found)
                    #expect(found.count == 1, "\(name): \(found.count) mentions")
                    guard let mention = found.first else { return }
                    #expect(mention.tokens == 0..<tokens.count, "\(name): tokens \(mention.tokens) of \(tokens.count)")
                    #expect(mention.code == expected, "\(name): \(mention.code), not \(expected)")
                    #expect(mention.isPerson == isPerson, "\(name)")
                }
            }
        }
        #expect(names > 500)
    }

    /// An apostrophe inside a name is passed over only where it joins two words: `d'Ivoire` in either quote, not a
    /// quotation that opens or closes beside a name.
    @Test func anApostropheInsideANameOnly() {
        var scratch = TariffTokenizer.Scratch()
        func codes(_ text: String) -> [String] {
            let bytes = Array(text.utf8)
            return scratch.withTokens(bytes, 0..<bytes.count) { tokens in
                var found: [CountryGazetteer.Mention] = []
                CountryGazetteer.mentions(in: tokens, into: &found)
                return found.map(\.code)
            }
        }
        #expect(codes("Côte d'Ivoire ships cocoa") == ["CI"])
        #expect(codes("Côte d’Ivoire ships cocoa") == ["CI"])
        #expect(codes("Cote d'Ivoire ships cocoa") == ["CI"])
        #expect(codes("Côte d' Ivoire") == [])
        #expect(codes("the 'China' tariffs") == ["CN"])
    }
}
