/* tri-assess: the command line.  Parses arguments, loads the framework,
 * runs one command, and turns core results and errors into output and an
 * exit status: 0 success, 1 bad input, 2 usage error. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "assessment.h"
#include "cli.h"
#include "csvio.h"
#include "framework.h"
#include "outputs.h"
#include "sanitize.h"
#include "score.h"
#include "summary.h"
#include "tri_config.h"
#include "wizard.h"
#include "words.h"

enum { EXIT_BAD_INPUT = CLI_EXIT_BAD_INPUT, EXIT_USAGE = CLI_EXIT_USAGE };

static const char usage_text[] =
"usage: tri-assess [OPTIONS] [FILE]              the wizard on FILE\n"
"       tri-assess criteria [--csv]               list the Standard's criteria\n"
"       tri-assess validate [--csv]               check the framework and its ranges\n"
"       tri-assess score FILE... [--csv]          score assessments by category\n"
"       tri-assess new FILE --organisation NAME [--type self|peer]\n"
"                         [--assessor NAME]... [--date YYYY-MM-DD]\n"
"       tri-assess compare A B [--csv]            two assessments side by side\n"
"       tri-assess plan FILE [--csv]              gaps to the next level; the action plan\n"
"       tri-assess benchmark FILE... [--csv] [--highlight ORGANISATION] [--named]\n"
"                         [--type self|peer] [--all-files] [--include-incomplete]\n"
"       tri-assess report FILE [--compare OTHER] -o REPORT.html|- [--force]\n"
"\n"
"Assess a London local authority against the CELC Tackling Racial\n"
"Inequality Standard (Version 14, London Councils, December 2022).\n"
"\n"
"options:\n"
"  --framework DIR    load the Standard from DIR's CSV files instead of the\n"
"                     built-in Version 14 (a revised Standard)\n"
"  --csv              CSV output for machines (a header row, then data)\n"
"  --plain            the wizard as numbered text prompts (also when TERM=dumb)\n"
"  --compare OTHER    in the wizard and report: show OTHER's levels beside these;\n"
"                     in the wizard, a adopts OTHER's level (recorded in history)\n"
"  --who NAME         who is making changes in a comparison (default: $USER)\n"
"  --bom              start CSV output with a UTF-8 byte-order mark; in the\n"
"                     wizard, give the assessment file one too (new files\n"
"                     have one; a file keeps what it has)\n"
"  --highlight ORG    benchmark: show where ORG stands\n"
"  --named            benchmark: name every organisation (default: anonymised)\n"
"  --type self|peer   benchmark: which assessments to count (default self; a file\n"
"                     without a type counts as a self-assessment)\n"
"  --all-files        benchmark: every file, not only each organisation's latest\n"
"  --include-incomplete  benchmark: count incomplete categories too, marked\n"
"  -o, --output FILE  report: the HTML file to write (- for standard output);\n"
"                     never an input file; a file that is not a tri-assess\n"
"                     report is replaced only with --force\n"
"  --force            report: replace an existing file tri-assess did not write\n"
"  --organisation, --type, --assessor, --date   details for 'new'\n"
"  -h, --help         this help\n"
"  -V, --version      the program's and the built-in Standard's versions\n"
"\n"
"Exit status: 0 success, 1 bad input, 2 usage error.  See tri-assess(1).\n";

/* Write what format makes, in its visible form, to out. */
static void print_visible(FILE *out, const char *format, va_list args)
	__attribute__((format(printf, 2, 0)));

static void print_visible(FILE *out, const char *format, va_list args)
{
	char *shown = sanitize_vformat(format, args);
	if (!shown) {
		fputs("tri-assess: out of memory\n", stderr);
		return;
	}
	fputs(shown, out);
	free(shown);
}

void cli_print(const char *format, ...)
{
	va_list args;
	va_start(args, format);
	print_visible(stdout, format, args);
	va_end(args);
}

/* "tri-assess: " and the message in its visible form, then tail. */
static void message(const char *tail, const char *format, va_list args)
	__attribute__((format(printf, 2, 0)));

static void message(const char *tail, const char *format, va_list args)
{
	fputs("tri-assess: ", stderr);
	print_visible(stderr, format, args);
	fputs(tail, stderr);
}

