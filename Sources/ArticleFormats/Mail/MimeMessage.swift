import CGLibFormats
import SharedLibraries
import Foundation

/// A MIME message parsed by GMime: the one Swift layer over it, loaded when the first e-mail arrives.
/// Holds the parsed tree until released.
final class MimeMessage {
    private let message: UnsafeMutableRawPointer
    private let glib: GLib
    private let gmime: GMime

    /// Parses a message (or the first message of an mbox); nil when GMime finds none. The corresponding
    /// C function is `g_mime_parser_construct_message`.
    /// - Throws: `LibraryMissing` when GMime cannot be loaded.
    init?(_ bytes: [UInt8]) throws(LibraryMissing) {
        let glib = try GLib.loaded.get()
        let gmime = try GMime.loaded.get()
        let stream = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { gmime.streamMemNewWithBuffer($0.baseAddress, $0.count) }
        }
        guard let stream else { return nil }
        defer { glib.unref(stream) }
        guard let parser = gmime.parserNewWithStream(stream) else { return nil }
        defer { glib.unref(parser) }
        if bytes.starts(with: Array("From ".utf8)) { gmime.parserSetFormat(parser, Int32(TW_GMIME_FORMAT_MBOX)) }
        guard let message = gmime.parserConstructMessage(parser, nil) else { return nil }
        self.message = message
        self.glib = glib
        self.gmime = gmime
    }

    deinit { glib.unref(message) }

    /// The decoded `Subject:` (RFC 2047 words decoded).
    var subject: String? { gmime.messageGetSubject(message).map { String(cString: $0) } }

    /// The `Date:` header's day in the sender's own offset (the message owns the date).
    var date: (year: Int, month: Int, day: Int)? {
        gmime.messageGetDate(message).map(glib.day(of:))
    }

    /// A raw header of the top-level message. The corresponding C function is `g_mime_object_get_header`.
    func header(_ name: String) -> String? {
        gmime.objectGetHeader(message, name).map { String(cString: $0) }
    }

    /// The text parts in tree order, as `(subtype, text)`, decoded from their transfer encoding and
    /// charset to UTF-8; attachments and parts in `multipart/alternative` siblings are all listed, the
    /// caller picks. Forwarded messages (`message/rfc822`) are walked into.
    var textParts: [(subtype: String, inAlternative: Bool, text: String)] {
        var parts: [(String, Bool, String)] = []
        if let root = gmime.messageGetMimePart(message) { collect(root, inAlternative: false, into: &parts, depth: 0) }
        return parts
    }

    private func collect(
        _ object: UnsafeMutableRawPointer, inAlternative: Bool, into parts: inout [(String, Bool, String)], depth: Int
    ) {
        guard depth < 16 else { return }
        if gmime.isA(object, gmime.multipartType, glib) {
            let subtype = gmime.objectGetContentType(object).flatMap { gmime.contentTypeGetMediaSubtype($0) }
                .map { String(cString: $0).lowercased() }
            for index in 0..<gmime.multipartGetCount(object) {
                if let child = gmime.multipartGetPart(object, index) {
                    collect(child, inAlternative: inAlternative || subtype == "alternative", into: &parts, depth: depth + 1)
                }
            }
            return
        }
        if gmime.isA(object, gmime.messagePartType, glib) {
            if let inner = gmime.messagePartGetMessage(object), let root = gmime.messageGetMimePart(inner) {
                collect(root, inAlternative: false, into: &parts, depth: depth + 1)
            }
            return
        }
        guard gmime.isA(object, gmime.textPartType, glib) else { return }
        if let disposition = gmime.objectGetContentDisposition(object), gmime.contentDispositionIsAttachment(disposition) != 0 {
            return
        }
        guard let type = gmime.objectGetContentType(object), let subtype = gmime.contentTypeGetMediaSubtype(type) else {
            return
        }
        guard let text = glib.string(taking: gmime.textPartGetText(object)) else { return }
        parts.append((String(cString: subtype).lowercased(), inAlternative, text))
    }
}

