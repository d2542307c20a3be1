/**
 * bpftool's JSON writer (tools/bpf/bpftool/json_writer.c, from iproute2), reproduced call for
 * call so `-j` and `-p` output is byte for byte bpftool's. Its quirks are the point: with -p,
 * an object inside an array opens on the same line (`[{`, `},{`), array items printed with
 * jsonw_printf stay on one line and the closing bracket goes on a new one:
 *
 *   "key": ["0x01","0x00","0x00","0x00"
 *   ],
 *
 * Every top-level value is separated from the previous one by a comma (jsonw_eor), and
 * jsonw_destroy ends the output with a newline.
 */
export class JsonWriter {
  private depth = 0
  /** '' (nothing to separate) or ','. */
  private sep = ''

  constructor(
    private readonly write: (text: string) => void,
    public pretty = false,
  ) {}

  private put(s: string): void {
    this.write(s)
  }

  private indent(): void {
    for (let i = 0; i < this.depth; i++) this.put('    ')
  }

  private eol(): void {
    if (!this.pretty) return
    this.put('\n')
    this.indent()
  }

  private eor(): void {
    if (this.sep !== '') this.put(this.sep)
    this.sep = ','
  }

  /** jsonw_puts: a quoted string with the writer's (partial) escaping. */
  private quoted(str: string): void {
    let s = '"'
    for (const c of str) {
      switch (c) {
        case '\t':
          s += '\\t'
          break
        case '\n':
          s += '\\n'
          break
        case '\r':
          s += '\\r'
          break
        case '\f':
          s += '\\f'
          break
        case '\b':
          s += '\\b'
          break
        case '\\':
          s += '\\n' // sic: json_writer.c escapes a backslash as "\n"
          break
        case '"':
          s += '\\"'
          break
        default:
          s += c
      }
    }
    this.put(s + '"')
  }

  private begin(c: string): void {
    this.eor()
    this.put(c)
    this.depth++
    this.sep = ''
  }

  private end(c: string): void {
    this.depth--
    if (this.sep !== '') this.eol()
    this.put(c)
    this.sep = ','
  }

  name(name: string): void {
    this.eor()
    this.eol()
    this.sep = ''
    this.quoted(name)
    this.put(this.pretty ? ': ' : ':')
  }

  /** jsonw_printf: raw text as one value. */
  printf(raw: string): void {
    this.eor()
    this.put(raw)
  }

  /** jsonw_vprintf_enquote: text inside quotes, not escaped (as p_err writes errors). */
  enquote(text: string): void {
    this.eor()
    this.put(`"${text}"`)
  }

  startObject(): void {
    this.begin('{')
  }
  endObject(): void {
    this.end('}')
  }
  startArray(): void {
    this.begin('[')
  }
  endArray(): void {
    this.end(']')
  }

  string(value: string): void {
    this.eor()
    this.quoted(value)
  }
  null(): void {
    this.printf('null')
  }

  stringField(name: string, value: string): void {
    this.name(name)
    this.string(value)
  }
  uintField(name: string, v: number | bigint): void {
    this.name(name)
    this.printf(String(v))
  }
  intField(name: string, v: number | bigint): void {
    this.name(name)
    this.printf(String(v))
  }
  boolField(name: string, v: boolean): void {
    this.name(name)
    this.printf(v ? 'true' : 'false')
  }
  nullField(name: string): void {
    this.name(name)
    this.null()
  }

  /** jsonw_destroy: the final newline. */
  destroy(): void {
    this.put('\n')
  }
}