void cli_error(const char *format, ...)
{
	va_list args;
	va_start(args, format);
	message("\n", format, args);
	va_end(args);
}

int cli_usage_error(const char *format, ...)
{
	va_list args;
	va_start(args, format);
	message("\nTry 'tri-assess --help'.\n", format, args);
	va_end(args);
	return EXIT_USAGE;
}

/* Print text wrapped to width columns, each line after the first indented
 * by indent spaces.  Counts UTF-8 code points, not bytes.  Wrapped in
 * memory, then printed through cli_print. */
static void print_wrapped(const char *text, int indent, int width)
{
	char *wrapped = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&wrapped, &size);
	if (!out) {
		cli_print("%s\n", text);
		return;
	}
	int column = indent;
	const char *word = text;
	bool first = true;
	while (*word) {
		while (*word == ' ')
			word++;
		if (!*word)
			break;
		const char *end = word;
		int cells = 0;
		while (*end && *end != ' ') {
			if (((unsigned char)*end & 0xC0) != 0x80)
				cells++;
			end++;
		}
		if (!first && column + 1 + cells > width) {
			fprintf(out, "\n%*s", indent, "");
			column = indent;
		} else if (!first) {
			fputc(' ', out);
			column++;
		}
		fwrite(word, 1, (size_t)(end - word), out);
		column += cells;
		first = false;
		word = end;
	}
	fclose(out);
	cli_print("%s\n", wrapped ? wrapped : "");
	free(wrapped);
}

void cli_csv_row(const char *const *fields, size_t count, uint64_t computed)
{
	csvio_write_output(stdout, fields, count, computed); /* same quoting as files */
}

void cli_csv_begin(const struct cli_options *opt)
{
	if (opt->bom)
		fputs("\xEF\xBB\xBF", stdout);
}

char *cli_read_notes_text(const struct assessment *a)
{
	char *text = NULL;
	size_t size = 0;
	if (a->read_notes.count == 0)
		return NULL;
	FILE *out = open_memstream(&text, &size);
	if (!out)
		return NULL;
	for (size_t i = 0; i < a->read_notes.count; i++)
		fprintf(out, "%s: %s\n", a->read_notes.items[i].warning ? "warning" : "note",
			a->read_notes.items[i].text);
	fclose(out);
	return text;
}

void cli_say_lines(const char *text)
{
	for (const char *line = text; line && *line;) {
		const char *end = strchr(line, '\n');
		int length = end ? (int)(end - line) : (int)strlen(line);
		cli_error("%.*s", length, line);
		line += length + (end != NULL);
	}
}

void cli_say_read_notes(const struct assessment *a)
{
	char *text = cli_read_notes_text(a);
	cli_say_lines(text);
	free(text);
}

struct assessment **cli_load_all(const struct framework *fw, char **files, int count,
				 bool levels_only)
{
	struct assessment **loaded = calloc((size_t)count, sizeof *loaded); // NOLINT(bugprone-sizeof-expression)
	if (!loaded) {
		cli_error("out of memory");
		return NULL;
	}
	bool ok = true;
	for (int i = 0; i < count; i++) {
		struct tri_error err;
		loaded[i] = levels_only ? assessment_load_levels(fw, files[i], &err)
				       : assessment_load(fw, files[i], &err);
		if (!loaded[i]) {
			cli_error("%s", err.message);
			ok = false;
		} else {
			cli_say_read_notes(loaded[i]);
		}
	}
	if (!ok) {
		cli_free_all(loaded, count);
		return NULL;
	}
	return loaded;
}

bool cli_pass_over_own(const char *path)
{
	const char *kind = outputs_file_kind(path);
	if (kind)
		cli_error("passed over %s: %s written by tri-assess, not an assessment", path,
			  kind);
	return kind != NULL;
}

/* Load the assessments among files (levels only), passing over the tables
 * tri-assess writes itself; any other failure is reported and fails the
 * whole run.  Fills loaded[] and labels[] (count entries each) and
 * returns how many loaded, or -1. */
