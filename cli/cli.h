/* cli: the command line.  main.c parses the options and runs one command
 * from the table of commands (cli_commands); each command (cmd_*.c) loads
 * what it needs through the helpers (common.c), builds its model in the
 * core and hands it to a format of render/.  Commands call only the
 * helpers, never main.c or each other. */
#ifndef CLI_H
#define CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "assessment.h"
#include "framework.h"
#include "render.h"

enum { CLI_EXIT_BAD_INPUT = 1, CLI_EXIT_USAGE = 2 };

/* At most this many entries in each table (an option is a bit of an
 * unsigned; the completion marks commands in an array). */
enum { CLI_MAX_OPTIONS = 32, CLI_MAX_COMMANDS = 64 };

/* The options, by bit: which apply to a command (struct cli_command).  The
 * last three act alone, whatever the command (cli_acting_alone). */
enum cli_option {
	CLI_OPT_FRAMEWORK = 1u << 0,
	CLI_OPT_CSV = 1u << 1,
	CLI_OPT_PLAIN = 1u << 2,
	CLI_OPT_ORGANISATION = 1u << 3,
	CLI_OPT_TYPE = 1u << 4,
	CLI_OPT_ASSESSOR = 1u << 5,
	CLI_OPT_DATE = 1u << 6,
	CLI_OPT_HIGHLIGHT = 1u << 7,
	CLI_OPT_NAMED = 1u << 8,
	CLI_OPT_COMPARE = 1u << 9,
	CLI_OPT_WHO = 1u << 10,
	CLI_OPT_BOM = 1u << 11,
	CLI_OPT_FORCE = 1u << 12,
	CLI_OPT_ALL_FILES = 1u << 13,
	CLI_OPT_INCLUDE_INCOMPLETE = 1u << 14,
	CLI_OPT_OUTPUT = 1u << 15,
	CLI_OPT_HELP = 1u << 28,
	CLI_OPT_VERSION = 1u << 29,
	CLI_OPT_BASH_COMPLETION = 1u << 30,
	CLI_OPT_MODERATE = 1u << 16,
	CLI_OPT_FOLLOW = 1u << 17,
	CLI_OPT_OVERDUE = 1u << 18,
	CLI_OPT_LEAD = 1u << 19,
	CLI_OPT_LAYOUT = 1u << 20,
};

/* The options every command takes, whatever its entry says. */
#define CLI_OPT_GENERAL (CLI_OPT_HELP | CLI_OPT_VERSION | CLI_OPT_BASH_COMPLETION)

struct cli_options {
	const char *framework_dir;
	const char *organisation;
	const char *type;
	const char *date;
	const char *highlight;
	const char *output;
	const char *compare;
	const char *who;
	const char *lead;   /* actions: only actions whose lead contains it */
	const char *layout; /* plan: another shape of output ("action-plan") */
	char assessors[1024];
	bool csv;
	bool plain;
	bool named;
	bool bom;
	bool force;    /* replace an existing output tri-assess did not write */
	bool all_files;          /* benchmark: every file, not one per organisation */
	bool include_incomplete; /* benchmark: count incomplete categories, marked */
	bool help, version, bash_completion;
	bool overdue;            /* actions: only open actions past their due date */
	bool moderate; /* a comparison is a moderation, whatever the files say */
	bool follow;   /* the wizard: follow a held file without asking */
	unsigned given;          /* the options given, by enum cli_option */
};

/* How the shell completes a word: an option's value or a command's
 * arguments (the bash completion, cli/completion.c). */
enum cli_complete {
	CLI_COMPLETE_NOTHING, /* free text, or no arguments: nothing offered */
	CLI_COMPLETE_CSV,     /* .csv files, and directories to reach them */
	CLI_COMPLETE_FILE,    /* any file name */
	CLI_COMPLETE_DIR,     /* directories */
	CLI_COMPLETE_WORDS,   /* the words of the option's value: "self|peer" */
	CLI_COMPLETE_COMMAND, /* a command's name (help COMMAND) */
};

