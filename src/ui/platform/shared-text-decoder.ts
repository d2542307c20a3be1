/**
 * Browsers' TextDecoder.decode() rejects views of a SharedArrayBuffer ("The provided
 * ArrayBufferView value must not be shared"); Node accepts them. Core code written and tested
 * in Node (the kernel reads bpffs names straight from its shared memory) would throw here, so
 * the page and its workers decode a private copy of shared views instead. Installed once per
 * realm, before the kernel is used; a no-op where decode already accepts shared views.
 */
export function allowSharedViewsInTextDecoder(): void {
  if (typeof SharedArrayBuffer === 'undefined') return
  const probe = new Uint8Array(new SharedArrayBuffer(1))
  try {
    new TextDecoder().decode(probe)
    return
  } catch {
    // the browser refuses: patch below
  }
  const decode = TextDecoder.prototype.decode
  TextDecoder.prototype.decode = function (input?: AllowSharedBufferSource, options?: TextDecodeOptions): string {
    if (input && ArrayBuffer.isView(input) && input.buffer instanceof SharedArrayBuffer) {
      input = new Uint8Array(input.buffer, input.byteOffset, input.byteLength).slice()
    }
    return decode.call(this, input, options)
  }
}

allowSharedViewsInTextDecoder()
