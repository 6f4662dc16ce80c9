import CWordTables

/// Names that stand for a trading party: countries, demonyms, capitals, institutions and leaders.
///
/// Each entry maps to an ISO 3166-1 alpha-2 code (`EU` for the Union). Names are matched as
/// token sequences on capitalized words only, so `china` (porcelain) and `turkey` stay out, and
/// all-caps short forms (`US`, `EU`) must be written in capitals so the pronoun `us` stays out.
enum CountryGazetteer {
    struct Entry: Sendable {
        /// The hashes of the name's words after the first, at `Table.rests[rest]`.
        var rest: Range<Int>
        /// The line of `data` that lists the name: its code is `Table.codes[line]`. (An index, not the code: the
        /// entries are then plain bytes, which `make word-tables` writes into the binary.)
        var line: Int
        var needsCaps: Bool
        /// A person (`Trump`, `Xi`) rather than a place or body; people only ever act.
        var isPerson: Bool
    }

    /// One mention: tokens `tokens` name `code`.
    ///
    /// It holds the index of its table entry, not the code: a mention is then a trivial value, so the
    /// readers' copies of mentions and the freeing of a sentence's mentions retain and release no string.
    /// It must stay trivial: a sentence's mentions are copied into its token store as plain memory, which
    /// is freed without deinitializing them (`TariffTokenizer.Store.keep`).
    struct Mention: Sendable {
        var tokens: Range<Int>
        private let entry: Int
        var isPerson: Bool
        /// What the party does in its sentence, written by `TariffSentence.named()` (`.neutral` until then):
        /// kept in the mention, a named sentence holds one array where a second one of roles cost its own
        /// allocation and release.
        var role: PartyRole = .neutral

        /// - Parameter entry: the name's index in the gazetteer's table.
        fileprivate init(tokens: Range<Int>, entry: Int, isPerson: Bool) {
            self.tokens = tokens
            self.entry = entry
            self.isPerson = isPerson
        }

        var code: String {
            let table = CountryGazetteer.table
            return table.codes[table.entries[entry].line]
        }
    }

