import CGMime
import Foundation

/// A MIME message parsed by GMime: the one Swift layer over it. Holds the parsed tree until released.
final class MimeMessage {
    private let message: UnsafeMutablePointer<GMimeMessage>

    /// `g_mime_init` once per process.
    private static let initialized: Bool = {
        g_mime_init()
        return true
    }()

    /// Parses a message (or the first message of an mbox). The corresponding C function is
    /// `g_mime_parser_construct_message`.
    init?(_ bytes: [UInt8]) {
        _ = Self.initialized
        let stream = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { g_mime_stream_mem_new_with_buffer($0.baseAddress, $0.count) }
        }
        guard let stream else { return nil }
        defer { tw_g_object_unref(stream) }
        guard let parser = g_mime_parser_new_with_stream(stream) else { return nil }
        defer { tw_g_object_unref(parser) }
        if bytes.starts(with: Array("From ".utf8)) { g_mime_parser_set_format(parser, GMIME_FORMAT_MBOX) }
        guard let message = g_mime_parser_construct_message(parser, nil) else { return nil }
        self.message = message
    }

    deinit { tw_g_object_unref(message) }

    /// The decoded `Subject:` (RFC 2047 words decoded).
    var subject: String? { g_mime_message_get_subject(message).map { String(cString: $0) } }

    /// The `Date:` header's day in the sender's own offset.
    var date: (year: Int, month: Int, day: Int)? {
        guard let date = g_mime_message_get_date(message) else { return nil }
        return (Int(g_date_time_get_year(date)), Int(g_date_time_get_month(date)), Int(g_date_time_get_day_of_month(date)))
    }

    /// A raw header of the top-level message. The corresponding C function is `g_mime_object_get_header`.
    func header(_ name: String) -> String? {
        let object = UnsafeMutableRawPointer(message).assumingMemoryBound(to: GMimeObject.self)
        return g_mime_object_get_header(object, name).map { String(cString: $0) }
    }

    /// The text parts in tree order, as `(subtype, text)`, decoded from their transfer encoding and
    /// charset to UTF-8; attachments and parts in `multipart/alternative` siblings are all listed, the
    /// caller picks. Forwarded messages (`message/rfc822`) are walked into.
    var textParts: [(subtype: String, inAlternative: Bool, text: String)] {
        var parts: [(String, Bool, String)] = []
        if let root = g_mime_message_get_mime_part(message) { Self.collect(root, inAlternative: false, into: &parts, depth: 0) }
        return parts
    }

    private static func collect(
        _ object: UnsafeMutablePointer<GMimeObject>, inAlternative: Bool, into parts: inout [(String, Bool, String)], depth: Int
    ) {
        guard depth < 16 else { return }
        if tw_gmime_is_multipart(object) != 0 {
            let multipart = UnsafeMutableRawPointer(object).assumingMemoryBound(to: GMimeMultipart.self)
            let subtype = g_mime_object_get_content_type(object).flatMap { g_mime_content_type_get_media_subtype($0) }
                .map { String(cString: $0).lowercased() }
            for index in 0..<g_mime_multipart_get_count(multipart) {
                if let child = g_mime_multipart_get_part(multipart, index) {
                    collect(child, inAlternative: inAlternative || subtype == "alternative", into: &parts, depth: depth + 1)
                }
            }
            return
        }
        if tw_gmime_is_message_part(object) != 0 {
            let part = UnsafeMutableRawPointer(object).assumingMemoryBound(to: GMimeMessagePart.self)
            if let inner = g_mime_message_part_get_message(part), let root = g_mime_message_get_mime_part(inner) {
                collect(root, inAlternative: false, into: &parts, depth: depth + 1)
            }
            return
        }
        guard tw_gmime_is_text_part(object) != 0 else { return }
        if let disposition = g_mime_object_get_content_disposition(object),
            g_mime_content_disposition_is_attachment(disposition) != 0
        {
            return
        }
        guard let type = g_mime_object_get_content_type(object), let subtype = g_mime_content_type_get_media_subtype(type) else {
            return
        }
        let textPart = UnsafeMutableRawPointer(object).assumingMemoryBound(to: GMimeTextPart.self)
        guard let text = g_mime_text_part_get_text(textPart) else { return }
        defer { g_free(text) }
        parts.append((String(cString: subtype).lowercased(), inAlternative, String(cString: text)))
    }
}
