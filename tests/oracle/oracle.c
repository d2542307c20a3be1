/*
 * bpfplay conformance oracle: runs map operations against the REAL Linux kernel through
 * libbpf 1.1.2's low-level wrappers, exactly as a C program would, and reports what came back.
 *
 * Protocol (stdin -> stdout, one JSON object per line):
 *   - each input line is one flat JSON op, e.g.
 *       {"op":"create","type":1,"key_size":4,"value_size":4,"max_entries":16,"flags":64,"name":"m"}
 *     (byte strings are lowercase hex, null = NULL pointer; see tests/conformance/ops.ts);
 *   - a blank line (or EOF) ends a sequence. The sequence then runs in a freshly forked child
 *     (so fds start at 3 and nothing leaks between sequences), pinned to CPU 0 because LRU and
 *     per-CPU behaviour depend on the calling CPU ({"op":"cpu","cpu":N} moves it to CPU N);
 *     the child prints one result line per op;
 *   - after each sequence the parent prints {"end":true,"status":<wait status>}.
 * Output buffers are pre-filled with 0xAA so bytes the kernel leaves untouched are compared too.
 * Every buffer (input or output) is followed by SLACK bytes of 0xAA, and is at least as large
 * as the target map's real key/value geometry (read with map info before the op), so an op whose
 * sizes do not match its map (a stale fd in a shrunk sequence) cannot make the kernel write
 * outside it; only the requested bytes are reported. The simulator executor does the same.
 *
 * The JSON reader is deliberately tiny: ops are flat objects whose values are integers,
 * strings, booleans, null, or arrays of strings/nulls.
 *
 * Build: cc -O2 -o bpfplay-oracle tests/oracle/oracle.c -lbpf
 */
#define _GNU_SOURCE
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/bpf.h>
#include <sched.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define SLACK 256
#define FILL 0xAA
#define MAX_FIELDS 40
#define MAX_WALK 100000

/* Results go through a private high fd, so a sequence that closes fd 1 cannot cut the protocol. */
static FILE *results;

/* ---------- tiny JSON reader ---------- */

enum jtype { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR };

struct jval {
	char name[32];
	enum jtype t;
	long long num;
	char *str;   /* J_STR */
	char **arr;  /* J_ARR: strings, NULL entries for null */
	int n;       /* J_ARR length */
};

struct jobj {
	struct jval f[MAX_FIELDS];
	int n;
};

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "oracle: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	exit(2);
}

static const char *skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	return p;
}

/* Parses a JSON string starting at the opening quote; returns a malloc'ed C string. */
static char *parse_string(const char **pp)
{
	const char *p = *pp;
	size_t cap = 16, len = 0;
	char *out = malloc(cap);
	if (*p != '"')
		die("expected string at: %.40s", p);
	p++;
	while (*p && *p != '"') {
		char c = *p++;
		if (c == '\\') {
			char e = *p++;
			switch (e) {
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case 'r': c = '\r'; break;
			case 'b': c = '\b'; break;
			case 'f': c = '\f'; break;
			case 'u': {
				unsigned v = 0;
				for (int i = 0; i < 4; i++) {
					char h = *p++;
					v = v * 16 + (h >= 'a' ? h - 'a' + 10 : h >= 'A' ? h - 'A' + 10 : h - '0');
				}
				c = (char)v; /* names and paths are ASCII */
				break;
			}
			default: c = e; break; /* \" \\ \/ */
			}
		}
		if (len + 1 >= cap)
			out = realloc(out, cap *= 2);
		out[len++] = c;
	}
	if (*p != '"')
		die("unterminated string");
	out[len] = 0;
	*pp = p + 1;
	return out;
}

