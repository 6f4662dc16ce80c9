/// The names alerts print for a party's code, from the same gazetteer the extractor reads them with.
public enum CountryNames {
    /// Short forms people write in headlines, where the gazetteer's first name is long.
    private static let shortForms = ["US": "US", "EU": "EU", "GB": "UK", "AE": "UAE"]

    private static let firstNames: [String: String] = {
        var names: [String: String] = [:]
        for line in CountryGazetteer.data {
            let parts = line.split(separator: "|", maxSplits: 1)
            guard parts.count == 2, let first = parts[1].split(separator: ",").first else { continue }
            let code = String(parts[0])
            if names[code] == nil { names[code] = String(first.drop { $0 == " " }) }
        }
        return names
    }()

    /// `US`, `EU`, `UK`, `China`, `South Korea`; the code itself for a code the gazetteer does not know.
    public static func shortName(of code: String) -> String {
        shortForms[code] ?? firstNames[code] ?? code
    }
}
