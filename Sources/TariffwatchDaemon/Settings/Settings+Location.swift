public import SystemPackage
import Foundation

extension Settings {
    /// Where `make install` puts the configuration; the systemd unit passes it explicitly.
    public static let installedConfigFile: FilePath = "/etc/tariffwatch/tariffwatch.yaml"

    /// The configuration file a command uses: `--config` when given, else the installed file when it
    /// exists, so an operator's `tariffwatch status` finds the daemon's state with no flags.
    public static func configFile(explicit: String?) -> FilePath? {
        if let explicit { return FilePath(explicit) }
        return FileManager.default.fileExists(atPath: installedConfigFile.string) ? installedConfigFile : nil
    }
}
