import ArgumentParser
import Foundation
import SystemPackage
import TariffwatchDaemon

struct CheckConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config", abstract: "Validate the configuration file and environment; print the result.")

    @Option(help: "The YAML configuration file (default: /etc/tariffwatch/tariffwatch.yaml when it exists).") var config: String?

    func run() async throws {
        do {
            let settings = try await Settings.load(file: Settings.configFile(explicit: config))
            print(settings.summary)
            print("configuration OK")
        } catch {
            FileHandle.standardError.write(Data("tariffwatch: configuration error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
