#include "tri_error.h"

#include <stdarg.h>
#include <stdio.h>

void tri_error_set(struct tri_error *err, const char *format, ...)
{
	if (!err)
		return;
	va_list args;
	va_start(args, format);
	vsnprintf(err->message, sizeof err->message, format, args);
	va_end(args);
}
