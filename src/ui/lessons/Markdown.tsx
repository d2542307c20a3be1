/**
 * Markdown of a lesson step as React elements. `marked` only tokenizes; this file turns the
 * tokens into elements, so nothing is ever set as HTML: raw HTML in a lesson shows as text,
 * and links keep only http(s), mailto and relative targets. Lessons can come from any URL
 * (?lesson=https://...), so their text is treated as untrusted.
 */
import { Lexer, type Token, type Tokens } from 'marked'
import { Fragment, useMemo, type ReactNode } from 'react'

function safeHref(href: string): string | null {
  const h = href.trim()
  if (/^(https?:|mailto:)/i.test(h)) return h
  if (/^[a-z][a-z0-9+.-]*:/i.test(h) || h.startsWith('//')) return null // javascript:, data:, protocol-relative
  return h
}

function inline(tokens: Token[] | undefined, key = ''): ReactNode[] {
  return (tokens ?? []).map((t, i) => {
    const k = `${key}${i}`
    switch (t.type) {
      case 'strong':
        return <strong key={k}>{inline((t as Tokens.Strong).tokens, k)}</strong>
      case 'em':
        return <em key={k}>{inline((t as Tokens.Em).tokens, k)}</em>
      case 'del':
        return <del key={k}>{inline((t as Tokens.Del).tokens, k)}</del>
      case 'codespan':
        return <code key={k}>{decodeEntities((t as Tokens.Codespan).text)}</code>
      case 'br':
        return <br key={k} />
      case 'link': {
        const l = t as Tokens.Link
        const href = safeHref(l.href)
        if (!href) return <Fragment key={k}>{inline(l.tokens, k)}</Fragment>
        const external = /^(https?:|mailto:)/i.test(href)
        return (
          <a key={k} href={href} title={l.title ?? undefined} {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
            {inline(l.tokens, k)}
          </a>
        )
      }
      case 'image':
        return <Fragment key={k}>{(t as Tokens.Image).text}</Fragment>
      case 'text': {
        const tt = t as Tokens.Text
        return tt.tokens ? <Fragment key={k}>{inline(tt.tokens, k)}</Fragment> : <Fragment key={k}>{decodeEntities(tt.text)}</Fragment>
      }
      case 'escape':
        return <Fragment key={k}>{(t as Tokens.Escape).text}</Fragment>
      default:
        return <Fragment key={k}>{'raw' in t ? t.raw : ''}</Fragment>
    }
  })
}

/** marked escapes &, <, >, " and ' in text tokens; React escapes again, so undo the first. */
function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? _)
}

function block(t: Token, k: string): ReactNode {
  switch (t.type) {
    case 'space':
    case 'def':
      return null
    case 'heading': {
      const h = t as Tokens.Heading
      // Step titles are h2 in the panel, so the step's own headings start at h3.
      const level = Math.min(6, h.depth + 2)
      const Tag = `h${level}` as 'h3'
      return <Tag key={k}>{inline(h.tokens, k)}</Tag>
    }
    case 'paragraph':
      return <p key={k}>{inline((t as Tokens.Paragraph).tokens, k)}</p>
    case 'code':
      return (
        <pre key={k} className="md-code">
          <code>{(t as Tokens.Code).text}</code>
        </pre>
      )
    case 'blockquote':
      return <blockquote key={k}>{(t as Tokens.Blockquote).tokens.map((c, i) => block(c, `${k}.${i}`))}</blockquote>
    case 'list': {
      const l = t as Tokens.List
      const items = l.items.map((it, i) => <li key={i}>{it.tokens.map((c, j) => (c.type === 'text' ? <Fragment key={j}>{inline((c as Tokens.Text).tokens ?? [c], `${k}.${i}.${j}`)}</Fragment> : block(c, `${k}.${i}.${j}`)))}</li>)
      return l.ordered ? (
        <ol key={k} start={typeof l.start === 'number' ? l.start : undefined}>
          {items}
        </ol>
      ) : (
        <ul key={k}>{items}</ul>
      )
    }
    case 'table': {
      const tb = t as Tokens.Table
      return (
        <div key={k} className="md-table-wrap">
          <table>
            <thead>
              <tr>
                {tb.header.map((c, i) => (
                  <th key={i} style={tb.align[i] ? { textAlign: tb.align[i]! } : undefined}>
                    {inline(c.tokens, `${k}h${i}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tb.rows.map((r, ri) => (
                <tr key={ri}>
                  {r.map((c, i) => (
                    <td key={i} style={tb.align[i] ? { textAlign: tb.align[i]! } : undefined}>
                      {inline(c.tokens, `${k}r${ri}c${i}`)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )
    }
    case 'hr':
      return <hr key={k} />
    case 'html':
      return (
        <p key={k} className="md-raw">
          {(t as Tokens.HTML).text}
        </p>
      )
    case 'text':
      return <p key={k}>{inline((t as Tokens.Text).tokens ?? [t], k)}</p>
    default:
      return <p key={k}>{'raw' in t ? t.raw : ''}</p>
  }
}

export function Markdown({ text }: { text: string }) {
  const tokens = useMemo(() => Lexer.lex(text, { gfm: true }), [text])
  return <div className="md">{tokens.map((t, i) => block(t, String(i)))}</div>
}
