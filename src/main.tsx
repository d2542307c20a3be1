// First: the kernel's views decode names from shared memory, which browsers refuse without this.
import './ui/platform/shared-text-decoder'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './ui/App'
import './ui/styles/app.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