    /// `code|name, name, …` lines; names prefixed `@` are people.
    static let data: [String] = [
        "US|United States, United States of America, USA, US, U.S., U.S.A., America, American, Americans, Washington, White House, Oval Office, USTR, US Trade Representative, U.S. Trade Representative, Trade Representative, Commerce Department, Department of Commerce, Secretary of Commerce, Treasury Secretary, Secretary of the Treasury, US Congress, U.S. Congress, Capitol Hill, Treasury Department, Pentagon, @Trump, @Donald Trump, @Biden, @Joe Biden, @Bessent, @Scott Bessent, @Greer, @Jamieson Greer, @Lutnick, @Howard Lutnick, @Navarro, @Peter Navarro, @Vance, @Hassett, @Rubio, US Trade Representative Office, Office of the U.S. Trade Representative, Office of the US Trade Representative, International Trade Commission, U.S. International Trade Commission, US International Trade Commission, Customs and Border Protection, U.S. Customs and Border Protection, Department of Agriculture, State Department, Federal Register, @Lighthizer, @Robert Lighthizer, @Wilbur Ross, @Mnuchin, @Steven Mnuchin, @Kudlow, @Larry Kudlow, @Obama, @Barack Obama, @Pence, @Mike Pence, @Tai, @Katherine Tai, @Raimondo, @Gina Raimondo, @Yellen, @Janet Yellen",
        "CN|China, People's Republic of China, PRC, Chinese, Beijing, Zhongnanhai, MOFCOM, State Council, @Xi, @Xi Jinping, @Li Qiang, @He Lifeng, @Wang Wentao, @Li Chenggang, @Wang Yi, Customs Tariff Commission, Tariff Commission of the State Council, General Administration of Customs, Shanghai, Guangzhou, Shenzhen, Tianjin, @Liu He, @Zhong Shan, @Gao Feng, @Gao Hucheng, @Li Keqiang, @Wang Shouwen, @Hua Chunying, @Geng Shuang",
        "EU|European Union, EU, E.U., European, Europe, Brussels, European Commission, @von der Leyen, @Ursula von der Leyen, @Sefcovic, @Šefčovič, @Maros Sefcovic, @Maroš Šefčovič, European Parliament, European Council, @Malmstrom, @Cecilia Malmstrom, @Malmström, @Juncker, @Jean-Claude Juncker, @Hogan, @Phil Hogan, @Dombrovskis, @Valdis Dombrovskis",
        "CA|Canada, Canadian, Canadians, Ottawa, @Carney, @Mark Carney, @Mike Carney, @Trudeau, @Justin Trudeau, @Freeland, @LeBlanc, Global Affairs Canada, Canada Border Services Agency, Toronto, Vancouver, Montreal",
        "MX|Mexico, Mexican, Mexicans, Mexico City, @Sheinbaum, @Claudia Sheinbaum, @Ebrard, @Guajardo, @Ildefonso Guajardo, @López Obrador, @Lopez Obrador, @Peña Nieto",
        "JP|Japan, Japanese, Tokyo, @Ishiba, @Shigeru Ishiba, @Takaichi, @Sanae Takaichi, @Akazawa, METI, Osaka, @Abe, @Shinzo Abe, @Kishida, @Fumio Kishida, @Motegi",
        "KR|South Korea, Republic of Korea, Korea, Korean, South Korean, Seoul, MOTIE, @Lee Jae-myung, @Yoon Suk Yeol, S. Korea, ROK, @Moon Jae-in, @Yoon",
        "KP|North Korea, North Korean, Pyongyang",
        "IN|India, Indian, New Delhi, Delhi, @Modi, @Narendra Modi, @Goyal, @Piyush Goyal, Mumbai, @Nirmala Sitharaman, @Sitharaman",
        "GB|United Kingdom, UK, U.K., Britain, Great Britain, British, London, Downing Street, Whitehall, @Starmer, @Keir Starmer, @Sunak, @Theresa May, @Boris Johnson, @Liz Truss",
        "DE|Germany, German, Berlin, @Merz, @Friedrich Merz, @Scholz, Bundestag, Frankfurt, @Merkel, @Angela Merkel",
        "FR|France, French, Paris, Élysée, Elysee, @Macron, @Emmanuel Macron, @Le Maire, @Bruno Le Maire",
        "IT|Italy, Italian, Rome, @Meloni, @Giorgia Meloni",
        "ES|Spain, Spanish, Madrid, @Sánchez, @Pedro Sánchez",
        "NL|Netherlands, Dutch, The Hague, Amsterdam",
        "BE|Belgium, Belgian",
        "PL|Poland, Polish, Warsaw",
        "SE|Sweden, Swedish, Stockholm",
        "IE|Ireland, Irish, Dublin",
        "AT|Austria, Austrian, Vienna",
        "DK|Denmark, Danish, Copenhagen",
        "FI|Finland, Finnish, Helsinki",
        "PT|Portugal, Portuguese, Lisbon",
        "GR|Greece, Greek, Athens",
        "CZ|Czech Republic, Czechia, Czech, Prague",
        "HU|Hungary, Hungarian, Budapest, @Orbán, @Orban",
        "RO|Romania, Romanian, Bucharest",
        "UA|Ukraine, Ukrainian, Kyiv, Kiev, @Zelensky, @Zelenskyy",
        "CH|Switzerland, Swiss, Bern, Berne",
        "NO|Norway, Norwegian, Oslo",
        "BR|Brazil, Brazilian, Brasilia, Brasília, @Lula, @Luiz Inácio Lula da Silva, @Bolsonaro, São Paulo, Sao Paulo, @Temer, @Michel Temer",
        "AR|Argentina, Argentine, Argentinian, Buenos Aires, @Milei, @Javier Milei, @Macri, @Mauricio Macri",
        "CL|Chile, Chilean, Santiago",
        "CO|Colombia, Colombian, Bogotá, Bogota, @Petro, @Gustavo Petro",
        "PE|Peru, Peruvian, Lima",
        "VE|Venezuela, Venezuelan, Caracas, @Maduro",
        "EC|Ecuador, Ecuadorian, Quito",
        "UY|Uruguay, Uruguayan, Montevideo",
        "AU|Australia, Australian, Canberra, @Albanese, @Anthony Albanese, Sydney, Melbourne, @Turnbull, @Malcolm Turnbull, @Morrison, @Scott Morrison",
        "NZ|New Zealand, Wellington",
        "RU|Russia, Russian, Moscow, Kremlin, @Putin, @Vladimir Putin, @Medvedev",
        "TR|Turkey, Türkiye, Turkish, Ankara, @Erdogan, @Erdoğan, Istanbul",
        "SA|Saudi Arabia, Saudi, Riyadh, @Mohammed bin Salman",
        "AE|United Arab Emirates, UAE, Emirati, Abu Dhabi",
        "QA|Qatar, Qatari, Doha",
        "IL|Israel, Israeli, Jerusalem, @Netanyahu",
        "IR|Iran, Iranian, Tehran",
        "IQ|Iraq, Iraqi, Baghdad",
        "EG|Egypt, Egyptian, Cairo",
        "ZA|South Africa, South African, Pretoria, @Ramaphosa, @Cyril Ramaphosa, Johannesburg, Cape Town",
        "NG|Nigeria, Nigerian, Abuja",
        "KE|Kenya, Kenyan, Nairobi",
        "ET|Ethiopia, Ethiopian, Addis Ababa",
        "MA|Morocco, Moroccan, Rabat",
        "DZ|Algeria, Algerian, Algiers",
        "ID|Indonesia, Indonesian, Jakarta, @Prabowo, @Prabowo Subianto, @Jokowi, @Joko Widodo",
        "VN|Vietnam, Viet Nam, Vietnamese, Hanoi",
        "TH|Thailand, Thai, Bangkok",
        "MY|Malaysia, Malaysian, Putrajaya, Kuala Lumpur, @Anwar, @Anwar Ibrahim",
        "SG|Singapore, Singaporean",
        "PH|Philippines, Philippine, Filipino, Manila, @Marcos, @Duterte",
        "KH|Cambodia, Cambodian, Phnom Penh",
        "LA|Laos, Lao, Laotian, Vientiane",
        "MM|Myanmar, Burma, Burmese, Naypyidaw",
        "BD|Bangladesh, Bangladeshi, Dhaka",
        "PK|Pakistan, Pakistani, Islamabad",
        "LK|Sri Lanka, Sri Lankan, Colombo",
        "TW|Taiwan, Taiwanese, Taipei",
        "HK|Hong Kong",
        "KZ|Kazakhstan, Kazakh, Astana",
        "CR|Costa Rica, Costa Rican",
        "GT|Guatemala, Guatemalan",
        "DO|Dominican Republic, Dominican",
        "PA|Panama, Panamanian",
        "JO|Jordan, Jordanian, Amman",
        "LS|Lesotho",
        "SY|Syria, Syrian, Damascus",
        "MG|Madagascar, Malagasy",
        "IS|Iceland, Icelandic, Reykjavik",
        "GH|Ghana, Ghanaian, Accra",
        "OM|Oman, Omani, Muscat",
        "KW|Kuwait, Kuwaiti",
        "BH|Bahrain, Bahraini",
        "TN|Tunisia, Tunisian, Tunis",
        "SN|Senegal, Senegalese, Dakar",
        "TZ|Tanzania, Tanzanian",
        "UG|Uganda, Ugandan, Kampala",
        "AO|Angola, Angolan, Luanda",
        "ZM|Zambia, Zambian, Lusaka",
        "ZW|Zimbabwe, Zimbabwean, Harare",
        "CI|Ivory Coast, Côte d'Ivoire, Cote d'Ivoire, Ivorian",
        "BO|Bolivia, Bolivian",
        "PY|Paraguay, Paraguayan, Asunción",
        "CU|Cuba, Cuban, Havana",
        "HN|Honduras, Honduran",
        "SV|El Salvador, Salvadoran",
        "NI|Nicaragua, Nicaraguan",
        "RS|Serbia, Serbian, Belgrade",
        "BY|Belarus, Belarusian, Minsk",
        "BG|Bulgaria, Bulgarian, Sofia",
        "HR|Croatia, Croatian, Zagreb",
        "SK|Slovakia, Slovak, Bratislava",
        "SI|Slovenia, Slovenian, Ljubljana",
        "LT|Lithuania, Lithuanian, Vilnius",
        "LV|Latvia, Latvian, Riga",
        "EE|Estonia, Estonian, Tallinn",
        "LU|Luxembourg",
        "CY|Cyprus, Cypriot, Nicosia",
        "AM|Armenia, Armenian, Yerevan",
        "AZ|Azerbaijan, Azerbaijani, Baku",
        "UZ|Uzbekistan, Uzbek, Tashkent",
        "MN|Mongolia, Mongolian, Ulaanbaatar",
        "NP|Nepal, Nepalese, Kathmandu",
        "BN|Brunei",
        "PG|Papua New Guinea",
    ]

