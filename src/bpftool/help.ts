/**
 * bpftool 7.1's help texts (Debian 12 package), verbatim: `bpftool help`, `bpftool map help`.
 * Help goes to stderr, as in bpftool; map help names the object word as it was typed
 * (`bpftool m help` prints "bpftool m { show | list }").
 */

export function mainHelp(bin: string): string {
  return `Usage: ${bin} [OPTIONS] OBJECT { COMMAND | help }
       ${bin} batch file FILE
       ${bin} version

       OBJECT := { prog | map | link | cgroup | perf | net | feature | btf | gen | struct_ops | iter }
       OPTIONS := { {-j|--json} [{-p|--pretty}] | {-d|--debug} | {-l|--legacy} |
                    {-V|--version} }
`
}

export function mapHelp(bin: string, obj: string): string {
  return `Usage: ${bin} ${obj} { show | list }   [MAP]
       ${bin} ${obj} create     FILE type TYPE key KEY_SIZE value VALUE_SIZE \\
                                  entries MAX_ENTRIES name NAME [flags FLAGS] \\
                                  [inner_map MAP] [dev NAME]
       ${bin} ${obj} dump       MAP
       ${bin} ${obj} update     MAP [key DATA] [value VALUE] [UPDATE_FLAGS]
       ${bin} ${obj} lookup     MAP [key DATA]
       ${bin} ${obj} getnext    MAP [key DATA]
       ${bin} ${obj} delete     MAP  key DATA
       ${bin} ${obj} pin        MAP  FILE
       ${bin} ${obj} event_pipe MAP [cpu N index M]
       ${bin} ${obj} peek       MAP
       ${bin} ${obj} push       MAP value VALUE
       ${bin} ${obj} pop        MAP
       ${bin} ${obj} enqueue    MAP value VALUE
       ${bin} ${obj} dequeue    MAP
       ${bin} ${obj} freeze     MAP
       ${bin} ${obj} help

       MAP := { id MAP_ID | pinned FILE | name MAP_NAME }
       DATA := { [hex] BYTES }
       PROG := { id PROG_ID | pinned FILE | tag PROG_TAG | name PROG_NAME }
       VALUE := { DATA | MAP | PROG }
       UPDATE_FLAGS := { any | exist | noexist }
       TYPE := { hash | array | prog_array | perf_event_array | percpu_hash |
                 percpu_array | stack_trace | cgroup_array | lru_hash |
                 lru_percpu_hash | lpm_trie | array_of_maps | hash_of_maps |
                 devmap | devmap_hash | sockmap | cpumap | xskmap | sockhash |
                 cgroup_storage | reuseport_sockarray | percpu_cgroup_storage |
                 queue | stack | sk_storage | struct_ops | ringbuf | inode_storage |
                 task_storage | bloom_filter | user_ringbuf }
       OPTIONS := { {-j|--json} [{-p|--pretty}] | {-d|--debug} | {-l|--legacy} |
                    {-f|--bpffs} | {-n|--nomount} }
`
}
