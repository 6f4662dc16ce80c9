import FactStore
import Foundation
import Systemd
import TariffExtraction
import Testing

@testable import AlertDelivery

/// What one alert looks like in the journal: the fields operators filter on.
@Suite struct JournalAlertEntryTests {
    let today = CalendarDate(year: 2025, month: 10, day: 25)!

    func alert(_ kind: AlertKind, _ current: FactValue, previous: FactValue? = nil) -> Alert {
        Alert(
            id: 7, factID: "f00d", kind: kind, createdAt: Date(timeIntervalSince1970: 0), current: current,
            previous: previous, sourceFile: "/inbox/a.txt", evidence: "Trump threatened 100% tariffs.", sourceCount: 3)
    }

    func fields(_ alert: Alert) -> [String: String] {
        Dictionary(JournalAlertEntry().fields(for: alert, today: today).map { ($0.name, $0.value) }) { first, _ in first }
    }

    let threat = TariffFact(
        imposer: "US", target: "CN", products: [], ratePct: 100, additional: true, status: .threatened,
        effectiveDate: TemporalValue(iso: "2025-11-01"))

    @Test func aNewTariffCarriesEveryStructuredField() throws {
        let f = fields(alert(.newTariff, .tariff(threat)))
        #expect(f["MESSAGE"] == "US threatens to impose additional 100% tariff on imports from China, effective Sat 1 Nov 2025")
        #expect(f["MESSAGE_ID"] == MessageID.newTariff)
        // Taking effect within the warning window (7 days from 2025-10-25): a warning.
        #expect(f["PRIORITY"] == "4")
        #expect(f["SYSLOG_IDENTIFIER"] == "tariffwatch")
        #expect(f["ALERT_KIND"] == "new_tariff")
        #expect(f["FACT_ID"] == "f00d")
        #expect(f["TARIFFWATCH_ALERT_ID"] == "tariffwatch:f00d:7")
        #expect(f["TARIFF_IMPOSER"] == "US" && f["TARIFF_TARGET"] == "CN")
        #expect(f["TARIFF_PRODUCTS"] == "all goods")
        #expect(f["TARIFF_RATE_PCT"] == "100")
        #expect(f["TARIFF_PREVIOUS_RATE_PCT"] == nil)
        #expect(f["TARIFF_STATUS"] == "threatened")
        #expect(f["TARIFF_EFFECTIVE_DATE"] == "2025-11-01")
        #expect(f["SOURCE_FILE"] == "/inbox/a.txt" && f["SOURCE_COUNT"] == "3")
        #expect(f["EVIDENCE"] == "Trump threatened 100% tariffs.")
        // The catalog's Subject is `@SUBJECT@`: the title once, no verb repeated.
        #expect(f["SUBJECT"] == "US threatens to impose additional 100% tariff on imports from China, effective Sat 1 Nov 2025")
        #expect(f["TARIFF_CONFIDENCE"] == nil)
        // Every name is one journald accepts.
        for field in JournalAlertEntry().fields(for: alert(.newTariff, .tariff(threat)), today: today) {
            #expect(JournalField.problem(withName: field.name) == nil, "\(field.name)")
        }
    }

    @Test func aTariffWithoutANearDateIsANotice() {
        var later = threat
        later.effectiveDate = TemporalValue(iso: "2026-01")
        #expect(fields(alert(.newTariff, .tariff(later)))["PRIORITY"] == "5")
        later.effectiveDate = nil
        #expect(fields(alert(.newTariff, .tariff(later)))["PRIORITY"] == "5")
    }

    @Test func aChangeNamesTheOldValues() {
        var raised = threat
        raised.ratePct = 125
        raised.status = .imposed
        let f = fields(alert(.changedTariff, .tariff(raised), previous: .tariff(threat)))
        #expect(f["MESSAGE_ID"] == MessageID.changedTariff)
        #expect(f["TARIFF_RATE_PCT"] == "125" && f["TARIFF_PREVIOUS_RATE_PCT"] == "100")
        #expect(f["TARIFF_STATUS"] == "imposed" && f["TARIFF_PREVIOUS_STATUS"] == "threatened")
        #expect(f["MESSAGE"]?.hasSuffix("(imposed; was 100%, threatened)") == true)
    }

    @Test(arguments: [
        ("2025-10-28", "4"),  // within a week: warning
        ("2025-11-01", "4"),  // the seventh day
        ("2025-11-02", "5"),  // beyond: notice
        ("2025-10-24", "5"),  // already past (kept as notice, never warning)
    ])
    func deadlinesWithinAWeekAreWarnings(date: String, priority: String) throws {
        let deadline = DeadlineFact(date: try #require(TemporalValue(iso: date)), kind: .meeting, subject: "Trump–Xi meeting")
        let f = fields(alert(.newDeadline, .deadline(deadline)))
        #expect(f["PRIORITY"] == priority)
        #expect(f["DEADLINE_DATE"] == date && f["DEADLINE_KIND"] == "meeting")
        #expect(f["MESSAGE_ID"] == MessageID.newDeadline)
    }

    @Test func aRangeHasItsEndDate() throws {
        let talks = DeadlineFact(
            date: try #require(TemporalValue(iso: "2025-10-25")), endDate: TemporalValue(iso: "2025-10-27"), kind: .meeting,
            subject: "trade talks")
        let f = fields(alert(.newDeadline, .deadline(talks)))
        #expect(f["DEADLINE_END_DATE"] == "2025-10-27")
        #expect(f["DEADLINE_DATE"] == "2025-10-25")
        #expect(f["MESSAGE"] == "Trade talks on Oct 25–27 2025")
    }

    @Test func inferredPartiesKeepTheirConfidenceInAField() {
        var inferred = alert(.newTariff, .tariff(threat))
        inferred.confidence = 0.4
        let f = fields(inferred)
        #expect(f["TARIFF_CONFIDENCE"] == "0.4")
        #expect(f["MESSAGE"]?.hasSuffix("(parties inferred from context, confidence 0.4)") == true)
    }

    @Test func everyAlertKindHasItsOwnMessageID() {
        let ids = AlertKind.allCases.map(JournalAlertEntry().messageID(for:))
        #expect(Set(ids).count == AlertKind.allCases.count)
        #expect(ids.allSatisfy { $0.count == 32 && $0.allSatisfy(\.isHexDigit) })
    }
}

/// The catalog explains every MESSAGE_ID the daemon sends (`journalctl -x`).
@Suite struct MessageCatalogTests {
    @Test func everyMessageIDHasACatalogEntry() throws {
        let catalog = try String(
            contentsOfFile: #filePath.replacingOccurrences(of: "Tests/AlertDeliveryTests/JournalAlertEntryTests.swift", with: "systemd/tariffwatch.catalog"),
            encoding: .utf8)
        let ids = [
            MessageID.newDeadline, MessageID.changedDeadline, MessageID.newTariff, MessageID.changedTariff,
            MessageID.conflictingReport, MessageID.fileRejected, MessageID.daemonReady, MessageID.daemonStopping,
            MessageID.folderMissing,
        ]
        #expect(Set(ids).count == ids.count)
        for id in ids { #expect(catalog.contains("-- \(id)"), "\(id) has no catalog entry") }
    }
}