static void parse_object(const char *line, struct jobj *o)
{
	const char *p = skip_ws(line);
	memset(o, 0, sizeof(*o));
	if (*p != '{')
		die("expected object: %.60s", line);
	p = skip_ws(p + 1);
	if (*p == '}')
		return;
	for (;;) {
		if (o->n == MAX_FIELDS)
			die("too many fields");
		struct jval *v = &o->f[o->n++];
		char *name = parse_string(&p);
		snprintf(v->name, sizeof(v->name), "%s", name);
		free(name);
		p = skip_ws(p);
		if (*p != ':')
			die("expected ':'");
		p = skip_ws(p + 1);
		if (*p == '"') {
			v->t = J_STR;
			v->str = parse_string(&p);
		} else if (!strncmp(p, "null", 4)) {
			v->t = J_NULL;
			p += 4;
		} else if (!strncmp(p, "true", 4)) {
			v->t = J_BOOL;
			v->num = 1;
			p += 4;
		} else if (!strncmp(p, "false", 5)) {
			v->t = J_BOOL;
			p += 5;
		} else if (*p == '[') {
			int cap = 8;
			v->t = J_ARR;
			v->arr = malloc(cap * sizeof(char *));
			p = skip_ws(p + 1);
			while (*p != ']') {
				if (v->n == cap)
					v->arr = realloc(v->arr, (cap *= 2) * sizeof(char *));
				if (!strncmp(p, "null", 4)) {
					v->arr[v->n++] = NULL;
					p += 4;
				} else {
					v->arr[v->n++] = parse_string(&p);
				}
				p = skip_ws(p);
				if (*p == ',')
					p = skip_ws(p + 1);
				else if (*p != ']')
					die("bad array");
			}
			p++;
		} else {
			char *end;
			v->t = J_NUM;
			errno = 0;
			if (*p == '-')
				v->num = strtoll(p, &end, 10);
			else
				v->num = (long long)strtoull(p, &end, 10);
			if (end == p || errno)
				die("bad number at: %.40s", p);
			p = end;
		}
		p = skip_ws(p);
		if (*p == ',') {
			p = skip_ws(p + 1);
			continue;
		}
		if (*p == '}')
			return;
		die("expected ',' or '}' at: %.40s", p);
	}
}

static void free_object(struct jobj *o)
{
	for (int i = 0; i < o->n; i++) {
		free(o->f[i].str);
		for (int j = 0; j < o->f[i].n; j++)
			free(o->f[i].arr[j]);
		free(o->f[i].arr);
	}
}

static struct jval *field(struct jobj *o, const char *name)
{
	for (int i = 0; i < o->n; i++)
		if (!strcmp(o->f[i].name, name))
			return &o->f[i];
	return NULL;
}

static long long num(struct jobj *o, const char *name, long long dflt)
{
	struct jval *v = field(o, name);
	return v && (v->t == J_NUM || v->t == J_BOOL) ? v->num : dflt;
}

static bool flag(struct jobj *o, const char *name)
{
	return num(o, name, 0) != 0;
}

/* String field, NULL when absent or null. */
static const char *str(struct jobj *o, const char *name)
{
	struct jval *v = field(o, name);
	return v && v->t == J_STR ? v->str : NULL;
}

/* ---------- buffers ---------- */

static size_t max_sz(size_t a, size_t b)
{
	return a > b ? a : b;
}

/* A user buffer of len bytes (filled with 0xAA) followed by SLACK bytes of 0xAA. */
static unsigned char *buf_new(size_t len)
{
	unsigned char *b = malloc(len + SLACK);
	if (!b)
		die("out of memory");
	memset(b, FILL, len + SLACK);
	return b;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	die("bad hex digit '%c'", c);
	return 0;
}

/* Decodes hex into a fresh buffer (NULL for a NULL string); *len gets the byte count. */
static unsigned char *buf_hex(const char *hex, size_t *len)
{
	size_t n;
	unsigned char *b;
	if (!hex) {
		if (len)
			*len = 0;
		return NULL;
	}
	n = strlen(hex) / 2;
	b = buf_new(n);
	for (size_t i = 0; i < n; i++)
		b[i] = hexval(hex[2 * i]) * 16 + hexval(hex[2 * i + 1]);
	if (len)
		*len = n;
	return b;
}

/* Concatenates an array of hex strings into one buffer (NULL when the field is null/absent). */
static unsigned char *buf_hex_array(struct jobj *o, const char *name, size_t min)
{
	struct jval *v = field(o, name);
	size_t total = 0, off = 0;
	unsigned char *b;
	if (!v || v->t != J_ARR)
		return NULL;
	for (int i = 0; i < v->n; i++)
		total += v->arr[i] ? strlen(v->arr[i]) / 2 : 0;
	b = buf_new(max_sz(total, min));
	for (int i = 0; i < v->n; i++) {
		size_t n;
		unsigned char *part = buf_hex(v->arr[i], &n);
		if (part) {
			memcpy(b + off, part, n);
			off += n;
			free(part);
		}
	}
	return b;
}

/* Bytes the kernel touches for one key / one value of the map behind fd (0 if not a map). */
struct geom {
	size_t key, value;
};

