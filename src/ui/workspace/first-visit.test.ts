import { describe, expect, it } from 'vitest'
import { DEMO_WORKSPACE, demoAllowed, QUIET_WORKSPACE } from './first-visit'

describe('demoAllowed', () => {
  it('allows the demo on the bare address and with unrelated parameters', () => {
    expect(demoAllowed('')).toBe(true)
    expect(demoAllowed('?utm_source=x')).toBe(true)
    expect(demoAllowed('?demo=1')).toBe(true)
  })

  it('is turned off by ?demo=0 (and its spellings), lessons and embeds', () => {
    for (const q of ['?demo=0', '?demo=false', '?demo=OFF', '?x=1&demo=no', '?lesson=lookup', '?lesson=lookup&step=2', '?embed=1&example=hello-maps']) expect(demoAllowed(q), q).toBe(false)
  })
})

describe('first-visit workspaces', () => {
  it('the demo pairs the pinned-map reader with the counter it reads, and shows the counter', () => {
    expect(DEMO_WORKSPACE.files['xdp_prog.c']).toContain('xdp_stats_map')
    expect(DEMO_WORKSPACE.files['user.c']).toContain('bpf_obj_get("/sys/fs/bpf/xdp_stats_map")')
    expect(DEMO_WORKSPACE.active).toBe('xdp_prog.c')
    expect(QUIET_WORKSPACE.files['user.c']).toContain('"scores"')
  })
})