    /// Every name, grouped by first word (longest first), and the first word's hash to its group. Built once
    /// and never freed, as `WordTable`s are, so reading an entry costs no reference counting: an array of
    /// entries, each with an array of words, retained and released both per capitalized token.
    struct Table: @unchecked Sendable {  // immutable after `init`, never freed: safe to share between threads
        let index: WordTable<Range<Int>>
        let entries: UnsafeBufferPointer<Entry>
        let rests: UnsafeBufferPointer<UInt64>
        /// The code of each line of `data`.
        let codes: UnsafeBufferPointer<String>

        /// The table `make word-tables` wrote into the binary (`CWordTables`): what `init(_:)` builds from `data`,
        /// read in place. Building it hashed and sorted some 570 names, about a million instructions in every process
        /// before its first article; `CompiledWordTablesTests` builds it again and checks that the bytes are the same.
        static func compiled() -> Table {
            Table(
                index: WordTable(compiledKeys: tw_gazetteer_index_keys.buffer, values: UnsafeRawBufferPointer(tw_gazetteer_index_values.buffer)),
                entries: tw_gazetteer_entries.buffer(of: Entry.self),
                rests: tw_gazetteer_rests.buffer,
                codes: lineCodes())
        }

        private init(index: WordTable<Range<Int>>, entries: UnsafeBufferPointer<Entry>, rests: UnsafeBufferPointer<UInt64>, codes: UnsafeBufferPointer<String>) {
            self.index = index
            self.entries = entries
            self.rests = rests
            self.codes = codes
        }

