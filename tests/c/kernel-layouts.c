// Golden program: expected stdout (from gcc 12 on x86-64) in the // expect: lines at the end.
#include <stdio.h>
#include <stddef.h>
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <linux/icmp.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#define S(t) printf(#t " %zu %zu\n", sizeof(t), _Alignof(t))
#define O(t, f) printf(#t "." #f " %zu\n", offsetof(t, f))
int main(void) {
  S(struct ethhdr); O(struct ethhdr, h_proto);
  S(struct iphdr); O(struct iphdr, tos); O(struct iphdr, ttl); O(struct iphdr, saddr); O(struct iphdr, daddr);
  S(struct ipv6hdr); O(struct ipv6hdr, saddr); O(struct ipv6hdr, nexthdr);
  S(struct tcphdr); O(struct tcphdr, window); O(struct tcphdr, ack_seq);
  S(struct udphdr); S(struct icmphdr);
  S(struct xdp_md); O(struct xdp_md, data_end); O(struct xdp_md, rx_queue_index);
  S(struct bpf_map_create_opts); O(struct bpf_map_create_opts, btf_fd); O(struct bpf_map_create_opts, map_flags); O(struct bpf_map_create_opts, map_ifindex);
  S(struct bpf_map_batch_opts); O(struct bpf_map_batch_opts, elem_flags); O(struct bpf_map_batch_opts, flags);
  S(union bpf_attr);
  S(struct bpf_map_info); O(struct bpf_map_info, name); O(struct bpf_map_info, btf_id);
  S(struct bpf_prog_info);
  S(struct __sk_buff);
  struct iphdr ip = {0}; unsigned char *b = (unsigned char *)&ip;
  ip.ihl = 5; ip.version = 4; printf("%d\n", b[0]);
  struct tcphdr th = {0}; unsigned char *tb = (unsigned char *)&th;
  th.syn = 1; th.ack = 1; th.doff = 5; printf("%d %d\n", tb[12], tb[13]);
  LIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = BPF_F_NO_PREALLOC);
  printf("%zu %u %u\n", opts.sz, opts.map_flags, opts.btf_fd);
  DECLARE_LIBBPF_OPTS(bpf_map_batch_opts, bo, .elem_flags = 2, .flags = 3);
  printf("%zu %llu %llu\n", bo.sz, (unsigned long long)bo.elem_flags, (unsigned long long)bo.flags);
  return 0;
}

// expect: struct ethhdr 14 1
// expect: struct ethhdr.h_proto 12
// expect: struct iphdr 20 4
// expect: struct iphdr.tos 1
// expect: struct iphdr.ttl 8
// expect: struct iphdr.saddr 12
// expect: struct iphdr.daddr 16
// expect: struct ipv6hdr 40 4
// expect: struct ipv6hdr.saddr 8
// expect: struct ipv6hdr.nexthdr 6
// expect: struct tcphdr 20 4
// expect: struct tcphdr.window 14
// expect: struct tcphdr.ack_seq 8
// expect: struct udphdr 8 2
// expect: struct icmphdr 8 4
// expect: struct xdp_md 24 4
// expect: struct xdp_md.data_end 4
// expect: struct xdp_md.rx_queue_index 16
// expect: struct bpf_map_create_opts 48 8
// expect: struct bpf_map_create_opts.btf_fd 8
// expect: struct bpf_map_create_opts.map_flags 28
// expect: struct bpf_map_create_opts.map_ifindex 44
// expect: struct bpf_map_batch_opts 24 8
// expect: struct bpf_map_batch_opts.elem_flags 8
// expect: struct bpf_map_batch_opts.flags 16
// expect: union bpf_attr 144 8
// expect: struct bpf_map_info 88 8
// expect: struct bpf_map_info.name 24
// expect: struct bpf_map_info.btf_id 64
// expect: struct bpf_prog_info 232 8
// expect: struct __sk_buff 192 8
// expect: 69
// expect: 80 18
// expect: 48 1 0
// expect: 24 2 3