/* One option of the table (cli_option_table in cli/main.c).  Adding an
 * option: a bit in enum cli_option, a field in struct cli_options, an
 * entry in the table (designated initialisers), the bit in the options of
 * the commands it applies to, and its lines in the man page (SYNOPSIS of
 * those commands, OPTIONS): tests/cli/man_page.sh fails until they agree.
 * Parsing, the help, the "does not apply" error and the completion follow
 * from the entry. */
struct cli_option_spec {
	unsigned bit;          /* enum cli_option */
	const char *name;      /* the long name, without "--": "output" */
	char letter;           /* the short name ('o'), or 0 */
	const char *alias;     /* another spelling of name ("organization"), or NULL */
	const char *value;     /* the value's name ("FILE", "self|peer"), NULL for a flag */
	bool repeats;          /* may be given more than once (each value kept) */
	enum cli_complete complete; /* how the shell completes the value */
	size_t field;          /* offsetof(struct cli_options, ...): a const char *
				  for a value, a bool for a flag */
	/* Takes a value instead of storing it at field (--assessor's list);
	 * returns 0, or an exit status having said why. */
	int (*take)(struct cli_options *opt, const char *value);
	const char *help;      /* for --help: lines, a newline between */
};

/* The table, in --help's order, ending with an entry whose name is NULL. */
extern const struct cli_option_spec cli_option_table[];

/* What an option means to one command, where that differs from the
 * table's help (--type for new and for benchmark). */
struct cli_option_note {
	unsigned bit;          /* enum cli_option; 0 ends a list */
	const char *help;      /* lines, a newline between */
};

/* What a command is given: the framework loaded (borrowed; NULL for a
 * command without CLI_OPT_FRAMEWORK), the options, and the arguments
 * after the command's name. */
struct cli_call {
	const struct framework *fw;
	const struct cli_options *opt;
	char **files;
	int count;
};

/* One command of the table.  Adding a command: an entry in cli_commands
 * (cli/main.c, with designated initialisers: .name, .usage, .summary,
 * .options, .run, .args, .example, .notes), its handler (cmd_*.c), and its
 * lines in the man page (SYNOPSIS, COMMANDS).  Its help, the global help's
 * list, the bash completion and the man page test follow from the entry:
 * tests/cli/man_page.sh fails until the man page agrees, tests/cli/help.sh
 * until it has an example. */
struct cli_command {
	const char *name;     /* "score"; NULL for the wizard (no command) */
	const char *usage;    /* only the arguments and required options, without
				 the name: "FILE...", "FILE --organisation NAME";
				 the help adds "[--csv]" for each other option
				 that applies */
	const char *summary;  /* one line, for --help's list of commands */
	unsigned options;     /* the options that apply (enum cli_option bits) */
	int (*run)(const struct cli_call *call); /* an exit status */
	enum cli_complete args; /* how the shell completes the arguments */
	const char *example;  /* lines of examples for its help, a newline between
				 (a line starting with a space continues one) */
	const struct cli_option_note *notes; /* what options mean here, or NULL */
};

/* The table, in --help's order, ending with an entry whose run is NULL;
 * the wizard's entry (name NULL) first. */
extern const struct cli_command cli_commands[];

/* The command called name, or NULL. */
const struct cli_command *cli_command_named(const char *name);

/* ---- Help, suggestions and completion (help.c, completion.c) ---- */

/* Print the global help (the wizard's usage and options, every command
 * with its summary) to standard output.  Returns what cli_written says. */
int cli_help_global(void);

/* Print command's help: its usage, summary, the options that apply (with
 * what they mean to it) and an example.  Returns what cli_written says. */
int cli_help_command(const struct cli_command *command);

/* "score" or "the wizard": how messages name command. */
const char *cli_command_label(const struct cli_command *command);

