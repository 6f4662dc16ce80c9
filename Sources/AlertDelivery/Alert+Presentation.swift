public import FactStore
import TariffExtraction

/// What identifies and files an alert wherever it is shown; its words are `AlertWording`'s.
extension Alert {
    /// The same in the feed (item `id`) and the journal (`TARIFFWATCH_ALERT_ID`), across restarts; the
    /// state's epoch keeps it unique when the state is wiped and the outbox counts from 1 again.
    public var stableID: String {
        stateEpoch.isEmpty ? "tariffwatch:\(factID):\(id)" : "tariffwatch:\(stateEpoch):\(factID):\(id)"
    }

    /// Tags for the feed: the alert kind, the countries, the deadline kind or tariff status.
    public var tags: [String] {
        var tags = [kind.rawValue]
        switch current {
        case .deadline(let deadline):
            tags.append("deadline:\(deadline.kind.rawValue)")
        case .tariff(let tariff):
            tags.append("status:\(tariff.status.rawValue)")
            if let imposer = tariff.imposer { tags.append("imposer:\(imposer)") }
            if let target = tariff.target { tags.append("target:\(target)") }
        }
        return tags
    }
}
