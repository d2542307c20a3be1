/**
 * Splits a typed command line into words the way a POSIX shell would for a simple command:
 * blanks separate words, 'single quotes' keep everything, "double quotes" keep everything
 * but \" \\ \$ \` escapes, and a backslash outside quotes takes the next character
 * literally. No expansions. An unterminated quote is an error worded like bash's.
 */
export function splitWords(line: string): string[] | { error: string } {
  const words: string[] = []
  let cur = ''
  let inWord = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (ch === "'") {
      const end = line.indexOf("'", i + 1)
      if (end < 0) return { error: "unexpected EOF while looking for matching `''" }
      cur += line.slice(i + 1, end)
      inWord = true
      i = end
    } else if (ch === '"') {
      inWord = true
      let j = i + 1
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1])) j++
        cur += line[j]
      }
      if (j >= line.length) return { error: 'unexpected EOF while looking for matching `"\'' }
      i = j
    } else if (ch === '\\') {
      if (i + 1 < line.length) cur += line[++i]
      inWord = true
    } else if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (inWord) words.push(cur)
      cur = ''
      inWord = false
    } else {
      cur += ch
      inWord = true
    }
  }
  if (inWord) words.push(cur)
  return words
}
