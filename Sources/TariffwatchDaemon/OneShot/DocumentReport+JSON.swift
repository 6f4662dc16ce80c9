import ArticleFormats
import FactStore
import TariffExtraction

/// `extract --json` lines written by hand, byte for byte as `JSONEncoder` with `.sortedKeys` and
/// `.withoutEscapingSlashes` writes `DocumentReport` with its `SentenceTable`: a third of the whole
/// process's time went to `JSONEncoder` (`perf record` of `extract --json` on 1,200 generated
/// articles). Keys are written in `JSONEncoder`'s sorted (UTF-8 byte) order; `DocumentReportJSONTests`
/// compares the two on real and awkward reports. `encode(to:)` stays the definition.
extension DocumentReport {
    /// One `extract --json` line, without its newline: each sentence once, or none with `omittingSentences`.
    /// - Throws: `NonFiniteNumber` for a rate or confidence that is not a number (as `JSONEncoder` throws).
    public func jsonLine(omittingSentences: Bool) throws -> [UInt8] {
        var json = CanonicalJSON(capacity: 4096)
        try write(to: &json, table: sentenceTable(omitted: omittingSentences))
        return json.finished()
    }

    /// This report as one JSON object, each fact's sentence as `table` says (an index, or nothing).
    /// - Throws: `NonFiniteNumber` for a rate or confidence that is not a number (as `JSONEncoder` throws).
    func write(to json: inout CanonicalJSON, table: SentenceTable) throws(NonFiniteNumber) {
        json.raw("{\"deadlines\":[")
        // by index, each fact written where it is: `enumerated()` copied every fact out (its strings and arrays
        // retained, then released)
        for index in deadlines.indices {
            if index > 0 { json.raw(",") }
            deadlines[index].write(to: &json, table: table)
        }
        json.raw("],\"document\":")
        document.write(to: &json)
        if !table.omitted {
            json.raw(",\"sentences\":")
            json.strings(table.sentences)
        }
        json.raw(",\"tariff_changes\":[")
        for index in tariffChanges.indices {
            if index > 0 { json.raw(",") }
            try tariffChanges[index].write(to: &json, table: table)
        }
        json.raw("]}")
    }
}

extension DocumentInfo {
    /// The synthesized form: absent optionals left out.
    fileprivate func write(to json: inout CanonicalJSON) {
        json.raw("{")
        if let format {
            json.raw("\"format\":")
            json.string(format.rawValue)
            json.raw(",")
        }
        if let item {
            json.raw("\"item\":")
            json.string(item)
            json.raw(",")
        }
        json.raw("\"path\":")
        json.string(path)
        if let published {
            json.raw(",\"published\":")
            json.string(published)
        }
        json.raw(",\"reference_date\":")
        json.string(referenceDate)
        json.raw(",\"reference_date_source\":")
        json.string(referenceDateSource.rawValue)
        if let title {
            json.raw(",\"title\":")
            json.string(title)
        }
        if let url {
            json.raw(",\"url\":")
            json.string(url)
        }
        json.raw("}")
    }
}

extension Deadline {
    /// As `encode(to:)` writes it: `end_date` an explicit null.
    @inline(__always)
    fileprivate func write(to json: inout CanonicalJSON, table: SentenceTable) {
        json.raw("{\"date\":")
        json.string(date)
        json.raw(",\"end\":")
        json.number(end)
        json.raw(",\"end_date\":")
        json.string(endDate)
        json.raw(",\"granularity\":")
        json.string(granularity.rawValue)
        json.raw(",\"kind\":")
        json.string(kind.rawValue)
        if let index = table.index(of: sentence) {
            json.raw(",\"sentence\":")
            json.number(index)
        }
        json.raw(",\"start\":")
        json.number(start)
        json.raw(",\"subject\":")
        json.string(subject)
        json.raw(",\"text\":")
        json.string(text)
        json.raw(",\"upcoming\":")
        json.bool(upcoming)
        json.raw("}")
    }
}

extension TariffChange {
    /// As `encode(to:)` writes it: every key, null included.
    @inline(__always)
    fileprivate func write(to json: inout CanonicalJSON, table: SentenceTable) throws(NonFiniteNumber) {
        json.raw("{\"additional\":")
        json.bool(additional)
        json.raw(",\"aggregate\":")
        json.bool(aggregate)
        json.raw(",\"confidence\":")
        try json.number(confidence)
        json.raw(",\"direction\":")
        json.string(direction.rawValue)
        json.raw(",\"effective_date\":")
        json.string(effectiveDate)
        json.raw(",\"end\":")
        json.number(end)
        json.raw(",\"imposer\":")
        json.string(imposer)
        json.raw(",\"min_rate_pct\":")
        try json.number(minimumRatePct)
        json.raw(",\"previous_rate_pct\":")
        try json.number(previousRatePct)
        json.raw(",\"products\":")
        json.strings(products)
        json.raw(",\"rate_pct\":")
        try json.number(ratePct)
        if let index = table.index(of: sentence) {
            json.raw(",\"sentence\":")
            json.number(index)
        }
        json.raw(",\"start\":")
        json.number(start)
        json.raw(",\"status\":")
        json.string(status.rawValue)
        json.raw(",\"target\":")
        json.string(target)
        json.raw(",\"text\":")
        json.string(text)
        json.raw("}")
    }
}