static int load_many(const struct framework *fw, char **files, int count,
		     struct assessment **loaded, char **labels)
{
	int n = 0;
	bool ok = true;
	for (int i = 0; i < count; i++) {
		struct tri_error err;
		struct assessment *a = assessment_load_levels(fw, files[i], &err);
		if (a) {
			cli_say_read_notes(a);
			loaded[n] = a;
			labels[n++] = files[i];
		} else if (!cli_pass_over_own(files[i])) {
			cli_error("%s", err.message);
			ok = false;
		}
	}
	if (ok && n == 0)
		cli_error("no assessment among the %d file%s; expected at least one", count,
			  count == 1 ? "" : "s");
	if (!ok || n == 0) {
		for (int i = 0; i < n; i++)
			assessment_destroy(loaded[i]);
		return -1;
	}
	return n;
}

void cli_free_all(struct assessment **loaded, int count)
{
	for (int i = 0; loaded && i < count; i++)
		assessment_destroy(loaded[i]);
	free(loaded);
}

static int cmd_criteria(const struct framework *fw, const struct cli_options *opt)
{
	if (opt->csv) {
		cli_csv_begin(opt);
		/* criteria.csv's own shape: a column per level above none */
		const char *row[3 + LEVEL_MAX_COUNT] = { "criterion_id", "category", "section" };
		size_t n = 3;
		for (size_t l = 1; l < fw->level_count; l++)
			row[n++] = fw->levels[l].name;
		cli_csv_row(row, n, 0);
		for (size_t i = 0; i < fw->criterion_count; i++) {
			const struct framework_criterion *c = &fw->criteria[i];
			row[0] = c->id;
			row[1] = fw->categories[c->category].id;
			row[2] = c->section == FRAMEWORK_NO_SECTION ? "" : fw->sections[c->section].id;
			for (size_t l = 1; l < fw->level_count; l++)
				row[2 + l] = c->cell[l] ? c->cell[l] : "";
			cli_csv_row(row, n, 0); /* all from the framework's files */
		}
		return 0;
	}
	cli_print("%s, version %s: %zu categories, %zu criteria\n", fw->title, fw->version,
	          fw->category_count, fw->criterion_count);
	size_t last_section = FRAMEWORK_NO_SECTION;
	for (size_t i = 0; i < fw->criterion_count; i++) {
		const struct framework_criterion *c = &fw->criteria[i];
		const struct framework_category *cat = &fw->categories[c->category];
		if (i == cat->first_criterion) {
			cli_print("\nCategory %s: %s\n", cat->id, cat->title);
			char ranges[512];
			cli_print("  Score ranges: %s\n", words_ranges(fw, cat, ranges, sizeof ranges));
		}
		if (c->section != last_section && c->section != FRAMEWORK_NO_SECTION)
			cli_print("\n Section %s: %s\n", fw->sections[c->section].id,
			          fw->sections[c->section].title);
		last_section = c->section;
		cli_print("\n  %s\n", c->id);
		for (size_t l = 1; l < fw->level_count; l++) {
			if (!c->cell[l])
				continue;
			const struct framework_level *level = &fw->levels[l];
			cli_print("    %s (%d point%s):\n      ", level->title, level->points,
			          level->points == 1 ? "" : "s");
			print_wrapped(c->cell[l], 6, 79);
		}
	}
	return 0;
}

/* "developing only", "established/leading": the cells a row has.  Returns
 * how many. */
static size_t row_cells(const struct framework *fw, const struct framework_criterion *crit,
			char *out, size_t size)
{
	size_t used = 0, cells = 0;
	out[0] = '\0';
	for (size_t l = 1; l < fw->level_count && used < size; l++)
		if (crit->cell[l])
			used += (size_t)snprintf(out + used, size - used, "%s%s", cells++ ? "/" : "",
						 framework_level_name(fw, (enum level)l));
	if (cells == 1 && used < size)
		snprintf(out + used, size - used, " only");
	return cells;
}

/* The D1 caveat (docs/standard-notes.md): where two neighbouring rows read
 * as one would reproduce a category's published ranges, say so, say which
 * totals that reading would give another level, and whose question it is. */
