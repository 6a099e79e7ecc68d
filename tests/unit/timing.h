/* Time limits for unit tests that promise "within a second": processor
 * time (the machine may be loaded), five times as long under
 * AddressSanitizer and fifty times under valgrind (which runs everything
 * some 20-50 times slower).  Include once. */
#ifndef TIMING_H
#define TIMING_H

#include <time.h>

#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define TIMING_VALGRIND (RUNNING_ON_VALGRIND ? 50.0 : 1.0)
#else
#define TIMING_VALGRIND 1.0
#endif
#if defined(__SANITIZE_ADDRESS__)
#define TIMING_SLOWDOWN (5.0 * TIMING_VALGRIND)
#else
#define TIMING_SLOWDOWN TIMING_VALGRIND
#endif

/* Start with clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &start). */
static double seconds_since(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
	return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

#endif
