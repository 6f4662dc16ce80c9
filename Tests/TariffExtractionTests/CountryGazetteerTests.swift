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
                scratch.withTokens(bytes, 0..<bytes.count) { tokens in
                    let check = {
                        var found: [CountryGazetteer.Mention] = []
                        CountryGazetteer.mentions(in: tokens, into: &found)
                        #expect(found.count == 1, "\(name): \(found.count) mentions")
                        guard let mention = found.first else { return }
                        #expect(mention.tokens == 0..<tokens.count, "\(name): tokens \(mention.tokens) of \(tokens.count)")
                        #expect(mention.code == expected, "\(name): \(mention.code), not \(expected)")
                        #expect(mention.isPerson == isPerson, "\(name)")
                    }
                    // The matcher stops at a mark between a name's words, which the table leaves out of the name:
                    // `Côte d'Ivoire` (whose apostrophe is a quote mark to the tokenizer) is never found. Known, not
                    // yet mended: mending it changes what articles extract, a change of its own.
                    if tokens.contains(where: { $0.kind != .word && $0.kind != .possessive }) {
                        withKnownIssue("\(name): a mark between its words") { check() }
                    } else {
                        check()
                    }
                }
            }
        }
        #expect(names > 500)
    }
}
