import CGLibFormats
import SharedLibraries

/// The GLib and GObject functions poppler-glib and GMime hand their results back through.
struct GLib: @unchecked Sendable {  // immutable C function pointers
    let free: tw_g_free_fn
    let objectUnref: tw_g_object_unref_fn
    let bytesNew: tw_g_bytes_new_fn
    let bytesUnref: tw_g_bytes_unref_fn
    let errorFree: tw_g_error_free_fn
    let dateTimeUnref: tw_g_date_time_unref_fn
    let dateTimeYear: tw_g_date_time_get_int_fn
    let dateTimeMonth: tw_g_date_time_get_int_fn
    let dateTimeDay: tw_g_date_time_get_int_fn
    let typeCheckInstanceIsA: tw_g_type_check_instance_is_a_fn

    /// Loaded by the first format that needs it; both poppler-glib and GMime depend on it already.
    static let loaded: Result<GLib, LibraryMissing> = Result { () throws(LibraryMissing) in
        let gobject = try SharedLibrary.open("libgobject-2.0.so.0")
        let glib = try SharedLibrary.open("libglib-2.0.so.0")
        return GLib(
            free: try glib.function("g_free", as: tw_g_free_fn.self),
            objectUnref: try gobject.function("g_object_unref", as: tw_g_object_unref_fn.self),
            bytesNew: try glib.function("g_bytes_new", as: tw_g_bytes_new_fn.self),
            bytesUnref: try glib.function("g_bytes_unref", as: tw_g_bytes_unref_fn.self),
            errorFree: try glib.function("g_error_free", as: tw_g_error_free_fn.self),
            dateTimeUnref: try glib.function("g_date_time_unref", as: tw_g_date_time_unref_fn.self),
            dateTimeYear: try glib.function("g_date_time_get_year", as: tw_g_date_time_get_int_fn.self),
            dateTimeMonth: try glib.function("g_date_time_get_month", as: tw_g_date_time_get_int_fn.self),
            dateTimeDay: try glib.function("g_date_time_get_day_of_month", as: tw_g_date_time_get_int_fn.self),
            typeCheckInstanceIsA: try gobject.function("g_type_check_instance_is_a", as: tw_g_type_check_instance_is_a_fn.self))
    }

    /// `object` (nil allowed) released. The corresponding C function is `g_object_unref`.
    func unref(_ object: UnsafeMutableRawPointer?) {
        if let object { objectUnref(object) }
    }

    /// A `GDateTime`'s day in its own offset. The corresponding C functions are `g_date_time_get_*`.
    func day(of date: UnsafeMutableRawPointer) -> (year: Int, month: Int, day: Int) {
        (Int(dateTimeYear(date)), Int(dateTimeMonth(date)), Int(dateTimeDay(date)))
    }

    /// A string GLib allocated, copied into Swift and freed. The corresponding C function is `g_free`.
    func string(taking text: UnsafeMutablePointer<CChar>?) -> String? {
        guard let text else { return nil }
        defer { free(text) }
        return String(cString: text)
    }
}
