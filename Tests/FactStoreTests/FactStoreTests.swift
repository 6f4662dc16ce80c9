import Foundation
import GRDB
import Testing
import TariffExtraction

@testable import FactStore

/// The merge and alert rules on a real SQLite file.
@Suite final class FactStoreTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("factstore-\(UUID())").path

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }
    var day: CalendarDate { CalendarDate(year: 2026, month: 3, day: 2)! }

    func file(_ name: String, hash: String? = nil, on date: CalendarDate? = nil) -> FileRecord {
        FileRecord(
            path: "/inbox/\(name)", device: 1, inode: UInt64(abs(name.hashValue) % 10_000), size: 100,
            modificationTimeNanoseconds: 1, contentHash: hash ?? name, referenceDate: date ?? day)
    }

    func tariff(
        _ imposer: String?, _ target: String?, _ rate: Double?, status: TariffStatus = .threatened,
        products: [String] = [], effective: String? = nil, additional: Bool = false, aggregate: Bool = false
    ) -> TariffChange {
        TariffChange(
            imposer: imposer, target: target, products: products, ratePct: rate, additional: additional, status: status,
            effectiveDate: effective.flatMap { TemporalValue(iso: $0) }, text: "t", sentence: "sentence about \(rate ?? 0)",
            start: 0, end: 1, aggregate: aggregate)
    }

    func deadline(_ date: String, _ kind: DeadlineKind = .meeting, end: String? = nil, subject: String = "talks", upcoming: Bool = true)
        -> Deadline
    {
        Deadline(
            date: TemporalValue(iso: date)!, endDate: end.flatMap { TemporalValue(iso: $0) }, kind: kind, upcoming: upcoming,
            subject: subject, text: date, sentence: "sentence about \(date)", start: 0, end: 1)
    }

    @Test func looksUpOfAFactsSourcesStillUseAnIndexWithoutTheRedundantOne() throws {
        let store = try FactStore(directory: directory)
        let plans = try store.pool.read { db in
            try [
                "SELECT 1 FROM fact_sources WHERE fact_id = 'f' AND path = 'p' LIMIT 1",
                "SELECT path FROM fact_sources WHERE fact_id = 'f' ORDER BY id",
            ].map { sql in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: " ") }
        }
        let indexes = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'fact_sources'")
        }
        #expect(!indexes.contains("fact_sources_by_fact_path"))
        #expect(plans[0].contains("USING COVERING INDEX sqlite_autoindex_fact_sources_1"), "\(plans[0])")
        #expect(plans[1].contains("USING INDEX fact_sources_by_fact") && !plans[1].contains("TEMP B-TREE"), "\(plans[1])")
    }

    /// The writer's reads inside `readingTogether` share its transaction (a nested read neither waits for the
    /// writer it already holds nor opens a second transaction); the body's own errors pass unchanged, and the
    /// writer is free for a commit afterwards.
    @Test func readsOnTheWriterShareOneTransaction() throws {
        let store = try FactStore(directory: directory)
        _ = try store.record(file("a.txt", hash: "h1"), extraction: Extraction())
        let (hashes, insideOne) = try store.readingTogether(on: .writer) {
            (try store.contentHashes(of: ["/inbox/a.txt", "/inbox/b.txt"]),
             try store.readOnWriter("look") { db in db.isInsideTransaction })
        }
        #expect(hashes == ["/inbox/a.txt": "h1"])
        #expect(insideOne)
        struct Refused: Error {}
        #expect(throws: Refused.self) { try store.readingTogether(on: .writer) { throw Refused() } }
        _ = try store.record(file("b.txt", hash: "h2"), extraction: Extraction())
        #expect(try store.contentHashes(of: ["/inbox/b.txt"]) == ["/inbox/b.txt": "h2"])
    }

    @Test func filesAreNewUnchangedOrChanged() throws {
        let store = try FactStore(directory: directory)
        #expect(try store.disposition(of: file("a.txt")) == .new)
        _ = try store.record(file("a.txt"), extraction: Extraction())
        #expect(try store.disposition(of: file("a.txt")) == .unchanged)
        #expect(try store.disposition(of: file("a.txt", hash: "other")) == .changed)
        #expect(try store.counts().filesProcessed == 1)
    }

    @Test func aRepeatedReportAddsASourceNotAnAlert() throws {
        let store = try FactStore(directory: directory)
        let first = try store.record(file("a.txt"), extraction: Extraction(tariffChanges: [tariff("US", "CN", 100)]))
        #expect(first.map(\.kind) == [.newTariff])
        let second = try store.record(file("b.txt"), extraction: Extraction(tariffChanges: [tariff("US", "CN", 100)]))
        #expect(second.isEmpty)
        let entry = try #require(try store.feedItems(limit: 10).first)
        #expect(entry.sourceCount == 2)
        #expect(entry.sources == ["/inbox/a.txt", "/inbox/b.txt"])
    }

    @Test(arguments: [false, true])
    func refinementsInEitherOrderAreOneAlert(reversed: Bool) throws {
        let store = try FactStore(directory: directory)
        let vague = tariff("US", "CN", nil, effective: "2025-11", additional: true)
        let precise = tariff("US", "CN", 100, effective: "2025-11-01")
        let onProducts = tariff("US", "CN", 100, products: ["rare earth minerals"])
        var reports = [vague, precise, onProducts]
        if reversed { reports.reverse() }
        var alerts: [Alert] = []
        for (i, report) in reports.enumerated() {
            alerts += try store.record(file("\(i).txt"), extraction: Extraction(tariffChanges: [report]))
        }
        #expect(alerts.count == 1)
        let facts = try store.facts(upcomingOnOrAfter: nil)
        #expect(facts.count == 1)
        guard case .tariff(let merged) = try #require(facts.first).value else { Issue.record("not a tariff"); return }
        #expect(merged.ratePct == 100)
        #expect(merged.effectiveDate?.iso == "2025-11-01")
        #expect(merged.additional)
        #expect(facts.first?.sourceCount == 3)
    }

    @Test func wordingOfTheSameStageIsNotAChange() throws {
        let store = try FactStore(directory: directory)
        _ = try store.record(file("a.txt"), extraction: Extraction(tariffChanges: [tariff("EU", "US", 25, status: .threatened)]))
        let alerts = try store.record(file("b.txt"), extraction: Extraction(tariffChanges: [tariff("EU", "US", 25, status: .announced)]))
        #expect(alerts.isEmpty)
    }

    @Test func aNewerRateIsOneChangedAlertWithBothValues() throws {
        let store = try FactStore(directory: directory)
        _ = try store.record(file("a.txt"), extraction: Extraction(tariffChanges: [tariff("EU", "US", 25, products: ["steel"])]))
        let later = CalendarDate(year: 2026, month: 3, day: 9)!
        let alerts = try store.record(
            file("b.txt", on: later), extraction: Extraction(tariffChanges: [tariff("EU", "US", 50, products: ["steel"])]))
        let alert = try #require(alerts.first)
        #expect(alerts.count == 1)
        #expect(alert.kind == .changedTariff)
        guard case .tariff(let now) = alert.current, case .tariff(let before)? = alert.previous else {
            Issue.record("not a tariff change")
            return
        }
        #expect(now.ratePct == 50 && before.ratePct == 25)
        #expect(now.previousRatePct == 25 && now.direction == .increase)
        // Repeating the change adds nothing.
        #expect(try store.record(file("c.txt", on: later), extraction: Extraction(tariffChanges: [tariff("EU", "US", 50, products: ["steel"])])).isEmpty)
    }

    @Test func statusMovesBetweenStagesAlert() throws {
        let store = try FactStore(directory: directory)
        _ = try store.record(file("a.txt"), extraction: Extraction(tariffChanges: [tariff("US", "CN", 100)]))
        let imposed = try store.record(
            file("b.txt", on: day.adding(days: 3)), extraction: Extraction(tariffChanges: [tariff("US", "CN", 100, status: .imposed)]))
        #expect(imposed.map(\.kind) == [.changedTariff])
        let paused = try store.record(
            file("c.txt", on: day.adding(days: 9)), extraction: Extraction(tariffChanges: [tariff("US", "CN", 100, status: .paused)]))
        #expect(paused.map(\.kind) == [.changedTariff])
    }

    @Test func anOlderDisagreeingReportIsAConflictThatDoesNotOverwrite() throws {
        let store = try FactStore(directory: directory)
        _ = try store.record(file("new.txt"), extraction: Extraction(tariffChanges: [tariff("EU", "US", 25, products: ["steel"])]))
        let older = try store.record(
            file("old.txt", on: day.adding(days: -5)), extraction: Extraction(tariffChanges: [tariff("EU", "US", 20, products: ["steel"])]))
        #expect(older.map(\.kind) == [.conflictingReport])
        guard case .tariff(let kept) = try #require(try store.facts(upcomingOnOrAfter: nil).first).value else { return }
        #expect(kept.ratePct == 25)
        // The same conflicting value from another old article does not alert again.
        let again = try store.record(
            file("old2.txt", on: day.adding(days: -4)), extraction: Extraction(tariffChanges: [tariff("EU", "US", 20, products: ["steel"])]))
        #expect(again.isEmpty)
    }

    @Test func historicalAggregatesAndPastDatesNeverAlert() throws {
        let store = try FactStore(directory: directory)
        let alerts = try store.record(
            file("a.txt"),
            extraction: Extraction(
                deadlines: [deadline("2026-01-10", upcoming: false)],
                tariffChanges: [
                    tariff("US", "CN", 145, status: .historical), tariff("US", "CN", 157, aggregate: true),
                    tariff(nil, nil, 10),
                ]))
        #expect(alerts.isEmpty)
        #expect(try store.counts().facts == 4)
    }

    @Test func theEffectiveDateOfATariffIsNotASecondAlert() throws {
        let store = try FactStore(directory: directory)
        var change = tariff("US", "CN", 100, effective: "2025-11-01")
        var effective = deadline("2025-11-01", .effective, subject: "tariffs")
        change.sentence = "One sentence."
        effective.sentence = "One sentence."
        let alerts = try store.record(file("a.txt"), extraction: Extraction(deadlines: [effective], tariffChanges: [change]))
        #expect(alerts.map(\.kind) == [.newTariff])
        // A later article naming only the date corroborates the stored deadline.
        #expect(try store.record(file("b.txt"), extraction: Extraction(deadlines: [deadline("2025-11-01", .effective)])).isEmpty)
    }

    @Test func deadlinesMergeWithinAWeekAndChangeBySubject() throws {
        let store = try FactStore(directory: directory)
        let week = try store.record(file("a.txt"), extraction: Extraction(deadlines: [deadline("2025-W43", subject: "trade talks in Malaysia")]))
        #expect(week.map(\.kind) == [.newDeadline])
        let day = try store.record(file("b.txt"), extraction: Extraction(deadlines: [deadline("2025-10-25", subject: "talks")]))
        #expect(day.isEmpty)
        let other = try store.record(file("c.txt"), extraction: Extraction(deadlines: [deadline("2025-10-30", subject: "APEC summit")]))
        #expect(other.map(\.kind) == [.newDeadline])
        let moved = try store.record(
            file("d.txt", on: self.day.adding(days: 1)), extraction: Extraction(deadlines: [deadline("2025-11-06", subject: "APEC summit meeting")]))
        #expect(moved.map(\.kind) == [.changedDeadline])
    }

    @Test func aWeekDoesNotSwallowAnotherEventDatedInIt() throws {
        let store = try FactStore(directory: directory)
        let week = try store.record(file("a.txt"), extraction: Extraction(deadlines: [deadline("2025-W43", subject: "APEC summit")]))
        #expect(week.map(\.kind) == [.newDeadline])
        // talks dated inside that week are another event: their own alert, the week fact keeps its week
        let talks = try store.record(
            file("b.txt"), extraction: Extraction(deadlines: [deadline("2025-10-25", subject: "US and Chinese officials to meet")]))
        #expect(talks.map(\.kind) == [.newDeadline])
        // the summit's own day refines the week fact instead of alerting again
        #expect(try store.record(file("c.txt"), extraction: Extraction(deadlines: [deadline("2025-10-23", subject: "summit of APEC leaders")])).isEmpty)
        #expect(try store.counts().facts == 2)
    }

    @Test func policyNarrowsAlertsButEverythingIsStored() throws {
        let store = try FactStore(directory: directory)
        let policy = AlertPolicy(countries: ["CA"], products: ["steel"], minimumRateChange: 5)
        #expect(try store.record(file("a.txt"), extraction: Extraction(tariffChanges: [tariff("US", "CN", 100)]), policy: policy).isEmpty)
        #expect(try store.record(file("b.txt"), extraction: Extraction(tariffChanges: [tariff("US", "CA", 25, products: ["lumber"])]), policy: policy).isEmpty)
        #expect(try store.record(file("c.txt"), extraction: Extraction(tariffChanges: [tariff("US", "CA", 25, products: ["steel"])]), policy: policy).count == 1)
        let small = try store.record(
            file("d.txt", on: day.adding(days: 1)), extraction: Extraction(tariffChanges: [tariff("US", "CA", 27, products: ["steel"])]), policy: policy)
        #expect(small.isEmpty)
        #expect(try store.counts().facts == 3)
    }

    @Test func anUnknownImposerAlertsOnlyWhenConfigured() throws {
        let store = try FactStore(directory: directory)
        let unknown = Extraction(tariffChanges: [tariff(nil, "CN", 25, products: ["steel"])])
        #expect(try store.record(file("a.txt"), extraction: unknown).isEmpty)
        #expect(try store.counts().facts == 1)
        let asked = try FactStore(directory: directory + "/asked")
        #expect(try asked.record(file("a.txt"), extraction: unknown, policy: AlertPolicy(unknownImposers: true)).map(\.kind) == [.newTariff])
    }

    /// A newer rate and an older disagreeing report of a tariff with no known imposer stay as silent as
    /// its first report; with `unknownImposers` each raises the alert a known imposer would.
    @Test(arguments: [false, true]) func anUnknownImposerStaysSilentWhenItChangesOrConflicts(_ asked: Bool) throws {
        let store = try FactStore(directory: directory)
        let policy = AlertPolicy(unknownImposers: asked)
        let first = try store.record(file("a.txt"), extraction: Extraction(tariffChanges: [tariff(nil, "CN", 25, products: ["steel"])]), policy: policy)
        #expect(first.map(\.kind) == (asked ? [.newTariff] : []))
        let newer = try store.record(
            file("b.txt", on: day.adding(days: 7)), extraction: Extraction(tariffChanges: [tariff(nil, "CN", 50, products: ["steel"])]), policy: policy)
        #expect(newer.map(\.kind) == (asked ? [.changedTariff] : []))
        let older = try store.record(
            file("c.txt", on: day.adding(days: -5)), extraction: Extraction(tariffChanges: [tariff(nil, "CN", 20, products: ["steel"])]), policy: policy)
        #expect(older.map(\.kind) == (asked ? [.conflictingReport] : []))
        #expect(try store.counts().facts == 1)
    }

    @Test func inferredPartiesAlertUnlessBelowTheMinimumConfidence() throws {
        var framed = tariff("CN", nil, 2, products: ["cosmetics"])
        framed.confidence = 0.4
        let store = try FactStore(directory: directory)
        #expect(try store.record(file("a.txt"), extraction: Extraction(tariffChanges: [framed])).map(\.kind) == [.newTariff])
        let strict = try FactStore(directory: directory + "/strict")
        let policy = AlertPolicy(minimumConfidence: 0.5)
        #expect(try strict.record(file("a.txt"), extraction: Extraction(tariffChanges: [framed]), policy: policy).isEmpty)
        #expect(try strict.counts().facts == 1)
    }

    @Test func pendingAlertsSurviveACrashWithTheSameIDs() throws {
        var ids: [Int64] = []
        do {
            let store = try FactStore(directory: directory)
            ids = try store.record(file("a.txt"), extraction: Extraction(tariffChanges: [tariff("US", "CN", 100), tariff("JP", "US", 15)])).map(\.id)
        }
        let reopened = try FactStore(directory: directory)
        #expect(try reopened.pendingAlerts(limit: 10).map(\.id) == ids)
        try reopened.markDelivered([ids[0]])
        #expect(try reopened.pendingAlerts(limit: 10).map(\.id) == [ids[1]])
        let counts = try reopened.counts()
        #expect(counts.alertsDelivered == 1 && counts.alertsPending == 1)
    }

    @Test func rejectionsAreRememberedUntilTheFileChanges() throws {
        let store = try FactStore(directory: directory)
        try store.recordRejection(path: "/inbox/bad.txt", identity: "1:2:3:4", reason: "binary")
        #expect(try store.isRejected(path: "/inbox/bad.txt", identity: "1:2:3:4"))
        #expect(try !store.isRejected(path: "/inbox/bad.txt", identity: "1:2:3:5"))
        _ = try store.record(file("bad.txt"), extraction: Extraction())
        #expect(try store.counts().filesRejected == 0)
    }

    @Test func anUnopenableDatabaseNamesItsPath() throws {
        let error = #expect(throws: FactStoreError.self) { try FactStore(directory: "/proc/no-such-place") }
        #expect(error?.description.contains("/proc/no-such-place/tariffwatch.sqlite") == true)
    }
}