static struct geom geometry(int fd)
{
	struct bpf_map_info info;
	__u32 len = sizeof(info);
	struct geom g = { 0, 0 };
	memset(&info, 0, sizeof(info));
	if (fd < 0 || bpf_obj_get_info_by_fd(fd, &info, &len))
		return g;
	g.key = info.key_size;
	g.value = info.value_size;
	switch (info.type) {
	case BPF_MAP_TYPE_PERCPU_HASH:
	case BPF_MAP_TYPE_PERCPU_ARRAY:
	case BPF_MAP_TYPE_LRU_PERCPU_HASH:
	case BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE:
		g.value = (size_t)libbpf_num_possible_cpus() * ((info.value_size + 7) & ~7u);
		break;
	default:
		break;
	}
	return g;
}

/* Hex input (NULL stays NULL) in a buffer of at least min bytes (padding 0xAA). */
static unsigned char *buf_hex_min(const char *hex, size_t min)
{
	size_t n;
	unsigned char *tmp = buf_hex(hex, &n), *b;
	if (!tmp || n >= min)
		return tmp;
	b = buf_new(min);
	memcpy(b, tmp, n);
	free(tmp);
	return b;
}

/* ---------- output ---------- */

struct out {
	char *s;
	size_t len, cap;
};

static void out_raw(struct out *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		while (o->len + n + 1 > o->cap)
			o->cap = o->cap ? o->cap * 2 : 256;
		o->s = realloc(o->s, o->cap);
	}
	memcpy(o->s + o->len, s, n);
	o->len += n;
	o->s[o->len] = 0;
}

static void out_fmt(struct out *o, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	out_raw(o, tmp, (size_t)n);
}

static void out_hex(struct out *o, const unsigned char *b, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	out_raw(o, "\"", 1);
	for (size_t i = 0; i < n; i++) {
		char h[2] = { digits[b[i] >> 4], digits[b[i] & 15] };
		out_raw(o, h, 2);
	}
	out_raw(o, "\"", 1);
}

static void out_cstr(struct out *o, const char *s, size_t max)
{
	out_raw(o, "\"", 1);
	for (size_t i = 0; i < max && s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\' || c < 0x20 || c >= 0x7f)
			out_fmt(o, "\\u%04x", c);
		else
			out_raw(o, (const char *)&c, 1);
	}
	out_raw(o, "\"", 1);
}

/* "keys":[...] with n entries of size sz taken from b. */
static void out_hex_list(struct out *o, const char *name, const unsigned char *b, size_t n, size_t sz)
{
	out_fmt(o, ",\"%s\":[", name);
	for (size_t i = 0; i < n; i++) {
		if (i)
			out_raw(o, ",", 1);
		out_hex(o, b + i * sz, sz);
	}
	out_raw(o, "]", 1);
}

/* ---------- sequence state ---------- */

struct state {
	unsigned char *last_out_batch; /* out_batch bytes of the latest batch lookup, for "in_batch":"prev" */
	size_t last_out_len;
	char *pins[256];               /* pins this sequence made, unlinked at the end */
	int npins;
};

/* in_batch: null -> NULL, "prev" -> the previous batch lookup's out_batch (NULL if none). */
static unsigned char *in_batch_buf(struct state *st, struct jobj *o, size_t cursor_size, size_t min)
{
	const char *h = str(o, "in_batch");
	if (!h)
		return NULL;
	if (!strcmp(h, "prev")) {
		unsigned char *b;
		if (!st->last_out_batch)
			return NULL;
		b = buf_new(max_sz(cursor_size, min));
		memcpy(b, st->last_out_batch, st->last_out_len < cursor_size ? st->last_out_len : cursor_size);
		return b;
	}
	return buf_hex_min(h, min);
}

struct pair_ctx {
	const unsigned char *keys, *values;
	size_t ksz, vsz;
};
static struct pair_ctx sort_ctx;

static int cmp_pairs(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int c = memcmp(sort_ctx.keys + i * sort_ctx.ksz, sort_ctx.keys + j * sort_ctx.ksz, sort_ctx.ksz);
	if (c || !sort_ctx.values)
		return c;
	return memcmp(sort_ctx.values + i * sort_ctx.vsz, sort_ctx.values + j * sort_ctx.vsz, sort_ctx.vsz);
}

