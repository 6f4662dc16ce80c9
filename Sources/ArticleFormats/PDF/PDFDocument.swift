import CGLibFormats
import SharedLibraries

/// A PDF opened by poppler: the one Swift layer over poppler-glib, loaded when the first PDF arrives.
final class PDFDocument {
    private let document: UnsafeMutableRawPointer
    private let glib: GLib
    private let poppler: Poppler

    enum OpenError: Error {
        case encrypted
        case unreadable(String)
        case libraryMissing(LibraryMissing)
    }

    /// The corresponding C function is `poppler_document_new_from_bytes`.
    init(_ bytes: [UInt8]) throws(OpenError) {
        let glib: GLib
        let poppler: Poppler
        do {
            glib = try GLib.loaded.get()
            poppler = try Poppler.loaded.get()
        } catch {
            throw .libraryMissing(error)
        }
        let data = bytes.withUnsafeBytes { glib.bytesNew($0.baseAddress, $0.count) }
        defer { glib.bytesUnref(data) }
        var error: UnsafeMutablePointer<tw_gerror>?
        guard let document = poppler.documentNewFromBytes(data, nil, &error) else {
            defer { if let error { glib.errorFree(error) } }
            if let failure = error?.pointee, failure.domain == poppler.errorQuark(), Int(failure.code) == Int(TW_POPPLER_ERROR_ENCRYPTED) {
                throw .encrypted
            }
            throw .unreadable(error?.pointee.message.map { String(cString: $0) } ?? "poppler could not open it")
        }
        self.document = document
        self.glib = glib
        self.poppler = poppler
    }

    deinit { glib.unref(document) }

    var pageCount: Int { Int(poppler.documentGetNPages(document)) }

    /// The page's text in reading order, lines separated by newlines. The corresponding C function is
    /// `poppler_page_get_text`.
    func text(ofPage index: Int) -> String {
        guard let page = poppler.documentGetPage(document, Int32(index)) else { return "" }
        defer { glib.unref(page) }
        return glib.string(taking: poppler.pageGetText(page)) ?? ""
    }

    /// The Info dictionary's `/Title`.
    var title: String? { glib.string(taking: poppler.documentGetTitle(document)) }

    /// The Info dictionary's `/CreationDate`, as the day in the offset it was written with.
    var creationDay: (year: Int, month: Int, day: Int)? {
        guard let date = poppler.documentGetCreationDateTime(document) else { return nil }
        defer { glib.dateTimeUnref(date) }
        return glib.day(of: date)
    }
}

/// The poppler-glib functions `PDFDocument` calls, resolved when the first PDF arrives.
struct Poppler: @unchecked Sendable {  // immutable C function pointers
    let errorQuark: tw_poppler_error_quark_fn
    let documentNewFromBytes: tw_poppler_document_new_from_bytes_fn
    let documentGetNPages: tw_poppler_document_get_n_pages_fn
    let documentGetPage: tw_poppler_document_get_page_fn
    let pageGetText: tw_poppler_page_get_text_fn
    let documentGetTitle: tw_poppler_document_get_title_fn
    let documentGetCreationDateTime: tw_poppler_document_get_creation_date_time_fn

    static let loaded: Result<Poppler, LibraryMissing> = Result { () throws(LibraryMissing) in
        let library = try SharedLibrary.open("libpoppler-glib.so.8")
        return Poppler(
            errorQuark: try library.function("poppler_error_quark", as: tw_poppler_error_quark_fn.self),
            documentNewFromBytes: try library.function("poppler_document_new_from_bytes", as: tw_poppler_document_new_from_bytes_fn.self),
            documentGetNPages: try library.function("poppler_document_get_n_pages", as: tw_poppler_document_get_n_pages_fn.self),
            documentGetPage: try library.function("poppler_document_get_page", as: tw_poppler_document_get_page_fn.self),
            pageGetText: try library.function("poppler_page_get_text", as: tw_poppler_page_get_text_fn.self),
            documentGetTitle: try library.function("poppler_document_get_title", as: tw_poppler_document_get_title_fn.self),
            documentGetCreationDateTime: try library.function(
                "poppler_document_get_creation_date_time", as: tw_poppler_document_get_creation_date_time_fn.self))
    }
}
