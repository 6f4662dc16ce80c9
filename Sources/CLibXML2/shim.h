#ifndef TARIFFWATCH_CLIBXML2_SHIM_H
#define TARIFFWATCH_CLIBXML2_SHIM_H

// libxml2's HTML parser (saved web pages) and XML parser (RSS and Atom feeds), wrapped once by
// ArticleFormats/LibXML.
//
// Debian builds libxml2 with ICU, and encoding.h then includes ICU's headers, whose types clash with
// the copy of ICU inside Foundation. We never touch the ICU converter fields, so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

// `xmlFree` is a global function pointer, which Swift 6 sees as shared mutable state.
static inline void tw_xml_free(void *memory) { xmlFree(memory); }

#endif
