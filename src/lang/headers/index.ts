/**
 * The virtual /usr/include: every system header bpfplay's C compiler can #include, keyed by include
 * path ('stdio.h', 'bpf/libbpf.h', 'linux/bpf.h'). Sources: libc.ts (glibc + gcc headers, hand-written),
 * uapi.ts (Linux UAPI, generated from Debian 12's linux-libc-dev), uapi-extra.ts (byte order),
 * libbpf.ts (libbpf 1.1.2, generated) and libbpf-extra.ts (bpf_tracing.h). `vmlinux.h` is deliberately
 * absent: it is generated per kernel by bpftool, and the preprocessor explains that when it is missing.
 */

import { libbpfHeaders } from './libbpf'
import { libbpfExtraHeaders } from './libbpf-extra'
import { libcHeaders } from './libc'
import { uapiHeaders } from './uapi'
import { uapiExtraHeaders } from './uapi-extra'

export const systemHeaders: Readonly<Record<string, string>> = Object.freeze({
  ...libcHeaders,
  ...uapiHeaders,
  ...uapiExtraHeaders,
  ...libbpfHeaders,
  ...libbpfExtraHeaders,
})
