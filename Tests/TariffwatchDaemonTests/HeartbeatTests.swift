import Testing

@testable import TariffwatchDaemon

/// What the watchdog pings on: every loop waiting, or busy for less than the interval.
@Suite struct HeartbeatTests {
    @Test func waitingLoopsAreHealthyAndOneStuckOnAPieceOfWorkIsNamed() async throws {
        let heartbeat = Heartbeat()
        #expect(heartbeat.stuckLoops(limit: .milliseconds(10)).isEmpty)
        heartbeat.busy(.ingest)
        heartbeat.busy(.journalDelivery)
        heartbeat.idle(.journalDelivery)
        #expect(heartbeat.stuckLoops(limit: .seconds(30)).isEmpty, "busy for less than the limit")
        try await Task.sleep(for: .milliseconds(50))
        #expect(heartbeat.stuckLoops(limit: .milliseconds(20)) == [.ingest])
        heartbeat.idle(.ingest)
        #expect(heartbeat.stuckLoops(limit: .milliseconds(20)).isEmpty)
    }
}
