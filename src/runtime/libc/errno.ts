/**
 * errno for the C runtime: glibc 2.36's strerror() texts and errno names (what strerrorname_np
 * returns; the UI shows them next to the numbers), and perror()'s output format. Numbers with no
 * entry (41, 58, anything above 133, negatives) read "Unknown error N", as in glibc.
 */

// Index = errno. [name, message]; null where glibc has none (41 and 58 are unused on Linux).
const TABLE: ReadonlyArray<readonly [string | null, string | null]> = [
  [null, 'Success'],
  ['EPERM', 'Operation not permitted'],
  ['ENOENT', 'No such file or directory'],
  ['ESRCH', 'No such process'],
  ['EINTR', 'Interrupted system call'],
  ['EIO', 'Input/output error'],
  ['ENXIO', 'No such device or address'],
  ['E2BIG', 'Argument list too long'],
  ['ENOEXEC', 'Exec format error'],
  ['EBADF', 'Bad file descriptor'],
  ['ECHILD', 'No child processes'],
  ['EAGAIN', 'Resource temporarily unavailable'],
  ['ENOMEM', 'Cannot allocate memory'],
  ['EACCES', 'Permission denied'],
  ['EFAULT', 'Bad address'],
  ['ENOTBLK', 'Block device required'],
  ['EBUSY', 'Device or resource busy'],
  ['EEXIST', 'File exists'],
  ['EXDEV', 'Invalid cross-device link'],
  ['ENODEV', 'No such device'],
  ['ENOTDIR', 'Not a directory'],
  ['EISDIR', 'Is a directory'],
  ['EINVAL', 'Invalid argument'],
  ['ENFILE', 'Too many open files in system'],
  ['EMFILE', 'Too many open files'],
  ['ENOTTY', 'Inappropriate ioctl for device'],
  ['ETXTBSY', 'Text file busy'],
  ['EFBIG', 'File too large'],
  ['ENOSPC', 'No space left on device'],
  ['ESPIPE', 'Illegal seek'],
  ['EROFS', 'Read-only file system'],
  ['EMLINK', 'Too many links'],
  ['EPIPE', 'Broken pipe'],
  ['EDOM', 'Numerical argument out of domain'],
  ['ERANGE', 'Numerical result out of range'],
  ['EDEADLK', 'Resource deadlock avoided'],
  ['ENAMETOOLONG', 'File name too long'],
  ['ENOLCK', 'No locks available'],
  ['ENOSYS', 'Function not implemented'],
  ['ENOTEMPTY', 'Directory not empty'],
  ['ELOOP', 'Too many levels of symbolic links'],
  [null, null],
  ['ENOMSG', 'No message of desired type'],
  ['EIDRM', 'Identifier removed'],
  ['ECHRNG', 'Channel number out of range'],
  ['EL2NSYNC', 'Level 2 not synchronized'],
  ['EL3HLT', 'Level 3 halted'],
  ['EL3RST', 'Level 3 reset'],
  ['ELNRNG', 'Link number out of range'],
  ['EUNATCH', 'Protocol driver not attached'],
  ['ENOCSI', 'No CSI structure available'],
  ['EL2HLT', 'Level 2 halted'],
  ['EBADE', 'Invalid exchange'],
  ['EBADR', 'Invalid request descriptor'],
  ['EXFULL', 'Exchange full'],
  ['ENOANO', 'No anode'],
  ['EBADRQC', 'Invalid request code'],
  ['EBADSLT', 'Invalid slot'],
  [null, null],
  ['EBFONT', 'Bad font file format'],
  ['ENOSTR', 'Device not a stream'],
  ['ENODATA', 'No data available'],
  ['ETIME', 'Timer expired'],
  ['ENOSR', 'Out of streams resources'],
  ['ENONET', 'Machine is not on the network'],
  ['ENOPKG', 'Package not installed'],
  ['EREMOTE', 'Object is remote'],
  ['ENOLINK', 'Link has been severed'],
  ['EADV', 'Advertise error'],
  ['ESRMNT', 'Srmount error'],
  ['ECOMM', 'Communication error on send'],
  ['EPROTO', 'Protocol error'],
  ['EMULTIHOP', 'Multihop attempted'],
  ['EDOTDOT', 'RFS specific error'],
  ['EBADMSG', 'Bad message'],
  ['EOVERFLOW', 'Value too large for defined data type'],
  ['ENOTUNIQ', 'Name not unique on network'],
  ['EBADFD', 'File descriptor in bad state'],
  ['EREMCHG', 'Remote address changed'],
  ['ELIBACC', 'Can not access a needed shared library'],
  ['ELIBBAD', 'Accessing a corrupted shared library'],
  ['ELIBSCN', '.lib section in a.out corrupted'],
  ['ELIBMAX', 'Attempting to link in too many shared libraries'],
  ['ELIBEXEC', 'Cannot exec a shared library directly'],
  ['EILSEQ', 'Invalid or incomplete multibyte or wide character'],
  ['ERESTART', 'Interrupted system call should be restarted'],
  ['ESTRPIPE', 'Streams pipe error'],
  ['EUSERS', 'Too many users'],
  ['ENOTSOCK', 'Socket operation on non-socket'],
  ['EDESTADDRREQ', 'Destination address required'],
  ['EMSGSIZE', 'Message too long'],
  ['EPROTOTYPE', 'Protocol wrong type for socket'],
  ['ENOPROTOOPT', 'Protocol not available'],
  ['EPROTONOSUPPORT', 'Protocol not supported'],
  ['ESOCKTNOSUPPORT', 'Socket type not supported'],
  ['EOPNOTSUPP', 'Operation not supported'],
  ['EPFNOSUPPORT', 'Protocol family not supported'],
  ['EAFNOSUPPORT', 'Address family not supported by protocol'],
  ['EADDRINUSE', 'Address already in use'],
  ['EADDRNOTAVAIL', 'Cannot assign requested address'],
  ['ENETDOWN', 'Network is down'],
  ['ENETUNREACH', 'Network is unreachable'],
  ['ENETRESET', 'Network dropped connection on reset'],
  ['ECONNABORTED', 'Software caused connection abort'],
  ['ECONNRESET', 'Connection reset by peer'],
  ['ENOBUFS', 'No buffer space available'],
  ['EISCONN', 'Transport endpoint is already connected'],
  ['ENOTCONN', 'Transport endpoint is not connected'],
  ['ESHUTDOWN', 'Cannot send after transport endpoint shutdown'],
  ['ETOOMANYREFS', 'Too many references: cannot splice'],
  ['ETIMEDOUT', 'Connection timed out'],
  ['ECONNREFUSED', 'Connection refused'],
  ['EHOSTDOWN', 'Host is down'],
  ['EHOSTUNREACH', 'No route to host'],
  ['EALREADY', 'Operation already in progress'],
  ['EINPROGRESS', 'Operation now in progress'],
  ['ESTALE', 'Stale file handle'],
  ['EUCLEAN', 'Structure needs cleaning'],
  ['ENOTNAM', 'Not a XENIX named type file'],
  ['ENAVAIL', 'No XENIX semaphores available'],
  ['EISNAM', 'Is a named type file'],
  ['EREMOTEIO', 'Remote I/O error'],
  ['EDQUOT', 'Disk quota exceeded'],
  ['ENOMEDIUM', 'No medium found'],
  ['EMEDIUMTYPE', 'Wrong medium type'],
  ['ECANCELED', 'Operation canceled'],
  ['ENOKEY', 'Required key not available'],
  ['EKEYEXPIRED', 'Key has expired'],
  ['EKEYREVOKED', 'Key has been revoked'],
  ['EKEYREJECTED', 'Key was rejected by service'],
  ['EOWNERDEAD', 'Owner died'],
  ['ENOTRECOVERABLE', 'State not recoverable'],
  ['ERFKILL', 'Operation not possible due to RF-kill'],
  ['EHWPOISON', 'Memory page has hardware error'],
]

