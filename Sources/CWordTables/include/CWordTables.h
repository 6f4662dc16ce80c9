#ifndef TARIFFWATCH_C_WORD_TABLES_H
#define TARIFFWATCH_C_WORD_TABLES_H

#include <stdint.h>

/// Tables of the extraction engine computed when the code was written, so that no process hashes, sorts and places
/// their words before its first article. `word_tables.c` is written by `make word-tables` from the word lists in
/// `TariffExtraction` and never edited by hand; `CompiledWordTablesTests` builds the tables again and fails when the
/// lists no longer give its bytes. A table added here is added to that test, which writes it.

/// `count` 64-bit words: a `WordTable`'s keys, its values' bytes, or another table's plain values.
typedef struct {
    const uint64_t *words;
    uint64_t count;
} tw_compiled_words;

/// `TariffVocabulary.table`: its slots' keys, then its slots' `TariffLexeme`s.
extern const tw_compiled_words tw_tariff_vocabulary_keys;
extern const tw_compiled_words tw_tariff_vocabulary_values;

/// `CountryGazetteer`'s table: the first words' `WordTable` (keys, then `Range<Int>` groups), the entries
/// (`CountryGazetteer.Entry`) and the hashes of the names' other words.
extern const tw_compiled_words tw_gazetteer_index_keys;
extern const tw_compiled_words tw_gazetteer_index_values;
extern const tw_compiled_words tw_gazetteer_entries;
extern const tw_compiled_words tw_gazetteer_rests;

#endif
