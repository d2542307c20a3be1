# Regenerates uapi.ts and libbpf.ts from a Debian 12 /usr/include (linux-libc-dev 6.1, libbpf-dev 1.1.2).
# Usage: python3 src/lang/headers/generate.py src/lang/headers
# Generates src/lang/headers/{uapi,libbpf}.ts from the Debian 12 headers in /usr/include (comments stripped).
import subprocess, re, os, sys
INC='/usr/include'
def strip(path):
    p=os.path.join(INC,path)
    if not os.path.exists(p): p=os.path.join(INC,'x86_64-linux-gnu',path)
    r=subprocess.run(['gcc','-fpreprocessed','-dD','-E','-P',p],capture_output=True,text=True,check=True)
    out=r.stdout
    errs=[l for l in r.stderr.split('\n') if 'error' in l]
    if errs: print(path, errs, file=sys.stderr)
    lines=[]
    for l in out.split('\n'):
        l=l.rstrip()
        # drop blank lines, except one that ends a macro continued with a backslash
        if not l.strip(): continue
        # gcc -P drops the blank line that ended a backslash-continued macro; put it back before a directive
        if lines and lines[-1].endswith('\\') and re.match(r'\s*#\s*(if|ifdef|ifndef|elif|else|endif|define|undef|include|error|pragma)\b', l):
            lines.append('')
        lines.append(l)
    return lines
def spdx(path):
    p=os.path.join(INC,path)
    if not os.path.exists(p): p=os.path.join(INC,'x86_64-linux-gnu',path)
    first=open(p).read().split('\n')[0]
    m=re.search(r'SPDX-License-Identifier:\s*(.*?)\s*(\*/)?$',first)
    return f'/* SPDX-License-Identifier: {m.group(1)} */' if m else None
def drop_cplusplus(lines):
    out=[];i=0
    while i<len(lines):
        l=lines[i]
        if l.strip()=='#ifdef __cplusplus' and i+2<len(lines) and lines[i+2].strip()=='#endif':
            i+=3;continue
        out.append(l);i+=1
    return out
def drop_range(lines,start_re,end_re):
    out=[];skipping=False
    for l in lines:
        if not skipping and re.search(start_re,l): skipping=True
        if not skipping: out.append(l)
        elif re.search(end_re,l): skipping=False
    return out
def common(lines):
    lines=drop_cplusplus(lines)
    lines=[l for l in lines if not re.match(r'^\s*(size_t|long)\s+:0;\s*$',l)]
    # GNU zero-length arrays -> C99 flexible array members (same layout)
    # (a struct whose only member is one keeps [0]: a flexible array needs a named member before it)
    lines=[l if k>0 and re.match(r'^(struct|union) \w+ \{$',lines[k-1]) else re.sub(r'^(\s*[^#].*\w)\[0\];',r'\1[];',l) for k,l in enumerate(lines)]
    return lines

