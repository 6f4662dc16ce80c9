import CLibXML2
import Foundation
import SharedLibraries

/// The libxml2 functions the readers call, resolved when the first page or feed arrives: linked, libxml2
/// and ICU were mapped into every process at start-up, whatever it read.
struct LibXML2: @unchecked Sendable {  // immutable C function pointers
    let htmlReadMemory: tw_xml_read_memory_fn
    let xmlReadMemory: tw_xml_read_memory_fn
    let resetLastError: tw_xml_reset_last_error_fn
    let lastError: tw_xml_get_last_error_fn
    let rootElement: tw_xml_doc_get_root_element_fn
    let freeDoc: tw_xml_free_doc_fn
    let nodeContent: tw_xml_node_get_content_fn
    let property: tw_xml_get_prop_fn
    let bufferCreate: tw_xml_buffer_create_fn
    let bufferFree: tw_xml_buffer_free_fn
    let nodeDump: tw_xml_node_dump_fn
    let bufferContent: tw_xml_buffer_content_fn
    let free: tw_xml_free_fn

    /// Loaded once, with `xmlInitParser` run before any thread uses the parser.
    static let loaded: Result<LibXML2, LibraryMissing> = Result { () throws(LibraryMissing) in
        let library = try SharedLibrary.open("libxml2.so.2")
        let functions = LibXML2(
            htmlReadMemory: try library.function("htmlReadMemory", as: tw_xml_read_memory_fn.self),
            xmlReadMemory: try library.function("xmlReadMemory", as: tw_xml_read_memory_fn.self),
            resetLastError: try library.function("xmlResetLastError", as: tw_xml_reset_last_error_fn.self),
            lastError: try library.function("xmlGetLastError", as: tw_xml_get_last_error_fn.self),
            rootElement: try library.function("xmlDocGetRootElement", as: tw_xml_doc_get_root_element_fn.self),
            freeDoc: try library.function("xmlFreeDoc", as: tw_xml_free_doc_fn.self),
            nodeContent: try library.function("xmlNodeGetContent", as: tw_xml_node_get_content_fn.self),
            property: try library.function("xmlGetProp", as: tw_xml_get_prop_fn.self),
            bufferCreate: try library.function("xmlBufferCreate", as: tw_xml_buffer_create_fn.self),
            bufferFree: try library.function("xmlBufferFree", as: tw_xml_buffer_free_fn.self),
            nodeDump: try library.function("xmlNodeDump", as: tw_xml_node_dump_fn.self),
            bufferContent: try library.function("xmlBufferContent", as: tw_xml_buffer_content_fn.self),
            free: try freeFunction(library))
        try library.function("xmlInitParser", as: tw_xml_init_parser_fn.self)()
        return functions
    }

    /// What `xmlFree` holds, the function that frees the strings libxml2 hands out. The corresponding C function
    /// is `xmlMemGet`.
    private static func freeFunction(_ library: SharedLibrary) throws(LibraryMissing) -> tw_xml_free_fn {
        var free: tw_xml_free_fn?
        var malloc: UnsafeMutableRawPointer?, realloc: UnsafeMutableRawPointer?, strdup: UnsafeMutableRawPointer?
        guard try library.function("xmlMemGet", as: tw_xml_mem_get_fn.self)(&free, &malloc, &realloc, &strdup) == 0, let free else {
            throw LibraryMissing(library: library.name, reason: "xmlMemGet gave no free function")
        }
        return free
    }

    /// The loaded library, for the nodes of a tree: a tree exists only once loading succeeded.
    fileprivate static var forNodes: LibXML2 {
        guard case .success(let library) = loaded else { preconditionFailure("an XML node without libxml2 loaded") }
        return library
    }

    /// A string libxml2 allocated, copied into Swift and freed. The corresponding C function is `xmlFree`.
    fileprivate func string(taking text: UnsafeMutablePointer<tw_xml_char>?) -> String? {
        guard let text else { return nil }
        defer { free(text) }
        return String(cString: text)
    }
}

/// A parsed libxml2 document (HTML or XML), freed when the tree goes away.
///
/// The one Swift layer over libxml2: parsers, node navigation, attributes, text. Nodes are only valid
/// while their tree lives, so readers use them inside one function and copy out strings.
final class XMLTree {
    private let library: LibXML2
    private let document: UnsafeMutableRawPointer

