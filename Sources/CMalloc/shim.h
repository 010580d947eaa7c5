// glibc's allocator tuning (mallopt), used by the command-line tool for long batches.
#include <malloc.h>