static void warn_merges(const struct framework *fw, size_t c)
{
	struct score_merge merges[4];
	size_t count = score_find_merges(fw, c, merges, 4);
	const struct framework_category *cat = &fw->categories[c];
	const struct framework_range *pub = cat->published;
	for (size_t m = 0; m < count && m < 4; m++) {
		const struct framework_criterion *a = &fw->criteria[merges[m].first];
		const struct framework_criterion *b = a + 1;
		char cells_a[512], cells_b[512], tops[256] = "", totals[1024] = "";
		size_t in_a = row_cells(fw, a, cells_a, sizeof cells_a);
		size_t in_b = row_cells(fw, b, cells_b, sizeof cells_b);
		bool single = in_a == 1 && in_b == 1;
		size_t used = 0, listed = 0;
		for (size_t l = 1; l < fw->level_count && used < sizeof tops; l++)
			used += (size_t)snprintf(tops + used, sizeof tops - used, "%s%d",
						 l > 1 ? " / " : "", pub[l].to);
		/* where a level starts, the one-row reading is a level lower */
		used = 0;
		for (size_t l = 2; l < fw->level_count && used < sizeof totals; l++) {
			int from = pub[l].from, to = pub[l].from + merges[m].extra - 1;
			char span[32];
			snprintf(span, sizeof span, from == to ? "%d" : "%d-%d", from, to);
			used += (size_t)snprintf(totals + used, sizeof totals - used,
						 "%s%s (%s; %s as one row)", !listed ? ""
						 : l + 1 == fw->level_count ? " or " : ", ", span,
						 words_level(fw, (enum level)l),
						 words_level(fw, (enum level)(l - 1)));
			listed++;
		}
		cli_error("warning: category %s: read as one row, %s (%s) and "
			  "%s (%s) would give the published %s exactly; the source "
			  "prints two rows, and tri-assess scores two (a question for %s: see "
			  "docs/standard-notes.md, D1)", cat->id, a->id, cells_a, b->id, cells_b,
			  tops, *fw->publisher ? fw->publisher : "the Standard's publisher");
		cli_error("warning: category %s: as two rows, an assessment "
			  "answering both at a cell scores %s%d point%s more; %s%s", cat->id,
			  single ? "" : "up to ", merges[m].extra, merges[m].extra == 1 ? "" : "s",
			  listed ? "its level differs from the one-row reading only at a total of "
			  : "its level is the one-row reading's at every total", totals);
	}
}

/* "dev/est/max": each level's top below the highest (the first three
 * letters of its name), then the maximum; "10 / 18 / 22": a category's
 * tops, so. */
static void validate_tops(const struct framework *fw, const struct framework_range *ranges,
			  bool names, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t l = 1; l < fw->level_count && used < size; l++) {
		if (names && l + 1 < fw->level_count)
			used += (size_t)snprintf(out + used, size - used, "%s%.3s", l > 1 ? "/" : "",
						 fw->levels[l].name);
		else if (names)
			used += (size_t)snprintf(out + used, size - used, "%smax", l > 1 ? "/" : "");
		else
			used += (size_t)snprintf(out + used, size - used, "%s%d", l > 1 ? " / " : "",
						 ranges[l].to);
	}
}

/* validate --csv: published_NAME_max for each level below the highest,
 * published_max, the same derived_, and agrees. */
static void validate_csv_row(const struct framework *fw, const char *id,
			     const struct framework_range *pub, const struct framework_range *der,
			     const char *agrees)
{
	char names[2 * LEVEL_MAX_COUNT][FRAMEWORK_MAX_LEVEL_NAME + 24];
	const char *row[2 + 2 * LEVEL_MAX_COUNT];
	size_t n = 0;
	row[n++] = id;
	for (int side = 0; side < 2; side++) {
		const struct framework_range *r = side ? der : pub;
		for (size_t l = 1; l < fw->level_count; l++, n++) {
			char *field = names[n - 1];
			if (!id)
				snprintf(field, sizeof names[0], "%s_%s%s%s", side ? "derived" : "published",
					 l + 1 < fw->level_count ? fw->levels[l].name : "",
					 l + 1 < fw->level_count ? "_" : "", "max");
			else
				snprintf(field, sizeof names[0], "%d", r[l].to);
			row[n] = field;
		}
	}
	row[0] = id ? id : "category";
	row[n++] = agrees;
	/* the numbers are computed; "1" and "-1" alike stay numbers */
	cli_csv_row(row, n, id ? ~CSVIO_COMPUTED(0) : 0);
}

