#ifndef TARIFFWATCH_CLIBXML2_SHIM_H
#define TARIFFWATCH_CLIBXML2_SHIM_H

// libxml2's HTML parser (saved web pages) and XML parser (RSS and Atom feeds), as the types of the
// pointers ArticleFormats/LibXML resolves with dlsym when the first page or feed arrives. Linked, libxml2
// and the ICU under it were mapped and relocated in every process at start-up, 0.4 to 0.8 ms of each
// `extract` whatever it read. Nothing here links: the declarations follow libxml2 2's stable C ABI
// (tree.h, xmlerror.h, parser.h, HTMLparser.h), with only the fields the readers use named.

#include <stddef.h>

typedef unsigned char tw_xml_char;  // xmlChar: UTF-8

// xmlElementType values the readers test
enum { TW_XML_ELEMENT_NODE = 1, TW_XML_TEXT_NODE = 3, TW_XML_CDATA_SECTION_NODE = 4 };

// htmlParserOption and xmlParserOption bits (the same bit means the same in both)
enum {
    TW_XML_PARSE_RECOVER = 1 << 0,
    TW_XML_PARSE_NOERROR = 1 << 5,
    TW_XML_PARSE_NOWARNING = 1 << 6,
    TW_XML_PARSE_NONET = 1 << 11,
    TW_XML_PARSE_NOCDATA = 1 << 14,
    TW_XML_PARSE_COMPACT = 1 << 16,
};

typedef struct tw_xml_ns {  // xmlNs
    struct tw_xml_ns *next;
    int type;
    const tw_xml_char *href;
    const tw_xml_char *prefix;
    void *private_data;
    void *context;
} tw_xml_ns;

typedef struct tw_xml_node {  // xmlNode
    void *private_data;
    int type;  // xmlElementType
    const tw_xml_char *name;
    struct tw_xml_node *children;
    struct tw_xml_node *last;
    struct tw_xml_node *parent;
    struct tw_xml_node *next;
    struct tw_xml_node *prev;
    void *doc;  // xmlDoc *
    tw_xml_ns *ns;
    tw_xml_char *content;
    void *properties;
    void *nsDef;
    void *psvi;
    unsigned short line;
    unsigned short extra;
} tw_xml_node;

typedef struct {  // xmlError
    int domain;
    int code;
    char *message;
    int level;
    char *file;
    int line;
    char *str1, *str2, *str3;
    int int1, int2;
    void *ctxt;
    void *node;
} tw_xml_error;

typedef void (*tw_xml_init_parser_fn)(void);
typedef void *(*tw_xml_read_memory_fn)(const char *buffer, int size, const char *url, const char *encoding, int options);  // htmlReadMemory, xmlReadMemory
typedef void (*tw_xml_reset_last_error_fn)(void);
typedef const tw_xml_error *(*tw_xml_get_last_error_fn)(void);
typedef tw_xml_node *(*tw_xml_doc_get_root_element_fn)(const void *doc);
typedef void (*tw_xml_free_doc_fn)(void *doc);
typedef tw_xml_char *(*tw_xml_node_get_content_fn)(const tw_xml_node *node);
typedef tw_xml_char *(*tw_xml_get_prop_fn)(const tw_xml_node *node, const tw_xml_char *name);
typedef void *(*tw_xml_buffer_create_fn)(void);
typedef void (*tw_xml_buffer_free_fn)(void *buffer);
typedef int (*tw_xml_node_dump_fn)(void *buffer, void *doc, tw_xml_node *node, int level, int format);
typedef const tw_xml_char *(*tw_xml_buffer_content_fn)(const void *buffer);
typedef void (*tw_xml_free_fn)(void *memory);
// `xmlFree` is a variable (holding `free` unless someone calls xmlMemSetup): read through xmlMemGet
typedef int (*tw_xml_mem_get_fn)(tw_xml_free_fn *free_fn, void **malloc_fn, void **realloc_fn, void **strdup_fn);

#endif
