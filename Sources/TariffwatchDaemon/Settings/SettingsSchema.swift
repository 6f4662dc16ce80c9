/// Every key the configuration file accepts and the kind of value it takes.
///
/// This list is what makes the configuration strict: a key that is not here is a typo or a key
/// from another version, and the daemon refuses to start rather than run on defaults the operator
/// did not choose. `Settings.init(reader:source:)` reads exactly these keys.
enum SettingsSchema {
    /// The kind of value a key takes, as the YAML checker tests it.
    enum Kind: Sendable, Equatable {
        case string, bool, wholeNumber, number, stringList, wholeNumberList

        var phrase: String {
            switch self {
            case .string: "a string"
            case .bool: "true or false"
            case .wholeNumber: "a whole number"
            case .number: "a number"
            case .stringList: "a list of strings"
            case .wholeNumberList: "a list of whole numbers"
            }
        }
    }

    static let keys: [String: Kind] = [
        "watch.directory": .string,
        "watch.recursive": .bool,
        "watch.ignore": .stringList,
        "watch.max_file_size": .wholeNumber,
        "extract.max_seconds": .number,
        "extract.max_candidates": .wholeNumber,
        "state.directory": .string,
        "feed.path": .string,
        "feed.title": .string,
        "feed.home_page_url": .string,
        "feed.max_items": .wholeNumber,
        "alerts.countries": .stringList,
        "alerts.products": .stringList,
        "alerts.minimum_rate_change": .number,
        "alerts.warning_days": .wholeNumber,
        "alerts.remind_days": .wholeNumberList,
        "alerts.unknown_imposers": .bool,
        "alerts.minimum_confidence": .number,
        "log.level": .string,
    ]

    /// The section names (`watch`, `feed`, …): keys that hold a mapping, never a value.
    static let sections: Set<String> = Set(keys.keys.compactMap { key in key.split(separator: ".").first.map(String.init) })

    /// The valid key closest to `key` by edit distance, when it is close enough to be a likely typo.
    static func nearest(to key: String) -> String? {
        // A section name is compared with the sections, a dotted key with the dotted keys.
        let candidates = key.contains(".") ? keys.keys.sorted() : sections.sorted()
        let scored = candidates.map { ($0, editDistance(key, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        // A third of the key's length covers swapped, missing or doubled letters without suggesting
        // an unrelated key for a word that is simply not a setting.
        return best.1 <= max(2, key.count / 3) ? best.0 : nil
    }

    /// Levenshtein distance over Unicode scalars, two rows of memory.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