/* Emits keys (and values) in their order, or sorted by key bytes when `sorted` (random-seed maps). */
static void out_pairs(struct out *o, const unsigned char *keys, const unsigned char *values, size_t n,
		      size_t ksz, size_t vsz, bool sorted)
{
	size_t *idx = malloc((n ? n : 1) * sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	if (sorted) {
		sort_ctx = (struct pair_ctx){ keys, values, ksz, vsz };
		qsort(idx, n, sizeof(size_t), cmp_pairs);
	}
	out_raw(o, ",\"keys\":[", 9);
	for (size_t i = 0; i < n; i++) {
		if (i)
			out_raw(o, ",", 1);
		out_hex(o, keys + idx[i] * ksz, ksz);
	}
	out_raw(o, "]", 1);
	if (values) {
		out_raw(o, ",\"values\":[", 11);
		for (size_t i = 0; i < n; i++) {
			if (i)
				out_raw(o, ",", 1);
			out_hex(o, values + idx[i] * vsz, vsz);
		}
		out_raw(o, "]", 1);
	}
	free(idx);
}

/* ---------- ops ---------- */

static void op_create(struct jobj *o, struct out *r)
{
	LIBBPF_OPTS(bpf_map_create_opts, opts);
	opts.map_flags = (__u32)num(o, "flags", 0);
	opts.map_extra = (__u64)num(o, "map_extra", 0);
	opts.numa_node = (__u32)num(o, "numa_node", 0);
	int fd = bpf_map_create((enum bpf_map_type)num(o, "type", 0), str(o, "name"),
				(__u32)num(o, "key_size", 0), (__u32)num(o, "value_size", 0),
				(__u32)num(o, "max_entries", 0), &opts);
	out_fmt(r, "{\"ret\":%d}", fd);
}

static void op_update(struct jobj *o, struct out *r)
{
	int fd = (int)num(o, "fd", -1);
	struct geom g = geometry(fd);
	unsigned char *key = buf_hex_min(str(o, "key"), g.key);
	unsigned char *value = buf_hex_min(str(o, "value"), g.value);
	int ret = bpf_map_update_elem(fd, key, value, (__u64)num(o, "flags", 0));
	out_fmt(r, "{\"ret\":%d}", ret);
	free(key);
	free(value);
}

/* lookup and lookup_and_delete: value buffer of value_size bytes (NULL if value_null). */
static void op_lookup(struct jobj *o, struct out *r, bool and_delete)
{
	int fd = (int)num(o, "fd", -1);
	struct geom g = geometry(fd);
	unsigned char *key = buf_hex_min(str(o, "key"), g.key);
	size_t vsz = (size_t)num(o, "value_size", 0);
	bool value_null = flag(o, "value_null");
	unsigned char *value = value_null ? NULL : buf_new(max_sz(vsz, g.value));
	__u64 flags = (__u64)num(o, "flags", 0);
	int ret = and_delete ? bpf_map_lookup_and_delete_elem_flags(fd, key, value, flags)
			     : bpf_map_lookup_elem_flags(fd, key, value, flags);
	out_fmt(r, "{\"ret\":%d,\"value\":", ret);
	if (value)
		out_hex(r, value, vsz);
	else
		out_raw(r, "null", 4);
	out_raw(r, "}", 1);
	free(key);
	free(value);
}

static void op_delete(struct jobj *o, struct out *r)
{
	int fd = (int)num(o, "fd", -1);
	unsigned char *key = buf_hex_min(str(o, "key"), geometry(fd).key);
	int ret = bpf_map_delete_elem(fd, key);
	out_fmt(r, "{\"ret\":%d}", ret);
	free(key);
}

static void op_get_next_key(struct jobj *o, struct out *r)
{
	int fd = (int)num(o, "fd", -1);
	struct geom g = geometry(fd);
	unsigned char *key = buf_hex_min(str(o, "key"), g.key);
	size_t ksz = (size_t)num(o, "key_size", 0);
	unsigned char *next = buf_new(max_sz(ksz, g.key));
	int ret = bpf_map_get_next_key(fd, key, next);
	out_fmt(r, "{\"ret\":%d,\"key\":", ret);
	out_hex(r, next, ksz);
	out_raw(r, "}", 1);
	free(key);
	free(next);
}

static void op_lookup_batch(struct state *st, struct jobj *o, struct out *r, bool and_delete)
{
	size_t csz = (size_t)num(o, "cursor_size", 4);
	size_t ksz = (size_t)num(o, "key_size", 0), vsz = (size_t)num(o, "value_size", 0);
	__u32 count = (__u32)num(o, "count", 0), asked = count;
	int fd = (int)num(o, "fd", -1);
	struct geom g = geometry(fd);
	size_t cmin = max_sz(g.key, 4); /* hash cursors are u32 bucket indexes */
	unsigned char *in = in_batch_buf(st, o, csz, cmin);
	unsigned char *out = flag(o, "out_null") ? NULL : buf_new(max_sz(csz, cmin));
	unsigned char *keys = flag(o, "keys_null") ? NULL : buf_new((size_t)asked * max_sz(ksz, g.key));
	unsigned char *values = flag(o, "values_null") ? NULL : buf_new((size_t)asked * max_sz(vsz, g.value));
	LIBBPF_OPTS(bpf_map_batch_opts, opts);
	opts.elem_flags = (__u64)num(o, "elem_flags", 0);
	opts.flags = (__u64)num(o, "flags", 0);
	int ret = and_delete ? bpf_map_lookup_and_delete_batch(fd, in, out, keys, values, &count, &opts)
			     : bpf_map_lookup_batch(fd, in, out, keys, values, &count, &opts);
	size_t shown = count < asked ? count : asked;
	out_fmt(r, "{\"ret\":%d,\"count\":%u,\"out_batch\":", ret, count);
	if (out)
		out_hex(r, out, csz);
	else
		out_raw(r, "null", 4);
	if (keys)
		out_hex_list(r, "keys", keys, shown, ksz);
	if (values)
		out_hex_list(r, "values", values, shown, vsz);
	out_raw(r, "}", 1);
	free(st->last_out_batch);
	st->last_out_batch = out; /* kept for a later "prev" */
	st->last_out_len = out ? csz : 0;
	free(in);
	free(keys);
	free(values);
}

static void op_update_batch(struct jobj *o, struct out *r, bool is_delete)
{
	__u32 count = (__u32)num(o, "count", 0);
	int fd = (int)num(o, "fd", -1);
	struct geom g = geometry(fd);
	unsigned char *keys = buf_hex_array(o, "keys", (size_t)count * g.key);
	unsigned char *values = is_delete ? NULL : buf_hex_array(o, "values", (size_t)count * g.value);
	LIBBPF_OPTS(bpf_map_batch_opts, opts);
	opts.elem_flags = (__u64)num(o, "elem_flags", 0);
	opts.flags = (__u64)num(o, "flags", 0);
	int ret = is_delete ? bpf_map_delete_batch(fd, keys, &count, &opts)
			    : bpf_map_update_batch(fd, keys, values, &count, &opts);
	out_fmt(r, "{\"ret\":%d,\"count\":%u}", ret, count);
	free(keys);
	free(values);
}

static void op_pin(struct state *st, struct jobj *o, struct out *r)
{
	const char *path = str(o, "path");
	int ret = bpf_obj_pin((int)num(o, "fd", -1), path);
	if (ret == 0 && path && st->npins < 256)
		st->pins[st->npins++] = strdup(path);
	out_fmt(r, "{\"ret\":%d}", ret);
}

static void op_get(struct jobj *o, struct out *r)
{
	LIBBPF_OPTS(bpf_obj_get_opts, opts);
	opts.file_flags = (__u32)num(o, "file_flags", 0);
	int fd = bpf_obj_get_opts(str(o, "path"), &opts);
	out_fmt(r, "{\"ret\":%d}", fd);
}

static void op_info(struct jobj *o, struct out *r)
{
	struct bpf_map_info info;
	__u32 len = sizeof(info);
	memset(&info, 0, sizeof(info));
	int ret = bpf_obj_get_info_by_fd((int)num(o, "fd", -1), &info, &len);
	out_fmt(r, "{\"ret\":%d", ret);
	if (ret == 0) {
		out_fmt(r, ",\"type\":%u,\"key_size\":%u,\"value_size\":%u,\"max_entries\":%u,\"map_flags\":%u",
			info.type, info.key_size, info.value_size, info.max_entries, info.map_flags);
		out_raw(r, ",\"name\":", 8);
		out_cstr(r, info.name, sizeof(info.name));
		out_fmt(r, ",\"info_len\":%u", len);
	}
	out_raw(r, "}", 1);
}

/* Full get_next_key walk from NULL until an error (ENOENT at the end). */
static void op_walk(struct jobj *o, struct out *r)
{
	int fd = (int)num(o, "fd", -1);
	size_t ksz = (size_t)num(o, "key_size", 0);
	size_t stride = max_sz(ksz, geometry(fd).key);
	size_t cap = 64, n = 0;
	unsigned char *keys = malloc(cap * (ksz ? ksz : 1));
	unsigned char *prev = buf_new(stride), *next = buf_new(stride);
	int ret = 0;
	while (n < MAX_WALK) {
		ret = bpf_map_get_next_key(fd, n ? prev : NULL, next);
		if (ret)
			break;
		if (n == cap)
			keys = realloc(keys, (cap *= 2) * (ksz ? ksz : 1));
		memcpy(keys + n * ksz, next, ksz);
		memcpy(prev, next, stride);
		n++;
	}
	out_fmt(r, "{\"ret\":%d", ret);
	out_pairs(r, keys, NULL, n, ksz, 0, flag(o, "sort"));
	out_raw(r, "}", 1);
	free(keys);
	free(prev);
	free(next);
}

/* Batch loop the way a careful program writes it: reset count each call, grow it on ENOSPC. */
static void op_batch_walk(struct jobj *o, struct out *r)
{
	int fd = (int)num(o, "fd", -1);
	struct geom g = geometry(fd);
	bool del = flag(o, "delete");
	size_t csz = (size_t)num(o, "cursor_size", 4), cstride = max_sz(csz, max_sz(g.key, 4));
	size_t ksz = (size_t)num(o, "key_size", 0), vsz = (size_t)num(o, "value_size", 0);
	size_t kstride = max_sz(ksz, g.key), vstride = max_sz(vsz, g.value);
	__u32 per_call = (__u32)num(o, "count", 1);
	size_t cap = 64, n = 0;
	unsigned char *all_keys = malloc(cap * (ksz ? ksz : 1));
	unsigned char *all_values = malloc(cap * (vsz ? vsz : 1));
	unsigned char *in = buf_new(cstride), *out = buf_new(cstride);
	bool first = true;
	int ret = 0;
	LIBBPF_OPTS(bpf_map_batch_opts, opts);
	for (int calls = 0; calls < MAX_WALK; calls++) {
		__u32 count = per_call;
		unsigned char *keys = buf_new((size_t)count * kstride), *values = buf_new((size_t)count * vstride);
		ret = del ? bpf_map_lookup_and_delete_batch(fd, first ? NULL : in, out, keys, values, &count, &opts)
			  : bpf_map_lookup_batch(fd, first ? NULL : in, out, keys, values, &count, &opts);
		if ((ret == 0 || ret == -ENOENT) && count <= per_call) {
			while (n + count > cap) {
				cap *= 2;
				all_keys = realloc(all_keys, cap * (ksz ? ksz : 1));
				all_values = realloc(all_values, cap * (vsz ? vsz : 1));
			}
			/* Entries read at the requested sizes, as a program assuming them would (cf. lookup_batch). */
			for (__u32 i = 0; i < count; i++) {
				memcpy(all_keys + (n + i) * ksz, keys + i * ksz, ksz);
				memcpy(all_values + (n + i) * vsz, values + i * vsz, vsz);
			}
			n += count;
		}
		free(keys);
		free(values);
		if (ret == -ENOSPC && per_call < (1u << 20)) {
			per_call *= 2; /* the next bucket is bigger than count: retry from the same cursor */
			continue;
		}
		if (ret != 0)
			break;
		memcpy(in, out, cstride);
		first = false;
	}
	out_fmt(r, "{\"ret\":%d", ret);
	out_pairs(r, all_keys, all_values, n, ksz, vsz, flag(o, "sort"));
	out_raw(r, "}", 1);
	free(all_keys);
	free(all_values);
	free(in);
	free(out);
}

/* Moves the process to one CPU (LRU lists and stealing depend on the calling CPU). */
static void op_cpu(struct jobj *o, struct out *r)
{
	int cpu = (int)num(o, "cpu", 0);
	cpu_set_t set;
	int ret = 0;
	CPU_ZERO(&set);
	if (cpu < 0 || cpu >= CPU_SETSIZE) {
		ret = -EINVAL;
	} else {
		CPU_SET(cpu, &set);
		if (sched_setaffinity(0, sizeof(set), &set))
			ret = -errno;
		else if (sched_getcpu() != cpu)
			die("still not on CPU %d after sched_setaffinity", cpu);
	}
	out_fmt(r, "{\"ret\":%d}", ret);
}

static void run_op(struct state *st, const char *line)
{
	struct jobj o;
	struct out r = { 0 };
	parse_object(line, &o);
	const char *op = str(&o, "op");
	if (!op)
		die("op without \"op\": %s", line);
	if (!strcmp(op, "create"))
		op_create(&o, &r);
	else if (!strcmp(op, "update"))
		op_update(&o, &r);
	else if (!strcmp(op, "lookup"))
		op_lookup(&o, &r, false);
	else if (!strcmp(op, "lookup_and_delete"))
		op_lookup(&o, &r, true);
	else if (!strcmp(op, "delete"))
		op_delete(&o, &r);
	else if (!strcmp(op, "get_next_key"))
		op_get_next_key(&o, &r);
	else if (!strcmp(op, "lookup_batch"))
		op_lookup_batch(st, &o, &r, false);
	else if (!strcmp(op, "lookup_and_delete_batch"))
		op_lookup_batch(st, &o, &r, true);
	else if (!strcmp(op, "update_batch"))
		op_update_batch(&o, &r, false);
	else if (!strcmp(op, "delete_batch"))
		op_update_batch(&o, &r, true);
	else if (!strcmp(op, "freeze"))
		out_fmt(&r, "{\"ret\":%d}", bpf_map_freeze((int)num(&o, "fd", -1)));
	else if (!strcmp(op, "pin"))
		op_pin(st, &o, &r);
	else if (!strcmp(op, "get"))
		op_get(&o, &r);
	else if (!strcmp(op, "close"))
		out_fmt(&r, "{\"ret\":%d}", close((int)num(&o, "fd", -1)) ? -errno : 0);
	else if (!strcmp(op, "info"))
		op_info(&o, &r);
	else if (!strcmp(op, "walk"))
		op_walk(&o, &r);
	else if (!strcmp(op, "batch_walk"))
		op_batch_walk(&o, &r);
	else if (!strcmp(op, "cpu"))
		op_cpu(&o, &r);
	else
		die("unknown op \"%s\"", op);
	fputs(r.s, results);
	fputc('\n', results);
	fflush(results);
	free(r.s);
	free_object(&o);
}

/* Runs one sequence in a forked child; returns the child's wait status. */
static int run_sequence(char **lines, int n)
{
	fflush(results);
	pid_t pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		struct state st = { 0 };
		for (int i = 0; i < n; i++)
			run_op(&st, lines[i]);
		for (int i = 0; i < st.npins; i++)
			unlink(st.pins[i]);
		fflush(results);
		_exit(0);
	}
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return status;
}