static int cmd_validate(const struct framework *fw, const struct cli_options *opt)
{
	struct score_disagreement found[64];
	size_t count = score_check_ranges(fw, found, 64);
	char tops[2][256];
	validate_tops(fw, NULL, true, tops[0], sizeof tops[0]);
	int width = (int)strlen(tops[0]) + (int)strlen("published ") + 3;
	width = width < 24 ? 24 : width;
	if (opt->csv) {
		cli_csv_begin(opt);
		validate_csv_row(fw, NULL, NULL, NULL, "agrees");
	} else {
		size_t parts = 0;
		for (size_t i = 0; i < fw->about_count; i++)
			parts += i == 0 || strcmp(fw->about[i].section, fw->about[i - 1].section) != 0;
		cli_print("%s, version %s: well-formed (%zu categories, %zu sections, %zu "
		          "criteria, %zu glossary terms, %zu footnotes, introduction in %zu "
		          "parts)\n\n", fw->title, fw->version, fw->category_count,
		          fw->section_count, fw->criterion_count, fw->term_count,
		          fw->footnote_count, parts);
		char head[2][300];
		snprintf(head[0], sizeof head[0], "published %s", tops[0]);
		snprintf(head[1], sizeof head[1], "derived %s", tops[0]);
		cli_print("%-9s %-*s %-*s %s\n", "category", width, head[0], width, head[1], "agrees");
	}
	for (size_t c = 0; c < fw->category_count; c++) {
		const struct framework_range *pub = fw->categories[c].published;
		struct framework_range der[LEVEL_MAX_COUNT];
		score_derived_ranges(fw, c, der);
		bool agrees = true;
		for (size_t i = 0; i < count && i < 64; i++)
			agrees &= found[i].category != c;
		if (opt->csv) {
			validate_csv_row(fw, fw->categories[c].id, pub, der, agrees ? "yes" : "no");
		} else {
			validate_tops(fw, pub, false, tops[0], sizeof tops[0]);
			validate_tops(fw, der, false, tops[1], sizeof tops[1]);
			cli_print("%-9s %-*s %-*s %s\n", fw->categories[c].id, width, tops[0], width,
			          tops[1], agrees ? "yes" : "NO");
		}
	}
	for (size_t i = 0; i < count && i < 64; i++) {
		cli_error("warning: category %s: %s", fw->categories[found[i].category].id,
			  found[i].message);
		if (i + 1 == count || i + 1 == 64 || found[i + 1].category != found[i].category)
			warn_merges(fw, found[i].category);
	}
	if (!opt->csv && count)
		cli_print("\n%zu disagreement%s between the published ranges and the tables "
		          "(see docs/standard-notes.md); scoring uses the published ranges.\n",
		          count, count == 1 ? "" : "s");
	return 0;
}

/* One assessment's scores for people: each category's score and its level
 * as far as it is assessed, Category 2's sections, the total points and
 * how much is answered (words.h). */
static void print_scores(const struct framework *fw, const struct assessment *a)
{
	char line[1024];
	for (size_t c = 0; c < fw->category_count; c++) {
		const struct framework_category *cat = &fw->categories[c];
		struct score_result r;
		score_category(fw, a->levels, c, &r);
		cli_print("%s\n", words_category(fw, c, &r, WORDS_LINE_TABLE, line, sizeof line));
		for (size_t s = 0; s < cat->section_count; s++) {
			struct score_result sr;
			size_t si = cat->first_section + s;
			score_section(fw, a->levels, si, &sr);
			cli_print("%s\n", words_section(fw, si, &sr, line, sizeof line));
		}
	}
	cli_print("%s\n", words_totals(fw, a->levels, WORDS_LINE_TABLE, line, sizeof line));
}

