/* test_util.h - what every cmocka unit test includes. */
#ifndef COSELLDESK_TEST_UTIL_H
#define COSELLDESK_TEST_UTIL_H
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#endif
