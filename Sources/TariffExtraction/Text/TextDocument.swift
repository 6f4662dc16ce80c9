/// A document's UTF-8 bytes with its sentences, prepared once and shared by every extractor.
///
/// Extractors scan bytes, not `Character`s: it is the hot path and grapheme breaking is not needed to
/// find dates and rates. Offsets leave the engine in Unicode scalars (see `scalarOffset(ofByte:)`).
///
/// `bytes` is the text as read, with double-encoded UTF-8 repaired (`MojibakeRepair`); offsets and
/// `string(_:)` still refer to the file's own text, so `text[start:end]` of a fact is what the file says.
struct TextDocument: Sendable {
    /// The text the extractors read: the file's bytes with mojibake repaired.
    let bytes: [UInt8]
    /// The file's own bytes; the same array as `bytes` when nothing was repaired.
    private let originalBytes: [UInt8]
    private let repair: MojibakeRepair?
    /// Byte ranges of sentences, in order; never empty ranges. A sentence over
    /// `ExtractionLimits.maxSentenceTokens` is here as consecutive pieces.
    let sentences: [Range<Int>]
    /// Sentences longer than this many bytes give a window of themselves as a fact's evidence.
    let maxEvidenceBytes: Int
    /// What was done to keep the document within its limits (sentences cut into pieces).
    private(set) var notes: [ExtractionNote] = []
    /// Scalars before each `checkpointStride` bytes of the file's own text: a conversion counts at most one
    /// stride of bytes (at 256 it counted 128 on average, about 350 instructions a call). Empty for a text of
    /// ASCII only (most English articles), whose offsets are its byte offsets: no array made and freed for it.
    private let scalarCheckpoints: [Int]
    private static let checkpointStride = 64

    init(_ text: String, limits: ExtractionLimits = .standard) {
        var text = text
        let bytes = text.withUTF8 { Array($0) }
        let (checkpoints, mayHoldMojibake) = Self.scalarCheckpoints(bytes)
        let repair = mayHoldMojibake ? MojibakeRepair.repair(bytes) : nil
        self.originalBytes = bytes
        self.repair = repair
        self.bytes = repair?.bytes ?? bytes
        let (sentences, cut) = SentenceSplitter.bounded(
            SentenceSplitter.split(self.bytes), in: self.bytes, maxTokens: limits.maxSentenceTokens)
        self.sentences = sentences
        self.maxEvidenceBytes = limits.maxEvidenceBytes
        self.scalarCheckpoints = checkpoints
        // a loop, not `cut.map`: its closure captured a copy of the document (a retain and a release of each of its
        // arrays) for every document, though nearly none has a sentence to cut
        for cut in cut {
            notes.append(ExtractionNote(
                start: scalarOffset(ofByte: cut.sentence.lowerBound),
                message: "a sentence of \(cut.sentence.count) bytes has over \(limits.maxSentenceTokens) tokens: read as \(cut.pieces) pieces"))
        }
    }

