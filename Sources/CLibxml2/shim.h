#include <libxml/xmlversion.h>
/* Keep the system ICU headers out: they clash with Foundation's own ICU module. */
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