static int cmd_score(const struct framework *fw, const struct cli_options *opt,
		     char **files, int count)
{
	if (count == 0)
		return cli_usage_error("%s", "score: expected at least one FILE");
	/* Load everything first: a bad file means no partial report. */
	struct assessment **loaded = calloc((size_t)count, sizeof *loaded); // NOLINT(bugprone-sizeof-expression)
	char **labels = calloc((size_t)count, sizeof *labels);
	int rc = 0, n = -1;
	if (!loaded || !labels) {
		cli_error("out of memory");
		rc = EXIT_BAD_INPUT;
		goto done;
	}
	if ((n = load_many(fw, files, count, loaded, labels)) < 0) {
		rc = EXIT_BAD_INPUT;
		goto done;
	}
	if (opt->csv) {
		cli_csv_begin(opt);
		summary_write_header(stdout);
	}
	for (int i = 0; i < n; i++) {
		const struct assessment *a = loaded[i];
		if (opt->csv) {
			struct tri_error err;
			if (summary_write_rows(stdout, a, labels[i], &err) != 0) {
				cli_error("%s", err.message);
				rc = EXIT_BAD_INPUT;
				goto done;
			}
			continue;
		}
		cli_print("%s%s: %s%s%s%s%s\n", i ? "\n" : "", labels[i],
		          *a->organisation ? a->organisation : "(organisation not given)",
		          *a->type ? ", " : "", a->type, *a->date ? ", " : "", a->date);
		print_scores(fw, a);
	}
done:
	for (int i = 0; i < n; i++)
		assessment_destroy(loaded[i]);
	free(loaded);
	free(labels);
	return rc;
}

static int cmd_new(const struct framework *fw, const struct cli_options *opt,
		   char **files, int count)
{
	if (count != 1)
		return cli_usage_error("%s", "new: expected exactly one FILE");
	if (!opt->organisation || !*opt->organisation)
		return cli_usage_error("%s", "new: expected --organisation NAME");
	const char *type = opt->type ? opt->type : "self";
	if (!*type || !assessment_type_valid(type))
		return cli_usage_error("new: --type is '%s'; expected self or peer", type);
	char today[16];
	const char *date = opt->date;
	if (!date) {
		time_t now = time(NULL);
		struct tm tm;
		strftime(today, sizeof today, "%Y-%m-%d", localtime_r(&now, &tm));
		date = today;
	}
	if (!assessment_date_valid(date))
		return cli_usage_error("new: --date is '%s'; expected YYYY-MM-DD", date);
	struct tri_error err;
	struct assessment *a = assessment_create(fw);
	int rc = EXIT_BAD_INPUT;
	if (!a) {
		cli_error("out of memory");
		return rc;
	}
	a->bom = true; /* so that Excel reads its text as UTF-8 (docs/file-formats.md) */
	if (assessment_set_text(&a->organisation, opt->organisation, &err) != 0 ||
	    assessment_set_text(&a->type, type, &err) != 0 ||
	    assessment_set_text(&a->assessors, opt->assessors, &err) != 0 ||
	    assessment_set_text(&a->date, date, &err) != 0 ||
	    assessment_save(a, files[0], true, &err) != 0) {
		cli_error("%s", err.message);
	} else {
		cli_print("Created %s: a blank %s-assessment of %s against %s version %s "
		          "(%zu criteria).\nNext: tri-assess %s\n", files[0], type,
		          opt->organisation, fw->title, fw->version, fw->criterion_count, files[0]);
		rc = 0;
	}
	assessment_destroy(a);
	return rc;
}

