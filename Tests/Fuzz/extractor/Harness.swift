// libFuzzer target for the extraction engine: `make fuzz` (scripts/fuzz.sh extractor RUNS).
// Any bytes in, as the daemon would hand them over after decoding; the run fails (the process traps,
// libFuzzer saves the input) when extraction crashes, exceeds its budget, or reports offsets or text
// that are not the input's.
import TariffExtraction

private let extractor = Extractor()
private let reference = CalendarDate(year: 2025, month: 10, day: 24)!
/// The daemon's limits without the clock: the fuzzer's own `-timeout` judges time, this judges work and memory.
private let limits: ExtractionLimits = {
    var limits = ExtractionLimits.standard
    limits.maxDuration = nil
    return limits
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    // offsets are Unicode scalars after a leading byte-order mark is removed (the reader removes it)
    let scalars = Array(text.unicodeScalars)
    let extraction: Extraction
    do {
        extraction = try extractor.extract(text, referenceDate: reference, limits: limits)
    } catch {
        fatalError("\(size) bytes over the budget: \(error)")
    }
    func check(_ what: String, _ start: Int, _ end: Int, _ quoted: String) {
        guard 0 <= start, start <= end, end <= scalars.count else {
            fatalError("\(what) offsets \(start)..<\(end) outside the text of \(scalars.count) scalars")
        }
        var slice = String.UnicodeScalarView()
        slice.append(contentsOf: scalars[start..<end])
        guard String(slice) == quoted else { fatalError("\(what) text '\(quoted)' is not the text at \(start)..<\(end)") }
    }
    for d in extraction.deadlines { check("deadline", d.start, d.end, d.text) }
    for c in extraction.tariffChanges { check("tariff change", c.start, c.end, c.text) }
    for t in extractor.timexes(in: text, referenceDate: reference) { check("timex", t.start, t.end, t.text) }
    return 0
}