/** Highest errno glibc 2.36 knows on x86-64 Linux (EHWPOISON). */
export const MAX_ERRNO = TABLE.length - 1

/** glibc's strerror(errnum) text. */
export function strerror(errnum: number): string {
  const entry = Number.isInteger(errnum) && errnum >= 0 ? TABLE[errnum] : undefined
  return entry?.[1] ?? `Unknown error ${errnum | 0}`
}

/** The symbolic name ("ENOENT"), or null when errnum has none (0 included). */
export function errnoName(errnum: number): string | null {
  const entry = Number.isInteger(errnum) && errnum >= 0 ? TABLE[errnum] : undefined
  return entry?.[0] ?? null
}

/** The errno value for a name ("ENOENT" -> 2); the glibc aliases EWOULDBLOCK, EDEADLOCK and ENOTSUP too. */
export function errnoByName(name: string): number | undefined {
  return BY_NAME.get(name)
}

const BY_NAME = new Map<string, number>([
  ...TABLE.flatMap(([name], i): [string, number][] => (name ? [[name, i]] : [])),
  ['EWOULDBLOCK', 11],
  ['EDEADLOCK', 35],
  ['ENOTSUP', 95],
])

/**
 * What perror(s) writes to stderr: "s: message\n", or just "message\n" when s is NULL or empty.
 * `prefix` is the bytes of s (null for a NULL pointer); the result is bytes too, since s may hold
 * any bytes.
 */
export function perrorBytes(prefix: Uint8Array | null, errnum: number): Uint8Array {
  const msg = new TextEncoder().encode(strerror(errnum) + '\n')
  if (!prefix || prefix.length === 0) return msg
  const out = new Uint8Array(prefix.length + 2 + msg.length)
  out.set(prefix)
  out[prefix.length] = 0x3a // ':'
  out[prefix.length + 1] = 0x20
  out.set(msg, prefix.length + 2)
  return out
}

/** perror() output as text, for callers that hold the prefix as a JS string. */
export function perrorText(prefix: string | null, errnum: number): string {
  return prefix ? `${prefix}: ${strerror(errnum)}\n` : `${strerror(errnum)}\n`
}
