/* render: the writers every format shares, and the choice of format. */
#include "render.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "sanitize.h"
#include "text.h"

void render_out_init(struct render_out *out, FILE *file, bool bom)
{
	*out = (struct render_out){ .file = file, .bom = bom };
}

void render_printf(struct render_out *out, const char *format, ...)
{
	va_list args;
	va_start(args, format);
	char *shown = sanitize_vformat(format, args);
	va_end(args);
	fputs(shown ? shown : "(out of memory)\n", out->file);
	free(shown);
}

void render_wrapped(struct render_out *out, const char *text, int indent, int width)
{
	/* measured and broken in the visible form, as it is printed */
	char *shown = sanitize_text(text, SANITIZE_TEXT);
	struct text_lines lines;
	if (!shown || text_wrap(&lines, shown, strlen(shown), width - indent, width - indent)) {
		free(shown);
		render_printf(out, "%s\n", text);
		return;
	}
	for (size_t k = 0; k < lines.count; k++) {
		const struct text_line *l = &lines.line[k];
		fprintf(out->file, "%*s%.*s\n", k ? indent : 0, "", (int)(l->end - l->start),
			shown + l->start);
	}
	text_lines_finish(&lines);
	free(shown);
}

void render_csv_row(struct render_out *out, const char *const *fields, size_t count,
		    uint64_t computed)
{
	if (!out->started && out->bom)
		fputs("\xEF\xBB\xBF", out->file);
	out->started = true;
	csvio_write_output(out->file, fields, count, computed);
}

int render_status(const struct render_out *out)
{
	return ferror(out->file) ? -1 : 0;
}

const struct render_format *render_format_named(const char *name)
{
	static const struct render_format *const formats[] = {
		&render_text, &render_csv, &render_html,
	};
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(formats[i]->name, name) == 0)
			return formats[i];
	return NULL;
}

struct save_job {
	int (*writer)(struct render_out *out, const void *model);
	const void *model;
	bool bom;
};

static int write_job(FILE *file, void *context, struct tri_error *err)
{
	const struct save_job *job = context;
	struct render_out out;
	render_out_init(&out, file, job->bom);
	if (job->writer(&out, job->model) != 0 || render_status(&out) != 0) {
		tri_error_set(err, "cannot write: %s", strerror(errno ? errno : EIO));
		return -1;
	}
	return 0;
}

int render_save(const char *path, enum outfile_verdict verdict,
		int (*writer)(struct render_out *out, const void *model), const void *model,
		bool bom, struct tri_error *err)
{
	struct save_job job = { writer, model, bom };
	return outfile_write(path, verdict, write_job, &job, err);
}
