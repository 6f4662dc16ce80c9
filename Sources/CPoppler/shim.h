#ifndef TARIFFWATCH_CPOPPLER_SHIM_H
#define TARIFFWATCH_CPOPPLER_SHIM_H

// poppler's GLib interface (PDF text and metadata), wrapped once by ArticleFormats/PDF.
#include <poppler.h>

// GError's fields, read here so Swift needs no second view of GLib's structs (GMime has one).
static inline int tw_gerror_is_encrypted(const GError *error) {
    return error && error->domain == POPPLER_ERROR && error->code == POPPLER_ERROR_ENCRYPTED;
}
static inline const char *tw_gerror_message(const GError *error) { return error ? error->message : NULL; }
static inline void tw_poppler_unref(void *object) { if (object) g_object_unref(object); }

#endif
