/**
 * One simulated CPU: the struct xdp_md it builds, globals in the data segment, faults that
 * abort one packet (never the CPU), invalid return values, per-CPU map semantics seen from
 * programs on different CPUs, the xdp_adjust helpers and bpf_printk's trace lines.
 */
import { describe, expect, it } from 'vitest'
import { Kernel } from '../kernel/kernel'
import { XdpCpu } from './cpu'
import { hex } from './dump'
import { loadProgram } from './loader'
import { packetBufferBytes, RxQueue } from './rx-queue'
import { compileBpf, fixture } from './testing'

const HEAD = '#include <linux/bpf.h>\n#include <bpf/bpf_helpers.h>\nchar _license[] SEC("license") = "GPL";\n'

/** A kernel, the program loaded, and a packet buffer with 256 bytes of headroom. */
function setup(source: string, possibleCpus = 2) {
  const kernel = Kernel.create({ possibleCpus })
  const loaded = loadProgram(kernel, compileBpf(source))
  const buf = kernel.kmalloc(2048, 8)
  const u8 = new Uint8Array(kernel.sab)
  const put = (bytes: number[]) => {
    u8.fill(0, buf, buf + 2048)
    u8.set(bytes, buf + 256)
    return bytes.length
  }
  const run = (cpu: XdpCpu, len: number, tag = 0) => cpu.run(buf + 256, len, buf, buf + 2048 - 320, tag)
  return { kernel, loaded, buf, u8, put, run }
}

