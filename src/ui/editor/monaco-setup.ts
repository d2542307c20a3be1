/**
 * Monaco, bundled (no CDN: the page is cross-origin isolated and must load nothing from
 * elsewhere) and slim: the editor API, its features, and only the C language definition.
 * Imported only by the lazily loaded editor component, so the first paint does not wait for it.
 * Paths follow monaco-editor 0.57's export map (the old `esm/vs/...` paths no longer resolve).
 */
import * as monaco from 'monaco-editor/editor'
import 'monaco-editor/features/register.all'
import 'monaco-editor/languages/definitions/cpp/register'
// The tokenizer itself, in this chunk: otherwise it arrives as one more request and the code
// shows uncoloured for a moment.
import 'monaco-editor/languages/definitions/cpp/cpp'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'

self.MonacoEnvironment = { getWorker: () => new EditorWorker() }

monaco.editor.defineTheme('bpfplay-light', {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'comment', foreground: '6a737d', fontStyle: 'italic' },
    { token: 'keyword', foreground: 'cf222e' },
    { token: 'string', foreground: '0a3069' },
    { token: 'number', foreground: '0550ae' },
  ],
  colors: {
    'editor.background': '#ffffff',
    'editorLineNumber.foreground': '#6e7781',
    'editorLineNumber.activeForeground': '#1f2328',
    'editor.lineHighlightBackground': '#f6f8fa',
    'editorGutter.background': '#ffffff',
  },
})

monaco.editor.defineTheme('bpfplay-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [
    { token: 'comment', foreground: '8b949e', fontStyle: 'italic' },
    { token: 'keyword', foreground: 'ff7b72' },
    { token: 'string', foreground: 'a5d6ff' },
    { token: 'number', foreground: '79c0ff' },
  ],
  colors: {
    'editor.background': '#0d1117',
    'editorLineNumber.foreground': '#8b949e',
    'editorLineNumber.activeForeground': '#e6edf3',
    'editor.lineHighlightBackground': '#161b22',
    'editorGutter.background': '#0d1117',
  },
})

export { monaco }
