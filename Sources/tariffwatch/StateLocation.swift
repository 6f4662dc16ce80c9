import ArgumentParser
import SystemPackage
import TariffwatchDaemon

/// Where the state is: `--state-dir`, else the configuration's `state.directory`.
struct StateLocation: ParsableArguments {
    @Option(name: .customLong("state-dir"), help: "The state directory (default: from the configuration, else ./state).")
    var stateDir: String?
    @Option(help: "The YAML configuration file (default: /etc/tariffwatch/tariffwatch.yaml when it exists).") var config: String?

    func directory() async throws -> FilePath {
        if let stateDir { return FilePath(stateDir) }
        return try await Settings.load(file: Settings.configFile(explicit: config)).stateDirectory
    }
}