        /// The table's definition, read from `data`. Each name's first word opens its group; within a group the
        /// longest names come first, names of one length in the order `data` lists them (the matcher takes the first
        /// that fits).
        init(_ listed: Listed) {
            let order = listed.names.indices.sorted { a, b in
                let x = listed.names[a], y = listed.names[b]
                if x.first != y.first { return x.first < y.first }
                if x.rest.count != y.rest.count { return x.rest.count > y.rest.count }
                return a < b
            }
            let entries = UnsafeMutableBufferPointer<Entry>.allocate(capacity: listed.names.count)
            // zeroed first, padding included: the compiled table is compared with this one byte for byte
            UnsafeMutableRawBufferPointer(entries).initializeMemory(as: UInt8.self, repeating: 0)
            let rests = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: listed.rests.count)
            var groups: [(UInt64, Range<Int>)] = []
            var r = 0
            for (e, n) in order.enumerated() {
                let name = listed.names[n]
                (entries.baseAddress! + e).initialize(
                    to: Entry(rest: r..<(r + name.rest.count), line: name.line, needsCaps: name.needsCaps, isPerson: name.isPerson))
                for h in listed.rests[name.rest] {
                    (rests.baseAddress! + r).initialize(to: h)
                    r += 1
                }
                if let last = groups.last, last.0 == name.first {
                    groups[groups.count - 1].1 = last.1.lowerBound..<(e + 1)
                } else {
                    groups.append((name.first, e..<(e + 1)))
                }
            }
            index = WordTable(groups)
            self.entries = UnsafeBufferPointer(entries)
            self.rests = UnsafeBufferPointer(rests)
            codes = Self.lineCodes()
        }