    private init(_ library: LibXML2, _ document: UnsafeMutableRawPointer) {
        self.library = library
        self.document = document
    }

    deinit { library.freeDoc(document) }

    /// Parses HTML as browsers do, repairing what is broken; never touches the network.
    /// The corresponding C function is `htmlReadMemory`.
    /// - Parameter encoding: forces an encoding (`UTF-8` after we decoded UTF-16), else the page's own `<meta charset>`.
    /// - Returns: nil when the parser found no document.
    /// - Throws: `LibraryMissing` when libxml2 cannot be loaded.
    static func html(_ bytes: [UInt8], encoding: String? = nil) throws(LibraryMissing) -> XMLTree? {
        let library = try LibXML2.loaded.get()
        let options = Int32(TW_XML_PARSE_RECOVER | TW_XML_PARSE_NOERROR | TW_XML_PARSE_NOWARNING | TW_XML_PARSE_NONET
            | TW_XML_PARSE_COMPACT)
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                library.htmlReadMemory($0.baseAddress, Int32(clamping: $0.count), nil, encoding, options)
            }
        }
        return doc.map { XMLTree(library, $0) }
    }

    /// Parses well-formed XML (feeds) without the network, without loading external DTDs and without
    /// substituting entities, so neither XXE nor an entity bomb can reach the reader.
    /// The corresponding C function is `xmlReadMemory`.
    /// - Throws: the parser's message with its line when the XML is not well formed, or that libxml2 cannot be loaded.
    static func xml(_ bytes: [UInt8]) throws(XMLParseError) -> XMLTree {
        let library: LibXML2
        do { library = try LibXML2.loaded.get() } catch { throw .libraryMissing(error) }
        let options = Int32(TW_XML_PARSE_NONET | TW_XML_PARSE_NOERROR | TW_XML_PARSE_NOWARNING | TW_XML_PARSE_NOCDATA
            | TW_XML_PARSE_COMPACT)
        library.resetLastError()
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                library.xmlReadMemory($0.baseAddress, Int32(clamping: $0.count), nil, nil, options)
            }
        }
        guard let doc else {
            if let error = library.lastError(), let message = error.pointee.message {
                let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
                throw .malformed("line \(error.pointee.line): \(text)")
            }
            throw .malformed("the XML parser gave up")
        }
        return XMLTree(library, doc)
    }

    var root: XMLNode? { library.rootElement(document).map(XMLNode.init) }
}

/// Why `XMLTree.xml` has no tree.
enum XMLParseError: Error {
    /// Not well formed: the parser's message, with its line.
    case malformed(String)
    case libraryMissing(LibraryMissing)
}

/// A node of an `XMLTree`; valid while the tree lives.
struct XMLNode {
    let pointer: UnsafeMutablePointer<tw_xml_node>

    var isElement: Bool { pointer.pointee.type == TW_XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == TW_XML_TEXT_NODE || pointer.pointee.type == TW_XML_CDATA_SECTION_NODE }

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
        LibXML2.forNodes.string(taking: LibXML2.forNodes.nodeContent(pointer)) ?? ""
    }

    /// An attribute value. The corresponding C function is `xmlGetProp`.
    func attribute(_ name: String) -> String? {
        let library = LibXML2.forNodes
        return name.withCString { name in
            name.withMemoryRebound(to: tw_xml_char.self, capacity: 1) { library.string(taking: library.property(pointer, $0)) }
        }
    }

    /// The markup of the node's children, for feed fields whose content is inline XHTML.
    /// The corresponding C function is `xmlNodeDump`.
    var innerMarkup: String {
        let library = LibXML2.forNodes
        var out = ""
        for child in children {
            guard let buffer = library.bufferCreate() else { continue }
            defer { library.bufferFree(buffer) }
            _ = library.nodeDump(buffer, pointer.pointee.doc, child.pointer, 0, 0)
            if let content = library.bufferContent(buffer) { out += String(cString: content) }
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
    let first: UnsafeMutablePointer<tw_xml_node>?

    func makeIterator() -> AnyIterator<XMLNode> {
        var next = first
        return AnyIterator {
            guard let node = next else { return nil }
            next = node.pointee.next
            return XMLNode(pointer: node)
        }
    }
}
