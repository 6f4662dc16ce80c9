import Foundation
import Glibc

/// The CPUs this process may run on.
public enum ProcessorAffinity {
    /// From the affinity mask, not the machine's count: under `taskset -c 0` or a unit's `CPUAffinity=`, a second
    /// thread only competes with the first. Read from the kernel's `Cpus_allowed` line in `/proc/self/status`
    /// (Glibc's module does not import `sched_getaffinity`, a GNU extension); the online CPUs when that cannot be
    /// read. At least 1.
    public static var count: Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") })
        {
            // a hexadecimal mask in groups of eight digits: `Cpus_allowed:\t00000000,00000003`
            let bits = line.dropFirst("Cpus_allowed:".count).reduce(0) { count, digit in
                count + (digit.hexDigitValue?.nonzeroBitCount ?? 0)
            }
            if bits > 0 { return bits }
        }
        return max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }
}
