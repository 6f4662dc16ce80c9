#ifndef TARIFFWATCH_CGMIME_SHIM_H
#define TARIFFWATCH_CGMIME_SHIM_H

// GMime 3 (MIME messages), wrapped once by ArticleFormats/Mail. GObject's type checks are macros,
// which Swift cannot call: these inline functions give them a name.
#include <gmime/gmime.h>

static inline int tw_gmime_is_multipart(GMimeObject *object) { return GMIME_IS_MULTIPART(object); }
static inline int tw_gmime_is_part(GMimeObject *object) { return GMIME_IS_PART(object); }
static inline int tw_gmime_is_text_part(GMimeObject *object) { return GMIME_IS_TEXT_PART(object); }
static inline int tw_gmime_is_message_part(GMimeObject *object) { return GMIME_IS_MESSAGE_PART(object); }
static inline void tw_g_object_unref(void *object) { if (object) g_object_unref(object); }

#endif