/* Report that word is not a command (nor, where files is true, an existing
 * file or a name ending in .csv), suggesting the nearest commands when any
 * is near; returns CLI_EXIT_USAGE. */
int cli_unknown_command(const char *word, bool files);

/* Report that arg ("--nmed", "--nmed=VALUE", "-x") is no option,
 * suggesting the nearest long option when one is near; returns
 * CLI_EXIT_USAGE. */
int cli_unknown_option(const char *arg);

/* Write the bash completion script, made from the tables of commands and
 * options, to standard output.  Returns what cli_written says. */
int cli_completion_bash(void);

/* ---- Helpers every command shares (common.c) ---- */

/* Human output on standard output: format, then give the whole result its
 * visible form (sanitize.h), then write it.  Every line for people that is
 * not a render/ output goes through cli_print or cli_error, so nothing
 * from a file, an argument or the environment reaches a terminal raw; the
 * formats themselves hold only printable text, newline and tab. */
void cli_print(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* "tri-assess: MESSAGE" and a newline on standard error, the same way. */
void cli_error(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* The command being run (NULL: none yet, or the wizard), for the hint
 * under a usage error. */
void cli_set_command(const struct cli_command *command);

/* Report a usage error on stderr (sanitised), with a hint at the help of
 * the command being run; returns CLI_EXIT_USAGE. */
int cli_usage_error(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* The format the options ask for (text, or CSV with --csv), and out set up
 * on standard output (with --bom, CSV begins with a byte-order mark). */
const struct render_format *cli_output(const struct cli_options *opt, struct render_out *out);

/* 0, or CLI_EXIT_BAD_INPUT having said that standard output could not be
 * written (a writer's result, rc). */
int cli_written(int rc);

/* Say on standard error what loading repaired or doubts, one line each:
 * "tri-assess: note: a.csv:71: criterion_id ..." (a repair) or
 * "tri-assess: warning: a.csv:5: field "points" ..." (a doubt). */
void cli_say_notes(const struct spreadsheet_notes *notes);

/* cli_say_notes of what loading a repaired or doubts. */
void cli_say_read_notes(const struct assessment *a);

/* Load every file, or report every failure and return NULL: no partial
 * report from a bad set.  Free with cli_free_all. */
struct assessment **cli_load_all(const struct framework *fw, char **files, int count,
				 bool levels_only);
void cli_free_all(struct assessment **loaded, int count);

/* Load the assessments among files (levels only), passing over the tables
 * tri-assess writes itself, with a note; any other failure is reported
 * and fails the whole run.  Fills loaded[] and labels[] (count entries
 * each) and returns how many loaded, or -1 (nothing left loaded). */
int cli_load_many(const struct framework *fw, char **files, int count,
		  struct assessment **loaded, const char **labels);

/* For commands over many files: if path, which did not load as an
 * assessment, is a table tri-assess itself writes (outputs.h), say on
 * standard error that it is passed over and return true. */
bool cli_pass_over_own(const char *path, const char *kind);

/* The actions of the assessment a loaded from path (its actions file,
 * and the action columns of a file from before actions files), what
 * loading repaired said on standard error; NULL having said why it
 * failed.  Free with actionlist_destroy. */
struct actionlist *cli_load_actions(struct assessment *a, const char *path);

/* ---- The commands (cmd_*.c) ---- */

int cmd_criteria(const struct cli_call *call);
int cmd_about(const struct cli_call *call);
int cmd_validate(const struct cli_call *call);
int cmd_score(const struct cli_call *call);
int cmd_new(const struct cli_call *call);
int cmd_compare(const struct cli_call *call);
int cmd_plan(const struct cli_call *call);
int cmd_actions(const struct cli_call *call);
int cmd_dashboard(const struct cli_call *call);
int cmd_progress(const struct cli_call *call);
int cmd_benchmark(const struct cli_call *call);
int cmd_report(const struct cli_call *call);
int cmd_wizard(const struct cli_call *call);
int cmd_help(const struct cli_call *call);

#endif
