#include <libxml/xmlversion.h>
/* Keep the system ICU headers out: they clash with Foundation's own ICU module. */
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

/* The push parser over unsigned bytes, so that Swift passes its [UInt8] chunks as they are. */
static inline xmlParserCtxtPtr kartograf_create_push_parser(xmlSAXHandlerPtr sax, void *user,
                                                            const unsigned char *bytes, int count) {
    return xmlCreatePushParserCtxt(sax, user, (const char *)bytes, count, NULL);
}

static inline int kartograf_parse_chunk(xmlParserCtxtPtr context, const unsigned char *bytes, int count,
                                        int terminate) {
    return xmlParseChunk(context, (const char *)bytes, count, terminate);
}