int main(void)
{
	cpu_set_t cpus;
	char *line = NULL;
	size_t cap = 0;
	char **seq = NULL;
	int n = 0, seq_cap = 0;

	int results_fd = fcntl(1, F_DUPFD_CLOEXEC, 100);
	if (results_fd < 0 || !(results = fdopen(results_fd, "w")))
		die("cannot duplicate stdout: %s", strerror(errno));
	CPU_ZERO(&cpus);
	CPU_SET(0, &cpus);
	if (sched_setaffinity(0, sizeof(cpus), &cpus))
		die("sched_setaffinity(CPU 0): %s", strerror(errno));
	/* Let libbpf run its one-time feature probes (they load and close a program) here, so each
	 * forked sequence inherits the cached answers and starts with exactly fds 0-2 open. */
	int warm = bpf_map_create(BPF_MAP_TYPE_ARRAY, "warmup", 4, 4, 1, NULL);
	if (warm >= 0)
		close(warm);

	for (;;) {
		ssize_t len = getline(&line, &cap, stdin);
		bool blank = len >= 0 && skip_ws(line)[0] == 0;
		if (len < 0 || blank) {
			if (n > 0 || blank) {
				int status = run_sequence(seq, n);
				fprintf(results, "{\"end\":true,\"status\":%d}\n", status);
				fflush(results);
			}
			for (int i = 0; i < n; i++)
				free(seq[i]);
			n = 0;
			if (len < 0)
				break;
			continue;
		}
		if (n == seq_cap)
			seq = realloc(seq, (seq_cap = seq_cap ? seq_cap * 2 : 64) * sizeof(char *));
		seq[n++] = strdup(line);
	}
	free(line);
	free(seq);
	return 0;
}