def uapi():
    H={}
    simple=['linux/types.h','asm/types.h','asm-generic/types.h','asm-generic/int-ll64.h','asm/bitsperlong.h','asm-generic/bitsperlong.h',
      'linux/posix_types.h','asm/posix_types.h','asm/posix_types_64.h','asm-generic/posix_types.h','linux/stddef.h',
      'linux/bpf_common.h','linux/if_ether.h','linux/ip.h','linux/ipv6.h','linux/in.h','linux/in6.h','linux/socket.h',
      'linux/libc-compat.h','linux/tcp.h','linux/udp.h','linux/icmp.h','linux/icmpv6.h','linux/if.h','linux/hdlc/ioctl.h',
      'linux/errno.h','asm/errno.h','asm-generic/errno.h','asm-generic/errno-base.h','linux/const.h','linux/if_packet.h','linux/limits.h']
    for f in simple: H[f]=(f,common(strip(f)))
    b=common(strip('linux/bpf.h'))
    b=drop_range(b,r'^#define __BPF_FUNC_MAPPER',r'^#undef __BPF_ENUM_FN')
    H['linux/bpf.h']=('linux/bpf.h',b)
    # if_link.h: the IFLA attribute enum and the XDP section (what XDP loaders use)
    l=common(strip('linux/if_link.h'))
    start=max(i for i in range(len(l)) if l[i].startswith('enum {') and i<[j for j,x in enumerate(l) if x.strip()=='IFLA_UNSPEC,'][0])
    end=[j for j,x in enumerate(l) if x.startswith('#define IFLA_MAX ')][0]
    xs=[j for j,x in enumerate(l) if x.startswith('#define XDP_FLAGS_UPDATE_IF_NOEXIST')][0]
    xe=[j for j,x in enumerate(l) if x.startswith('#define IFLA_XDP_MAX')][0]
    H['linux/if_link.h']=('linux/if_link.h',l[0:2]+['#include <linux/types.h>']+l[start:end+1]+l[xs:xe+1]+['#endif'])
    # pkt_cls.h: the TC action codes (without pkt_sched.h's qdisc structures)
    p=common(strip('linux/pkt_cls.h'))
    pe=[j for j,x in enumerate(p) if x.startswith('#define TC_ACT_EXT_OPCODE_MAX')][0]
    H['linux/pkt_cls.h']=('linux/pkt_cls.h',[x for x in p[:pe+1] if 'pkt_sched.h' not in x]+['#endif'])
    H['asm/unistd_64.h']=('asm/unistd_64.h',common(strip('asm/unistd_64.h')))
    sysc=[l for l in strip('bits/syscall.h') if l.strip().startswith('# define SYS_') or l.strip().startswith('#define SYS_')]
    nrs=set(x.split()[1] for x in H['asm/unistd_64.h'][1] if x.startswith('#define __NR_'))
    sysc=['#define '+' '.join(x.replace('#','',1).split()[1:]) for x in sysc]
    sysc=[x for x in sysc if x.split()[2] in nrs]
    H['bits/syscall.h']=('bits/syscall.h',['#ifndef _BITS_SYSCALL_H','#define _BITS_SYSCALL_H 1']+sysc+['#endif'])
    return H

def libbpf():
    H={}
    for f in ['bpf/libbpf.h','bpf/bpf.h','bpf/libbpf_common.h','bpf/libbpf_legacy.h','bpf/libbpf_version.h','bpf/bpf_endian.h']:
        H[f]=(f,common(strip(f)))
    b=H['bpf/bpf.h'][1]
    k=b.index('LIBBPF_API int bpf_obj_pin(int fd, const char *pathname);')
    b[k+1:k+1]=['/* bpfplay: from libbpf 1.2 (not in Debian 12\'s 1.1.2), declared because the tutorials use them */',
      'struct bpf_obj_pin_opts {',' size_t sz;',' __u32 file_flags;',' int path_fd;','};',
      '#define bpf_obj_pin_opts__last_field path_fd',
      'LIBBPF_API int bpf_obj_pin_opts(int fd, const char *pathname,','     const struct bpf_obj_pin_opts *opts);']
    k=b.index('LIBBPF_API int bpf_obj_get_info_by_fd(int bpf_fd, void *info, __u32 *info_len);')
    b[k+1:k+1]=['/* bpfplay: from libbpf 1.2, as above */',
      'struct bpf_prog_info;','struct bpf_map_info;','struct bpf_btf_info;','struct bpf_link_info;',
      'LIBBPF_API int bpf_prog_get_info_by_fd(int prog_fd, struct bpf_prog_info *info, __u32 *info_len);',
      'LIBBPF_API int bpf_map_get_info_by_fd(int map_fd, struct bpf_map_info *info, __u32 *info_len);',
      'LIBBPF_API int bpf_btf_get_info_by_fd(int btf_fd, struct bpf_btf_info *info, __u32 *info_len);',
      'LIBBPF_API int bpf_link_get_info_by_fd(int link_fd, struct bpf_link_info *info, __u32 *info_len);']
    h=common(strip('bpf/bpf_helpers.h'))
    k=h.index('#include "bpf_helper_defs.h"')
    h[k+1:k+1]=['/* bpfplay: the legacy map definition libbpf < 1.0 had here (SEC("maps")), kept for the tutorials */',
      'struct bpf_map_def {',' unsigned int type;',' unsigned int key_size;',' unsigned int value_size;',' unsigned int max_entries;',' unsigned int map_flags;','};']
    # bpf_tail_call_static is inline asm: not something bpfplay's compiler runs
    h=drop_range(h,r'^#if __clang_major__ >= 8 && defined\(__bpf__\)',r'^#endif')
    H['bpf/bpf_helpers.h']=('bpf/bpf_helpers.h',h)
    # helper definitions: libbpf's function-pointer constants become ordinary prototypes
    d=common(strip('bpf/bpf_helper_defs.h'))
    out=[]
    i=0
    text='\n'.join(d)
    # join multi-line static declarations
    decls=re.findall(r'static ([^;]*?)\(\*(\w+)\)\(([^;]*?)\) = \(void \*\) (\d+);',text,re.S)
    head=[l for l in d if l.startswith('struct ') and l.endswith(';')]
    body=[]
    for ret,name,args,num in decls:
        ret=' '.join(ret.split()); args=' '.join(args.split())
        sep='' if ret.endswith('*') else ' '
        body.append(f'{ret}{sep}{name}({args});')
    H['bpf/bpf_helper_defs.h']=('bpf/bpf_helper_defs.h',['#ifndef __BPF_HELPER_DEFS_H','#define __BPF_HELPER_DEFS_H']+head+body+['#endif'])
    return H

