/* Time limits for unit tests that promise "within a second": measured on
 * the monotonic clock, and fifty times as long under valgrind (which
 * runs everything some 20-50 times slower).  Include once. */
#ifndef TIMING_H
#define TIMING_H

#include <time.h>

#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define TIMING_SLOWDOWN (RUNNING_ON_VALGRIND ? 50.0 : 1.0)
#else
#define TIMING_SLOWDOWN 1.0
#endif

static double seconds_since(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

#endif
