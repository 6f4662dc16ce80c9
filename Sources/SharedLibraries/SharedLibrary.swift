#if canImport(Glibc)
import Glibc
#endif

/// A shared library opened with `dlopen` the first time it is needed, never closed: a process maps
/// libsystemd only once it talks to systemd, libxml2 once a web page or a feed arrives, poppler or GMime
/// (and GLib under them) once a PDF or an e-mail does, and `tariffwatch extract` on text none of them.
public struct SharedLibrary: @unchecked Sendable {  // the handle is only read after `open`; libdl is thread-safe
    /// The file name asked for (a soname such as `libpoppler-glib.so.8`).
    public let name: String
    private let handle: UnsafeMutableRawPointer

    /// Opens `name` through the dynamic linker's search path. The corresponding C function is `dlopen`.
    /// - Throws: `LibraryMissing` with the linker's reason (not installed, wrong architecture).
    public static func open(_ name: String) throws(LibraryMissing) -> SharedLibrary {
        guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
            throw LibraryMissing(library: name, reason: lastError() ?? "dlopen failed")
        }
        return SharedLibrary(name: name, handle: handle)
    }

    /// The function `symbol`, as the C function pointer type `T`. The corresponding C function is `dlsym`.
    /// - Throws: `LibraryMissing` when the library has no such symbol (a version too old).
    public func function<T>(_ symbol: String, as type: T.Type) throws(LibraryMissing) -> T {
        guard let address = dlsym(handle, symbol) else {
            throw LibraryMissing(library: name, reason: lastError() ?? "no symbol \(symbol)")
        }
        return unsafeBitCast(address, to: type)
    }

    /// `dlerror()`: why the last `dlopen` or `dlsym` failed.
    private static func lastError() -> String? { dlerror().map { String(cString: $0) } }
    private func lastError() -> String? { Self.lastError() }
}

/// A C library could not be loaded (not installed, or too old to have a function).
public struct LibraryMissing: Error, Sendable, Hashable, CustomStringConvertible {
    public var library: String
    public var reason: String

    public init(library: String, reason: String) {
        self.library = library
        self.reason = reason
    }
    public var description: String { "cannot load \(library): \(reason)" }
}
