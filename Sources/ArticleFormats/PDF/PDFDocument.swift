import CPoppler

/// A PDF opened by poppler: the one Swift layer over poppler-glib.
final class PDFDocument {
    private let document: OpaquePointer

    enum OpenError: Error {
        case encrypted
        case unreadable(String)
    }

    /// The corresponding C function is `poppler_document_new_from_bytes`.
    init(_ bytes: [UInt8]) throws(OpenError) {
        let data = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(data) }
        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler_document_new_from_bytes(data, nil, &error) else {
            defer { if error != nil { g_error_free(error) } }
            if tw_gerror_is_encrypted(error) != 0 { throw .encrypted }
            throw .unreadable(tw_gerror_message(error).map { String(cString: $0) } ?? "poppler could not open it")
        }
        self.document = document
    }

    deinit { tw_poppler_unref(UnsafeMutableRawPointer(document)) }

    private var handle: OpaquePointer { document }

    var pageCount: Int { Int(poppler_document_get_n_pages(handle)) }

    /// The page's text in reading order, lines separated by newlines. The corresponding C function is
    /// `poppler_page_get_text`.
    func text(ofPage index: Int) -> String {
        guard let page = poppler_document_get_page(handle, Int32(index)) else { return "" }
        defer { tw_poppler_unref(UnsafeMutableRawPointer(page)) }
        guard let text = poppler_page_get_text(page) else { return "" }
        defer { g_free(text) }
        return String(cString: text)
    }

    /// The Info dictionary's `/Title`.
    var title: String? {
        guard let title = poppler_document_get_title(handle) else { return nil }
        defer { g_free(title) }
        return String(cString: title)
    }

    /// The Info dictionary's `/CreationDate`, as the day in the offset it was written with.
    var creationDay: (year: Int, month: Int, day: Int)? {
        guard let date = poppler_document_get_creation_date_time(handle) else { return nil }
        defer { g_date_time_unref(date) }
        return (Int(g_date_time_get_year(date)), Int(g_date_time_get_month(date)), Int(g_date_time_get_day_of_month(date)))
    }
}
