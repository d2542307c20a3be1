/**
 * The bpffs mount, /sys/fs/bpf, as a tree: directories and pinned maps. A pin keeps a map
 * alive after every process that had it open has exited; a reboot empties bpffs.
 */
import type { BpffsEntry, MapSnapshot } from '../../kernel/api'
import { mapTypeName } from './names'

const ROOT = '/sys/fs/bpf'

interface Node {
  name: string
  path: string
  entry?: BpffsEntry
  children: Node[]
}

function buildTree(entries: BpffsEntry[]): Node {
  const root: Node = { name: ROOT, path: ROOT, children: [] }
  for (const e of [...entries].sort((a, b) => a.path.localeCompare(b.path))) {
    if (!e.path.startsWith(ROOT + '/')) continue
    let node = root
    const parts = e.path.slice(ROOT.length + 1).split('/')
    parts.forEach((part, i) => {
      const path = `${node.path}/${part}`
      let child = node.children.find((c) => c.name === part)
      if (!child) node.children.push((child = { name: part, path, children: [] }))
      if (i === parts.length - 1) child.entry = e
      node = child
    })
  }
  return root
}

function NodeView({ node, maps, depth }: { node: Node; maps: Map<number, MapSnapshot>; depth: number }) {
  const isMap = node.entry?.kind === 'map'
  const m = isMap && node.entry?.mapId !== undefined ? maps.get(node.entry.mapId) : undefined
  return (
    <li>
      <div className={`pin-node ${isMap ? 'pin-map' : 'pin-dir'}`} data-pin-path={node.path} style={{ paddingLeft: `${depth * 18}px` }}>
        <span className="pin-icon" aria-hidden="true">
          {isMap ? '◆' : '▾'}
        </span>
        <span className="mono">{depth === 0 ? node.name : node.name + (isMap ? '' : '/')}</span>
        {isMap && (
          <span className="muted small">
            {' '}
            map id {node.entry?.mapId}
            {m ? ` · ${mapTypeName(m.type)}${m.name ? ` “${m.name}”` : ''} · ${m.entries.length} element${m.entries.length === 1 ? '' : 's'}` : ''}
          </span>
        )}
      </div>
      {node.children.length > 0 && (
        <ul className="pin-children">
          {node.children.map((c) => (
            <NodeView key={c.path} node={c} maps={maps} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  )
}

export function PinTree({ entries, maps }: { entries: BpffsEntry[]; maps: MapSnapshot[] }) {
  const tree = buildTree(entries)
  const byId = new Map(maps.map((m) => [m.id, m]))
  return (
    <div className="pins">
      <ul className="pin-tree" aria-label="bpffs">
        <NodeView node={tree} maps={byId} depth={0} />
      </ul>
      {tree.children.length === 0 && (
        <p className="empty">
          Nothing is pinned. <code>bpf_obj_pin(fd, "/sys/fs/bpf/name")</code> keeps a map alive after its process exits, and{' '}
          <code>bpf_obj_get()</code> opens it again from another program. Reboot empties bpffs.
        </p>
      )}
    </div>
  )
}