describe('XdpCpu', () => {
  it('presents the packet through struct xdp_md as the kernel does', () => {
    const src = `${HEAD}
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __type(key, __u32); __type(value, __u64); __uint(max_entries, 8); } out SEC(".maps");
static void put(__u32 k, __u64 v) { __u64 *p = bpf_map_lookup_elem(&out, &k); if (p) *p = v; }
SEC("xdp") int p(struct xdp_md *ctx) {
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	put(0, data_end - data);
	put(1, ctx->data_meta == ctx->data);
	put(2, ctx->ingress_ifindex);
	put(3, ctx->rx_queue_index);
	put(4, bpf_get_smp_processor_id());
	if (data + 2 > data_end) return XDP_ABORTED;
	put(5, *(unsigned char *)(data + 1));
	return XDP_TX;
}`
    const t = setup(src, 4)
    const cpu = new XdpCpu({ kernel: t.kernel, loaded: t.loaded, cpu: 3 })
    expect(t.run(cpu, t.put([7, 42, 9, 9, 9]))).toBe(3)
    const vals = t.kernel.maps()[0].entries.map((e) => new DataView((e.value as Uint8Array).buffer).getBigUint64(0, true))
    expect(vals.slice(0, 6)).toEqual([5n, 1n, 2n, 3n, 3n, 42n])
    expect(cpu.actions).toEqual([0, 0, 0, 1, 0])
  })

  it('presents each packet of a NAPI poll through struct xdp_md, and counts every helper call of the poll', () => {
    const src = `${HEAD}
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __type(key, __u32); __type(value, __u64); __uint(max_entries, 4); } out SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_HASH); __type(key, __u32); __type(value, __u64); __uint(max_entries, 4); } none SEC(".maps");
static void add(__u32 k, __u64 v) { __u64 *p = bpf_map_lookup_elem(&out, &k); if (p) *p += v; }
SEC("xdp") int p(struct xdp_md *ctx) {
	__u32 k = 0;
	if (bpf_map_lookup_elem(&none, &k)) return XDP_DROP;
	add(0, ctx->ingress_ifindex);
	add(1, ctx->rx_queue_index);
	add(2, ctx->data_end - ctx->data);
	add(3, ctx->data_meta == ctx->data);
	return XDP_PASS;
}`
    const t = setup(src, 4)
    const cpu = new XdpCpu({ kernel: t.kernel, loaded: t.loaded, cpu: 3 })
    const lengths = [60, 1514, 98]
    const bufferBytes = packetBufferBytes(1514)
    const queue = RxQueue.format(t.kernel.sab, t.kernel.kmalloc(RxQueue.bytesNeeded(4, bufferBytes), 64), 4, bufferBytes)
    lengths.forEach((n, i) => queue.write(new Uint8Array(n), i))
    queue.publish()
    const seq = t.kernel.eventLog.helperSeq(3)
    expect(cpu.runQueue(queue, 0, lengths.length)).toBe(2)
    const vals = t.kernel.maps().find((m) => m.name === 'out')!.entries.map((e) => new DataView((e.value as Uint8Array).buffer).getBigUint64(0, true))
    expect(vals).toEqual([3n * 2n, 3n * 3n, BigInt(60 + 1514 + 98), 3n])
    // five lookups a packet, counted though not recorded (tracing is off)
    expect(t.kernel.eventLog.helperSeq(3) - seq).toBe(5 * lengths.length)
  })

  it('goes on after a fault or an invalid return within a poll, across the ring\'s wrap, with frames copied from where the NIC posted them', () => {
    const src = `${HEAD}
SEC("xdp") int p(struct xdp_md *ctx) {
	unsigned char *data = (void *)(long)ctx->data;
	if ((void *)(data + 1) > (void *)(long)ctx->data_end) return XDP_ABORTED;
	if (data[0] == 1) return *(int *)0;
	if (data[0] == 2) return 7;
	return data[0] == 3 ? XDP_DROP : XDP_PASS;
}`
    const t = setup(src)
    const cpu = new XdpCpu({ kernel: t.kernel, loaded: t.loaded, cpu: 0 })
    const bufferBytes = packetBufferBytes(64)
    const queue = RxQueue.format(t.kernel.sab, t.kernel.kmalloc(RxQueue.bytesNeeded(4, bufferBytes), 64), 4, bufferBytes)
    const staged = t.kernel.kmalloc(64, 8)
    const poll = (firsts: number[], pos: number, tag: number) => {
      firsts.forEach((b, i) => {
        // every other frame posted from where the NIC staged it: the CPU copies it when it takes it
        if (i % 2 === 0) queue.write(new Uint8Array([b, 0, 0, 0]), tag + i)
        else {
          t.u8.set([b, 0, 0, 0], staged + 8 * i)
          queue.post(staged + 8 * i, 4, tag + i)
        }
      })
      queue.publish()
      const last = cpu.runQueue(queue, pos, firsts.length)
      queue.release(pos + firsts.length)
      return last
    }
    expect(poll([0, 1, 3], 0, 10)).toBe(1)
    // positions 3..6 are slots 3, 0, 1, 2
    expect(poll([2, 1, 0, 1], 3, 20)).toBe(0)
    expect(cpu.actions).toEqual([3, 1, 2, 0, 0])
    expect([cpu.invalidActions, cpu.packets, cpu.faultCount]).toEqual([1, 7, 3])
    expect(cpu.faults.map((f) => f.packet)).toEqual([11, 21, 23])
  })

  it('keeps globals in the data segment, shared by all CPUs', () => {
    const src = `${HEAD}
int seen = 0;
const char tag[] = "xdp";
SEC("xdp") int p(struct xdp_md *ctx) { seen += tag[1] == 'd'; return seen; }`
    const t = setup(src)
    const cpus = [0, 1].map((cpu) => new XdpCpu({ kernel: t.kernel, loaded: t.loaded, cpu }))
    expect([t.run(cpus[0], t.put([1])), t.run(cpus[1], 1), t.run(cpus[0], 1)]).toEqual([1, 2, 3])
  })

  it('aborts a faulting packet with the source line, and carries on with the next', () => {
    const src = `${HEAD}
SEC("xdp") int p(struct xdp_md *ctx) {
	void *data = (void *)(long)ctx->data;
	if (*(unsigned char *)data == 1) {
		int *bad = 0;
		return *bad;
	}
	return XDP_PASS;
}`
    const t = setup(src)
    const cpu = new XdpCpu({ kernel: t.kernel, loaded: t.loaded, cpu: 0 })
    expect(t.run(cpu, t.put([1]), 17)).toBe(0)
    expect(t.run(cpu, t.put([2]), 18)).toBe(2)
    expect(cpu.actions).toEqual([1, 0, 1, 0, 0])
    expect(cpu.faults).toEqual([{ cpu: 0, packet: 17, message: 'invalid memory access (a NULL pointer or an address outside kernel memory)', where: 'prog.c:9:3' }])
  })

  it('turns a bad helper argument into an abort, not a crash', () => {
    const src = `${HEAD}
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __type(key, __u32); __type(value, __u64); __uint(max_entries, 1); } m SEC(".maps");
SEC("xdp") int p(struct xdp_md *ctx) { return bpf_map_lookup_elem(&m, (void *)8) ? 1 : 2; }`
    const t = setup(src)
    const cpu = new XdpCpu({ kernel: t.kernel, loaded: t.loaded, cpu: 0 })
    expect(t.run(cpu, t.put([1]))).toBe(0)
    expect(cpu.faults[0].message).toBe('bpf_map_lookup_elem: invalid key pointer 0x8 (4 bytes)')
  })

  it('counts returns outside XDP_ABORTED..XDP_REDIRECT apart', () => {
    const t = setup(`${HEAD}SEC("xdp") int p(struct xdp_md *ctx) { return 7; }`)
    const cpu = new XdpCpu({ kernel: t.kernel, loaded: t.loaded, cpu: 0 })
    expect(t.run(cpu, t.put([1]))).toBe(0)
    expect(cpu.invalidActions).toBe(1)
    expect(cpu.actions).toEqual([0, 0, 0, 0, 0])
  })

  it('gives each CPU its own per-CPU slot; a program insert zeroes the other CPUs (spec 11)', () => {
    const src = `${HEAD}
struct { __uint(type, BPF_MAP_TYPE_PERCPU_HASH); __type(key, __u32); __type(value, __u64); __uint(max_entries, 4); } h SEC(".maps");
SEC("xdp") int p(struct xdp_md *ctx) {
	__u32 k = 7;
	__u64 v = 1000 + bpf_get_smp_processor_id();
	__u64 *other;
	bpf_map_update_elem(&h, &k, &v, BPF_ANY);
	other = bpf_map_lookup_percpu_elem(&h, &k, 0);
	if (!other)
		return XDP_ABORTED;
	return *other == 1000 ? XDP_PASS : XDP_DROP;
}`
    const t = setup(src)
    const [c0, c1] = [0, 1].map((cpu) => new XdpCpu({ kernel: t.kernel, loaded: t.loaded, cpu }))
    expect(t.run(c0, t.put([1]))).toBe(2)
    expect((t.kernel.maps()[0].entries[0].value as Uint8Array[]).map(hex)).toEqual(['e803000000000000', '0000000000000000'])
    expect(t.run(c1, 1)).toBe(2)
    expect((t.kernel.maps()[0].entries[0].value as Uint8Array[]).map(hex)).toEqual(['e803000000000000', 'e903000000000000'])
  })

  it('moves data and data_end with bpf_xdp_adjust_head/tail within the buffer', () => {
    const src = `${HEAD}
SEC("xdp") int p(struct xdp_md *ctx) {
	if (bpf_xdp_adjust_head(ctx, -4)) return XDP_ABORTED;
	if (bpf_xdp_adjust_tail(ctx, 6)) return XDP_ABORTED;
	if (bpf_xdp_adjust_head(ctx, 100000) != -22) return XDP_ABORTED;
	if (bpf_xdp_adjust_tail(ctx, -100000) != -22) return XDP_ABORTED;
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	if (data + 4 > data_end) return XDP_ABORTED;
	*(__u32 *)data = 0xaabbccdd;
	return data_end - data;
}`
    const t = setup(src)
    const cpu = new XdpCpu({ kernel: t.kernel, loaded: t.loaded, cpu: 0 })
    const len = t.put(Array.from({ length: 20 }, (_, i) => i + 1))
    const r = cpu.run(t.buf + 256, len, t.buf, t.buf + 2048 - 320, 0)
    expect(cpu.invalidActions).toBe(1) // returned 30, not an action
    expect(r).toBe(0)
    expect(hex(t.u8.subarray(t.buf + 252, t.buf + 256 + 26))).toBe('ddccbbaa' + hex(Uint8Array.from({ length: 20 }, (_, i) => i + 1)) + '000000000000')
  })

  it('writes bpf_printk lines in the trace_pipe format', () => {
    const src = `${HEAD}
SEC("xdp") int p(struct xdp_md *ctx) {
	__u32 ip = 0x0200000a;
	bpf_printk("from %pI4 on cpu %d", &ip, bpf_get_smp_processor_id());
	bpf_printk("bad %q");
	return XDP_PASS;
}`
    const t = setup(src)
    const lines: string[] = []
    const cpu = new XdpCpu({ kernel: t.kernel, loaded: t.loaded, cpu: 1, trace: (l) => lines.push(l), ktimeNs: () => 8992727166123n })
    t.run(cpu, t.put([1]))
    expect(lines).toEqual(['          <idle>-0       [001] d.s11  8992.727166: bpf_trace_printk: from 10.0.0.2 on cpu 1'])
  })

  it('draws bpf_get_prandom_u32 from a per-CPU seeded generator', () => {
    const src = `${HEAD}SEC("xdp") int p(struct xdp_md *ctx) { return bpf_get_prandom_u32() % 5; }`
    const t = setup(src)
    const draw = (seed: number) => {
      const cpu = new XdpCpu({ kernel: t.kernel, loaded: t.loaded, cpu: 0, seed })
      return Array.from({ length: 50 }, () => t.run(cpu, t.put([1])))
    }
    expect(draw(4)).toEqual(draw(4))
    expect(draw(4)).not.toEqual(draw(5))
    expect(new Set(draw(4)).size).toBe(5)
  })
})

it('the fixture programs compile for the BPF target', () => {
  for (const f of ['counter_atomic.c', 'counter_plain.c', 'percpu.c', 'ipcount.c', 'udp_drop.c', 'basic02_legacy.c', 'helper_returns.c']) expect(compileBpf(fixture(f), f).maps.length).toBeGreaterThan(0)
})