/// Candidate look-ups compare years as stored text: the bounds are four digits, clamped where dates saturate.
@Suite struct FourDigitYearTests {
    @Test(arguments: [(2025, "2025"), (999, "0999"), (5, "0005"), (-1, "0000"), (10_000, "9999"), (Int.max, "9999"), (Int.min, "0000")])
    func fourDigitYear(_ year: Int, _ text: String) {
        #expect(MergeTransaction.fourDigitYear(year) == text)
    }
}

extension FactStoreTests {
    @Test func alertsThisProcessWroteReadBackAsTheirRowsDecode() throws {
        let store = try FactStore(directory: directory)
        var raised: [Alert] = []
        for index in 0..<40 {
            let extraction = Extraction(
                deadlines: [deadline("2026-05-\(10 + index % 9)", subject: "talks \(index)")],
                tariffChanges: [tariff("US", "CN", Double(index) + 0.5), tariff("JP", nil, 15, status: .imposed)])
            raised += try store.record(file("f\(index).txt"), extraction: extraction, now: Date(timeIntervalSinceNow: Double(index) / 7))
        }
        #expect(raised.count > 40)
        // A store opened afresh has written nothing: it decodes every row.
        let fresh = try FactStore(directory: directory)
        let cached = try store.pendingAlerts(limit: 1000)
        #expect(cached.map(\.id) == raised.map(\.id))
        #expect(cached == (try fresh.pendingAlerts(limit: 1000)))
        #expect(try store.pendingAlerts(for: .feed, after: raised[3].id, limit: 5) == (try fresh.pendingAlerts(for: .feed, after: raised[3].id, limit: 5)))
        let ids = raised.map(\.id).reversed().map { $0 }
        #expect(try store.feedItems(ids: ids) == (try fresh.feedItems(ids: ids)))
    }

    @Test func recentAlertsForgetTheOldestBeyondTheirCapacity() {
        let recent = RecentAlerts(capacity: 3)
        let alert = Alert(
            id: 0, factID: "f", kind: .newTariff, createdAt: Date(), current: .tariff(TariffFact(imposer: "US", target: nil, ratePct: 1, status: .imposed)),
            previous: nil, sourceFile: "/a", evidence: "e", sourceCount: 1)
        recent.add((1...5).map { id in
            var copy = alert
            copy.id = Int64(id)
            return copy
        })
        #expect((1...5).map { recent.alert(id: Int64($0))?.id } == [nil, nil, 3, 4, 5])
    }
}
