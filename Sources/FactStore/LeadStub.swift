// TEMPORARY: API stand-in so the daemon compiles before the store branch lands. Deleted at merge.
public import Foundation
public import TariffExtraction

public struct FileRecord: Sendable {
    public var path: String; public var device: UInt64; public var inode: UInt64; public var size: Int64
    public var modificationTimeNanoseconds: Int64; public var contentHash: String; public var referenceDate: CalendarDate
    public init(path: String, device: UInt64, inode: UInt64, size: Int64, modificationTimeNanoseconds: Int64, contentHash: String, referenceDate: CalendarDate) {
        self.path = path; self.device = device; self.inode = inode; self.size = size
        self.modificationTimeNanoseconds = modificationTimeNanoseconds; self.contentHash = contentHash; self.referenceDate = referenceDate
    }
}
public enum FileDisposition: Sendable { case new, unchanged, changed }
public struct AlertPolicy: Sendable {
    public var countries: [String]; public var products: [String]; public var minimumRateChange: Double
    public init(countries: [String] = [], products: [String] = [], minimumRateChange: Double = 0) {
        self.countries = countries; self.products = products; self.minimumRateChange = minimumRateChange
    }
}
public enum AlertKind: String, Sendable, Codable, Hashable {
    case newDeadline = "new_deadline", changedDeadline = "changed_deadline", newTariff = "new_tariff"
    case changedTariff = "changed_tariff", conflictingReport = "conflicting_report"
}
public struct DeadlineFact: Sendable, Codable, Hashable {
    public var date: TemporalValue; public var endDate: TemporalValue?; public var kind: DeadlineKind; public var subject: String
}
public struct TariffFact: Sendable, Codable, Hashable {
    public var imposer: String?; public var target: String?; public var products: [String]; public var ratePct: Double?
    public var previousRatePct: Double?; public var additional: Bool; public var direction: TariffDirection
    public var status: TariffStatus; public var effectiveDate: TemporalValue?
}
public enum FactValue: Sendable, Codable, Hashable { case deadline(DeadlineFact), tariff(TariffFact) }
public struct Alert: Sendable, Codable, Hashable, Identifiable {
    public var id: Int64; public var factID: String; public var kind: AlertKind; public var createdAt: Date
    public var current: FactValue; public var previous: FactValue?; public var sourceFile: String; public var evidence: String
    public var sourceCount: Int
}
public struct FeedEntry: Sendable, Hashable { public var alert: Alert; public var sourceCount: Int; public var sources: [String] }
public struct StoreCounts: Sendable, Codable, Hashable {
    public var filesProcessed: Int; public var filesRejected: Int; public var facts: Int; public var alertsDelivered: Int; public var alertsPending: Int
}
public struct FactSummary: Sendable, Codable, Hashable { public var id: String; public var value: FactValue; public var sourceCount: Int }
public final class FactStore: Sendable {
    public init(directory: String) throws {}
    public func disposition(of file: FileRecord) throws -> FileDisposition { .new }
    public func record(_ file: FileRecord, extraction: Extraction, policy: AlertPolicy) throws -> [Alert] { [] }
    public func recordRejection(path: String, identity: String?, reason: String) throws {}
    public func pendingAlerts(limit: Int) throws -> [Alert] { [] }
    public func markDelivered(_ ids: [Int64], at: Date) throws {}
    public func feedItems(limit: Int) throws -> [FeedEntry] { [] }
    public func counts() throws -> StoreCounts { StoreCounts(filesProcessed: 0, filesRejected: 0, facts: 0, alertsDelivered: 0, alertsPending: 0) }
    public func facts(upcomingOnOrAfter: CalendarDate?) throws -> [FactSummary] { [] }
}
extension FactSummary { public var line: String { id } }
extension FactStore { public func isRejected(path: String, identity: String?) throws -> Bool { false } }
