/**
 * The C library headers (glibc 2.36 on Debian 12 x86-64, plus gcc 12's own stddef/stdarg/stdbool/limits),
 * written for bpfplay. They declare what the real headers declare in the default (`_DEFAULT_SOURCE`)
 * mode and include what the real ones pull in transitively (stdlib.h brings sys/types.h, string.h
 * brings strings.h, inttypes.h brings stdint.h, ...), so a program that compiles against Debian's
 * headers compiles here and one that forgot an include fails the same way. The implementation
 * details (inline wrappers, fortify, __REDIRECT, locale tables) are left out. Types follow LP64:
 * long and pointers are 8 bytes, int64_t is `long`, and the PRI*64 macros are "l"-based as in glibc.
 */

export const libcHeaders: Record<string, string> = {
  'features.h': String.raw`#ifndef _FEATURES_H
#define _FEATURES_H 1
#ifdef _GNU_SOURCE
# define __USE_GNU 1
# undef _DEFAULT_SOURCE
# define _DEFAULT_SOURCE 1
#endif
#ifndef _DEFAULT_SOURCE
# define _DEFAULT_SOURCE 1
#endif
#define __USE_ISOC11 1
#define __USE_ISOC99 1
#define __USE_ISOC95 1
#define _POSIX_SOURCE 1
#define _POSIX_C_SOURCE 200809L
#define __USE_POSIX 1
#define __USE_POSIX2 1
#define __USE_POSIX199309 1
#define __USE_POSIX199506 1
#define __USE_XOPEN2K 1
#define __USE_XOPEN2K8 1
#define _ATFILE_SOURCE 1
#define __USE_ATFILE 1
#define __USE_MISC 1
#define __USE_POSIX_IMPLICITLY 1
#define __STDC_IEC_559__ 1
#define __STDC_ISO_10646__ 201706L
#define __GNU_LIBRARY__ 6
#define __GLIBC__ 2
#define __GLIBC_MINOR__ 36
#define __GLIBC_PREREQ(maj, min) ((__GLIBC__ << 16) + __GLIBC_MINOR__ >= ((maj) << 16) + (min))
#include <sys/cdefs.h>
#endif
`,
  'sys/cdefs.h': String.raw`#ifndef _SYS_CDEFS_H
#define _SYS_CDEFS_H 1
#ifndef _FEATURES_H
# include <features.h>
#endif
#define __LEAF
#define __LEAF_ATTR
#define __THROW
#define __THROWNL
#define __NTH(fct) fct
#define __NTHNL(fct) fct
#define __P(args) args
#define __PMT(args) args
#define __CONCAT(x,y) x ## y
#define __STRING(x) #x
#define __ptr_t void *
#define __BEGIN_DECLS
#define __END_DECLS
#define __bos(ptr) __builtin_object_size (ptr, 2 > 1)
#define __flexarr []
#define __glibc_c99_flexarr_available 1
#define __attribute_malloc__ __attribute__ ((__malloc__))
#define __attribute_alloc_size__(params)
#define __attribute_alloc_align__(param)
#define __attribute_pure__ __attribute__ ((__pure__))
#define __attribute_const__ __attribute__ ((__const__))
#define __attribute_maybe_unused__ __attribute__ ((__unused__))
#define __attribute_used__ __attribute__ ((__used__))
#define __attribute_noinline__ __attribute__ ((__noinline__))
#define __attribute_deprecated__ __attribute__ ((__deprecated__))
#define __attribute_deprecated_msg__(msg) __attribute__ ((__deprecated__ (msg)))
#define __attribute_format_arg__(x) __attribute__ ((__format_arg__ (x)))
#define __attribute_format_strfmon__(a,b)
#define __attribute_nonnull__(params)
#define __nonnull(params)
#define __returns_nonnull
#define __attribute_warn_unused_result__
#define __wur
#define __always_inline __inline __attribute__ ((__always_inline__))
#define __attribute_artificial__
#define __extern_inline extern __inline
#define __extern_always_inline extern __always_inline
#define __fortify_function __extern_always_inline
#define __restrict_arr
#define __glibc_unlikely(cond) __builtin_expect ((cond), 0)
#define __glibc_likely(cond) __builtin_expect ((cond), 1)
#define __glibc_has_attribute(attr) __has_attribute (attr)
#define __glibc_has_builtin(name) __has_builtin (name)
#define __attribute_copy__(arg)
#define __attr_access(x)
#define __attr_access_none(argno)
#define __attr_dealloc(dealloc, argno)
#define __attr_dealloc_free
#define __fortified_attr_access(a, o, s)
#define __attribute_returns_twice__ __attribute__ ((__returns_twice__))
#define __WORDSIZE 64
#define __WORDSIZE_TIME64_COMPAT32 1
#define __SYSCALL_WORDSIZE 64
#define __TIMESIZE 64
#define __LDOUBLE_REDIRECTS_TO_FLOAT128_ABI 0
#endif
`,
  'bits/types.h': String.raw`#ifndef _BITS_TYPES_H
#define _BITS_TYPES_H 1
#include <features.h>
typedef unsigned char __u_char;
typedef unsigned short int __u_short;
typedef unsigned int __u_int;
typedef unsigned long int __u_long;
typedef signed char __int8_t;
typedef unsigned char __uint8_t;
typedef signed short int __int16_t;
typedef unsigned short int __uint16_t;
typedef signed int __int32_t;
typedef unsigned int __uint32_t;
typedef signed long int __int64_t;
typedef unsigned long int __uint64_t;
typedef __int8_t __int_least8_t;
typedef __uint8_t __uint_least8_t;
typedef __int16_t __int_least16_t;
typedef __uint16_t __uint_least16_t;
typedef __int32_t __int_least32_t;
typedef __uint32_t __uint_least32_t;
typedef __int64_t __int_least64_t;
typedef __uint64_t __uint_least64_t;
typedef long int __quad_t;
typedef unsigned long int __u_quad_t;
typedef long int __intmax_t;
typedef unsigned long int __uintmax_t;
typedef unsigned long int __dev_t;
typedef unsigned int __uid_t;
typedef unsigned int __gid_t;
typedef unsigned long int __ino_t;
typedef unsigned long int __ino64_t;
typedef unsigned int __mode_t;
typedef unsigned long int __nlink_t;
typedef long int __off_t;
typedef long int __off64_t;
typedef int __pid_t;
typedef struct { int __val[2]; } __fsid_t;
typedef long int __clock_t;
typedef unsigned long int __rlim_t;
typedef unsigned long int __rlim64_t;
typedef unsigned int __id_t;
typedef long int __time_t;
typedef unsigned int __useconds_t;
typedef long int __suseconds_t;
typedef long int __suseconds64_t;
typedef int __daddr_t;
typedef int __key_t;
typedef int __clockid_t;
typedef void * __timer_t;
typedef long int __blksize_t;
typedef long int __blkcnt_t;
typedef long int __blkcnt64_t;
typedef unsigned long int __fsblkcnt_t;
typedef unsigned long int __fsfilcnt_t;
typedef long int __fsword_t;
typedef long int __ssize_t;
typedef long int __syscall_slong_t;
typedef unsigned long int __syscall_ulong_t;
typedef __off64_t __loff_t;
typedef char *__caddr_t;
typedef long int __intptr_t;
typedef unsigned int __socklen_t;
typedef int __sig_atomic_t;
typedef struct { unsigned long int __val[1024 / (8 * sizeof (unsigned long int))]; } __sigset_t;
typedef struct {
  int __count;
  union { unsigned int __wch; char __wchb[4]; } __value;
} __mbstate_t;
#endif
`,
  'stddef.h': String.raw`#if !defined(__need_size_t) && !defined(__need_NULL) && !defined(__need_wchar_t) && !defined(__need_ptrdiff_t)
#define _STDDEF_H
#define __STDDEF_WANT_ALL
#endif
#if defined(__STDDEF_WANT_ALL) || defined(__need_ptrdiff_t)
#ifndef _PTRDIFF_T
#define _PTRDIFF_T
typedef __PTRDIFF_TYPE__ ptrdiff_t;
#endif
#endif
#if defined(__STDDEF_WANT_ALL) || defined(__need_size_t)
#ifndef _SIZE_T
#define _SIZE_T
#define __size_t__
#define __SIZE_T
typedef __SIZE_TYPE__ size_t;
#endif
#endif
#if defined(__STDDEF_WANT_ALL) || defined(__need_wchar_t)
#ifndef _WCHAR_T
#define _WCHAR_T
#define __WCHAR_T
typedef __WCHAR_TYPE__ wchar_t;
#endif
#endif
#if defined(__STDDEF_WANT_ALL) || defined(__need_NULL)
#undef NULL
#define NULL ((void *)0)
#endif
#ifdef __STDDEF_WANT_ALL
#ifndef __max_align_t_defined
#define __max_align_t_defined
typedef struct {
  long long __max_align_ll __attribute__((__aligned__(8)));
  long double __max_align_ld __attribute__((__aligned__(16)));
} max_align_t;
#endif
#undef offsetof
#define offsetof(TYPE, MEMBER) __builtin_offsetof (TYPE, MEMBER)
#endif
#undef __STDDEF_WANT_ALL
#undef __need_ptrdiff_t
#undef __need_size_t
#undef __need_wchar_t
#undef __need_NULL
`,
  'stdarg.h': String.raw`#ifndef __GNUC_VA_LIST
#define __GNUC_VA_LIST
typedef __builtin_va_list __gnuc_va_list;
#endif
#ifndef __need___va_list
#ifndef _STDARG_H
#define _STDARG_H
#define _ANSI_STDARG_H_
#define va_start(v, l) __builtin_va_start(v, l)
#define va_end(v) __builtin_va_end(v)
#define va_arg(v, l) __builtin_va_arg(v, l)
#define va_copy(d, s) __builtin_va_copy(d, s)
#define __va_copy(d, s) __builtin_va_copy(d, s)
#ifndef __va_list_defined
#define __va_list_defined
#define _VA_LIST_DEFINED
typedef __gnuc_va_list va_list;
#endif
#endif
#endif
#undef __need___va_list
`,
  'stdbool.h': String.raw`#ifndef _STDBOOL_H
#define _STDBOOL_H
#define bool _Bool
#define true 1
#define false 0
#define __bool_true_false_are_defined 1
#endif
`,
  'stdint.h': String.raw`#ifndef _STDINT_H
#define _STDINT_H 1
#include <features.h>
#include <bits/types.h>
#ifndef __int8_t_defined
#define __int8_t_defined
typedef __int8_t int8_t;
typedef __int16_t int16_t;
typedef __int32_t int32_t;
typedef __int64_t int64_t;
#endif
#ifndef __uint8_t_defined
#define __uint8_t_defined
typedef __uint8_t uint8_t;
typedef __uint16_t uint16_t;
typedef __uint32_t uint32_t;
typedef __uint64_t uint64_t;
#endif
typedef __int_least8_t int_least8_t;
typedef __int_least16_t int_least16_t;
typedef __int_least32_t int_least32_t;
typedef __int_least64_t int_least64_t;
typedef __uint_least8_t uint_least8_t;
typedef __uint_least16_t uint_least16_t;
typedef __uint_least32_t uint_least32_t;
typedef __uint_least64_t uint_least64_t;
typedef signed char int_fast8_t;
typedef long int int_fast16_t;
typedef long int int_fast32_t;
typedef long int int_fast64_t;
typedef unsigned char uint_fast8_t;
typedef unsigned long int uint_fast16_t;
typedef unsigned long int uint_fast32_t;
typedef unsigned long int uint_fast64_t;
#ifndef __intptr_t_defined
typedef long int intptr_t;
# define __intptr_t_defined
#endif
typedef unsigned long int uintptr_t;
typedef __intmax_t intmax_t;
typedef __uintmax_t uintmax_t;
# define __INT64_C(c) c ## L
# define __UINT64_C(c) c ## UL
# define INT8_MIN (-128)
# define INT16_MIN (-32767-1)
# define INT32_MIN (-2147483647-1)
# define INT64_MIN (-__INT64_C(9223372036854775807)-1)
# define INT8_MAX (127)
# define INT16_MAX (32767)
# define INT32_MAX (2147483647)
# define INT64_MAX (__INT64_C(9223372036854775807))
# define UINT8_MAX (255)
# define UINT16_MAX (65535)
# define UINT32_MAX (4294967295U)
# define UINT64_MAX (__UINT64_C(18446744073709551615))
# define INT_LEAST8_MIN (-128)
# define INT_LEAST16_MIN (-32767-1)
# define INT_LEAST32_MIN (-2147483647-1)
# define INT_LEAST64_MIN (-__INT64_C(9223372036854775807)-1)
# define INT_LEAST8_MAX (127)
# define INT_LEAST16_MAX (32767)
# define INT_LEAST32_MAX (2147483647)
# define INT_LEAST64_MAX (__INT64_C(9223372036854775807))
# define UINT_LEAST8_MAX (255)
# define UINT_LEAST16_MAX (65535)
# define UINT_LEAST32_MAX (4294967295U)
# define UINT_LEAST64_MAX (__UINT64_C(18446744073709551615))
# define INT_FAST8_MIN (-128)
# define INT_FAST16_MIN (-9223372036854775807L-1)
# define INT_FAST32_MIN (-9223372036854775807L-1)
# define INT_FAST64_MIN (-__INT64_C(9223372036854775807)-1)
# define INT_FAST8_MAX (127)
# define INT_FAST16_MAX (9223372036854775807L)
# define INT_FAST32_MAX (9223372036854775807L)
# define INT_FAST64_MAX (__INT64_C(9223372036854775807))
# define UINT_FAST8_MAX (255)
# define UINT_FAST16_MAX (18446744073709551615UL)
# define UINT_FAST32_MAX (18446744073709551615UL)
# define UINT_FAST64_MAX (__UINT64_C(18446744073709551615))
# define INTPTR_MIN (-9223372036854775807L-1)
# define INTPTR_MAX (9223372036854775807L)
# define UINTPTR_MAX (18446744073709551615UL)
# define INTMAX_MIN (-__INT64_C(9223372036854775807)-1)
# define INTMAX_MAX (__INT64_C(9223372036854775807))
# define UINTMAX_MAX (__UINT64_C(18446744073709551615))
# define PTRDIFF_MIN (-9223372036854775807L-1)
# define PTRDIFF_MAX (9223372036854775807L)
# define SIG_ATOMIC_MIN (-2147483647-1)
# define SIG_ATOMIC_MAX (2147483647)
# define SIZE_MAX (18446744073709551615UL)
# define WCHAR_MIN (-2147483647-1)
# define WCHAR_MAX (2147483647)
# define WINT_MIN (0u)
# define WINT_MAX (4294967295u)
# define INT8_C(c) c
# define INT16_C(c) c
# define INT32_C(c) c
# define INT64_C(c) c ## L
# define UINT8_C(c) c
# define UINT16_C(c) c
# define UINT32_C(c) c ## U
# define UINT64_C(c) c ## UL
# define INTMAX_C(c) c ## L
# define UINTMAX_C(c) c ## UL
#endif
`,
  'inttypes.h': String.raw`#ifndef _INTTYPES_H
#define _INTTYPES_H 1
#include <features.h>
#include <stdint.h>
#ifndef ____gwchar_t_defined
typedef int __gwchar_t;
# define ____gwchar_t_defined 1
#endif
# define __PRI64_PREFIX "l"
# define __PRIPTR_PREFIX "l"
# define PRId8 "d"
# define PRId16 "d"
# define PRId32 "d"
# define PRId64 __PRI64_PREFIX "d"
# define PRIdLEAST8 "d"
# define PRIdLEAST16 "d"
# define PRIdLEAST32 "d"
# define PRIdLEAST64 __PRI64_PREFIX "d"
# define PRIdFAST8 "d"
# define PRIdFAST16 __PRIPTR_PREFIX "d"
# define PRIdFAST32 __PRIPTR_PREFIX "d"
# define PRIdFAST64 __PRI64_PREFIX "d"
# define PRIi8 "i"
# define PRIi16 "i"
# define PRIi32 "i"
# define PRIi64 __PRI64_PREFIX "i"
# define PRIo8 "o"
# define PRIo16 "o"
# define PRIo32 "o"
# define PRIo64 __PRI64_PREFIX "o"
# define PRIu8 "u"
# define PRIu16 "u"
# define PRIu32 "u"
# define PRIu64 __PRI64_PREFIX "u"
# define PRIuLEAST8 "u"
# define PRIuLEAST16 "u"
# define PRIuLEAST32 "u"
# define PRIuLEAST64 __PRI64_PREFIX "u"
# define PRIuFAST8 "u"
# define PRIuFAST16 __PRIPTR_PREFIX "u"
# define PRIuFAST32 __PRIPTR_PREFIX "u"
# define PRIuFAST64 __PRI64_PREFIX "u"
# define PRIx8 "x"
# define PRIx16 "x"
# define PRIx32 "x"
# define PRIx64 __PRI64_PREFIX "x"
# define PRIX8 "X"
# define PRIX16 "X"
# define PRIX32 "X"
# define PRIX64 __PRI64_PREFIX "X"
# define PRIdMAX __PRI64_PREFIX "d"
# define PRIiMAX __PRI64_PREFIX "i"
# define PRIoMAX __PRI64_PREFIX "o"
# define PRIuMAX __PRI64_PREFIX "u"
# define PRIxMAX __PRI64_PREFIX "x"
# define PRIXMAX __PRI64_PREFIX "X"
# define PRIdPTR __PRIPTR_PREFIX "d"
# define PRIiPTR __PRIPTR_PREFIX "i"
# define PRIoPTR __PRIPTR_PREFIX "o"
# define PRIuPTR __PRIPTR_PREFIX "u"
# define PRIxPTR __PRIPTR_PREFIX "x"
# define PRIXPTR __PRIPTR_PREFIX "X"
# define SCNd8 "hhd"
# define SCNd16 "hd"
# define SCNd32 "d"
# define SCNd64 __PRI64_PREFIX "d"
# define SCNi8 "hhi"
# define SCNi16 "hi"
# define SCNi32 "i"
# define SCNi64 __PRI64_PREFIX "i"
# define SCNu8 "hhu"
# define SCNu16 "hu"
# define SCNu32 "u"
# define SCNu64 __PRI64_PREFIX "u"
# define SCNx8 "hhx"
# define SCNx16 "hx"
# define SCNx32 "x"
# define SCNx64 __PRI64_PREFIX "x"
# define SCNdMAX __PRI64_PREFIX "d"
# define SCNuMAX __PRI64_PREFIX "u"
# define SCNxMAX __PRI64_PREFIX "x"
typedef struct { long int quot; long int rem; } imaxdiv_t;
extern intmax_t imaxabs (intmax_t __n);
extern imaxdiv_t imaxdiv (intmax_t __numer, intmax_t __denom);
extern intmax_t strtoimax (const char *__restrict __nptr, char **__restrict __endptr, int __base);
extern uintmax_t strtoumax (const char *__restrict __nptr, char ** __restrict __endptr, int __base);
#endif
`,
  'limits.h': String.raw`#ifndef _LIBC_LIMITS_H_
#define _LIBC_LIMITS_H_ 1
#include <features.h>
#define MB_LEN_MAX 16
#define CHAR_BIT 8
#define SCHAR_MIN (-128)
#define SCHAR_MAX 127
#define UCHAR_MAX 255
#define CHAR_MIN SCHAR_MIN
#define CHAR_MAX SCHAR_MAX
#define SHRT_MIN (-32768)
#define SHRT_MAX 32767
#define USHRT_MAX 65535
#define INT_MIN (-INT_MAX - 1)
#define INT_MAX 2147483647
#define UINT_MAX 4294967295U
#define LONG_MAX 9223372036854775807L
#define LONG_MIN (-LONG_MAX - 1L)
#define ULONG_MAX 18446744073709551615UL
#define LLONG_MAX 9223372036854775807LL
#define LLONG_MIN (-LLONG_MAX - 1LL)
#define ULLONG_MAX 18446744073709551615ULL
#define CHAR_WIDTH 8
#define SCHAR_WIDTH 8
#define UCHAR_WIDTH 8
#define SHRT_WIDTH 16
#define USHRT_WIDTH 16
#define INT_WIDTH 32
#define UINT_WIDTH 32
#define LONG_WIDTH 64
#define ULONG_WIDTH 64
#define LLONG_WIDTH 64
#define ULLONG_WIDTH 64
#define SSIZE_MAX LONG_MAX
#define _POSIX_ARG_MAX 4096
#define _POSIX_OPEN_MAX 20
#define _POSIX_PATH_MAX 256
#define _POSIX_PIPE_BUF 512
#define _POSIX_NAME_MAX 14
#define _POSIX_SSIZE_MAX 32767
#include <linux/limits.h>
#define HOST_NAME_MAX 64
#define LOGIN_NAME_MAX 256
#define PTHREAD_KEYS_MAX 1024
#define PTHREAD_STACK_MIN 16384
#define RTSIG_MAX 32
#define _POSIX2_LINE_MAX 2048
#define LINE_MAX _POSIX2_LINE_MAX
#define BC_BASE_MAX 99
#define BC_DIM_MAX 2048
#define BC_SCALE_MAX 99
#define BC_STRING_MAX 1000
#define COLL_WEIGHTS_MAX 255
#define EXPR_NEST_MAX 32
#define CHARCLASS_NAME_MAX 2048
#define RE_DUP_MAX (0x7fff)
#endif
`,
  'stdio.h': String.raw`#ifndef _STDIO_H
#define _STDIO_H 1
#include <features.h>
#define __need_size_t
#define __need_NULL
#include <stddef.h>
#define __need___va_list
#include <stdarg.h>
#include <bits/types.h>
typedef struct _G_fpos_t { __off_t __pos; __mbstate_t __state; } __fpos_t;
typedef struct _G_fpos64_t { __off64_t __pos; __mbstate_t __state; } __fpos64_t;
struct _IO_FILE;
typedef struct _IO_FILE __FILE;
typedef struct _IO_FILE FILE;
#ifndef __va_list_defined
typedef __gnuc_va_list va_list;
# define __va_list_defined
#endif
#ifndef __off_t_defined
typedef __off_t off_t;
# define __off_t_defined
#endif
#ifndef __ssize_t_defined
typedef __ssize_t ssize_t;
# define __ssize_t_defined
#endif
typedef __fpos_t fpos_t;
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2
#define BUFSIZ 8192
#define EOF (-1)
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define P_tmpdir "/tmp"
#define L_tmpnam 20
#define TMP_MAX 238328
#define FILENAME_MAX 4096
#define L_ctermid 9
#define FOPEN_MAX 16
extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
#define stdin stdin
#define stdout stdout
#define stderr stderr
extern int remove (const char *__filename);
extern int rename (const char *__old, const char *__new);
extern FILE *tmpfile (void);
extern char *tmpnam (char *__s);
extern int fclose (FILE *__stream);
extern int fflush (FILE *__stream);
extern FILE *fopen (const char *__restrict __filename, const char *__restrict __modes);
extern FILE *freopen (const char *__restrict __filename, const char *__restrict __modes, FILE *__restrict __stream);
extern FILE *fdopen (int __fd, const char *__modes);
extern FILE *fmemopen (void *__s, size_t __len, const char *__modes);
extern FILE *open_memstream (char **__bufloc, size_t *__sizeloc);
extern void setbuf (FILE *__restrict __stream, char *__restrict __buf);
extern int setvbuf (FILE *__restrict __stream, char *__restrict __buf, int __modes, size_t __n);
extern void setbuffer (FILE *__restrict __stream, char *__restrict __buf, size_t __size);
extern void setlinebuf (FILE *__stream);
extern int fprintf (FILE *__restrict __stream, const char *__restrict __format, ...);
extern int printf (const char *__restrict __format, ...);
extern int sprintf (char *__restrict __s, const char *__restrict __format, ...);
extern int vfprintf (FILE *__restrict __s, const char *__restrict __format, __gnuc_va_list __arg);
extern int vprintf (const char *__restrict __format, __gnuc_va_list __arg);
extern int vsprintf (char *__restrict __s, const char *__restrict __format, __gnuc_va_list __arg);
extern int snprintf (char *__restrict __s, size_t __maxlen, const char *__restrict __format, ...);
extern int vsnprintf (char *__restrict __s, size_t __maxlen, const char *__restrict __format, __gnuc_va_list __arg);
#ifdef __USE_GNU
extern int vasprintf (char **__restrict __ptr, const char *__restrict __f, __gnuc_va_list __arg);
extern int asprintf (char **__restrict __ptr, const char *__restrict __fmt, ...);
#endif
extern int vdprintf (int __fd, const char *__restrict __fmt, __gnuc_va_list __arg);
extern int dprintf (int __fd, const char *__restrict __fmt, ...);
extern int fscanf (FILE *__restrict __stream, const char *__restrict __format, ...);
extern int scanf (const char *__restrict __format, ...);
extern int sscanf (const char *__restrict __s, const char *__restrict __format, ...);
extern int vfscanf (FILE *__restrict __s, const char *__restrict __format, __gnuc_va_list __arg);
extern int vscanf (const char *__restrict __format, __gnuc_va_list __arg);
extern int vsscanf (const char *__restrict __s, const char *__restrict __format, __gnuc_va_list __arg);
extern int fgetc (FILE *__stream);
extern int getc (FILE *__stream);
extern int getchar (void);
extern int getc_unlocked (FILE *__stream);
extern int getchar_unlocked (void);
extern int fputc (int __c, FILE *__stream);
extern int putc (int __c, FILE *__stream);
extern int putchar (int __c);
extern int putc_unlocked (int __c, FILE *__stream);
extern int putchar_unlocked (int __c);
extern char *fgets (char *__restrict __s, int __n, FILE *__restrict __stream);
extern __ssize_t getdelim (char **__restrict __lineptr, size_t *__restrict __n, int __delimiter, FILE *__restrict __stream);
extern __ssize_t getline (char **__restrict __lineptr, size_t *__restrict __n, FILE *__restrict __stream);
extern int fputs (const char *__restrict __s, FILE *__restrict __stream);
extern int puts (const char *__s);
extern int ungetc (int __c, FILE *__stream);
extern size_t fread (void *__restrict __ptr, size_t __size, size_t __n, FILE *__restrict __stream);
extern size_t fwrite (const void *__restrict __ptr, size_t __size, size_t __n, FILE *__restrict __s);
extern int fseek (FILE *__stream, long int __off, int __whence);
extern long int ftell (FILE *__stream);
extern void rewind (FILE *__stream);
extern int fseeko (FILE *__stream, __off_t __off, int __whence);
extern __off_t ftello (FILE *__stream);
extern int fgetpos (FILE *__restrict __stream, fpos_t *__restrict __pos);
extern int fsetpos (FILE *__stream, const fpos_t *__pos);
extern void clearerr (FILE *__stream);
extern int feof (FILE *__stream);
extern int ferror (FILE *__stream);
extern void perror (const char *__s);
extern int fileno (FILE *__stream);
extern FILE *popen (const char *__command, const char *__modes);
extern int pclose (FILE *__stream);
extern char *ctermid (char *__s);
extern void flockfile (FILE *__stream);
extern int ftrylockfile (FILE *__stream);
extern void funlockfile (FILE *__stream);
#endif
`,
  'stdlib.h': String.raw`#ifndef _STDLIB_H
#define _STDLIB_H 1
#include <features.h>
#define __need_size_t
#define __need_wchar_t
#define __need_NULL
#include <stddef.h>
#define WNOHANG 1
#define WUNTRACED 2
#define WEXITSTATUS(status) (((status) & 0xff00) >> 8)
#define WTERMSIG(status) ((status) & 0x7f)
#define WSTOPSIG(status) WEXITSTATUS(status)
#define WIFEXITED(status) (WTERMSIG(status) == 0)
#define WIFSIGNALED(status) (((signed char) (((status) & 0x7f) + 1) >> 1) > 0)
#define WIFSTOPPED(status) (((status) & 0xff) == 0x7f)
typedef struct { int quot; int rem; } div_t;
typedef struct { long int quot; long int rem; } ldiv_t;
__extension__ typedef struct { long long int quot; long long int rem; } lldiv_t;
#define RAND_MAX 2147483647
#define EXIT_FAILURE 1
#define EXIT_SUCCESS 0
#define MB_CUR_MAX (__ctype_get_mb_cur_max ())
extern size_t __ctype_get_mb_cur_max (void);
extern double atof (const char *__nptr);
extern int atoi (const char *__nptr);
extern long int atol (const char *__nptr);
__extension__ extern long long int atoll (const char *__nptr);
extern double strtod (const char *__restrict __nptr, char **__restrict __endptr);
extern float strtof (const char *__restrict __nptr, char **__restrict __endptr);
extern long double strtold (const char *__restrict __nptr, char **__restrict __endptr);
extern long int strtol (const char *__restrict __nptr, char **__restrict __endptr, int __base);
extern unsigned long int strtoul (const char *__restrict __nptr, char **__restrict __endptr, int __base);
__extension__ extern long long int strtoq (const char *__restrict __nptr, char **__restrict __endptr, int __base);
__extension__ extern unsigned long long int strtouq (const char *__restrict __nptr, char **__restrict __endptr, int __base);
__extension__ extern long long int strtoll (const char *__restrict __nptr, char **__restrict __endptr, int __base);
__extension__ extern unsigned long long int strtoull (const char *__restrict __nptr, char **__restrict __endptr, int __base);
extern char *l64a (long int __n);
extern long int a64l (const char *__s);
#include <sys/types.h>
extern long int random (void);
extern void srandom (unsigned int __seed);
extern char *initstate (unsigned int __seed, char *__statebuf, size_t __statelen);
extern char *setstate (char *__statebuf);
extern int rand (void);
extern void srand (unsigned int __seed);
extern int rand_r (unsigned int *__seed);
extern double drand48 (void);
extern double erand48 (unsigned short int __xsubi[3]);
extern long int lrand48 (void);
extern long int nrand48 (unsigned short int __xsubi[3]);
extern long int mrand48 (void);
extern long int jrand48 (unsigned short int __xsubi[3]);
extern void srand48 (long int __seedval);
extern void *malloc (size_t __size);
extern void *calloc (size_t __nmemb, size_t __size);
extern void *realloc (void *__ptr, size_t __size);
extern void free (void *__ptr);
extern void *reallocarray (void *__ptr, size_t __nmemb, size_t __size);
#include <alloca.h>
extern void *valloc (size_t __size);
extern int posix_memalign (void **__memptr, size_t __alignment, size_t __size);
extern void *aligned_alloc (size_t __alignment, size_t __size);
extern void abort (void) __attribute__ ((__noreturn__));
extern int atexit (void (*__func) (void));
extern int at_quick_exit (void (*__func) (void));
extern int on_exit (void (*__func) (int __status, void *__arg), void *__arg);
extern void exit (int __status) __attribute__ ((__noreturn__));
extern void quick_exit (int __status) __attribute__ ((__noreturn__));
extern void _Exit (int __status) __attribute__ ((__noreturn__));
extern char *getenv (const char *__name);
extern int putenv (char *__string);
extern int setenv (const char *__name, const char *__value, int __replace);
extern int unsetenv (const char *__name);
extern int clearenv (void);
extern char *mktemp (char *__template);
extern int mkstemp (char *__template);
extern int mkstemps (char *__template, int __suffixlen);
extern char *mkdtemp (char *__template);
extern int system (const char *__command);
extern char *realpath (const char *__restrict __name, char *__restrict __resolved);
typedef int (*__compar_fn_t) (const void *, const void *);
extern void *bsearch (const void *__key, const void *__base, size_t __nmemb, size_t __size, __compar_fn_t __compar);
extern void qsort (void *__base, size_t __nmemb, size_t __size, __compar_fn_t __compar);
extern int abs (int __x) __attribute__ ((__const__));
extern long int labs (long int __x) __attribute__ ((__const__));
__extension__ extern long long int llabs (long long int __x) __attribute__ ((__const__));
extern div_t div (int __numer, int __denom) __attribute__ ((__const__));
extern ldiv_t ldiv (long int __numer, long int __denom) __attribute__ ((__const__));
__extension__ extern lldiv_t lldiv (long long int __numer, long long int __denom) __attribute__ ((__const__));
extern int mblen (const char *__s, size_t __n);
extern int mbtowc (wchar_t *__restrict __pwc, const char *__restrict __s, size_t __n);
extern int wctomb (char *__s, wchar_t __wchar);
extern size_t mbstowcs (wchar_t *__restrict __pwcs, const char *__restrict __s, size_t __n);
extern size_t wcstombs (char *__restrict __s, const wchar_t *__restrict __pwcs, size_t __n);
extern int getsubopt (char **__restrict __optionp, char *const *__restrict __tokens, char **__restrict __valuep);
extern int getloadavg (double __loadavg[], int __nelem);
#endif
`,
  'alloca.h': String.raw`#ifndef _ALLOCA_H
#define _ALLOCA_H 1
#include <features.h>
#define __need_size_t
#include <stddef.h>
extern void *alloca (size_t __size);
#endif
`,
  'string.h': String.raw`#ifndef _STRING_H
#define _STRING_H 1
#include <features.h>
#define __need_size_t
#define __need_NULL
#include <stddef.h>
extern void *memcpy (void *__restrict __dest, const void *__restrict __src, size_t __n);
extern void *memmove (void *__dest, const void *__src, size_t __n);
extern void *memccpy (void *__restrict __dest, const void *__restrict __src, int __c, size_t __n);
extern void *memset (void *__s, int __c, size_t __n);
extern int memcmp (const void *__s1, const void *__s2, size_t __n);
extern void *memchr (const void *__s, int __c, size_t __n);
#ifdef __USE_GNU
extern void *rawmemchr (const void *__s, int __c);
extern void *memrchr (const void *__s, int __c, size_t __n);
extern void *mempcpy (void *__restrict __dest, const void *__restrict __src, size_t __n);
#endif
extern char *strcpy (char *__restrict __dest, const char *__restrict __src);
extern char *strncpy (char *__restrict __dest, const char *__restrict __src, size_t __n);
extern char *strcat (char *__restrict __dest, const char *__restrict __src);
extern char *strncat (char *__restrict __dest, const char *__restrict __src, size_t __n);
extern int strcmp (const char *__s1, const char *__s2);
extern int strncmp (const char *__s1, const char *__s2, size_t __n);
extern int strcoll (const char *__s1, const char *__s2);
extern size_t strxfrm (char *__restrict __dest, const char *__restrict __src, size_t __n);
extern char *strdup (const char *__s);
extern char *strndup (const char *__string, size_t __n);
extern char *strchr (const char *__s, int __c);
extern char *strrchr (const char *__s, int __c);
#ifdef __USE_GNU
extern char *strchrnul (const char *__s, int __c);
extern char *strcasestr (const char *__haystack, const char *__needle);
extern const char *strerrorname_np (int __errnum);
extern const char *strerrordesc_np (int __errnum);
#endif
extern size_t strcspn (const char *__s, const char *__reject);
extern size_t strspn (const char *__s, const char *__accept);
extern char *strpbrk (const char *__s, const char *__accept);
extern char *strstr (const char *__haystack, const char *__needle);
extern char *strtok (char *__restrict __s, const char *__restrict __delim);
extern char *__strtok_r (char *__restrict __s, const char *__restrict __delim, char **__restrict __save_ptr);
extern char *strtok_r (char *__restrict __s, const char *__restrict __delim, char **__restrict __save_ptr);
extern size_t strlen (const char *__s);
extern size_t strnlen (const char *__string, size_t __maxlen);
extern char *strerror (int __errnum);
#ifdef __USE_GNU
extern char *strerror_r (int __errnum, char *__buf, size_t __buflen);
#else
extern int strerror_r (int __errnum, char *__buf, size_t __buflen);
#endif
#include <strings.h>
extern void explicit_bzero (void *__s, size_t __n);
extern char *strsep (char **__restrict __stringp, const char *__restrict __delim);
extern char *strsignal (int __sig);
extern char *__stpcpy (char *__restrict __dest, const char *__restrict __src);
extern char *stpcpy (char *__restrict __dest, const char *__restrict __src);
extern char *__stpncpy (char *__restrict __dest, const char *__restrict __src, size_t __n);
extern char *stpncpy (char *__restrict __dest, const char *__restrict __src, size_t __n);
#endif
`,
  'strings.h': String.raw`#ifndef _STRINGS_H
#define _STRINGS_H 1
#include <features.h>
#define __need_size_t
#include <stddef.h>
extern int bcmp (const void *__s1, const void *__s2, size_t __n);
extern void bcopy (const void *__src, void *__dest, size_t __n);
extern void bzero (void *__s, size_t __n);
extern char *index (const char *__s, int __c);
extern char *rindex (const char *__s, int __c);
extern int ffs (int __i) __attribute__ ((__const__));
extern int ffsl (long int __l) __attribute__ ((__const__));
__extension__ extern int ffsll (long long int __ll) __attribute__ ((__const__));
extern int strcasecmp (const char *__s1, const char *__s2);
extern int strncasecmp (const char *__s1, const char *__s2, size_t __n);
#endif
`,
  'errno.h': String.raw`#ifndef _ERRNO_H
#define _ERRNO_H 1
#include <features.h>
#include <bits/errno.h>
extern int *__errno_location (void) __attribute__ ((__const__));
# define errno (*__errno_location ())
#ifdef __USE_GNU
extern char *program_invocation_name;
extern char *program_invocation_short_name;
#ifndef __error_t_defined
# define __error_t_defined 1
typedef int error_t;
#endif
#endif
#endif
`,
  'bits/errno.h': String.raw`#ifndef _BITS_ERRNO_H
#define _BITS_ERRNO_H 1
#include <linux/errno.h>
# define ENOTSUP EOPNOTSUPP
#endif
`,
  'unistd.h': String.raw`#ifndef _UNISTD_H
#define _UNISTD_H 1
#include <features.h>
#define _POSIX_VERSION 200809L
#define _POSIX2_VERSION 200809L
#define _XOPEN_VERSION 700
#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2
#include <bits/types.h>
#ifndef __ssize_t_defined
typedef __ssize_t ssize_t;
# define __ssize_t_defined
#endif
#define __need_size_t
#define __need_NULL
#include <stddef.h>
#ifndef __gid_t_defined
typedef __gid_t gid_t;
# define __gid_t_defined
#endif
#ifndef __uid_t_defined
typedef __uid_t uid_t;
# define __uid_t_defined
#endif
#ifndef __off_t_defined
typedef __off_t off_t;
# define __off_t_defined
#endif
#ifndef __useconds_t_defined
typedef __useconds_t useconds_t;
# define __useconds_t_defined
#endif
#ifndef __pid_t_defined
typedef __pid_t pid_t;
# define __pid_t_defined
#endif
#ifndef __intptr_t_defined
typedef __intptr_t intptr_t;
# define __intptr_t_defined
#endif
#ifndef __socklen_t_defined
typedef __socklen_t socklen_t;
# define __socklen_t_defined
#endif
#define R_OK 4
#define W_OK 2
#define X_OK 1
#define F_OK 0
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define L_SET SEEK_SET
#define L_INCR SEEK_CUR
#define L_XTND SEEK_END
extern int access (const char *__name, int __type);
extern int faccessat (int __fd, const char *__file, int __type, int __flag);
extern __off_t lseek (int __fd, __off_t __offset, int __whence);
extern int close (int __fd);
extern ssize_t read (int __fd, void *__buf, size_t __nbytes);
extern ssize_t write (int __fd, const void *__buf, size_t __n);
extern ssize_t pread (int __fd, void *__buf, size_t __nbytes, __off_t __offset);
extern ssize_t pwrite (int __fd, const void *__buf, size_t __n, __off_t __offset);
extern int pipe (int __pipedes[2]);
extern unsigned int alarm (unsigned int __seconds);
extern unsigned int sleep (unsigned int __seconds);
extern __useconds_t ualarm (__useconds_t __value, __useconds_t __interval);
extern int usleep (__useconds_t __useconds);
extern int pause (void);
extern int chown (const char *__file, __uid_t __owner, __gid_t __group);
extern int fchown (int __fd, __uid_t __owner, __gid_t __group);
extern int chdir (const char *__path);
extern int fchdir (int __fd);
extern char *getcwd (char *__buf, size_t __size);
extern int dup (int __fd);
extern int dup2 (int __fd, int __fd2);
extern char **__environ;
extern int execve (const char *__path, char *const __argv[], char *const __envp[]);
extern int execv (const char *__path, char *const __argv[]);
extern int execle (const char *__path, const char *__arg, ...);
extern int execl (const char *__path, const char *__arg, ...);
extern int execvp (const char *__file, char *const __argv[]);
extern int execlp (const char *__file, const char *__arg, ...);
extern int nice (int __inc);
extern void _exit (int __status) __attribute__ ((__noreturn__));
#include <bits/confname.h>
extern long int pathconf (const char *__path, int __name);
extern long int fpathconf (int __fd, int __name);
extern long int sysconf (int __name);
extern size_t confstr (int __name, char *__buf, size_t __len);
extern __pid_t getpid (void);
extern __pid_t getppid (void);
extern __pid_t getpgrp (void);
extern __pid_t getpgid (__pid_t __pid);
extern int setpgid (__pid_t __pid, __pid_t __pgid);
extern __pid_t setsid (void);
extern __pid_t getsid (__pid_t __pid);
extern __uid_t getuid (void);
extern __uid_t geteuid (void);
extern __gid_t getgid (void);
extern __gid_t getegid (void);
extern int getgroups (int __size, __gid_t __list[]);
extern int setuid (__uid_t __uid);
extern int setgid (__gid_t __gid);
extern __pid_t fork (void);
extern __pid_t vfork (void);
extern char *ttyname (int __fd);
extern int isatty (int __fd);
extern int link (const char *__from, const char *__to);
extern int symlink (const char *__from, const char *__to);
extern ssize_t readlink (const char *__restrict __path, char *__restrict __buf, size_t __len);
extern int unlink (const char *__name);
extern int unlinkat (int __fd, const char *__name, int __flag);
extern int rmdir (const char *__path);
extern char *getlogin (void);
#include <bits/getopt_posix.h>
extern int gethostname (char *__name, size_t __len);
extern int sethostname (const char *__name, size_t __len);
extern int daemon (int __nochdir, int __noclose);
extern int chroot (const char *__path);
extern int fsync (int __fd);
extern void sync (void);
extern int getpagesize (void) __attribute__ ((__const__));
extern int getdtablesize (void);
extern int truncate (const char *__file, __off_t __length);
extern int ftruncate (int __fd, __off_t __length);
extern int brk (void *__addr);
extern void *sbrk (intptr_t __delta);
extern long int syscall (long int __sysno, ...);
extern int lockf (int __fd, int __cmd, __off_t __len);
extern int fdatasync (int __fildes);
extern char *crypt (const char *__key, const char *__salt);
extern int getentropy (void *__buffer, size_t __length);
#ifdef __USE_GNU
extern int pipe2 (int __pipedes[2], int __flags);
extern int dup3 (int __fd, int __fd2, int __flags);
extern __pid_t gettid (void);
#endif
#endif
`,
  'bits/getopt_posix.h': String.raw`#ifndef _GETOPT_POSIX_H
#define _GETOPT_POSIX_H 1
#include <bits/getopt_core.h>
#endif
`,
  'bits/getopt_core.h': String.raw`#ifndef _GETOPT_CORE_H
#define _GETOPT_CORE_H 1
extern char *optarg;
extern int optind;
extern int opterr;
extern int optopt;
extern int getopt (int ___argc, char *const *___argv, const char *__shortopts);
#endif
`,
  'getopt.h': String.raw`#ifndef _GETOPT_H
#define _GETOPT_H 1
#include <features.h>
#include <bits/getopt_core.h>
struct option
{
  const char *name;
  int has_arg;
  int *flag;
  int val;
};
#define no_argument 0
#define required_argument 1
#define optional_argument 2
extern int getopt_long (int ___argc, char *const *___argv, const char *__shortopts, const struct option *__longopts, int *__longind);
extern int getopt_long_only (int ___argc, char *const *___argv, const char *__shortopts, const struct option *__longopts, int *__longind);
#endif
`,
  'bits/confname.h': String.raw`#ifndef _BITS_CONFNAME_H
#define _BITS_CONFNAME_H 1
enum
  {
    _PC_LINK_MAX,
    _PC_MAX_CANON,
    _PC_MAX_INPUT,
    _PC_NAME_MAX,
    _PC_PATH_MAX,
    _PC_PIPE_BUF,
    _PC_CHOWN_RESTRICTED,
    _PC_NO_TRUNC,
    _PC_VDISABLE
  };
#define _PC_LINK_MAX _PC_LINK_MAX
#define _PC_MAX_CANON _PC_MAX_CANON
#define _PC_MAX_INPUT _PC_MAX_INPUT
#define _PC_NAME_MAX _PC_NAME_MAX
#define _PC_PATH_MAX _PC_PATH_MAX
#define _PC_PIPE_BUF _PC_PIPE_BUF
enum
  {
    _SC_ARG_MAX = 0,
    _SC_CHILD_MAX = 1,
    _SC_CLK_TCK = 2,
    _SC_NGROUPS_MAX = 3,
    _SC_OPEN_MAX = 4,
    _SC_STREAM_MAX = 5,
    _SC_TZNAME_MAX = 6,
    _SC_JOB_CONTROL = 7,
    _SC_SAVED_IDS = 8,
    _SC_REALTIME_SIGNALS = 9,
    _SC_PAGESIZE = 30,
    _SC_LINE_MAX = 43,
    _SC_IOV_MAX = 60,
    _SC_GETPW_R_SIZE_MAX = 70,
    _SC_LOGIN_NAME_MAX = 71,
    _SC_NPROCESSORS_CONF = 83,
    _SC_NPROCESSORS_ONLN = 84,
    _SC_PHYS_PAGES = 85,
    _SC_AVPHYS_PAGES = 86,
    _SC_HOST_NAME_MAX = 180
  };
#define _SC_ARG_MAX _SC_ARG_MAX
#define _SC_CHILD_MAX _SC_CHILD_MAX
#define _SC_CLK_TCK _SC_CLK_TCK
#define _SC_NGROUPS_MAX _SC_NGROUPS_MAX
#define _SC_OPEN_MAX _SC_OPEN_MAX
#define _SC_STREAM_MAX _SC_STREAM_MAX
#define _SC_TZNAME_MAX _SC_TZNAME_MAX
#define _SC_JOB_CONTROL _SC_JOB_CONTROL
#define _SC_SAVED_IDS _SC_SAVED_IDS
#define _SC_REALTIME_SIGNALS _SC_REALTIME_SIGNALS
#define _SC_PAGESIZE _SC_PAGESIZE
#define _SC_PAGE_SIZE _SC_PAGESIZE
#define _SC_LINE_MAX _SC_LINE_MAX
#define _SC_IOV_MAX _SC_IOV_MAX
#define _SC_GETPW_R_SIZE_MAX _SC_GETPW_R_SIZE_MAX
#define _SC_LOGIN_NAME_MAX _SC_LOGIN_NAME_MAX
#define _SC_NPROCESSORS_CONF _SC_NPROCESSORS_CONF
#define _SC_NPROCESSORS_ONLN _SC_NPROCESSORS_ONLN
#define _SC_PHYS_PAGES _SC_PHYS_PAGES
#define _SC_AVPHYS_PAGES _SC_AVPHYS_PAGES
#define _SC_HOST_NAME_MAX _SC_HOST_NAME_MAX
#endif
`,
  'ctype.h': String.raw`#ifndef _CTYPE_H
#define _CTYPE_H 1
#include <features.h>
#include <bits/types.h>
extern int isalnum (int);
extern int isalpha (int);
extern int iscntrl (int);
extern int isdigit (int);
extern int islower (int);
extern int isgraph (int);
extern int isprint (int);
extern int ispunct (int);
extern int isspace (int);
extern int isupper (int);
extern int isxdigit (int);
extern int tolower (int __c);
extern int toupper (int __c);
extern int isblank (int);
extern int isascii (int __c);
extern int toascii (int __c);
extern int _toupper (int);
extern int _tolower (int);
#endif
`,
  'assert.h': String.raw`#ifdef _ASSERT_H
# undef _ASSERT_H
# undef assert
#endif
#define _ASSERT_H 1
#include <features.h>
#ifdef NDEBUG
# define assert(expr) ((void) (0))
#else
extern void __assert_fail (const char *__assertion, const char *__file, unsigned int __line, const char *__function) __attribute__ ((__noreturn__));
extern void __assert_perror_fail (int __errnum, const char *__file, unsigned int __line, const char *__function) __attribute__ ((__noreturn__));
extern void __assert (const char *__assertion, const char *__file, int __line) __attribute__ ((__noreturn__));
# define assert(expr) ((expr) ? (void) (0) : __assert_fail (#expr, __FILE__, __LINE__, __func__))
#endif
#undef static_assert
#define static_assert _Static_assert
`,
  'time.h': String.raw`#ifndef _TIME_H
#define _TIME_H 1
#include <features.h>
#define __need_size_t
#define __need_NULL
#include <stddef.h>
#include <bits/types.h>
#include <bits/time.h>
#ifndef __clock_t_defined
#define __clock_t_defined 1
typedef __clock_t clock_t;
#endif
#ifndef __time_t_defined
#define __time_t_defined 1
typedef __time_t time_t;
#endif
struct tm
{
  int tm_sec;
  int tm_min;
  int tm_hour;
  int tm_mday;
  int tm_mon;
  int tm_year;
  int tm_wday;
  int tm_yday;
  int tm_isdst;
  long int tm_gmtoff;
  const char *tm_zone;
};
#include <bits/types/struct_timespec.h>
#ifndef __clockid_t_defined
#define __clockid_t_defined 1
typedef __clockid_t clockid_t;
#endif
#ifndef __timer_t_defined
#define __timer_t_defined 1
typedef __timer_t timer_t;
#endif
struct itimerspec
{
  struct timespec it_interval;
  struct timespec it_value;
};
struct sigevent;
#ifndef __pid_t_defined
typedef __pid_t pid_t;
# define __pid_t_defined
#endif
#define TIME_UTC 1
extern clock_t clock (void);
extern time_t time (time_t *__timer);
extern double difftime (time_t __time1, time_t __time0) __attribute__ ((__const__));
extern time_t mktime (struct tm *__tp);
extern size_t strftime (char *__restrict __s, size_t __maxsize, const char *__restrict __format, const struct tm *__restrict __tp);
extern char *strptime (const char *__restrict __s, const char *__restrict __fmt, struct tm *__tp);
extern struct tm *gmtime (const time_t *__timer);
extern struct tm *localtime (const time_t *__timer);
extern struct tm *gmtime_r (const time_t *__restrict __timer, struct tm *__restrict __tp);
extern struct tm *localtime_r (const time_t *__restrict __timer, struct tm *__restrict __tp);
extern char *asctime (const struct tm *__tp);
extern char *ctime (const time_t *__timer);
extern char *asctime_r (const struct tm *__restrict __tp, char *__restrict __buf);
extern char *ctime_r (const time_t *__restrict __timer, char *__restrict __buf);
extern char *tzname[2];
extern void tzset (void);
extern int daylight;
extern long int timezone;
extern time_t timegm (struct tm *__tp);
extern time_t timelocal (struct tm *__tp);
extern int dysize (int __year) __attribute__ ((__const__));
extern int nanosleep (const struct timespec *__requested_time, struct timespec *__remaining);
extern int clock_getres (clockid_t __clock_id, struct timespec *__res);
extern int clock_gettime (clockid_t __clock_id, struct timespec *__tp);
extern int clock_settime (clockid_t __clock_id, const struct timespec *__tp);
extern int clock_nanosleep (clockid_t __clock_id, int __flags, const struct timespec *__req, struct timespec *__rem);
extern int clock_getcpuclockid (pid_t __pid, clockid_t *__clock_id);
extern int timer_create (clockid_t __clock_id, struct sigevent *__restrict __evp, timer_t *__restrict __timerid);
extern int timer_delete (timer_t __timerid);
extern int timer_settime (timer_t __timerid, int __flags, const struct itimerspec *__restrict __value, struct itimerspec *__restrict __ovalue);
extern int timer_gettime (timer_t __timerid, struct itimerspec *__value);
extern int timer_getoverrun (timer_t __timerid);
extern int timespec_get (struct timespec *__ts, int __base);
#endif
`,
  'bits/time.h': String.raw`#ifndef _BITS_TIME_H
#define _BITS_TIME_H 1
#include <bits/types.h>
#define CLOCKS_PER_SEC ((__clock_t) 1000000)
# define CLOCK_REALTIME 0
# define CLOCK_MONOTONIC 1
# define CLOCK_PROCESS_CPUTIME_ID 2
# define CLOCK_THREAD_CPUTIME_ID 3
# define CLOCK_MONOTONIC_RAW 4
# define CLOCK_REALTIME_COARSE 5
# define CLOCK_MONOTONIC_COARSE 6
# define CLOCK_BOOTTIME 7
# define CLOCK_REALTIME_ALARM 8
# define CLOCK_BOOTTIME_ALARM 9
# define CLOCK_TAI 11
# define TIMER_ABSTIME 1
#endif
`,
  'bits/types/struct_timespec.h': String.raw`#ifndef _STRUCT_TIMESPEC
#define _STRUCT_TIMESPEC 1
#include <bits/types.h>
struct timespec
{
  __time_t tv_sec;
  __syscall_slong_t tv_nsec;
};
#endif
`,
  'bits/types/struct_timeval.h': String.raw`#ifndef __timeval_defined
#define __timeval_defined 1
#include <bits/types.h>
struct timeval
{
  __time_t tv_sec;
  __suseconds_t tv_usec;
};
#endif
`,
  'sys/types.h': String.raw`#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H 1
#include <features.h>
#include <bits/types.h>
typedef __u_char u_char;
typedef __u_short u_short;
typedef __u_int u_int;
typedef __u_long u_long;
typedef __quad_t quad_t;
typedef __u_quad_t u_quad_t;
typedef __fsid_t fsid_t;
typedef __loff_t loff_t;
typedef __ino_t ino_t;
typedef __dev_t dev_t;
#ifndef __gid_t_defined
typedef __gid_t gid_t;
# define __gid_t_defined
#endif
typedef __mode_t mode_t;
typedef __nlink_t nlink_t;
#ifndef __uid_t_defined
typedef __uid_t uid_t;
# define __uid_t_defined
#endif
#ifndef __off_t_defined
typedef __off_t off_t;
# define __off_t_defined
#endif
#ifndef __pid_t_defined
typedef __pid_t pid_t;
# define __pid_t_defined
#endif
typedef __id_t id_t;
#ifndef __ssize_t_defined
typedef __ssize_t ssize_t;
# define __ssize_t_defined
#endif
typedef __daddr_t daddr_t;
typedef __caddr_t caddr_t;
typedef __key_t key_t;
#ifndef __clock_t_defined
#define __clock_t_defined 1
typedef __clock_t clock_t;
#endif
#ifndef __clockid_t_defined
#define __clockid_t_defined 1
typedef __clockid_t clockid_t;
#endif
#ifndef __time_t_defined
#define __time_t_defined 1
typedef __time_t time_t;
#endif
#ifndef __timer_t_defined
#define __timer_t_defined 1
typedef __timer_t timer_t;
#endif
#ifndef __useconds_t_defined
typedef __useconds_t useconds_t;
# define __useconds_t_defined
#endif
#ifndef __suseconds_t_defined
typedef __suseconds_t suseconds_t;
# define __suseconds_t_defined
#endif
#define __need_size_t
#include <stddef.h>
typedef unsigned long int ulong;
typedef unsigned short int ushort;
typedef unsigned int uint;
#ifndef __int8_t_defined
#define __int8_t_defined
typedef __int8_t int8_t;
typedef __int16_t int16_t;
typedef __int32_t int32_t;
typedef __int64_t int64_t;
#endif
typedef __uint8_t u_int8_t;
typedef __uint16_t u_int16_t;
typedef __uint32_t u_int32_t;
typedef __uint64_t u_int64_t;
typedef long int register_t;
#include <endian.h>
#include <sys/select.h>
typedef __blksize_t blksize_t;
typedef __blkcnt_t blkcnt_t;
typedef __fsblkcnt_t fsblkcnt_t;
typedef __fsfilcnt_t fsfilcnt_t;
typedef unsigned long int pthread_t;
#endif
`,
  'endian.h': String.raw`#ifndef _ENDIAN_H
#define _ENDIAN_H 1
#include <features.h>
#define __LITTLE_ENDIAN 1234
#define __BIG_ENDIAN 4321
#define __PDP_ENDIAN 3412
#define __BYTE_ORDER __LITTLE_ENDIAN
#define __FLOAT_WORD_ORDER __BYTE_ORDER
# define LITTLE_ENDIAN __LITTLE_ENDIAN
# define BIG_ENDIAN __BIG_ENDIAN
# define PDP_ENDIAN __PDP_ENDIAN
# define BYTE_ORDER __BYTE_ORDER
#include <bits/types.h>
#define __bswap_constant_16(x) ((__uint16_t) ((((x) >> 8) & 0xff) | (((x) & 0xff) << 8)))
#define __bswap_16(x) ((__uint16_t) __builtin_bswap16 (x))
#define __bswap_32(x) ((__uint32_t) __builtin_bswap32 (x))
#define __bswap_64(x) ((__uint64_t) __builtin_bswap64 (x))
#define __uint16_identity(x) ((__uint16_t) (x))
#define __uint32_identity(x) ((__uint32_t) (x))
#define __uint64_identity(x) ((__uint64_t) (x))
# define htobe16(x) __bswap_16 (x)
# define htole16(x) __uint16_identity (x)
# define be16toh(x) __bswap_16 (x)
# define le16toh(x) __uint16_identity (x)
# define htobe32(x) __bswap_32 (x)
# define htole32(x) __uint32_identity (x)
# define be32toh(x) __bswap_32 (x)
# define le32toh(x) __uint32_identity (x)
# define htobe64(x) __bswap_64 (x)
# define htole64(x) __uint64_identity (x)
# define be64toh(x) __bswap_64 (x)
# define le64toh(x) __uint64_identity (x)
#endif
`,
  'byteswap.h': String.raw`#ifndef _BYTESWAP_H
#define _BYTESWAP_H 1
#include <features.h>
#include <endian.h>
#define bswap_16(x) __bswap_16 (x)
#define bswap_32(x) __bswap_32 (x)
#define bswap_64(x) __bswap_64 (x)
#endif
`,
  'sys/select.h': String.raw`#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H 1
#include <features.h>
#include <bits/types.h>
typedef __sigset_t sigset_t;
#include <bits/types/struct_timeval.h>
#include <bits/types/struct_timespec.h>
#ifndef __suseconds_t_defined
typedef __suseconds_t suseconds_t;
# define __suseconds_t_defined
#endif
typedef long int __fd_mask;
#define __NFDBITS (8 * (int) sizeof (__fd_mask))
#define __FD_ELT(d) ((d) / __NFDBITS)
#define __FD_MASK(d) ((__fd_mask) (1UL << ((d) % __NFDBITS)))
typedef struct
  {
    __fd_mask __fds_bits[1024 / __NFDBITS];
  } fd_set;
#define FD_SETSIZE 1024
typedef __fd_mask fd_mask;
# define NFDBITS __NFDBITS
#define FD_SET(fd, fdsetp) ((void) ((fdsetp)->__fds_bits[__FD_ELT (fd)] |= __FD_MASK (fd)))
#define FD_CLR(fd, fdsetp) ((void) ((fdsetp)->__fds_bits[__FD_ELT (fd)] &= ~__FD_MASK (fd)))
#define FD_ISSET(fd, fdsetp) (((fdsetp)->__fds_bits[__FD_ELT (fd)] & __FD_MASK (fd)) != 0)
#define FD_ZERO(fdsetp) ((void) __builtin_memset ((fdsetp), 0, sizeof (fd_set)))
extern int select (int __nfds, fd_set *__restrict __readfds, fd_set *__restrict __writefds, fd_set *__restrict __exceptfds, struct timeval *__restrict __timeout);
extern int pselect (int __nfds, fd_set *__restrict __readfds, fd_set *__restrict __writefds, fd_set *__restrict __exceptfds, const struct timespec *__restrict __timeout, const __sigset_t *__restrict __sigmask);
#endif
`,
  'sys/time.h': String.raw`#ifndef _SYS_TIME_H
#define _SYS_TIME_H 1
#include <features.h>
#include <bits/types.h>
#ifndef __time_t_defined
#define __time_t_defined 1
typedef __time_t time_t;
#endif
#include <bits/types/struct_timeval.h>
#ifndef __suseconds_t_defined
typedef __suseconds_t suseconds_t;
# define __suseconds_t_defined
#endif
#include <sys/select.h>
struct timezone
  {
    int tz_minuteswest;
    int tz_dsttime;
  };
extern int gettimeofday (struct timeval *__restrict __tv, void *__restrict __tz);
extern int settimeofday (const struct timeval *__tv, const struct timezone *__tz);
extern int adjtime (const struct timeval *__delta, struct timeval *__olddelta);
enum __itimer_which
  {
    ITIMER_REAL = 0,
#define ITIMER_REAL ITIMER_REAL
    ITIMER_VIRTUAL = 1,
#define ITIMER_VIRTUAL ITIMER_VIRTUAL
    ITIMER_PROF = 2
#define ITIMER_PROF ITIMER_PROF
  };
struct itimerval
  {
    struct timeval it_interval;
    struct timeval it_value;
  };
typedef int __itimer_which_t;
extern int getitimer (__itimer_which_t __which, struct itimerval *__value);
extern int setitimer (__itimer_which_t __which, const struct itimerval *__restrict __new, struct itimerval *__restrict __old);
extern int utimes (const char *__file, const struct timeval __tvp[2]);
# define timerisset(tvp) ((tvp)->tv_sec || (tvp)->tv_usec)
# define timerclear(tvp) ((tvp)->tv_sec = (tvp)->tv_usec = 0)
# define timercmp(a, b, CMP) (((a)->tv_sec == (b)->tv_sec) ? ((a)->tv_usec CMP (b)->tv_usec) : ((a)->tv_sec CMP (b)->tv_sec))
# define timeradd(a, b, result) \
  do { \
    (result)->tv_sec = (a)->tv_sec + (b)->tv_sec; \
    (result)->tv_usec = (a)->tv_usec + (b)->tv_usec; \
    if ((result)->tv_usec >= 1000000) \
      { \
        ++(result)->tv_sec; \
        (result)->tv_usec -= 1000000; \
      } \
  } while (0)
# define timersub(a, b, result) \
  do { \
    (result)->tv_sec = (a)->tv_sec - (b)->tv_sec; \
    (result)->tv_usec = (a)->tv_usec - (b)->tv_usec; \
    if ((result)->tv_usec < 0) { \
      --(result)->tv_sec; \
      (result)->tv_usec += 1000000; \
    } \
  } while (0)
#endif
`,
  'sys/resource.h': String.raw`#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H 1
#include <features.h>
#include <bits/types.h>
enum __rlimit_resource
{
  RLIMIT_CPU = 0,
#define RLIMIT_CPU RLIMIT_CPU
  RLIMIT_FSIZE = 1,
#define RLIMIT_FSIZE RLIMIT_FSIZE
  RLIMIT_DATA = 2,
#define RLIMIT_DATA RLIMIT_DATA
  RLIMIT_STACK = 3,
#define RLIMIT_STACK RLIMIT_STACK
  RLIMIT_CORE = 4,
#define RLIMIT_CORE RLIMIT_CORE
  __RLIMIT_RSS = 5,
#define RLIMIT_RSS __RLIMIT_RSS
  RLIMIT_NOFILE = 7,
  __RLIMIT_OFILE = RLIMIT_NOFILE,
#define RLIMIT_NOFILE RLIMIT_NOFILE
#define RLIMIT_OFILE __RLIMIT_OFILE
  RLIMIT_AS = 9,
#define RLIMIT_AS RLIMIT_AS
  __RLIMIT_NPROC = 6,
#define RLIMIT_NPROC __RLIMIT_NPROC
  __RLIMIT_MEMLOCK = 8,
#define RLIMIT_MEMLOCK __RLIMIT_MEMLOCK
  __RLIMIT_LOCKS = 10,
#define RLIMIT_LOCKS __RLIMIT_LOCKS
  __RLIMIT_SIGPENDING = 11,
#define RLIMIT_SIGPENDING __RLIMIT_SIGPENDING
  __RLIMIT_MSGQUEUE = 12,
#define RLIMIT_MSGQUEUE __RLIMIT_MSGQUEUE
  __RLIMIT_NICE = 13,
#define RLIMIT_NICE __RLIMIT_NICE
  __RLIMIT_RTPRIO = 14,
#define RLIMIT_RTPRIO __RLIMIT_RTPRIO
  __RLIMIT_RTTIME = 15,
#define RLIMIT_RTTIME __RLIMIT_RTTIME
  __RLIMIT_NLIMITS = 16,
  __RLIM_NLIMITS = __RLIMIT_NLIMITS
#define RLIMIT_NLIMITS __RLIMIT_NLIMITS
#define RLIM_NLIMITS __RLIM_NLIMITS
};
# define RLIM_INFINITY ((__rlim_t) -1)
#define RLIM_SAVED_MAX RLIM_INFINITY
#define RLIM_SAVED_CUR RLIM_INFINITY
typedef __rlim_t rlim_t;
struct rlimit
  {
    rlim_t rlim_cur;
    rlim_t rlim_max;
  };
enum __rusage_who
{
  RUSAGE_SELF = 0,
#define RUSAGE_SELF RUSAGE_SELF
  RUSAGE_CHILDREN = -1
#define RUSAGE_CHILDREN RUSAGE_CHILDREN
};
#include <bits/types/struct_timeval.h>
struct rusage
  {
    struct timeval ru_utime;
    struct timeval ru_stime;
    long int ru_maxrss;
    long int ru_ixrss;
    long int ru_idrss;
    long int ru_isrss;
    long int ru_minflt;
    long int ru_majflt;
    long int ru_nswap;
    long int ru_inblock;
    long int ru_oublock;
    long int ru_msgsnd;
    long int ru_msgrcv;
    long int ru_nsignals;
    long int ru_nvcsw;
    long int ru_nivcsw;
  };
#define PRIO_MIN -20
#define PRIO_MAX 20
enum __priority_which
{
  PRIO_PROCESS = 0,
#define PRIO_PROCESS PRIO_PROCESS
  PRIO_PGRP = 1,
#define PRIO_PGRP PRIO_PGRP
  PRIO_USER = 2
#define PRIO_USER PRIO_USER
};
#ifndef __id_t_defined
typedef __id_t id_t;
# define __id_t_defined
#endif
typedef int __rlimit_resource_t;
typedef int __rusage_who_t;
typedef int __priority_which_t;
extern int getrlimit (__rlimit_resource_t __resource, struct rlimit *__rlimits);
extern int setrlimit (__rlimit_resource_t __resource, const struct rlimit *__rlimits);
extern int getrusage (__rusage_who_t __who, struct rusage *__usage);
extern int getpriority (__priority_which_t __which, id_t __who);
extern int setpriority (__priority_which_t __which, id_t __who, int __prio);
#endif
`,
  'signal.h': String.raw`#ifndef _SIGNAL_H
#define _SIGNAL_H
#include <features.h>
#include <bits/types.h>
#define SIG_ERR ((__sighandler_t) -1)
#define SIG_DFL ((__sighandler_t) 0)
#define SIG_IGN ((__sighandler_t) 1)
#define SIGINT 2
#define SIGILL 4
#define SIGABRT 6
#define SIGFPE 8
#define SIGSEGV 11
#define SIGTERM 15
#define SIGHUP 1
#define SIGQUIT 3
#define SIGTRAP 5
#define SIGKILL 9
#define SIGPIPE 13
#define SIGALRM 14
#define SIGIOT SIGABRT
#define SIGSTKFLT 16
#define SIGPWR 30
#define SIGBUS 7
#define SIGSYS 31
#define SIGURG 23
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGCONT 18
#define SIGCHLD 17
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGPOLL 29
#define SIGXFSZ 25
#define SIGXCPU 24
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGUSR1 10
#define SIGUSR2 12
#define SIGWINCH 28
#define SIGIO SIGPOLL
#define SIGCLD SIGCHLD
#define __SIGRTMIN 32
#define __SIGRTMAX 64
#define _NSIG (__SIGRTMAX + 1)
#define SIGRTMIN (__libc_current_sigrtmin ())
#define SIGRTMAX (__libc_current_sigrtmax ())
#define NSIG _NSIG
typedef __sig_atomic_t sig_atomic_t;
#ifndef __sigset_t_defined
#define __sigset_t_defined 1
typedef __sigset_t sigset_t;
#endif
#ifndef __pid_t_defined
typedef __pid_t pid_t;
#define __pid_t_defined
#endif
#ifndef __uid_t_defined
typedef __uid_t uid_t;
# define __uid_t_defined
#endif
#include <bits/types/struct_timespec.h>
union sigval
{
  int sival_int;
  void *sival_ptr;
};
typedef union sigval __sigval_t;
typedef struct
  {
    int si_signo;
    int si_errno;
    int si_code;
    int __pad0;
    union
      {
        int _pad[28];
        struct { __pid_t si_pid; __uid_t si_uid; } _kill;
        struct { int si_tid; int si_overrun; __sigval_t si_sigval; } _timer;
        struct { __pid_t si_pid; __uid_t si_uid; __sigval_t si_sigval; } _rt;
        struct { __pid_t si_pid; __uid_t si_uid; int si_status; __clock_t si_utime; __clock_t si_stime; } _sigchld;
        struct { void *si_addr; short int si_addr_lsb; } _sigfault;
      } _sifields;
  } siginfo_t;
#define si_pid _sifields._kill.si_pid
#define si_uid _sifields._kill.si_uid
#define si_status _sifields._sigchld.si_status
#define si_value _sifields._rt.si_sigval
#define si_addr _sifields._sigfault.si_addr
typedef void (*__sighandler_t) (int);
extern __sighandler_t __sysv_signal (int __sig, __sighandler_t __handler);
extern __sighandler_t signal (int __sig, __sighandler_t __handler);
extern int kill (__pid_t __pid, int __sig);
extern int killpg (__pid_t __pgrp, int __sig);
extern int raise (int __sig);
extern void psignal (int __sig, const char *__s);
extern int sigpause (int __sig);
typedef __sighandler_t sighandler_t;
typedef __sighandler_t sig_t;
extern int sigemptyset (sigset_t *__set);
extern int sigfillset (sigset_t *__set);
extern int sigaddset (sigset_t *__set, int __signo);
extern int sigdelset (sigset_t *__set, int __signo);
extern int sigismember (const sigset_t *__set, int __signo);
struct sigaction
  {
    union
      {
        __sighandler_t sa_handler;
        void (*sa_sigaction) (int, siginfo_t *, void *);
      }
    __sigaction_handler;
# define sa_handler __sigaction_handler.sa_handler
# define sa_sigaction __sigaction_handler.sa_sigaction
    __sigset_t sa_mask;
    int sa_flags;
    void (*sa_restorer) (void);
  };
#define SA_NOCLDSTOP 1
#define SA_NOCLDWAIT 2
#define SA_SIGINFO 4
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000
#define SA_INTERRUPT 0x20000000
#define SA_NOMASK SA_NODEFER
#define SA_ONESHOT SA_RESETHAND
#define SA_STACK SA_ONSTACK
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2
extern int sigprocmask (int __how, const sigset_t *__restrict __set, sigset_t *__restrict __oset);
extern int sigsuspend (const sigset_t *__set);
extern int sigaction (int __sig, const struct sigaction *__restrict __act, struct sigaction *__restrict __oact);
extern int sigpending (sigset_t *__set);
extern int sigwait (const sigset_t *__restrict __set, int *__restrict __sig);
extern int sigwaitinfo (const sigset_t *__restrict __set, siginfo_t *__restrict __info);
extern int sigtimedwait (const sigset_t *__restrict __set, siginfo_t *__restrict __info, const struct timespec *__restrict __timeout);
extern int sigqueue (__pid_t __pid, int __sig, const union sigval __val);
extern int siginterrupt (int __sig, int __interrupt);
extern int __libc_current_sigrtmin (void);
extern int __libc_current_sigrtmax (void);
#endif
`,
  'sys/socket.h': String.raw`#ifndef _SYS_SOCKET_H
#define _SYS_SOCKET_H 1
#include <features.h>
#define __need_size_t
#include <stddef.h>
#include <bits/types.h>
#ifndef __socklen_t_defined
typedef __socklen_t socklen_t;
# define __socklen_t_defined
#endif
#ifndef __ssize_t_defined
typedef __ssize_t ssize_t;
# define __ssize_t_defined
#endif
struct iovec
  {
    void *iov_base;
    size_t iov_len;
  };
enum __socket_type
{
  SOCK_STREAM = 1,
#define SOCK_STREAM SOCK_STREAM
  SOCK_DGRAM = 2,
#define SOCK_DGRAM SOCK_DGRAM
  SOCK_RAW = 3,
#define SOCK_RAW SOCK_RAW
  SOCK_RDM = 4,
#define SOCK_RDM SOCK_RDM
  SOCK_SEQPACKET = 5,
#define SOCK_SEQPACKET SOCK_SEQPACKET
  SOCK_DCCP = 6,
#define SOCK_DCCP SOCK_DCCP
  SOCK_PACKET = 10,
#define SOCK_PACKET SOCK_PACKET
  SOCK_CLOEXEC = 02000000,
#define SOCK_CLOEXEC SOCK_CLOEXEC
  SOCK_NONBLOCK = 00004000
#define SOCK_NONBLOCK SOCK_NONBLOCK
};
#define PF_UNSPEC 0
#define PF_LOCAL 1
#define PF_UNIX PF_LOCAL
#define PF_FILE PF_LOCAL
#define PF_INET 2
#define PF_INET6 10
#define PF_NETLINK 16
#define PF_ROUTE PF_NETLINK
#define PF_PACKET 17
#define PF_XDP 44
#define PF_MAX 46
#define AF_UNSPEC PF_UNSPEC
#define AF_LOCAL PF_LOCAL
#define AF_UNIX PF_UNIX
#define AF_FILE PF_FILE
#define AF_INET PF_INET
#define AF_INET6 PF_INET6
#define AF_NETLINK PF_NETLINK
#define AF_ROUTE PF_ROUTE
#define AF_PACKET PF_PACKET
#define AF_XDP PF_XDP
#define AF_MAX PF_MAX
#define SOL_RAW 255
#define SOL_PACKET 263
#define SOL_XDP 283
#define SOMAXCONN 4096
typedef unsigned short int sa_family_t;
#define __SOCKADDR_COMMON(sa_prefix) sa_family_t sa_prefix##family
#define __SOCKADDR_COMMON_SIZE (sizeof (unsigned short int))
struct sockaddr
  {
    __SOCKADDR_COMMON (sa_);
    char sa_data[14];
  };
#define __ss_aligntype unsigned long int
#define _SS_PADSIZE (128 - __SOCKADDR_COMMON_SIZE - sizeof (__ss_aligntype))
struct sockaddr_storage
  {
    __SOCKADDR_COMMON (ss_);
    char __ss_padding[_SS_PADSIZE];
    __ss_aligntype __ss_align;
  };
enum
  {
    MSG_OOB = 0x01,
#define MSG_OOB MSG_OOB
    MSG_PEEK = 0x02,
#define MSG_PEEK MSG_PEEK
    MSG_DONTROUTE = 0x04,
#define MSG_DONTROUTE MSG_DONTROUTE
    MSG_TRUNC = 0x20,
#define MSG_TRUNC MSG_TRUNC
    MSG_DONTWAIT = 0x40,
#define MSG_DONTWAIT MSG_DONTWAIT
    MSG_WAITALL = 0x100,
#define MSG_WAITALL MSG_WAITALL
    MSG_NOSIGNAL = 0x4000
#define MSG_NOSIGNAL MSG_NOSIGNAL
  };
struct msghdr
  {
    void *msg_name;
    socklen_t msg_namelen;
    struct iovec *msg_iov;
    size_t msg_iovlen;
    void *msg_control;
    size_t msg_controllen;
    int msg_flags;
  };
#define SOL_SOCKET 1
#define SO_DEBUG 1
#define SO_REUSEADDR 2
#define SO_TYPE 3
#define SO_ERROR 4
#define SO_DONTROUTE 5
#define SO_BROADCAST 6
#define SO_SNDBUF 7
#define SO_RCVBUF 8
#define SO_KEEPALIVE 9
#define SO_OOBINLINE 10
#define SO_PRIORITY 12
#define SO_LINGER 13
#define SO_REUSEPORT 15
#define SO_RCVTIMEO 20
#define SO_SNDTIMEO 21
#define SO_BINDTODEVICE 25
#define SO_ATTACH_FILTER 26
#define SO_DETACH_FILTER 27
#define SO_MARK 36
#define SO_ATTACH_BPF 50
#define SO_DETACH_BPF SO_DETACH_FILTER
struct linger
  {
    int l_onoff;
    int l_linger;
  };
enum
{
  SHUT_RD = 0,
#define SHUT_RD SHUT_RD
  SHUT_WR,
#define SHUT_WR SHUT_WR
  SHUT_RDWR
#define SHUT_RDWR SHUT_RDWR
};
extern int socket (int __domain, int __type, int __protocol);
extern int socketpair (int __domain, int __type, int __protocol, int __fds[2]);
extern int bind (int __fd, const struct sockaddr *__addr, socklen_t __len);
extern int getsockname (int __fd, struct sockaddr *__restrict __addr, socklen_t *__restrict __len);
extern int connect (int __fd, const struct sockaddr *__addr, socklen_t __len);
extern int getpeername (int __fd, struct sockaddr *__restrict __addr, socklen_t *__restrict __len);
extern ssize_t send (int __fd, const void *__buf, size_t __n, int __flags);
extern ssize_t recv (int __fd, void *__buf, size_t __n, int __flags);
extern ssize_t sendto (int __fd, const void *__buf, size_t __n, int __flags, const struct sockaddr *__addr, socklen_t __addr_len);
extern ssize_t recvfrom (int __fd, void *__restrict __buf, size_t __n, int __flags, struct sockaddr *__restrict __addr, socklen_t *__restrict __addr_len);
extern ssize_t sendmsg (int __fd, const struct msghdr *__message, int __flags);
extern ssize_t recvmsg (int __fd, struct msghdr *__message, int __flags);
extern int getsockopt (int __fd, int __level, int __optname, void *__restrict __optval, socklen_t *__restrict __optlen);
extern int setsockopt (int __fd, int __level, int __optname, const void *__optval, socklen_t __optlen);
extern int listen (int __fd, int __n);
extern int accept (int __fd, struct sockaddr *__restrict __addr, socklen_t *__restrict __addr_len);
extern int shutdown (int __fd, int __how);
#endif
`,
  'netinet/in.h': String.raw`#ifndef _NETINET_IN_H
#define _NETINET_IN_H 1
#include <features.h>
#include <bits/types.h>
#include <stdint.h>
#include <sys/socket.h>
typedef uint32_t in_addr_t;
struct in_addr
  {
    in_addr_t s_addr;
  };
enum
  {
    IPPROTO_IP = 0,
#define IPPROTO_IP IPPROTO_IP
    IPPROTO_ICMP = 1,
#define IPPROTO_ICMP IPPROTO_ICMP
    IPPROTO_IGMP = 2,
#define IPPROTO_IGMP IPPROTO_IGMP
    IPPROTO_IPIP = 4,
#define IPPROTO_IPIP IPPROTO_IPIP
    IPPROTO_TCP = 6,
#define IPPROTO_TCP IPPROTO_TCP
    IPPROTO_EGP = 8,
#define IPPROTO_EGP IPPROTO_EGP
    IPPROTO_PUP = 12,
#define IPPROTO_PUP IPPROTO_PUP
    IPPROTO_UDP = 17,
#define IPPROTO_UDP IPPROTO_UDP
    IPPROTO_IDP = 22,
#define IPPROTO_IDP IPPROTO_IDP
    IPPROTO_TP = 29,
#define IPPROTO_TP IPPROTO_TP
    IPPROTO_DCCP = 33,
#define IPPROTO_DCCP IPPROTO_DCCP
    IPPROTO_IPV6 = 41,
#define IPPROTO_IPV6 IPPROTO_IPV6
    IPPROTO_RSVP = 46,
#define IPPROTO_RSVP IPPROTO_RSVP
    IPPROTO_GRE = 47,
#define IPPROTO_GRE IPPROTO_GRE
    IPPROTO_ESP = 50,
#define IPPROTO_ESP IPPROTO_ESP
    IPPROTO_AH = 51,
#define IPPROTO_AH IPPROTO_AH
    IPPROTO_MTP = 92,
#define IPPROTO_MTP IPPROTO_MTP
    IPPROTO_BEETPH = 94,
#define IPPROTO_BEETPH IPPROTO_BEETPH
    IPPROTO_ENCAP = 98,
#define IPPROTO_ENCAP IPPROTO_ENCAP
    IPPROTO_PIM = 103,
#define IPPROTO_PIM IPPROTO_PIM
    IPPROTO_COMP = 108,
#define IPPROTO_COMP IPPROTO_COMP
    IPPROTO_L2TP = 115,
#define IPPROTO_L2TP IPPROTO_L2TP
    IPPROTO_SCTP = 132,
#define IPPROTO_SCTP IPPROTO_SCTP
    IPPROTO_UDPLITE = 136,
#define IPPROTO_UDPLITE IPPROTO_UDPLITE
    IPPROTO_MPLS = 137,
#define IPPROTO_MPLS IPPROTO_MPLS
    IPPROTO_ETHERNET = 143,
#define IPPROTO_ETHERNET IPPROTO_ETHERNET
    IPPROTO_RAW = 255,
#define IPPROTO_RAW IPPROTO_RAW
    IPPROTO_MPTCP = 262,
#define IPPROTO_MPTCP IPPROTO_MPTCP
    IPPROTO_MAX
  };
enum
  {
    IPPROTO_HOPOPTS = 0,
#define IPPROTO_HOPOPTS IPPROTO_HOPOPTS
    IPPROTO_ROUTING = 43,
#define IPPROTO_ROUTING IPPROTO_ROUTING
    IPPROTO_FRAGMENT = 44,
#define IPPROTO_FRAGMENT IPPROTO_FRAGMENT
    IPPROTO_ICMPV6 = 58,
#define IPPROTO_ICMPV6 IPPROTO_ICMPV6
    IPPROTO_NONE = 59,
#define IPPROTO_NONE IPPROTO_NONE
    IPPROTO_DSTOPTS = 60,
#define IPPROTO_DSTOPTS IPPROTO_DSTOPTS
    IPPROTO_MH = 135
#define IPPROTO_MH IPPROTO_MH
  };
typedef uint16_t in_port_t;
#define INADDR_ANY ((in_addr_t) 0x00000000)
#define INADDR_BROADCAST ((in_addr_t) 0xffffffff)
#define INADDR_NONE ((in_addr_t) 0xffffffff)
#define INADDR_DUMMY ((in_addr_t) 0xc0000008)
#define IN_LOOPBACKNET 127
#define INADDR_LOOPBACK ((in_addr_t) 0x7f000001)
struct in6_addr
  {
    union
      {
        uint8_t __u6_addr8[16];
        uint16_t __u6_addr16[8];
        uint32_t __u6_addr32[4];
      } __in6_u;
#define s6_addr __in6_u.__u6_addr8
#define s6_addr16 __in6_u.__u6_addr16
#define s6_addr32 __in6_u.__u6_addr32
  };
extern const struct in6_addr in6addr_any;
extern const struct in6_addr in6addr_loopback;
#define IN6ADDR_ANY_INIT { { { 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0 } } }
#define IN6ADDR_LOOPBACK_INIT { { { 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1 } } }
#define INET_ADDRSTRLEN 16
#define INET6_ADDRSTRLEN 46
struct sockaddr_in
  {
    __SOCKADDR_COMMON (sin_);
    in_port_t sin_port;
    struct in_addr sin_addr;
    unsigned char sin_zero[sizeof (struct sockaddr) - __SOCKADDR_COMMON_SIZE - sizeof (in_port_t) - sizeof (struct in_addr)];
  };
struct sockaddr_in6
  {
    __SOCKADDR_COMMON (sin6_);
    in_port_t sin6_port;
    uint32_t sin6_flowinfo;
    struct in6_addr sin6_addr;
    uint32_t sin6_scope_id;
  };
struct ip_mreq
  {
    struct in_addr imr_multiaddr;
    struct in_addr imr_interface;
  };
struct ipv6_mreq
  {
    struct in6_addr ipv6mr_multiaddr;
    unsigned int ipv6mr_interface;
  };
#define IP_TOS 1
#define IP_TTL 2
#define IP_HDRINCL 3
#define IP_OPTIONS 4
#define IP_RECVERR 11
#define IP_MULTICAST_IF 32
#define IP_MULTICAST_TTL 33
#define IP_MULTICAST_LOOP 34
#define IP_ADD_MEMBERSHIP 35
#define IP_DROP_MEMBERSHIP 36
#define SOL_IP 0
#define IPV6_V6ONLY 26
#define SOL_IPV6 41
extern uint32_t ntohl (uint32_t __netlong) __attribute__ ((__const__));
extern uint16_t ntohs (uint16_t __netshort) __attribute__ ((__const__));
extern uint32_t htonl (uint32_t __hostlong) __attribute__ ((__const__));
extern uint16_t htons (uint16_t __hostshort) __attribute__ ((__const__));
#include <endian.h>
#define IN6_IS_ADDR_UNSPECIFIED(a) (((const uint32_t *) (a))[0] == 0 && ((const uint32_t *) (a))[1] == 0 && ((const uint32_t *) (a))[2] == 0 && ((const uint32_t *) (a))[3] == 0)
#define IN6_IS_ADDR_LOOPBACK(a) (((const uint32_t *) (a))[0] == 0 && ((const uint32_t *) (a))[1] == 0 && ((const uint32_t *) (a))[2] == 0 && ((const uint32_t *) (a))[3] == htonl (1))
#define IN6_IS_ADDR_MULTICAST(a) (((const uint8_t *) (a))[0] == 0xff)
#define IN6_ARE_ADDR_EQUAL(a,b) ((((const uint32_t *) (a))[0] == ((const uint32_t *) (b))[0]) && (((const uint32_t *) (a))[1] == ((const uint32_t *) (b))[1]) && (((const uint32_t *) (a))[2] == ((const uint32_t *) (b))[2]) && (((const uint32_t *) (a))[3] == ((const uint32_t *) (b))[3]))
extern int bindresvport (int __sockfd, struct sockaddr_in *__sock_in);
#endif
`,
  'arpa/inet.h': String.raw`#ifndef _ARPA_INET_H
#define _ARPA_INET_H 1
#include <features.h>
#include <netinet/in.h>
#ifndef __socklen_t_defined
typedef __socklen_t socklen_t;
# define __socklen_t_defined
#endif
extern in_addr_t inet_addr (const char *__cp);
extern in_addr_t inet_lnaof (struct in_addr __in);
extern struct in_addr inet_makeaddr (in_addr_t __net, in_addr_t __host);
extern in_addr_t inet_netof (struct in_addr __in);
extern in_addr_t inet_network (const char *__cp);
extern char *inet_ntoa (struct in_addr __in);
extern int inet_pton (int __af, const char *__restrict __cp, void *__restrict __buf);
extern const char *inet_ntop (int __af, const void *__restrict __cp, char *__restrict __buf, socklen_t __len);
extern int inet_aton (const char *__cp, struct in_addr *__inp);
#endif
`,
  'net/if.h': String.raw`#ifndef _NET_IF_H
#define _NET_IF_H 1
#include <features.h>
#include <sys/types.h>
#include <sys/socket.h>
#define IF_NAMESIZE 16
struct if_nameindex
  {
    unsigned int if_index;
    char *if_name;
  };
enum
  {
    IFF_UP = 0x1,
# define IFF_UP IFF_UP
    IFF_BROADCAST = 0x2,
# define IFF_BROADCAST IFF_BROADCAST
    IFF_DEBUG = 0x4,
# define IFF_DEBUG IFF_DEBUG
    IFF_LOOPBACK = 0x8,
# define IFF_LOOPBACK IFF_LOOPBACK
    IFF_POINTOPOINT = 0x10,
# define IFF_POINTOPOINT IFF_POINTOPOINT
    IFF_NOTRAILERS = 0x20,
# define IFF_NOTRAILERS IFF_NOTRAILERS
    IFF_RUNNING = 0x40,
# define IFF_RUNNING IFF_RUNNING
    IFF_NOARP = 0x80,
# define IFF_NOARP IFF_NOARP
    IFF_PROMISC = 0x100,
# define IFF_PROMISC IFF_PROMISC
    IFF_ALLMULTI = 0x200,
# define IFF_ALLMULTI IFF_ALLMULTI
    IFF_MASTER = 0x400,
# define IFF_MASTER IFF_MASTER
    IFF_SLAVE = 0x800,
# define IFF_SLAVE IFF_SLAVE
    IFF_MULTICAST = 0x1000,
# define IFF_MULTICAST IFF_MULTICAST
    IFF_PORTSEL = 0x2000,
# define IFF_PORTSEL IFF_PORTSEL
    IFF_AUTOMEDIA = 0x4000,
# define IFF_AUTOMEDIA IFF_AUTOMEDIA
    IFF_DYNAMIC = 0x8000
# define IFF_DYNAMIC IFF_DYNAMIC
  };
struct ifaddr;
struct ifmap
  {
    unsigned long int mem_start;
    unsigned long int mem_end;
    unsigned short int base_addr;
    unsigned char irq;
    unsigned char dma;
    unsigned char port;
  };
# define IFHWADDRLEN 6
# define IFNAMSIZ IF_NAMESIZE
struct ifreq
  {
    union
      {
        char ifrn_name[IFNAMSIZ];
      } ifr_ifrn;
    union
      {
        struct sockaddr ifru_addr;
        struct sockaddr ifru_dstaddr;
        struct sockaddr ifru_broadaddr;
        struct sockaddr ifru_netmask;
        struct sockaddr ifru_hwaddr;
        short int ifru_flags;
        int ifru_ivalue;
        int ifru_mtu;
        struct ifmap ifru_map;
        char ifru_slave[IFNAMSIZ];
        char ifru_newname[IFNAMSIZ];
        __caddr_t ifru_data;
      } ifr_ifru;
  };
# define ifr_name ifr_ifrn.ifrn_name
# define ifr_hwaddr ifr_ifru.ifru_hwaddr
# define ifr_addr ifr_ifru.ifru_addr
# define ifr_flags ifr_ifru.ifru_flags
# define ifr_ifindex ifr_ifru.ifru_ivalue
# define ifr_mtu ifr_ifru.ifru_mtu
# define ifr_data ifr_ifru.ifru_data
extern unsigned int if_nametoindex (const char *__ifname);
extern char *if_indextoname (unsigned int __ifindex, char __ifname[IF_NAMESIZE]);
extern struct if_nameindex *if_nameindex (void);
extern void if_freenameindex (struct if_nameindex *__ptr);
#endif
`,
  'fcntl.h': String.raw`#ifndef _FCNTL_H
#define _FCNTL_H 1
#include <features.h>
#include <bits/types.h>
#define O_ACCMODE 0003
#define O_RDONLY 00
#define O_WRONLY 01
#define O_RDWR 02
#define O_CREAT 0100
#define O_EXCL 0200
#define O_NOCTTY 0400
#define O_TRUNC 01000
#define O_APPEND 02000
#define O_NONBLOCK 04000
#define O_NDELAY O_NONBLOCK
#define O_SYNC 04010000
#define O_FSYNC O_SYNC
#define O_ASYNC 020000
#define O_DIRECTORY 0200000
#define O_NOFOLLOW 0400000
#define O_CLOEXEC 02000000
#define O_DSYNC 010000
#define O_RSYNC O_SYNC
#ifdef __USE_GNU
# define O_PATH 010000000
# define O_TMPFILE (020000000 | O_DIRECTORY)
# define O_DIRECT 040000
# define O_NOATIME 01000000
#endif
#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define F_GETLK 5
#define F_SETLK 6
#define F_SETLKW 7
#define F_DUPFD_CLOEXEC 1030
#define FD_CLOEXEC 1
#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2
#define AT_FDCWD -100
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_REMOVEDIR 0x200
#define AT_SYMLINK_FOLLOW 0x400
#define AT_EACCESS 0x200
#ifndef __mode_t_defined
typedef __mode_t mode_t;
# define __mode_t_defined
#endif
#ifndef __off_t_defined
typedef __off_t off_t;
# define __off_t_defined
#endif
#ifndef __pid_t_defined
typedef __pid_t pid_t;
# define __pid_t_defined
#endif
struct flock
  {
    short int l_type;
    short int l_whence;
    __off_t l_start;
    __off_t l_len;
    __pid_t l_pid;
  };
#define S_IFMT 0170000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFBLK 0060000
#define S_IFREG 0100000
#define S_IFIFO 0010000
#define S_IFLNK 0120000
#define S_IFSOCK 0140000
#define S_ISUID 04000
#define S_ISGID 02000
#define S_ISVTX 01000
#define S_IRUSR 0400
#define S_IWUSR 0200
#define S_IXUSR 0100
#define S_IRWXU (0400|0200|0100)
#define S_IRGRP (S_IRUSR >> 3)
#define S_IWGRP (S_IWUSR >> 3)
#define S_IXGRP (S_IXUSR >> 3)
#define S_IRWXG (S_IRWXU >> 3)
#define S_IROTH (S_IRGRP >> 3)
#define S_IWOTH (S_IWGRP >> 3)
#define S_IXOTH (S_IXGRP >> 3)
#define S_IRWXO (S_IRWXG >> 3)
# define SEEK_SET 0
# define SEEK_CUR 1
# define SEEK_END 2
extern int fcntl (int __fd, int __cmd, ...);
extern int open (const char *__file, int __oflag, ...);
extern int openat (int __fd, const char *__file, int __oflag, ...);
extern int creat (const char *__file, mode_t __mode);
extern int posix_fadvise (int __fd, off_t __offset, off_t __len, int __advise);
extern int posix_fallocate (int __fd, off_t __offset, off_t __len);
#endif
`,
  'math.h': String.raw`#ifndef _MATH_H
#define _MATH_H 1
#include <features.h>
# define HUGE_VAL (1e300 * 1e300)
# define HUGE_VALF ((float) HUGE_VAL)
# define INFINITY ((float) HUGE_VAL)
# define NAN ((float) (0.0 / 0.0))
# define M_E 2.7182818284590452354
# define M_LOG2E 1.4426950408889634074
# define M_LOG10E 0.43429448190325182765
# define M_LN2 0.69314718055994530942
# define M_LN10 2.30258509299404568402
# define M_PI 3.14159265358979323846
# define M_PI_2 1.57079632679489661923
# define M_PI_4 0.78539816339744830962
# define M_1_PI 0.31830988618379067154
# define M_2_PI 0.63661977236758134308
# define M_SQRT2 1.41421356237309504880
# define M_SQRT1_2 0.70710678118654752440
typedef float float_t;
typedef double double_t;
extern double acos (double __x);
extern double asin (double __x);
extern double atan (double __x);
extern double atan2 (double __y, double __x);
extern double cos (double __x);
extern double sin (double __x);
extern double tan (double __x);
extern double cosh (double __x);
extern double sinh (double __x);
extern double tanh (double __x);
extern double exp (double __x);
extern double frexp (double __x, int *__exponent);
extern double ldexp (double __x, int __exponent);
extern double log (double __x);
extern double log10 (double __x);
extern double log2 (double __x);
extern double log1p (double __x);
extern double exp2 (double __x);
extern double modf (double __x, double *__iptr);
extern double pow (double __x, double __y);
extern double sqrt (double __x);
extern double cbrt (double __x);
extern double hypot (double __x, double __y);
extern double ceil (double __x) __attribute__ ((__const__));
extern double fabs (double __x) __attribute__ ((__const__));
extern double floor (double __x) __attribute__ ((__const__));
extern double fmod (double __x, double __y);
extern double round (double __x) __attribute__ ((__const__));
extern double trunc (double __x) __attribute__ ((__const__));
extern double rint (double __x);
extern long int lround (double __x);
extern long int lrint (double __x);
extern double fmin (double __x, double __y) __attribute__ ((__const__));
extern double fmax (double __x, double __y) __attribute__ ((__const__));
extern float sqrtf (float __x);
extern float fabsf (float __x) __attribute__ ((__const__));
extern float floorf (float __x) __attribute__ ((__const__));
extern float ceilf (float __x) __attribute__ ((__const__));
extern float roundf (float __x) __attribute__ ((__const__));
extern float powf (float __x, float __y);
extern float logf (float __x);
extern float expf (float __x);
extern int isinf (double __value) __attribute__ ((__const__));
extern int isnan (double __value) __attribute__ ((__const__));
#endif
`,
  'sys/syscall.h': String.raw`#ifndef _SYSCALL_H
#define _SYSCALL_H 1
#include <asm/unistd.h>
#include <bits/syscall.h>
#endif
`,
  'asm/unistd.h': String.raw`#ifndef _ASM_X86_UNISTD_H
#define _ASM_X86_UNISTD_H
#define __X32_SYSCALL_BIT 0x40000000
#include <asm/unistd_64.h>
#endif
`,
}