        /// The code before each line's `|`, in a buffer never freed.
        private static func lineCodes() -> UnsafeBufferPointer<String> {
            let codes = UnsafeMutableBufferPointer<String>.allocate(capacity: data.count)
            for (line, text) in data.enumerated() {
                var text = text
                let code = text.withUTF8 { utf8 in
                    String(decoding: UnsafeBufferPointer(rebasing: utf8[..<(utf8.firstIndex(of: 0x7C) ?? utf8.count)]), as: UTF8.self)  // `|`
                }
                (codes.baseAddress! + line).initialize(to: code)
            }
            return UnsafeBufferPointer(codes)
        }
    }

    private static let table = Table.compiled()

    /// The names of `data` as read, in its order: each name's first word's hash, the hashes of its other words at
    /// `rests[rest]`, its line and its flags.
    struct Listed {
        struct Name {
            var first: UInt64
            var rest: Range<Int>
            var line: Int
            var needsCaps: Bool
            var isPerson: Bool
        }

        var names: [Name] = []
        var rests: [UInt64] = []
    }

    /// Built in every process before its first article, so the lines are read on their UTF-8 bytes in place
    /// (`String.split` broke graphemes), each name is tokenized in one reused scratch buffer and its words'
    /// hashes go to one list: an array or two per name made the table cost seven times the extraction of a short
    /// article, and a dictionary of arrays by first word (each grown, then sorted in a copy) still 2.3 M
    /// instructions, a sixth of extracting one article.
    static func listed() -> Listed {
        var listed = Listed()
        listed.names.reserveCapacity(640)  // some 570 names
        listed.rests.reserveCapacity(640)
        var scratch = TariffTokenizer.Scratch()
        var name: [UInt8] = []
        for (lineIndex, line) in data.enumerated() {
            var line = line
            line.withUTF8 { utf8 in
                guard let bar = utf8.firstIndex(of: 0x7C) else { return }  // `|`
                var start = bar + 1
                for comma in start...utf8.count where comma == utf8.count || utf8[comma] == 0x2C {  // `,`
                    var lower = start, upper = comma
                    start = comma + 1
                    while lower < upper && utf8[lower] == 0x20 { lower += 1 }
                    while upper > lower && utf8[upper - 1] == 0x20 { upper -= 1 }
                    let isPerson = lower < upper && utf8[lower] == 0x40  // `@`
                    if isPerson { lower += 1 }
                    name.removeAll(keepingCapacity: true)
                    name.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[lower..<upper]))
                    let restStart = listed.rests.count
                    var first: UInt64?
                    scratch.withTokens(name, 0..<name.count) { tokens in
                        for token in tokens where token.kind == .word || token.kind == .possessive {
                            if first == nil { first = token.hash } else { listed.rests.append(token.hash) }
                        }
                    }
                    guard let first else { continue }
                    listed.names.append(
                        Listed.Name(first: first, rest: restStart..<listed.rests.count, line: lineIndex, needsCaps: needsCaps(name), isPerson: isPerson))
                }
            }
        }
        return listed
    }

    /// `US`, `U.S.`, `EU`: a name of at most four bytes written in capitals (and periods) only matches in capitals.
    private static func needsCaps(_ name: [UInt8]) -> Bool {
        guard name.count <= 4 else { return false }
        // ASCII is answered on the bytes; anything else as characters, as the names were first read
        guard name.allSatisfy({ $0 < 0x80 }) else { return String(decoding: name, as: UTF8.self).allSatisfy { $0.isUppercase || $0 == "." } }
        return name.allSatisfy { $0.isASCIIUpper || $0 == 0x2E }
    }

    /// Empties `result`, an array of the last sentence's names reused for the next, keeping its room: one by one,
    /// as `removeAll(keepingCapacity:)` replaced a subrange, at some 80 instructions a call, where a sentence names
    /// one to three parties.
    @inline(__always)
    static func empty(_ result: inout [Mention]) {
        while !result.isEmpty { result.removeLast() }
    }

    private static let regions = WordTable<Bool>(set:
        ["south", "latin", "central", "north", "pan", "native", "hispanic"].map(TariffTokenizer.hash))

    /// Every name in the tokens, longest match first, left to right.
    static func mentions(in tokens: UnsafeBufferPointer<TariffToken>, into result: inout [Mention]) {
        empty(&result)
        let table = Self.table
        guard let first = tokens.baseAddress else { return }
        let end = first + tokens.count
        var i = 0
        while i < tokens.count {
            // Most tokens are no capitalized word: they are passed over in a loop of their own, by pointer, which
            // keeps its bound in a register (in the loop below it was read from the stack, an index scaled per token).
            var next = first + i
            // (only words are ever `capitalized`: one test per token, where the word kind was a second branch)
            while next < end && !next.pointee.capitalized { next += 1 }
            i = next - first
            guard i < tokens.count else { break }
            let token = tokens[i]
            guard let group = table.index[token.hash] else {
                i &+= 1  // below `tokens.count`
                continue
            }
            // `the South American trade bloc`, `Latin American exporters`: a region's people, not the United States'
            if i > 0, token.hash == TariffVocabulary.american || token.hash == TariffVocabulary.americans, tokens[i - 1].kind == .word, tokens[i - 1].capitalized,
                Self.regions.contains(tokens[i - 1].hash)
            {
                i &+= 1
                continue
            }
            var matched = false
            for e in group {
                if table.entries[e].needsCaps && !token.allCaps { continue }
                var k = i + 1
                var ok = true
                for r in table.entries[e].rest {
                    let h = table.rests[r]
                    // `Côte d'Ivoire`, `Côte d’Ivoire`: an apostrophe inside a name, no space either side, is no word of
                    // the table's name (it keeps only words) and is passed over here
                    if k + 1 < tokens.count, tokens[k].kind == .quote, tokens[k - 1].end == tokens[k].start,
                        tokens[k + 1].start == tokens[k].end
                    {
                        k += 1
                    }
                    while k < tokens.count && tokens[k].kind != .word && tokens[k].kind != .possessive { ok = false; break }
                    guard ok, k < tokens.count, tokens[k].hash == h else { ok = false; break }
                    k += 1
                }
                if ok {
                    if result.capacity == 0 { result.reserveCapacity(8) }  // most sentences name a few: grown rarely
                    result.append(Mention(tokens: i..<k, entry: e, isPerson: table.entries[e].isPerson))
                    i = k
                    matched = true
                    break
                }
            }
            if !matched { i += 1 }
        }
    }
}