/// The GMime functions `MimeMessage` calls, resolved (and `g_mime_init` run) when the first e-mail arrives.
struct GMime: @unchecked Sendable {  // immutable C function pointers and type ids
    let streamMemNewWithBuffer: tw_g_mime_stream_mem_new_with_buffer_fn
    let parserNewWithStream: tw_g_mime_parser_new_with_stream_fn
    let parserSetFormat: tw_g_mime_parser_set_format_fn
    let parserConstructMessage: tw_g_mime_parser_construct_message_fn
    let messageGetSubject: tw_g_mime_message_get_subject_fn
    let messageGetDate: tw_g_mime_message_get_date_fn
    let objectGetHeader: tw_g_mime_object_get_header_fn
    let messageGetMimePart: tw_g_mime_message_get_mime_part_fn
    let objectGetContentType: tw_g_mime_object_get_content_type_fn
    let contentTypeGetMediaSubtype: tw_g_mime_content_type_get_media_subtype_fn
    let multipartGetCount: tw_g_mime_multipart_get_count_fn
    let multipartGetPart: tw_g_mime_multipart_get_part_fn
    let messagePartGetMessage: tw_g_mime_message_part_get_message_fn
    let objectGetContentDisposition: tw_g_mime_object_get_content_disposition_fn
    let contentDispositionIsAttachment: tw_g_mime_content_disposition_is_attachment_fn
    let textPartGetText: tw_g_mime_text_part_get_text_fn
    /// The GObject types of a multipart, a `message/rfc822` part and a text part (the `GMIME_IS_*` checks).
    let multipartType: tw_gtype
    let messagePartType: tw_gtype
    let textPartType: tw_gtype

    /// Whether `object` is an instance of `type` (GObject's `G_TYPE_CHECK_INSTANCE_TYPE`).
    func isA(_ object: UnsafeMutableRawPointer, _ type: tw_gtype, _ glib: GLib) -> Bool {
        glib.typeCheckInstanceIsA(object, type) != 0
    }

    static let loaded: Result<GMime, LibraryMissing> = Result { () throws(LibraryMissing) in
        let library = try SharedLibrary.open("libgmime-3.0.so.0")
        try library.function("g_mime_init", as: tw_g_mime_init_fn.self)()
        func type(_ getter: String) throws(LibraryMissing) -> tw_gtype { try library.function(getter, as: tw_g_get_type_fn.self)() }
        return GMime(
            streamMemNewWithBuffer: try library.function("g_mime_stream_mem_new_with_buffer", as: tw_g_mime_stream_mem_new_with_buffer_fn.self),
            parserNewWithStream: try library.function("g_mime_parser_new_with_stream", as: tw_g_mime_parser_new_with_stream_fn.self),
            parserSetFormat: try library.function("g_mime_parser_set_format", as: tw_g_mime_parser_set_format_fn.self),
            parserConstructMessage: try library.function("g_mime_parser_construct_message", as: tw_g_mime_parser_construct_message_fn.self),
            messageGetSubject: try library.function("g_mime_message_get_subject", as: tw_g_mime_message_get_subject_fn.self),
            messageGetDate: try library.function("g_mime_message_get_date", as: tw_g_mime_message_get_date_fn.self),
            objectGetHeader: try library.function("g_mime_object_get_header", as: tw_g_mime_object_get_header_fn.self),
            messageGetMimePart: try library.function("g_mime_message_get_mime_part", as: tw_g_mime_message_get_mime_part_fn.self),
            objectGetContentType: try library.function("g_mime_object_get_content_type", as: tw_g_mime_object_get_content_type_fn.self),
            contentTypeGetMediaSubtype: try library.function(
                "g_mime_content_type_get_media_subtype", as: tw_g_mime_content_type_get_media_subtype_fn.self),
            multipartGetCount: try library.function("g_mime_multipart_get_count", as: tw_g_mime_multipart_get_count_fn.self),
            multipartGetPart: try library.function("g_mime_multipart_get_part", as: tw_g_mime_multipart_get_part_fn.self),
            messagePartGetMessage: try library.function("g_mime_message_part_get_message", as: tw_g_mime_message_part_get_message_fn.self),
            objectGetContentDisposition: try library.function(
                "g_mime_object_get_content_disposition", as: tw_g_mime_object_get_content_disposition_fn.self),
            contentDispositionIsAttachment: try library.function(
                "g_mime_content_disposition_is_attachment", as: tw_g_mime_content_disposition_is_attachment_fn.self),
            textPartGetText: try library.function("g_mime_text_part_get_text", as: tw_g_mime_text_part_get_text_fn.self),
            multipartType: try type("g_mime_multipart_get_type"),
            messagePartType: try type("g_mime_message_part_get_type"),
            textPartType: try type("g_mime_text_part_get_type"))
    }
}
