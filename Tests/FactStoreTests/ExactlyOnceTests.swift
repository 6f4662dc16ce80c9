import Foundation
import Testing
import TariffExtraction

@testable import FactStore

/// Exactly-once across reopenings, history versus conflict, and what may carry a deadline's alert.
@Suite final class ExactlyOnceTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("factstore-once-\(UUID())").path

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    private func article(_ name: String, on iso: String, hash: String? = nil) -> FileRecord {
        FileRecord(
            path: "/inbox/\(name)", device: 7, inode: UInt64(name.utf8.count), size: 10, modificationTimeNanoseconds: 5,
            contentHash: hash ?? name, referenceDate: date(iso))
    }

    private func rate(
        _ pct: Double?, imposer: String? = "US", target: String? = "CN", status: TariffStatus = .imposed,
        effective: String? = nil, aggregate: Bool = false, products: [String] = []
    ) -> Extraction {
        let sentence = "Tariffs of \(pct.map { "\($0)" } ?? "some") percent."
        return Extraction(tariffChanges: [
            TariffChange(
                imposer: imposer, target: target, products: products, ratePct: pct, status: status,
                effectiveDate: effective.flatMap { TemporalValue(iso: $0) }, text: "t", sentence: sentence, start: 0, end: 1,
                aggregate: aggregate)
        ])
    }

    private func deadline(_ iso: String, _ kind: DeadlineKind, sentence: String) -> Deadline {
        Deadline(
            date: TemporalValue(iso: iso)!, kind: kind, upcoming: true, subject: "duties", text: iso, sentence: sentence,
            start: 0, end: 1)
    }

    @Test func anOldArticleRepeatingTheStateBeforeAChangeIsNotAConflict() throws {
        let store = try FactStore(directory: directory)
        #expect(try store.record(article("a", on: "2026-03-01"), extraction: rate(100), policy: .init()).map(\.kind) == [.newTariff])
        #expect(try store.record(article("b", on: "2026-03-05"), extraction: rate(125), policy: .init()).map(\.kind) == [.changedTariff])
        // Older than the change, and says what `a` said: history, not news.
        #expect(try store.record(article("c", on: "2026-02-27"), extraction: rate(100), policy: .init()).isEmpty)
        // Older and says something no source said: one conflict, once.
        let conflict = try store.record(article("d", on: "2026-02-27"), extraction: rate(90), policy: .init())
        #expect(conflict.map(\.kind) == [.conflictingReport])
        #expect(try store.record(article("e", on: "2026-02-26"), extraction: rate(90), policy: .init()).isEmpty)

        let facts = try store.facts(upcomingOnOrAfter: nil)
        #expect(facts.count == 1)
        guard case .tariff(let current) = try #require(facts.first).value else { Issue.record("not a tariff"); return }
        #expect(current.ratePct == 125)
    }

    @Test func aRewrittenOlderFileAfterAChangeRaisesNothing() throws {
        let store = try FactStore(directory: directory)
        _ = try store.record(article("a", on: "2026-03-01"), extraction: rate(100), policy: .init())
        _ = try store.record(article("b", on: "2026-03-05"), extraction: rate(125), policy: .init())
        let rewritten = article("a", on: "2026-03-01", hash: "a-edited")
        #expect(try store.disposition(of: rewritten) == .changed)
        #expect(try store.record(rewritten, extraction: rate(100), policy: .init()).isEmpty)
        #expect(try store.disposition(of: rewritten) == .unchanged)
    }

    @Test func aDeadlineIsNotFoldedIntoATariffThatCannotAlert() throws {
        let store = try FactStore(directory: directory)
        let sentence = "The average levy rises to 57% on June 1."
        var extraction = rate(57, effective: "2026-06-01", aggregate: true)
        extraction.tariffChanges[0].sentence = sentence
        extraction.deadlines = [deadline("2026-06-01", .effective, sentence: sentence)]
        let alerts = try store.record(article("avg", on: "2026-03-01"), extraction: extraction, policy: .init())
        #expect(alerts.map(\.kind) == [.newDeadline])
        #expect(try store.counts().facts == 2)
    }

    @Test func aDeadlineIsFoldedIntoTheAlertingTariffThatCarriesIt() throws {
        let store = try FactStore(directory: directory)
        let sentence = "Additional 100% tariffs start November 1."
        var extraction = rate(100, status: .threatened, effective: "2026-11-01")
        extraction.tariffChanges[0].sentence = sentence
        extraction.deadlines = [deadline("2026-11-01", .effective, sentence: sentence)]
        let alerts = try store.record(article("x", on: "2026-10-10"), extraction: extraction, policy: .init())
        #expect(alerts.map(\.kind) == [.newTariff])
        // Another outlet naming only the date later still does not alert a second time.
        let later = Extraction(deadlines: [deadline("2026-11-01", .effective, sentence: "Duties begin Nov. 1.")])
        #expect(try store.record(article("y", on: "2026-10-11"), extraction: later, policy: .init()).isEmpty)
    }

    @Test func deadlineKindsNarrowAlertsButEveryDeadlineIsStored() throws {
        let store = try FactStore(directory: directory)
        let extraction = Extraction(deadlines: [
            deadline("2026-04-10", .meeting, sentence: "Talks on April 10."),
            deadline("2026-05-01", .expiry, sentence: "The truce expires May 1."),
        ])
        let alerts = try store.record(article("k", on: "2026-03-01"), extraction: extraction, policy: .init(deadlineKinds: [.expiry]))
        #expect(alerts.count == 1)
        guard case .deadline(let d) = try #require(alerts.first).current else { Issue.record("not a deadline"); return }
        #expect(d.kind == .expiry)
        #expect(try store.counts().facts == 2)
    }

    @Test func aCrashBeforeDeliveryRedeliversTheSameIDsAndDeliveryIsFinal() throws {
        var raised: [Int64] = []
        do {
            let daemon = try FactStore(directory: directory)
            raised = try daemon.record(article("a", on: "2026-03-01"), extraction: rate(30, target: "MX"), policy: .init()).map(\.id)
            raised += try daemon.record(article("b", on: "2026-03-01"), extraction: rate(45, target: "BR"), policy: .init()).map(\.id)
        }  // no markDelivered: the process died here
        #expect(raised.count == 2)

        let restarted = try FactStore(directory: directory)
        #expect(try restarted.pendingAlerts(limit: 10).map(\.id) == raised)
        // The same article seen again after restart is unchanged and, even if recorded, adds nothing.
        #expect(try restarted.disposition(of: article("a", on: "2026-03-01")) == .unchanged)
        #expect(try restarted.record(article("a", on: "2026-03-01"), extraction: rate(30, target: "MX"), policy: .init()).isEmpty)

        try restarted.markDelivered([raised[0]], at: Date())
        let again = try FactStore(directory: directory)
        #expect(try again.pendingAlerts(limit: 10).map(\.id) == [raised[1]])
        #expect(try again.feedItems(limit: 10).map(\.alert.id) == raised.reversed())
        let counts = try again.counts()
        #expect(counts.alertsDelivered == 1 && counts.alertsPending == 1 && counts.filesProcessed == 2)
    }

    @Test func statusReadsWhileTheDaemonWrites() throws {
        let daemon = try FactStore(directory: directory)
        let status = try FactStore(directory: directory)
        for n in 0..<20 {
            _ = try daemon.record(article("f\(n)", on: "2026-03-01"), extraction: rate(Double(n + 1), target: "C\(n)"), policy: .init())
            #expect(try status.counts().filesProcessed == n + 1)
        }
        #expect(try status.pendingAlerts(limit: 100).count == 20)
    }

    @Test func countsUseSnakeCaseKeys() throws {
        let store = try FactStore(directory: directory)
        try store.recordRejection(path: "/inbox/bad", identity: "1:2:3:4", reason: "not UTF-8")
        let json = String(decoding: try JSONEncoder().encode(try store.counts()), as: UTF8.self)
        for key in ["files_processed", "files_rejected", "facts", "alerts_delivered", "alerts_pending"] {
            #expect(json.contains("\"\(key)\""))
        }
        #expect(try store.counts().filesRejected == 1)
        #expect(try store.isRejected(path: "/inbox/bad", identity: "1:2:3:4"))
        #expect(try !store.isRejected(path: "/inbox/bad", identity: "1:2:3:5"))
    }

    @Test(arguments: [false, true])
    func aReportMissingAPartyIsTheSameMoveInEitherOrder(namedFirst: Bool) throws {
        let store = try FactStore(directory: directory)
        let named = rate(100, status: .threatened, effective: "2026-11-01")
        let targetless = rate(100, target: nil, status: .threatened, effective: "2026-11")
        let (first, second) = namedFirst ? (named, targetless) : (targetless, named)
        #expect(try store.record(article("one", on: "2026-10-10"), extraction: first, policy: .init()).count == 1)
        #expect(try store.record(article("two", on: "2026-10-11"), extraction: second, policy: .init()).isEmpty)
        let facts = try store.facts(upcomingOnOrAfter: nil)
        #expect(facts.count == 1)
        #expect(facts.first?.sourceCount == 2)
    }

    @Test func aReportMissingAPartyThatFitsTwoFactsStandsAlone() throws {
        let store = try FactStore(directory: directory)
        _ = try store.record(article("cn", on: "2026-03-01"), extraction: rate(25, target: "CN"), policy: .init())
        _ = try store.record(article("mx", on: "2026-03-01"), extraction: rate(25, target: "MX"), policy: .init())
        let alerts = try store.record(article("?", on: "2026-03-02"), extraction: rate(25, target: nil), policy: .init())
        #expect(alerts.map(\.kind) == [.newTariff])
        // And a targetless report never changes a fact about named parties.
        #expect(try store.record(article("x", on: "2026-03-09"), extraction: rate(50, target: nil), policy: .init()).map(\.kind) == [.changedTariff])
        let rates = try store.facts(upcomingOnOrAfter: nil).compactMap { summary -> Double? in
            if case .tariff(let t) = summary.value, t.target != nil { return t.ratePct }
            return nil
        }
        #expect(rates.sorted() == [25, 25])
    }

    @Test func aDeadlineMovedWithinAYearChangesButOneYearsLaterIsNew() throws {
        let store = try FactStore(directory: directory)
        func summit(_ iso: String) -> Extraction {
            Extraction(deadlines: [
                Deadline(
                    date: TemporalValue(iso: iso)!, kind: .meeting, upcoming: true, subject: "trade summit leaders", text: iso,
                    sentence: "The trade summit of leaders is on \(iso).", start: 0, end: 1)
            ])
        }
        #expect(try store.record(article("s1", on: "2026-03-01"), extraction: summit("2026-05-10"), policy: .init()).map(\.kind) == [.newDeadline])
        #expect(try store.record(article("s2", on: "2026-03-02"), extraction: summit("2026-06-20"), policy: .init()).map(\.kind) == [.changedDeadline])
        #expect(try store.record(article("s3", on: "2026-03-03"), extraction: summit("2028-06-20"), policy: .init()).map(\.kind) == [.newDeadline])
        #expect(try store.counts().facts == 2)
    }
}