int main(int argc, char **argv)
{
	enum { OPT_FRAMEWORK = 256, OPT_CSV, OPT_PLAIN, OPT_ORG, OPT_TYPE, OPT_ASSESSOR, OPT_DATE,
	       OPT_HIGHLIGHT, OPT_NAMED, OPT_COMPARE, OPT_WHO, OPT_BOM, OPT_FORCE, OPT_ALL_FILES,
	       OPT_INCLUDE_INCOMPLETE };
	static const struct option longopts[] = {
		{ "framework", required_argument, NULL, OPT_FRAMEWORK },
		{ "csv", no_argument, NULL, OPT_CSV },
		{ "plain", no_argument, NULL, OPT_PLAIN },
		{ "organisation", required_argument, NULL, OPT_ORG },
		{ "organization", required_argument, NULL, OPT_ORG },
		{ "type", required_argument, NULL, OPT_TYPE },
		{ "assessor", required_argument, NULL, OPT_ASSESSOR },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "highlight", required_argument, NULL, OPT_HIGHLIGHT },
		{ "named", no_argument, NULL, OPT_NAMED },
		{ "compare", required_argument, NULL, OPT_COMPARE },
		{ "who", required_argument, NULL, OPT_WHO },
		{ "bom", no_argument, NULL, OPT_BOM },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "all-files", no_argument, NULL, OPT_ALL_FILES },
		{ "include-incomplete", no_argument, NULL, OPT_INCLUDE_INCOMPLETE },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ 0 },
	};
	struct cli_options opt = {0};
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":hVo:", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_FRAMEWORK: opt.framework_dir = optarg; break;
		case OPT_CSV: opt.csv = true; break;
		case OPT_PLAIN: opt.plain = true; break;
		case OPT_ORG: opt.organisation = optarg; break;
		case OPT_TYPE: opt.type = optarg; break;
		case OPT_DATE: opt.date = optarg; break;
		case OPT_HIGHLIGHT: opt.highlight = optarg; break;
		case OPT_NAMED: opt.named = true; break;
		case OPT_COMPARE: opt.compare = optarg; break;
		case OPT_WHO: opt.who = optarg; break;
		case OPT_BOM: opt.bom = true; break;
		case OPT_FORCE: opt.force = true; break;
		case OPT_ALL_FILES: opt.all_files = true; break;
		case OPT_INCLUDE_INCOMPLETE: opt.include_incomplete = true; break;
		case 'o': opt.output = optarg; break;
		case OPT_ASSESSOR: {
			size_t used = strlen(opt.assessors);
			if (used + strlen(optarg) + 3 >= sizeof opt.assessors)
				return cli_usage_error("%s", "too many --assessor names");
			snprintf(opt.assessors + used, sizeof opt.assessors - used, "%s%s",
				 used ? "; " : "", optarg);
			break;
		}
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		case 'V':
			printf("tri-assess %s (built-in Standard: CELC Tackling Racial "
			       "Inequality Standard, Version 14)\n", TRI_VERSION);
			return 0;
		case ':':
			return cli_usage_error("option '%s' needs a value", argv[optind - 1]);
		default:
			return cli_usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	char **args = argv + optind;
	int nargs = argc - optind;
	const char *command = nargs > 0 ? args[0] : NULL;

	struct tri_error err;
	struct framework *fw = opt.framework_dir ? framework_load_dir(opt.framework_dir, &err)
						 : framework_load_embedded(&err);
	if (!fw) {
		cli_error("%s", err.message);
		return EXIT_BAD_INPUT;
	}
	int rc;
	if (command && strcmp(command, "criteria") == 0)
		rc = nargs == 1 ? cmd_criteria(fw, &opt) : cli_usage_error("%s", "criteria takes no FILE");
	else if (command && strcmp(command, "validate") == 0)
		rc = nargs == 1 ? cmd_validate(fw, &opt) : cli_usage_error("%s", "validate takes no FILE");
	else if (command && strcmp(command, "score") == 0)
		rc = cmd_score(fw, &opt, args + 1, nargs - 1);
	else if (command && strcmp(command, "new") == 0)
		rc = cmd_new(fw, &opt, args + 1, nargs - 1);
	else if (command && strcmp(command, "compare") == 0)
		rc = cmd_compare(fw, &opt, args + 1, nargs - 1);
	else if (command && strcmp(command, "plan") == 0)
		rc = cmd_plan(fw, &opt, args + 1, nargs - 1);
	else if (command && strcmp(command, "benchmark") == 0)
		rc = cmd_benchmark(fw, &opt, args + 1, nargs - 1);
	else if (command && strcmp(command, "report") == 0)
		rc = cmd_report(fw, &opt, args + 1, nargs - 1);
	else if (nargs > 1)
		rc = cli_usage_error("unknown command '%s'", command);
	else {
		struct wizard_options wopt = { .plain = opt.plain, .bom = opt.bom,
					       .compare = opt.compare, .who = opt.who };
		rc = wizard_main(fw, nargs ? args[0] : NULL, &wopt);
	}
	framework_destroy(fw);
	return rc;
}
