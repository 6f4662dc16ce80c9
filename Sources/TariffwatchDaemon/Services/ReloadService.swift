import AlertDelivery
import Glibc
import Logging
import ServiceLifecycle
import Systemd
import SystemPackage

/// Re-reads the configuration on SIGHUP (`systemctl reload`): `RELOADING=1`, new settings,
/// `READY=1`. The watcher keeps running, so no file event is lost while reloading.
struct ReloadService: Service {
    let configFile: FilePath?
    let overrides: SettingsOverrides
    let settings: LiveSettings
    let dispatcher: AlertDispatcher
    /// `STATUS=`: a failed reload's reason stays there until a reload succeeds.
    let status: ServiceStatus
    let logger: Logger

    func run() async throws {
        let hangups = try ProcessSignals([SIGHUP])
        defer { hangups.stop() }
        for await _ in hangups.received.cancelOnGracefulShutdown() {
            try? ServiceManager.notify([.reloading])
            await reload()
            try? ServiceManager.notify([.ready])
        }
    }

    private func reload() async {
        let old = settings.current
        let new: Settings
        do {
            new = try await Settings.load(file: configFile, overrides: overrides)
        } catch {
            // The reason goes into MESSAGE itself: `journalctl -u tariffwatch` and `systemctl status`
            // show MESSAGE, not the fields, and an operator who typed `systemctl reload` needs the key.
            logger.error("configuration reload failed, keeping the current settings: \(error)", metadata: ["error": "\(error)"])
            status.reloadFailed("\(error)")
            status.publish()
            return
        }
        if new.watchDirectory != old.watchDirectory || new.stateDirectory != old.stateDirectory
            || new.feedPath != old.feedPath || new.recursive != old.recursive
            || new.ignoredNamePatterns != old.ignoredNamePatterns || new.maxFileSize != old.maxFileSize
            || new.logLevel != old.logLevel || new.afterProcessing != old.afterProcessing
            || new.archiveDirectory != old.archiveDirectory || new.retentionDays != old.retentionDays
        {
            logger.warning(
                "watch, state, feed, file-limit, housekeeping and log-level settings apply after a restart; alert and feed display settings were reloaded")
        }
        var applied = new
        applied.watchDirectory = old.watchDirectory
        applied.stateDirectory = old.stateDirectory
        applied.feedPathSetting = old.feedPathSetting
        applied.recursive = old.recursive
        applied.ignoredNamePatterns = old.ignoredNamePatterns
        applied.maxFileSize = old.maxFileSize
        applied.logLevel = old.logLevel
        applied.afterProcessing = old.afterProcessing
        applied.archiveDirectory = old.archiveDirectory
        applied.retentionDays = old.retentionDays
        settings.replace(with: applied)
        dispatcher.update(applied.dispatcherOptions)
        status.reloadSucceeded()
        status.publish()
        logger.info("configuration reloaded")
    }
}
