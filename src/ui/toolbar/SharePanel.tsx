/**
 * Share: a link that holds both programs and the settings in its fragment (nothing is
 * uploaded). The link is selected for copying, and copied to the clipboard when allowed.
 */
import { useEffect, useRef, useState } from 'react'
import { encodeShare } from '../persistence/share'
import { workspaceSnapshot } from '../workspace/store'
import { Popover } from '../layout/Popover'

function ShareBody() {
  const [url] = useState(() => `${location.origin}${location.pathname}${location.search}#${encodeShare(workspaceSnapshot())}`)
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    input.current?.select()
  }, [])
  const copy = () => {
    input.current?.select()
    navigator.clipboard?.writeText(url).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    ) ?? setCopied('no')
  }
  return (
    <div className="share">
      <label className="share-label" htmlFor="share-url">
        Link to both files and the settings
      </label>
      <div className="share-row">
        <input id="share-url" ref={input} className="input mono" readOnly value={url} data-testid="share-url" onFocus={(e) => e.currentTarget.select()} />
        <button className="btn btn-primary" onClick={copy}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="share-note">
        {copied === 'no' ? 'The browser did not allow copying: select the link and copy it. ' : ''}
        Everything is in the link ({url.length} characters); nothing is uploaded.
      </p>
    </div>
  )
}

export function ShareButton() {
  return (
    <Popover label="Share" buttonClass="btn" title="Share a link to these programs" align="right">
      {() => <ShareBody />}
    </Popover>
  )
}