    /// The scalars before each `checkpointStride` bytes of `bytes` (none for a text of ASCII only, which needs
    /// none), and whether `bytes` may hold mojibake (`MojibakeRepair.mayHoldMojibake`): one pass for both, since
    /// the mojibake search needs to look only where a stride holds a non-ASCII byte, and this pass loads every
    /// stride anyway.
    private static func scalarCheckpoints(_ bytes: [UInt8]) -> (checkpoints: [Int], mayHoldMojibake: Bool) {
        var mayHoldMojibake = false
        // written in place at their known count (appending checked the array's capacity once per stride), into
        // temporary room, and the array made by copying that: `init(unsafeUninitializedCapacity:)` allocates through the
        // standard library's unspecialised path, which looks the element's metadata up at run time (about 450
        // instructions a document, callgrind; see `Array(filled:count:)`), where the copy is specialised here
        let strides = (bytes.count + checkpointStride - 1) / checkpointStride
        let checkpoints = withUnsafeTemporaryAllocation(of: Int.self, capacity: strides) { checkpoints -> [Int] in
            var ascii = true
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                // The strides of ASCII before the first that is not (all of most English articles) are passed over with
                // no checkpoint written: each one's is its own offset, written only once a stride shows they are needed.
                var block = 0
                while block + checkpointStride <= buffer.count && isASCII(base, block) { block += checkpointStride }
                // every whole stride ASCII: so is the text, unless its last bytes are not
                var lane = block
                if block + checkpointStride > buffer.count {
                    while lane < buffer.count && WideLanes.mask(WideLanes.load(base, lane, limit: buffer.count)) == 0 { lane += 16 }
                }
                ascii = lane >= buffer.count
                guard !ascii else { return }
                var stride = 0
                while stride < block / checkpointStride {
                    checkpoints[stride] = stride * checkpointStride
                    stride += 1
                }
                // whole strides summed lane by lane (a stride is eight words: each lane counts to 8)
                var continuing = 0
                while block + checkpointStride <= buffer.count {
                    checkpoints[stride] = block - continuing
                    stride += 1
                    // a stride of ASCII, most of an English article, has no continuation byte to count
                    if !isASCII(base, block) {
                        var lanes: UInt64 = 0
                        for word in 0..<(checkpointStride / 8) {
                            lanes &+= ByteLanes.continuations(ByteLanes.load(base, block + 8 * word)) >> 7
                        }
                        continuing &+= Int(truncatingIfNeeded: (lanes &* ByteLanes.ones) >> 56)
                        if !mayHoldMojibake {
                            mayHoldMojibake = MojibakeRepair.mayHoldMojibake(base, block..<(block + checkpointStride), count: buffer.count)
                        }
                    }
                    block += checkpointStride
                }
                if block < buffer.count {
                    checkpoints[stride] = block - continuing
                    if !mayHoldMojibake {
                        mayHoldMojibake = MojibakeRepair.mayHoldMojibake(base, block..<buffer.count, count: buffer.count)
                    }
                }
            }
            return ascii ? [] : Array(checkpoints)
        }
        return (checkpoints, mayHoldMojibake)
    }

    /// No byte of the stride at `offset` is above 0x7F: four sixteen-byte loads OR-ed, their high bits read at once
    /// (`WideLanes.mask`, one instruction with SSE2).
    @inline(__always)
    private static func isASCII(_ base: UnsafePointer<UInt8>, _ offset: Int) -> Bool {
        let any = WideLanes.load(base, offset) | WideLanes.load(base, offset + 16)
            | WideLanes.load(base, offset + 32) | WideLanes.load(base, offset + 48)
        return WideLanes.mask(any) == 0
    }

    /// The Unicode scalar index, in the file's own text, of the scalar that starts at (or contains)
    /// byte `offset` of `bytes`.
    func scalarOffset(ofByte repairedOffset: Int) -> Int {
        let offset = originalOffset(repairedOffset)
        guard offset > 0 else { return 0 }
        // one scalar a byte (nothing was repaired: a repair needs non-ASCII bytes)
        guard !scalarCheckpoints.isEmpty else { return min(offset, originalBytes.count) }
        let block = min(offset / Self.checkpointStride, scalarCheckpoints.count - 1)
        let from = block * Self.checkpointStride
        let to = min(offset, originalBytes.count)
        guard from < to else { return scalarCheckpoints[block] }
        // a stride whose next checkpoint is a whole stride on holds no continuation byte: one scalar a byte, nothing
        // to count (most strides of an English article)
        if block + 1 < scalarCheckpoints.count, scalarCheckpoints[block + 1] - scalarCheckpoints[block] == Self.checkpointStride {
            return scalarCheckpoints[block] + (to - from)
        }
        return scalarCheckpoints[block] + originalBytes.withUnsafeBufferPointer { ByteLanes.scalarCount($0, from..<to) }
    }

    /// The file's own text of a byte range of `bytes` (what `start`/`end` point at); ranges always
    /// fall on scalar boundaries in this engine.
    func string(_ range: Range<Int>) -> String {
        guard repair != nil else { return String(decoding: bytes[range], as: UTF8.self) }
        return String(decoding: originalBytes[originalOffset(range.lowerBound)..<originalOffset(range.upperBound)], as: UTF8.self)
    }

    /// The repaired text of a byte range, for what people read (evidence sentences, product names).
    func readableString(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    private func originalOffset(_ offset: Int) -> Int {
        repair?.originalOffset(ofRepaired: offset) ?? offset
    }

    /// The index of the sentence that contains byte `offset`.
    func sentenceIndex(containing offset: Int) -> Int? {
        var low = 0
        var high = sentences.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = sentences[mid]
            if offset < range.lowerBound { high = mid - 1 } else if offset >= range.upperBound { low = mid + 1 } else { return mid }
        }
        return nil
    }
}