def emit(name,var,doc,H,out):
    s=['/**',*[' * '+l if l else ' *' for l in doc],' */','',f'export const {var}: Record<string, string> = {{']
    for key,(src,lines) in H.items():
        lic=spdx(src)
        text='\n'.join(([lic] if lic else [])+lines)+'\n'
        assert '`' not in text and '${' not in text, key
        s.append(f"  '{key}': String.raw`{text}`,")
    s.append('}')
    open(out,'w').write('\n'.join(s)+'\n')

u=uapi()
emit('uapi','uapiHeaders',['Linux UAPI headers as Debian 12 ships them (linux-libc-dev 6.1), comments removed.',
 'Generated from /usr/include with `gcc -fpreprocessed -dD -E -P`; the only edits: C++ guards dropped, GNU',
 'zero-length arrays written as flexible array members where C allows it (same layout), and in linux/bpf.h the',
 '__BPF_FUNC_MAPPER list and enum bpf_func_id left out (helper ids are not part of bpfplay\'s C).',
 'linux/if_link.h keeps only the IFLA attribute enum and the XDP section, linux/pkt_cls.h only the TC',
 'action codes, bits/syscall.h (glibc) is the SYS_* list as plain defines. The byte-order headers',
 '(asm/byteorder.h, linux/swab.h) are hand-written in uapi-extra.ts.'],u,sys.argv[1]+'/uapi.ts')
l=libbpf()
emit('libbpf','libbpfHeaders',['libbpf 1.1.2 headers as Debian 12 ships them (libbpf-dev), comments removed.',
 'Generated from /usr/include/bpf with `gcc -fpreprocessed -dD -E -P`; the edits: C++ guards and zero-width',
 '`size_t :0;` padding fields dropped (no effect on layout), bpf_tail_call_static (inline asm) left out, and',
 'bpf_helper_defs.h declares the helpers as ordinary prototypes instead of function-pointer constants.',
 'Additions, marked "bpfplay:" in the text: bpf_helpers.h keeps the legacy struct bpf_map_def (libbpf < 1.0),',
 'bpf.h declares bpf_obj_pin_opts and the bpf_*_get_info_by_fd functions of libbpf 1.2.',
 'bpf/bpf_tracing.h is hand-written (minimal) in libbpf-extra.ts.'],l,sys.argv[1]+'/libbpf.ts')
