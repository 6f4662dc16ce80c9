import Foundation
import Testing

@testable import TariffExtraction

/// The tables `make word-tables` writes into the binary (`Sources/CWordTables/word_tables.c`) must be, byte for byte,
/// what their definitions build from the word lists today: a word added to a list and not compiled would otherwise be
/// missing from every process. Each table is built again here and compared slot by slot.
///
/// With `TARIFFWATCH_WRITE_WORD_TABLES` set to a path, the suite writes the C source of the built tables there instead
/// (`make word-tables` does this), and the comparison then runs against the binary's own, older tables only after the
/// next build.
@Suite struct CompiledWordTablesTests {
    /// Each compiled table by its C name, with the words its definition builds.
    private static func builtTables() -> [(name: String, words: [UInt64])] {
        tables(vocabulary: TariffVocabulary.builtTable(), gazetteer: CountryGazetteer.Table(CountryGazetteer.listed()))
    }

    /// The compiled tables, by the same names.
    private static func compiledTables() -> [(name: String, words: [UInt64])] {
        tables(vocabulary: TariffVocabulary.table, gazetteer: CountryGazetteer.Table.compiled())
    }

    /// The words of each table, built or compiled, under its C name in `word_tables.c`.
    private static func tables(
        vocabulary: WordTable<TariffLexeme>, gazetteer: CountryGazetteer.Table
    ) -> [(name: String, words: [UInt64])] {
        let vocabulary = vocabulary.storage, index = gazetteer.index.storage
        return [
            ("tw_tariff_vocabulary_keys", Array(vocabulary.keys)),
            ("tw_tariff_vocabulary_values", words(vocabulary.values)),
            ("tw_gazetteer_index_keys", Array(index.keys)),
            ("tw_gazetteer_index_values", words(index.values)),
            ("tw_gazetteer_entries", words(UnsafeRawBufferPointer(gazetteer.entries))),
            ("tw_gazetteer_rests", Array(gazetteer.rests)),
        ]
    }

    /// Bytes as the 64-bit words C stores them in; a table whose values do not fill whole words cannot be compiled.
    private static func words(_ bytes: UnsafeRawBufferPointer) -> [UInt64] {
        precondition(bytes.count % 8 == 0, "compiled tables hold whole 64-bit words")
        return (0..<(bytes.count / 8)).map { bytes.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self) }
    }

    @Test func compiledTablesAreWhatTheirWordListsBuild() throws {
        let built = Self.builtTables()
        if let path = ProcessInfo.processInfo.environment["TARIFFWATCH_WRITE_WORD_TABLES"] {
            try Self.source(built).write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        for (compiled, expected) in zip(Self.compiledTables(), built) {
            #expect(compiled.words.count == expected.words.count, "\(compiled.name): \(compiled.words.count) words, the lists build \(expected.words.count): run `make word-tables`")
            let differing = zip(compiled.words, expected.words).filter { $0 != $1 }.count
            #expect(differing == 0, "\(compiled.name): \(differing) words differ from what the lists build: run `make word-tables`")
        }
    }

    /// The compiled tables answer as the built ones: every listed word is found with its classes, and the names are
    /// matched (the byte comparison above is the real check; this one says what a difference would break).
    @Test func compiledTablesAnswerAsBuiltOnes() {
        let built = TariffVocabulary.builtTable()
        for (_, words) in TariffVocabulary.wordLists {
            WordHash.forEachWord(in: words) { word in
                let hash = TariffTokenizer.hash(word)
                #expect(TariffVocabulary.table[hash]?.classes == built[hash]?.classes)
            }
        }
        #expect(TariffVocabulary.table[TariffTokenizer.hash("tariffs")]?.classes.contains(.tariffNoun) == true)
        #expect(TariffVocabulary.table[TariffTokenizer.hash("september")]?.month == 9)
        #expect(TariffVocabulary.table[TariffTokenizer.hash("zyzzyva")] == nil)
    }

    /// The C source of `tables`: each as a static array and its `tw_compiled_words`, four words a line.
    private static func source(_ tables: [(name: String, words: [UInt64])]) -> String {
        var text = """
            // Written by `make word-tables` (CompiledWordTablesTests) from the word lists in TariffExtraction: do not edit.
            // The words are those tables' bytes; see CWordTables.h.
            #include "CWordTables.h"

            """
        for (name, words) in tables {
            text += "\nstatic const uint64_t \(name)_words[\(words.count)] = {\n"
            for start in stride(from: 0, to: words.count, by: 4) {
                let line = words[start..<min(start + 4, words.count)].map { "0x" + String($0, radix: 16) + "u" }
                text += "    " + line.joined(separator: ", ") + ",\n"
            }
            text += "};\nconst tw_compiled_words \(name) = {\(name)_words, \(words.count)};\n"
        }
        return text
    }
}
