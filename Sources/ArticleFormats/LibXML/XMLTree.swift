import CLibXML2
import Foundation

/// A parsed libxml2 document (HTML or XML), freed when the tree goes away.
///
/// The one Swift layer over libxml2: parsers, node navigation, attributes, text. Nodes are only valid
/// while their tree lives, so readers use them inside one function and copy out strings.
final class XMLTree {
    private let document: xmlDocPtr

    private init(_ document: xmlDocPtr) { self.document = document }

    deinit { xmlFreeDoc(document) }

    /// `xmlInitParser` must run once before threads use the parser.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses HTML as browsers do, repairing what is broken; never touches the network.
    /// The corresponding C function is `htmlReadMemory`.
    /// - Parameter encoding: forces an encoding (`UTF-8` after we decoded UTF-16), else the page's own `<meta charset>`.
    static func html(_ bytes: [UInt8], encoding: String? = nil) -> XMLTree? {
        _ = initialized
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                htmlReadMemory($0.baseAddress, Int32(clamping: $0.count), nil, encoding, options)
            }
        }
        return doc.map(XMLTree.init)
    }

    /// Parses well-formed XML (feeds) without the network, without loading external DTDs and without
    /// substituting entities, so neither XXE nor an entity bomb can reach the reader.
    /// The corresponding C function is `xmlReadMemory`.
    /// - Throws: the parser's message with its line when the XML is not well formed.
    static func xml(_ bytes: [UInt8]) throws(XMLParseError) -> XMLTree {
        _ = initialized
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
        xmlResetLastError()
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlReadMemory($0.baseAddress, Int32(clamping: $0.count), nil, nil, options)
            }
        }
        guard let doc else {
            if let error = xmlGetLastError(), let message = error.pointee.message {
                let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
                throw XMLParseError(message: "line \(error.pointee.line): \(text)")
            }
            throw XMLParseError(message: "the XML parser gave up")
        }
        return XMLTree(doc)
    }

    var root: XMLNode? { xmlDocGetRootElement(document).map(XMLNode.init) }
}

struct XMLParseError: Error {
    var message: String
}

/// A node of an `XMLTree`; valid while the tree lives.
struct XMLNode {
    let pointer: xmlNodePtr

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The element name in lower case, without namespace prefix (`content:encoded` is `encoded`).
    var name: String {
        guard let name = pointer.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    /// The namespace prefix (`content`, `dc`), if any.
    var prefix: String? {
        guard let ns = pointer.pointee.ns, let prefix = ns.pointee.prefix else { return nil }
        return String(cString: prefix).lowercased()
    }

    var children: XMLChildren { XMLChildren(first: pointer.pointee.children) }

    var elementChildren: [XMLNode] { children.filter(\.isElement) }

    /// The text of a text or CDATA node itself (not descendants).
    var ownText: String {
        guard let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    /// All descendant text, entities decoded. The corresponding C function is `xmlNodeGetContent`.
    var textContent: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { tw_xml_free(content) }
        return String(cString: content)
    }

    /// An attribute value. The corresponding C function is `xmlGetProp`.
    func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(pointer, name) else { return nil }
        defer { tw_xml_free(value) }
        return String(cString: value)
    }

    /// The markup of the node's children, for feed fields whose content is inline XHTML.
    /// The corresponding C function is `xmlNodeDump`.
    var innerMarkup: String {
        var out = ""
        for child in children {
            guard let buffer = xmlBufferCreate() else { continue }
            defer { xmlBufferFree(buffer) }
            xmlNodeDump(buffer, pointer.pointee.doc, child.pointer, 0, 0)
            if let content = xmlBufferContent(buffer) { out += String(cString: content) }
        }
        return out
    }

    /// Depth-first over the element descendants, `self` first.
    func forEachElement(_ body: (XMLNode) -> Void) {
        guard isElement else { return }
        body(self)
        for child in children { child.forEachElement(body) }
    }

    /// The first descendant element (or `self`) that satisfies `predicate`.
    func first(where predicate: (XMLNode) -> Bool) -> XMLNode? {
        if isElement, predicate(self) { return self }
        for child in children {
            if let found = child.first(where: predicate) { return found }
        }
        return nil
    }
}

/// The children of a node as a sequence.
struct XMLChildren: Sequence {
    let first: xmlNodePtr?

    func makeIterator() -> AnyIterator<XMLNode> {
        var next = first
        return AnyIterator {
            guard let node = next else { return nil }
            next = node.pointee.next
            return XMLNode(pointer: node)
        }
    }
}
