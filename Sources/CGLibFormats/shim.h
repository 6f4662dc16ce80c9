#ifndef TARIFFWATCH_CGLIBFORMATS_SHIM_H
#define TARIFFWATCH_CGLIBFORMATS_SHIM_H

// The C functions of poppler-glib (PDF), GMime 3 (e-mail) and the GLib they share, as the types of
// pointers that ArticleFormats resolves with dlsym when the first PDF or e-mail arrives: linking them
// mapped 79 libraries (8 MB) into every daemon at start-up, most of them for PDF. Nothing here links:
// the declarations follow the libraries' stable C ABI (poppler-glib 8, GMime 3.0, GLib 2.0), and the
// Swift side in ArticleFormats/GLib is the one place that calls them.

#include <stddef.h>
#include <stdint.h>

// GLib
typedef struct { uint32_t domain; int32_t code; char *message; } tw_gerror;  // GError
typedef size_t tw_gtype;                                                    // GType
typedef void (*tw_g_free_fn)(void *memory);
typedef void (*tw_g_object_unref_fn)(void *object);
typedef void *(*tw_g_bytes_new_fn)(const void *data, size_t size);
typedef void (*tw_g_bytes_unref_fn)(void *bytes);
typedef void (*tw_g_error_free_fn)(tw_gerror *error);
typedef void (*tw_g_date_time_unref_fn)(void *date);
typedef int (*tw_g_date_time_get_int_fn)(void *date);  // g_date_time_get_year, _month, _day_of_month
typedef int (*tw_g_type_check_instance_is_a_fn)(void *instance, tw_gtype type);
typedef tw_gtype (*tw_g_get_type_fn)(void);             // the *_get_type functions of GObject classes

// poppler-glib
enum { TW_POPPLER_ERROR_ENCRYPTED = 1 };  // PopplerError
typedef uint32_t (*tw_poppler_error_quark_fn)(void);
typedef void *(*tw_poppler_document_new_from_bytes_fn)(void *bytes, const char *password, tw_gerror **error);
typedef int (*tw_poppler_document_get_n_pages_fn)(void *document);
typedef void *(*tw_poppler_document_get_page_fn)(void *document, int index);
typedef char *(*tw_poppler_page_get_text_fn)(void *page);
typedef char *(*tw_poppler_document_get_title_fn)(void *document);
typedef void *(*tw_poppler_document_get_creation_date_time_fn)(void *document);

// GMime 3
enum { TW_GMIME_FORMAT_MBOX = 1 };  // GMimeFormat
typedef void (*tw_g_mime_init_fn)(void);
typedef void *(*tw_g_mime_stream_mem_new_with_buffer_fn)(const char *buffer, size_t length);
typedef void *(*tw_g_mime_parser_new_with_stream_fn)(void *stream);
typedef void (*tw_g_mime_parser_set_format_fn)(void *parser, int format);
typedef void *(*tw_g_mime_parser_construct_message_fn)(void *parser, void *options);
typedef const char *(*tw_g_mime_message_get_subject_fn)(void *message);
typedef void *(*tw_g_mime_message_get_date_fn)(void *message);
typedef const char *(*tw_g_mime_object_get_header_fn)(void *object, const char *header);
typedef void *(*tw_g_mime_message_get_mime_part_fn)(void *message);
typedef void *(*tw_g_mime_object_get_content_type_fn)(void *object);
typedef const char *(*tw_g_mime_content_type_get_media_subtype_fn)(void *content_type);
typedef int (*tw_g_mime_multipart_get_count_fn)(void *multipart);
typedef void *(*tw_g_mime_multipart_get_part_fn)(void *multipart, int index);
typedef void *(*tw_g_mime_message_part_get_message_fn)(void *part);
typedef void *(*tw_g_mime_object_get_content_disposition_fn)(void *object);
typedef int (*tw_g_mime_content_disposition_is_attachment_fn)(void *disposition);
typedef char *(*tw_g_mime_text_part_get_text_fn)(void *text_part);

#endif
